// What an action must write to HubSpot afterwards, as outbox items with stable keys: the key is
// the outbox's primary key, so an item is enqueued once however often the action is retried.
import {
  moveTask,
  stopsOf,
  type HandoffDef,
  type HandoffEvent,
  type Playbook,
  type TimerView,
} from '@handoff/shared';
import { taskProperties } from '../hubspot/task-properties.js';
import type { OutboxItem } from '../store/index.js';

export interface MirrorPayload {
  /** The record whose Handoff properties are written: a deal, or what `object` says. */
  dealId: string;
  handoffId: string;
  /** A contact's or company's handoff (absent: a deal's, as every item enqueued before). */
  object?: 'contact' | 'company';
}

/** Tasks to mark completed because the work they asked for is done (or no longer asked). */
export interface CompleteTasksPayload {
  dealId: string;
  keys: string[];
}

export interface EngagementPayload {
  /** The record the note or task is about: a deal, or a contact or company when `on` says so. */
  dealId: string;
  /** notes or tasks */
  type: 'notes' | 'tasks';
  properties: Record<string, string>;
  on?: 'contacts' | 'companies';
}

/** A contact moved where its handoff's decision sends it (onAccept / onReject in the playbook). */
export interface ContactMovePayload {
  contactId: string;
  properties: Record<string, string>;
  /**
   * Properties cleared in a write of their own first: HubSpot only moves a lifecycle stage forward
   * unless it is cleared first (see the worker), so a move to an earlier stage clears it.
   */
  clearFirst: string[];
}

const VERBS: Partial<Record<HandoffEvent['type'], string>> = {
  submitted: 'submitted',
  withdrawn: 'withdrew',
  accepted: 'accepted',
  rejected: 'rejected',
  reworked: 'reopened for rework',
};

export interface OutboxPeople {
  /** HubSpot owner ids of the people holding each role (from their teams). */
  ownersByRole: Record<string, string[]>;
  /** HubSpot owner id of a HubSpot user id, when the user is an owner. */
  ownerOfUser: (userId: string) => string | undefined;
  /** What HubSpot shows for the user, for notes people read; the id when HubSpot has no name. */
  nameOfUser?: (userId: string) => string | undefined;
}

/** What the tasks an action opens say: the deal's name, and the timers after the action. */
export interface TaskContext {
  dealName: string;
  timers: readonly TimerView[];
}

/**
 * `events` are the action's new events; `history` is the handoff's whole event list after the
 * action (who submitted before a rejection, which tasks an earlier action opened).
 */
export function outboxItemsFor(
  playbook: Playbook,
  handoff: HandoffDef,
  dealId: string,
  events: readonly HandoffEvent[],
  history: readonly HandoffEvent[],
  version: number,
  people: OutboxPeople,
  context: TaskContext = { dealName: `Deal ${dealId}`, timers: [] },
): OutboxItem[] {
  // The mirror reads the handoff's latest state when it runs, so a late retry never writes stale values.
  const items: OutboxItem[] = [
    {
      key: `mirror:${dealId}:${handoff.id}:v${version}`,
      kind: 'mirror',
      payload: { dealId, handoffId: handoff.id } satisfies MirrorPayload,
    },
  ];
  events.forEach((event, index) => {
    const verb = VERBS[event.type];
    if (!verb) return;
    const reason =
      event.type === 'rejected'
        ? handoff.rejectReasons.find((r) => r.id === event.details.reason)?.label
        : undefined;
    const comment =
      typeof event.details.comment === 'string' ? ` — “${event.details.comment}”` : '';
    items.push({
      key: `note:${event.actionId}:${index}`,
      kind: 'engagement',
      payload: {
        dealId,
        type: 'notes',
        properties: {
          hs_timestamp: String(event.at),
          hs_note_body: `Handoff: ${handoff.label} ${verb} by ${people.nameOfUser?.(event.by) ?? `user ${event.by}`}${reason ? ` (${reason})` : ''}${comment || '.'}`,
        },
      } satisfies EngagementPayload,
    });
    for (const [ownerId, move] of tasksFor(handoff, event, history, people)) {
      const key = taskKey(event.actionId, index, ownerId);
      // The core writes the task: the deal and the move, due when the SLA waiting on it is due.
      const task = moveTask({
        key,
        record: { name: context.dealName },
        handoffLabel: handoff.label,
        move,
        recipient: { id: ownerId },
        timer: timerOfMove(playbook, handoff, move, context.timers),
        now: event.at,
      });
      items.push({
        key,
        kind: 'engagement',
        payload: {
          dealId,
          type: 'tasks',
          properties: taskProperties(task),
        } satisfies EngagementPayload,
      });
    }
    const done = tasksDoneBy(handoff, event, history, people);
    if (done.length > 0) {
      items.push({
        key: `complete:${event.actionId}:${index}`,
        kind: 'complete-tasks',
        payload: { dealId, keys: done } satisfies CompleteTasksPayload,
      });
    }
  });
  return items;
}

/**
 * The tasks of a handoff its history leaves open: the review tasks of a submission nobody has
 * decided or withdrawn, the rework task of a rejection not resubmitted — the keys tasksFor gave
 * them (tasksDoneBy completes them when the handoff moves on; the scanner when the record leaves
 * the stage where the handoff is due).
 */
export function openTaskKeys(
  handoff: HandoffDef,
  history: readonly HandoffEvent[],
  people: OutboxPeople,
): string[] {
  const last = lastDecisive(history);
  if (!last || !hasOpenTasks(handoff, history)) return [];
  const index = indexInAction(history, last);
  return tasksFor(handoff, last, history, people).map(([ownerId]) =>
    taskKey(last.actionId, index, ownerId),
  );
}

/** Whether the history leaves tasks open (openTaskKeys has some), without asking who holds them. */
export function hasOpenTasks(handoff: HandoffDef, history: readonly HandoffEvent[]): boolean {
  const last = lastDecisive(history)?.type;
  return last === 'submitted' || (last === 'rejected' && !handoff.onReject);
}

/** The latest event that opened or ended a review or a rework. */
function lastDecisive(history: readonly HandoffEvent[]): HandoffEvent | undefined {
  return history.findLast(
    (e) =>
      e.type === 'submitted' ||
      e.type === 'accepted' ||
      e.type === 'rejected' ||
      e.type === 'withdrawn',
  );
}

/** The key of the task an action's `index`-th event opened for one owner. */
function taskKey(actionId: string, index: number, ownerId: string): string {
  return `task:${actionId}:${index}:${ownerId}`;
}

/** Where an event stands among its own action's events (the index its task keys carry). */
function indexInAction(history: readonly HandoffEvent[], event: HandoffEvent): number {
  return history.filter((e) => e.actionId === event.actionId).indexOf(event);
}

/** The latest event of a type before `event` in the history. */
function latestBefore(
  history: readonly HandoffEvent[],
  event: HandoffEvent,
  type: HandoffEvent['type'],
): HandoffEvent | undefined {
  const end = history.indexOf(event);
  return history.slice(0, end === -1 ? history.length : end).findLast((e) => e.type === type);
}

/**
 * Tasks an event makes moot: a decision or a withdrawal ends the review the submission asked
 * for; a new submission ends the rework the rejection asked for.
 */
function tasksDoneBy(
  handoff: HandoffDef,
  event: HandoffEvent,
  history: readonly HandoffEvent[],
  people: OutboxPeople,
): string[] {
  if (event.type === 'accepted' || event.type === 'rejected' || event.type === 'withdrawn') {
    const submitted = latestBefore(history, event, 'submitted');
    if (!submitted) return [];
    const index = indexInAction(history, submitted);
    return reviewers(handoff, people).map((ownerId) => taskKey(submitted.actionId, index, ownerId));
  }
  if (event.type === 'submitted') {
    const rejected = latestBefore(history, event, 'rejected');
    if (!rejected) return [];
    const ownerId = reworkOwner(rejected, history, people);
    return ownerId ? [taskKey(rejected.actionId, indexInAction(history, rejected), ownerId)] : [];
  }
  return [];
}

/**
 * Who gets a review task: the holders of the first accepting role anyone holds — the SDRs for an
 * MQL, the CS managers for a won deal. The later roles (AEs, the admin) may accept too, from the
 * card or the queue, but a task each on every submission would bury the people it is for.
 */
function reviewers(handoff: HandoffDef, people: OutboxPeople): string[] {
  for (const role of handoff.accept) {
    const holders = people.ownersByRole[role] ?? [];
    if (holders.length > 0) return [...new Set(holders)];
  }
  return [];
}

/** The owner of whoever submitted what was rejected: the one who must rework it. */
function reworkOwner(
  rejected: HandoffEvent,
  history: readonly HandoffEvent[],
  people: OutboxPeople,
): string | undefined {
  const submitter = latestBefore(history, rejected, 'submitted')?.by;
  return submitter === undefined ? undefined : people.ownerOfUser(submitter);
}

/** Who must act next and how: the receiving roles review a submission, the submitter reworks a rejection. */
function tasksFor(
  handoff: HandoffDef,
  event: HandoffEvent,
  history: readonly HandoffEvent[],
  people: OutboxPeople,
): [string, 'accept' | 'reopen'][] {
  if (event.type === 'submitted') {
    return reviewers(handoff, people).map((ownerId) => [ownerId, 'accept']);
  }
  if (event.type === 'rejected') {
    // A rejection that sends the record elsewhere (a recycled MQL back to lead) settles the
    // handoff: nobody reworks it, and the note says why.
    if (handoff.onReject) return [];
    const ownerId = reworkOwner(event, history, people);
    return ownerId ? [[ownerId, 'reopen']] : [];
  }
  return [];
}

/**
 * The live timer a task for this move is due by: the SLA this very move stops (the accept's clock
 * for a review, the submission's for a rework), else one that waits on the move's roles — so an
 * MQL's review is due when sales must decide, not when speed to lead runs out. Paused timers have
 * no due time.
 */
function timerOfMove(
  playbook: Playbook,
  handoff: HandoffDef,
  move: 'accept' | 'reopen',
  timers: readonly TimerView[],
): TimerView | undefined {
  const live = timers.filter((t) => t.completedAt === null && t.dueAt !== null && !t.paused);
  const stop = move === 'accept' ? 'handoff_accepted' : 'handoff_submitted';
  const stopped = new Set(
    playbook.slas
      .filter((sla) => stopsOf(sla).some((s) => s.on === stop && s.handoff === handoff.id))
      .map((sla) => sla.id),
  );
  const roles = move === 'accept' ? handoff.accept : handoff.submit;
  return (
    live.find((t) => stopped.has(t.slaId)) ??
    live.find((t) => t.waitsOn !== undefined && roles.includes(t.waitsOn.role))
  );
}

/**
 * What a contact's handoff action writes to HubSpot: the notes and tasks a deal's would (on the
 * contact, its Handoff properties mirrored there), and the move its decision makes — an
 * accepted MQL to the playbook's `onAccept` stage with a sales owner (the person the accept
 * assigned, else the one who accepted), a rejected one back to the `onReject` stage. `fromStage` is the contact's stage when the action was taken.
 */
export function contactOutboxItemsFor(
  playbook: Playbook,
  handoff: HandoffDef,
  contactId: string,
  events: readonly HandoffEvent[],
  history: readonly HandoffEvent[],
  version: number,
  people: OutboxPeople,
  context: TaskContext & { fromStage: string },
): OutboxItem[] {
  const items = engagementsOn(
    'contact',
    outboxItemsFor(playbook, handoff, contactId, events, history, version, people, context),
  );
  const stages = playbook.stages;
  events.forEach((event, index) => {
    const move =
      event.type === 'accepted'
        ? handoff.onAccept
        : event.type === 'rejected'
          ? handoff.onReject
          : undefined;
    const target = move && stages.find((s) => s.id === move.stage);
    if (!target?.hubspot || !('property' in target.hubspot) || target.id === context.fromStage)
      return;
    const { property, values } = target.hubspot;
    // The first value is the one written when a record is moved to the stage.
    const properties: Record<string, string> = { [property]: values[0] as string };
    // The sales owner: whom the accept assigned, else who accepted (when HubSpot has them as owners).
    const assignee = event.details.assigneeId;
    const owner =
      event.type === 'accepted'
        ? people.ownerOfUser(typeof assignee === 'string' ? assignee : event.by)
        : undefined;
    if (owner) properties.hubspot_owner_id = owner;
    const backwards =
      stages.findIndex((s) => s.id === target.id) <
      stages.findIndex((s) => s.id === context.fromStage);
    items.push({
      key: `move:${event.actionId}:${index}`,
      kind: 'contact-move',
      payload: {
        contactId,
        properties,
        clearFirst: backwards ? [property] : [],
      } satisfies ContactMovePayload,
    });
  });
  return items;
}

/**
 * What a company's handoff action (the CS → sales expansion) writes to HubSpot: the notes and
 * tasks a deal's would, on the company — the AEs' review task when CS raises it, a note of each
 * decision — and its Handoff properties mirrored on the company.
 */
export function companyOutboxItemsFor(
  playbook: Playbook,
  handoff: HandoffDef,
  companyId: string,
  events: readonly HandoffEvent[],
  history: readonly HandoffEvent[],
  version: number,
  people: OutboxPeople,
  context: TaskContext,
): OutboxItem[] {
  return engagementsOn(
    'company',
    outboxItemsFor(playbook, handoff, companyId, events, history, version, people, context),
  );
}

/** A deal's outbox items moved to a contact or company: its notes, tasks and mirror on it. */
function engagementsOn(object: 'contact' | 'company', items: readonly OutboxItem[]): OutboxItem[] {
  const on = object === 'contact' ? 'contacts' : 'companies';
  return items.map((item) =>
    item.kind === 'engagement'
      ? { ...item, payload: { ...(item.payload as EngagementPayload), on } }
      : item.kind === 'mirror'
        ? { ...item, payload: { ...(item.payload as MirrorPayload), object } }
        : item,
  );
}
