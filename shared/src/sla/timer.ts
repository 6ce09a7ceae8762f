// One SLA timer at `now`: consumed business time outside pauses, due and warning times, state.
import {
  addBusinessTime,
  businessTimeBetween,
  endOfBusinessDay,
  type Calendar,
} from '../clock/index.js';
import { checkDuration, checkInstant } from '../clock/errors.js';

/** A stretch during which the clock stops; `to: null` is still going on. */
export interface Pause {
  from: number;
  to: number | null;
}

/** When a timer turns at risk: with `beforeMs` or less left, or once a fraction is consumed. */
export type WarnRule = { beforeMs: number } | { consumedFraction: number };

export type TimerState =
  'pending' | 'running' | 'paused' | 'at_risk' | 'breached' | 'met' | 'met_late';

export interface TimerInput {
  /** Business calendar, or null for calendar time (24×7). */
  calendar: Calendar | null;
  startedAt: number;
  /** Business time allowed, in milliseconds of the calendar's open time. */
  targetMs: number;
  pauses?: readonly Pause[];
  completedAt?: number | null;
  warn?: WarnRule | null;
  now: number;
}

export interface TimerResult {
  state: TimerState;
  /** A pause is going on at `now` (kept separate so a breached timer can also be paused). */
  paused: boolean;
  /** When consumed time reaches the target; null while an open-ended pause holds it back. */
  dueAt: number | null;
  /** When the warning rule first holds; null without a rule or while paused before it. */
  warningAt: number | null;
  consumedMs: number;
  /** Target minus time consumed up to `now` (or completion); negative when overdue. */
  remainingMs: number;
}

/** A playbook SLA target before it is turned into milliseconds of business time. */
export type TimerTarget =
  | { unit: 'business_minutes' | 'business_hours' | 'calendar_hours'; amount: number }
  | { unit: 'business_days'; amount: number; mode: 'elapsed' | 'end_of_day' };

/**
 * Evaluates one SLA timer at `now`. Consumed time is business time since `startedAt` outside
 * pauses; a completion after `now` is not known yet at `now`, so it does not count.
 * A threshold of zero (a zero target, or a warning at or before the start) is reached at
 * `startedAt` itself, whatever pause covers it. Instants and durations that are not whole
 * milliseconds within years 1–9999 are refused with a RangeError.
 */
export function evaluateTimer(input: TimerInput): TimerResult {
  checkTimerInput(input);
  const { calendar, startedAt, targetMs, now } = input;
  const active = activeSpans(startedAt, input.pauses ?? []);
  const completedAt =
    input.completedAt !== undefined && input.completedAt !== null && input.completedAt <= now
      ? input.completedAt
      : null;
  const consumedMs = consumedUntil(calendar, active, completedAt ?? now);
  const dueAt = instantConsuming(calendar, startedAt, active, targetMs);
  const threshold = warningThreshold(input.warn, targetMs);
  const warningAt =
    threshold === null ? null : instantConsuming(calendar, startedAt, active, threshold);
  const paused = completedAt === null && isPaused(startedAt, active, now);
  return {
    state: stateOf(),
    paused,
    dueAt,
    warningAt,
    consumedMs,
    remainingMs: targetMs - consumedMs,
  };

  function stateOf(): TimerState {
    if (completedAt !== null) return consumedMs <= targetMs ? 'met' : 'met_late';
    // Before the start nothing is reached yet, not even a zero threshold (reached at the start).
    if (now < startedAt) return 'pending';
    if (consumedMs >= targetMs) return 'breached';
    if (paused) return 'paused';
    if (threshold !== null && consumedMs >= threshold) return 'at_risk';
    return 'running';
  }
}

/**
 * Milliseconds of business time for a playbook target starting at `startedAt`. Calendar hours
 * are 24×7 whatever the calendar: evaluate such a timer with `timerCalendar` (null).
 * Business days either count `amount × hoursPerDay` of open time ('elapsed') or run to the close
 * of the amount-th business day ('end_of_day', see `endOfBusinessDay`), converted to the business
 * time up to that close so pauses still push the due time.
 */
export function targetToMs(
  calendar: Calendar | null,
  startedAt: number,
  target: TimerTarget,
): number {
  const { amount } = target;
  if (!Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`An SLA target needs an amount of 0 or more, got ${amount}.`);
  }
  checkInstant('targetToMs', 'startedAt', startedAt);
  switch (target.unit) {
    case 'business_minutes':
      return wholeMs(amount * 60_000, amount);
    case 'business_hours':
    case 'calendar_hours':
      return wholeMs(amount * 3_600_000, amount);
    case 'business_days': {
      // A calendar that never opens consumes nothing, so end_of_day counts as elapsed: never due.
      if (target.mode === 'elapsed' || (calendar !== null && !calendar.opensEver)) {
        return wholeMs(amount * (calendar?.hoursPerDay ?? 24) * 3_600_000, amount);
      }
      const close = endOfBusinessDay(calendar, startedAt, amount);
      if (close === Infinity) {
        throw new RangeError(
          `An SLA target of ${amount} business days from ${new Date(startedAt).toISOString()} ends after year 9999.`,
        );
      }
      return businessTimeBetween(calendar, startedAt, close);
    }
  }
}

/** Milliseconds rounded to whole ones; a target too large to count in milliseconds is refused. */
function wholeMs(ms: number, amount: number): number {
  const whole = Math.round(ms);
  if (!Number.isSafeInteger(whole)) {
    throw new RangeError(`An SLA target of ${amount} is too large to count in milliseconds.`);
  }
  return whole;
}

function checkTimerInput(input: TimerInput): void {
  checkInstant('evaluateTimer', 'startedAt', input.startedAt);
  checkInstant('evaluateTimer', 'now', input.now);
  checkDuration('evaluateTimer', 'targetMs', input.targetMs, 0);
  if (input.completedAt !== undefined && input.completedAt !== null) {
    checkInstant('evaluateTimer', 'completedAt', input.completedAt);
  }
  (input.pauses ?? []).forEach((pause, i) => {
    checkInstant('evaluateTimer', `pauses[${i}].from`, pause.from);
    if (pause.to !== null) checkInstant('evaluateTimer', `pauses[${i}].to`, pause.to);
  });
  const warn = input.warn;
  if (warn === undefined || warn === null) return;
  if ('beforeMs' in warn) checkDuration('evaluateTimer', 'warn.beforeMs', warn.beforeMs, 0);
  else if (!Number.isFinite(warn.consumedFraction) || warn.consumedFraction < 0) {
    throw new RangeError(
      `evaluateTimer needs warn.consumedFraction as a number of 0 or more, got ${warn.consumedFraction}.`,
    );
  }
}

/** The calendar a timer with this target runs on: calendar hours ignore business hours. */
export function timerCalendar(calendar: Calendar | null, target: TimerTarget): Calendar | null {
  return target.unit === 'calendar_hours' ? null : calendar;
}

// Spans in which the clock runs, sorted: [from, to) with `to` Infinity for the last open one.
function activeSpans(startedAt: number, pauses: readonly Pause[]): number[] {
  const stops = pauses
    .map((pause) => ({ from: Math.max(pause.from, startedAt), to: pause.to ?? Infinity }))
    .filter((pause) => pause.to > pause.from)
    .sort((a, b) => a.from - b.from);
  const spans: number[] = [];
  let runningFrom = startedAt;
  for (const stop of stops) {
    if (stop.from > runningFrom) spans.push(runningFrom, stop.from);
    runningFrom = Math.max(runningFrom, stop.to);
  }
  if (runningFrom !== Infinity) spans.push(runningFrom, Infinity);
  return spans;
}

function consumedUntil(calendar: Calendar | null, active: number[], t: number): number {
  let consumed = 0;
  for (let i = 0; i < active.length; i += 2) {
    const from = active[i] as number;
    if (from >= t) break;
    consumed += businessTimeBetween(calendar, from, Math.min(active[i + 1] as number, t));
  }
  return consumed;
}

// Earliest instant at which `amount` has been consumed, or null if the clock stops for good first
// (or it lies after year 9999). Nothing is consumed before the start, so zero is reached there.
function instantConsuming(
  calendar: Calendar | null,
  startedAt: number,
  active: number[],
  amount: number,
): number | null {
  if (amount <= 0) return startedAt;
  let consumed = 0;
  for (let i = 0; i < active.length; i += 2) {
    const from = active[i] as number;
    const to = active[i + 1] as number;
    const inSpan = to === Infinity ? Infinity : businessTimeBetween(calendar, from, to);
    if (consumed + inSpan >= amount) {
      const at = addBusinessTime(calendar, from, amount - consumed);
      return Number.isFinite(at) ? at : null;
    }
    consumed += inSpan;
  }
  return null;
}

function warningThreshold(warn: WarnRule | null | undefined, targetMs: number): number | null {
  if (warn === undefined || warn === null) return null;
  // Consumed time is whole milliseconds, so "at least x" starts at the next whole millisecond.
  if ('beforeMs' in warn) return Math.max(targetMs - warn.beforeMs, 0);
  return Math.max(Math.ceil(warn.consumedFraction * targetMs), 0);
}

function isPaused(startedAt: number, active: number[], now: number): boolean {
  if (now < startedAt) return false;
  // Before a span (after the start) or after the last finite one, a pause is going on.
  for (let i = 0; i < active.length; i += 2) {
    if (now < (active[i] as number)) return true;
    if (now < (active[i + 1] as number)) return false;
  }
  return true;
}
