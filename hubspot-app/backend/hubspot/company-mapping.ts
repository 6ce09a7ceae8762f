// A HubSpot company as the core's record: its lifecycle stage (customer, where CS → sales expansion
// opens) and that stage's history as every lifecycle record reads them (lifecycle-mapping.ts).
// https://developers.hubspot.com/docs/api-reference/latest/crm/objects/companies/guide
import type { Playbook, RecordSnapshot } from '@handoff/shared';
import {
  fieldPropertiesOn,
  lifecycleSnapshot,
  lifecycleStageProperty,
  type HubSpotObjectWithHistory,
} from './lifecycle-mapping.js';
import { slaMirrorNames } from './mirror-names.js';

export type HubSpotCompany = HubSpotObjectWithHistory;

export type CompanySnapshotResult =
  | { ok: true; snapshot: RecordSnapshot; name: string }
  | { ok: false; property: string; value: string | null };

export function companyStageProperty(playbook: Playbook): string {
  return lifecycleStageProperty(playbook, 'company');
}

/** What a company read asks for: its name, owner, stage property and the playbook's company fields. */
export function companyProperties(playbook: Playbook): string[] {
  return [
    ...new Set([
      'name',
      'domain',
      'hubspot_owner_id',
      'createdate',
      companyStageProperty(playbook),
      ...fieldPropertiesOn(playbook, 'company'),
      // What HubSpot shows of the SLAs now, so the scanner writes only what changed.
      ...slaMirrorNames(playbook, 'company'),
    ]),
  ];
}

/** The properties read with their history: the stage's. */
export function companyHistoryProperties(playbook: Playbook): string[] {
  return [companyStageProperty(playbook)];
}

export function companySnapshot(
  playbook: Playbook,
  company: HubSpotCompany,
): CompanySnapshotResult {
  const result = lifecycleSnapshot(playbook, 'company', 'company', company);
  if (!result.ok) return result;
  const props = company.properties;
  return {
    ok: true,
    snapshot: result.snapshot,
    name: props.name || props.domain || `Company ${company.id}`,
  };
}
