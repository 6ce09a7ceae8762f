import { subtract, union } from './intervals.js';
import { DAY, MINUTE, weekdayOf } from './wallclock.js';
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
 * The open time of one stretch of UTC time, as sorted disjoint ranges with the business time
 * that precedes each range inside the period, so a position is found by binary search.
 */
export interface Period {
  readonly start: number;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** Business time in the period before range i opens. */
  readonly before: Float64Array;
  /** Business time in the period when range i closes. */
  readonly after: Float64Array;
  readonly total: number;
}

// A year of whole weeks: spans of a year or two touch at most three periods.
export const PERIOD_MS = 364 * DAY;
// Enough for every period from 1970 to 2100 at once; the cache starts over past that.
const MAX_PERIODS = 160;

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
  private readonly periods = new Map<number, Period>();

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
  }

  /** @internal The period containing UTC period index `index`, built on first use. */
  period(index: number): Period {
    let period = this.periods.get(index);
    if (period === undefined) {
      if (this.periods.size >= MAX_PERIODS) this.periods.clear();
      period = this.buildPeriod(index);
      this.periods.set(index, period);
    }
    return period;
  }

  /** @internal The local date (day number) an instant falls on in the calendar's zone. */
  dayOf(instant: number): number {
    return Math.floor((instant + this.zone.offsetAt(instant)) / DAY);
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

  private buildPeriod(index: number): Period {
    const start = index * PERIOD_MS;
    const end = start + PERIOD_MS;
    // Offsets stay within a day either way and a window reaches at most a day past its date.
    const firstDay = Math.floor(start / DAY) - 3;
    const lastDay = Math.floor(end / DAY) + 2;
    const open = union(this.windowRanges(firstDay, lastDay));
    const ranges = subtract(open, this.holidayRanges(firstDay, lastDay + 1));
    const starts: number[] = [];
    const ends: number[] = [];
    for (let i = 0; i < ranges.length; i += 2) {
      const from = Math.max(ranges[i] as number, start);
      const to = Math.min(ranges[i + 1] as number, end);
      if (from < to) {
        starts.push(from);
        ends.push(to);
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
      start,
      starts: Float64Array.from(starts),
      ends: Float64Array.from(ends),
      before,
      after,
      total,
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
