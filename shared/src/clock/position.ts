import type { Period } from './calendar.js';

/** Index of the last range opening at or before `instant`, or -1. */
export function lastOpeningAtOrBefore(period: Period, instant: number): number {
  const starts = period.starts;
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((starts[middle] as number) <= instant) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** Business time in the period before `instant` (which lies inside the period). */
export function consumedBefore(period: Period, instant: number): number {
  const i = lastOpeningAtOrBefore(period, instant);
  if (i < 0) return 0;
  const end = period.ends[i] as number;
  const start = period.starts[i] as number;
  return (period.before[i] as number) + (instant < end ? instant : end) - start;
}

/** Earliest instant in the period before which `amount` (> 0, ≤ total) of business time lies. */
export function earliestReaching(period: Period, amount: number): number {
  const after = period.after;
  let low = 0;
  let high = after.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((after[middle] as number) >= amount) high = middle;
    else low = middle + 1;
  }
  return (period.starts[low] as number) + amount - (period.before[low] as number);
}

/** Latest instant in the period before which `amount` (≥ 0, < total) of business time lies. */
export function latestReaching(period: Period, amount: number): number {
  const after = period.after;
  let low = 0;
  let high = after.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((after[middle] as number) > amount) high = middle;
    else low = middle + 1;
  }
  return (period.starts[low] as number) + amount - (period.before[low] as number);
}
