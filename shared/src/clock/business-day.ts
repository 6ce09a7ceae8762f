import type { BusinessDays, Calendar } from './calendar.js';
import { checkInstant } from './errors.js';
import { DAY, LAST_YEAR, MAX_INSTANT, firstDayOfYear, yearOfDay, yearStart } from './wallclock.js';

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
 * opening. When business days overlap (a night window running into the next date's hours), day n
 * is over once it and every business day before it have closed, so the answer never goes back as
 * n grows. A `null` calendar has UTC days that are always in progress.
 * Returns Infinity when the calendar never opens, or when that close is not within years 1–9999.
 */
export function endOfBusinessDay(calendar: Calendar | null, start: number, n: number): number {
  checkInstant('endOfBusinessDay', 'start', start);
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`endOfBusinessDay needs a whole number of days ≥ 0, got ${n}.`);
  }
  if (calendar === null) {
    const close = (Math.floor(start / DAY) + 1 + n) * DAY;
    return close > MAX_INSTANT ? Infinity : close;
  }
  if (!calendar.opensEver) return Infinity;
  // The first business day not closed at `start`; the previous date's window may still be open.
  const firstDay = calendar.dayOf(start) - 1;
  let year = yearOfDay(firstDay);
  let days = calendar.businessDays(year);
  let index = firstDateAtOrAfter(days, firstDay - firstDayOfYear(year));
  for (;;) {
    if (index >= days.dates.length) {
      const next = nextYearWithBusinessDays(calendar, year + 1);
      if (next === null) return Infinity;
      year = next;
      days = calendar.businessDays(year);
      index = 0;
      continue;
    }
    if (yearStart(year) + (days.closes[index] as number) > start) break;
    index++;
  }
  const inProgress = yearStart(year) + (days.opens[index] as number) <= start;
  const steps = inProgress ? n : Math.max(n - 1, 0);
  // A business day inside a longer overnight one can have closed by `start` although the longer
  // one has not: it is over and not counted. Such days lie within a few dates of `start`, so
  // step through those, then count whole years of business days in closed form.
  let left = steps;
  let target = index;
  while (left > 0) {
    target++;
    if (target >= days.dates.length) {
      const next = nextYearWithBusinessDays(calendar, year + 1);
      if (next === null) return Infinity;
      year = next;
      days = calendar.businessDays(year);
      target = 0;
    }
    if (firstDayOfYear(year) + (days.dates[target] as number) > firstDay + 4) {
      left--;
      break;
    }
    if (yearStart(year) + (days.closes[target] as number) > start) left--;
  }
  target += left;
  if (target >= days.dates.length) {
    const reach = calendar.reachForward(year + 1, target - days.dates.length + 1, 'days');
    if (reach === null) return Infinity;
    year = reach.year;
    days = calendar.businessDays(year);
    target = reach.rest - 1;
  }
  let close = yearStart(year) + (days.closes[target] as number);
  // Only the business day just before can close later (closes are at most two dates apart).
  if (steps > 0) close = Math.max(close, closeBefore(calendar, year, days, target));
  return close > MAX_INSTANT ? Infinity : close;
}

/** Index of the first business day on or after date `date` (days after the year's first date). */
function firstDateAtOrAfter(days: BusinessDays, date: number): number {
  let low = 0;
  let high = days.dates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((days.dates[middle] as number) < date) low = middle + 1;
    else high = middle;
  }
  return low;
}

function nextYearWithBusinessDays(calendar: Calendar, first: number): number | null {
  const reach = first > LAST_YEAR ? null : calendar.reachForward(first, 1, 'days');
  return reach === null ? null : reach.year;
}

/** The close of the business day before entry `index` of `year`, or -Infinity when none is near. */
function closeBefore(calendar: Calendar, year: number, days: BusinessDays, index: number): number {
  if (index > 0) return yearStart(year) + (days.closes[index - 1] as number);
  if (year <= 0) return -Infinity;
  const previous = calendar.businessDays(year - 1);
  const last = previous.closes.length - 1;
  return last < 0 ? -Infinity : yearStart(year - 1) + (previous.closes[last] as number);
}
