// Far from today: years laid out as a repeating kind of year (before 1799, after 2100) agree with
// the slow reference, long spans add up, and the layout cache keeps spread-out years.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  addBusinessTime,
  businessTimeBetween,
  compileCalendar,
  endOfBusinessDay,
  isOpen,
  nextOpen,
  type Calendar,
  type CalendarDef,
} from '../../../shared/src/clock/index.js';
import { referenceBetween } from './reference.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const utc = (year: number, month = 1, day = 1): number => {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
};
const isoDate = (t: number): string => new Date(t).toISOString().slice(0, 10);
const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

// One window of an hour or more on some days, possibly crossing midnight.
const weekly = fc
  .array(
    fc.record({
      day: fc.constantFrom(...DAYS),
      from: fc.integer({ min: 0, max: 1439 }),
      length: fc.integer({ min: 60, max: 1440 }),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((windows) => {
    const week: CalendarDef['weekly'] = {};
    for (const { day, from, length } of windows) {
      week[day] = [[hhmm(from), hhmm((from + length) % 1440)]];
    }
    return week;
  });

// Years whose layout repeats (101–1797, as the reference's Date.UTC misreads local years below
// 100, and 2102–9998), biased to their first and last weeks, and years around today.
const instant = fc.oneof(
  fc.integer({ min: utc(101), max: utc(1798) - 1 }),
  fc.integer({ min: utc(2102), max: utc(9999) - 1 }),
  fc
    .tuple(fc.integer({ min: 102, max: 9998 }), fc.integer({ min: -4 * DAY, max: 4 * DAY }))
    .filter(([year]) => year < 1798 || year > 2101)
    .map(([year, offset]) => utc(year) + offset),
  fc.integer({ min: utc(1990), max: utc(2060) }),
);

interface Scenario {
  def: CalendarDef;
  from: number;
}
const compiled = new WeakMap<Scenario, Calendar>();
const calendarOf = (s: Scenario): Calendar => {
  let calendar = compiled.get(s);
  if (!calendar) {
    calendar = compileCalendar(s.def);
    compiled.set(s, calendar);
  }
  return calendar;
};

// A calendar with a holiday or two near `from` (so its year is laid out on its own) or none.
const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    weekly,
    from: instant,
    holidays: fc.array(fc.integer({ min: -3, max: 5 }), { maxLength: 2 }),
  })
  .map(({ timeZone, weekly: week, from, holidays }) => ({
    def: {
      timeZone,
      weekly: week,
      holidays: holidays.map((offset) => ({ date: isoDate(from + offset * DAY) })),
    },
    from,
  }));

describe('years far from today', () => {
  it('when measured over days in any year, then business time agrees with the slow reference', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 5 * DAY }), (s, span) => {
        expect(businessTimeBetween(calendarOf(s), s.from, s.from + span)).toBe(
          referenceBetween(s.def, s.from, s.from + span),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('when business time is added in any year, then the reference measures exactly that much', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 3 * HOUR }), (s, amount) => {
        const due = addBusinessTime(calendarOf(s), s.from, amount);
        expect(referenceBetween(s.def, s.from, due)).toBe(amount);
        expect(referenceBetween(s.def, s.from, due - 1)).toBe(amount - 1);
        const opening = nextOpen(calendarOf(s), s.from) as number;
        expect(referenceBetween(s.def, s.from, opening)).toBe(0);
        expect(isOpen(calendarOf(s), opening)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('when a span of centuries is split anywhere, then the parts add up', () => {
    const anywhere = fc.integer({ min: utc(1), max: utc(10_000) });
    fc.assert(
      fc.property(scenario, anywhere, anywhere, anywhere, (s, a, b, c) => {
        const calendar = calendarOf(s);
        expect(businessTimeBetween(calendar, a, b) + businessTimeBetween(calendar, b, c)).toBe(
          businessTimeBetween(calendar, a, c),
        );
      }),
      { numRuns: 80 },
    );
  });

  it('when any amount is added anywhere, then exactly that much lies between start and result', () => {
    const anywhere = fc.integer({ min: utc(1), max: utc(10_000) });
    const amount = fc.integer({ min: -(2 ** 46), max: 2 ** 46 });
    fc.assert(
      fc.property(scenario, anywhere, amount, (s, start, ms) => {
        const calendar = calendarOf(s);
        const end = addBusinessTime(calendar, start, ms);
        if (!Number.isFinite(end)) {
          // Not within years 1–9999: all the business time up to the edge is less than asked.
          const edge = ms > 0 ? utc(10_000) : utc(1);
          expect(Math.abs(businessTimeBetween(calendar, start, edge))).toBeLessThan(Math.abs(ms));
          return;
        }
        expect(businessTimeBetween(calendar, start, end)).toBe(ms);
      }),
      { numRuns: 80 },
    );
  });
});

/** endOfBusinessDay the slow way: date by date, keeping the latest close seen; none past 9999. */
function slowEndOfBusinessDay(calendar: Calendar, start: number, n: number): number {
  let day = calendar.dayOf(start) - 1;
  let remaining = -1;
  let latest = -Infinity;
  for (;;) {
    const ranges = calendar.dayRanges(day++);
    if (ranges.length === 0) continue;
    const close = ranges[ranges.length - 1] as number;
    if (close <= start) continue;
    if (remaining < 0) remaining = (ranges[0] as number) <= start ? n : Math.max(n - 1, 0);
    else remaining--;
    latest = Math.max(latest, close);
    if (remaining === 0) return latest > utc(10_000) ? Infinity : latest;
  }
}

describe('business days far from today and far ahead', () => {
  it('when n business days are counted in any year, then the close is the one found date by date', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 800 }), (s, n) => {
        expect(endOfBusinessDay(calendarOf(s), s.from, n)).toBe(
          slowEndOfBusinessDay(calendarOf(s), s.from, n),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('when n grows, then the end of business day never goes back', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 2_000_000 }), (s, n) => {
        expect(endOfBusinessDay(calendarOf(s), s.from, n)).toBeLessThanOrEqual(
          endOfBusinessDay(calendarOf(s), s.from, n + 1),
        );
      }),
      { numRuns: 80 },
    );
  });
});

describe('the layout cache', () => {
  it('when one calendar is asked about years spread over 1700–2400 again and again, then each year is laid out once', () => {
    const calendar = compileCalendar({
      timeZone: 'America/New_York',
      weekly: { mon: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
    });
    const builds = vi.spyOn(calendar as unknown as { buildPeriod: () => unknown }, 'buildPeriod');
    const instants = Array.from({ length: 2000 }, (_, i) => utc(1700 + ((i * 7919) % 700), 6, 1));
    for (const t of instants) isOpen(calendar, t);
    const firstPass = builds.mock.calls.length;
    for (let round = 0; round < 3; round++) for (const t of instants) isOpen(calendar, t);
    expect(builds.mock.calls.length).toBe(firstPass);
  });
});
