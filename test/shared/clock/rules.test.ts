import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessTimeBetween,
  compileCalendar,
  isOpen,
  nextOpen,
} from '../../../shared/src/clock/index.js';
import { NINE_TO_FIVE } from '../builders.js';

const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);

// Week of 2025-06-02 (Mon) … 2025-06-08 (Sun); New York is on EDT (UTC−4).
const office = compileCalendar({ timeZone: 'America/New_York', weekly: NINE_TO_FIVE });

describe('windows', () => {
  it('when a window is [09:00, 17:00), then the opening instant is open and the closing one is not', () => {
    expect(isOpen(office, at('2025-06-02T08:59:59.999-04:00'))).toBe(false);
    expect(isOpen(office, at('2025-06-02T09:00:00-04:00'))).toBe(true);
    expect(isOpen(office, at('2025-06-02T16:59:59.999-04:00'))).toBe(true);
    expect(isOpen(office, at('2025-06-02T17:00:00-04:00'))).toBe(false);
  });

  it('when a window ends at "24:00", then it is open until midnight and closed at midnight', () => {
    const evening = compileCalendar({
      timeZone: 'America/New_York',
      weekly: { mon: [['18:00', '24:00']] },
    });
    expect(isOpen(evening, at('2025-06-02T23:59:59.999-04:00'))).toBe(true);
    expect(isOpen(evening, at('2025-06-03T00:00:00-04:00'))).toBe(false);
    expect(
      businessTimeBetween(evening, at('2025-06-02T00:00-04:00'), at('2025-06-04T00:00-04:00')),
    ).toBe(6 * HOUR);
  });

  it('when a window crosses midnight, then its after-midnight part belongs to its start day', () => {
    const night = compileCalendar({
      timeZone: 'America/New_York',
      weekly: { fri: [['22:00', '06:00']] },
    });
    expect(isOpen(night, at('2025-06-06T23:00-04:00'))).toBe(true);
    expect(isOpen(night, at('2025-06-07T05:59-04:00'))).toBe(true);
    expect(isOpen(night, at('2025-06-07T06:00-04:00'))).toBe(false);
    expect(isOpen(night, at('2025-06-07T22:00-04:00'))).toBe(false);
    expect(isOpen(night, at('2025-06-06T03:00-04:00'))).toBe(false);
  });

  it('when a window ends where it starts, then it lasts 24 hours', () => {
    const roundTheClock = compileCalendar({
      timeZone: 'Europe/Berlin',
      weekly: { wed: [['09:00', '09:00']] },
    });
    expect(
      businessTimeBetween(
        roundTheClock,
        at('2025-06-02T00:00+02:00'),
        at('2025-06-09T00:00+02:00'),
      ),
    ).toBe(24 * HOUR);
  });

  it('when a day has a lunch break, then time added in the morning skips it', () => {
    const lunch = compileCalendar({
      timeZone: 'America/New_York',
      weekly: {
        mon: [
          ['09:00', '12:00'],
          ['13:00', '17:00'],
        ],
      },
    });
    expect(addBusinessTime(lunch, at('2025-06-02T11:30-04:00'), HOUR)).toBe(
      at('2025-06-02T13:30-04:00'),
    );
    expect(isOpen(lunch, at('2025-06-02T12:30-04:00'))).toBe(false);
  });

  it('when the calendar is in New York, then its hours are New York wall-clock hours for every viewer', () => {
    const berlin = compileCalendar({ timeZone: 'Europe/Berlin', weekly: NINE_TO_FIVE });
    expect(nextOpen(office, at('2025-06-02T00:00Z'))).toBe(at('2025-06-02T13:00Z'));
    expect(nextOpen(berlin, at('2025-06-02T00:00Z'))).toBe(at('2025-06-02T07:00Z'));
  });

  it('when the zone has a half-hour offset, then windows follow it', () => {
    const kolkata = compileCalendar({ timeZone: 'Asia/Kolkata', weekly: NINE_TO_FIVE });
    expect(nextOpen(kolkata, at('2025-06-02T00:00Z'))).toBe(at('2025-06-02T03:30Z'));
  });
});

describe('holidays', () => {
  const withHolidays = compileCalendar({
    timeZone: 'America/New_York',
    weekly: NINE_TO_FIVE,
    holidays: [
      { date: '2025-12-25', name: 'Christmas Day' },
      { date: '2025-12-24', from: '12:00', name: 'Christmas Eve afternoon' },
      { date: '2025-12-31', to: '10:00' },
      { date: '2025-12-27', name: 'A Saturday' },
    ],
  });

  it('when a full-day holiday falls on a weekday, then that day is closed', () => {
    expect(isOpen(withHolidays, at('2025-12-25T10:00-05:00'))).toBe(false);
    expect(nextOpen(withHolidays, at('2025-12-24T18:00-05:00'))).toBe(at('2025-12-26T09:00-05:00'));
  });

  it('when a holiday has only "from", then the day closes from then until midnight', () => {
    expect(isOpen(withHolidays, at('2025-12-24T11:59:59.999-05:00'))).toBe(true);
    expect(isOpen(withHolidays, at('2025-12-24T12:00-05:00'))).toBe(false);
    expect(
      businessTimeBetween(withHolidays, at('2025-12-24T00:00-05:00'), at('2025-12-25T00:00-05:00')),
    ).toBe(3 * HOUR);
  });

  it('when a holiday has only "to", then the day is closed from midnight until then', () => {
    expect(nextOpen(withHolidays, at('2025-12-31T08:00-05:00'))).toBe(at('2025-12-31T10:00-05:00'));
  });

  it('when a holiday falls on a Saturday, then nothing changes: no observed day is implied', () => {
    const week = [at('2025-12-22T00:00-05:00'), at('2026-01-05T00:00-05:00')] as const;
    const plain = compileCalendar({ timeZone: 'America/New_York', weekly: NINE_TO_FIVE });
    const onlySaturday = compileCalendar({
      timeZone: 'America/New_York',
      weekly: NINE_TO_FIVE,
      holidays: [{ date: '2025-12-27' }],
    });
    expect(businessTimeBetween(onlySaturday, ...week)).toBe(businessTimeBetween(plain, ...week));
    expect(isOpen(onlySaturday, at('2025-12-26T10:00-05:00'))).toBe(true);
    expect(isOpen(onlySaturday, at('2025-12-29T10:00-05:00'))).toBe(true);
  });

  it('when a full-day holiday follows a night window, then the window still runs past midnight into it', () => {
    const night = compileCalendar({
      timeZone: 'America/New_York',
      weekly: { wed: [['22:00', '06:00']], thu: [['22:00', '06:00']] },
      holidays: [{ date: '2025-12-25' }],
    });
    // Wednesday's window belongs to Wednesday; the holiday closes Thursday's own window only.
    expect(isOpen(night, at('2025-12-25T03:00-05:00'))).toBe(true);
    expect(isOpen(night, at('2025-12-25T23:00-05:00'))).toBe(false);
    expect(isOpen(night, at('2025-12-26T03:00-05:00'))).toBe(false);
  });

  it('when a partial holiday covers the small hours, then it also closes the tail of the night before', () => {
    const night = compileCalendar({
      timeZone: 'America/New_York',
      weekly: { wed: [['22:00', '06:00']] },
      holidays: [{ date: '2025-12-25', from: '00:00', to: '04:00' }],
    });
    expect(
      businessTimeBetween(night, at('2025-12-24T00:00-05:00'), at('2025-12-26T00:00-05:00')),
    ).toBe(4 * HOUR);
  });
});

describe('adding and measuring business time', () => {
  it('when a start is outside business hours, then counting begins at the next opening', () => {
    expect(addBusinessTime(office, at('2025-06-06T18:00-04:00'), HOUR)).toBe(
      at('2025-06-09T10:00-04:00'),
    );
    expect(addBusinessTime(office, at('2025-06-07T12:00-04:00'), HOUR)).toBe(
      at('2025-06-09T10:00-04:00'),
    );
  });

  it('when the time runs out exactly at a close, then the due time is that closing instant', () => {
    expect(addBusinessTime(office, at('2025-06-02T16:00-04:00'), HOUR)).toBe(
      at('2025-06-02T17:00-04:00'),
    );
    expect(addBusinessTime(office, at('2025-06-06T09:00-04:00'), 8 * HOUR)).toBe(
      at('2025-06-06T17:00-04:00'),
    );
  });

  it('when one more millisecond is needed after a close, then it falls just after the next opening', () => {
    expect(addBusinessTime(office, at('2025-06-02T16:00-04:00'), HOUR + 1)).toBe(
      at('2025-06-03T09:00:00.001-04:00'),
    );
  });

  it('when amounts are not whole minutes, then milliseconds are kept', () => {
    expect(addBusinessTime(office, at('2025-06-02T09:00-04:00'), 1)).toBe(
      at('2025-06-02T09:00:00.001-04:00'),
    );
    expect(
      businessTimeBetween(
        office,
        at('2025-06-02T09:00:00.250-04:00'),
        at('2025-06-02T09:00:00.500-04:00'),
      ),
    ).toBe(250);
  });

  it('when nothing is added, then the start comes back unchanged even outside hours', () => {
    expect(addBusinessTime(office, at('2025-06-07T12:00-04:00'), 0)).toBe(
      at('2025-06-07T12:00-04:00'),
    );
  });

  it('when a negative amount is added, then it goes back to the latest instant with that much business time before', () => {
    expect(addBusinessTime(office, at('2025-06-03T10:00-04:00'), -HOUR)).toBe(
      at('2025-06-03T09:00-04:00'),
    );
    expect(addBusinessTime(office, at('2025-06-03T10:00-04:00'), -2 * HOUR)).toBe(
      at('2025-06-02T16:00-04:00'),
    );
  });

  it('when "to" is before "from", then the business time between them is negative', () => {
    const monday = at('2025-06-02T10:00-04:00');
    const tuesday = at('2025-06-03T10:00-04:00');
    expect(businessTimeBetween(office, monday, tuesday)).toBe(8 * HOUR);
    expect(businessTimeBetween(office, tuesday, monday)).toBe(-8 * HOUR);
  });

  it('when the span is a whole year, then it counts every weekday (2025 has 261)', () => {
    expect(
      businessTimeBetween(office, at('2025-01-01T00:00-05:00'), at('2026-01-01T00:00-05:00')),
    ).toBe(261 * 8 * HOUR);
  });

  it('when dates are far apart (1970 and 2100), then the answer needs no precomputed century', () => {
    const start = at('1970-01-05T09:00-05:00');
    expect(addBusinessTime(office, start, 8 * HOUR)).toBe(at('1970-01-05T17:00-05:00'));
    expect(
      businessTimeBetween(office, at('2100-12-27T00:00-05:00'), at('2100-12-28T00:00-05:00')),
    ).toBe(8 * HOUR);
  });

  it('when the calendar is null, then it is calendar time (24×7)', () => {
    const start = at('2025-06-07T12:00Z');
    expect(addBusinessTime(null, start, HOUR)).toBe(start + HOUR);
    expect(businessTimeBetween(null, start, start + 5)).toBe(5);
    expect(isOpen(null, start)).toBe(true);
    expect(nextOpen(null, start)).toBe(start);
  });

  it('when the calendar never opens, then nothing is ever reached', () => {
    const closed = compileCalendar({ timeZone: 'UTC', weekly: {} });
    expect(addBusinessTime(closed, 0, HOUR)).toBe(Infinity);
    expect(businessTimeBetween(closed, 0, 1e12)).toBe(0);
    expect(isOpen(closed, 0)).toBe(false);
  });
});

describe('nextOpen', () => {
  it('when the calendar is open, then it returns the instant itself', () => {
    const t = at('2025-06-02T12:34:56.789-04:00');
    expect(nextOpen(office, t)).toBe(t);
  });

  it('when the calendar is closed, then it returns the next opening, across weekends and year ends', () => {
    expect(nextOpen(office, at('2025-06-02T17:00-04:00'))).toBe(at('2025-06-03T09:00-04:00'));
    expect(nextOpen(office, at('2025-12-31T17:30-05:00'))).toBe(at('2026-01-01T09:00-05:00'));
    expect(nextOpen(office, at('2025-06-07T09:00-04:00'))).toBe(at('2025-06-09T09:00-04:00'));
  });

  it('when a holiday run spans months, then it keeps looking until the calendar opens', () => {
    const summer = Array.from({ length: 120 }, (_, i) => ({
      date: new Date(Date.UTC(2025, 5, 1 + i)).toISOString().slice(0, 10),
    }));
    const closedSummer = compileCalendar({
      timeZone: 'America/New_York',
      weekly: NINE_TO_FIVE,
      holidays: summer,
    });
    expect(nextOpen(closedSummer, at('2025-06-01T12:00-04:00'))).toBe(at('2025-09-29T09:00-04:00'));
  });
});
