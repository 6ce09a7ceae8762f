// A contact's or company's handoff tasks once the record leaves, in HubSpot itself, the stage where
// the handoff is due: an MQL an SDR sets to SQL (or back to lead) by hand instead of deciding on the
// card keeps no "Review the Marketing → sales (MQL) handoff" task open; an expansion on a company
// that stops being a customer keeps no AE review task (nor CS's rework task) open. The scanner
// completes them once, as it does a deal's (handoff-tasks-settled.test). Through the backend over
// real HTTP against the HubSpot emulator, the stage set as a person in HubSpot's UI sets it.
import { Client } from '@hubspot/api-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startServiceHarness, type ServiceHarness } from './service-harness.js';

// New York is UTC−5 in November 2026; the harness's clock is Monday 23 November, 10:00 there.
const ny = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 5, minute);

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A portal with a marketer and an SDR (who reviews MQLs) besides the harness's rep, CS manager and admin. */
async function portal(harness: ServiceHarness) {
  const portalId = harness.emulator.portals.create().portalId;
  const person = (email: string, team: string) =>
    String(harness.emulator.seed.owner(portalId, { email, teams: [{ name: team }] }).userId);
  const marketer = person('mia@example.com', 'Marketing');
  const sdr = person('sid@example.com', 'SDR');
  await harness.install(portalId);
  const users = await harness.setUp(portalId);
  let n = 0;
  const act = (
    objectType: 'contacts' | 'companies',
    id: string,
    as: string,
    handoffId: string,
    action: Record<string, unknown>,
  ) =>
    harness.call('POST', `/v1/hubspot/records/${objectType}/${id}/actions`, portalId, {
      as,
      body: { handoffId, actionId: `a${++n}`, action },
    });
  return { portalId, users: { ...users, marketer, sdr }, act };
}

type Portal = Awaited<ReturnType<typeof portal>>;

/** An MQL since 9:00 whose brief marketing filled and submitted: the SDR has a review task. */
async function submittedMql(harness: ServiceHarness, p: Portal, name: string): Promise<string> {
  const id = harness.emulator.seed.contact(p.portalId, {
    properties: {
      firstname: name,
      lastname: 'Lee',
      email: `${name.toLowerCase()}@acme.example`,
      jobtitle: 'VP Operations',
      company: 'Acme',
    },
    lifecycle: [
      { stage: 'lead', at: ny(16, 10) },
      { stage: 'marketingqualifiedlead', at: ny(23, 9) },
    ],
  });
  const answers = { source: 'Pricing webinar', engaged_with: 'Pricing page', fit: 'Good' };
  for (const [itemId, value] of Object.entries(answers)) {
    const set = await p.act('contacts', id, p.users.marketer, 'mql_to_sales', {
      type: 'set_item',
      itemId,
      value,
    });
    expect(set.status).toBe(200);
  }
  const submitted = await p.act('contacts', id, p.users.marketer, 'mql_to_sales', {
    type: 'submit',
  });
  expect(submitted.status).toBe(200);
  return id;
}

/** A customer since the 16th on which CS raised an expansion: the AE has a review task. */
async function raisedExpansion(harness: ServiceHarness, p: Portal, name: string): Promise<string> {
  const id = harness.emulator.seed.company(
    p.portalId,
    { name, domain: `${name.toLowerCase()}.example` },
    [
      { stage: 'opportunity', at: ny(2, 10) },
      { stage: 'customer', at: ny(16, 10) },
    ],
  );
  for (const [itemId, value] of Object.entries({ wants: '40 more seats', contact: 'Ana' })) {
    const set = await p.act('companies', id, p.users.csManager, 'expansion', {
      type: 'set_item',
      itemId,
      value,
    });
    expect(set.status).toBe(200);
  }
  const raised = await p.act('companies', id, p.users.csManager, 'expansion', { type: 'submit' });
  expect(raised.status).toBe(200);
  return id;
}

async function drain(harness: ServiceHarness, rounds = 10) {
  for (let i = 0; i < rounds; i++) {
    harness.emulator.resetRateLimits();
    await harness.service.outbox.drain();
    harness.clock.advance(60_000);
  }
}

/** The Handoff tasks on a contact or company, as HubSpot lists them: subject and status. */
async function tasksOn(
  harness: ServiceHarness,
  portalId: string,
  objectType: 'contacts' | 'companies',
  id: string,
) {
  harness.emulator.resetRateLimits();
  const client = new Client({
    accessToken: (await harness.service.tokens.accessToken(portalId)) ?? '',
    basePath: harness.emulator.url,
  });
  const linked = await client.crm.associations.v4.basicApi.getPage(objectType, id, 'tasks');
  const tasks: [string, string][] = [];
  for (const r of linked.results) {
    const task = await client.crm.objects.tasks.basicApi.getById(String(r.toObjectId), [
      'hs_task_subject',
      'hs_task_status',
    ]);
    tasks.push([
      (task.properties.hs_task_subject ?? '').replace(/ — due .*/, ''),
      task.properties.hs_task_status ?? '',
    ]);
  }
  return tasks.sort();
}

/** A person in HubSpot sets the record's lifecycle stage by hand (HubSpot tells the backend by webhook). */
async function setStage(
  harness: ServiceHarness,
  portalId: string,
  objectType: 'contacts' | 'companies',
  id: string,
  lifecyclestage: string,
) {
  harness.emulator.seed.updateRecord(portalId, objectType, id, { lifecyclestage });
  await harness.emulator.webhooks.settled();
}

async function scan(harness: ServiceHarness, portalId: string, options: { full?: boolean } = {}) {
  harness.clock.advance(5 * 60_000);
  harness.emulator.resetRateLimits();
  return harness.service.scanner.scanPortal(portalId, options);
}

const review = 'Review the Marketing → sales (MQL) handoff on';

describe('an MQL moved on in HubSpot itself, not on the card', () => {
  it('when an SDR sets an MQL to SQL in HubSpot, then the next scan completes its review task once, and an MQL still at MQL keeps its own open', async () => {
    h = await startServiceHarness();
    const p = await portal(h);
    const dana = await submittedMql(h, p, 'Dana');
    const robin = await submittedMql(h, p, 'Robin');
    await drain(h);
    expect(await tasksOn(h, p.portalId, 'contacts', dana)).toEqual([
      [`${review} Dana Lee`, 'NOT_STARTED'],
    ]);
    // Both still MQLs: the review is asked for, nothing is completed.
    expect(await scan(h, p.portalId)).toMatchObject({ mode: 'full', handoffsSettled: 0 });

    await setStage(h, p.portalId, 'contacts', dana, 'salesqualifiedlead');
    expect(await scan(h, p.portalId)).toMatchObject({
      mode: 'changes',
      handoffsSettled: 1,
      tasksCompleted: 1,
      // The contact that left MQL read once, one search for its open task, one batch update.
      completionCalls: 3,
    });
    expect(await tasksOn(h, p.portalId, 'contacts', dana)).toEqual([
      [`${review} Dana Lee`, 'COMPLETED'],
    ]);
    expect(await tasksOn(h, p.portalId, 'contacts', robin)).toEqual([
      [`${review} Robin Lee`, 'NOT_STARTED'],
    ]);

    // Once: later scans, change-driven or full, make no call for it.
    for (const full of [false, true])
      expect(await scan(h, p.portalId, { full })).toMatchObject({
        handoffsSettled: 0,
        tasksCompleted: 0,
        completionCalls: 0,
      });
    expect(await tasksOn(h, p.portalId, 'contacts', robin)).toEqual([
      [`${review} Robin Lee`, 'NOT_STARTED'],
    ]);
  });

  it('when an SDR sets a submitted MQL back to lead in HubSpot before any scan, then the first scan completes its review task, once', async () => {
    h = await startServiceHarness();
    const p = await portal(h);
    const dana = await submittedMql(h, p, 'Dana');
    await drain(h);
    await setStage(h, p.portalId, 'contacts', dana, 'lead');
    expect(await scan(h, p.portalId)).toMatchObject({
      mode: 'full',
      handoffsSettled: 1,
      tasksCompleted: 1,
    });
    expect(await tasksOn(h, p.portalId, 'contacts', dana)).toEqual([
      [`${review} Dana Lee`, 'COMPLETED'],
    ]);
    expect(await scan(h, p.portalId, { full: true })).toMatchObject({
      handoffsSettled: 0,
      completionCalls: 0,
    });

    // The record of that settlement names the contact: a privacy deletion erases it too.
    const harness = h;
    const naming = async () =>
      [...(await harness.store.escalationsOf(p.portalId)).keys()].filter((k) =>
        k.includes(`:${dana}:`),
      );
    expect(await naming()).toEqual([
      expect.stringMatching(new RegExp(`^settled:hubspot:contacts:${dana}:mql_to_sales:v\\d+$`)),
    ]);
    harness.emulator.webhooks.privacyDeletion(p.portalId, dana);
    await harness.emulator.webhooks.settled();
    expect(await naming()).toEqual([]);
  });
});

describe('an expansion on a company that stops being a customer', () => {
  it("when a company with an expansion waiting for the AE is no longer a customer, then the next scan completes the AE's review task once, and a customer keeps its own open", async () => {
    h = await startServiceHarness();
    const p = await portal(h);
    const initech = await raisedExpansion(h, p, 'Initech');
    const globex = await raisedExpansion(h, p, 'Globex');
    await drain(h);
    const open = await tasksOn(h, p.portalId, 'companies', initech);
    expect(open).toEqual([
      [expect.stringMatching(/^Review the CS → sales expansion/), 'NOT_STARTED'],
    ]);
    expect(await scan(h, p.portalId)).toMatchObject({ mode: 'full', handoffsSettled: 0 });

    // Churned: the company's lifecycle stage is no stage the playbook follows, where no handoff is due.
    await setStage(h, p.portalId, 'companies', initech, 'other');
    expect(await scan(h, p.portalId)).toMatchObject({
      mode: 'changes',
      handoffsSettled: 1,
      tasksCompleted: 1,
      completionCalls: 2,
    });
    expect((await tasksOn(h, p.portalId, 'companies', initech)).map(([, s]) => s)).toEqual([
      'COMPLETED',
    ]);
    expect((await tasksOn(h, p.portalId, 'companies', globex)).map(([, s]) => s)).toEqual([
      'NOT_STARTED',
    ]);
    for (const full of [false, true])
      expect(await scan(h, p.portalId, { full })).toMatchObject({
        handoffsSettled: 0,
        tasksCompleted: 0,
        completionCalls: 0,
      });
  });

  it("when the AE rejected the expansion and the company is no longer a customer, then the next full scan completes CS's Rework task, once", async () => {
    h = await startServiceHarness();
    const p = await portal(h);
    const initech = await raisedExpansion(h, p, 'Initech');
    const rejected = await p.act('companies', initech, p.users.rep, 'expansion', {
      type: 'reject',
      reason: 'no_budget',
    });
    expect(rejected.status).toBe(200);
    await drain(h);
    expect(await tasksOn(h, p.portalId, 'companies', initech)).toEqual([
      [expect.stringMatching(/^Review the CS → sales expansion/), 'COMPLETED'],
      ['Rework the CS → sales expansion handoff on Initech', 'NOT_STARTED'],
    ]);
    expect(await scan(h, p.portalId)).toMatchObject({ mode: 'full', handoffsSettled: 0 });

    await setStage(h, p.portalId, 'companies', initech, 'other');
    expect(await scan(h, p.portalId, { full: true })).toMatchObject({
      handoffsSettled: 1,
      tasksCompleted: 1,
    });
    expect((await tasksOn(h, p.portalId, 'companies', initech)).map(([, s]) => s)).toEqual([
      'COMPLETED',
      'COMPLETED',
    ]);
    expect(await scan(h, p.portalId, { full: true })).toMatchObject({
      handoffsSettled: 0,
      completionCalls: 0,
    });
  });
});
