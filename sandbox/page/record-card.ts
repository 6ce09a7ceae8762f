// What the sandbox's record pages share: the real Handoff card rendered on a record as HubSpot's
// CRM record tab renders it for the chosen viewer, and the record's tasks and notes in HubSpot,
// read again once the card has changed something.
import { useEffect, useState, type ReactNode } from 'react';
import type { Activity, Person } from './api.js';
import { noActions, userContext } from './context.js';
import { extension } from './host/session.js';

/** HubSpot's object type ids: contacts 0-1, companies 0-2, deals 0-3. */
export type ObjectTypeId = '0-1' | '0-2' | '0-3';

export function recordCard(
  record: { objectTypeId: ObjectTypeId; id: string },
  where: { portalId: string; timeZone: string; viewer: Person; people: Person[] },
): ReactNode {
  const context = {
    location: 'crm.record.tab',
    crm: { objectId: Number(record.id), objectTypeId: record.objectTypeId },
    portal: { id: Number(where.portalId), timezone: where.timeZone },
    user: userContext(where.viewer, where.people),
  };
  return extension('card')({ context, actions: noActions }) as ReactNode;
}

/**
 * The record's tasks and notes (`read`), and `onChanged` whenever the card changes something; the
 * outbox delivers notes and tasks right after an action, so they are read again a moment later.
 */
export function useActivity(
  read: (id: string) => Promise<Activity>,
  id: string,
  onChanged: () => void,
): Activity | undefined {
  const [activity, setActivity] = useState<Activity | undefined>();
  useEffect(() => {
    const load = () => void read(id).then(setActivity, () => setActivity(undefined));
    load();
    const changed = () => {
      onChanged();
      setTimeout(load, 300);
    };
    window.addEventListener('card-changed', changed);
    return () => window.removeEventListener('card-changed', changed);
  }, [read, id, onChanged]);
  return activity;
}
