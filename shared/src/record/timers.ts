// The record view's timers: one per SLA that has started on this record.
import { evaluateTimer, targetToMs, timerCalendar } from '../sla/index.js';
import { calendarFor } from '../sla/calendars.js';
import { timerInputs } from '../sla/inputs.js';
import { slaWaitsOn, type EscalationDef, type Playbook, type SlaDef } from '../playbook/schema.js';
import type { RecordSnapshot } from '../shapes/snapshot.js';
import type { TimerView } from '../shapes/view.js';

export function evaluateTimers(
  playbook: Playbook,
  record: RecordSnapshot,
  now: number,
): { timers: TimerView[]; problems: string[] } {
  const timers: TimerView[] = [];
  const problems: string[] = [];
  for (const sla of playbook.slas) {
    try {
      const timer = evaluateSla(playbook, sla, record, now);
      if (timer) timers.push(timer);
    } catch (error) {
      // Only a hand-built playbook that skipped parsePlaybook can get here (e.g. a broken calendar).
      problems.push(`The timer "${sla.label}" could not be computed: ${(error as Error).message}`);
    }
  }
  return { timers, problems };
}

function evaluateSla(
  playbook: Playbook,
  sla: SlaDef,
  record: RecordSnapshot,
  now: number,
): TimerView | undefined {
  const inputs = timerInputs(playbook, sla, record);
  if (!inputs) return undefined;
  // A target in calendar hours runs 24×7 even when the SLA names a business calendar.
  const calendar = timerCalendar(calendarFor(playbook, sla.calendar), sla.target);
  const targetMs = targetToMs(calendar, inputs.startedAt, sla.target);
  const warn = sla.warn
    ? 'before' in sla.warn
      ? { beforeMs: targetToMs(calendar, inputs.startedAt, sla.warn.before) }
      : { consumedFraction: sla.warn.consumedPercent / 100 }
    : undefined;
  const result = evaluateTimer({
    calendar,
    startedAt: inputs.startedAt,
    targetMs,
    pauses: inputs.pauses,
    completedAt: inputs.completedAt ?? undefined,
    warn,
    now,
  });
  const escalationsReached = sla.escalations.flatMap((escalation, index) =>
    reached(escalation, result, targetMs, calendar, inputs.completedAt) ? [index] : [],
  );
  return {
    slaId: sla.id,
    label: sla.label,
    state: result.state,
    paused: result.paused,
    startedAt: inputs.startedAt,
    dueAt: result.dueAt,
    warningAt: result.warningAt,
    completedAt: inputs.completedAt,
    targetMs,
    consumedMs: result.consumedMs,
    remainingMs: result.remainingMs,
    escalationsReached,
    escalationLevel: escalationsReached.length,
    calendarTimeZone: sla.calendar ? (playbook.calendars[sla.calendar]?.timeZone ?? null) : null,
    ...waitsOn(playbook, sla),
  };
}

function waitsOn(playbook: Playbook, sla: SlaDef): Pick<TimerView, 'waitsOn'> {
  const role = slaWaitsOn(playbook, sla);
  return role === undefined
    ? {}
    : { waitsOn: { role, label: playbook.roles[role]?.label ?? role } };
}

/** Escalations concern live timers only: once the SLA is met (on time or late) nobody is chased. */
function reached(
  escalation: EscalationDef,
  result: ReturnType<typeof evaluateTimer>,
  targetMs: number,
  calendar: ReturnType<typeof calendarFor>,
  completedAt: number | null,
): boolean {
  if (completedAt !== null) return false;
  if (escalation.when === 'at_risk')
    return result.state === 'at_risk' || result.state === 'breached';
  if (result.state !== 'breached') return false;
  if (!escalation.after || result.dueAt === null) return true;
  const afterMs = targetToMs(calendar, result.dueAt, escalation.after);
  return result.consumedMs - targetMs >= afterMs;
}
