// A HubSpot record whose stage is a property value (contacts' and companies' lifecycle stage) as the
// core's record: the stage from the value the playbook's stages of that object map, the stage
// history from that property's history, which HubSpot returns with `propertiesWithHistory` (every
// value with its timestamp, newest first), the fields the object's parts read.
// https://developers.hubspot.com/docs/api-reference/latest/crm/objects/contacts/guide
// https://developers.hubspot.com/docs/api-reference/latest/crm/objects/companies/guide
import {
  fieldsOn,
  scopedPlaybook,
  type Playbook,
  type RecordObject,
  type RecordSnapshot,
  type StageDef,
} from '@handoff/shared';
import { parseInstant, type HubSpotObject } from './mapping.js';

export interface HistoryEntry {
  value: string | null;
  timestamp: string;
}

export interface HubSpotObjectWithHistory extends HubSpotObject {
  propertiesWithHistory?: Record<string, readonly HistoryEntry[]>;
}

export type LifecycleSnapshotResult =
  { ok: true; snapshot: RecordSnapshot } | { ok: false; property: string; value: string | null };

/** The property the playbook's stages of this object map (the first one; lifecyclestage by default). */
export function lifecycleStageProperty(playbook: Playbook, object: RecordObject): string {
  for (const stage of scopedPlaybook(playbook, object).stages)
    if (stage.hubspot && 'property' in stage.hubspot) return stage.hubspot.property;
  return 'lifecyclestage';
}

/** The HubSpot properties of the fields this object's parts read. */
export function fieldPropertiesOn(playbook: Playbook, object: RecordObject): string[] {
  return Object.values(fieldsOn(playbook, object)).flatMap((f) => (f.hubspot ? [f.hubspot] : []));
}

function stageOfValue(
  playbook: Playbook,
  object: RecordObject,
  property: string,
  value: string | null,
): StageDef | undefined {
  if (value === null) return undefined;
  return scopedPlaybook(playbook, object).stages.find(
    (s: StageDef) =>
      s.hubspot !== undefined &&
      'property' in s.hubspot &&
      s.hubspot.property === property &&
      s.hubspot.values.includes(value),
  );
}

/**
 * The record's stage, fields and stage history; `objectType` is the snapshot's name for the object
 * (contacts, company). A value no stage of the object maps answers which property and value.
 */
export function lifecycleSnapshot(
  playbook: Playbook,
  object: RecordObject,
  objectType: string,
  record: HubSpotObjectWithHistory,
): LifecycleSnapshotResult {
  const props = record.properties;
  const property = lifecycleStageProperty(playbook, object);
  const value = props[property] ?? null;
  const stage = stageOfValue(playbook, object, property, value);
  if (!stage) return { ok: false, property, value };

  const fields: Record<string, unknown> = {};
  for (const [id, field] of Object.entries(fieldsOn(playbook, object)))
    if (field.hubspot) fields[id] = props[field.hubspot] ?? null;

  // HubSpot lists a property's history newest first; the core reads it oldest first.
  const history = [...(record.propertiesWithHistory?.[property] ?? [])].reverse();
  const stageHistory: RecordSnapshot['stageHistory'] = [];
  for (const entry of history) {
    const entered = stageOfValue(playbook, object, property, entry.value);
    const at = parseInstant(entry.timestamp);
    if (!entered || at === undefined) continue;
    if (stageHistory.at(-1)?.stage === entered.id) continue;
    stageHistory.push({ stage: entered.id, enteredAt: at });
  }
  if (stageHistory.at(-1)?.stage !== stage.id)
    stageHistory.push({ stage: stage.id, enteredAt: parseInstant(props.createdate) ?? 0 });

  const snapshot: RecordSnapshot = {
    crm: 'hubspot',
    objectType,
    recordId: record.id,
    stage: stage.id,
    fields,
    stageHistory,
    handoffs: {},
  };
  if (props.hubspot_owner_id) snapshot.ownerId = props.hubspot_owner_id;
  return { ok: true, snapshot };
}
