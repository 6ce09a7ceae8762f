// Who must act next on each handoff (the ball in court), which handoffs are settled, and the
// viewer's one next step — a handoff move or a CRM move an SLA waits on: the same answer for both
// faces, decided once here.
import {
  stopsOf,
  type HandoffDef,
  type Playbook,
  type SlaDef,
  type SlaStop,
} from '../playbook/schema.js';
import { isHandoffOpen } from '../handoff/open.js';
import { holdsAny } from '../handoff/roles.js';
import { stagesWhereSlaMayRun } from '../sla/live-stages.js';
import type { RecordSnapshot } from '../shapes/snapshot.js';
import type { Ball, HandoffView, NextStep, SlaStep, TimerView } from '../shapes/view.js';
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
  if (dueIn(playbook, handoff, [record.stage])) return undefined;
  const stage = playbook.stages.find((s) => s.id === record.stage);
  return {
    reason: 'window_passed',
    summary: `No longer due: the record is at ${stage?.label ?? record.stage}.`,
  };
}

/**
 * Whether a record's view (card, panel, preview) lists a handoff: open, and meaning something for
 * the record. One never started, on a record that was never at a stage where it was due, never
 * applied to it: a deal created past the SDR's stage (by an AE, or by Handoff from an accepted
 * expansion) would read "Not started — No longer due", as if someone skipped it. Once worked on,
 * or once due and left behind, it is listed: that is the record's story. So only window-passed
 * handoffs are ever left out.
 */
export function isHandoffShown(
  playbook: Playbook,
  handoff: HandoffDef,
  record: Pick<RecordSnapshot, 'stage' | 'stageHistory' | 'handoffs'>,
): boolean {
  return (
    isHandoffOpen(playbook, handoff, record) &&
    ((record.handoffs[handoff.id]?.status ?? 'not_started') !== 'not_started' ||
      dueIn(playbook, handoff, [record.stage, ...record.stageHistory.map((e) => e.stage)]))
  );
}

/** Whether some SLA of the handoff may run at one of the stages; a handoff no SLA watches: always. */
function dueIn(playbook: Playbook, handoff: HandoffDef, stages: string[]): boolean {
  const slas = slasOfHandoff(playbook, handoff.id);
  return slas.length === 0 || slas.some((sla) => stages.some((s) => mayRunAt(playbook, sla, s)));
}

const LIVE: readonly TimerView['state'][] = ['breached', 'at_risk', 'running', 'paused'];

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
        LIVE.includes(t.state) &&
        t.waitsOn !== undefined &&
        ball.roles.includes(t.waitsOn.role),
    )
    .sort(byPressure)[0];
}

type Clock = Pick<TimerView, 'state' | 'dueAt'> | undefined;

/**
 * Which clock presses more (negative: a): late first, the earliest due first; then the live ones by
 * earliest due — an SLA's at-risk line is its own warning, not a deadline to compare across SLAs,
 * so it only breaks a tie; then paused; then no clock at all.
 */
function byPressure(a: Clock, b: Clock): number {
  const rank = (t: Clock) => (!t ? 3 : t.state === 'breached' ? 0 : t.state === 'paused' ? 2 : 1);
  const atRisk = (t: Clock) => (t?.state === 'at_risk' ? 0 : 1);
  return (
    rank(a) - rank(b) || (a?.dueAt ?? Infinity) - (b?.dueAt ?? Infinity) || atRisk(a) - atRisk(b)
  );
}

/** An SLA no handoff starts, stops or pauses: its clock is stopped by a move in the CRM. */
function ofNoHandoff(sla: SlaDef): boolean {
  return (
    !('handoff' in sla.start) &&
    sla.pause.length === 0 &&
    stopsOf(sla).every((stop) => !('handoff' in stop))
  );
}

/** The stages where each SLA may run, by playbook and SLA id: computed once, read on every view. */
const windows = new WeakMap<Playbook, Map<string, Set<string>>>();
function mayRunAt(playbook: Playbook, sla: SlaDef, stage: string): boolean {
  let bySla = windows.get(playbook);
  if (!bySla) windows.set(playbook, (bySla = new Map()));
  let window = bySla.get(sla.id);
  if (!window) {
    window = new Set(stagesWhereSlaMayRun(playbook, sla).map((s) => s.id));
    bySla.set(sla.id, window);
  }
  return window.has(stage);
}

/**
 * The SLA steps: each live timer of an SLA of no handoff that waits on a role, while the record is
 * at a stage where that SLA may run (a recycled lead is no longer sales' to call).
 */
function slaSteps(
  playbook: Playbook,
  timers: readonly TimerView[],
  viewer: Viewer,
  stage: string,
): SlaStep[] {
  const steps: SlaStep[] = [];
  for (const timer of timers) {
    if (!timer.waitsOn || !LIVE.includes(timer.state)) continue;
    const sla = playbook.slas.find((s) => s.id === timer.slaId);
    if (!sla || !ofNoHandoff(sla)) continue;
    const [stop] = stopsOf(sla);
    if (!stop || !mayRunAt(playbook, sla, stage)) continue;
    const roles = [timer.waitsOn.role];
    steps.push({
      kind: 'sla',
      ball: { roles, label: timer.waitsOn.label, viewerMayAct: holdsAny(viewer, roles) },
      stop: crmStop(playbook, stop),
      timer: stepTimer(timer),
    });
  }
  return steps;
}

/** The SLA's first stop, with the field or stage it names; only stops of no handoff reach here. */
function crmStop(playbook: Playbook, stop: SlaStop): SlaStep['stop'] {
  if (stop.on === 'field_set')
    return {
      on: stop.on,
      target: { id: stop.field, label: playbook.fields[stop.field]?.label ?? stop.field },
    };
  if (stop.on === 'stage_entered' || stop.on === 'stage_left') {
    const label = playbook.stages.find((s) => s.id === stop.stage)?.label;
    return { on: stop.on, target: { id: stop.stage, label: label ?? stop.stage } };
  }
  return { on: 'first_activity' };
}

function stepTimer(timer: TimerView): SlaStep['timer'] {
  return { slaId: timer.slaId, label: timer.label, state: timer.state, dueAt: timer.dueAt };
}

/**
 * The viewer's next step, one of: a handoff someone must act on (with the timer that waits on them),
 * or a move in the CRM that an SLA of no handoff waits on (speed to lead's first call). In order:
 * 1. the viewer's own moves before those that wait on others;
 * 2. a breached clock, then live clocks by earliest due (at risk before on track when due together),
 *    then a paused clock, then a handoff no clock waits on;
 * 3. playbook order: handoffs, then SLAs.
 */
export function nextStepOf(
  playbook: Playbook,
  handoffs: readonly HandoffView[],
  timers: readonly TimerView[],
  viewer: Viewer,
  stage: string,
): NextStep | null {
  const steps: NextStep[] = handoffs.flatMap((handoff): NextStep[] => {
    const ball = handoff.next;
    if (!ball || handoff.settled) return [];
    const timer = governingTimer(playbook, handoff, ball, timers);
    const action = ball.viewerMayAct
      ? handoff.actions.find((a) => a.type === ball.action)
      : undefined;
    return [
      {
        kind: 'handoff',
        handoffId: handoff.id,
        handoffLabel: handoff.label,
        ball,
        ...(timer ? { timer: stepTimer(timer) } : {}),
        ...(action ? { viewerAction: action } : {}),
      },
    ];
  });
  steps.push(...slaSteps(playbook, timers, viewer, stage));
  let first: NextStep | null = null;
  for (const step of steps) if (!first || comesFirst(step, first)) first = step;
  return first;
}

/** Whether step a comes before step b; a tie keeps b, the earlier one in playbook order. */
function comesFirst(a: NextStep, b: NextStep): boolean {
  const mine = Number(b.ball.viewerMayAct) - Number(a.ball.viewerMayAct);
  return (mine || byPressure(a.timer, b.timer)) < 0;
}
