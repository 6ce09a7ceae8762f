// The outcome of the SLA that waits for a handoff's acceptance, as both CRMs store it for their
// native reports (met, met late, breached while still open) with the business time from the first
// submission to the acceptance. computeMetrics counts the same things, so reports and dashboard agree.
import { businessTimeBetween } from '../clock/index.js';
import { stopsOf, type Playbook, type SlaDef } from '../playbook/schema.js';
import type { RecordSnapshot } from '../shapes/snapshot.js';
import { calendarFor } from './calendars.js';
import { timerInputs } from './inputs.js';
import { evaluateTimer, targetToMs, timerCalendar, type TimerResult } from './timer.js';

/** `breached` only while the timer runs past its due time; a finished late timer is `met_late`. */
export type SlaOutcome = 'met' | 'met_late' | 'breached';

export interface HandoffSlaOutcome {
  /** The SLA that stops on this handoff's acceptance; null when the playbook has none. */
  slaId: string | null;
  /** Null while the timer has not started, or runs within its target. */
  outcome: SlaOutcome | null;
  /** When the timer stopped (acceptance, or another stop of the SLA); null while it runs. */
  completedAt: number | null;
  /** From the first submission to the acceptance, in whole minutes of the SLA's business time. */
  businessMinutesToAccept: number | null;
}

/** The SLA that waits for the handoff's acceptance (the first such, as the dashboard reads it). */
export function acceptSlaOf(playbook: Playbook, handoffId: string): SlaDef | undefined {
  return playbook.slas.find((s) =>
    stopsOf(s).some((stop) => stop.on === 'handoff_accepted' && stop.handoff === handoffId),
  );
}

/** The SLA's met / met late / breached state on one record at `now`, undefined before it starts. */
export function slaState(
  playbook: Playbook,
  sla: SlaDef,
  snapshot: RecordSnapshot,
  now: number,
): { state: TimerResult['state']; completedAt: number | null } | undefined {
  const inputs = timerInputs(playbook, sla, snapshot);
  if (!inputs) return undefined;
  const calendar = timerCalendar(calendarFor(playbook, sla.calendar), sla.target);
  const result = evaluateTimer({
    calendar,
    startedAt: inputs.startedAt,
    targetMs: targetToMs(calendar, inputs.startedAt, sla.target),
    pauses: inputs.pauses,
    completedAt: inputs.completedAt,
    now,
  });
  // A stop after `now` is not known yet at `now` (evaluateTimer reads it so too).
  const completedAt =
    inputs.completedAt !== null && inputs.completedAt <= now ? inputs.completedAt : null;
  return { state: result.state, completedAt };
}

/** Business time from the handoff's first submission to its acceptance, in the accept SLA's calendar. */
export function timeToAcceptMs(
  playbook: Playbook,
  snapshot: RecordSnapshot,
  handoffId: string,
): number | null {
  const events = snapshot.handoffs[handoffId]?.events ?? [];
  const submitted = events.find((e) => e.type === 'submitted')?.at;
  const accepted = events.find((e) => e.type === 'accepted')?.at;
  if (submitted === undefined || accepted === undefined) return null;
  const sla = acceptSlaOf(playbook, handoffId);
  return businessTimeBetween(calendarFor(playbook, sla?.calendar), submitted, accepted);
}

export function handoffSlaOutcome(
  playbook: Playbook,
  snapshot: RecordSnapshot,
  handoffId: string,
  now: number,
): HandoffSlaOutcome {
  const sla = acceptSlaOf(playbook, handoffId);
  const timer = sla ? slaState(playbook, sla, snapshot, now) : undefined;
  const outcome =
    timer?.state === 'met' || timer?.state === 'met_late' || timer?.state === 'breached'
      ? timer.state
      : null;
  const waitMs = timeToAcceptMs(playbook, snapshot, handoffId);
  return {
    slaId: sla?.id ?? null,
    outcome,
    completedAt: timer?.completedAt ?? null,
    businessMinutesToAccept: waitMs === null ? null : Math.round(waitMs / 60_000),
  };
}
