import { PERIOD_MS, type Calendar } from './calendar.js';
import {
  consumedBefore,
  earliestReaching,
  lastOpeningAtOrBefore,
  latestReaching,
} from './position.js';

/**
 * Business time in `[from, to)`, in milliseconds; negative when `to` is before `from`.
 * A `null` calendar counts every millisecond.
 */
export function businessTimeBetween(calendar: Calendar | null, from: number, to: number): number {
  if (calendar === null) return to - from;
  if (to < from) {
    const forward = businessTimeBetween(calendar, to, from);
    return forward === 0 ? 0 : -forward;
  }
  const first = Math.floor(from / PERIOD_MS);
  const last = Math.floor(to / PERIOD_MS);
  const period = calendar.period(first);
  if (first === last) return consumedBefore(period, to) - consumedBefore(period, from);
  let sum = period.total - consumedBefore(period, from);
  for (let index = first + 1; index < last; index++) sum += calendar.period(index).total;
  return sum + consumedBefore(calendar.period(last), to);
}

/**
 * The earliest instant at which `ms` of business time has passed since `start` (so a due time
 * can be a closing instant, and a start outside business hours counts from the next opening).
 * A negative `ms` goes back: the latest instant `ms` of business time before `start`.
 * Returns ±Infinity when the calendar never opens.
 */
export function addBusinessTime(calendar: Calendar | null, start: number, ms: number): number {
  if (calendar === null || ms === 0) return start + ms;
  if (!calendar.opensEver) return ms > 0 ? Infinity : -Infinity;
  let index = Math.floor(start / PERIOD_MS);
  let period = calendar.period(index);
  let target = consumedBefore(period, start) + ms;
  if (ms > 0) {
    while (target > period.total) {
      target -= period.total;
      period = calendar.period(++index);
    }
    return earliestReaching(period, target);
  }
  while (target < 0) {
    period = calendar.period(--index);
    target += period.total;
  }
  return latestReaching(period, target);
}

/** Whether the calendar is open at instant `t` (windows are half-open: open at the opening). */
export function isOpen(calendar: Calendar | null, t: number): boolean {
  if (calendar === null) return true;
  const period = calendar.period(Math.floor(t / PERIOD_MS));
  const i = lastOpeningAtOrBefore(period, t);
  return i >= 0 && t < (period.ends[i] as number);
}

/** `t` when open, else the next opening instant; null when the calendar never opens. */
export function nextOpen(calendar: Calendar | null, t: number): number | null {
  if (calendar === null) return t;
  if (!calendar.opensEver) return null;
  let index = Math.floor(t / PERIOD_MS);
  let period = calendar.period(index);
  const i = lastOpeningAtOrBefore(period, t);
  if (i >= 0 && t < (period.ends[i] as number)) return t;
  if (i + 1 < period.starts.length) return period.starts[i + 1] as number;
  do period = calendar.period(++index);
  while (period.starts.length === 0);
  return period.starts[0] as number;
}
