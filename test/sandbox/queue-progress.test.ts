// One progress measure on every face (issue 18): for every seeded open handoff, the checklist
// progress HubSpot's queue page shows equals the card's, and the progress Salesforce's handoffQueue
// shows equals the panel's — and the two queues agree with each other. The Salesforce queue is read
// as the component reads it: its own gql queries (as the platform rewrites them for the package's
// namespace), page by page, then the playbook's Opportunity fields in getRecords batches.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagePaths, progressOf, recordDisplay, type QueueResponse } from '@handoff/shared';
import {
  graphNodes,
  itemsByHandoff,
  opportunityFields,
  opportunityIdPages,
  panelModel,
  queueModel,
  readPlaybook,
} from '../../salesforce-package/scripts/handoff-core/entry.js';
import type { UiRecord } from '../../salesforce-package/scripts/handoff-core/records.js';
import { namespacePrefix, qualifyGraphql } from '../../salesforce-package/scripts/namespace.js';
import { CARD_BACKEND_URL } from '../../sandbox/server/card-host.js';
import { startSandbox, type Sandbox } from '../../sandbox/server/sandbox.js';
import { faceReads } from './face-reads.js';

const ZONE = 'America/New_York';
const SOURCE = readFileSync(
  join(
    import.meta.dirname,
    '../../salesforce-package/force-app/main/default/lwc/handoffQueue/handoffQueue.js',
  ),
  'utf8',
);
/** The component's own query text, as the platform sends it for a namespaced package. */
function componentQuery(name: string): string {
  const found = new RegExp(`const ${name} = gql\`([^\`]*)\``).exec(SOURCE)?.[1];
  if (!found) throw new Error(`handoffQueue.js has no gql query ${name}`);
  return qualifyGraphql(found, namespacePrefix());
}

describe('queue progress equals the card’s and the panel’s', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'handoff-queue-progress-'));
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ dataDir, port: 0 });
  }, 120_000);
  afterAll(async () => {
    await sandbox?.close();
  });
  const { sf, hubspotView, salesforceView } = faceReads(() => sandbox);

  /** Every row of HubSpot's queue page as an admin sees everyone's, page by page. */
  async function hubspotQueue(): Promise<Map<string, string>> {
    const userId = sandbox.meta.people.find((p) => p.key === 'admin')?.userId ?? '';
    const out = new Map<string, string>();
    for (let offset = 0; ; offset += 100) {
      const response = await fetch(`${sandbox.url}/host/fetch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          url: `${CARD_BACKEND_URL}${pagePaths.queue}?scope=everyone&limit=100&offset=${offset}`,
          method: 'GET',
          userId,
        }),
      });
      const answer = (await response.json()) as { status: number; body: QueueResponse };
      expect(answer.status).toBe(200);
      // Deals only: the Salesforce queue lists Opportunities, and the panel is not on Leads yet.
      // (The HubSpot queue also holds the MQL and expansion handoffs of contacts and companies.)
      for (const row of answer.body.rows)
        if (row.objectType === 'deal')
          out.set(`${row.recordId}:${row.handoffId}`, progressOf({ progress: row.checklist }).text);
      if (offset + 100 >= answer.body.total) return out;
    }
  }

  /** Every row of Salesforce's handoffQueue for a viewer holding every role, read as it reads. */
  async function salesforceQueue(): Promise<Map<string, string>> {
    const graph = async (query: string, after: string | null) =>
      (
        await sf<{ data: unknown }>('admin', 'graphql', {
          method: 'POST',
          body: JSON.stringify({ query, variables: { after } }),
        })
      ).data;
    const pages = async (query: string, object: string) => {
      const rows: UiRecord[] = [];
      let first: unknown;
      for (let after: string | null = null; ;) {
        const data = await graph(query, after);
        first ??= data;
        rows.push(...graphNodes(data, object));
        const info = (
          data as {
            uiapi: {
              query: Record<string, { pageInfo: { hasNextPage: boolean; endCursor: string } }>;
            };
          }
        ).uiapi.query[object]?.pageInfo;
        if (!info?.hasNextPage) return { rows, first };
        after = info.endCursor;
      }
    };
    const handoffs = await pages(componentQuery('HANDOFFS'), 'Handoff__c');
    const items = await pages(componentQuery('ITEMS'), 'Handoff_Item__c');
    const parsed = readPlaybook(
      graphNodes(handoffs.first, 'Handoff_Playbook__c')[0]?.fields.Playbook_Text__c
        ?.value as string,
    );
    if (!parsed.ok) throw new Error('the org’s active playbook does not parse');
    const playbook = parsed.playbook;
    const fields = opportunityFields(playbook);
    expect(fields.length).toBeGreaterThan(0);
    const opportunities: Record<string, UiRecord> = {};
    for (const ids of opportunityIdPages(handoffs.rows)) {
      const batch = await sf<{ results: { statusCode: number; result: UiRecord }[] }>(
        'admin',
        `ui-api/records/batch/${ids.join(',')}?optionalFields=${fields.join(',')}`,
      );
      for (const { statusCode, result } of batch.results) {
        expect(statusCode).toBe(200);
        opportunities[result.id] = result;
      }
    }
    const model = queueModel(
      playbook,
      { handoffs: handoffs.rows, items: itemsByHandoff(items.rows), opportunities },
      { userId: 'queue-progress', roles: Object.keys(playbook.roles) },
      sandbox.clock.now(),
      ZONE,
    );
    return new Map(model.rows.map((row) => [`${row.recordId}:${row.handoffId}`, row.progressText]));
  }

  it('when every open handoff is listed on both queues, then each row’s progress is its card’s, its panel’s and the other queue’s', async () => {
    const hubspot = await hubspotQueue();
    const salesforce = await salesforceQueue();
    expect(hubspot.size).toBeGreaterThan(0);
    expect(salesforce.size).toBeGreaterThan(0);
    const differing: string[] = [];
    let compared = 0;
    let both = 0;
    for (const deal of Object.keys(sandbox.meta.deals)) {
      const hubspotId = sandbox.meta.deals[deal] ?? '';
      const salesforceId = sandbox.meta.salesforce?.opportunities[deal] ?? '';
      // Sixty card views in a burst on the sandbox's still clock would run into HubSpot's
      // per-portal rate limit; the reads compared here are not what is under test.
      sandbox.emulator.resetRateLimits();
      const card = recordDisplay(await hubspotView(deal, 'admin'), ZONE).handoffs;
      const panel = panelModel(await salesforceView(deal, 'admin'), ZONE).handoffs;
      for (const handoff of card) {
        const onPanel = panel.find((h) => h.id === handoff.id)?.progressText;
        const inHubSpot = hubspot.get(`${hubspotId}:${handoff.id}`);
        const inSalesforce = salesforce.get(`${salesforceId}:${handoff.id}`);
        if (inHubSpot !== undefined) {
          compared++;
          if (inHubSpot !== handoff.progress.text)
            differing.push(
              `${deal} ${handoff.id}: HubSpot queue "${inHubSpot}", card "${handoff.progress.text}"`,
            );
        }
        if (inSalesforce !== undefined) {
          compared++;
          if (inSalesforce !== onPanel)
            differing.push(
              `${deal} ${handoff.id}: Salesforce queue "${inSalesforce}", panel "${onPanel}"`,
            );
        }
        if (inHubSpot !== undefined && inSalesforce !== undefined) both++;
        if (inHubSpot !== undefined && inSalesforce !== undefined && inHubSpot !== inSalesforce)
          differing.push(
            `${deal} ${handoff.id}: HubSpot queue "${inHubSpot}", Salesforce queue "${inSalesforce}"`,
          );
      }
    }
    expect(differing).toEqual([]);
    expect(compared).toBe(hubspot.size + salesforce.size);
    // Most open handoffs are on both queues (each CRM's own store decides which are open).
    expect(both).toBeGreaterThan(10);
  }, 300_000);
});
