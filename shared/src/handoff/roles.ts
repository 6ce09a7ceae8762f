import type { HandoffDef } from '../playbook/schema.js';
import type { HandoffActionType } from '../shapes/request.js';
import { transitionFor } from './transitions.js';
import type { Viewer } from '../shapes/viewer.js';

export function holdsAny(viewer: Viewer, roles: readonly string[]): boolean {
  return viewer.roles.some((role) => roles.includes(role));
}

export function roleLabels(
  roles: readonly string[],
  labels: Readonly<Record<string, { label: string }>>,
): string {
  const names = roles.map((r) => labels[r]?.label ?? r);
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** Who may act, by action: the transition table names which of the handoff's role lists decides. */
export function rolesFor(handoff: HandoffDef, action: HandoffActionType): readonly string[] {
  return handoff[transitionFor(action).by];
}
