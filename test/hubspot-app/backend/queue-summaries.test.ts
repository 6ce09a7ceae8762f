// The service keeps the record summaries the queue and dashboard pages read by itself, with no
// sandbox refresh: its scheduled scans read every mapped deal after the first (full) scan and the
// deals changed since the last scan after the others, through the scanner's rate budget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardResponse } from '@handoff/shared';
import type { SummarizedScanReport } from '../../../hubspot-app/backend/scanner/summarizing.js';
import { portalWithWonDeal, startServiceHarness, type ServiceHarness } from './service-harness.js';

const DAY = 86_400_000;
let h: ServiceHarness;
beforeAll(async () => {
  h = await startServiceHarness();
}, 60_000);
afterAll(async () => h?.close());

describe('record summaries kept by the service', () => {
  it('when the scheduled scans run, then won and lost deals nobody opened are in the dashboard, at one search per 200 deals', async () => {
    const { portalId, deal: won, users } = await portalWithWonDeal(h);
    const now = h.clock.now();
    // Lost after two days in Appointment scheduled: no timer runs in Closed lost, so the scan
    // itself never reads it.
    const lost = h.emulator.seed.deal(portalId, {
      properties: { dealname: 'Globex', closed_lost_reason: 'Budget' },
      stageHistory: [
        { stage: 'appointmentscheduled', at: now - 5 * DAY },
        { stage: 'closedlost', at: now - 3 * DAY },
      ],
    });
    const dashboard = async () => {
      const answer = (await h.call('GET', '/v1/hubspot/dashboard?period=last_30_days', portalId, {
        as: users.admin,
      })) as { status: number; body: DashboardResponse };
      expect(answer.status).toBe(200);
      return answer.body;
    };
    const exits = (body: DashboardResponse) =>
      body.metrics.stages.find((s) => s.id === 'appointment_scheduled')?.exits;
    expect((await dashboard()).freshness.records).toBe(0);

    const first = (await h.service.scanDue()) as SummarizedScanReport[];
    expect(first.map((r) => [r.portalId, r.mode, r.summaries])).toEqual([
      [portalId, 'full', { mode: 'all', deals: 2, calls: 1 }],
    ]);
    h.clock.advance(31_000); // past the portal picture's 30 s
    const afterFirst = await dashboard();
    expect(afterFirst.freshness.records).toBe(2);
    expect(exits(afterFirst)).toBe(1);

    // Ten minutes on, the window of changes still overlaps the first scan's by CHANGE_LAG_MS (5
    // minutes), so the two deals changed just before it are read again; nothing else is.
    h.clock.advance(10 * 60_000);
    const overlap = (await h.service.scanDue()) as SummarizedScanReport[];
    // (A scan that ran late may be followed by another at once; those read what changed since.)
    expect(overlap.map((r) => r.summaries?.mode)).toEqual(overlap.map(() => 'changes'));
    expect(overlap.reduce((n, r) => n + (r.summaries?.deals ?? 0), 0)).toBe(2);
    // Lost after that, never opened: the next scan reads only what changed since.
    const later = h.emulator.seed.deal(portalId, {
      properties: { dealname: 'Initech', closed_lost_reason: 'Timing' },
      stageHistory: [
        { stage: 'appointmentscheduled', at: h.clock.now() - 2 * DAY },
        { stage: 'closedlost', at: h.clock.now() },
      ],
    });
    h.clock.advance(61_000); // the next scan is due a minute after the first
    const second = (await h.service.scanDue()) as SummarizedScanReport[];
    expect(second.map((r) => [r.mode, r.summaries])).toEqual([
      ['changes', { mode: 'changes', deals: 1, calls: 1 }],
    ]);
    h.clock.advance(31_000);
    const afterSecond = await dashboard();
    expect(afterSecond.freshness.records).toBe(3);
    expect(exits(afterSecond)).toBe(2);
    expect((await h.store.recordSummaries(portalId, 'deal')).map((s) => s.recordId).sort()).toEqual(
      [won, lost, later].sort(),
    );
  });

  it('when a portal holds 450 lost deals and one won, then the first scheduled scan stores all 451 at three searches (200 a page)', async () => {
    const { portalId } = await portalWithWonDeal(h);
    const now = h.clock.now();
    for (let i = 0; i < 450; i++)
      h.emulator.seed.deal(portalId, {
        properties: { dealname: `Lost ${i}`, closed_lost_reason: 'Budget' },
        stageHistory: [
          { stage: 'appointmentscheduled', at: now - 5 * DAY },
          { stage: 'closedlost', at: now - 3 * DAY },
        ],
      });
    const reports = (await h.service.scanDue()) as SummarizedScanReport[];
    expect(reports.find((r) => r.portalId === portalId)?.summaries).toEqual({
      mode: 'all',
      deals: 451,
      calls: 3,
    });
    expect(await h.store.recordSummaries(portalId, 'deal')).toHaveLength(451);
  }, 60_000);
});
