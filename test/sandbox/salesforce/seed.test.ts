// The Salesforce half of the sandbox seed: the same deals, stages, handoff states and playbook as the
// HubSpot half, read back from both CRMs through their APIs (never from the seed code's own lists).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_FILE } from '../../../sandbox/server/data-dir.js';
import { startSandbox, type Sandbox } from '../../../sandbox/server/sandbox.js';
import { SEEDED_AT } from '../../../sandbox/server/seed/time.js';
import { ny } from '../../../sandbox/server/seed/time.js';
import {
  namespacePrefix,
  qualify,
  qualifyFormula,
  unqualify,
} from '../../../salesforce-package/scripts/namespace.js';

/** The sandbox's org has the package under its namespace, as a subscriber org does. */
const NAMESPACE = namespacePrefix();
const q = (name: string) => qualify(name, NAMESPACE);
/** A row with the package's names as its source says them (nested parents too). */
function local(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([f, v]) => [
      unqualify(f, NAMESPACE),
      v && typeof v === 'object' && !Array.isArray(v) ? local(v as Record<string, unknown>) : v,
    ]),
  );
}

interface Row {
  id: string;
  name: string;
  amount: string | null;
  handoffs: { id: string; status: string }[];
}

type SfRecord = Record<string, unknown> & { Id: string };

describe('the sandbox seed in Salesforce', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'handoff-sf-seed-'));
  let sandbox: Sandbox;
  let deals: Row[];
  /** SOQL written with the package source's names, asked in the org's, answered in the source's. */
  const soql = async (viewer: string, query: string): Promise<SfRecord[]> => {
    const orgQuery = qualifyFormula(query, NAMESPACE);
    const response = await fetch(`${sandbox.url}/sf/api/query?q=${encodeURIComponent(orgQuery)}`, {
      headers: { 'X-Handoff-Viewer': viewer },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { records: SfRecord[] }).records.map(
      (r) => local(r) as SfRecord,
    );
  };
  beforeAll(async () => {
    sandbox = await startSandbox({ dataDir, port: 0 });
    deals = ((await (await fetch(`${sandbox.url}/api/state`)).json()) as { deals: Row[] }).deals;
  }, 120_000);
  afterAll(async () => {
    await sandbox?.close();
  });

  it('when first started, then the org has 60 Opportunities with the HubSpot deals’ names and amounts, and 15 Accounts', async () => {
    const opportunities = await soql('admin', 'SELECT Id, Name, Amount FROM Opportunity');
    expect(opportunities).toHaveLength(60);
    const accounts = await soql('admin', 'SELECT Id, Name FROM Account');
    expect(accounts).toHaveLength(15);
    const hubspot = deals.map((d) => `${d.name}|${Number(d.amount)}`).sort();
    const salesforce = opportunities.map((o) => `${String(o.Name)}|${Number(o.Amount)}`).sort();
    expect(salesforce).toEqual(hubspot);
  });

  it('then every deal stands in the Salesforce stage the playbook maps its HubSpot stage to', async () => {
    const opportunities = await soql('admin', 'SELECT StageName FROM Opportunity');
    const count = (stage: string) => opportunities.filter((o) => o.StageName === stage).length;
    // 22 won, 10 in the appointment stage, 7 qualified, 6 + 5 + 5 further along, 5 lost (deals.ts).
    expect(count('Closed Won')).toBe(22);
    expect(count('Prospecting')).toBe(10);
    expect(count('Qualification')).toBe(7);
    expect(count('Value Proposition')).toBe(6);
    expect(count('Perception Analysis')).toBe(5);
    expect(count('Negotiation/Review')).toBe(5);
    expect(count('Closed Lost')).toBe(5);
  });

  it('then handoff headers stand in the same states as on HubSpot, deal by deal', async () => {
    const headers = await soql(
      'admin',
      'SELECT Handoff_Id__c, Status__c, Opportunity__r.Name FROM Handoff__c',
    );
    const hubspot = deals
      .flatMap((d) => d.handoffs.map((h) => `${d.name}|${h.id}|${h.status}`))
      .sort();
    const salesforce = headers
      .map(
        (h) =>
          `${String((h.Opportunity__r as SfRecord).Name)}|${String(h.Handoff_Id__c)}|${String(h.Status__c)}`,
      )
      .sort();
    expect(salesforce).toEqual(hubspot);
    const count = (status: string) => headers.filter((h) => h.Status__c === status).length;
    expect([
      count('not_started'),
      count('in_progress'),
      count('submitted'),
      count('rejected'),
      count('accepted'),
    ]).toEqual([52, 5, 5, 3, 17]);
  });

  it('then a won deal’s stage history and checklist read as they happened (w17: won 16 Nov 14:00, 8 answers)', async () => {
    const key = 'w17';
    const id = sandbox.meta.salesforce?.opportunities[key] ?? '';
    const [opp] = await soql(
      'admin',
      `SELECT Id, StageName, LastStageChangeDate, (SELECT StageName, CreatedDate FROM OpportunityHistories ORDER BY CreatedDate) FROM Opportunity WHERE Id = '${id}'`,
    );
    const history = (opp?.OpportunityHistories as { records: SfRecord[] }).records;
    expect(history.map((h) => h.StageName)).toEqual([
      'Prospecting',
      'Qualification',
      'Value Proposition',
      'Perception Analysis',
      'Negotiation/Review',
      'Closed Won',
    ]);
    const wonAt = ny('2026-11-16', '14:00');
    expect(Date.parse(String(history.at(-1)?.CreatedDate).replace('+0000', 'Z'))).toBe(wonAt);
    expect(Date.parse(String(opp?.LastStageChangeDate).replace('+0000', 'Z'))).toBe(wonAt);
    const items = await soql(
      'admin',
      `SELECT Item_Id__c, Done__c, Value__c FROM Handoff_Item__c WHERE Handoff__r.Opportunity__c = '${id}' ORDER BY Item_Id__c`,
    );
    const done = items.filter((i) => i.Done__c === true).map((i) => i.Item_Id__c);
    expect(done).toEqual([
      'champion',
      'complexity',
      'customer_goals',
      'executive_sponsor',
      'implementation',
      'kickoff_date',
      'promises',
      'renewal_date',
    ]);
    expect(items.find((i) => i.Item_Id__c === 'champion')?.Value__c).toBe(
      'Priya Raman, Head of Ops',
    );
  });

  it('then the active Handoff playbook record holds the portal’s playbook, users hold the Handoff roles their HubSpot teams give them, and only the admin the admin permission', async () => {
    const [playbook] = await soql(
      'admin',
      'SELECT Playbook_Text__c FROM Handoff_Playbook__c WHERE Active__c = true',
    );
    const parsed = JSON.parse(String(playbook?.Playbook_Text__c)) as {
      name: string;
      stages: unknown[];
      roles: Record<string, unknown>;
    };
    expect(parsed.stages).toHaveLength(11);
    const sessions = await Promise.all(
      ['rep1', 'cs1', 'admin', 'guest'].map(async (viewer) => {
        const response = await fetch(`${sandbox.url}/sf/session?viewer=${viewer}`);
        return (await response.json()) as { customPermissions: string[]; userId: string };
      }),
    );
    expect(sessions.map((s) => s.customPermissions)).toEqual([
      [],
      [],
      // The packaged custom permission, as the org names it.
      [q('Handoff_Admin_Config')],
      [],
    ]);
    expect(sessions[0]?.userId).toMatch(/^005/);
    // Every seeded person's Handoff roles are the role their HubSpot team maps to in the playbook.
    const users = await soql('admin', 'SELECT Username, Handoff_Roles__c FROM User');
    const rolesOf = new Map(
      users.map((u) => [String(u.Username).split('@')[0], u.Handoff_Roles__c]),
    );
    for (const person of sandbox.meta.people)
      expect([person.key, rolesOf.get(person.key)]).toEqual([
        person.key,
        person.role in parsed.roles ? person.role : null,
      ]);
    expect(rolesOf.get('handoff-scanner')).toBeNull();
  });

  it('then the scanner already ran at the seeded instant: a second scan raises no escalation', async () => {
    expect(sandbox.clock.now()).toBe(SEEDED_AT);
    const escalations = await soql('admin', 'SELECT Id, Executed_At__c FROM Handoff_Escalation__c');
    expect(escalations.length).toBeGreaterThan(0);
    expect(escalations.every((e) => e.Executed_At__c !== null)).toBe(true);
    const report = await sandbox.salesforce.scan();
    expect(report.escalations).toBe(0);
  });

  it('when the page calls /sf without a known viewer, then it is refused with a sentence naming the viewer', async () => {
    const noViewer = await fetch(`${sandbox.url}/sf/api/query?q=SELECT+Id+FROM+Account`);
    expect(noViewer.status).toBe(401);
    expect(((await noViewer.json()) as { errorCode: string }[])[0]?.errorCode).toBe(
      'INVALID_SESSION_ID',
    );
    const unknown = await fetch(`${sandbox.url}/sf/session?viewer=nobody`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toContain('"nobody"');
  });

  it('when the page asks for a deal’s Opportunity, then it gets the same deal by its HubSpot id', async () => {
    const hubspotId = sandbox.meta.deals.w17 ?? '';
    const response = await fetch(`${sandbox.url}/sf/opportunity?deal=${hubspotId}`);
    const body = (await response.json()) as { id: string; name: string; stageName: string };
    expect(body.id).toBe(sandbox.meta.salesforce?.opportunities.w17);
    expect(body.name).toBe(deals.find((d) => d.id === hubspotId)?.name);
    expect(body.stageName).toBe('Closed Won');
  });

  it('when a rep and then a CS manager accept w17 through /sf/api, then the rule refuses the rep, a stale copy gets 412, and the CS manager succeeds', async () => {
    const opp = sandbox.meta.salesforce?.opportunities.w17 ?? '';
    const [header] = await soql(
      'cs1',
      `SELECT Id, LastModifiedDate, Version__c FROM Handoff__c WHERE Opportunity__c = '${opp}' AND Handoff_Id__c = 'sales_to_cs'`,
    );
    const since = new Date(String(header?.LastModifiedDate).replace('+0000', 'Z')).toUTCString();
    const accept = (viewer: string, actionId: string, unmodifiedSince: string) =>
      fetch(`${sandbox.url}/sf/api/ui-api/records/${header?.Id ?? ''}`, {
        method: 'PATCH',
        headers: {
          'X-Handoff-Viewer': viewer,
          'content-type': 'application/json',
          'If-Unmodified-Since': unmodifiedSince,
        },
        body: JSON.stringify({
          fields: {
            [q('Status__c')]: 'accepted',
            [q('Action__c')]: 'accept',
            [q('Action_Id__c')]: actionId,
            [q('Version__c')]: Number(header?.Version__c) + 1,
            // Who accepts, now (the sandbox's clock), as the panel writes it.
            [q('Accepted_By__c')]: sandbox.meta.salesforce?.users[viewer],
            [q('Accepted_At__c')]: new Date(sandbox.clock.now()).toISOString(),
          },
        }),
      });
    const refused = await accept('rep1', 'rep-try', since);
    expect(refused.status).toBe(400);
    const error = (await refused.json()) as {
      output: { fieldErrors: Record<string, { message: string }[]> };
    };
    expect(error.output.fieldErrors[q('Status__c')]?.[0]?.message).toBe(
      'Only CS manager or RevOps admin may accept Sales → CS: add the role to the Handoff roles on your User record.',
    );
    const stale = await accept(
      'cs1',
      'cs-stale',
      new Date(SEEDED_AT - 7 * 86_400_000).toUTCString(),
    );
    expect(stale.status).toBe(412);
    const accepted = await accept('cs1', 'cs-accept', since);
    expect(accepted.status).toBe(200);
    const record = (await accepted.json()) as { fields: Record<string, { value: string }> };
    expect(record.fields[q('Status__c')]?.value).toBe('accepted');
  });

  it('when the sandbox starts again on the same folder, then the org is not seeded twice and sessions work', async () => {
    await sandbox.close();
    sandbox = await startSandbox({ dataDir, port: 0 });
    expect(sandbox.seeded).toBe(false);
    expect(await soql('rep1', 'SELECT Id FROM Opportunity')).toHaveLength(60);
    // Every seeded person and the scanner's user, once.
    expect(await soql('rep1', 'SELECT Id FROM User')).toHaveLength(sandbox.meta.people.length + 1);
  }, 120_000);

  it('when a start died while seeding Salesforce, then the next start says to reset instead of seeding twice', async () => {
    await sandbox.close();
    const db = new Database(join(dataDir, DATA_FILE));
    const row = db.prepare("SELECT value FROM sandbox_meta WHERE key = 'meta'").get() as {
      value: string;
    };
    const meta = JSON.parse(row.value) as Record<string, unknown>;
    delete meta.salesforce;
    db.prepare("UPDATE sandbox_meta SET value = ? WHERE key = 'meta'").run(JSON.stringify(meta));
    db.close();
    await expect(startSandbox({ dataDir, port: 0 })).rejects.toThrow(
      'start over with npm start -- --reset',
    );
    sandbox = await startSandbox({ dataDir, port: 0, reset: true });
    expect(sandbox.seeded).toBe(true);
  }, 120_000);
});
