// The change-driven scanner against the full one it replaces, over one simulated week: two portals
// seeded alike and changed alike at the same instants, the full scanner on one and the
// change-driven one on the other, every half hour. Every escalation, every SLA status write and
// every task completion must be the same, in the same cycle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyChange,
  emptyWritten,
  HOUR,
  MINUTE,
  ny,
  random,
  recordingScanner,
  seedDeal,
  worldPortal,
  type Change,
  type WorldPortal,
  type Written,
} from './scan-world.js';
import { startServiceHarness, type ServiceHarness } from './service-harness.js';

const STEP = 30 * MINUTE;
const START = ny(23, 7);
const END = ny(30, 7);
const STAGES = ['appointmentscheduled', 'qualifiedtobuy', 'closedwon', 'closedlost'];

/** The week's changes: about one per deal per day, spread over working and closed hours alike. */
function weekOfChanges(deals: number): Change[] {
  const next = random(21);
  const changes: Change[] = [];
  for (
    let at = START + 7 * MINUTE;
    at < END;
    at += Math.round(20 * MINUTE + next() * 80 * MINUTE)
  ) {
    const deal = Math.floor(next() * deals * 1.5);
    const pick = next();
    if (pick < 0.25)
      changes.push({ at, kind: 'stage', deal, stage: STAGES[Math.floor(next() * 4)] as string });
    else if (pick < 0.4) changes.push({ at, kind: 'edit', deal });
    else if (pick < 0.9) {
      const won = next() < 0.6;
      const roll = next();
      changes.push({
        at,
        kind: 'handoff',
        deal,
        handoffId: won ? 'sales_to_cs' : 'sdr_to_ae',
        event: roll < 0.4 ? 'accepted' : roll < 0.7 ? 'rejected' : 'submitted',
      });
    } else
      changes.push({ at, kind: 'new', stage: next() < 0.5 ? 'appointmentscheduled' : 'closedwon' });
  }
  return changes;
}

function seedWorld(h: ServiceHarness, portal: WorldPortal): void {
  for (let i = 0; i < 40; i++) {
    const stage = i % 2 === 0 ? 'appointmentscheduled' : 'closedwon';
    // Entered between last Thursday and this Monday morning, at odd minutes.
    seedDeal(h, portal, [{ stage, at: ny(19, 9) + i * 97 * MINUTE }]);
  }
}

let h: ServiceHarness;
const cycles: { at: number; full: Written; changes: Written }[] = [];
const calls = { full: 0, changes: 0, fullCycles: 0, changeCycles: 0 };

beforeAll(async () => {
  h = await startServiceHarness();
  h.clock.set(ny(19, 8));
  const a = await worldPortal(h);
  const b = await worldPortal(h);
  seedWorld(h, a);
  seedWorld(h, b);
  let current = emptyWritten();
  let currentB = emptyWritten();
  const full = recordingScanner(h, () => a, {
    changeDriven: false,
    written: () => current,
    holder: 'full',
  });
  const driven = recordingScanner(h, () => b, {
    changeDriven: true,
    written: () => currentB,
    holder: 'changes',
  });
  const changes = weekOfChanges(40);
  let pending = 0;
  for (let at = START; at <= END; at += STEP) {
    for (; pending < changes.length && (changes[pending] as Change).at <= at; pending++) {
      await applyChange(h, a, changes[pending] as Change);
      await applyChange(h, b, changes[pending] as Change);
    }
    await h.emulator.webhooks.settled();
    current = emptyWritten();
    currentB = emptyWritten();
    // Both scans run at the cycle's instant (a rate-limit wait of either would move the clock).
    h.clock.set(at);
    h.emulator.resetRateLimits();
    const fullReport = await full.scanPortal(a.portalId);
    h.clock.set(at);
    h.emulator.resetRateLimits();
    const drivenReport = await driven.scanPortal(b.portalId);
    calls.full += fullReport.apiCalls;
    calls.changes += drivenReport.apiCalls;
    if (drivenReport.mode === 'full') calls.fullCycles++;
    else calls.changeCycles++;
    cycles.push({ at, full: sorted(current), changes: sorted(currentB) });
  }
}, 600_000);

afterAll(async () => h?.close());

function sorted(w: Written): Written {
  return {
    escalations: [...w.escalations].sort(),
    statusWrites: [...w.statusWrites].sort(),
    completions: [...w.completions].sort(),
  };
}

describe('the change-driven scanner against the full scanner over a simulated week', () => {
  it('when both scan every half hour while deals change, then every escalation, status write and task completion is the same, in the same cycle', () => {
    const differing = cycles
      .filter((c) => JSON.stringify(c.full) !== JSON.stringify(c.changes))
      .map((c) => ({ at: new Date(c.at).toISOString(), full: c.full, changes: c.changes }));
    expect(differing).toEqual([]);
  });

  it('when the week is over, then it had escalations, status writes and completions to compare, and the change-driven scanner mostly read only changes', () => {
    const total = (pick: (w: Written) => string[]) =>
      cycles.reduce((n, c) => n + pick(c.full).length, 0);
    expect(total((w) => w.escalations)).toBeGreaterThan(20);
    expect(total((w) => w.statusWrites)).toBeGreaterThan(100);
    expect(total((w) => w.completions)).toBeGreaterThan(5);
    // The first cycle and one a day reconcile in full; every other cycle reads changes only.
    expect(calls.fullCycles).toBeLessThanOrEqual(8);
    expect(calls.changeCycles).toBe(cycles.length - calls.fullCycles);
    process.stdout.write(
      `differential week: ${cycles.length} cycles; API calls full ${calls.full}, change-driven ${calls.changes} (${calls.fullCycles} full reconciliations)\n`,
    );
  });

  it('when the cycles are counted, then the week took a cycle every half hour', () => {
    expect(cycles).toHaveLength((END - START) / STEP + 1);
    expect(cycles[1]?.at).toBe(START + HOUR / 2);
  });
});
