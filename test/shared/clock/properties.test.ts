import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessTimeBetween,
  compileCalendar,
  isOpen,
  nextOpen,
  type Calendar,
  type CalendarDef,
} from '../../../shared/src/clock/index.js';
import { referenceBetween } from './reference.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// DST in both hemispheres, half- and quarter-hour offsets, a zone that dropped DST (Sao Paulo
// in 2019) and one without any.
const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Australia/Adelaide',
  'America/St_Johns',
  'Asia/Kathmandu',
  'America/Sao_Paulo',
  'UTC',
] as const;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const isoDate = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

// Up to two non-overlapping windows; the last may cross midnight.
const dayWindows = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { maxLength: 4 }),
    fc.option(fc.integer({ min: 0, max: 1439 })),
  )
  .map(([points, crossing]) => {
    const sorted = [...points].sort((a, b) => a - b);
    const windows: Array<[string, string]> = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      windows.push([hhmm(sorted[i] as number), hhmm(sorted[i + 1] as number)]);
    }
    const last = sorted.length >= 2 ? sorted[sorted.length - (sorted.length % 2) - 2] : undefined;
    if (crossing !== null && last !== undefined && windows.length > 0) {
      windows[windows.length - 1] = [hhmm(last), hhmm(Math.min(crossing, last))];
    }
    return windows;
  });

// A first day, biased towards the months in which clocks change, somewhere from 1971 to 2099.
const firstDay = fc
  .record({
    year: fc.integer({ min: 1971, max: 2099 }),
    month: fc.oneof(fc.constantFrom(3, 4, 10, 11), fc.integer({ min: 1, max: 12 })),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ year, month, day }) => Date.UTC(year, month - 1, day) / DAY);

interface Scenario {
  def: CalendarDef;
  start: number;
}

// Compiled on first use and kept off the scenario, so counterexamples print only the definition.
const compiled = new WeakMap<Scenario, Calendar>();
function calendarOf(s: Scenario): Calendar {
  let calendar = compiled.get(s);
  if (!calendar) {
    calendar = compileCalendar(s.def);
    compiled.set(s, calendar);
  }
  return calendar;
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    week: fc.tuple(
      ...DAYS.map(() => fc.oneof(dayWindows, fc.constant<Array<[string, string]>>([]))),
    ),
    day: firstDay,
    holidays: fc.array(
      fc.record({
        offset: fc.integer({ min: -2, max: 8 }),
        part: fc.option(
          fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1440 })),
        ),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ timeZone, week, day, holidays }) => {
    const weekly: CalendarDef['weekly'] = {};
    DAYS.forEach((key, i) => {
      if ((week[i] ?? []).length > 0) weekly[key] = week[i];
    });
    const def: CalendarDef = {
      timeZone,
      weekly,
      holidays: holidays.map(({ offset, part }) => {
        const date = isoDate(day + offset);
        if (part === null) return { date };
        const [a, b] = part;
        return a < b
          ? { date, from: hhmm(a), to: hhmm(b) }
          : { date, from: hhmm(b - 1), to: hhmm(a + 1) };
      }),
    };
    return { def, start: day * DAY };
  });

// An instant within a week of the scenario's first day, to the millisecond.
const offsetInWeek = fc.integer({ min: -DAY, max: 7 * DAY });
const businessAmount = fc.oneof(
  fc.integer({ min: 0, max: 3 * DAY }),
  fc.integer({ min: 0, max: 4 * 60 }).map((m) => m * MINUTE),
);

describe('business time properties over random calendars', () => {
  it('when measured, then business time agrees with the slow reference', () => {
    fc.assert(
      fc.property(
        scenario,
        offsetInWeek,
        fc.integer({ min: 0, max: 4 * DAY }),
        (s, offset, span) => {
          const from = s.start + offset;
          expect(businessTimeBetween(calendarOf(s), from, from + span)).toBe(
            referenceBetween(s.def, from, from + span),
          );
        },
      ),
      { numRuns: 250 },
    );
  });

  it('when business time is added, then the reference measures exactly that much, and not a millisecond less', () => {
    fc.assert(
      fc.property(scenario, offsetInWeek, businessAmount, (s, offset, amount) => {
        fc.pre(Object.keys(s.def.weekly).length > 0);
        const from = s.start + offset;
        const due = addBusinessTime(calendarOf(s), from, amount);
        expect(referenceBetween(s.def, from, due)).toBe(amount);
        if (amount > 0) expect(referenceBetween(s.def, from, due - 1)).toBe(amount - 1);
      }),
      { numRuns: 150 },
    );
  });

  it('when d is added to a start in business hours, then the business time between them is d', () => {
    fc.assert(
      fc.property(scenario, offsetInWeek, businessAmount, (s, offset, amount) => {
        const opening = nextOpen(calendarOf(s), s.start + offset);
        fc.pre(opening !== null);
        const start = opening as number;
        expect(isOpen(calendarOf(s), start)).toBe(true);
        expect(
          businessTimeBetween(calendarOf(s), start, addBusinessTime(calendarOf(s), start, amount)),
        ).toBe(amount);
        expect(
          businessTimeBetween(calendarOf(s), addBusinessTime(calendarOf(s), start, -amount), start),
        ).toBe(amount);
      }),
      { numRuns: 300 },
    );
  });

  it('when an interval is split anywhere, then the parts add up (additivity and antisymmetry)', () => {
    fc.assert(
      fc.property(scenario, offsetInWeek, offsetInWeek, offsetInWeek, (s, a, b, c) => {
        const [x, y, z] = [s.start + a, s.start + b, s.start + c];
        const xy = businessTimeBetween(calendarOf(s), x, y);
        expect(xy + businessTimeBetween(calendarOf(s), y, z)).toBe(
          businessTimeBetween(calendarOf(s), x, z),
        );
        expect(businessTimeBetween(calendarOf(s), y, x) + xy).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('when the end or the amount grows, then business time and due times never go back (monotonicity)', () => {
    fc.assert(
      fc.property(
        scenario,
        offsetInWeek,
        offsetInWeek,
        businessAmount,
        businessAmount,
        (s, a, b, d1, d2) => {
          const from = s.start;
          const [early, late] = a <= b ? [a, b] : [b, a];
          expect(businessTimeBetween(calendarOf(s), from, from + early)).toBeLessThanOrEqual(
            businessTimeBetween(calendarOf(s), from, from + late),
          );
          const [small, large] = d1 <= d2 ? [d1, d2] : [d2, d1];
          expect(addBusinessTime(calendarOf(s), from + a, small)).toBeLessThanOrEqual(
            addBusinessTime(calendarOf(s), from + a, large),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('when closed, then nextOpen is the first instant with business time after it', () => {
    fc.assert(
      fc.property(scenario, offsetInWeek, (s, offset) => {
        const t = s.start + offset;
        const opening = nextOpen(calendarOf(s), t);
        if (opening === null) {
          expect(Object.keys(s.def.weekly)).toHaveLength(0);
          return;
        }
        expect(businessTimeBetween(calendarOf(s), t, opening)).toBe(0);
        expect(isOpen(calendarOf(s), opening)).toBe(true);
        expect(isOpen(calendarOf(s), t)).toBe(opening === t);
        expect(businessTimeBetween(calendarOf(s), opening, opening + 1)).toBe(1);
      }),
      { numRuns: 300 },
    );
  });
});
