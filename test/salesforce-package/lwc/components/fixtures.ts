// Records as Lightning Data Service delivers them, for a Closed Won opportunity on the default
// playbook, whose "Sales → CS" handoff opens there.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePlaybookText, type Playbook } from '@handoff/shared';

// jsdom replaces URL, so the path is built with node:path.
const here = dirname(fileURLToPath(import.meta.url));
const yaml = readFileSync(join(here, '../../../../shared/playbooks/default.yaml'), 'utf8');
const parsed = parsePlaybookText(yaml);
if (!parsed.ok) throw new Error('the default playbook must parse');
export const PLAYBOOK: Playbook = parsed.playbook;
export const PLAYBOOK_JSON = JSON.stringify(PLAYBOOK);

export const OPP_ID = '006000000000001AAA';
export const ACCOUNT_ID = '001000000000001AAA';
export const HEADER_ID = 'a01000000000001AAA';
export const MODIFIED = '2026-11-20T15:00:00.000Z';
/** A rejection half an hour after the submission, before the header's last change (MODIFIED). */
export const REJECTED = '2026-11-20T14:30:00.000Z';

const f = (value: unknown) => ({ value, displayValue: null });

/** The seed's people other than the viewer (harness USER_ID), by user id. */
export const REP_ID = '005000000000002AAA';
export const CSM_ID = '005000000000003AAA';
export const NAMES: Record<string, string> = { [REP_ID]: 'Riley Rep', [CSM_ID]: 'Casey Manager' };
/** A lookup's relationship as the UI API returns it: the User's Record representation, nested. */
const related = (id: string) => ({
  displayValue: NAMES[id] ?? null,
  value: { apiName: 'User', id, fields: { Name: f(NAMES[id]) } },
});

export function opportunity(stageName = 'Closed Won', extra: Record<string, unknown> = {}) {
  return {
    id: OPP_ID,
    apiName: 'Opportunity',
    fields: Object.fromEntries(
      Object.entries({
        StageName: stageName,
        OwnerId: '005000000000002AAA',
        AccountId: ACCOUNT_ID,
        CreatedDate: '2026-10-01T12:00:00.000Z',
        LastStageChangeDate: '2026-11-19T15:00:00.000Z',
        Amount: 50000,
        ARR__c: 48000,
        Contract_Start__c: '2027-01-01',
        NextStep: 'Kickoff',
        ...extra,
      }).map(([k, v]) => [k, f(v)]),
    ),
  };
}

export type Status = 'not_started' | 'in_progress' | 'submitted' | 'accepted' | 'rejected';

/** `names`: the people's names come with the header (the panel's optionalFields), else only ids. */
export function header(status: Status, version = 3, names = true) {
  const fields: Record<string, unknown> = {
    Handoff_Id__c: 'sales_to_cs',
    Record_Key__c: `${OPP_ID}:sales_to_cs`,
    Status__c: status,
    Version__c: version,
    Opportunity__c: OPP_ID,
    LastModifiedDate: MODIFIED,
  };
  if (status === 'submitted' || status === 'accepted' || status === 'rejected') {
    fields.Submitted_By__c = REP_ID;
    fields.Submitted_At__c = '2026-11-20T14:00:00.000Z';
  }
  if (status === 'accepted') {
    fields.Accepted_By__c = CSM_ID;
    fields.Accepted_At__c = MODIFIED;
  }
  if (status === 'rejected') {
    fields.Rejected_By__c = CSM_ID;
    fields.Rejected_At__c = REJECTED;
    fields.Rejection_Reason__c = 'missing_information';
    fields.Rejection_Comment__c = 'Add the champion';
  }
  const people = Object.fromEntries(
    ['Submitted_By', 'Accepted_By', 'Rejected_By']
      .filter((lookup) => names && typeof fields[`${lookup}__c`] === 'string')
      .map((lookup) => [`${lookup}__r`, related(fields[`${lookup}__c`] as string)]),
  );
  return {
    id: HEADER_ID,
    apiName: 'Handoff__c',
    lastModifiedDate: MODIFIED,
    fields: {
      ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, f(v)])),
      ...people,
    },
  };
}

/** Typed-in items of the cs_handoff checklist; `done` fills every required one. */
const TYPED: Record<string, string> = {
  customer_goals: 'Cut onboarding time in half',
  promises: 'None beyond the contract',
  champion: 'Dana Diaz',
  executive_sponsor: 'Lee Park',
  renewal_date: '2028-01-01',
  implementation: 'SSO and a data import',
  complexity: 'Medium',
  kickoff_date: '2027-01-05',
};

export function itemNodes(done: boolean) {
  const ids = [...Object.keys(TYPED), 'risks', 'intro_call'];
  return ids.map((id, n) => {
    const filled = done && id in TYPED;
    return {
      Id: `a02${String(n).padStart(15, '0')}`,
      Handoff__c: f(HEADER_ID),
      Item_Id__c: f(id),
      Item_Key__c: f(`${OPP_ID}:sales_to_cs:${id}`),
      Required__c: f(id in TYPED),
      Done__c: f(filled),
      Value__c: f(filled ? TYPED[id] : null),
      Done_By__c: f(filled ? REP_ID : null),
      // GraphQL nests the parent's fields under the relationship, or null without one.
      Done_By__r: filled ? { Name: { value: NAMES[REP_ID] } } : null,
      Done_At__c: f(filled ? '2026-11-20T13:00:00.000Z' : null),
    };
  });
}

export function graph(playbookText: string | null, items: unknown[] = []) {
  const edges = (nodes: unknown[]) => ({ edges: nodes.map((node) => ({ node })) });
  return {
    uiapi: {
      query: {
        Handoff_Playbook__c: edges(
          playbookText === null
            ? []
            : [{ Id: 'a03000000000001AAA', Playbook_Text__c: f(playbookText) }],
        ),
        Handoff_Item__c: edges(items),
      },
    },
  };
}
