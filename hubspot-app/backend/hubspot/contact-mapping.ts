// A HubSpot contact as the core's record. Its stage is the value of the property the playbook's
// contact stages map (lifecycle stage by default); its stage history is that property's history,
// which HubSpot returns with `propertiesWithHistory` (every value with its timestamp); its touches
// are the history of "Last contacted" (notes_last_contacted), which HubSpot sets each time a call,
// email or meeting is logged on the contact — so the first value after the MQL is the first touch.
// https://developers.hubspot.com/docs/api-reference/latest/crm/objects/contacts/guide
import {
  fieldsOn,
  scopedPlaybook,
  type Playbook,
  type RecordSnapshot,
  type StageDef,
} from '@handoff/shared';
import { parseInstant, type HubSpotObject } from './mapping.js';

export const LAST_CONTACTED = 'notes_last_contacted';

export interface HistoryEntry {
  value: string | null;
  timestamp: string;
}

export interface HubSpotContact extends HubSpotObject {
  propertiesWithHistory?: Record<string, readonly HistoryEntry[]>;
}

export type ContactSnapshotResult =
  | { ok: true; snapshot: RecordSnapshot; name: string }
  | { ok: false; property: string; value: string | null };

/** The contact property the playbook's contact stages map (the first one; lifecyclestage by default). */
export function contactStageProperty(playbook: Playbook): string {
  for (const stage of scopedPlaybook(playbook, 'contact').stages)
    if (stage.hubspot && 'property' in stage.hubspot) return stage.hubspot.property;
  return 'lifecyclestage';
}

/** What a contact read asks for: its name, owner, stage property, touches and playbook fields. */
export function contactProperties(playbook: Playbook): string[] {
  const names = new Set([
    'firstname',
    'lastname',
    'email',
    'hubspot_owner_id',
    'createdate',
    contactStageProperty(playbook),
    LAST_CONTACTED,
  ]);
  for (const field of Object.values(fieldsOn(playbook, 'contact')))
    if (field.hubspot) names.add(field.hubspot);
  return [...names];
}

/** The properties read with their history: the stage's and the touches'. */
export function contactHistoryProperties(playbook: Playbook): string[] {
  return [contactStageProperty(playbook), LAST_CONTACTED];
}

function stageOfValue(playbook: Playbook, property: string, value: string | null) {
  if (value === null) return undefined;
  return scopedPlaybook(playbook, 'contact').stages.find(
    (s: StageDef) =>
      s.hubspot !== undefined &&
      'property' in s.hubspot &&
      s.hubspot.property === property &&
      s.hubspot.values.includes(value),
  );
}

export function contactSnapshot(
  playbook: Playbook,
  contact: HubSpotContact,
): ContactSnapshotResult {
  const props = contact.properties;
  const property = contactStageProperty(playbook);
  const value = props[property] ?? null;
  const stage = stageOfValue(playbook, property, value);
  if (!stage) return { ok: false, property, value };

  const fields: Record<string, unknown> = {};
  for (const [id, field] of Object.entries(fieldsOn(playbook, 'contact')))
    if (field.hubspot) fields[id] = props[field.hubspot] ?? null;

  // HubSpot lists a property's history newest first; the core reads it oldest first.
  const history = [...(contact.propertiesWithHistory?.[property] ?? [])].reverse();
  const stageHistory: RecordSnapshot['stageHistory'] = [];
  for (const entry of history) {
    const entered = stageOfValue(playbook, property, entry.value);
    const at = parseInstant(entry.timestamp);
    if (!entered || at === undefined) continue;
    if (stageHistory.at(-1)?.stage === entered.id) continue;
    stageHistory.push({ stage: entered.id, enteredAt: at });
  }
  if (stageHistory.at(-1)?.stage !== stage.id)
    stageHistory.push({ stage: stage.id, enteredAt: parseInstant(props.createdate) ?? 0 });

  const activities = (contact.propertiesWithHistory?.[LAST_CONTACTED] ?? [])
    .map((entry) => parseInstant(entry.value))
    .filter((t): t is number => t !== undefined)
    .sort((a, b) => a - b);

  const snapshot: RecordSnapshot = {
    crm: 'hubspot',
    objectType: 'contacts',
    recordId: contact.id,
    stage: stage.id,
    fields,
    stageHistory,
    handoffs: {},
    activities,
  };
  if (props.hubspot_owner_id) snapshot.ownerId = props.hubspot_owner_id;
  const name = [props.firstname, props.lastname].filter(Boolean).join(' ');
  return { ok: true, snapshot, name: name || props.email || `Contact ${contact.id}` };
}
