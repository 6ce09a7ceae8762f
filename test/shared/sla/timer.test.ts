import { describe, expect, it } from 'vitest';
import { businessTimeBetween, compileCalendar } from '../../../shared/src/clock/index.js';
import {
  evaluateTimer,
  targetToMs,
  timerCalendar,
  type TimerInput,
} from '../../../shared/src/sla/index.js';
import { NINE_TO_FIVE } from '../builders.js';

const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);
// New York on EDT; 2025-06-02 is a Monday.
const ny = (local: string): number => at(`2025-06-${local}-04:00`);

const calendar = compileCalendar({ timeZone: 'America/New_York', weekly: NINE_TO_FIVE });

const base: TimerInput = {
  calendar,
  startedAt: ny('02T10:00'),
  targetMs: 4 * HOUR,
  now: ny('02T11:00'),
};
const evaluate = (changes: Partial<TimerInput>) => evaluateTimer({ ...base, ...changes });

describe('evaluateTimer states', () => {
  it('when it started and nothing else happened, then it is running with a due time in business hours', () => {
    expect(evaluate({})).toEqual({
      state: 'running',
      paused: false,
      dueAt: ny('02T14:00'),
      warningAt: null,
      consumedMs: HOUR,
      remainingMs: 3 * HOUR,
    });
  });

  it('when now is before the start, then it is pending with the whole target left', () => {
    const result = evaluate({ now: ny('02T09:00') });
    expect(result.state).toBe('pending');
    expect(result.consumedMs).toBe(0);
    expect(result.remainingMs).toBe(4 * HOUR);
  });

  it('when now is exactly the due time, then it is breached with nothing left', () => {
    const result = evaluate({ now: ny('02T14:00') });
    expect(result.state).toBe('breached');
    expect(result.remainingMs).toBe(0);
  });

  it('when now is past the due time, then remaining is negative business time', () => {
    // Monday 10:00–17:00 and Tuesday 09:00–10:00: 8 hours consumed of 4.
    expect(evaluate({ now: ny('03T10:00') }).remainingMs).toBe(-4 * HOUR);
  });

  it('when completed exactly at the due time, then it is met', () => {
    const result = evaluate({ completedAt: ny('02T14:00'), now: ny('05T12:00') });
    expect(result.state).toBe('met');
    expect(result.remainingMs).toBe(0);
    expect(result.consumedMs).toBe(4 * HOUR);
  });

  it('when completed one millisecond after the due time, then it is met late', () => {
    const result = evaluate({ completedAt: ny('02T14:00') + 1, now: ny('05T12:00') });
    expect(result.state).toBe('met_late');
    expect(result.remainingMs).toBe(-1);
  });

  it('when the completion lies after now, then at now it is not known and the timer still runs', () => {
    const result = evaluate({ completedAt: ny('02T12:00') });
    expect(result.state).toBe('running');
    expect(result.consumedMs).toBe(HOUR);
  });

  it('when the due time falls exactly at a close, then it is that close, not the next opening', () => {
    const result = evaluate({ startedAt: ny('02T16:00'), targetMs: HOUR, now: ny('02T16:30') });
    expect(result.dueAt).toBe(ny('02T17:00'));
  });

  it('when it starts outside business hours, then the clock starts at the next opening', () => {
    const result = evaluate({ startedAt: ny('07T10:00'), now: ny('09T10:00') });
    expect(result.consumedMs).toBe(HOUR);
    expect(result.dueAt).toBe(ny('09T13:00'));
  });

  it('when the calendar is null, then the timer runs on calendar time', () => {
    const result = evaluate({ calendar: null, startedAt: ny('07T10:00'), now: ny('07T12:00') });
    expect(result.consumedMs).toBe(2 * HOUR);
    expect(result.dueAt).toBe(ny('07T14:00'));
  });
});

describe('warnings', () => {
  it('when the rule is "1 hour before", then it warns from 1 hour of business time before due, inclusive', () => {
    const warn = { beforeMs: HOUR };
    expect(evaluate({ warn, now: ny('02T12:59:59.999') }).state).toBe('running');
    const atRisk = evaluate({ warn, now: ny('02T13:00') });
    expect(atRisk.state).toBe('at_risk');
    expect(atRisk.warningAt).toBe(ny('02T13:00'));
  });

  it('when the rule is "half consumed", then it warns once half the target is consumed, inclusive', () => {
    const result = evaluate({ warn: { consumedFraction: 0.5 }, now: ny('02T12:00') });
    expect(result.warningAt).toBe(ny('02T12:00'));
    expect(result.state).toBe('at_risk');
  });

  it('when the warning time falls overnight, then it is counted in business time', () => {
    const result = evaluate({ startedAt: ny('02T15:00'), warn: { beforeMs: 2 * HOUR } });
    expect(result.warningAt).toBe(ny('02T17:00'));
    expect(result.dueAt).toBe(ny('03T11:00'));
  });

  it('when the timer is breached, then breached wins over at risk', () => {
    expect(evaluate({ warn: { beforeMs: HOUR }, now: ny('02T15:00') }).state).toBe('breached');
  });
});

describe('pauses', () => {
  it('when a pause ended, then its business time is not consumed and due moves later', () => {
    const result = evaluate({
      pauses: [{ from: ny('02T11:00'), to: ny('02T12:00') }],
      now: ny('02T13:00'),
    });
    expect(result.consumedMs).toBe(2 * HOUR);
    expect(result.dueAt).toBe(ny('02T15:00'));
    expect(result.state).toBe('running');
  });

  it('when pauses overlap, then their union is taken out once', () => {
    const result = evaluate({
      pauses: [
        { from: ny('02T11:30'), to: ny('02T12:30') },
        { from: ny('02T11:00'), to: ny('02T12:00') },
      ],
      now: ny('02T13:00'),
    });
    expect(result.consumedMs).toBe(HOUR + 30 * 60_000);
    expect(result.dueAt).toBe(ny('02T15:30'));
  });

  it('when a pause covers only closed hours, then nothing changes', () => {
    const result = evaluate({
      pauses: [{ from: ny('02T17:00'), to: ny('03T09:00') }],
      now: ny('03T10:00'),
    });
    expect(result.consumedMs).toBe(8 * HOUR);
    expect(result.dueAt).toBe(ny('02T14:00'));
  });

  it('when a pause began before the start, then only its part after the start counts', () => {
    const result = evaluate({
      pauses: [{ from: ny('02T08:00'), to: ny('02T11:00') }],
      now: ny('02T12:00'),
    });
    expect(result.consumedMs).toBe(HOUR);
    expect(result.dueAt).toBe(ny('02T15:00'));
  });

  it('when an open-ended pause is going on, then it is paused with no due time', () => {
    const result = evaluate({
      pauses: [{ from: ny('02T12:00'), to: null }],
      warn: { beforeMs: HOUR },
      now: ny('03T12:00'),
    });
    expect(result).toEqual({
      state: 'paused',
      paused: true,
      dueAt: null,
      warningAt: null,
      consumedMs: 2 * HOUR,
      remainingMs: 2 * HOUR,
    });
  });

  it('when the open-ended pause ends, then the due time is computed again from the resume', () => {
    const result = evaluate({
      pauses: [{ from: ny('02T12:00'), to: ny('03T12:00') }],
      now: ny('03T12:00'),
    });
    expect(result.paused).toBe(false);
    expect(result.dueAt).toBe(ny('03T14:00'));
  });

  it('when a pause starts after the warning was reached, then the warning time is still known', () => {
    const result = evaluate({
      pauses: [{ from: ny('02T13:30'), to: null }],
      warn: { beforeMs: HOUR },
      now: ny('02T14:00'),
    });
    expect(result.warningAt).toBe(ny('02T13:00'));
    expect(result.state).toBe('paused');
  });

  it('when a breached timer is paused, then it stays breached and the paused flag says so', () => {
    const result = evaluate({ pauses: [{ from: ny('02T15:00'), to: null }], now: ny('02T16:00') });
    expect(result.state).toBe('breached');
    expect(result.paused).toBe(true);
    expect(result.dueAt).toBe(ny('02T14:00'));
  });

  it('when a pause starts exactly when the target is reached, then the due time is that instant', () => {
    const result = evaluate({ pauses: [{ from: ny('02T14:00'), to: null }], now: ny('02T15:00') });
    expect(result.dueAt).toBe(ny('02T14:00'));
    expect(result.state).toBe('breached');
  });

  it('when the timer is completed, then it is not reported as paused', () => {
    const result = evaluate({
      pauses: [{ from: ny('02T12:00'), to: null }],
      completedAt: ny('02T13:00'),
      now: ny('02T14:00'),
    });
    expect(result.paused).toBe(false);
    expect(result.state).toBe('met');
  });
});

describe('targetToMs', () => {
  const monday10 = ny('02T10:00');

  it('when the unit is minutes or hours, then it is that much business time', () => {
    expect(targetToMs(calendar, monday10, { unit: 'business_minutes', amount: 90 })).toBe(
      90 * 60_000,
    );
    expect(targetToMs(calendar, monday10, { unit: 'business_hours', amount: 1.5 })).toBe(
      1.5 * HOUR,
    );
  });

  it('when the unit is calendar hours, then the timer runs on calendar time whatever the calendar', () => {
    const target = { unit: 'calendar_hours', amount: 24 } as const;
    expect(targetToMs(calendar, monday10, target)).toBe(24 * HOUR);
    expect(timerCalendar(calendar, target)).toBeNull();
    expect(timerCalendar(calendar, { unit: 'business_hours', amount: 1 })).toBe(calendar);
  });

  it('when business days are "elapsed", then each is hoursPerDay of business time (README example)', () => {
    // Monday 10:00 + 2 business days of 8 hours = Wednesday 10:00.
    const targetMs = targetToMs(calendar, monday10, {
      unit: 'business_days',
      amount: 2,
      mode: 'elapsed',
    });
    expect(targetMs).toBe(16 * HOUR);
    expect(evaluate({ targetMs }).dueAt).toBe(ny('04T10:00'));
    const longDays = compileCalendar({
      timeZone: 'UTC',
      weekly: { mon: [['08:00', '18:00']] },
      hoursPerDay: 10,
    });
    expect(targetToMs(longDays, 0, { unit: 'business_days', amount: 1, mode: 'elapsed' })).toBe(
      10 * HOUR,
    );
    expect(targetToMs(null, 0, { unit: 'business_days', amount: 1, mode: 'elapsed' })).toBe(
      24 * HOUR,
    );
  });

  it('when business days are "end_of_day", then the timer is due at the close of that business day (README example)', () => {
    // Monday 10:00, 1 business day: due at Tuesday's close, 7 + 8 hours of business time later.
    const targetMs = targetToMs(calendar, monday10, {
      unit: 'business_days',
      amount: 1,
      mode: 'end_of_day',
    });
    expect(targetMs).toBe(15 * HOUR);
    expect(evaluate({ targetMs }).dueAt).toBe(ny('03T17:00'));
    // Before Monday's opening, Monday is day 1.
    expect(
      targetToMs(calendar, ny('02T07:00'), {
        unit: 'business_days',
        amount: 1,
        mode: 'end_of_day',
      }),
    ).toBe(8 * HOUR);
    expect(
      targetToMs(calendar, monday10, { unit: 'business_days', amount: 0, mode: 'end_of_day' }),
    ).toBe(7 * HOUR);
  });

  it('when an end_of_day timer is paused, then the pause still pushes the due time', () => {
    const targetMs = targetToMs(calendar, monday10, {
      unit: 'business_days',
      amount: 1,
      mode: 'end_of_day',
    });
    const result = evaluate({ targetMs, pauses: [{ from: ny('03T09:00'), to: ny('03T11:00') }] });
    expect(result.dueAt).toBe(ny('04T11:00'));
  });

  it('when the amount is negative, then it is refused', () => {
    expect(() => targetToMs(calendar, monday10, { unit: 'business_hours', amount: -1 })).toThrow(
      RangeError,
    );
  });
});

describe('zero thresholds', () => {
  const pausedAtStart = [{ from: ny('02T09:30'), to: ny('02T12:00') }];

  it('when the target is zero and a pause covers the start, then it is due (and breached) at the start', () => {
    const result = evaluate({ targetMs: 0, pauses: pausedAtStart, now: ny('02T11:00') });
    expect(result.state).toBe('breached');
    expect(result.dueAt).toBe(base.startedAt);
    expect(result.paused).toBe(true);
  });

  it('when the target is zero and an open-ended pause covers the start, then the due time is still the start', () => {
    const result = evaluate({
      targetMs: 0,
      pauses: [{ from: ny('02T09:30'), to: null }],
      now: ny('02T11:00'),
    });
    expect(result.state).toBe('breached');
    expect(result.dueAt).toBe(base.startedAt);
  });

  it('when the warning comes at or before the start and a pause covers the start, then it warns from the start', () => {
    const result = evaluate({
      warn: { beforeMs: 5 * HOUR },
      pauses: pausedAtStart,
      now: ny('02T13:00'),
    });
    expect(result.state).toBe('at_risk');
    expect(result.warningAt).toBe(base.startedAt);
  });

  it('when now is before the start, then even a zero target is pending, not breached', () => {
    const result = evaluate({ targetMs: 0, now: ny('02T09:00') });
    expect(result.state).toBe('pending');
    expect(result.dueAt).toBe(base.startedAt);
  });
});

describe('inputs that are not whole instants or durations', () => {
  it.each([
    ['targetMs', { targetMs: Infinity }],
    ['targetMs', { targetMs: NaN }],
    ['targetMs', { targetMs: -1 }],
    ['startedAt', { startedAt: NaN }],
    ['now', { now: Infinity }],
    ['now', { now: NaN }],
    ['now', { now: ny('02T11:00') + 0.5 }],
    ['completedAt', { completedAt: -Infinity }],
    ['pauses[0].from', { pauses: [{ from: NaN, to: null }] }],
    ['pauses[0].to', { pauses: [{ from: ny('02T11:00'), to: Infinity }] }],
    ['warn.beforeMs', { warn: { beforeMs: NaN } }],
  ] as Array<[string, Partial<TimerInput>]>)(
    'when %s is bad, then the timer is refused at once with a RangeError naming it',
    (name, changes) => {
      expect(() => evaluate(changes)).toThrow(RangeError);
      expect(() => evaluate(changes)).toThrow(`evaluateTimer needs ${name} as`);
    },
  );

  it('when an end_of_day target would end after year 9999, then it is refused with a sentence', () => {
    expect(() =>
      targetToMs(calendar, ny('02T10:00'), {
        unit: 'business_days',
        amount: 1e9,
        mode: 'end_of_day',
      }),
    ).toThrow(/ends after year 9999/);
  });

  it('when the calendar never opens, then an end_of_day target is a finite amount that is never consumed', () => {
    const closed = compileCalendar({ timeZone: 'UTC', weekly: {} });
    const targetMs = targetToMs(closed, 0, {
      unit: 'business_days',
      amount: 2,
      mode: 'end_of_day',
    });
    expect(targetMs).toBe(16 * HOUR);
    const result = evaluateTimer({ calendar: closed, startedAt: 0, targetMs, now: 1e12 });
    expect(result).toMatchObject({ state: 'running', dueAt: null, consumedMs: 0 });
  });
});

describe('targets of any size (issue 17: no year-by-year walk)', () => {
  it('when the target is 10^8 business minutes on a calendar open one minute a week, then the timer runs with no due time within years 1–9999', () => {
    const minuteAWeek = compileCalendar({
      timeZone: 'America/New_York',
      weekly: { mon: [['09:00', '09:01']] },
    });
    const result = evaluateTimer({
      calendar: minuteAWeek,
      startedAt: base.startedAt,
      targetMs: 1e8 * 60_000,
      warn: { consumedFraction: 0.75 },
      now: ny('09T09:00:30'),
    });
    expect(result).toMatchObject({ state: 'running', dueAt: null, warningAt: null });
    expect(result.consumedMs).toBe(30_000);
  });

  it('when the target is 1,000 years of business hours, then it is due exactly that much business time after the start', () => {
    const targetMs = 1000 * 2088 * HOUR;
    const result = evaluate({ targetMs, warn: { consumedFraction: 0.5 } });
    expect(result.state).toBe('running');
    expect(businessTimeBetween(calendar, base.startedAt, result.dueAt as number)).toBe(targetMs);
    expect(businessTimeBetween(calendar, base.startedAt, result.warningAt as number)).toBe(
      targetMs / 2,
    );
  });
});
