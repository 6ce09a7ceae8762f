import type { Calendar } from './calendar.js';
import { checkDuration, checkInstant } from './errors.js';
import {
  consumedBefore,
  earliestReaching,
  lastOpeningAtOrBefore,
  latestReaching,
} from './position.js';
import { LAST_YEAR, MAX_INSTANT, MIN_INSTANT, yearOf, yearStart } from './wallclock.js';

/**
 * Business time in `[from, to)`, in milliseconds; negative when `to` is before `from`.
 * A `null` calendar counts every millisecond. Whole years in between are summed in closed form,
 * so a span of millennia costs about what a span of days does.
 */
export function businessTimeBetween(calendar: Calendar | null, from: number, to: number): number {
  checkInstant('businessTimeBetween', 'from', from);
  checkInstant('businessTimeBetween', 'to', to);
  if (calendar === null) return to - from;
  if (to < from) {
    const forward = between(calendar, to, from);
    return forward === 0 ? 0 : -forward;
  }
  return between(calendar, from, to);
}

/**
 * The earliest instant at which `ms` of business time has passed since `start` (so a due time
 * can be a closing instant, and a start outside business hours counts from the next opening).
 * A negative `ms` goes back: the latest instant `ms` of business time before `start`.
 * Returns ±Infinity when the calendar never opens, or not within years 1–9999.
 */
export function addBusinessTime(calendar: Calendar | null, start: number, ms: number): number {
  checkInstant('addBusinessTime', 'start', start);
  checkDuration('addBusinessTime', 'ms', ms);
  if (calendar === null || ms === 0) {
    const end = start + ms;
    return end > MAX_INSTANT ? Infinity : end < MIN_INSTANT ? -Infinity : end;
  }
  if (!calendar.opensEver) return ms > 0 ? Infinity : -Infinity;
  return ms > 0 ? reachingForward(calendar, start, ms) : reachingBackward(calendar, start, -ms);
}

/** Whether the calendar is open at instant `t` (windows are half-open: open at the opening). */
export function isOpen(calendar: Calendar | null, t: number): boolean {
  checkInstant('isOpen', 't', t);
  return calendar === null || openAt(calendar, t);
}

/**
 * `t` when open, else the next opening instant; null when the calendar never opens (or not
 * before the end of year 9999).
 */
export function nextOpen(calendar: Calendar | null, t: number): number | null {
  checkInstant('nextOpen', 't', t);
  if (calendar === null) return t;
  if (!calendar.opensEver) return null;
  if (openAt(calendar, t)) return t;
  // Closed at t: one millisecond of business time has passed one millisecond after the opening.
  const reached = reachingForward(calendar, t, 1);
  return reached === Infinity ? null : reached - 1;
}

/** @internal Business time in [from, to), from ≤ to, both checked. */
export function between(calendar: Calendar, from: number, to: number): number {
  const first = yearUpTo(from);
  const last = yearUpTo(to);
  if (first === last) {
    const period = calendar.period(first);
    const start = yearStart(first);
    return consumedBefore(period, to - start) - consumedBefore(period, from - start);
  }
  return (
    calendar.period(first).total -
    consumedInYear(calendar, first, from) +
    calendar.sumYears(first + 1, last, 'time') +
    consumedInYear(calendar, last, to)
  );
}

/** @internal The earliest instant with `amount` (> 0) of business time since `start`. */
export function reachingForward(calendar: Calendar, start: number, amount: number): number {
  const year = yearUpTo(start);
  const period = calendar.period(year);
  const target = consumedBefore(period, start - yearStart(year)) + amount;
  if (target <= period.total) return yearStart(year) + earliestReaching(period, target);
  const reach = calendar.reachForward(year + 1, target - period.total, 'time');
  if (reach === null) return Infinity;
  return yearStart(reach.year) + earliestReaching(calendar.period(reach.year), reach.rest);
}

function reachingBackward(calendar: Calendar, start: number, amount: number): number {
  const year = yearUpTo(start);
  const period = calendar.period(year);
  const target = consumedBefore(period, start - yearStart(year)) - amount;
  if (target >= 0) return yearStart(year) + latestReaching(period, target);
  const reach = calendar.reachBackward(year - 1, -target, 'time');
  if (reach === null) return -Infinity;
  return yearStart(reach.year) + latestReaching(calendar.period(reach.year), reach.rest);
}

function openAt(calendar: Calendar, t: number): boolean {
  const year = yearOf(t);
  const period = calendar.period(year);
  const instant = t - yearStart(year);
  const i = lastOpeningAtOrBefore(period, instant);
  return i >= 0 && instant < (period.ends[i] as number);
}

// The year to measure up to an instant in: the end of the range counts as the end of year 9999.
function yearUpTo(instant: number): number {
  return instant === MAX_INSTANT ? LAST_YEAR : yearOf(instant);
}

/** Business time in [start of `year`, instant). */
function consumedInYear(calendar: Calendar, year: number, instant: number): number {
  const offset = instant - yearStart(year);
  return offset === 0 ? 0 : consumedBefore(calendar.period(year), offset);
}
