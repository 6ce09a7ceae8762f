// Names for the people a view mentions. The core speaks in user ids; HubSpot's owners list (read
// once a minute per portal for roles anyway) gives their names, so naming them costs no CRM call.
import type { RecordView } from '@handoff/shared';
import type { Deps } from '../deps.js';

/** Every user id the view shows: who submitted, accepted, rejected, set items, and the viewer. */
export function mentionedUsers(view: RecordView): Set<string> {
  const ids = new Set<string>([view.viewer.userId]);
  for (const handoff of view.handoffs) {
    for (const id of [
      handoff.submitted?.by,
      handoff.accepted?.by,
      handoff.accepted?.assigneeId,
      handoff.rejected?.by,
      ...handoff.items.map((item) => item.by),
      ...handoff.history.map((event) => event.by),
    ])
      if (id) ids.add(id);
  }
  return ids;
}

export async function withPeople<V extends RecordView>(
  deps: Deps,
  portalId: string,
  view: V,
): Promise<V> {
  return { ...view, people: await deps.roles.namesOf(portalId, mentionedUsers(view)) };
}
