// The package's API names as the org the panel runs in spells them. In a subscriber org every name
// the package defines carries its namespace (`handoff__Handoff__c`); Lightning Data Service does not
// add it to strings (only `@salesforce/schema` imports and `gql` queries are resolved by the
// platform), so the panels derive the prefix at run time from a schema import's `objectApiName`
// and qualify what they send through here. The adapter itself (snapshot, writes, display) speaks
// the source's names: records are localized on the way in, writes qualified on the way out, so one
// committed c/handoffCore works with and without a namespace.
import { MILESTONE_FIELDS } from './milestones.js';
import { HANDOFF_PEOPLE, type UiField, type UiRecord } from './records.js';
import type { RecordInput } from './writes.js';

/** The Handoff object's name in source; its schema import tells the org's spelling. */
export const HANDOFF_LOCAL = 'Handoff__c';

/** `handoff__Handoff__c` → `handoff`; `Handoff__c` (no namespace) → ``. */
export function namespaceOf(handoffObjectApiName: string): string {
  const at = handoffObjectApiName.lastIndexOf(`__${HANDOFF_LOCAL}`);
  return at > 0 ? handoffObjectApiName.slice(0, at) : '';
}

/** Fields of Handoff__c the panels read (the related list API wants them qualified). */
const HEADER_FIELDS = [
  'Handoff_Id__c',
  'Record_Key__c',
  'Status__c',
  'Version__c',
  'Opportunity__c',
  ...MILESTONE_FIELDS,
  'Rejection_Reason__c',
  'Rejection_Comment__c',
  'Assigned_CSM__c',
];
/**
 * The people's names, read through the lookups' relationships in the same related-list read
 * (`Handoff__c.Submitted_By__r.Name`). Optional: a viewer who may not read User names still gets
 * the panel, with times only. The UI API answers a relationship field with the parent's Record
 * representation (https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_responses_record.htm).
 */
const PEOPLE = Object.values(HANDOFF_PEOPLE);

/** `X__c` / `X__r` without a namespace: in a package's records and writes, always the package's own. */
function unprefixedCustom(name: string): boolean {
  return /__[cr]$/.test(name) && name.split('__').length === 2;
}

export interface OrgNames {
  namespace: string;
  /** A name the package defines (`Status__c`) as the org spells it; standard names unchanged. */
  q(name: string): string;
  handoff: string;
  item: string;
  playbook: string;
  /** The Opportunity's and the Account's related list of handoffs (`Handoffs__r`). */
  handoffsList: string;
  /** getRelatedListRecords `fields`: `Handoff__c.Status__c`, … and LastModifiedDate. */
  handoffFields: string[];
  /** The people's names through the User lookups (`Handoff__c.Submitted_By__r.Name`). */
  handoffPeopleFields: string[];
  /** A record from LDS with the package's field names as the source says them. */
  local(record: UiRecord): UiRecord;
  /** A write the adapter planned, in the org's names. */
  input(input: RecordInput): RecordInput;
}

/** The names for the org whose Handoff object is called `handoffObjectApiName`. */
export function orgNames(handoffObjectApiName: string = HANDOFF_LOCAL): OrgNames {
  const namespace = namespaceOf(handoffObjectApiName);
  const prefix = namespace === '' ? '' : `${namespace}__`;
  const q = (name: string) => (prefix !== '' && unprefixedCustom(name) ? prefix + name : name);
  // Only the package's names carry its prefix: the namespace is unique to it.
  const unq = (name: string) =>
    prefix !== '' && name.startsWith(prefix) ? name.slice(prefix.length) : name;
  const handoff = q('Handoff__c');
  return {
    namespace,
    q,
    handoff,
    item: q('Handoff_Item__c'),
    playbook: q('Handoff_Playbook__c'),
    handoffsList: q('Handoffs__r'),
    handoffFields: [
      ...HEADER_FIELDS.map((f) => `${handoff}.${q(f)}`),
      `${handoff}.LastModifiedDate`,
    ],
    handoffPeopleFields: PEOPLE.map((r) => `${handoff}.${q(r)}.Name`),
    local(record) {
      if (prefix === '') return record;
      const fields: Record<string, UiField | undefined> = {};
      for (const [name, field] of Object.entries(record.fields)) fields[unq(name)] = field;
      return { ...record, fields };
    },
    input(input) {
      if (prefix === '') return input;
      const fields: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(input.fields)) fields[q(name)] = value;
      return { ...(input.apiName ? { apiName: q(input.apiName) } : {}), fields };
    },
  };
}
