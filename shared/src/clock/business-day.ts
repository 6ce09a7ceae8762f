import type { Calendar } from './calendar.js';
import { DAY } from './wallclock.js';

/**
 * The closing instant of the n-th business day after the day of `start`.
 *
 * A business day is a local date with open time left after holidays (its windows, including the
 * after-midnight part of one that crosses midnight); it opens at its first and closes at its last
 * open instant. "The day of start" is the business day in progress at `start` (opened at or before
 * `start`, closing after it). When no business day is in progress — before the day's opening,
 * after its close, on a weekend or holiday — the next business day counts as day 1.
 *
 * So n = 0 is the close of the business day in progress, or of the next one when none is;
 * n = 1 is the close of the next business day, which is today's when `start` is before today's
 * opening. A `null` calendar has UTC days that are always in progress.
 * Returns Infinity when the calendar never opens.
 */
export function endOfBusinessDay(calendar: Calendar | null, start: number, n: number): number {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`endOfBusinessDay needs a whole number of days ≥ 0, got ${n}.`);
  }
  if (calendar === null) return (Math.floor(start / DAY) + 1 + n) * DAY;
  if (!calendar.opensEver) return Infinity;
  // The previous date's window may still be open after midnight.
  let day = calendar.dayOf(start) - 1;
  let remaining = -1;
  for (;;) {
    const ranges = calendar.dayRanges(day++);
    if (ranges.length === 0) continue;
    const close = ranges[ranges.length - 1] as number;
    if (close <= start) continue;
    if (remaining < 0) {
      const inProgress = (ranges[0] as number) <= start;
      remaining = inProgress ? n : Math.max(n - 1, 0);
    } else {
      remaining--;
    }
    if (remaining === 0) return close;
  }
}
