import { describe, expect, it } from 'vitest';
import { evaluateRecord } from '../../../shared/src/record/index.js';
import type { HandoffEvent } from '../../../shared/src/shapes/index.js';
import { csManager, deal, handoffState, HOUR, MONDAY_10AM_NY } from '../builders.js';
import { defaultPlaybook } from '../fixtures.js';

const playbook = defaultPlaybook();
/** The SLAs of a won deal (the builder's deal also passed through the SDR's first stage). */
const WON_SLAS = ['rep_submits_cs_handoff', 'cs_accepts_won_deal'];
/** New York wall time on 2026-11-dd (EST, UTC−5, all month). */
const ny = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 5, minute);

/** The CS timer starts at the submission: by default the rep submits the moment the deal is won. */
function csTimer(now: number, events?: HandoffEvent[], wonAt = MONDAY_10AM_NY) {
  const log = events ?? [submitted(wonAt)];
  const snapshot = deal({
    stageHistory: [{ stage: 'closed_won', enteredAt: wonAt }],
    handoffs: {
      sales_to_cs: handoffState(log.at(-1)?.type === 'accepted' ? 'accepted' : 'submitted', {
        events: log,
      }),
    },
  });
  const timer = evaluateRecord(playbook, snapshot, csManager, now).timers.find(
    (t) => t.slaId === 'cs_accepts_won_deal',
  );
  if (!timer) throw new Error('no timer');
  return timer;
}

const submitted = (at: number, id = 's'): HandoffEvent => ({
  type: 'submitted',
  at,
  by: 'u-rep',
  actionId: id,
  details: {},
});
const rejected = (at: number): HandoffEvent => ({
  type: 'rejected',
  at,
  by: 'u-cs',
  actionId: 'r',
  details: { reason: 'missing_information' },
});
const accepted = (at: number): HandoffEvent => ({
  type: 'accepted',
  at,
  by: 'u-cs',
  actionId: 'a',
  details: {},
});

describe('timers on the record view (CS accepts the handoff: 1 business day = 8 h from submission, Mon–Fri 9–17 New York)', () => {
  it('when the handoff was submitted on Monday at 10:00, then it is due Tuesday at 10:00 and running at noon', () => {
    expect(csTimer(ny(23, 12))).toMatchObject({
      state: 'running',
      paused: false,
      startedAt: ny(23, 10),
      dueAt: ny(24, 10),
      warningAt: ny(23, 16),
      targetMs: 8 * HOUR,
      consumedMs: 2 * HOUR,
      remainingMs: 6 * HOUR,
      escalationsReached: [],
      escalationLevel: 0,
      calendarTimeZone: 'America/New_York',
      waitsOn: { role: 'cs_manager', label: 'CS manager' },
    });
  });

  it('when 75 % of the time is used, then it is at risk and the first escalation is reached', () => {
    expect(csTimer(ny(23, 16, 30))).toMatchObject({
      state: 'at_risk',
      escalationsReached: [0],
      remainingMs: 1.5 * HOUR,
    });
  });

  it('when the due time passes, then it is breached; four business hours later the admin escalation is reached', () => {
    expect(csTimer(ny(24, 11))).toMatchObject({
      state: 'breached',
      escalationsReached: [0, 1],
      remainingMs: -HOUR,
    });
    expect(csTimer(ny(24, 14))).toMatchObject({
      state: 'breached',
      escalationsReached: [0, 1, 2],
      remainingMs: -4 * HOUR,
    });
  });

  it('when sales reworks a rejected handoff for two hours, then the due time moves two business hours', () => {
    // Submitted 11:00 (due Tue 11:00), rejected 12:00, submitted again 14:00: due Tue 13:00.
    const events = [submitted(ny(23, 11)), rejected(ny(23, 12)), submitted(ny(23, 14), 's2')];
    expect(csTimer(ny(23, 15), events)).toMatchObject({
      state: 'running',
      startedAt: ny(23, 11),
      dueAt: ny(24, 13),
      consumedMs: 2 * HOUR,
    });
  });

  it('while the handoff sits rejected, then the timer is paused and has no due time', () => {
    const events = [submitted(ny(23, 11)), rejected(ny(23, 12))];
    expect(csTimer(ny(23, 15), events)).toMatchObject({
      state: 'paused',
      paused: true,
      dueAt: null,
      consumedMs: HOUR,
    });
  });

  it('when CS accepts before the due time, then it is met and escalations stop', () => {
    const events = [submitted(ny(23, 11)), accepted(ny(24, 9, 30))];
    expect(csTimer(ny(25, 12), events)).toMatchObject({
      state: 'met',
      completedAt: ny(24, 9, 30),
      escalationsReached: [],
    });
  });

  it('when CS accepts after the due time, then it is met late', () => {
    const events = [submitted(ny(23, 11)), accepted(ny(24, 11, 1))];
    expect(csTimer(ny(25, 12), events).state).toBe('met_late');
  });

  it('when the deal is won the day before Thanksgiving, then the holiday and the half day after it do not count', () => {
    // Wed 15:00–17:00 (2 h), Thanksgiving closed, Fri 9:00–13:00 (4 h), Mon 9:00–11:00 (2 h).
    expect(csTimer(ny(25, 15, 30), undefined, ny(25, 15)).dueAt).toBe(ny(30, 11));
  });

  it('while the rep has not submitted, then CS has no timer and the rep’s own timer runs, waiting on the AE', () => {
    const view = evaluateRecord(playbook, deal(), csManager, ny(23, 12));
    const won = view.timers.filter((t) => WON_SLAS.includes(t.slaId));
    expect(won.map((t) => t.slaId)).toEqual(['rep_submits_cs_handoff']);
    // 8 business hours from Monday 10:00: due Tuesday 10:00, at risk from 75 % (Monday 16:00).
    expect(won[0]).toMatchObject({
      state: 'running',
      dueAt: ny(24, 10),
      waitsOn: { role: 'sales_rep', label: 'Account executive' },
    });
  });

  it('when the rep submits, then the rep’s timer is met at the submission and the CS timer starts there', () => {
    const view = evaluateRecord(
      playbook,
      deal({
        handoffs: { sales_to_cs: handoffState('submitted', { events: [submitted(ny(23, 13))] }) },
      }),
      csManager,
      ny(23, 14),
    );
    const won = view.timers.filter((t) => WON_SLAS.includes(t.slaId));
    expect(won.map((t) => [t.slaId, t.state, t.completedAt ?? t.startedAt])).toEqual([
      ['rep_submits_cs_handoff', 'met', ny(23, 13)],
      ['cs_accepts_won_deal', 'running', ny(23, 13)],
    ]);
  });

  it('when the deal re-enters Closed won, then the rep’s timer starts again from the latest entry', () => {
    const snapshot = deal({
      stageHistory: [
        { stage: 'closed_won', enteredAt: ny(16, 10) },
        { stage: 'contract_sent', enteredAt: ny(17, 10) },
        { stage: 'closed_won', enteredAt: ny(23, 10) },
      ],
    });
    const timer = evaluateRecord(playbook, snapshot, csManager, ny(23, 12)).timers.find(
      (t) => t.slaId === 'rep_submits_cs_handoff',
    );
    expect(timer?.startedAt).toBe(ny(23, 10));
  });

  it('when the SLA has not started on a record, then the view has no timer for it', () => {
    const view = evaluateRecord(
      playbook,
      deal({ stage: 'qualified', stageHistory: [{ stage: 'qualified', enteredAt: ny(23, 10) }] }),
      csManager,
      ny(23, 12),
    );
    expect(view.timers.map((t) => t.slaId)).toEqual([]);
  });

  it('when the target is in calendar hours, then the business calendar is ignored and nights count', () => {
    const base = defaultPlaybook();
    const slas = base.slas.map((sla) =>
      sla.id === 'rep_submits_cs_handoff'
        ? { ...sla, target: { unit: 'calendar_hours' as const, amount: 24 } }
        : sla,
    );
    const view = evaluateRecord(
      { ...base, slas },
      deal({ stageHistory: [{ stage: 'closed_won', enteredAt: ny(23, 10) }] }),
      csManager,
      ny(23, 12),
    );
    expect(view.timers.find((t) => t.slaId === 'rep_submits_cs_handoff')).toMatchObject({
      dueAt: ny(24, 10),
      consumedMs: 2 * HOUR,
    });
  });
});

describe('an SLA with several stop events', () => {
  it('when the deal moves on from its first stage before the SDR submits, then the SDR timer stops there and no AE timer starts', () => {
    const snapshot = deal({
      stage: 'qualified',
      stageHistory: [
        { stage: 'appointment_scheduled', enteredAt: ny(23, 9) },
        { stage: 'qualified', enteredAt: ny(23, 11) },
      ],
    });
    const timers = evaluateRecord(playbook, snapshot, csManager, ny(27, 12)).timers;
    expect(timers.map((t) => t.slaId)).toEqual(['sdr_submits_new_deal']);
    expect(timers[0]).toMatchObject({
      state: 'met',
      completedAt: ny(23, 11),
      consumedMs: 2 * HOUR,
      waitsOn: { role: 'sdr', label: 'SDR' },
    });
  });

  it('when the AE accepts first, then acceptance stops it', () => {
    const accepted: HandoffEvent = {
      type: 'accepted',
      at: ny(23, 10),
      by: 'u-rep',
      actionId: 'a',
      details: {},
    };
    const snapshot = deal({
      stage: 'qualified',
      stageHistory: [
        { stage: 'appointment_scheduled', enteredAt: ny(23, 9) },
        { stage: 'qualified', enteredAt: ny(23, 15) },
      ],
      handoffs: {
        sdr_to_ae: {
          status: 'accepted',
          version: 1,
          items: {},
          events: [{ ...accepted, type: 'submitted', at: ny(23, 9, 30), by: 'u-sdr' }, accepted],
        },
      },
    });
    const timer = evaluateRecord(playbook, snapshot, csManager, ny(27, 12)).timers.find(
      (t) => t.slaId === 'ae_accepts_new_deal',
    );
    expect(timer).toMatchObject({
      state: 'met',
      startedAt: ny(23, 9, 30),
      completedAt: ny(23, 10),
      waitsOn: { role: 'sales_rep', label: 'Account executive' },
    });
  });
});
