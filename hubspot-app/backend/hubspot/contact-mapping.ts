// A HubSpot contact as the core's record: its lifecycle stage and that stage's history as every
// lifecycle record reads them (lifecycle-mapping.ts); its touches are the history of "Last
// contacted" (notes_last_contacted), which HubSpot sets each time a call, email or meeting is
// logged on the contact — so the first value after the MQL is the first touch.
// https://developers.hubspot.com/docs/api-reference/latest/crm/objects/contacts/guide
import type { Playbook, RecordSnapshot } from '@handoff/shared';
import {
  fieldPropertiesOn,
  lifecycleSnapshot,
  lifecycleStageProperty,
  type HubSpotObjectWithHistory,
} from './lifecycle-mapping.js';
import { slaMirrorNames } from './mirror-names.js';
import { parseInstant } from './mapping.js';

export type { HistoryEntry } from './lifecycle-mapping.js';

export const LAST_CONTACTED = 'notes_last_contacted';

export type HubSpotContact = HubSpotObjectWithHistory;

export type ContactSnapshotResult =
  | { ok: true; snapshot: RecordSnapshot; name: string }
  | { ok: false; property: string; value: string | null };

/** The contact property the playbook's contact stages map (the first one; lifecyclestage by default). */
export function contactStageProperty(playbook: Playbook): string {
  return lifecycleStageProperty(playbook, 'contact');
}

/** What a contact read asks for: its name, owner, stage property, touches and playbook fields. */
export function contactProperties(playbook: Playbook): string[] {
  return [
    ...new Set([
      'firstname',
      'lastname',
      'email',
      'hubspot_owner_id',
      'createdate',
      contactStageProperty(playbook),
      LAST_CONTACTED,
      ...fieldPropertiesOn(playbook, 'contact'),
      // What HubSpot shows of the SLAs now, so the scanner writes only what changed.
      ...slaMirrorNames(playbook, 'contact'),
    ]),
  ];
}

/** The properties read with their history: the stage's and the touches'. */
export function contactHistoryProperties(playbook: Playbook): string[] {
  return [contactStageProperty(playbook), LAST_CONTACTED];
}

export function contactSnapshot(
  playbook: Playbook,
  contact: HubSpotContact,
): ContactSnapshotResult {
  const result = lifecycleSnapshot(playbook, 'contact', 'contacts', contact);
  if (!result.ok) return result;
  const activities = (contact.propertiesWithHistory?.[LAST_CONTACTED] ?? [])
    .map((entry) => parseInstant(entry.value))
    .filter((t): t is number => t !== undefined)
    .sort((a, b) => a - b);
  const snapshot = { ...result.snapshot, activities };
  const props = contact.properties;
  const name = [props.firstname, props.lastname].filter(Boolean).join(' ');
  return { ok: true, snapshot, name: name || props.email || `Contact ${contact.id}` };
}
