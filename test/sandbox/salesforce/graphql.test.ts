// The UI API GraphQL endpoint answers the exact queries the panel and the admin component send
// (read from their source) with the same records and values as the equivalent SOQL.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestOrg, type TestOrg } from './org.js';

const LWC = new URL('../../../salesforce-package/force-app/main/default/lwc/', import.meta.url);
const queryOf = (component: string) => {
  const source = readFileSync(new URL(`${component}/${component}.js`, LWC), 'utf8');
  const match = /gql`([\s\S]*?)`/.exec(source);
  if (!match?.[1]) throw new Error(`no gql query in ${component}.js`);
  return match[1];
};

type Node = Record<string, unknown> & { Id: string };
interface GraphAnswer {
  data: { uiapi: { query: Record<string, { edges: { node: Node }[] }> } } | null;
  errors: { message: string }[];
}

/** A field's value as one instant or value, whichever format the API wrote it in. */
const normal = (v: unknown) =>
  typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? Date.parse(v.replace('+0000', 'Z')) : v;

describe('the emulator’s UI API GraphQL', () => {
  let org: TestOrg;
  const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
    const { status, body } = await org.call('rep', 'POST', 'graphql', { query, variables });
    expect(status).toBe(200);
    return body as GraphAnswer;
  };
  const soql = async (q: string) => {
    const { body } = await org.call('rep', 'GET', `query?q=${encodeURIComponent(q)}`);
    return (body as { records: Node[] }).records;
  };

  beforeAll(async () => {
    org = await startTestOrg();
    org.emulator.seed.record('Handoff_Playbook__c', {
      Name: 'Old',
      Active__c: false,
      Playbook_Text__c: '{"old":true}',
    });
    org.emulator.seed.record('Handoff_Playbook__c', {
      Name: 'Current',
      Active__c: true,
      Playbook_Text__c: '{"current":true}',
    });
    const items = ['customer_goals', 'champion', 'risks'];
    items.forEach((itemId, i) =>
      org.emulator.seed.record('Handoff_Item__c', {
        Handoff__c: org.handoffId,
        Item_Id__c: itemId,
        Item_Key__c: `${org.handoffId}:${itemId}`,
        Required__c: i < 2,
        Done__c: i === 1,
        ...(i === 1
          ? {
              Value__c: 'Priya Raman',
              Done_By__c: org.users.rep,
              Done_At__c: '2026-11-17T15:00:00.000Z',
            }
          : {}),
      }),
    );
    // Another opportunity's item, which the filter must leave out.
    const other = org.emulator.seed.opportunity({
      Name: 'Other',
      StageName: 'Closed Won',
      CloseDate: '2026-11-01',
    });
    const otherHeader = org.emulator.seed.record('Handoff__c', {
      Opportunity__c: other,
      Handoff_Id__c: 'sales_to_cs',
      Record_Key__c: `${other}:sales_to_cs`,
      Status__c: 'not_started',
    });
    org.emulator.seed.record('Handoff_Item__c', {
      Handoff__c: otherHeader,
      Item_Id__c: 'champion',
      Item_Key__c: `${otherHeader}:champion`,
    });
  }, 60_000);
  afterAll(async () => {
    await org?.close();
  });

  it('when the panel’s query runs for an opportunity, then its items and active playbook equal the SOQL answer', async () => {
    const answer = await graphql(queryOf('handoffPanel'), { recordId: org.opportunityId });
    expect(answer.errors).toEqual([]);
    const query = answer.data?.uiapi.query ?? {};
    const fields = [
      'Handoff__c',
      'Item_Id__c',
      'Item_Key__c',
      'Required__c',
      'Done__c',
      'Value__c',
      'Done_By__c',
      'Done_At__c',
    ];
    const expected = await soql(
      `SELECT Id, ${fields.join(', ')} FROM Handoff_Item__c WHERE Handoff__r.Opportunity__c = '${org.opportunityId}' LIMIT 200`,
    );
    expect(expected).toHaveLength(3);
    const nodes = (query.Handoff_Item__c?.edges ?? []).map((e) => e.node);
    expect(nodes.map((n) => n.Id)).toEqual(expected.map((r) => r.Id));
    for (const [i, node] of nodes.entries())
      for (const field of fields)
        expect(normal((node[field] as { value: unknown }).value)).toEqual(
          normal(expected[i]?.[field]),
        );
    // Who set each item, by name through the User relationship, as SOQL's Done_By__r.Name.
    const names = await soql(
      `SELECT Id, Done_By__r.Name FROM Handoff_Item__c WHERE Handoff__r.Opportunity__c = '${org.opportunityId}' LIMIT 200`,
    );
    expect(names.some((r) => r.Done_By__r)).toBe(true);
    expect(nodes.map((n) => n.Done_By__r)).toEqual(
      names.map((r) => {
        const user = r.Done_By__r as { Name: string } | null;
        return user ? { Name: { value: user.Name } } : null;
      }),
    );
    const playbooks = (query.Handoff_Playbook__c?.edges ?? []).map((e) => e.node);
    const active = await soql(
      'SELECT Id, Playbook_Text__c FROM Handoff_Playbook__c WHERE Active__c = true LIMIT 1',
    );
    expect(playbooks).toEqual([
      { Id: active[0]?.Id, Playbook_Text__c: { value: '{"current":true}' } },
    ]);
  });

  it('when the admin component’s query runs, then it finds the one active playbook', async () => {
    const answer = await graphql(queryOf('handoffAdmin'));
    expect(answer.data?.uiapi.query.Handoff_Playbook__c?.edges).toHaveLength(1);
  });

  it('when filters combine, order and page, then the answer equals the SOQL with the same WHERE, ORDER BY and LIMIT', async () => {
    const query = `query items($h: ID) { uiapi { query {
      Handoff_Item__c(where: { and: [ { Handoff__c: { eq: $h } }, { or: [ { Required__c: { eq: true } }, { Item_Id__c: { like: "ri%" } } ] } ] },
                      orderBy: { Item_Id__c: { order: DESC } }, first: 2) {
        edges { node { Id Item_Id__c { value } Handoff__r { Status__c { value } } } }
        totalCount
        pageInfo { hasNextPage endCursor }
      } } } }`;
    const answer = await graphql(query, { h: org.handoffId });
    const expected = await soql(
      `SELECT Id, Item_Id__c, Handoff__r.Status__c FROM Handoff_Item__c WHERE Handoff__c = '${org.handoffId}' AND (Required__c = true OR Item_Id__c LIKE 'ri%') ORDER BY Item_Id__c DESC`,
    );
    const connection = answer.data?.uiapi.query.Handoff_Item__c as unknown as {
      edges: { node: Node }[];
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
    expect(connection.totalCount).toBe(expected.length);
    expect(connection.edges.map((e) => (e.node.Item_Id__c as { value: string }).value)).toEqual(
      expected.slice(0, 2).map((r) => r.Item_Id__c),
    );
    expect(connection.edges[0]?.node.Handoff__r).toEqual({ Status__c: { value: 'submitted' } });
    expect(connection.pageInfo.hasNextPage).toBe(expected.length > 2);
  });

  it('when the query names an unknown object or is malformed, then GraphQL errors say where', async () => {
    const unknown = await graphql(
      'query { uiapi { query { Nope__c { edges { node { Id } } } } } }',
    );
    expect(unknown.data).toBeNull();
    expect(unknown.errors[0]?.message).toContain("'Nope__c'");
    const malformed = await graphql('query { uiapi { query { Handoff_Item__c(first: ) } } }');
    expect(malformed.errors[0]?.message).toMatch(/^Invalid Syntax/);
  });
});
