// The Lead Status values the playbook's contact stages name, as the LeadStatus standard value set.
// A package cannot change a standard picklist, so this file lives with the default playbook, which an
// admin deploys: standard picklists are the StandardValueSet metadata type from API 38.0, and
// Lead.Status is the set named LeadStatus
// [https://developer.salesforce.com/docs/atlas.en-us.214.0.api_meta.meta/api_meta/meta_standardvalueset.htm,
// https://developer.salesforce.com/docs/atlas.en-us.240.0.api_meta.meta/api_meta/standardvalueset_names.htm];
// a value's `converted` flag is the one that matters on Lead Status
// [https://developer.salesforce.com/docs/atlas.en-us.206.0.api_tooling.meta/api_tooling/tooling_api_objects_standardvalueset.htm].
import { scopedPlaybook, type Playbook } from '@handoff/shared';
import type { Files } from './metadata.js';
import { metadataXml, type XmlNode } from './xml.js';

/**
 * A new org's Lead statuses (no doc page lists them; they are the values a Developer Edition org
 * ships with). Deploying a value set states the whole list, so they are kept beside the playbook's,
 * with the converted one: convertLead needs a status whose IsConverted is true
 * [https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_dml_examples_convertlead.htm].
 */
export const STANDARD_LEAD_STATUSES = [
  { value: 'Open - Not Contacted', default: true, converted: false },
  { value: 'Working - Contacted', default: false, converted: false },
  { value: 'Closed - Converted', default: false, converted: true },
  { value: 'Closed - Not Converted', default: false, converted: false },
] as const;

/** The playbook's Lead Status values, in stage order, then the standard ones it does not name. */
export function leadStatuses(
  playbook: Playbook,
): { value: string; default: boolean; converted: boolean }[] {
  const named = scopedPlaybook(playbook, 'contact').stages.flatMap((stage) =>
    stage.salesforce && 'field' in stage.salesforce && stage.salesforce.field === 'Status'
      ? stage.salesforce.values
      : [],
  );
  const standard = new Map<string, (typeof STANDARD_LEAD_STATUSES)[number]>(
    STANDARD_LEAD_STATUSES.map((s) => [s.value, s]),
  );
  const ordered = [...new Set([...named, ...standard.keys()])];
  return ordered.map((value) => ({
    value,
    default: standard.get(value)?.default ?? false,
    converted: standard.get(value)?.converted ?? false,
  }));
}

/** `standardValueSets/LeadStatus.standardValueSet-meta.xml`; none when no stage reads Lead Status. */
export function leadStatusFiles(root: string, playbook: Playbook): Files {
  const statuses = leadStatuses(playbook);
  if (statuses.length === STANDARD_LEAD_STATUSES.length) return new Map();
  const xml = metadataXml('StandardValueSet', [
    ['sorted', false],
    ...statuses.map((s): XmlNode => [
      'standardValue',
      [
        ['fullName', s.value],
        ['default', s.default],
        ['label', s.value],
        ['converted', s.converted],
      ],
    ]),
  ]);
  return new Map([[`${root}/standardValueSets/LeadStatus.standardValueSet-meta.xml`, xml]]);
}
