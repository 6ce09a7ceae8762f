// An escalation's tasks, as the CRM adapters write them: one per person per level, each naming the
// record, the SLA and its level, the due time in the assignee's own time zone (the zone named),
// and what to do. And which open tasks to complete: those of earlier levels when a later one
// fires (EscalationAction.supersedes), and all of a timer's once it has stopped (tasksToClose).
import { formatDuration } from '../display/format.js';
import { MOVES } from '../display/words.js';
import type { Playbook } from '../playbook/schema.js';
import type { Ball, RecordView, TimerView } from '../shapes/view.js';
import { escalationKey, type EscalationAction } from './plan.js';
import { namedTime } from './time.js';

/** Someone a task goes to. */
export interface TaskRecipient {
  /** The CRM's id for the assignee (a HubSpot owner id, a Salesforce user id). */
  id: string;
  /** Their IANA time zone; when the CRM does not say, the SLA calendar's zone is used, else UTC. */
  timeZone?: string | null | undefined;
}

/** The record a task is about, as people know it. */
export interface TaskRecord {
  name: string;
  /** Where to open it, when the adapter knows. */
  link?: string | undefined;
}

export interface EscalationTask {
  /** The escalation key and the assignee: the task's identity, found again after a crash. */
  key: string;
  assigneeId: string;
  /** The zone its times are written in. */
  timeZone: string;
  subject: string;
  body: string;
  /** When it is due: the SLA's due time while that is ahead, else the moment it was raised. */
  dueAt: number;
  /** `dueAt`'s calendar date in the assignee's zone (YYYY-MM-DD), for date-only due fields. */
  dueDate: string;
  priority: 'high' | 'normal';
}

/** The key of one person's task of an escalation. */
export function taskKey(escalation: string, assigneeId: string): string {
  return `${escalation}:${assigneeId}`;
}

/**
 * The tasks an escalation creates, one per person however often the CRM lists them: none for a
 * note or a reassignment, and none for a level a later level already supersedes.
 */
export function escalationTasks(
  action: EscalationAction,
  record: TaskRecord,
  recipients: readonly TaskRecipient[],
  now: number,
): EscalationTask[] {
  if (action.action !== 'task' || action.superseded) return [];
  const seen = new Set<string>();
  const tasks: EscalationTask[] = [];
  for (const recipient of recipients) {
    if (seen.has(recipient.id)) continue;
    seen.add(recipient.id);
    tasks.push(escalationTask(action, record, recipient, now));
  }
  return tasks;
}

/** One person's task of an escalation. */
export function escalationTask(
  action: EscalationAction,
  record: TaskRecord,
  recipient: TaskRecipient,
  now: number,
): EscalationTask {
  const timeZone = usableZone(recipient.timeZone ?? action.timer.calendarTimeZone ?? 'UTC');
  const { dueAt: slaDue } = action.timer;
  const dueText = slaDue === null ? undefined : namedTime(slaDue, timeZone);
  const late = action.when === 'breached';
  const subject = `${action.levelLabel}: ${action.slaLabel} on ${record.name}${
    dueText ? ` — ${late ? 'was due' : 'due'} ${dueText}` : ''
  }`;
  const dueAt = slaDue !== null && slaDue > now ? slaDue : now;
  return {
    key: taskKey(action.key, recipient.id),
    assigneeId: recipient.id,
    timeZone,
    subject,
    body: [
      instruction(action),
      state(action, dueText),
      record.link ? `${record.name}: ${record.link}` : undefined,
    ]
      .filter((line): line is string => line !== undefined)
      .join('\n'),
    dueAt,
    dueDate: dateIn(dueAt, timeZone),
    priority: late ? 'high' : 'normal',
  };
}

/** A handoff move as a task's first word: review after a submission, rework after a rejection. */
const TASK_VERBS: Readonly<Record<Ball['action'], string>> = {
  submit: 'Submit',
  accept: 'Review',
  reopen: 'Rework',
};

export interface MoveTaskInput {
  /** The task's identity (the CRM adapter's idempotency key). */
  key: string;
  record: TaskRecord;
  handoffLabel: string;
  move: Ball['action'];
  recipient: TaskRecipient;
  /** The live timer that waits on this move, when an SLA does: the task is due when it is. */
  timer?: Pick<TimerView, 'label' | 'dueAt' | 'calendarTimeZone'> | undefined;
  now: number;
}

/**
 * The task that asks someone for their move on a handoff (a review once it is submitted, a rework
 * once it is rejected): the record and the move in its subject, due when the SLA waiting on it is
 * due — in the assignee's zone, named — or now when no SLA waits on it.
 */
export function moveTask(input: MoveTaskInput): EscalationTask {
  const { record, handoffLabel, move, timer, now } = input;
  const timeZone = usableZone(input.recipient.timeZone ?? timer?.calendarTimeZone ?? 'UTC');
  const due = timer?.dueAt == null ? undefined : timer.dueAt;
  const dueText = due === undefined ? undefined : namedTime(due, timeZone);
  const dueAt = due ?? now;
  return {
    key: input.key,
    assigneeId: input.recipient.id,
    timeZone,
    subject: `${TASK_VERBS[move]} the ${handoffLabel} handoff on ${record.name}${dueText ? ` — due ${dueText}` : ''}`,
    body: [
      `${MOVES[move](handoffLabel)}.`,
      timer && dueText ? `${timer.label}: due ${dueText}.` : undefined,
      record.link ? `${record.name}: ${record.link}` : undefined,
    ]
      .filter((line): line is string => line !== undefined)
      .join('\n'),
    dueAt,
    dueDate: dateIn(dueAt, timeZone),
    priority: 'normal',
  };
}

/**
 * The escalation keys whose open tasks are to be completed because the timer has stopped: the SLA
 * was met (on time or late), so nobody needs chasing any more.
 */
export function tasksToClose(playbook: Playbook, view: RecordView): string[] {
  const keys: string[] = [];
  for (const timer of view.timers) {
    if (timer.completedAt === null) continue;
    const levels = playbook.slas.find((s) => s.id === timer.slaId)?.escalations.length ?? 0;
    for (let level = 1; level <= levels; level++)
      keys.push(escalationKey(view.record, timer.slaId, level, timer.startedAt));
  }
  return keys;
}

/**
 * Whether the task goes to whoever must act: the record's owner, the role the SLA waits on, or
 * anyone when it waits on no role. Anyone else (an admin, a named user) is asked to follow up.
 */
function toWhoMustAct(action: EscalationAction): boolean {
  if (action.waitsOn === undefined || action.to === 'owner') return true;
  return 'role' in action.to && action.to.role === action.waitsOn;
}

function instruction(action: EscalationAction): string {
  if (toWhoMustAct(action)) return `${action.move}.`;
  const move = lowerFirst(action.move);
  return action.waitsOnLabel
    ? `The ${action.waitsOnLabel} must ${move}. Follow up with them.`
    : `Follow up: ${move}.`;
}

function state(action: EscalationAction, dueText: string | undefined): string {
  const kind = action.timer.calendarTimeZone === null ? '' : ' of business time';
  if (action.when === 'at_risk')
    return `${action.slaLabel} is at risk: due ${dueText ?? 'soon'}, ${formatDuration(action.timer.remainingMs)}${kind} left.`;
  return `${action.slaLabel} is breached: it was due ${dueText ?? 'earlier'}.`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function usableZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

/** The calendar date of an instant in a zone, as YYYY-MM-DD. */
function dateIn(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
