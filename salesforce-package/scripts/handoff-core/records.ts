// Lightning Data Service records (UI API shape: `{ id, fields: { Name: { value } } }`) and the
// API names the panel reads and writes. Names come from the package model (scripts/model.ts).

export interface UiField {
  value: unknown;
  displayValue?: string | null;
}
export interface UiRecord {
  id: string;
  lastModifiedDate?: string;
  fields: Record<string, UiField | undefined>;
}

export const HANDOFF = 'Handoff__c';
export const ITEM = 'Handoff_Item__c';
export const PLAYBOOK = 'Handoff_Playbook__c';

/** The User lookups of a header and of an item row, by the relationship that names the person. */
export const HANDOFF_PEOPLE = {
  Submitted_By__c: 'Submitted_By__r',
  Accepted_By__c: 'Accepted_By__r',
  Rejected_By__c: 'Rejected_By__r',
  Assigned_CSM__c: 'Assigned_CSM__r',
} as const;
export const ITEM_PEOPLE = { Done_By__c: 'Done_By__r' } as const;

/** Standard Opportunity fields every panel needs, beside the playbook's own fields. */
export const OPPORTUNITY_FIELDS = [
  'Opportunity.StageName',
  'Opportunity.OwnerId',
  'Opportunity.AccountId',
  'Opportunity.CreatedDate',
];
/** An Account's opportunities (related list `Opportunities`): the panel's fields and the name. */
export const ACCOUNT_OPPORTUNITY_FIELDS = ['Opportunity.Name', ...OPPORTUNITY_FIELDS];
/**
 * The opportunity's stage history, as the record page's Stage History related list holds it
 * (OpportunityHistory, child relationship `OpportunityHistories`; a row for every change of stage,
 * amount or close date). Read with getRelatedListRecords, oldest first, so timers of SLAs that ran
 * in earlier stages are on the panel too, as the scanner reads them
 * (https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_objects_opportunityhistory.htm).
 */
export const STAGE_HISTORY_LIST = 'OpportunityHistories';
export const STAGE_HISTORY_FIELDS = [
  'OpportunityHistory.StageName',
  'OpportunityHistory.CreatedDate',
];
export const STAGE_HISTORY_SORT = ['OpportunityHistory.CreatedDate'];

/** Present from API 52 on; optional so the panel still loads where it is missing. */
export const OPPORTUNITY_OPTIONAL = ['Opportunity.LastStageChangeDate'];

export function value(record: UiRecord | undefined, field: string): unknown {
  const f = record?.fields[field];
  return f === undefined ? undefined : f.value;
}

export function text(record: UiRecord | undefined, field: string): string | undefined {
  const v = value(record, field);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function time(record: UiRecord | undefined, field: string): number | undefined {
  const v = text(record, field);
  const at = v === undefined ? NaN : Date.parse(v);
  return Number.isFinite(at) ? at : undefined;
}

export function iso(at: number): string {
  return new Date(at).toISOString();
}

/**
 * The name a lookup's relationship carries: the UI API nests the parent's Record representation
 * (`{ value: { fields: { Name: { value } } } }`), GraphQL the parent's fields (`{ Name: { value } }`).
 */
export function relatedName(
  record: UiRecord | undefined,
  relationship: string,
): string | undefined {
  const related = record?.fields[relationship] as
    | { value?: { fields?: Record<string, UiField | undefined> } | null; Name?: UiField | null }
    | null
    | undefined;
  const name = related?.Name?.value ?? related?.value?.fields?.Name?.value;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** Display names by user id of everyone the headers and item rows name, as RecordView.people wants. */
export function peopleOf(
  headers: readonly UiRecord[],
  items: Readonly<Record<string, readonly UiRecord[]>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (record: UiRecord, lookups: Record<string, string>) => {
    for (const [lookup, relationship] of Object.entries(lookups)) {
      const id = text(record, lookup);
      const name = relatedName(record, relationship);
      if (id !== undefined && name !== undefined) out[id] = name;
    }
  };
  for (const header of headers) add(header, HANDOFF_PEOPLE);
  for (const row of Object.values(items).flat()) add(row, ITEM_PEOPLE);
  return out;
}

/** GraphQL wire results in the UI API record shape the adapter reads (`{ id, fields: { X: { value } } }`). */
export function graphNodes(data: unknown, objectApiName: string): UiRecord[] {
  const query = (data as { uiapi?: { query?: Record<string, unknown> } } | undefined)?.uiapi?.query;
  const edges = (query?.[objectApiName] as { edges?: { node: Record<string, unknown> }[] })?.edges;
  return (edges ?? []).map(({ node }) => ({
    id: String(node.Id),
    fields: node as UiRecord['fields'],
  }));
}

/** Checklist item rows by the id of their Handoff__c. */
export function itemsByHandoff(rows: readonly UiRecord[]): Record<string, UiRecord[]> {
  const out: Record<string, UiRecord[]> = {};
  for (const row of rows) {
    const handoff = text(row, 'Handoff__c');
    if (handoff) (out[handoff] ??= []).push(row);
  }
  return out;
}
