import { describe, expect, it } from 'vitest';
import { computeMetrics, weeklyAttainment, weekStart } from '../../../shared/src/metrics/index.js';
import type { HandoffEvent, RecordSnapshot } from '../../../shared/src/shapes/index.js';
import { deal, HOUR } from '../builders.js';
import { defaultPlaybook } from '../fixtures.js';

const playbook = defaultPlaybook();
const utc = (month: number, day: number, hour: number) => Date.UTC(2026, month - 1, day, hour);
const ev = (type: HandoffEvent['type'], at: number): HandoffEvent => ({
  type,
  at,
  by: 'u',
  actionId: `${type}-${at}`,
  details: {},
});
/** Won and submitted at `submittedAt`, accepted at `acceptedAt` (times in UTC; New York is UTC−5). */
const handedOver = (id: string, submittedAt: number, acceptedAt: number): RecordSnapshot =>
  deal({
    recordId: id,
    stageHistory: [
      { stage: 'appointment_scheduled', enteredAt: submittedAt - 20 * 24 * HOUR },
      { stage: 'closed_won', enteredAt: submittedAt },
    ],
    handoffs: {
      sales_to_cs: {
        status: 'accepted',
        version: 2,
        items: {},
        events: [ev('submitted', submittedAt), ev('accepted', acceptedAt)],
      },
    },
  });

// CS has one business day to accept. Mondays: 9, 16 and 23 November 2026.
const snapshots = [
  handedOver('d1', utc(11, 9, 15), utc(11, 9, 18)), // Mon 10:00 → 13:00: met
  handedOver('d2', utc(11, 10, 15), utc(11, 12, 15)), // Tue → Thu: two days, late
  handedOver('d3', utc(11, 16, 15), utc(11, 16, 16)), // Mon 10:00 → 11:00: met
];
const window = { from: utc(11, 2, 0), to: utc(11, 30, 0) };
const now = utc(12, 1, 0);

describe('SLA attainment per week', () => {
  const weekly = weeklyAttainment(playbook, snapshots, window, now);
  const cs = weekly.slas.find((s) => s.id === 'cs_accepts_won_deal');

  it('buckets finished timers by the Monday-to-Monday (UTC) week they stopped in', () => {
    expect(weekly.weeks.map((w) => new Date(w.from).toISOString().slice(0, 10))).toEqual([
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
    ]);
    expect(cs?.weeks.map((w) => [w.metOnTime, w.completed, w.attainment])).toEqual([
      [0, 0, null],
      [1, 2, 0.5],
      [1, 1, 1],
      [0, 0, null],
    ]);
  });

  it('adds up to computeMetrics over the same window, for every SLA', () => {
    const metrics = computeMetrics(playbook, snapshots, window, now);
    for (const sla of weekly.slas) {
      const total = metrics.slas.find((s) => s.id === sla.id);
      expect([
        sla.weeks.reduce((n, w) => n + w.completed, 0),
        sla.weeks.reduce((n, w) => n + w.metOnTime, 0),
      ]).toEqual([total?.completed, total?.metOnTime]);
    }
  });

  it('cuts the first and last week to the window', () => {
    const cut = weeklyAttainment(
      playbook,
      snapshots,
      { from: utc(11, 11, 0), to: utc(11, 17, 0) },
      now,
    );
    expect(cut.weeks).toEqual([
      { from: utc(11, 11, 0), to: utc(11, 16, 0) },
      { from: utc(11, 16, 0), to: utc(11, 17, 0) },
    ]);
    const csCut = cut.slas.find((s) => s.id === 'cs_accepts_won_deal');
    expect(csCut?.weeks.map((w) => w.completed)).toEqual([1, 1]);
  });

  it('starts weeks on Monday 00:00 UTC', () => {
    expect(weekStart(utc(11, 15, 23))).toBe(utc(11, 9, 0));
    expect(weekStart(utc(11, 16, 0))).toBe(utc(11, 16, 0));
  });
});
