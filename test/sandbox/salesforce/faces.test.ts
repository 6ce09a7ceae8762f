// The sandbox's two faces agree: for a seeded deal at one instant, the record view the HubSpot card
// API answers and the one the Salesforce panel's own adapter (salesforce-package/scripts/handoff-core)
// builds from the emulator's records — read through /sf/api as the panel's LDS wires read them — give
// the same stage, criteria verdicts, handoff states and timer states. Then the clock moves and the
// jsforce scanner raises the escalation Task in Salesforce, and the faces still agree. The org has
// the package under its namespace, so the reads go as the panel's do: LDS strings qualified by the
// core's orgNames (from the schema import's objectApiName), the gql query as the platform rewrites it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRecord, paths, type RecordView } from '@handoff/shared';
import {
  OPPORTUNITY_FIELDS,
  OPPORTUNITY_OPTIONAL,
  buildSnapshot,
  opportunityFields,
  orgNames,
  readPlaybook,
  viewerFrom,
} from '../../../salesforce-package/scripts/handoff-core/entry.js';
import type { UiRecord } from '../../../salesforce-package/scripts/handoff-core/records.js';
import { CARD_BACKEND_URL } from '../../../sandbox/server/card-host.js';
import { startSandbox, type Sandbox } from '../../../sandbox/server/sandbox.js';
import { ny } from '../../../sandbox/server/seed/time.js';
import {
  namespacePrefix,
  qualify,
  qualifyGraphql,
} from '../../../salesforce-package/scripts/namespace.js';

/** What `@salesforce/schema/Handoff__c` and `…/User.Handoff_Roles__c` give the panel in this org. */
const NAMESPACE = namespacePrefix();
const ORG = orgNames(qualify('Handoff__c', NAMESPACE));
const ROLES_FIELD = qualify('Handoff_Roles__c', NAMESPACE);

const ITEMS_QUERY = `query items($recordId: ID) { uiapi { query {
  Handoff_Playbook__c(where: { Active__c: { eq: true } }, first: 1) { edges { node { Id Playbook_Text__c { value } } } }
  Handoff_Item__c(where: { Handoff__r: { Opportunity__c: { eq: $recordId } } }, first: 200) {
    edges { node { Id Handoff__c { value } Item_Id__c { value } Item_Key__c { value } Required__c { value }
      Done__c { value } Value__c { value } Done_By__c { value } Done_At__c { value } } } } } } }`;
/** The query as the platform sends it for a package with a namespace. */
const ORG_ITEMS_QUERY = qualifyGraphql(ITEMS_QUERY, NAMESPACE);

/**
 * What both faces must agree on. `slas` narrows the timers to those SLAs: the panel's snapshot knows
 * one stage entry (LastStageChangeDate, as LDS reads it), so timers of SLAs that ran in an earlier
 * stage (the SDR → AE timer of a won deal) are not on the Salesforce face — a gap of the panel's
 * adapter reported with issue 13, not hidden here: deals in their first stage compare every timer.
 */
function verdicts(view: RecordView, slas?: readonly string[]) {
  return {
    stage: view.currentStage?.id,
    exitCriteria: view.exitCriteria.map((v) => [v.id, v.outcome]),
    nextEntryCriteria: view.nextEntryCriteria.map((v) => [v.id, v.outcome]),
    mayAdvance: view.mayAdvance,
    handoffs: view.handoffs.map((h) => [h.id, h.status]),
    timers: view.timers
      .filter((t) => !slas || slas.includes(t.slaId))
      .map((t) => [t.slaId, t.state, t.dueAt]),
  };
}

/** The SLAs a won deal's timers run under in its current stage: the rep's, then CS's. */
const WON_SLAS = ['rep_submits_cs_handoff', 'cs_accepts_won_deal'];

describe('the two faces of the sandbox', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'handoff-sf-faces-'));
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ dataDir, port: 0 });
  }, 120_000);
  afterAll(async () => {
    await sandbox?.close();
  });

  const sf = async <T>(viewer: string, path: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(`${sandbox.url}/sf/api/${path}`, {
      ...init,
      headers: { 'X-Handoff-Viewer': viewer, 'content-type': 'application/json' },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };

  async function hubspotView(deal: string, viewer: string): Promise<RecordView> {
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

  async function salesforceView(deal: string, viewer: string): Promise<RecordView> {
    const id = sandbox.meta.salesforce?.opportunities[deal] ?? '';
    const session = (await (await fetch(`${sandbox.url}/sf/session?viewer=${viewer}`)).json()) as {
      userId: string;
      customPermissions: string[];
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
      graph.data.uiapi.query[name]?.edges.map(({ node }) => ({
        id: String(node.Id),
        fields: node as UiRecord['fields'],
      })) ?? [];
    const parsed = readPlaybook(
      nodes('Handoff_Playbook__c')[0]?.fields.Playbook_Text__c?.value as string,
    );
    if (!parsed.ok) throw new Error('the org’s active playbook does not parse');
    const playbook = parsed.playbook;
    const optional = [...OPPORTUNITY_OPTIONAL, ...opportunityFields(playbook)];
    const opportunity = await sf<UiRecord>(
      viewer,
      `ui-api/records/${id}?fields=${OPPORTUNITY_FIELDS.join(',')}&optionalFields=${optional.join(',')}`,
    );
    const related = await sf<{ records: UiRecord[] }>(
      viewer,
      `ui-api/related-list-records/${id}/${ORG.handoffsList}?fields=${ORG.handoffFields.join(',')}`,
    );
    const items: Record<string, UiRecord[]> = {};
    for (const row of nodes('Handoff_Item__c')) {
      const handoff = String(row.fields.Handoff__c?.value);
      (items[handoff] = items[handoff] ?? []).push(row);
    }
    const handoffs = related.records.map(ORG.local);
    const snapshot = buildSnapshot(playbook, { opportunity, handoffs, items });
    return evaluateRecord(
      playbook,
      snapshot,
      viewerFrom(session.userId, user.fields[ROLES_FIELD]?.value, playbook),
      sandbox.clock.now(),
    );
  }

  // a9 is rejected: its paused timer agrees because the header records the rejection's time
  // (Rejected_At__c), which the scanner's status write-back does not move.
  it('when anyone looks at deals in their first stage (submitted, in progress, not started, rejected), then every verdict and timer agrees', async () => {
    for (const [deal, viewer] of [
      ['a7', 'rep4'],
      ['a5', 'admin'],
      ['a0', 'cs1'],
      ['a9', 'admin'],
    ] as const) {
      const hubspot = verdicts(await hubspotView(deal, viewer));
      expect(verdicts(await salesforceView(deal, viewer))).toEqual(hubspot);
      expect(hubspot.stage).toBe('appointment_scheduled');
      expect(hubspot.timers.length).toBeGreaterThan(0);
    }
  });

  /** What each viewer may do on each handoff: the role checks of both faces. */
  const actions = (view: RecordView) =>
    view.handoffs.map((h) => [h.id, h.actions.filter((a) => a.allowed).map((a) => a.type)]);

  it('when the deal’s AE and a CS manager look at a submitted SDR → AE handoff, then both faces let the AE accept or reject it and the CS manager neither', async () => {
    const a7 = await hubspotView('a7', 'rep4');
    expect(a7.handoffs.map((h) => [h.id, h.status])).toEqual([['sdr_to_ae', 'submitted']]);
    expect(actions(a7)).toEqual([['sdr_to_ae', ['accept', 'reject']]]);
    expect(actions(await salesforceView('a7', 'rep4'))).toEqual(actions(a7));
    const byCs = await hubspotView('a7', 'cs1');
    expect(actions(byCs)).toEqual([['sdr_to_ae', []]]);
    expect(actions(await salesforceView('a7', 'cs1'))).toEqual(actions(byCs));
  });

  it('when a rep looks at deals further along and a lost one, then the criteria verdicts agree (close date included)', async () => {
    for (const deal of ['pre0', 'dec0', 'con0', 'l0']) {
      const hubspot = verdicts(await hubspotView(deal, 'rep1'), []);
      expect(verdicts(await salesforceView(deal, 'rep1'), [])).toEqual(hubspot);
    }
    // Decision maker bought in: the close date is set on both sides, the proposal is not.
    expect(verdicts(await hubspotView('dec0', 'rep1'), []).exitCriteria).toEqual([
      ['proposal_sent', 'fail'],
      ['close_date', 'pass'],
    ]);
  });

  // w17: won Monday 16 Nov 14:00, the CS checklist submitted 15 minutes later (seed/scripts.ts).
  it('when a CS manager looks at a submitted won deal at the seeded instant, then both faces give the same verdicts and timers', async () => {
    const hubspot = verdicts(await hubspotView('w17', 'cs1'), WON_SLAS);
    const salesforce = verdicts(await salesforceView('w17', 'cs1'), WON_SLAS);
    expect(salesforce).toEqual(hubspot);
    expect(hubspot.stage).toBe('closed_won');
    expect(hubspot.handoffs).toContainEqual(['sales_to_cs', 'submitted']);
    // Submitted Monday 14:15 (CS's clock starts there); one business day (8 h) later is Tuesday
    // 14:15; at risk from 75 % (Tuesday 12:15), so at 11:00 it is still running.
    expect(hubspot.timers).toContainEqual([
      'cs_accepts_won_deal',
      'running',
      ny('2026-11-17', '14:15'),
    ]);
  });

  // Reworked deals (w5, w6) are left out: a header keeps only the last submission, where the rep's
  // clock stopped and CS's started (see test/sandbox/faces.test.ts, REWORKED).
  it('when a rep looks at won deals in progress, not started and rejected, then both faces agree too', async () => {
    for (const deal of ['w14', 'w13', 'w20', 'w21']) {
      expect(verdicts(await salesforceView(deal, 'rep2'), WON_SLAS)).toEqual(
        verdicts(await hubspotView(deal, 'rep2'), WON_SLAS),
      );
    }
  });

  it('when the clock moves a business day past w13’s deadline, then the jsforce scanner raises its escalation Tasks in Salesforce and the faces still agree', async () => {
    const w13 = sandbox.meta.salesforce?.opportunities.w13 ?? '';
    const tasksOf = async () =>
      (
        await sf<{ records: { OwnerId: string; Priority: string; Status: string }[] }>(
          'admin',
          `query?q=${encodeURIComponent(`SELECT Id, OwnerId, Priority, Status FROM Task WHERE WhatId = '${w13}'`)}`,
        )
      ).records;
    // w13 was won Tuesday 09:00 and not handed off: at 11:00 the rep has used 2 of 8 hours.
    expect(await tasksOf()).toEqual([]);
    const moved = await fetch(`${sandbox.url}/api/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'business_day' }),
    });
    expect(moved.status).toBe(200);
    expect(sandbox.clock.now()).toBe(ny('2026-11-18', '11:00'));
    const tasks = await tasksOf();
    // The ball is with the rep who owns w13 (nothing is submitted, so CS has no clock and no task):
    // 8 business hours from Tuesday 09:00 are due Tuesday 17:00, at risk from 15:00 (75 %). By
    // Wednesday 11:00 both happened: a task for the deal's owner, then one for the admin.
    const owner = sandbox.meta.salesforce?.users.rep2;
    const admin = sandbox.meta.salesforce?.users.admin;
    expect(tasks.filter((t) => t.Priority === 'Normal').map((t) => t.OwnerId)).toEqual([owner]);
    expect(tasks.filter((t) => t.Priority === 'High').map((t) => t.OwnerId)).toEqual([admin]);
    expect(tasks.every((t) => t.Status === 'Not Started')).toBe(true);
    expect(tasks).toHaveLength(2);
    const after = verdicts(await hubspotView('w13', 'cs1'), WON_SLAS);
    expect(after.timers).toEqual([
      ['rep_submits_cs_handoff', 'breached', ny('2026-11-17', '17:00')],
    ]);
    expect(verdicts(await salesforceView('w13', 'cs1'), WON_SLAS)).toEqual(after);
    for (const deal of ['a7', 'a0'])
      expect(verdicts(await salesforceView(deal, 'rep1'))).toEqual(
        verdicts(await hubspotView(deal, 'rep1')),
      );
  });
});
