// Checklist items as the record sees them: typed in by people, or mirrored from a CRM field.
import type { ChecklistDef, ChecklistItemDef, HandoffDef, Playbook } from '../playbook/schema.js';
import { coerce } from '../rules/coerce.js';
import type { HandoffState, ItemValue } from '../shapes/handoff-state.js';

export interface ItemStatus {
  value: ItemValue;
  done: boolean;
  by?: string;
  at?: number;
}

export function checklistOf(playbook: Playbook, handoff: HandoffDef): ChecklistDef | undefined {
  return playbook.checklists.find((list) => list.id === handoff.checklist);
}

/** Whether a value completes an item of this kind: a ticked box, or any non-empty answer. */
export function completes(kind: ChecklistItemDef['kind'], value: ItemValue): boolean {
  if (kind === 'check') return value === true;
  if (value === null || value === false) return false;
  return typeof value !== 'string' || value.trim() !== '';
}

export function itemStatus(
  playbook: Playbook,
  item: ChecklistItemDef,
  state: HandoffState | undefined,
  fields: Readonly<Record<string, unknown>>,
): ItemStatus {
  if (item.field !== undefined) {
    const def = playbook.fields[item.field];
    const coerced = def ? coerce(def, fields[item.field]) : { kind: 'empty' as const };
    if (coerced.kind !== 'value') return { value: null, done: false };
    // A date item reads like a typed-in one ("2026-12-01"), whatever form the CRM keeps the date in.
    const value =
      item.kind === 'date' && typeof coerced.value === 'number'
        ? new Date(coerced.value).toISOString().slice(0, 10)
        : coerced.value;
    return { value, done: completes(item.kind, value) };
  }
  const recorded = state?.items[item.id];
  if (!recorded) return { value: null, done: false };
  return { value: recorded.value, done: recorded.done, by: recorded.by, at: recorded.at };
}

/** Required items that are not done yet, in checklist order. */
export function missingRequiredItems(
  playbook: Playbook,
  handoff: HandoffDef,
  state: HandoffState | undefined,
  fields: Readonly<Record<string, unknown>>,
): ChecklistItemDef[] {
  const list = checklistOf(playbook, handoff);
  if (!list) return [];
  return list.items.filter(
    (item) => item.required && !itemStatus(playbook, item, state, fields).done,
  );
}
