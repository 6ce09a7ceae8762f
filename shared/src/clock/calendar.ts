import { subtract, union } from './intervals.js';
import {
  DAY,
  FIRST_YEAR,
  LAST_YEAR,
  MINUTE,
  firstDayOfYear,
  isLeapYear,
  weekdayOf,
  yearOf,
  yearOfDay,
  yearStart,
} from './wallclock.js';
import type { Zone } from './zone.js';

/** A window in minutes after its day's midnight; `to` exceeds 1440 when it crosses midnight. */
export interface Window {
  readonly from: number;
  readonly to: number;
}

/** A part of one local date that is closed, in minutes after that date's midnight. */
export interface PartialHoliday {
  readonly day: number;
  readonly from: number;
  readonly to: number;
}

/**
 * The open time of one UTC calendar year, as sorted disjoint ranges with the business time that
 * precedes each range inside the year, so a position is found by binary search. Instants are
 * milliseconds after the year's first instant, so one layout serves every year that repeats it.
 */
export interface Period {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** Business time in the year before range i opens. */
  readonly before: Float64Array;
  /** Business time in the year when range i closes. */
  readonly after: Float64Array;
  readonly total: number;
  /** Business days of the year's local dates, laid out on first use by `endOfBusinessDay`. */
  days?: BusinessDays;
}

/** The year's business days in date order; dates in days and instants in ms after the year's start. */
export interface BusinessDays {
  readonly dates: Int32Array;
  readonly opens: Float64Array;
  readonly closes: Float64Array;
}

/** What is summed over years: business time, or the number of business days. */
export type Measure = 'time' | 'days';

/** A year reached by summing over years, and what is left to take inside it. */
export interface Reach {
  readonly year: number;
  readonly rest: number;
}

/**
 * Zone offsets are constant before 1800 (see `EARLY_ZONE_END`) and, from 2100 on, follow each
 * zone's last rule, which repeats with the calendar: the tz database's last dated transitions are
 * in 2087 (checked against every zone Intl knows, years 2090–2127 against the same kinds of year
 * up to 800 years later). So a year outside 1799–2100 without a holiday near it lays out exactly
 * like any other such year of the same era that starts on the same weekday and has the same length.
 */
const EARLY_PLAIN_LAST = 1798;
const LATE_PLAIN_FIRST = 2101;
const EXPLICIT_FIRST = EARLY_PLAIN_LAST + 1;
const EXPLICIT_COUNT = LATE_PLAIN_FIRST - EXPLICIT_FIRST;
// Layouts read local dates up to three days either side of the year, and holidays within them.
const MARGIN_DAYS = 3;
// The explicit years and the few kinds of repeating year fit; past that, or past about 16 MB of
// ranges for a dense calendar, the least recently used year goes.
const MAX_PERIODS = 512;
const MAX_RANGES = 1 << 19;

/** 0–13: leap or not × weekday of 1 January. Years of one kind have the same dates and weekdays. */
function kindOf(year: number): number {
  return (isLeapYear(year) ? 7 : 0) + weekdayOf(firstDayOfYear(year));
}

// Kinds repeat every 400 years (146,097 days, a whole number of weeks): per-cycle counts and
// counts below each position in a cycle give the years of a kind in any range at once.
const KINDS = 14;
const CYCLE = 400;
const KIND_BELOW = new Int32Array(KINDS * (CYCLE + 1));
for (let r = 0; r < CYCLE; r++) {
  const kind = kindOf(2000 + r);
  for (let k = 0; k < KINDS; k++) {
    KIND_BELOW[k * (CYCLE + 1) + r + 1] =
      (KIND_BELOW[k * (CYCLE + 1) + r] as number) + (k === kind ? 1 : 0);
  }
}

/** Years of `kind` in [0, year). */
function kindCountBelow(kind: number, year: number): number {
  const cycles = Math.floor(year / CYCLE);
  const row = kind * (CYCLE + 1);
  return (
    cycles * (KIND_BELOW[row + CYCLE] as number) +
    (KIND_BELOW[row + year - cycles * CYCLE] as number)
  );
}

interface Entry {
  readonly period: Period;
  used: number;
}

/**
 * A compiled business calendar. Build it with `compileCalendar`; the fields are read by the clock
 * functions and are not meant to be set by hand.
 */
export class Calendar {
  readonly timeZone: string;
  readonly hoursPerDay: number;
  /** @internal Windows per weekday, Monday first, sorted by `from`. */
  readonly week: ReadonlyArray<readonly Window[]>;
  /** @internal Local dates (day numbers) closed all day. */
  readonly closedDays: ReadonlySet<number>;
  /** @internal Sorted by day. */
  readonly partialHolidays: readonly PartialHoliday[];
  /** @internal False when no weekday has a window, so nothing is ever open. */
  readonly opensEver: boolean;
  /** @internal */
  readonly zone: Zone;
  /** Years whose layout a holiday can change, sorted: they are laid out on their own. */
  private readonly holidayYears: Int32Array;
  private readonly periods = new Map<number, Entry>();
  private ranges = 0;
  private tick = 0;
  /** The year each kind of repeating year is laid out as, per era; -1 when none qualifies. */
  private readonly representatives = new Int32Array(2 * KINDS).fill(-2);
  // Per-year sums of the explicit years (1799–2100), NaN until known: long spans add them up.
  private readonly explicitTime = new Float64Array(EXPLICIT_COUNT).fill(NaN);
  private readonly explicitDays = new Float64Array(EXPLICIT_COUNT).fill(NaN);
  private readonly kindTime = new Float64Array(2 * KINDS).fill(NaN);
  private readonly kindDays = new Float64Array(2 * KINDS).fill(NaN);

  /** @internal Use `compileCalendar`. */
  constructor(parts: {
    timeZone: string;
    hoursPerDay: number;
    week: ReadonlyArray<readonly Window[]>;
    closedDays: ReadonlySet<number>;
    partialHolidays: readonly PartialHoliday[];
    zone: Zone;
  }) {
    this.timeZone = parts.timeZone;
    this.hoursPerDay = parts.hoursPerDay;
    this.week = parts.week;
    this.closedDays = parts.closedDays;
    this.partialHolidays = parts.partialHolidays;
    this.zone = parts.zone;
    this.opensEver = parts.week.some((windows) => windows.length > 0);
    const years = new Set<number>();
    const days = [...parts.closedDays, ...parts.partialHolidays.map((h) => h.day)];
    for (const day of days) {
      const last = yearOfDay(day + MARGIN_DAYS);
      for (let year = yearOfDay(day - MARGIN_DAYS); year <= last; year++) years.add(year);
    }
    this.holidayYears = Int32Array.from([...years].sort((a, b) => a - b));
  }

  /** @internal The layout of UTC year `year` (0–10000), in ms after `yearStart(year)`. */
  period(year: number): Period {
    const layout = this.layoutYear(year);
    let entry = this.periods.get(layout);
    if (entry === undefined) {
      const period = this.buildPeriod(layout);
      this.ranges += period.starts.length;
      while (this.periods.size >= MAX_PERIODS || this.ranges > MAX_RANGES) {
        if (!this.evictLeastRecentlyUsed()) break;
      }
      entry = { period, used: 0 };
      this.periods.set(layout, entry);
    }
    entry.used = ++this.tick;
    return entry.period;
  }

  /** @internal The year's business days (see `BusinessDays`), laid out on first use. */
  businessDays(year: number): BusinessDays {
    const period = this.period(year);
    period.days ??= this.buildBusinessDays(this.layoutYear(year));
    return period.days;
  }

  /** @internal Business time (or business days) in the UTC years [first, end). */
  sumYears(first: number, end: number, measure: Measure): number {
    let sum = 0;
    // Early repeating years, explicit years, late repeating years.
    const earlyEnd = Math.min(end, EARLY_PLAIN_LAST + 1);
    if (first < earlyEnd) sum += this.sumRepeating(first, earlyEnd, 0, measure);
    const explicitFirst = Math.max(first, EXPLICIT_FIRST);
    const explicitEnd = Math.min(end, LATE_PLAIN_FIRST);
    for (let year = explicitFirst; year < explicitEnd; year++) {
      sum += this.explicitValue(year, measure);
    }
    const lateFirst = Math.max(first, LATE_PLAIN_FIRST);
    if (lateFirst < end) sum += this.sumRepeating(lateFirst, end, 1, measure);
    return sum;
  }

  /**
   * @internal The first year from `first` on by whose end `need` (> 0) has been summed, and how
   * much of `need` is left for that year (> 0, at most its value); null when not by year 9999.
   */
  reachForward(first: number, need: number, measure: Measure): Reach | null {
    let sum = 0;
    let year = first;
    // Most spans end within a year or two, and explicit years are known one by one: step through
    // those, then search the repeating years, whose sums are closed forms.
    for (
      ;
      year <= LAST_YEAR &&
      (year < first + 3 || (year >= EXPLICIT_FIRST && year < LATE_PLAIN_FIRST));
      year++
    ) {
      const value = this.explicitValue(year, measure);
      if (sum + value >= need) return { year, rest: need - sum };
      sum += value;
    }
    need -= sum;
    if (year > LAST_YEAR || this.sumYears(year, LAST_YEAR + 1, measure) < need) return null;
    const from = year;
    let low = year;
    let high = LAST_YEAR;
    // Repeating years average out within a few: guess from the mean of the next 400 and bracket
    // the guess, so the search takes a handful of sums rather than a dozen.
    const span = Math.min(CYCLE, LAST_YEAR + 1 - from);
    const mean = this.sumYears(from, from + span, measure) / span;
    if (mean > 0) {
      const guess = Math.min(Math.max(from + Math.floor(need / mean), from), LAST_YEAR);
      const below = Math.max(guess - 3, from);
      const above = Math.min(guess + 3, LAST_YEAR);
      if (
        this.sumYears(from, below, measure) < need &&
        this.sumYears(from, above + 1, measure) >= need
      ) {
        low = below;
        high = above;
      }
    }
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sumYears(from, middle + 1, measure) >= need) high = middle;
      else low = middle + 1;
    }
    return { year: low, rest: need - this.sumYears(from, low, measure) };
  }

  /**
   * @internal The last year from `last` back by whose start `need` (> 0) has been summed, and
   * what is left of that year's value before it (≥ 0, less than its value); null when not by year 1.
   */
  reachBackward(last: number, need: number, measure: Measure): Reach | null {
    let sum = 0;
    let year = last;
    for (
      ;
      year >= FIRST_YEAR &&
      (year > last - 3 || (year >= EXPLICIT_FIRST && year < LATE_PLAIN_FIRST));
      year--
    ) {
      const value = this.explicitValue(year, measure);
      if (sum + value >= need) return { year, rest: sum + value - need };
      sum += value;
    }
    need -= sum;
    if (year < FIRST_YEAR || this.sumYears(FIRST_YEAR, year + 1, measure) < need) return null;
    const to = year + 1;
    let low = FIRST_YEAR;
    let high = year;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.sumYears(middle, to, measure) >= need) low = middle;
      else high = middle - 1;
    }
    return { year: low, rest: this.sumYears(low, to, measure) - need };
  }

  /** A year's value, kept for the explicit years (and kinds) so sums over them are additions. */
  private explicitValue(year: number, measure: Measure): number {
    const index = year - EXPLICIT_FIRST;
    if (index < 0 || index >= EXPLICIT_COUNT) return this.yearValue(year, measure);
    const cache = measure === 'time' ? this.explicitTime : this.explicitDays;
    let value = cache[index] as number;
    if (Number.isNaN(value)) {
      value = this.yearValue(year, measure);
      cache[index] = value;
    }
    return value;
  }

  /** The value of the representative year of a kind, kept once known. */
  private kindValue(slot: number, representative: number, measure: Measure): number {
    const cache = measure === 'time' ? this.kindTime : this.kindDays;
    let value = cache[slot] as number;
    if (Number.isNaN(value)) {
      value = this.yearValue(representative, measure);
      cache[slot] = value;
    }
    return value;
  }

  /** @internal Business time (or business days) of one UTC year. */
  yearValue(year: number, measure: Measure): number {
    return measure === 'time' ? this.period(year).total : this.businessDays(year).dates.length;
  }

  /** @internal The local date (day number) an instant falls on in the calendar's zone. */
  dayOf(instant: number): number {
    const year = yearOf(instant);
    const shift = yearStart(year) - yearStart(this.layoutYear(year));
    return Math.floor((instant + this.zone.offsetAt(instant - shift)) / DAY);
  }

  /**
   * @internal Open ranges of the windows that belong to local date `day`, after holidays. Ranges
   * of neighbouring days are not merged in, so a day's own opening and closing can be read off.
   */
  dayRanges(day: number): number[] {
    // Windows of one day never overlap on the clock, but a spring-forward gap can make them.
    const own = union(this.windowRanges(day, day));
    return subtract(own, this.holidayRanges(day - 1, day + 2));
  }

  /** The year whose layout `year` repeats: a representative of its kind, or itself. */
  private layoutYear(year: number): number {
    const era = year <= EARLY_PLAIN_LAST ? 0 : year >= LATE_PLAIN_FIRST ? 1 : -1;
    if (era < 0 || this.touchedByHoliday(year)) return year;
    const slot = era * KINDS + kindOf(year);
    let representative = this.representatives[slot] as number;
    if (representative === -2) {
      representative = this.findRepresentative(kindOf(year), era);
      this.representatives[slot] = representative;
    }
    return representative < 0 ? year : representative;
  }

  // The repeating year nearest the explicit ones, so its zone offsets are read at most once.
  private findRepresentative(kind: number, era: number): number {
    const step = era === 0 ? -1 : 1;
    const last = era === 0 ? 0 : LAST_YEAR + 1;
    for (let year = era === 0 ? EARLY_PLAIN_LAST : LATE_PLAIN_FIRST; year !== last; year += step) {
      if (kindOf(year) === kind && !this.touchedByHoliday(year)) return year;
    }
    return -1;
  }

  private touchedByHoliday(year: number): boolean {
    return this.holidayYears[this.firstHolidayYearFrom(year)] === year;
  }

  /** Index of the first holiday year at or after `year`. */
  private firstHolidayYearFrom(year: number): number {
    const years = this.holidayYears;
    let low = 0;
    let high = years.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((years[middle] as number) < year) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  // Kinds × their representative's value, corrected for the years a holiday lays out on their own.
  private sumRepeating(first: number, end: number, era: number, measure: Measure): number {
    let sum = 0;
    for (let kind = 0; kind < KINDS; kind++) {
      const count = kindCountBelow(kind, end) - kindCountBelow(kind, first);
      if (count === 0) continue;
      let representative = this.representatives[era * KINDS + kind] as number;
      if (representative === -2) {
        representative = this.findRepresentative(kind, era);
        this.representatives[era * KINDS + kind] = representative;
      }
      // No year of this kind repeats: every one of them is a holiday year, added below.
      if (representative < 0) continue;
      sum += count * this.kindValue(era * KINDS + kind, representative, measure);
    }
    const years = this.holidayYears;
    for (let i = this.firstHolidayYearFrom(first); i < years.length; i++) {
      const year = years[i] as number;
      if (year >= end) break;
      const representative = this.representatives[era * KINDS + kindOf(year)] as number;
      sum += this.yearValue(year, measure);
      if (representative >= 0) {
        sum -= this.kindValue(era * KINDS + kindOf(year), representative, measure);
      }
    }
    return sum;
  }

  // A scan on eviction only: a hit just stamps its entry, so the warm path stays a map read.
  private evictLeastRecentlyUsed(): boolean {
    let oldest: number | undefined;
    let oldestUse = Infinity;
    for (const [year, entry] of this.periods) {
      if (entry.used < oldestUse) {
        oldestUse = entry.used;
        oldest = year;
      }
    }
    if (oldest === undefined) return false;
    this.ranges -= (this.periods.get(oldest) as Entry).period.starts.length;
    this.periods.delete(oldest);
    return true;
  }

  private buildPeriod(year: number): Period {
    const start = yearStart(year);
    const end = yearStart(year + 1);
    // Offsets stay within a day either way and a window reaches at most a day past its date.
    const firstDay = start / DAY - MARGIN_DAYS;
    const lastDay = end / DAY + 2;
    const open = union(this.windowRanges(firstDay, lastDay));
    const ranges = subtract(open, this.holidayRanges(firstDay, lastDay + 1));
    const starts: number[] = [];
    const ends: number[] = [];
    for (let i = 0; i < ranges.length; i += 2) {
      const from = Math.max(ranges[i] as number, start);
      const to = Math.min(ranges[i + 1] as number, end);
      if (from < to) {
        starts.push(from - start);
        ends.push(to - start);
      }
    }
    const before = new Float64Array(starts.length);
    const after = new Float64Array(starts.length);
    let total = 0;
    for (let i = 0; i < starts.length; i++) {
      before[i] = total;
      total += (ends[i] as number) - (starts[i] as number);
      after[i] = total;
    }
    return {
      starts: Float64Array.from(starts),
      ends: Float64Array.from(ends),
      before,
      after,
      total,
    };
  }

  private buildBusinessDays(year: number): BusinessDays {
    const start = yearStart(year);
    const firstDay = firstDayOfYear(year);
    const endDay = firstDayOfYear(year + 1);
    const dates: number[] = [];
    const opens: number[] = [];
    const closes: number[] = [];
    for (let day = firstDay; day < endDay; day++) {
      const ranges = this.dayRanges(day);
      if (ranges.length === 0) continue;
      dates.push(day - firstDay);
      opens.push((ranges[0] as number) - start);
      closes.push((ranges[ranges.length - 1] as number) - start);
    }
    return {
      dates: Int32Array.from(dates),
      opens: Float64Array.from(opens),
      closes: Float64Array.from(closes),
    };
  }

  private windowRanges(firstDay: number, lastDay: number): number[] {
    const ranges: number[] = [];
    for (let day = firstDay; day <= lastDay; day++) {
      if (this.closedDays.has(day)) continue;
      const midnight = day * DAY;
      for (const window of this.week[weekdayOf(day)] ?? []) {
        const from = this.zone.toInstant(midnight + window.from * MINUTE);
        const to = this.zone.toInstant(midnight + window.to * MINUTE);
        // A window that starts in a spring-forward gap can end before its moved start: empty.
        if (from < to) ranges.push(from, to);
      }
    }
    return ranges;
  }

  private holidayRanges(firstDay: number, lastDay: number): number[] {
    const ranges: number[] = [];
    const holidays = this.partialHolidays;
    let low = 0;
    let high = holidays.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((holidays[middle] as PartialHoliday).day < firstDay) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < holidays.length; i++) {
      const holiday = holidays[i] as PartialHoliday;
      if (holiday.day > lastDay) break;
      const midnight = holiday.day * DAY;
      const from = this.zone.toInstant(midnight + holiday.from * MINUTE);
      const to = this.zone.toInstant(midnight + holiday.to * MINUTE);
      if (from < to) ranges.push(from, to);
    }
    return union(ranges);
  }
}
