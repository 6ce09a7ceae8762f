// When a record's timers can next change by the passing of time alone: the earliest instant after
// `now` at which some timer starts, pauses or resumes, turns at risk, breaches, reaches a later
// escalation, or is completed by a future date — so a scanner need not read the record before then
// unless the record itself changes.
import type { Playbook } from '../playbook/schema.js';
import type { RecordSnapshot } from '../shapes/snapshot.js';
import { calendarFor } from './calendars.js';
import { timerInputs } from './inputs.js';
import { evaluateTimer, targetToMs, timerCalendar, type TimerInput } from './timer.js';

/**
 * The earliest instant after `now` at which evaluating `record` would give any timer another state
 * or another set of reached escalations, while the record stays as it is; null when nothing more
 * happens by time alone (every timer completed or held by an open-ended pause).
 */
export function nextTimerChangeAt(
  playbook: Playbook,
  record: RecordSnapshot,
  now: number,
): number | null {
  let next: number | null = null;
  const consider = (at: number | null | undefined) => {
    if (at !== null && at !== undefined && at > now && (next === null || at < next)) next = at;
  };
  for (const sla of playbook.slas) {
    try {
      const inputs = timerInputs(playbook, sla, record);
      if (!inputs) continue;
      // A stop dated in the future (a date field) completes the timer when it comes.
      consider(inputs.completedAt);
      if (inputs.completedAt !== null && inputs.completedAt <= now) continue;
      const calendar = timerCalendar(calendarFor(playbook, sla.calendar), sla.target);
      const targetMs = targetToMs(calendar, inputs.startedAt, sla.target);
      const warn = sla.warn
        ? 'before' in sla.warn
          ? { beforeMs: targetToMs(calendar, inputs.startedAt, sla.warn.before) }
          : { consumedFraction: sla.warn.consumedPercent / 100 }
        : undefined;
      const input: TimerInput = {
        calendar,
        startedAt: inputs.startedAt,
        targetMs,
        pauses: inputs.pauses,
        completedAt: null,
        warn,
        now,
      };
      const result = evaluateTimer(input);
      consider(inputs.startedAt);
      for (const pause of inputs.pauses) {
        consider(pause.from);
        consider(pause.to);
      }
      consider(result.warningAt);
      consider(result.dueAt);
      if (result.dueAt === null) continue;
      // "Still breached" escalations: reached once the overrun equals their `after`, counted from the due time.
      for (const escalation of sla.escalations) {
        if (!escalation.after) continue;
        const afterMs = targetToMs(calendar, result.dueAt, escalation.after);
        consider(evaluateTimer({ ...input, targetMs: targetMs + afterMs, warn: undefined }).dueAt);
      }
    } catch {
      // A timer that cannot be computed (a hand-built playbook) shows a problem, never a change.
      continue;
    }
  }
  return next;
}
