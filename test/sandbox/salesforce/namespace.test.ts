// The package installed under its namespace, as a subscriber org has it (`handoff__Handoff__c`;
// https://developer.salesforce.com/docs/atlas.en-us.pkg2_dev.meta/pkg2_dev/sfdx_dev_dev2gp_plan_namespaces.htm):
// names without the prefix do not exist there, the panel's reads and writes go through the core's
// orgNames and the platform's gql rewrite, and the validation rules hold under the namespace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OPPORTUNITY_FIELDS,
  buildSnapshot,
  graphNodes,
  itemsByHandoff,
  orgNames,
  planAction,
  viewerFrom,
} from '../../../salesforce-package/scripts/handoff-core/entry.js';
import type { UiRecord } from '../../../salesforce-package/scripts/handoff-core/records.js';
import { qualifyGraphql } from '../../../salesforce-package/scripts/namespace.js';
import { defaultPlaybook } from '../../../sandbox/server/salesforce/package.js';
import { startTestOrg, type TestOrg } from './org.js';

const NAMESPACE = 'handoff';
/** What `@salesforce/schema/Handoff__c` gives the panel in this org. */
const ORG = orgNames(`${NAMESPACE}__Handoff__c`);
/** The panel's items query as its source has it; the platform rewrites it for the namespace. */
const ITEMS = `query items($recordId: ID) { uiapi { query {
  Handoff_Item__c(where: { Handoff__r: { Opportunity__c: { eq: $recordId } } }, first: 200) {
    edges { node { Id Handoff__c { value } Item_Id__c { value } Done__c { value } } } } } } }`;

describe('the package under its namespace', () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await startTestOrg({ namespace: NAMESPACE });
  }, 60_000);
  afterAll(async () => {
    await org?.close();
  });

  it('when a caller names the package without its prefix, then the org does not know the object or the field', async () => {
    const query = await org.call('admin', 'GET', 'query?q=SELECT+Id+FROM+Handoff__c');
    expect(query.status).toBe(400);
    expect((query.body as { errorCode: string }[])[0]?.errorCode).toBe('INVALID_TYPE');
    const list = await org.call(
      'cs',
      'GET',
      `ui-api/related-list-records/${org.opportunityId}/Handoffs__r?fields=Handoff__c.Status__c`,
    );
    expect(list.status).toBeGreaterThanOrEqual(400);
    const graph = await org.call('cs', 'POST', 'graphql', {
      query: ITEMS,
      variables: { recordId: org.opportunityId },
    });
    expect((graph.body as { errors?: unknown[] }).errors?.length).toBeGreaterThan(0);
  });

  it('when the panel reads with the org’s names, then headers come back qualified and read as the source’s, and the rewritten gql answers under the source’s names', async () => {
    const list = await org.call(
      'cs',
      'GET',
      `ui-api/related-list-records/${org.opportunityId}/${ORG.handoffsList}?fields=${ORG.handoffFields.join(',')}`,
    );
    expect(list.status).toBe(200);
    const [raw] = (list.body as { records: UiRecord[] }).records;
    expect(raw?.fields[`${NAMESPACE}__Status__c`]?.value).toBe('submitted');
    expect(raw && ORG.local(raw).fields.Status__c?.value).toBe('submitted');

    const graph = await org.call('cs', 'POST', 'graphql', {
      query: qualifyGraphql(ITEMS, NAMESPACE),
      variables: { recordId: org.opportunityId },
    });
    expect(graph.status).toBe(200);
    const body = graph.body as {
      data: { uiapi: { query: Record<string, unknown> } };
      errors?: unknown[];
    };
    expect(body.errors ?? []).toEqual([]);
    // The alias the rewrite adds keeps the connection under the source's name.
    expect(Object.keys(body.data.uiapi.query)).toEqual(['Handoff_Item__c']);
    expect(graphNodes(body.data, 'Handoff_Item__c')).toEqual([]);
  });

  it('when a rep accepts, then the packaged rule refuses it under the qualified field; when the CS manager accepts as the panel plans it, then it is stored', async () => {
    const q = org.q;
    const refused = await org.call('rep', 'PATCH', `ui-api/records/${org.handoffId}`, {
      fields: {
        [q('Status__c')]: 'accepted',
        [q('Action__c')]: 'accept',
        [q('Action_Id__c')]: 'rep-accept',
        [q('Version__c')]: 10,
        [q('Accepted_By__c')]: org.users.rep,
        [q('Accepted_At__c')]: new Date(org.clock.now()).toISOString(),
      },
    });
    expect(refused.status).toBe(400);
    const error = refused.body as {
      output: { fieldErrors: Record<string, { message: string }[]> };
    };
    expect(error.output.fieldErrors[q('Status__c')]?.[0]?.message).toBe(
      'Only CS manager or RevOps admin may accept Sales → CS: add the role to the Handoff roles on your User record.',
    );

    // The panel's way: read, let the core plan the accept, send it in the org's names.
    const playbook = defaultPlaybook();
    const opportunity = (
      await org.call(
        'cs',
        'GET',
        `ui-api/records/${org.opportunityId}?fields=${OPPORTUNITY_FIELDS.join(',')}`,
      )
    ).body as UiRecord;
    const list = await org.call(
      'cs',
      'GET',
      `ui-api/related-list-records/${org.opportunityId}/${ORG.handoffsList}?fields=${ORG.handoffFields.join(',')}`,
    );
    const headers = (list.body as { records: UiRecord[] }).records.map(ORG.local);
    const graph = await org.call('cs', 'POST', 'graphql', {
      query: qualifyGraphql(ITEMS, NAMESPACE),
      variables: { recordId: org.opportunityId },
    });
    const items = itemsByHandoff(
      graphNodes((graph.body as { data: unknown }).data, 'Handoff_Item__c'),
    );
    const snapshot = buildSnapshot(playbook, { opportunity, handoffs: headers, items });
    const header = headers[0] as UiRecord;
    const plan = planAction(
      {
        playbook,
        snapshot,
        viewer: viewerFrom(org.users.cs, 'cs_manager', playbook),
        now: org.clock.now(),
        header,
        rows: items[header.id] ?? [],
        actionId: 'cs-accept',
      },
      { type: 'accept' },
    );
    if (!plan.ok) throw new Error(plan.message);
    const write = ORG.input(plan.writes.handoff ?? { fields: {} });
    expect(Object.keys(write.fields)).toContain(q('Accepted_By__c'));
    const accepted = await org.call('cs', 'PATCH', `ui-api/records/${org.handoffId}`, write);
    expect(accepted.status).toBe(200);
    expect(org.emulator.records(q('Handoff__c'))[0]?.[q('Status__c')]).toBe('accepted');
  });
});
