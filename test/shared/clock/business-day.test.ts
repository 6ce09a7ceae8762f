import { describe, expect, it } from 'vitest';
import { compileCalendar, endOfBusinessDay } from '../../../shared/src/clock/index.js';

const at = (iso: string): number => Date.parse(iso);

// Week of 2025-06-02 (Mon); New York on EDT.
const office = compileCalendar({
  timeZone: 'America/New_York',
  weekly: {
    mon: [['09:00', '17:00']],
    tue: [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']],
  },
  holidays: [{ date: '2025-06-04' }, { date: '2025-06-05', from: '15:00' }],
});

describe('endOfBusinessDay', () => {
  it.each([
    ['during business hours', '2025-06-02T10:00-04:00', 0, '2025-06-02T17:00-04:00'],
    ['during business hours', '2025-06-02T10:00-04:00', 1, '2025-06-03T17:00-04:00'],
    ['exactly at the opening', '2025-06-02T09:00-04:00', 0, '2025-06-02T17:00-04:00'],
    ['exactly at the opening', '2025-06-02T09:00-04:00', 1, '2025-06-03T17:00-04:00'],
    ['before the opening', '2025-06-02T08:59:59.999-04:00', 0, '2025-06-02T17:00-04:00'],
    ['before the opening', '2025-06-02T07:00-04:00', 1, '2025-06-02T17:00-04:00'],
    ['before the opening', '2025-06-02T07:00-04:00', 2, '2025-06-03T17:00-04:00'],
    ['during a lunch break', '2025-06-03T12:30-04:00', 0, '2025-06-03T17:00-04:00'],
    ['during a lunch break', '2025-06-03T12:30-04:00', 1, '2025-06-05T15:00-04:00'],
    ['exactly at the close', '2025-06-02T17:00-04:00', 0, '2025-06-03T17:00-04:00'],
    ['after the close', '2025-06-02T18:00-04:00', 1, '2025-06-03T17:00-04:00'],
    ['on a weekend', '2025-06-07T10:00-04:00', 0, '2025-06-09T17:00-04:00'],
    ['on a weekend', '2025-06-07T10:00-04:00', 1, '2025-06-09T17:00-04:00'],
    ['on a weekend', '2025-06-07T10:00-04:00', 2, '2025-06-10T17:00-04:00'],
    ['on a full-day holiday', '2025-06-04T10:00-04:00', 1, '2025-06-05T15:00-04:00'],
    ['the day before a holiday', '2025-06-03T10:00-04:00', 1, '2025-06-05T15:00-04:00'],
    ['the day before a holiday', '2025-06-03T10:00-04:00', 2, '2025-06-06T17:00-04:00'],
    [
      'on a day a partial holiday closes early, after it began',
      '2025-06-05T16:00-04:00',
      0,
      '2025-06-06T17:00-04:00',
    ],
  ])('when the start is %s (%s), n = %i, then the close is %s', (_, start, n, close) => {
    expect(endOfBusinessDay(office, at(start), n)).toBe(at(close));
  });

  it('when the start is in the after-midnight part of a night window, then that night is the day in progress', () => {
    const night = compileCalendar({
      timeZone: 'Europe/Berlin',
      weekly: { mon: [['22:00', '06:00']], tue: [['22:00', '06:00']] },
    });
    expect(endOfBusinessDay(night, at('2025-06-03T03:00+02:00'), 0)).toBe(
      at('2025-06-03T06:00+02:00'),
    );
    expect(endOfBusinessDay(night, at('2025-06-03T03:00+02:00'), 1)).toBe(
      at('2025-06-04T06:00+02:00'),
    );
    expect(endOfBusinessDay(night, at('2025-06-03T12:00+02:00'), 1)).toBe(
      at('2025-06-04T06:00+02:00'),
    );
  });

  it('when business days overlap (a 24-hour Saturday window into Sunday), then a later day never closes before an earlier one', () => {
    // Saturday 23:00 → Sunday 23:00, and Sunday's own 09:00–18:00 inside it.
    const weekend = compileCalendar({
      timeZone: 'UTC',
      weekly: { sat: [['23:00', '23:00']], sun: [['09:00', '18:00']] },
    });
    const saturdayNoon = at('2025-06-07T12:00Z');
    expect(endOfBusinessDay(weekend, saturdayNoon, 1)).toBe(at('2025-06-08T23:00Z'));
    // Sunday's own close (18:00) comes before Saturday's: day 2 is over when both are.
    expect(endOfBusinessDay(weekend, saturdayNoon, 2)).toBe(at('2025-06-08T23:00Z'));
    expect(endOfBusinessDay(weekend, saturdayNoon, 3)).toBe(at('2025-06-15T23:00Z'));
    expect(endOfBusinessDay(weekend, saturdayNoon, 4)).toBe(at('2025-06-15T23:00Z'));
  });

  it('when a business day inside a longer overnight one has closed by the start, then it is over and not counted', () => {
    // Wednesday 13:45 → Thursday 01:01, and Thursday's own 00:00–01:00 inside it.
    const late = compileCalendar({
      timeZone: 'UTC',
      weekly: { wed: [['13:45', '01:01']], thu: [['00:00', '01:00']] },
    });
    const thursdayOne = at('2025-06-05T01:00Z');
    expect(endOfBusinessDay(late, thursdayOne, 0)).toBe(at('2025-06-05T01:01Z'));
    expect(endOfBusinessDay(late, thursdayOne, 1)).toBe(at('2025-06-12T01:01Z'));
    expect(endOfBusinessDay(late, thursdayOne, 2)).toBe(at('2025-06-12T01:01Z'));
    expect(endOfBusinessDay(late, thursdayOne, 3)).toBe(at('2025-06-19T01:01Z'));
  });

  it('when the calendar is null, then business days are UTC days that are always in progress', () => {
    expect(endOfBusinessDay(null, at('2025-06-07T10:00Z'), 0)).toBe(at('2025-06-08T00:00Z'));
    expect(endOfBusinessDay(null, at('2025-06-07T10:00Z'), 2)).toBe(at('2025-06-10T00:00Z'));
  });

  it('when the calendar never opens, then there is no end of day', () => {
    expect(endOfBusinessDay(compileCalendar({ timeZone: 'UTC', weekly: {} }), 0, 1)).toBe(Infinity);
  });

  it('when n is negative or fractional, then it is refused', () => {
    expect(() => endOfBusinessDay(office, 0, -1)).toThrow(RangeError);
    expect(() => endOfBusinessDay(office, 0, 1.5)).toThrow(RangeError);
    expect(() => endOfBusinessDay(office, 0, Infinity)).toThrow(RangeError);
    expect(() => endOfBusinessDay(office, 0, NaN)).toThrow(RangeError);
  });
});
