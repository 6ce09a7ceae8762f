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

/** Fields of Handoff__c the panel reads (related list API wants them qualified). */
export const HANDOFF_FIELDS = [
  'Handoff_Id__c',
  'Record_Key__c',
  'Status__c',
  'Version__c',
  'Opportunity__c',
  'Submitted_By__c',
  'Submitted_At__c',
  'Accepted_By__c',
  'Accepted_At__c',
  'Rejected_By__c',
  'Rejected_At__c',
  'Rejection_Reason__c',
  'Rejection_Comment__c',
  'LastModifiedDate',
].map((f) => `${HANDOFF}.${f}`);

export const ITEM_FIELDS = [
  'Item_Id__c',
  'Item_Key__c',
  'Required__c',
  'Done__c',
  'Value__c',
  'Done_By__c',
  'Done_At__c',
].map((f) => `${ITEM}.${f}`);

/** Standard Opportunity fields every panel needs, beside the playbook's own fields. */
export const OPPORTUNITY_FIELDS = [
  'Opportunity.StageName',
  'Opportunity.OwnerId',
  'Opportunity.AccountId',
  'Opportunity.CreatedDate',
];
/** An Account's opportunities (related list `Opportunities`): the panel's fields and the name. */
export const ACCOUNT_OPPORTUNITY_FIELDS = ['Opportunity.Name', ...OPPORTUNITY_FIELDS];
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
