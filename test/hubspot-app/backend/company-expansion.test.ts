// Issue 19, CS → sales expansion on HubSpot companies, through the backend over real HTTP against
// the emulator (token scoped exactly as the app declares): a customer company's own view (its
// lifecycle stage and that stage's history, the expansion handoff, the AE's SLA) comes with its deal
// list; a CS manager raises the expansion and an AE accepts it, which creates a deal associated with
// the company — or links one of its deals — and records which in the accept's linkedRecordId.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client } from '@hubspot/api-client';
import type { CompanyView, RecordView } from '@handoff/shared';
import { defaultPlaybook } from '../../../hubspot-app/backend/default-playbook.js';
import { companySnapshot } from '../../../hubspot-app/backend/hubspot/company-mapping.js';
import { hubspotCrm } from '../../../hubspot-app/backend/hubspot/crm.js';
import { provision } from '../../../hubspot-app/backend/provisioning/provision.js';
import { expansionDealKey } from '../../../hubspot-app/backend/use-cases/expansion-deal.js';
import { startHarness, type Harness } from './harness.js';

// New York is UTC−5 in November 2026; the harness's clock is Monday 23 November, 10:00 there.
const ny = (day: number, hour: number) => Date.UTC(2026, 10, day, hour + 5);
let h: Harness;
let client: Client;
let token: string;

const customer = (name: string) =>
  h.emulator.seed.company(h.portalId, { name, domain: `${name.toLowerCase()}.example` }, [
    { stage: 'opportunity', at: ny(2, 10) },
    { stage: 'customer', at: ny(16, 10) },
  ]);

const companyView = async (id: string, as = h.users.csManager) => {
  const answer = await h.call('GET', `/v1/hubspot/records/companies/${id}`, { as });
  return { status: answer.status, body: answer.body as CompanyView };
};

let n = 0;
const act = (
  companyId: string,
  as: string,
  action: Record<string, unknown>,
  actionId = `x${++n}`,
) =>
  h.call('POST', `/v1/hubspot/records/companies/${companyId}/actions`, {
    as,
    body: { handoffId: 'expansion', actionId, action },
  });

/** A customer whose expansion brief the CS manager has filled and submitted. */
async function submittedExpansion(name: string): Promise<string> {
  const id = customer(name);
  for (const [itemId, value] of Object.entries({ wants: '40 more seats', contact: 'Ana, VP Ops' }))
    expect((await act(id, h.users.csManager, { type: 'set_item', itemId, value })).status).toBe(
      200,
    );
  expect((await act(id, h.users.csManager, { type: 'submit' })).status).toBe(200);
  return id;
}

async function dealsOf(companyId: string): Promise<string[]> {
  const page = await client.crm.associations.v4.basicApi.getPage('companies', companyId, 'deals');
  return page.results.map((r) => String(r.toObjectId)).sort();
}

const expansionOf = (view: RecordView) => view.handoffs.find((x) => x.id === 'expansion');

beforeAll(async () => {
  h = await startHarness();
  token = (await h.store.getInstallation(h.portalId))?.accessToken ?? '';
  // What install does: among others, the key property deals Handoff creates are tagged with.
  await provision(hubspotCrm(h.emulator.url, token), defaultPlaybook(), h.clock.now());
  client = new Client({ accessToken: token, basePath: h.emulator.url });
}, 60_000);
// Every request here falls in one 10-second window of the emulator's still clock.
beforeEach(() => h.emulator.resetRateLimits());
afterAll(async () => h.close());

describe('a customer company in the CS → sales seam', () => {
  it('when a company became a customer, then its card view is its own (customer stage since then, the expansion open for CS) above its deals', async () => {
    const id = customer('Acme');
    const deal = h.emulator.seed.deal(h.portalId, {
      companyIds: [id],
      properties: { dealname: 'Acme seats' },
    });
    const { status, body } = await companyView(id);
    expect(status).toBe(200);
    expect(body.company?.record).toMatchObject({ objectType: 'company', recordId: id });
    expect(body.company?.currentStage?.id).toBe('customer');
    // Its stage and when it entered it come from the lifecycle stage's history.
    const read = await hubspotCrm(h.emulator.url, token).getCompany(id, defaultPlaybook());
    const snapshot = read && companySnapshot(defaultPlaybook(), read);
    expect(snapshot?.ok && snapshot.snapshot.stageHistory).toEqual([
      { stage: 'customer', enteredAt: ny(16, 10) },
    ]);
    const expansion = body.company && expansionOf(body.company);
    expect(expansion?.status).toBe('not_started');
    expect(expansion?.next?.roles).toEqual(['cs_manager', 'admin']);
    // Deal SLAs do not run on a company; the AE's clock waits for a submission.
    expect(body.company?.timers).toEqual([]);
    expect(body.deals.map((d) => d.record.recordId)).toEqual([deal]);
    // The card's table names each deal as HubSpot does.
    expect(body.dealNames).toEqual({ [deal]: 'Acme seats' });
  });

  it('when a company is not a customer, then the deals are listed and a sentence says why it has no expansion', async () => {
    const id = h.emulator.seed.company(h.portalId, { name: 'Prospect' }, [
      { stage: 'lead', at: ny(20, 10) },
    ]);
    const { status, body } = await companyView(id);
    expect(status).toBe(200);
    expect(body.company).toBeUndefined();
    expect(body.companyNote).toBe(
      "This company's lifecycle stage (lead) is not one the playbook follows on companies, so it has no expansion handoff.",
    );
  });

  it('when CS submits the brief, then the AE must answer within 2 business days; a CS manager may not accept it', async () => {
    const id = await submittedExpansion('Globex');
    const view = (await companyView(id, h.users.rep)).body.company as RecordView;
    expect(expansionOf(view)?.status).toBe('submitted');
    expect(view.timers.map((t) => t.slaId)).toEqual(['ae_answers_expansion']);
    expect(view.timers[0]).toMatchObject({
      slaId: 'ae_answers_expansion',
      state: 'running',
      dueAt: ny(25, 10),
    });
    const refused = await act(id, h.users.csManager, { type: 'accept' });
    expect(refused.status).toBe(403);
    expect(await dealsOf(id)).toEqual([]);
  });

  it('when the AE accepts, then a deal associated with the company is created, named, briefed and owned by the AE, and the accept records it', async () => {
    const id = await submittedExpansion('Initech');
    const accepted = await act(id, h.users.rep, { type: 'accept' });
    expect(accepted.status).toBe(200);
    const linked = expansionOf(accepted.body as RecordView)?.accepted?.linkedRecordId;
    expect(await dealsOf(id)).toEqual([linked]);
    const deal = await client.crm.deals.basicApi.getById(String(linked), [
      'dealname',
      'pipeline',
      'dealstage',
      'description',
      'hubspot_owner_id',
    ]);
    expect(deal.properties).toMatchObject({
      dealname: 'Initech — CS → sales expansion',
      // The first deal stage no handoff or SLA claims: the AE owns it, no SDR clock starts.
      pipeline: 'default',
      dealstage: 'qualifiedtobuy',
      description: 'What the customer wants: 40 more seats\nWho to talk to: Ana, VP Ops',
    });
    expect(deal.properties.hubspot_owner_id).toBeTruthy();
    // The stored accept event carries it: what "converted to revenue" counts.
    const stored = await h.store.getHandoffs({
      portalId: h.portalId,
      objectType: 'company',
      recordId: id,
    });
    expect(stored.expansion?.events.at(-1)).toMatchObject({
      type: 'accepted',
      details: { linkedRecordId: linked },
    });
    // The company card now lists the new deal.
    const after = (await companyView(id)).body;
    expect(expansionOf(after.company as RecordView)?.accepted?.linkedRecordId).toBe(linked);
    expect(after.deals.map((d) => d.record.recordId)).toEqual([linked]);
  });

  it("when CS estimated the expansion's size, then the deal the AE's accept creates starts with it as its amount", async () => {
    const id = customer('Hooli');
    const brief = { wants: 'SSO for 3 teams', contact: 'Gavin, CTO', size: 48000 };
    for (const [itemId, value] of Object.entries(brief))
      expect((await act(id, h.users.csManager, { type: 'set_item', itemId, value })).status).toBe(
        200,
      );
    expect((await act(id, h.users.csManager, { type: 'submit' })).status).toBe(200);
    const accepted = await act(id, h.users.rep, { type: 'accept' });
    expect(accepted.status).toBe(200);
    const linked = expansionOf(accepted.body as RecordView)?.accepted?.linkedRecordId;
    const deal = await client.crm.deals.basicApi.getById(String(linked), ['amount', 'description']);
    expect(deal.properties.amount).toBe('48000');
    expect(deal.properties.description).toContain('Estimated size (ARR): 48000');
  });

  it('when the same accept is sent again (same actionId), then it replays: still one deal', async () => {
    const id = await submittedExpansion('Umbrella');
    const first = await act(id, h.users.rep, { type: 'accept' }, 'accept-umbrella');
    const again = await act(id, h.users.rep, { type: 'accept' }, 'accept-umbrella');
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    expect((await dealsOf(id)).length).toBe(1);
  });

  it('when HubSpot fails to create the deal, then nothing is accepted and a sentence says to accept again; the retry creates one deal', async () => {
    const id = await submittedExpansion('Hooli');
    // The create is tried once (a retried create could make two deals): one 500 fails it.
    h.emulator.faults.inject({
      kind: 'server-error',
      route: 'crm.objects.create',
      count: 1,
      token,
    });
    const failed = await act(id, h.users.rep, { type: 'accept' }, 'accept-hooli');
    expect(failed.status).toBe(502);
    expect(JSON.stringify(failed.body)).toContain(
      'The expansion is not accepted yet and nothing was lost: accept again.',
    );
    expect(expansionOf((await companyView(id)).body.company as RecordView)?.status).toBe(
      'submitted',
    );
    expect(await dealsOf(id)).toEqual([]);
    const retried = await act(id, h.users.rep, { type: 'accept' }, 'accept-hooli');
    expect(retried.status).toBe(200);
    expect((await dealsOf(id)).length).toBe(1);
  });

  it('when a deal was created but the accept was not stored (a crash between the two), then the next accept links that deal instead of creating another', async () => {
    const id = await submittedExpansion('Stark');
    const state = (
      await h.store.getHandoffs({ portalId: h.portalId, objectType: 'company', recordId: id })
    ).expansion;
    const key = expansionDealKey({
      companyId: id,
      request: { handoffId: 'expansion', actionId: 'lost', action: { type: 'accept' } },
      state,
    });
    const orphan = await client.crm.deals.basicApi.create({
      properties: {
        dealname: 'Stark — expansion',
        pipeline: 'default',
        dealstage: 'qualifiedtobuy',
        handoff_key: key,
      },
      associations: [
        {
          to: { id },
          types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 5 }],
        },
      ],
    });
    // A new click: another actionId, the same submission.
    const accepted = await act(id, h.users.rep, { type: 'accept' }, 'accept-stark-2');
    expect(accepted.status).toBe(200);
    expect(expansionOf(accepted.body as RecordView)?.accepted?.linkedRecordId).toBe(orphan.id);
    expect(await dealsOf(id)).toEqual([orphan.id]);
  });

  it("when the AE names one of the company's deals, then it is linked and none is created; a deal of another company is refused with a sentence", async () => {
    const id = await submittedExpansion('Wayne');
    const own = h.emulator.seed.deal(h.portalId, { companyIds: [id] });
    const elsewhere = h.emulator.seed.deal(h.portalId, { companyIds: [customer('Other')] });
    const refused = await act(id, h.users.rep, { type: 'accept', linkedRecordId: elsewhere });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain(
      `Deal ${elsewhere} is not one of this company's deals`,
    );
    const linked = await act(id, h.users.rep, { type: 'accept', linkedRecordId: own });
    expect(linked.status).toBe(200);
    expect(expansionOf(linked.body as RecordView)?.accepted?.linkedRecordId).toBe(own);
    expect(await dealsOf(id)).toEqual([own]);
  });

  it('when a deal handoff is accepted naming a linked record, then it is refused: only expansions link deals', async () => {
    const deal = h.emulator.seed.deal(h.portalId, {});
    const answer = await h.call('POST', `/v1/hubspot/records/deals/${deal}/actions`, {
      as: h.users.rep,
      body: {
        handoffId: 'sdr_to_ae',
        actionId: 'd1',
        action: { type: 'accept', linkedRecordId: '1' },
      },
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain(
      'Only an expansion accepted on a company links a deal.',
    );
  });
});
