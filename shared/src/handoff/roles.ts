import type { HandoffDef } from '../playbook/schema.js';
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

/** Who may act, by action: editing items and reworking belong to the submitting side. */
export function rolesFor(
  handoff: HandoffDef,
  action: 'set_item' | 'submit' | 'withdraw' | 'accept' | 'reject' | 'reopen',
): readonly string[] {
  switch (action) {
    case 'accept':
      return handoff.accept;
    case 'reject':
      return handoff.reject;
    default:
      return handoff.submit;
  }
}
