// A record view as both faces show it: the next step, the timers, and each handoff's status,
// progress, milestones, history and actions, in the shared words and the one time format. The
// HubSpot card renders this; the Salesforce panel adds its SLDS classes to it. Pure data.
import type { HandoffView, RecordView, TimerView } from '../shapes/view.js';
import { formatDateTime, formatDue, formatDuration, type Zones } from './format.js';
import {
  ACTIONS,
  CRM_MOVES,
  EVENT_VERBS,
  HANDOFF_STATUSES,
  MOVES,
  TIMER_STATES,
  type ActionType,
  type Emphasis,
  type Tone,
} from './words.js';

/** Who the view's people are to the viewer: "you", a name from RecordView.people, else nobody. */
export interface Names {
  viewerId: string;
  people: Readonly<Record<string, string>>;
}

export function who(userId: string | undefined, names: Names): string | undefined {
  if (!userId) return undefined;
  return userId === names.viewerId ? 'you' : names.people[userId];
}

/** The one progress measure: required items done over required items. */
export interface Progress {
  done: number;
  total: number;
  percent: number;
  complete: boolean;
  text: string;
}

export function progressOf(handoff: Pick<HandoffView, 'progress'>): Progress {
  const { requiredDone: done, required: total } = handoff.progress;
  return {
    done,
    total,
    percent: total === 0 ? 100 : Math.round((100 * done) / total),
    complete: done >= total,
    text: `${done} of ${total} required items done`,
  };
}

export interface TimerDisplay {
  slaId: string;
  label: string;
  stateLabel: string;
  tone: Tone;
  /** When it is due and how much is left, in its own terms. */
  detail: string;
  /** "Waits on the CS manager", when the SLA waits on a role and its clock runs. */
  waitsOn?: string;
}

const LIVE = new Set<TimerView['state']>(['running', 'at_risk', 'breached']);

/** The sentence beside a timer's state. */
export function timerDisplay(timer: TimerView, viewerZone: string): TimerDisplay {
  const zones: Zones = { viewer: viewerZone, reference: timer.calendarTimeZone };
  const kind = timer.calendarTimeZone === null ? '' : ' of business time';
  const due = timer.dueAt === null ? undefined : formatDateTime(timer.dueAt, zones);
  let detail: string;
  switch (timer.state) {
    case 'pending':
      detail = 'Starts when its event happens.';
      break;
    case 'met':
    case 'met_late':
      detail =
        timer.completedAt === null
          ? 'Done.'
          : `Done ${formatDateTime(timer.completedAt, zones)}${due ? `; was due ${due}` : ''}.`;
      break;
    case 'breached':
      detail = `Was due ${due ?? 'earlier'}.`;
      break;
    case 'paused':
      detail = `Paused with ${formatDuration(timer.remainingMs)}${kind} left.`;
      break;
    default:
      detail = `Due ${due ?? 'later'}; ${formatDuration(timer.remainingMs)}${kind} left.`;
  }
  const state = TIMER_STATES[timer.state];
  return {
    slaId: timer.slaId,
    label: timer.label,
    stateLabel: state.label,
    tone: state.tone,
    detail,
    // Only a live clock waits on someone: a met one is done, a paused one waits on the rework.
    ...(timer.waitsOn && LIVE.has(timer.state)
      ? { waitsOn: `Waits on the ${timer.waitsOn.label}` }
      : {}),
  };
}

export interface ActionDisplay {
  type: ActionType;
  label: string;
  emphasis: Emphasis;
  disabled: boolean;
  /** Why it cannot be taken yet, when it cannot. */
  reason?: string;
}

/** Actions the viewer's role never takes are left out; the rest say why they are unavailable. */
export function actionsOf(handoff: HandoffView): ActionDisplay[] {
  return handoff.actions
    .filter(
      (a) =>
        a.allowed || a.reason?.code === 'items_missing' || a.reason?.code === 'criteria_failing',
    )
    .map((a) => ({
      type: a.type,
      label: ACTIONS[a.type].label,
      emphasis: ACTIONS[a.type].emphasis,
      disabled: !a.allowed,
      ...(a.allowed || !a.reason ? {} : { reason: a.reason.message }),
    }));
}

function milestone(
  verb: string,
  userId: string | undefined,
  at: number,
  zones: Zones,
  names: Names,
) {
  const name = who(userId, names);
  return `${verb}${name ? ` by ${name}` : ''} on ${formatDateTime(at, zones)}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export interface HandoffDisplay {
  id: string;
  label: string;
  checklistLabel: string;
  statusLabel: string;
  tone: Tone;
  progress: Progress;
  /** Set when the handoff needs nobody: the one line it collapses to. */
  settledLine?: string;
  /**
   * Under settledLine when a settled handoff was rejected (a recycled lead): who, when, reason and
   * comment, so whoever gets the record back reads why without opening it.
   */
  settledRejection?: string;
  /** "Waiting on the CS manager" / "Your move", while someone must act. */
  nextLine?: string;
  milestones: string[];
  /**
   * Only while the handoff is rejected and not settled, beside the milestones: the last rejection
   * is news then, history after. Settled, the same words are settledRejection.
   */
  rejection?: string;
  history: string[];
  actions: ActionDisplay[];
}

export function handoffDisplay(h: HandoffView, zones: Zones, names: Names): HandoffDisplay {
  const status = HANDOFF_STATUSES[h.status];
  const accepted = h.accepted
    ? milestone('Accepted', h.accepted.by, h.accepted.at, zones, names) +
      (h.accepted.assigneeId === undefined
        ? ''
        : `; CSM: ${who(h.accepted.assigneeId, names) ?? 'assigned'}`)
    : undefined;
  const milestones = [
    ...(h.submitted ? [milestone('Submitted', h.submitted.by, h.submitted.at, zones, names)] : []),
    ...(accepted ? [accepted] : []),
  ];
  const settledLine = h.settled
    ? h.settled.reason === 'accepted'
      ? (accepted ?? 'Accepted')
      : `${status.label} — ${h.settled.summary}`
    : undefined;
  const rejection =
    h.rejected && h.status === 'rejected'
      ? `${milestone('Rejected', h.rejected.by, h.rejected.at, zones, names)}: ${h.rejected.reasonLabel}${h.rejected.comment ? ` — “${h.rejected.comment}”` : ''}`
      : undefined;
  const nextLine = h.next
    ? h.next.viewerMayAct
      ? `Your move: ${lowerFirst(MOVES[h.next.action](h.label))}`
      : `Waiting on the ${h.next.label}`
    : undefined;
  return {
    id: h.id,
    label: h.label,
    checklistLabel: h.checklistLabel,
    statusLabel: status.label,
    tone: status.tone,
    progress: progressOf(h),
    ...(settledLine ? { settledLine } : {}),
    ...(nextLine ? { nextLine } : {}),
    milestones,
    // On the collapsed line once settled (a recycled lead), beside the milestones before.
    ...(rejection ? (settledLine ? { settledRejection: rejection } : { rejection }) : {}),
    history: h.history.map((e) => {
      const name = who(e.by, names);
      const reason = h.rejectReasons.find((r) => r.id === e.details.reason)?.label;
      const comment = typeof e.details.comment === 'string' ? ` — “${e.details.comment}”` : '';
      const verb = e.type === 'item_set' ? 'Changed' : EVENT_VERBS[e.type];
      return `${formatDateTime(e.at, zones)} — ${verb}${name ? ` by ${name}` : ''}${reason ? `: ${reason}` : ''}${comment}`;
    }),
    actions: actionsOf(h),
  };
}

export interface NextStepDisplay {
  /** The handoff the move is on; absent for a move in the CRM (an SLA step). */
  handoffId?: string;
  /** The SLA of a move in the CRM (an SLA step), which has no handoff. */
  slaId?: string;
  /** "Your move" or "Waiting on the CS manager". */
  whose: string;
  /** The move, as an instruction. */
  what: string;
  /** "Due today, 5:00 PM" ("Dec 17, 2026, 5:00 PM" beyond tomorrow) when an SLA waits on the move. */
  when?: string;
  stateLabel?: string;
  tone: Tone;
  /** The viewer's one main button, when the move is theirs and made in the card. */
  action?: ActionDisplay;
}

export function nextStepDisplay(view: RecordView, viewerZone: string): NextStepDisplay | null {
  const step = view.nextStep;
  if (!step) return null;
  const timer = step.timer ? view.timers.find((t) => t.slaId === step.timer?.slaId) : undefined;
  const zones: Zones = { viewer: viewerZone, reference: timer?.calendarTimeZone };
  const state = step.timer ? TIMER_STATES[step.timer.state] : undefined;
  const due =
    step.timer?.dueAt == null ? undefined : formatDue(step.timer.dueAt, zones, view.evaluatedAt);
  const when = !step.timer
    ? undefined
    : step.timer.state === 'breached'
      ? `Was due ${due ?? 'earlier'}`
      : step.timer.state === 'paused'
        ? 'Clock paused'
        : `Due ${due ?? 'later'}`;
  const shown = {
    whose: step.ball.viewerMayAct ? 'Your move' : `Waiting on the ${step.ball.label}`,
    ...(when ? { when } : {}),
    ...(state ? { stateLabel: state.label } : {}),
    tone: state?.tone ?? 'neutral',
  };
  if (step.kind === 'sla') {
    // Made in the CRM, so no button: the step says what to do there, under the SLA's own label.
    const move = CRM_MOVES[step.stop.on](step.stop.target?.label ?? '');
    return { slaId: step.timer.slaId, ...shown, what: `${step.timer.label}: ${lowerFirst(move)}` };
  }
  const action = step.viewerAction;
  return {
    handoffId: step.handoffId,
    ...shown,
    what: MOVES[step.ball.action](step.handoffLabel),
    ...(action
      ? {
          action: {
            type: action.type,
            label: ACTIONS[action.type].label,
            emphasis: ACTIONS[action.type].emphasis,
            disabled: !action.allowed,
            ...(action.allowed || !action.reason ? {} : { reason: action.reason.message }),
          },
        }
      : {}),
  };
}

export interface RecordDisplay {
  nextStep: NextStepDisplay | null;
  timers: TimerDisplay[];
  handoffs: HandoffDisplay[];
  /** Set when the viewer holds no Handoff role: they can look but not act. */
  noRole: boolean;
}

/** Everything both faces say about a record, for one viewer in one time zone. */
export function recordDisplay(view: RecordView, viewerZone: string): RecordDisplay {
  const names: Names = { viewerId: view.viewer.userId, people: view.people ?? {} };
  // Handoff times are kept in the SLA calendar's zone when there is one.
  const reference = view.timers.find((t) => t.calendarTimeZone !== null)?.calendarTimeZone;
  const zones: Zones = { viewer: viewerZone, reference };
  return {
    nextStep: nextStepDisplay(view, viewerZone),
    timers: view.timers.map((t) => timerDisplay(t, viewerZone)),
    handoffs: view.handoffs.map((h) => handoffDisplay(h, zones, names)),
    noRole: view.viewer.roles.length === 0,
  };
}
