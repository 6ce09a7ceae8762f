// The handoff queue: every open handoff someone must move, across records, with the timer that
// waits on whoever holds the ball — sorted breached first, then by SLA time remaining. Who may act
// is the card's answer (ballInCourt, settledOf, governingTimer), so queue and card never disagree.
import type { Playbook } from '../playbook/schema.js';
import { holdsAny } from '../handoff/roles.js';
import { governingTimer } from '../record/next-step.js';
import type { Ball, HandoffView, RecordView, TimerView } from '../shapes/view.js';
import type { Viewer } from '../shapes/viewer.js';

export interface QueueTimer {
  slaId: string;
  label: string;
  state: TimerView['state'];
  dueAt: number | null;
  remainingMs: number;
}

export interface QueueEntry {
  objectType: string;
  recordId: string;
  recordName: string;
  stage: { id: string; label: string } | null;
  ownerId: string | null;
  handoffId: string;
  handoffLabel: string;
  status: HandoffView['status'];
  /** The handoff's stored version: a row's action sends it as `expectedVersion`, as the card does. */
  version: number;
  /** Whose move it is and which move (accept, reopen to rework, submit). */
  ball: Pick<Ball, 'roles' | 'label' | 'action'>;
  submitted: { by: string; at: number } | null;
  checklist: { done: number; total: number; requiredDone: number; required: number };
  /** The live timer waiting on the ball's holders; null when no SLA waits on them. */
  timer: QueueTimer | null;
  rejectReasons: { id: string; label: string }[];
}

/** Queue order of a timer state: breached first, a handoff no timer watches last. */
export const QUEUE_URGENCY: readonly (TimerView['state'] | 'none')[] = [
  'breached',
  'at_risk',
  'running',
  'paused',
  'none',
];

/**
 * The open handoffs of one evaluated record that someone must move: not accepted, not past their
 * window, with a ball in court. The view should be evaluated for a viewer holding every role, so
 * the entries are the same for everyone; `mayAct` then filters them per viewer.
 */
export function queueEntriesOf(
  playbook: Playbook,
  view: RecordView,
  recordName: string,
): QueueEntry[] {
  return view.handoffs.flatMap((handoff) => {
    const ball = handoff.next;
    if (!ball || handoff.settled) return [];
    const timer = governingTimer(playbook, handoff, ball, view.timers);
    return [
      {
        objectType: view.record.objectType,
        recordId: view.record.recordId,
        recordName,
        stage: view.currentStage,
        ownerId: view.record.ownerId ?? null,
        handoffId: handoff.id,
        handoffLabel: handoff.label,
        status: handoff.status,
        version: handoff.version,
        ball: { roles: ball.roles, label: ball.label, action: ball.action },
        submitted: handoff.submitted ?? null,
        checklist: handoff.progress,
        timer: timer
          ? {
              slaId: timer.slaId,
              label: timer.label,
              state: timer.state,
              dueAt: timer.dueAt,
              remainingMs: timer.remainingMs,
            }
          : null,
        rejectReasons: handoff.rejectReasons,
      },
    ];
  });
}

/** Whether the viewer holds one of the roles whose move it is. */
export function mayAct(entry: Pick<QueueEntry, 'ball'>, viewer: Viewer): boolean {
  return holdsAny(viewer, entry.ball.roles);
}

export function urgencyOf(entry: Pick<QueueEntry, 'timer'>): number {
  return QUEUE_URGENCY.indexOf(entry.timer?.state ?? 'none');
}

/**
 * Breached first, then at risk, running, paused, unwatched; within a state the least time left
 * first (the longest overdue among breached), then the earliest due; ties by record and handoff id.
 */
export function compareQueueEntries(a: QueueEntry, b: QueueEntry): number {
  return (
    urgencyOf(a) - urgencyOf(b) ||
    (a.timer?.remainingMs ?? Infinity) - (b.timer?.remainingMs ?? Infinity) ||
    (a.timer?.dueAt ?? Infinity) - (b.timer?.dueAt ?? Infinity) ||
    a.recordId.localeCompare(b.recordId, 'en', { numeric: true }) ||
    a.handoffId.localeCompare(b.handoffId)
  );
}
