// What an action must write to HubSpot afterwards, as outbox items with stable keys: the key is
// the outbox's primary key, so an item is enqueued once however often the action is retried.
import type { HandoffDef, HandoffEvent, Playbook } from '@handoff/shared';
import type { OutboxItem } from '../store/index.js';

export interface MirrorPayload {
  dealId: string;
  handoffId: string;
}

export interface EngagementPayload {
  dealId: string;
  /** notes or tasks */
  type: 'notes' | 'tasks';
  properties: Record<string, string>;
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
}

export function outboxItemsFor(
  playbook: Playbook,
  handoff: HandoffDef,
  dealId: string,
  events: readonly HandoffEvent[],
  version: number,
  people: OutboxPeople,
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
          hs_note_body: `Handoff: ${handoff.label} ${verb} by user ${event.by}${reason ? ` (${reason})` : ''}${comment}.`,
        },
      } satisfies EngagementPayload,
    });
    for (const [ownerId, subject] of tasksFor(playbook, handoff, event, events, people)) {
      items.push({
        key: `task:${event.actionId}:${index}:${ownerId}`,
        kind: 'engagement',
        payload: {
          dealId,
          type: 'tasks',
          properties: {
            hs_timestamp: String(event.at),
            hs_task_subject: subject,
            hubspot_owner_id: ownerId,
            hs_task_status: 'NOT_STARTED',
          },
        } satisfies EngagementPayload,
      });
    }
  });
  return items;
}

/** Who must act next: the receiving roles on submission, the submitter on rejection. */
function tasksFor(
  _playbook: Playbook,
  handoff: HandoffDef,
  event: HandoffEvent,
  all: readonly HandoffEvent[],
  people: OutboxPeople,
): [string, string][] {
  if (event.type === 'submitted') {
    const owners = new Set(handoff.accept.flatMap((role) => people.ownersByRole[role] ?? []));
    return [...owners].map((ownerId) => [ownerId, `Review the ${handoff.label} handoff`]);
  }
  if (event.type === 'rejected') {
    const submitter = [...all].reverse().find((e) => e.type === 'submitted')?.by ?? event.by;
    const ownerId = people.ownerOfUser(submitter);
    return ownerId ? [[ownerId, `Rework the ${handoff.label} handoff`]] : [];
  }
  return [];
}
