import { describe, expect, it } from 'vitest';
import { evaluateRecord } from '../../../shared/src/record/index.js';
import type { HandoffEvent } from '../../../shared/src/shapes/index.js';
import { csManager, deal, handoffState, HOUR, MONDAY_10AM_NY } from '../builders.js';
import { defaultPlaybook } from '../fixtures.js';

const playbook = defaultPlaybook();
/** New York wall time on 2026-11-dd (EST, UTC−5, all month). */
const ny = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 5, minute);

function csTimer(now: number, events: HandoffEvent[] = [], wonAt = MONDAY_10AM_NY) {
  const snapshot = deal({
    stageHistory: [{ stage: 'closed_won', enteredAt: wonAt }],
    handoffs: events.length
      ? {
          sales_to_cs: handoffState(events.at(-1)?.type === 'accepted' ? 'accepted' : 'submitted', {
            events,
          }),
        }
      : {},
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

describe('timers on the record view (CS accepts the won deal: 1 business day = 8 h, Mon–Fri 9–17 New York)', () => {
  it('when the deal was won on Monday at 10:00, then it is due Tuesday at 10:00 and running at noon', () => {
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
    const events = [submitted(ny(23, 11)), rejected(ny(23, 12)), submitted(ny(23, 14), 's2')];
    expect(csTimer(ny(23, 15), events)).toMatchObject({
      state: 'running',
      dueAt: ny(24, 12),
      consumedMs: 3 * HOUR,
    });
  });

  it('while the handoff sits rejected, then the timer is paused and has no due time', () => {
    const events = [submitted(ny(23, 11)), rejected(ny(23, 12))];
    expect(csTimer(ny(23, 15), events)).toMatchObject({
      state: 'paused',
      paused: true,
      dueAt: null,
      consumedMs: 2 * HOUR,
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
    const events = [submitted(ny(23, 11)), accepted(ny(24, 10, 1))];
    expect(csTimer(ny(25, 12), events).state).toBe('met_late');
  });

  it('when the deal is won the day before Thanksgiving, then the holiday and the half day after it do not count', () => {
    // Wed 15:00–17:00 (2 h), Thanksgiving closed, Fri 9:00–13:00 (4 h), Mon 9:00–11:00 (2 h).
    expect(csTimer(ny(25, 15, 30), [], ny(25, 15)).dueAt).toBe(ny(30, 11));
  });

  it('when the deal re-enters Closed won, then the timer starts again from the latest entry', () => {
    const snapshot = deal({
      stageHistory: [
        { stage: 'closed_won', enteredAt: ny(16, 10) },
        { stage: 'contract_sent', enteredAt: ny(17, 10) },
        { stage: 'closed_won', enteredAt: ny(23, 10) },
      ],
    });
    const timer = evaluateRecord(playbook, snapshot, csManager, ny(23, 12)).timers.find(
      (t) => t.slaId === 'cs_accepts_won_deal',
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
      sla.id === 'cs_accepts_won_deal'
        ? { ...sla, target: { unit: 'calendar_hours' as const, amount: 24 } }
        : sla,
    );
    const view = evaluateRecord(
      { ...base, slas },
      deal({ stageHistory: [{ stage: 'closed_won', enteredAt: ny(23, 10) }] }),
      csManager,
      ny(23, 12),
    );
    expect(view.timers.find((t) => t.slaId === 'cs_accepts_won_deal')).toMatchObject({
      dueAt: ny(24, 10),
      consumedMs: 2 * HOUR,
    });
  });
});

describe('an SLA with several stop events', () => {
  it('when the deal moves on from its first stage before the AE accepts, then the AE timer stops there', () => {
    const snapshot = deal({
      stage: 'qualified',
      stageHistory: [
        { stage: 'appointment_scheduled', enteredAt: ny(23, 9) },
        { stage: 'qualified', enteredAt: ny(23, 11) },
      ],
    });
    const timer = evaluateRecord(playbook, snapshot, csManager, ny(27, 12)).timers.find(
      (t) => t.slaId === 'ae_accepts_new_deal',
    );
    expect(timer).toMatchObject({ state: 'met', completedAt: ny(23, 11), consumedMs: 2 * HOUR });
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
      handoffs: { sdr_to_ae: { status: 'accepted', version: 1, items: {}, events: [accepted] } },
    });
    const timer = evaluateRecord(playbook, snapshot, csManager, ny(27, 12)).timers.find(
      (t) => t.slaId === 'ae_accepts_new_deal',
    );
    expect(timer).toMatchObject({ state: 'met', completedAt: ny(23, 10) });
  });
});
