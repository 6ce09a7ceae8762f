// What the card takes from HubSpot's context, as plain values its components can be tested with.
import type { ObjectType } from './client.js';
import type { Assignee } from './ReviewActions.js';

// HubSpot's object type ids: 0-1 contacts, 0-2 companies, 0-3 deals.
const OBJECT_TYPES: Record<string, ObjectType> = {
  '0-1': 'contacts',
  '0-3': 'deals',
  '0-2': 'companies',
};

export function objectTypeOf(objectTypeId: string): ObjectType | undefined {
  return OBJECT_TYPES[objectTypeId];
}

interface ContextUser {
  id: number;
  teams: { teammates: number[] }[];
}

/**
 * Whom an accepting manager may name as the CSM: themself and their teammates. HubSpot's context
 * gives ids only, so people read as "user 123" until the backend sends names.
 */
export function assigneesOf(user: ContextUser): Assignee[] {
  const ids = new Set([user.id, ...user.teams.flatMap((t) => t.teammates)]);
  return [...ids].map((id) => ({ id: String(id), label: id === user.id ? 'Me' : `User ${id}` }));
}
