// Property: a timer's state, due time and warning time always tell the same story at `now`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../../shared/src/clock/index.js';
import { evaluateTimer, type TimerInput } from '../../../shared/src/sla/index.js';
import { NINE_TO_FIVE } from '../builders.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.parse('2025-06-02T00:00-04:00');

const office = compileCalendar({ timeZone: 'America/New_York', weekly: NINE_TO_FIVE });

// Instants on the minute in a fortnight, so starts, pauses and now often coincide.
const instant = fc.integer({ min: 0, max: (14 * DAY) / MINUTE }).map((m) => T0 + m * MINUTE);
const duration = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: (3 * DAY) / MINUTE }).map((m) => m * MINUTE),
);

// Calendars by name, so a counterexample prints the name rather than the compiled calendar.
const calendars = { office, calendarTime: null };
const input = fc.record({
  calendar: fc.constantFrom('office', 'calendarTime') as fc.Arbitrary<keyof typeof calendars>,
  startedAt: instant,
  targetMs: duration,
  pauses: fc.array(
    fc.record({ from: instant, to: fc.option(instant) }).map(({ from, to }) => ({
      from,
      to: to === null ? null : Math.max(from, to),
    })),
    { maxLength: 3 },
  ),
  completedAt: fc.option(instant),
  warn: fc.option(
    fc.oneof(
      duration.map((beforeMs) => ({ beforeMs })),
      fc.integer({ min: 0, max: 100 }).map((p) => ({ consumedFraction: p / 100 })),
    ),
  ),
  now: instant,
});

describe('timer consistency', () => {
  it('when evaluated at any now, then state, dueAt and warningAt agree', () => {
    fc.assert(
      fc.property(input, (named) => {
        const timer: TimerInput = { ...named, calendar: calendars[named.calendar] };
        const { state, paused, dueAt, warningAt, consumedMs, remainingMs } = evaluateTimer(timer);
        const { now, startedAt, targetMs } = timer;
        const completed = timer.completedAt !== null && (timer.completedAt as number) <= now;
        expect(remainingMs).toBe(targetMs - consumedMs);
        if (state === 'pending') expect(now).toBeLessThan(startedAt);
        if (state === 'breached') {
          expect(dueAt).not.toBeNull();
          expect(dueAt as number).toBeLessThanOrEqual(now);
        }
        if (state === 'at_risk') {
          expect(warningAt).not.toBeNull();
          expect(warningAt as number).toBeLessThanOrEqual(now);
          expect(paused).toBe(false);
        }
        if (state === 'running' || state === 'paused' || state === 'at_risk') {
          // Not reached yet: the due time is later, or unknown while a pause holds it back.
          if (dueAt !== null) expect(dueAt).toBeGreaterThan(now);
        }
        if (state === 'running') {
          expect(paused).toBe(false);
          if (warningAt !== null) expect(warningAt).toBeGreaterThan(now);
        }
        if (state === 'paused') expect(paused).toBe(true);
        // The other way round: a due time passed is a breach unless completed or not started.
        if (!completed && now >= startedAt && dueAt !== null && dueAt <= now) {
          expect(state).toBe('breached');
        }
        if (!completed && !paused && now >= startedAt && warningAt !== null && warningAt <= now) {
          expect(['at_risk', 'breached']).toContain(state);
        }
        if (completed) {
          expect(['met', 'met_late']).toContain(state);
          // A completed timer is never reported as paused.
          expect(paused).toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
