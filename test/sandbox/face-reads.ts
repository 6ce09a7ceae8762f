// How the sandbox faces tests read one record on each face: the HubSpot card's view through the
// card host's hubspot.fetch, and the Salesforce panel's view built by its own adapter from the
// emulator's records, read through /sf/api as the panel's LDS wires and gql query read them (Stage
// History and people included). The org has the package under its namespace, so the reads go as
// the panel's do: LDS strings qualified by the core's orgNames, the gql query as the platform
// rewrites it.
import { expect } from 'vitest';
import { evaluateRecord, paths, type RecordView } from '@handoff/shared';
import {
  OPPORTUNITY_FIELDS,
  OPPORTUNITY_OPTIONAL,
  STAGE_HISTORY_FIELDS,
  STAGE_HISTORY_LIST,
  STAGE_HISTORY_SORT,
  buildSnapshot,
  opportunityFields,
  orgNames,
  peopleOf,
  readPlaybook,
  viewerFrom,
} from '../../salesforce-package/scripts/handoff-core/entry.js';
import type { UiRecord } from '../../salesforce-package/scripts/handoff-core/records.js';
import {
  namespacePrefix,
  qualify,
  qualifyGraphql,
} from '../../salesforce-package/scripts/namespace.js';
import { CARD_BACKEND_URL } from '../../sandbox/server/card-host.js';
import type { Sandbox } from '../../sandbox/server/sandbox.js';

const ITEMS_QUERY = `query items($recordId: ID) { uiapi { query {
  Handoff_Playbook__c(where: { Active__c: { eq: true } }, first: 1) { edges { node { Id Playbook_Text__c { value } } } }
  Handoff_Item__c(where: { Handoff__r: { Opportunity__c: { eq: $recordId } } }, first: 200) {
    edges { node { Id Handoff__c { value } Item_Id__c { value } Item_Key__c { value } Required__c { value }
      Done__c { value } Value__c { value } Done_By__c { value } Done_By__r { Name { value } }
      Done_At__c { value } } } } } } }`;

/** What `@salesforce/schema/Handoff__c` and `…/User.Handoff_Roles__c` give the panel in this org. */
const NAMESPACE = namespacePrefix();
const ORG = orgNames(qualify('Handoff__c', NAMESPACE));
const ROLES_FIELD = qualify('Handoff_Roles__c', NAMESPACE);
/** The query as the platform sends it for a package with a namespace. */
const ORG_ITEMS_QUERY = qualifyGraphql(ITEMS_QUERY, NAMESPACE);

/** The reads of the sandbox `current()` answers (started in the test's beforeAll). */
export function faceReads(current: () => Sandbox) {
  /** A Salesforce API call as `viewer`, expected to answer 200. */
  const sf = async <T>(viewer: string, path: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(`${current().url}/sf/api/${path}`, {
      ...init,
      headers: { 'X-Handoff-Viewer': viewer, 'content-type': 'application/json' },
    });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };

  /** The card API's view of a seeded deal, fetched as the card does through the host. */
  async function hubspotView(deal: string, viewer: string): Promise<RecordView> {
    const sandbox = current();
    const userId = sandbox.meta.people.find((p) => p.key === viewer)?.userId ?? '';
    const response = await fetch(`${sandbox.url}/host/fetch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        url: `${CARD_BACKEND_URL}${paths.record('deals', sandbox.meta.deals[deal] ?? '')}`,
        method: 'GET',
        userId,
      }),
    });
    const answer = (await response.json()) as { status: number; body: RecordView };
    expect(answer.status).toBe(200);
    return answer.body;
  }

  /** The panel's reads, in the order its wires make them, and its evaluation. */
  async function salesforceView(deal: string, viewer: string): Promise<RecordView> {
    const sandbox = current();
    const id = sandbox.meta.salesforce?.opportunities[deal] ?? '';
    const session = (await (await fetch(`${sandbox.url}/sf/session?viewer=${viewer}`)).json()) as {
      userId: string;
    };
    // The panel's roles: the Handoff roles on the viewer's own User record, read through the UI API.
    const user = await sf<UiRecord>(
      viewer,
      `ui-api/records/${session.userId}?fields=User.${ROLES_FIELD}`,
    );
    const graph = await sf<{
      data: { uiapi: { query: Record<string, { edges: { node: Record<string, unknown> }[] }> } };
    }>(viewer, 'graphql', {
      method: 'POST',
      body: JSON.stringify({ query: ORG_ITEMS_QUERY, variables: { recordId: id } }),
    });
    const nodes = (name: string): UiRecord[] =>
      (graph.data.uiapi.query[name]?.edges ?? []).map(({ node }) => ({
        id: String(node.Id),
        fields: node as UiRecord['fields'],
      }));
    const parsed = readPlaybook(
      nodes('Handoff_Playbook__c')[0]?.fields.Playbook_Text__c?.value as string,
    );
    if (!parsed.ok)
      throw new Error(`the org’s active playbook does not parse: ${JSON.stringify(parsed.issues)}`);
    const playbook = parsed.playbook;
    const optional = [...OPPORTUNITY_OPTIONAL, ...opportunityFields(playbook)];
    const opportunity = await sf<UiRecord>(
      viewer,
      `ui-api/records/${id}?fields=${OPPORTUNITY_FIELDS.join(',')}&optionalFields=${optional.join(',')}`,
    );
    const headers = await sf<{ records: UiRecord[] }>(
      viewer,
      `ui-api/related-list-records/${id}/${ORG.handoffsList}?fields=${ORG.handoffFields.join(',')}&optionalFields=${ORG.handoffPeopleFields.join(',')}`,
    );
    const handoffs = headers.records.map(ORG.local);
    const history = await sf<{ records: UiRecord[] }>(
      viewer,
      `ui-api/related-list-records/${id}/${STAGE_HISTORY_LIST}?fields=${STAGE_HISTORY_FIELDS.join(',')}&sortBy=${STAGE_HISTORY_SORT.join(',')}&pageSize=200`,
    );
    const items: Record<string, UiRecord[]> = {};
    for (const row of nodes('Handoff_Item__c')) {
      const handoff = String(row.fields.Handoff__c?.value);
      (items[handoff] = items[handoff] ?? []).push(row);
    }
    const snapshot = buildSnapshot(playbook, {
      opportunity,
      handoffs,
      items,
      stageHistory: history.records,
    });
    const view = evaluateRecord(
      playbook,
      snapshot,
      viewerFrom(session.userId, user.fields[ROLES_FIELD]?.value, playbook),
      sandbox.clock.now(),
    );
    view.people = peopleOf(handoffs, items);
    return view;
  }

  return { sf, hubspotView, salesforceView };
}
