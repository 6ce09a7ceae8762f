// The accept SLA's outcome per handoff, as the CRMs store it for native reports.
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../shared/src/metrics/index.js';
import type { HandoffEvent, HandoffState } from '../../../shared/src/shapes/index.js';
import { acceptSlaOf, handoffSlaOutcome } from '../../../shared/src/sla/index.js';
import { deal } from '../builders.js';
import { defaultPlaybook } from '../fixtures.js';

const playbook = defaultPlaybook();
// New York is UTC−5 all of November 2026; the us_business calendar is Monday–Friday 09:00–17:00.
const ny = (day: number, hour: number) => Date.UTC(2026, 10, day, hour + 5);
const ev = (type: HandoffEvent['type'], at: number, details = {}): HandoffEvent => ({
  type,
  at,
  by: 'u',
  actionId: `${type}-${at}`,
  details,
});
const state = (status: HandoffState['status'], events: HandoffEvent[]): HandoffState => ({
  status,
  version: events.length,
  items: {},
  events,
});
const won = (handoff: HandoffState) =>
  deal({
    stageHistory: [
      { stage: 'appointment_scheduled', enteredAt: ny(2, 9) },
      { stage: 'closed_won', enteredAt: ny(10, 9) },
    ],
    handoffs: { sales_to_cs: handoff },
  });

describe('handoffSlaOutcome', () => {
  it('names the SLA that stops on the acceptance', () => {
    expect(acceptSlaOf(playbook, 'sales_to_cs')?.id).toBe('cs_accepts_won_deal');
    expect(acceptSlaOf(playbook, 'sdr_to_ae')?.id).toBe('ae_accepts_new_deal');
  });

  it('when accepted within the business day, then met, stopped at the acceptance, 180 minutes', () => {
    const record = won(
      state('accepted', [ev('submitted', ny(10, 10)), ev('accepted', ny(10, 13))]),
    );
    expect(handoffSlaOutcome(playbook, record, 'sales_to_cs', ny(20, 12))).toEqual({
      slaId: 'cs_accepts_won_deal',
      outcome: 'met',
      completedAt: ny(10, 13),
      businessMinutesToAccept: 180,
    });
  });

  it('when accepted after the due time, then met late, and the wait counts from the first submission', () => {
    // Thu 11:00 submitted, rejected Thu 12:00 (the clock pauses), resubmitted Fri 09:00, accepted
    // Mon 10:00. The SLA's 8 business hours: 1 on Thursday, the rest ran out Friday 16:00.
    // The wait: Thu 11–17 (6 h) + Fri 9–17 (8 h) + Mon 9–10 (1 h) = 900 minutes.
    const record = won(
      state('accepted', [
        ev('submitted', ny(12, 11)),
        ev('rejected', ny(12, 12), { reason: 'missing_information' }),
        ev('submitted', ny(13, 9)),
        ev('accepted', ny(16, 10)),
      ]),
    );
    expect(handoffSlaOutcome(playbook, record, 'sales_to_cs', ny(20, 12))).toEqual({
      slaId: 'cs_accepts_won_deal',
      outcome: 'met_late',
      completedAt: ny(16, 10),
      businessMinutesToAccept: 900,
    });
  });

  it('when still waiting past the due time, then breached, with no completion and no wait yet', () => {
    const record = won(state('submitted', [ev('submitted', ny(10, 10))]));
    expect(handoffSlaOutcome(playbook, record, 'sales_to_cs', ny(11, 11))).toEqual({
      slaId: 'cs_accepts_won_deal',
      outcome: 'breached',
      completedAt: null,
      businessMinutesToAccept: null,
    });
  });

  it('when still waiting within the target, or not submitted yet, then no outcome', () => {
    const waiting = won(state('submitted', [ev('submitted', ny(10, 10))]));
    expect(handoffSlaOutcome(playbook, waiting, 'sales_to_cs', ny(10, 12)).outcome).toBeNull();
    const draft = won(state('in_progress', []));
    expect(handoffSlaOutcome(playbook, draft, 'sales_to_cs', ny(20, 12))).toEqual({
      slaId: 'cs_accepts_won_deal',
      outcome: null,
      completedAt: null,
      businessMinutesToAccept: null,
    });
  });

  it('when the playbook has no SLA for the acceptance, then the wait is calendar time', () => {
    const without = {
      ...playbook,
      slas: playbook.slas.filter((s) => s.id !== 'cs_accepts_won_deal'),
    };
    const record = won(
      state('accepted', [ev('submitted', ny(13, 16)), ev('accepted', ny(16, 10))]),
    );
    expect(handoffSlaOutcome(without, record, 'sales_to_cs', ny(20, 12))).toEqual({
      slaId: null,
      outcome: null,
      completedAt: null,
      businessMinutesToAccept: (3 * 24 - 6) * 60,
    });
  });

  it('agrees with computeMetrics: its attainment and time to accept are these outcomes counted', () => {
    const records = [
      won(state('accepted', [ev('submitted', ny(10, 10)), ev('accepted', ny(10, 13))])),
      {
        ...won(
          state('accepted', [
            ev('submitted', ny(12, 11)),
            ev('rejected', ny(12, 12), { reason: 'missing_information' }),
            ev('submitted', ny(13, 9)),
            ev('accepted', ny(16, 10)),
          ]),
        ),
        recordId: 'd-2',
      },
    ];
    const now = ny(20, 12);
    const metrics = computeMetrics(playbook, records, { from: ny(1, 0), to: ny(30, 0) }, now);
    const outcomes = records.map((r) => handoffSlaOutcome(playbook, r, 'sales_to_cs', now));
    const sla = metrics.slas.find((s) => s.id === 'cs_accepts_won_deal');
    expect(sla?.completed).toBe(outcomes.filter((o) => o.completedAt !== null).length);
    expect(sla?.metOnTime).toBe(outcomes.filter((o) => o.outcome === 'met').length);
    const handoff = metrics.handoffs.find((h) => h.id === 'sales_to_cs');
    expect(handoff?.timeToAccept.medianMs).toBe(((180 + 900) / 2) * 60_000);
  });
});
