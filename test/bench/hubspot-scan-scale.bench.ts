// What a scan costs as portals grow (issue 21): HubSpot API calls per hour for 10,000 and 100,000
// deals with 1 % of them changing per hour, the full scanner (every candidate each cycle, as
// before) against the change-driven one; and one scan cycle over 200 portals. Everything runs
// against the local emulator on a manual clock: rate-limit waits move the clock, so a cycle's
// simulated length is what HubSpot's limits would make it.
import { performance } from 'node:perf_hooks';
import type { Scanner } from '../../hubspot-app/backend/scanner/scan.js';
import { seedContactPortal } from '../hubspot-app/backend/scan-contacts-fixture.js';
import {
  applyChange,
  HOUR,
  MINUTE,
  ny,
  plainScanner,
  random,
  seedDeal,
  worldPortal,
  type Change,
  type WorldPortal,
} from '../hubspot-app/backend/scan-world.js';
import {
  startServiceHarness,
  type ServiceHarness,
} from '../hubspot-app/backend/service-harness.js';
import { line, section } from './lib.js';

/** The scan interval main.ts runs with. */
const INTERVAL = 60_000;
/** The measured hour starts as the live deals' timers begin to turn at risk and breach. */
const START = ny(23, 12, 30);
/** Deals whose AE timer runs out during the hour (the rest are won deals CS has accepted). */
const LIVE = 200;

/**
 * A portal of `deals` deals, every one in a stage where a timer may run (so every one is a
 * candidate of the full scan): LIVE booked this morning, their AE timers turning at risk and
 * breached during the hour, and the rest won and accepted by CS (nothing left to do).
 */
async function seedPortal(h: ServiceHarness, deals: number): Promise<WorldPortal> {
  h.clock.set(ny(23, 7));
  const portal = await worldPortal(h);
  for (let i = 0; i < LIVE; i++)
    seedDeal(h, portal, [{ stage: 'appointmentscheduled', at: ny(23, 9) + i * 30_000 }]);
  for (let i = LIVE; i < deals; i++) {
    const id = seedDeal(h, portal, [{ stage: 'closedwon', at: ny(20, 9) }]);
    await h.store.applyAction(
      { portalId: portal.portalId, objectType: 'deal', recordId: id },
      'sales_to_cs',
      `accept-${id}`,
      ny(20, 10),
      () => ({
        kind: 'store',
        state: {
          status: 'accepted',
          version: 1,
          items: {},
          events: [{ type: 'accepted', at: ny(20, 10), by: 'u', actionId: `a-${id}`, details: {} }],
        },
        response: () => ({ status: 200, body: null }),
      }),
    );
  }
  return portal;
}

interface Hour {
  calls: number;
  escalations: number;
  cycles: number;
  /** Simulated time the cycles covered (the full scanner's may stop early, see callsPerHour). */
  coveredMs: number;
  /** Wall time of the cycles. */
  wallMs: number;
}

/**
 * Scans `portal` every INTERVAL from `from` (or as soon as the previous scan ends, when it ran
 * longer), applying the changes as their instants pass, for an hour or `maxCycles` cycles.
 */
async function scanHour(
  h: ServiceHarness,
  portal: WorldPortal,
  scanner: Scanner,
  changes: Change[],
  from: number,
  maxCycles: number,
): Promise<Hour> {
  let at = from;
  let calls = 0;
  let escalations = 0;
  let cycles = 0;
  const wall = performance.now();
  while (at < from + HOUR && cycles < maxCycles) {
    while (changes.length > 0 && (changes[0]?.at ?? Infinity) <= at)
      await applyChange(h, portal, changes.shift() as Change);
    h.clock.set(at);
    h.emulator.resetRateLimits();
    const report = await scanner.scanPortal(portal.portalId);
    calls += report.apiCalls;
    escalations += report.escalations;
    cycles++;
    at = Math.max(at + INTERVAL, h.clock.now());
  }
  return {
    calls,
    escalations,
    cycles,
    coveredMs: Math.min(at, from + HOUR) - from,
    wallMs: performance.now() - wall,
  };
}

const perHour = (hour: Hour) => Math.round((hour.calls * HOUR) / hour.coveredMs);

/**
 * One portal of `deals` deals, 1 % of them edited per hour at evenly spread instants. The
 * change-driven scanner runs the first hour (after its first, full scan); the full scanner then
 * runs on the same portal through the second hour, `oldCycles` cycles of it (every full cycle
 * reads every candidate, so each costs the same; the hour's calls are extrapolated from them).
 * By then the live deals' escalations are done, so the full scanner's cycles carry fewer writes
 * than they would have: the ratio is, if anything, in the full scanner's favour.
 */
export async function callsPerHour(deals: number, oldCycles: number): Promise<void> {
  const h = await startServiceHarness();
  try {
    const portal = await seedPortal(h, deals);
    const next = random(deals);
    const edits = Math.round(deals / 100);
    const changes: Change[] = Array.from({ length: 2 * edits }, (_, i) => ({
      at: START + Math.floor(((i + 0.5) * HOUR) / edits),
      kind: 'edit',
      deal: Math.floor(next() * deals),
    }));
    // The first scan ever writes every deal's SLA status; the change search finds those writes
    // once more (then reads them at the version it saw). Both happen once, at install, before the
    // measured hour: it shows the steady state.
    h.clock.set(START - 10 * MINUTE);
    h.emulator.resetRateLimits();
    const changeDriven = plainScanner(h, true);
    const warmUp = await changeDriven.scanPortal(portal.portalId);
    h.clock.set(START - 4 * MINUTE);
    h.emulator.resetRateLimits();
    const settle = await changeDriven.scanPortal(portal.portalId);
    const driven = await scanHour(h, portal, changeDriven, changes, START, Infinity);
    const full = await scanHour(
      h,
      portal,
      plainScanner(h, false),
      changes,
      START + HOUR,
      oldCycles,
    );
    // The change-driven scanner still reads every candidate once a day: a full cycle's calls / 24.
    const reconcile = Math.round(full.calls / full.cycles / 24);
    const fullPerHour = perHour(full);
    const drivenPerHour = perHour(driven) + reconcile;
    const label = deals.toLocaleString('en-US');
    line(
      `${label} deals, full scanner: calls/hour`,
      `${fullPerHour.toLocaleString('en-US')} (${full.cycles} cycles, ${full.calls} calls, ${full.escalations} escalations, over ${(full.coveredMs / MINUTE).toFixed(1)} simulated min)`,
    );
    line(
      `${label} deals, change-driven: calls/hour`,
      `${drivenPerHour.toLocaleString('en-US')} (${driven.cycles} cycles, ${driven.calls} calls with ${driven.escalations} escalations + ${reconcile} for the daily full scan / 24; install: first scan ${warmUp.apiCalls} calls, the next ${settle.apiCalls}) = ${((100 * drivenPerHour) / fullPerHour).toFixed(1)} % of full (target ≤ 5 %)`,
    );
    line(
      `${label} deals, wall time of the measured cycles`,
      `full ${(full.wallMs / 1000).toFixed(1)} s for ${full.cycles}, change-driven ${(driven.wallMs / 1000).toFixed(1)} s for ${driven.cycles}`,
    );
  } finally {
    await h.close();
  }
}

/** One scan cycle over 200 portals (3 deals each, two escalations each) by one instance, then the next. */
export async function cycleOf200(): Promise<void> {
  const h = await startServiceHarness();
  try {
    h.clock.set(ny(23, 8));
    for (let i = 0; i < 200; i++) {
      const portal = await worldPortal(h);
      seedDeal(h, portal, [{ stage: 'appointmentscheduled', at: ny(23, 12, 30) }]);
      seedDeal(h, portal, [{ stage: 'closedwon', at: ny(23, 9) }]);
      seedDeal(h, portal, [{ stage: 'appointmentscheduled', at: ny(23, 15) }]);
    }
    for (const [name, at] of [
      ['first (full scans, 400 escalations)', ny(23, 16)],
      ['next (change-driven)', ny(23, 16, 1)],
    ] as const) {
      h.clock.set(at);
      h.emulator.resetRateLimits();
      const start = performance.now();
      const reports = await h.service.scanDue();
      const ms = performance.now() - start;
      line(
        `200 portals, one instance: ${name} cycle`,
        `${(ms / 1000).toFixed(1)} s wall, ${((h.clock.now() - at) / 1000).toFixed(0)} s simulated, ${reports.length} scans, ${reports.reduce((n, r) => n + r.apiCalls, 0)} calls, ${reports.reduce((n, r) => n + r.escalations, 0)} escalations`,
      );
    }
  } finally {
    await h.close();
  }
}

/**
 * Contacts (issue 19): every scan reads every contact in a stage where speed to lead or the MQL
 * decision may run — the contact scan is not change-driven yet — so an hour of one-minute scans
 * costs 60 times one cycle. Measured on `cycles` consecutive cycles after the first scan (whose
 * escalations are done by then), on a portal of `contacts` MQL contacts.
 */
export async function contactCallsPerHour(contacts: number, cycles: number): Promise<void> {
  const h = await startServiceHarness();
  try {
    const perGroup = 20;
    const portal = await seedContactPortal(h, {
      perGroup,
      inertMql: contacts - 4 * perGroup,
      leads: 0,
    });
    const first = await h.service.scanner.scanPortal(portal.portalId);
    let calls = 0;
    let at = h.clock.now();
    for (let i = 0; i < cycles; i++) {
      at = Math.max(at + INTERVAL, h.clock.now());
      h.clock.set(at);
      h.emulator.resetRateLimits();
      calls += (await h.service.scanner.scanPortal(portal.portalId)).apiCalls;
    }
    const perCycle = calls / cycles;
    // Per cycle: one search per 200 candidates (and the short last page), one history read per
    // 50, and the empty search of the default playbook's deal stages.
    const minimum = Math.ceil((contacts + 1) / 200) + Math.ceil(contacts / 50) + 1;
    line(
      `${contacts.toLocaleString('en-US')} MQL contacts: calls per cycle / minimum`,
      `${perCycle.toFixed(0)} / ${minimum} (first scan ${first.apiCalls} calls, ${first.escalations} escalations)`,
    );
    line(
      `${contacts.toLocaleString('en-US')} MQL contacts: calls/hour (every cycle reads every candidate)`,
      (perCycle * 60).toLocaleString('en-US'),
    );
  } finally {
    await h.close();
  }
}

export default async function (): Promise<void> {
  section(
    'HubSpot scanner cost (issue 21): calls per hour at 1 % of deals changed per hour, scans every minute',
  );
  await callsPerHour(10_000, 5);
  await callsPerHour(100_000, 1);
  await cycleOf200();
  await contactCallsPerHour(10_000, 3);
}
