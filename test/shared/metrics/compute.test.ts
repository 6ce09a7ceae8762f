import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../shared/src/metrics/index.js';
import type {
  HandoffEvent,
  HandoffState,
  RecordSnapshot,
} from '../../../shared/src/shapes/index.js';
import { deal, HOUR } from '../builders.js';
import { dealsOnlyPlaybook, defaultPlaybook } from '../fixtures.js';

// Deals counted by hand against the deal handoffs and SLAs (the playbook as it was, deals only).
const playbook = dealsOnlyPlaybook();
const utc = (month: number, day: number, hour: number) => Date.UTC(2026, month - 1, day, hour);
const ev = (
  type: HandoffEvent['type'],
  at: number,
  details: HandoffEvent['details'] = {},
): HandoffEvent => ({ type, at, by: 'u', actionId: `${type}-${at}`, details });
const state = (status: HandoffState['status'], events: HandoffEvent[]): HandoffState => ({
  status,
  version: events.length,
  items: {},
  events,
});

// Three deals, hand-built. New York is UTC−5 for all of November 2026 (DST ended on Nov 1).
const d1: RecordSnapshot = deal({
  recordId: 'd1',
  stageHistory: [
    { stage: 'appointment_scheduled', enteredAt: utc(11, 2, 14) },
    { stage: 'qualified', enteredAt: utc(11, 4, 14) },
    { stage: 'closed_won', enteredAt: utc(11, 10, 15) }, // Tue 10:00 New York
  ],
  handoffs: {
    sales_to_cs: state('accepted', [
      ev('submitted', utc(11, 10, 15)),
      ev('accepted', utc(11, 10, 18)),
    ]),
  },
});
const d2: RecordSnapshot = deal({
  recordId: 'd2',
  stageHistory: [
    { stage: 'appointment_scheduled', enteredAt: utc(11, 3, 14) },
    { stage: 'closed_won', enteredAt: utc(11, 12, 15) }, // Thu 10:00 New York
  ],
  handoffs: {
    sales_to_cs: state('accepted', [
      ev('submitted', utc(11, 12, 16)), // Thu 11:00
      ev('rejected', utc(11, 12, 17), { reason: 'missing_information' }), // Thu 12:00
      ev('submitted', utc(11, 13, 14)), // Fri 09:00
      ev('accepted', utc(11, 16, 15)), // Mon 10:00
    ]),
  },
});
const d3: RecordSnapshot = deal({
  recordId: 'd3',
  stage: 'closed_lost',
  stageHistory: [
    { stage: 'appointment_scheduled', enteredAt: utc(10, 20, 14) },
    { stage: 'closed_lost', enteredAt: utc(11, 5, 14) },
  ],
  handoffs: {
    sdr_to_ae: state('rejected', [
      ev('submitted', utc(10, 20, 15)),
      ev('rejected', utc(11, 2, 15), { reason: 'not_qualified' }),
    ]),
  },
});

describe('computeMetrics over November 2026', () => {
  const metrics = computeMetrics(
    playbook,
    [d1, d2, d3],
    { from: utc(11, 1, 0), to: utc(12, 1, 0) },
    utc(12, 1, 0),
  );

  it('when handoffs were submitted, rejected and accepted, then counts, rate and reasons are as counted by hand', () => {
    expect(metrics.handoffs).toEqual([
      {
        id: 'sdr_to_ae',
        label: 'SDR → AE',
        submitted: 0, // its submission was in October
        accepted: 0,
        rejected: 1,
        rejectionRate: 1,
        rejectionReasons: [
          {
            id: 'not_qualified',
            label: 'Not qualified (no budget, authority, need or timing)',
            count: 1,
          },
        ],
        timeToAccept: { count: 0, medianMs: null, p90Ms: null, timeZone: 'America/New_York' },
      },
      {
        id: 'sales_to_cs',
        label: 'Sales → CS',
        submitted: 3,
        accepted: 2,
        rejected: 1,
        rejectionRate: 1 / 3,
        rejectionReasons: [
          { id: 'missing_information', label: 'Missing or vague information', count: 1 },
        ],
        // d1: Tue 10:00 → 13:00 = 3 business hours; d2: Thu 11:00 → Mon 10:00 = 6 + 8 + 1 = 15.
        timeToAccept: {
          count: 2,
          medianMs: 9 * HOUR,
          p90Ms: 15 * HOUR,
          timeZone: 'America/New_York',
        },
      },
    ]);
  });

  it('when stays in stages ended in the window, then the median time in stage is in calendar time', () => {
    expect(metrics.stages.filter((s) => s.exits > 0)).toEqual([
      // d1 48 h, d2 217 h, d3 384 h
      {
        id: 'appointment_scheduled',
        label: 'Appointment scheduled',
        exits: 3,
        medianMs: 217 * HOUR,
      },
      { id: 'qualified', label: 'Qualified to buy', exits: 1, medianMs: 145 * HOUR },
    ]);
    expect(metrics.stages.find((s) => s.id === 'closed_won')).toEqual({
      id: 'closed_won',
      label: 'Closed won',
      exits: 0,
      medianMs: null,
    });
  });

  it('when deals were won, then lead-to-customer time runs from creation to the win', () => {
    // d1 193 h, d2 217 h
    expect(metrics.leadToCustomer).toEqual({ count: 2, medianMs: 205 * HOUR });
  });

  it('when SLAs completed, then attainment is met on time over completed', () => {
    // Each deal left its first stage days later without the SDR submitting in November: 0 of 2
    // (d3's SDR submitted in October). The AE's clock ran only on d3, from its October submission
    // until it was lost: late. The reps submitted at once. CS: d1 in 3 business hours; d2 from the
    // first submission Thu 11:00: 1 h, paused for the rework, then Fri 9–17 and Mon 9–10 = 10 h > 8 h.
    expect(metrics.slas).toEqual([
      {
        id: 'sdr_submits_new_deal',
        label: 'SDR submits the new deal',
        completed: 2,
        metOnTime: 0,
        attainment: 0,
      },
      {
        id: 'ae_accepts_new_deal',
        label: 'AE accepts the new deal',
        completed: 1,
        metOnTime: 0,
        attainment: 0,
      },
      {
        id: 'rep_submits_cs_handoff',
        label: 'Rep submits the CS handoff',
        completed: 2,
        metOnTime: 2,
        attainment: 1,
      },
      {
        id: 'cs_accepts_won_deal',
        label: 'CS accepts the handoff',
        completed: 2,
        metOnTime: 1,
        attainment: 0.5,
      },
    ]);
  });

  it('when the window holds nothing, then every rate is null rather than zero, on every seam', () => {
    const empty = computeMetrics(
      defaultPlaybook(),
      [d1, d2, d3],
      { from: utc(1, 1, 0), to: utc(2, 1, 0) },
      utc(12, 1, 0),
    );
    expect(empty.handoffs.map((h) => [h.id, h.rejectionRate])).toEqual([
      ['sdr_to_ae', null],
      ['sales_to_cs', null],
      ['mql_to_sales', null],
      ['expansion', null],
    ]);
    expect(empty.slas.map((s) => s.attainment)).toEqual(Array(7).fill(null));
    expect(empty.leadToCustomer).toEqual({ count: 0, medianMs: null });
    expect(empty.seams.marketingToSales).toMatchObject({
      acceptanceRate: null,
      recycleReasons: [],
    });
    expect(empty.seams.expansion).toMatchObject({ raised: 0, acceptanceRate: null, converted: 0 });
    expect(empty.speedToLead.map((s) => [s.slaId, s.touched, s.medianMs])).toEqual([
      ['speed_to_lead', 0, null],
    ]);
  });
});
