import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessTimeBetween,
  compileCalendar,
  isOpen,
  nextOpen,
} from '../../../shared/src/clock/index.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const at = (iso: string): number => Date.parse(iso);

// 2025 transitions. New York: Mar 9 02:00 EST→03:00 EDT, Nov 2 02:00 EDT→01:00 EST.
// Berlin: Mar 30 02:00 CET→03:00 CEST, Oct 26 03:00 CEST→02:00 CET.
// Sydney (southern hemisphere): Apr 6 03:00 AEDT→02:00 AEST, Oct 5 02:00 AEST→03:00 AEDT.
// Every one of them is in the night from Saturday to Sunday.
const nights = { sat: [['22:00', '06:00']] as Array<[string, string]> };

describe.each([
  {
    zone: 'America/New_York',
    springSaturday: '2025-03-08T00:00-05:00',
    fallSaturday: '2025-11-01T00:00-04:00',
  },
  {
    zone: 'Europe/Berlin',
    springSaturday: '2025-03-29T00:00+01:00',
    fallSaturday: '2025-10-25T00:00+02:00',
  },
  {
    zone: 'Australia/Sydney',
    springSaturday: '2025-10-04T00:00+10:00',
    fallSaturday: '2025-04-05T00:00+11:00',
  },
])('a 22:00–06:00 window in $zone', ({ zone, springSaturday, fallSaturday }) => {
  const calendar = compileCalendar({ timeZone: zone, weekly: nights });

  it('when the clocks spring forward during it, then it holds 7 hours of business time', () => {
    const start = at(springSaturday);
    expect(businessTimeBetween(calendar, start, start + 2 * 24 * HOUR)).toBe(7 * HOUR);
  });

  it('when the clocks fall back during it, then it holds 9 hours of business time', () => {
    const start = at(fallSaturday);
    expect(businessTimeBetween(calendar, start, start + 2 * 24 * HOUR)).toBe(9 * HOUR);
  });

  it('when 8 hours are added at its opening on the spring-forward night, then they end an hour into the next window', () => {
    const opening = nextOpen(calendar, at(springSaturday)) as number;
    const end = addBusinessTime(calendar, opening, 8 * HOUR);
    expect(businessTimeBetween(calendar, opening, end)).toBe(8 * HOUR);
    // Next Saturday 23:00 on summer time: a week less the lost hour, plus the hour needed.
    expect(end - opening).toBe(7 * 24 * HOUR);
  });
});

describe('New York office hours around the transitions', () => {
  const weekdays = compileCalendar({
    timeZone: 'America/New_York',
    weekly: {
      fri: [['09:00', '17:00']],
      mon: [['09:00', '17:00']],
    },
  });

  it('when the transition is outside the windows, then business time is unchanged', () => {
    expect(
      businessTimeBetween(weekdays, at('2025-03-07T16:00-05:00'), at('2025-03-10T10:00-04:00')),
    ).toBe(2 * HOUR);
    expect(addBusinessTime(weekdays, at('2025-10-31T16:00-04:00'), 2 * HOUR)).toBe(
      at('2025-11-03T10:00-05:00'),
    );
  });

  it('when the offset changes, then the opening follows the wall clock in UTC', () => {
    expect(nextOpen(weekdays, at('2025-03-07T00:00Z'))).toBe(at('2025-03-07T14:00Z'));
    expect(nextOpen(weekdays, at('2025-03-10T00:00Z'))).toBe(at('2025-03-10T13:00Z'));
  });
});

describe('windows that touch a transition (New York)', () => {
  it('when a day is open around the clock on the spring-forward Sunday, then it holds 23 hours', () => {
    const sunday = compileCalendar({
      timeZone: 'America/New_York',
      weekly: { sun: [['00:00', '24:00']] },
    });
    expect(
      businessTimeBetween(sunday, at('2025-03-09T00:00-05:00'), at('2025-03-10T00:00-04:00')),
    ).toBe(23 * HOUR);
    expect(
      businessTimeBetween(sunday, at('2025-11-02T00:00-04:00'), at('2025-11-03T00:00-05:00')),
    ).toBe(25 * HOUR);
  });

  it('when a window opens at a time that does not exist, then it opens later by the gap (02:30 → 03:30)', () => {
    const calendar = compileCalendar({
      timeZone: 'America/New_York',
      weekly: { sun: [['02:30', '04:00']] },
    });
    expect(nextOpen(calendar, at('2025-03-09T00:00-05:00'))).toBe(at('2025-03-09T03:30-04:00'));
    expect(
      businessTimeBetween(calendar, at('2025-03-09T00:00-05:00'), at('2025-03-10T00:00-04:00')),
    ).toBe(30 * MINUTE);
  });

  it('when a window opens at a time that happens twice, then it takes the earlier one', () => {
    const calendar = compileCalendar({
      timeZone: 'America/New_York',
      weekly: { sun: [['01:30', '02:00']] },
    });
    // 01:30 EDT (05:30Z) to 02:00 EST (07:00Z): the repeated half hour is open twice over.
    expect(nextOpen(calendar, at('2025-11-02T00:00-04:00'))).toBe(at('2025-11-02T05:30Z'));
    expect(isOpen(calendar, at('2025-11-02T01:45-05:00'))).toBe(true);
    expect(
      businessTimeBetween(calendar, at('2025-11-02T00:00-04:00'), at('2025-11-03T00:00-05:00')),
    ).toBe(90 * MINUTE);
  });

  it('when a window closes at a time that happens twice, then it closes at the earlier one', () => {
    const calendar = compileCalendar({
      timeZone: 'America/New_York',
      weekly: { sun: [['00:00', '01:30']] },
    });
    expect(isOpen(calendar, at('2025-11-02T01:29-04:00'))).toBe(true);
    expect(isOpen(calendar, at('2025-11-02T01:10-05:00'))).toBe(false);
  });
});

describe('Berlin and Sydney office hours across the transitions', () => {
  it('when Berlin changes to summer time, then 09:00 moves from 08:00Z to 07:00Z', () => {
    const berlin = compileCalendar({
      timeZone: 'Europe/Berlin',
      weekly: { fri: [['09:00', '17:00']], mon: [['09:00', '17:00']] },
    });
    expect(addBusinessTime(berlin, at('2025-03-28T16:00+01:00'), 2 * HOUR)).toBe(
      at('2025-03-31T08:00Z'),
    );
  });

  it('when a Berlin night window spans the fall-back hour, then the repeated hour counts', () => {
    const berlin = compileCalendar({
      timeZone: 'Europe/Berlin',
      weekly: { sun: [['02:00', '04:00']] },
    });
    // 02:00 CEST (00:00Z) to 04:00 CET (03:00Z).
    expect(
      businessTimeBetween(berlin, at('2025-10-26T00:00+02:00'), at('2025-10-27T00:00+01:00')),
    ).toBe(3 * HOUR);
  });

  it('when Sydney leaves summer time in April, then 09:00 moves from 22:00Z to 23:00Z the day before', () => {
    const sydney = compileCalendar({
      timeZone: 'Australia/Sydney',
      weekly: { fri: [['09:00', '17:00']], mon: [['09:00', '17:00']] },
    });
    expect(nextOpen(sydney, at('2025-04-03T12:00Z'))).toBe(at('2025-04-03T22:00Z'));
    expect(nextOpen(sydney, at('2025-04-06T12:00Z'))).toBe(at('2025-04-06T23:00Z'));
  });

  it('when a partial holiday falls on a transition day, then it closes wall-clock hours of that day', () => {
    const sydney = compileCalendar({
      timeZone: 'Australia/Sydney',
      weekly: { sun: [['00:00', '24:00']] },
      holidays: [{ date: '2025-10-05', from: '01:00', to: '04:00' }],
    });
    // 01:00 AEST to 04:00 AEDT is 2 real hours; the day has 23.
    expect(
      businessTimeBetween(sydney, at('2025-10-05T00:00+10:00'), at('2025-10-06T00:00+11:00')),
    ).toBe(21 * HOUR);
  });
});
