// Who must act next on each handoff (the ball in court), which handoffs are settled, and the
// viewer's one next step: the same answer for both faces, decided once here.
import { stopsOf, type HandoffDef, type Playbook, type SlaDef } from '../playbook/schema.js';
import { holdsAny } from '../handoff/roles.js';
import { stagesWhereSlaMayRun } from '../sla/live-stages.js';
import type { RecordSnapshot } from '../shapes/snapshot.js';
import type { Ball, HandoffView, NextStep, TimerView } from '../shapes/view.js';
import type { Viewer } from '../shapes/viewer.js';

/** The SLAs whose clock a handoff's events start, stop or pause. */
export function slasOfHandoff(playbook: Playbook, handoffId: string): SlaDef[] {
  return playbook.slas.filter(
    (sla) =>
      ('handoff' in sla.start && sla.start.handoff === handoffId) ||
      stopsOf(sla).some((stop) => 'handoff' in stop && stop.handoff === handoffId) ||
      sla.pause.some((pause) => pause.handoff === handoffId),
  );
}

/**
 * Whose move it is: the submitting roles until the handoff is submitted (or after a rejection,
 * to rework it), the accepting roles while it is submitted, nobody once it is accepted.
 */
export function ballInCourt(
  playbook: Playbook,
  handoff: HandoffDef,
  status: HandoffView['status'],
  viewer: Viewer,
): Ball | undefined {
  if (status === 'accepted') return undefined;
  const roles = status === 'submitted' ? handoff.accept : handoff.submit;
  const action = status === 'submitted' ? 'accept' : status === 'rejected' ? 'reopen' : 'submit';
  const first = roles[0] ?? '';
  return {
    roles: [...roles],
    label: playbook.roles[first]?.label ?? first,
    action,
    viewerMayAct: holdsAny(viewer, roles),
  };
}

/**
 * A handoff needs nobody any more once it is accepted, or once the record has left every stage in
 * which its SLAs can run (an SDR → AE handoff never submitted on a deal that is now won). A
 * handoff no SLA watches never passes its window.
 */
export function settledOf(
  playbook: Playbook,
  handoff: HandoffDef,
  status: HandoffView['status'],
  record: Pick<RecordSnapshot, 'stage'>,
): HandoffView['settled'] {
  if (status === 'accepted') return { reason: 'accepted', summary: 'Accepted.' };
  const slas = slasOfHandoff(playbook, handoff.id);
  if (slas.length === 0) return undefined;
  const window = new Set(
    slas.flatMap((sla) => stagesWhereSlaMayRun(playbook, sla)).map((s) => s.id),
  );
  if (window.has(record.stage)) return undefined;
  const stage = playbook.stages.find((s) => s.id === record.stage);
  return {
    reason: 'window_passed',
    summary: `No longer due: the record is at ${stage?.label ?? record.stage}.`,
  };
}

const URGENCY: readonly TimerView['state'][] = ['breached', 'at_risk', 'running', 'paused'];

/** The live timer of the handoff's SLAs that waits on the people who hold the ball. */
export function governingTimer(
  playbook: Playbook,
  handoff: HandoffView,
  ball: Ball,
  timers: readonly TimerView[],
): TimerView | undefined {
  const slas = new Set(slasOfHandoff(playbook, handoff.id).map((s) => s.id));
  return timers
    .filter(
      (t) =>
        slas.has(t.slaId) &&
        URGENCY.includes(t.state) &&
        t.waitsOn !== undefined &&
        ball.roles.includes(t.waitsOn.role),
    )
    .sort((a, b) => URGENCY.indexOf(a.state) - URGENCY.indexOf(b.state))[0];
}

/**
 * The viewer's next step: of the handoffs someone must act on, the most urgent by its timer
 * (breached, at risk, running, paused, none; then the earliest due; then playbook order).
 */
export function nextStepOf(
  playbook: Playbook,
  handoffs: readonly HandoffView[],
  timers: readonly TimerView[],
): NextStep | null {
  const candidates = handoffs.flatMap((handoff, order) => {
    const ball = handoff.next;
    if (!ball || handoff.settled) return [];
    const timer = governingTimer(playbook, handoff, ball, timers);
    const urgency = timer ? URGENCY.indexOf(timer.state) : URGENCY.length;
    return [{ handoff, ball, timer, urgency, due: timer?.dueAt ?? Infinity, order }];
  });
  candidates.sort((a, b) => a.urgency - b.urgency || a.due - b.due || a.order - b.order);
  const first = candidates[0];
  if (!first) return null;
  const { handoff, ball, timer } = first;
  const action = ball.viewerMayAct
    ? handoff.actions.find((a) => a.type === ball.action)
    : undefined;
  return {
    handoffId: handoff.id,
    handoffLabel: handoff.label,
    ball,
    ...(timer
      ? {
          timer: { slaId: timer.slaId, label: timer.label, state: timer.state, dueAt: timer.dueAt },
        }
      : {}),
    ...(action ? { viewerAction: action } : {}),
  };
}
