// A portal laid out for the scanner: deals in groups whose timers are, at Monday 23 November 2026
// 16:00 New York, breached, at risk, running or met — the expected escalations are counted by hand
// in the tests from these groups, never by the code under test.
import { readFileSync } from 'node:fs';
import type { HandoffState } from '@handoff/shared';
import type { ServiceHarness } from './service-harness.js';

/** New York wall time in November 2026 (UTC−5). */
export const ny = (day: number, hour: number, minute = 0) =>
  Date.UTC(2026, 10, day, hour + 5, minute);
export const SCAN_NOW = ny(23, 16);

export interface ScanPortal {
  portalId: string;
  dealsOf: Record<string, string[]>;
  /** Deals the scanner's search returns (the stages where an SLA may run). */
  candidates: number;
}

const accepted = (at: number): HandoffState => ({
  status: 'accepted',
  version: 1,
  items: {},
  events: [{ type: 'accepted', at, by: 'u', actionId: `acc-${at}`, details: {} }],
});

export async function seedScanPortal(
  h: ServiceHarness,
  sizes: { perGroup: number; inertWon: number; total: number },
): Promise<ScanPortal> {
  const portal = h.emulator.portals.create();
  const portalId = portal.portalId;
  const owner = (email: string, team: string) =>
    h.emulator.seed.owner(portalId, { email, teams: [{ name: team }] });
  const rep = owner('rep@example.com', 'Sales');
  owner('cs@example.com', 'Customer Success');
  const admin = owner('admin@example.com', 'RevOps');
  await h.install(portalId);
  const text = readFileSync(
    // The playbook the scanner's numbers were worked out on (test/fixtures/scanner-playbook.yaml).
    new URL('../../fixtures/scanner-playbook.yaml', import.meta.url),
    'utf8',
  );
  const saved = await h.call('PUT', '/v1/hubspot/playbook', portalId, {
    as: String(admin.userId),
    body: { text },
  });
  if (saved.status !== 200) throw new Error('could not save the playbook');

  const dealsOf: Record<string, string[]> = {};
  const seed = (group: string, count: number, history: { stage: string; at: number }[]) => {
    dealsOf[group] = Array.from({ length: count }, (_, i) =>
      h.emulator.seed.deal(portalId, {
        properties: { dealname: `${group}-${i}`, hubspot_owner_id: rep.id },
        stageHistory: history,
      }),
    );
  };
  const { perGroup, inertWon, total } = sizes;
  seed('A1', perGroup, [{ stage: 'appointmentscheduled', at: ny(23, 9) }]); // AE timer: 7 of 4 h → breached
  seed('A2', perGroup, [{ stage: 'appointmentscheduled', at: ny(23, 12, 30) }]); // 3.5 of 4 h → at risk
  seed('A3', perGroup, [{ stage: 'appointmentscheduled', at: ny(23, 15) }]); // 1 h → running
  seed('A4', perGroup, [{ stage: 'appointmentscheduled', at: ny(23, 9) }]); // accepted at 10:00 → met
  seed('C1', perGroup, [{ stage: 'closedwon', at: ny(20, 9) }]); // CS timer: 15 of 8 h → breached, 7 h past due
  seed('C2', perGroup, [{ stage: 'closedwon', at: ny(23, 9) }]); // 7 of 8 h → at risk (75 %)
  seed('C3', perGroup, [{ stage: 'closedwon', at: ny(23, 14) }]); // 2 h → running
  seed('C4', inertWon, [{ stage: 'closedwon', at: ny(23, 9) }]); // accepted at 10:00 → met
  seed('Q', total - 7 * perGroup - inertWon, [{ stage: 'qualifiedtobuy', at: ny(20, 9) }]); // no SLA runs here
  for (const [group, handoffId] of [
    ['A4', 'sdr_to_ae'],
    ['C4', 'sales_to_cs'],
  ] as const) {
    for (const deal of dealsOf[group] ?? []) {
      await h.store.applyAction(
        { portalId, objectType: 'deal', recordId: deal },
        handoffId,
        `seed-${deal}`,
        ny(23, 10),
        () => ({
          kind: 'store',
          state: accepted(ny(23, 10)),
          response: () => ({ status: 200, body: null }),
        }),
      );
    }
  }
  h.clock.set(SCAN_NOW);
  h.emulator.requestLog.clear();
  h.emulator.resetRateLimits();
  return { portalId, dealsOf, candidates: 7 * perGroup + inertWon };
}

/** Accepts these groups' handoffs at `at` (the AE deals' SDR → AE, the won deals' Sales → CS): their timers are met. */
export async function acceptGroups(
  h: ServiceHarness,
  portal: ScanPortal,
  groups: readonly string[],
  at: number,
): Promise<void> {
  for (const group of groups) {
    const handoffId = group.startsWith('A') ? 'sdr_to_ae' : 'sales_to_cs';
    for (const deal of portal.dealsOf[group] ?? []) {
      await h.store.applyAction(
        { portalId: portal.portalId, objectType: 'deal', recordId: deal },
        handoffId,
        `accept-${deal}`,
        at,
        () => ({
          kind: 'store',
          state: accepted(at),
          response: () => ({ status: 200, body: null }),
        }),
      );
    }
  }
}
