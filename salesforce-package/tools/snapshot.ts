// An Opportunity or a Lead as the scan queries return it → the core's RecordSnapshot. The only place
// that knows how Salesforce stage names, Lead statuses, OpportunityHistory, LeadHistory, activities
// and Handoff__c fields map to the playbook's words.
import type { HandoffState, Playbook, RecordSnapshot } from '@handoff/shared';
import { fieldsOn, HandoffStatus, opportunityStageNamesOf, scopedPlaybook } from '@handoff/shared';
import { MILESTONE_FIELDS, milestoneEvents } from '../scripts/handoff-core/milestones.js';
import { keyOf } from './escalate.js';
import type { OrgNames } from './names.js';

export type SfRecord = Record<string, unknown> & { Id: string };
interface Children {
  records: SfRecord[];
}

export const HANDOFF_FIELDS = [
  'Id',
  'Handoff_Id__c',
  'Status__c',
  'Version__c',
  ...MILESTONE_FIELDS,
  'Rejection_Reason__c',
  'SLA_Status__c',
  'SLA_Next_Due__c',
  'SLA_Id__c',
  'SLA_Outcome__c',
  'SLA_Completed_At__c',
  'Business_Minutes_To_Accept__c',
];

export function children(record: SfRecord, relationship: string): SfRecord[] {
  const value = record[relationship] as Children | null | undefined;
  return value?.records ?? [];
}

const instant = (value: unknown): number | undefined => {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? undefined : ms;
};

export function stageIdOf(playbook: Playbook, stageName: unknown): string | undefined {
  return playbook.stages.find((s) => opportunityStageNamesOf(s).includes(String(stageName)))?.id;
}

export function opportunitySnapshot(
  playbook: Playbook,
  names: OrgNames,
  opportunity: SfRecord,
): RecordSnapshot | undefined {
  const stage = stageIdOf(playbook, opportunity.StageName);
  if (!stage) return undefined;
  const fields: Record<string, unknown> = {};
  for (const [id, def] of Object.entries(fieldsOn(playbook, 'deal')))
    if (def.salesforce) fields[id] = opportunity[names.field(def.salesforce)] ?? null;
  return {
    crm: 'salesforce',
    objectType: 'Opportunity',
    recordId: opportunity.Id,
    stage,
    fields,
    stageHistory: stageHistory(playbook, opportunity, stage),
    handoffs: handoffStates(names, opportunity),
    ...(typeof opportunity.OwnerId === 'string' ? { ownerId: opportunity.OwnerId } : {}),
  };
}

/**
 * OpportunityHistory has a row for every change of stage, amount or close date, and several stage
 * names may map to one playbook stage: only a change of playbook stage is an entry.
 */
function stageHistory(playbook: Playbook, opportunity: SfRecord, current: string) {
  const entries: RecordSnapshot['stageHistory'] = [];
  const rows = children(opportunity, 'OpportunityHistories')
    .map((row) => ({ stage: stageIdOf(playbook, row.StageName), at: instant(row.CreatedDate) }))
    .sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
  for (const row of rows) {
    if (row.stage === undefined || row.at === undefined) continue;
    if (entries[entries.length - 1]?.stage === row.stage) continue;
    entries.push({ stage: row.stage, enteredAt: row.at });
  }
  if (entries.length === 0) {
    const created = instant(opportunity.CreatedDate);
    if (created !== undefined) entries.push({ stage: current, enteredAt: created });
  }
  return entries;
}

/**
 * Handoff__c keeps the latest submission, acceptance and rejection: what SLA stops need, and the
 * last rejection's pause (from Rejected_At__c to a later Submitted_At__c, or still open while the
 * handoff is rejected or in rework). Earlier rounds of rejection and rework are not kept, so only
 * the last pause counts; the panel's adapter (scripts/handoff-core/snapshot.ts) reads it alike.
 */
function handoffStates(names: OrgNames, opportunity: SfRecord): Record<string, HandoffState> {
  const states: Record<string, HandoffState> = {};
  for (const row of children(opportunity, names.handoffs)) {
    const id = row[names.field('Handoff_Id__c')];
    const status = HandoffStatus.safeParse(row[names.field('Status__c')]);
    if (typeof id !== 'string' || !status.success) continue;
    const field = (name: string) => row[names.field(name)];
    const person = (name: string) => {
      const value = field(name);
      return typeof value === 'string' ? value : undefined;
    };
    const events = milestoneEvents(status.data, {
      submitted: { at: instant(field('Submitted_At__c')), by: person('Submitted_By__c') },
      accepted: { at: instant(field('Accepted_At__c')), by: person('Accepted_By__c') },
      // The reason rides on the rejection, as the panel's adapter reads it: the metrics count by it.
      rejected: {
        at: instant(field('Rejected_At__c')),
        by: person('Rejected_By__c'),
        details: { reason: person('Rejection_Reason__c') ?? '' },
      },
    });
    const version = Number(row[names.field('Version__c')] ?? 0);
    states[id] = {
      status: status.data,
      version: Number.isInteger(version) && version >= 0 ? version : 0,
      items: {},
      events,
    };
  }
  return states;
}

/** The contact stage whose Lead Status values hold this status. */
export function leadStageIdOf(playbook: Playbook, status: unknown): string | undefined {
  return scopedPlaybook(playbook, 'contact').stages.find(
    (s) =>
      s.salesforce !== undefined &&
      'field' in s.salesforce &&
      s.salesforce.field === 'Status' &&
      s.salesforce.values.includes(String(status)),
  )?.id;
}

/** A Lead's fields the scan and the panel read, besides the playbook's contact fields. */
export const LEAD_FIELDS = [
  'Id',
  'Name',
  'Status',
  'OwnerId',
  'CreatedDate',
  'IsConverted',
  'ConvertedOpportunityId',
];

/**
 * A Lead as the Lead scan query returns it → the core's snapshot of a contact. Its stage is its
 * Status; its stage history is LeadHistory's Status rows (the first row's OldValue is the status it
 * was created with); its activities — what stops speed to lead — are the completed Tasks on it (at
 * their last modification: the save that completed them), the Events on it that have begun by
 * `now`, and its conversion. Undefined for a status the playbook does not follow.
 */
export function leadSnapshot(
  playbook: Playbook,
  names: OrgNames,
  lead: SfRecord,
  now: number,
): RecordSnapshot | undefined {
  const stage = leadStageIdOf(playbook, lead.Status);
  if (!stage) return undefined;
  const fields: Record<string, unknown> = {};
  for (const [id, def] of Object.entries(fieldsOn(playbook, 'contact')))
    if (def.salesforce) fields[id] = lead[names.field(def.salesforce)] ?? null;
  const activities = [
    // Handoff's own escalation notes are completed Tasks too, but nobody touched the lead.
    ...children(lead, 'Tasks')
      .filter((t) => t.Status === 'Completed' && keyOf(t.Description) === undefined)
      .map((t) => instant(t.LastModifiedDate)),
    ...children(lead, 'Events')
      .map((e) => instant(e.ActivityDateTime))
      .filter((at) => at !== undefined && at <= now),
    ...(lead.IsConverted === true ? [conversionTime(lead)] : []),
  ].filter((at): at is number => at !== undefined);
  return {
    crm: 'salesforce',
    objectType: 'Lead',
    recordId: lead.Id,
    stage,
    fields,
    stageHistory: leadStageHistory(playbook, lead, stage),
    handoffs: handoffStates(names, lead),
    activities: activities.sort((a, b) => a - b),
    ...(typeof lead.OwnerId === 'string' ? { ownerId: lead.OwnerId } : {}),
  };
}

/**
 * Conversion sets a converted Status, which LeadHistory records with its time; ConvertedDate holds
 * the date only (https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_standard_objects_lead_conversion.htm).
 */
function conversionTime(lead: SfRecord): number | undefined {
  const converted = children(lead, 'Histories')
    .filter((row) => row.Field === 'Status' && row.NewValue === lead.Status)
    .map((row) => instant(row.CreatedDate))
    .filter((at): at is number => at !== undefined);
  return converted.length > 0 ? Math.max(...converted) : instant(lead.ConvertedDate);
}

function leadStageHistory(playbook: Playbook, lead: SfRecord, current: string) {
  const rows = children(lead, 'Histories')
    .filter((row) => row.Field === 'Status')
    .sort((a, b) => (instant(a.CreatedDate) ?? 0) - (instant(b.CreatedDate) ?? 0));
  const created = instant(lead.CreatedDate);
  const changes = [
    ...(created !== undefined
      ? [{ status: rows[0] ? rows[0].OldValue : lead.Status, at: created }]
      : []),
    ...rows.map((row) => ({ status: row.NewValue, at: instant(row.CreatedDate) })),
  ];
  const entries: RecordSnapshot['stageHistory'] = [];
  for (const change of changes) {
    const stage = leadStageIdOf(playbook, change.status);
    if (stage === undefined || change.at === undefined) continue;
    if (entries[entries.length - 1]?.stage === stage) continue;
    entries.push({ stage, enteredAt: change.at });
  }
  if (entries.length === 0 && created !== undefined)
    entries.push({ stage: current, enteredAt: created });
  return entries;
}
