// A task the core wrote (subject, body, due time, assignee) as HubSpot task properties.
// https://developers.hubspot.com/docs/api/crm/tasks: hs_timestamp "marks the task's due date"
// (epoch ms), hs_task_body is the task's notes, hubspot_owner_id its assignee, hs_task_priority
// LOW/MEDIUM/HIGH, hs_task_status NOT_STARTED until someone (or a later level) completes it.
import type { EscalationTask, TaskRecipient } from '@handoff/shared';

/**
 * HubSpot owners as the core's task recipients. Whose zone a HubSpot task's times are written in. The owners API answers no time zone
 * (https://developers.hubspot.com/docs/api/crm/owners: name, email, ids, teams). HubSpot does keep
 * one per user — `hs_standard_time_zone` on the users object
 * (https://developers.hubspot.com/docs/api/crm/users) — but reading it needs the
 * crm.objects.users.read scope, which the app does not ask for yet. Until it does, recipients carry
 * no zone and the core writes the times in the SLA calendar's zone, named ("5:00 PM EST").
 */
export function recipientsOf(ownerIds: readonly string[]): TaskRecipient[] {
  return ownerIds.map((id) => ({ id }));
}

export function taskProperties(task: EscalationTask): Record<string, string> {
  return {
    hs_timestamp: String(task.dueAt),
    hs_task_subject: task.subject,
    hs_task_body: task.body,
    hs_task_status: 'NOT_STARTED',
    hs_task_priority: task.priority === 'high' ? 'HIGH' : 'MEDIUM',
    hubspot_owner_id: task.assigneeId,
  };
}
