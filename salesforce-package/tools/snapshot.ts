// An Opportunity as the scan query returns it → the core's RecordSnapshot. The only place that knows
// how Salesforce stage names, OpportunityHistory and Handoff__c fields map to the playbook's words.
import type { HandoffState, Playbook, RecordSnapshot } from '@handoff/shared';
import { fieldsOn, HandoffStatus, opportunityStageNamesOf } from '@handoff/shared';
import { MILESTONE_FIELDS, milestoneEvents } from '../scripts/handoff-core/milestones.js';
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
