// A handoff's review and rework tasks once its deal leaves the stage where the handoff is due: a
// rejected sales → CS handoff on a deal moved back from Closed won is settled (nobody reworks it),
// so the scanner completes the rep's Rework task in HubSpot — once, after the move (learned by
// webhook or by HubSpot's change search), surviving a crash between record and completion; the
// same for the CS manager's review task of a submission nobody decided. Through the backend over
// real HTTP against the HubSpot emulator.
import { Client } from '@hubspot/api-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startServiceHarness, type ServiceHarness } from './service-harness.js';
import { CS_CHECKLIST_ANSWERS } from './answers.js';

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A portal with two deals won now, and `act` to post a sales → CS action on one of them. */
async function portalWithTwoWonDeals(harness: ServiceHarness) {
  const portalId = harness.emulator.portals.create().portalId;
  await harness.install(portalId);
  const users = await harness.setUp(portalId);
  const won = (dealname: string) =>
    harness.emulator.seed.deal(portalId, {
      properties: {
        dealname,
        amount: '24000',
        handoff_arr: '24000',
        handoff_contract_start: '2026-12-01',
      },
      stageHistory: [{ stage: 'closedwon', at: harness.clock.now() }],
    });
  const deals = { acme: won('Acme'), globex: won('Globex') };
  let n = 0;
  const act = (deal: string, as: string, action: Record<string, unknown>) =>
    harness.call('POST', `/v1/hubspot/records/deals/${deal}/actions`, portalId, {
      as,
      body: { handoffId: 'sales_to_cs', actionId: `a${++n}`, action },
    });
  const submit = async (deal: string) => {
    for (const [itemId, value] of Object.entries(CS_CHECKLIST_ANSWERS))
      expect((await act(deal, users.rep, { type: 'set_item', itemId, value })).status).toBe(200);
    expect((await act(deal, users.rep, { type: 'submit' })).status).toBe(200);
  };
  const reject = async (deal: string) =>
    expect(
      (await act(deal, users.csManager, { type: 'reject', reason: 'not_closed' })).status,
    ).toBe(200);
  return { portalId, users, deals, submit, reject };
}

async function drain(harness: ServiceHarness, rounds = 10) {
  for (let i = 0; i < rounds; i++) {
    harness.emulator.resetRateLimits();
    await harness.service.outbox.drain();
    harness.clock.advance(60_000);
  }
}

/** Each Handoff review or rework task in HubSpot: its subject, status and last change. */
async function handoffTasks(harness: ServiceHarness, portalId: string) {
  harness.emulator.resetRateLimits();
  const client = new Client({
    accessToken: (await harness.service.tokens.accessToken(portalId)) ?? '',
    basePath: harness.emulator.url,
  });
  const page = await client.crm.objects.tasks.basicApi.getPage(100, undefined, [
    'handoff_key',
    'hs_task_subject',
    'hs_task_status',
    'hs_lastmodifieddate',
  ]);
  return page.results
    .filter((t) => t.properties.handoff_key?.startsWith('task:'))
    .map((t) => ({
      subject: t.properties.hs_task_subject ?? '',
      status: t.properties.hs_task_status ?? '',
      modifiedAt: t.properties.hs_lastmodifieddate ?? '',
    }))
    .sort((a, b) => a.subject.localeCompare(b.subject));
}

const reworkOf = async (harness: ServiceHarness, portalId: string) =>
  (await handoffTasks(harness, portalId)).find((t) => t.subject.startsWith('Rework'));

/** Moves a deal in HubSpot as a rep would; HubSpot tells the backend by webhook. */
async function moveDeal(harness: ServiceHarness, portalId: string, deal: string, stage: string) {
  harness.emulator.seed.updateDeal(portalId, deal, { dealstage: stage });
  await harness.emulator.webhooks.settled();
}

async function scan(harness: ServiceHarness, portalId: string, options: { full?: boolean } = {}) {
  harness.clock.advance(5 * 60_000);
  harness.emulator.resetRateLimits();
  return harness.service.scanner.scanPortal(portalId, options);
}

describe('review and rework tasks once the deal leaves the handoff’s stage', () => {
  it('when a rejected deal is moved back from Closed won, then the next scan completes the rep’s Rework task once, and a deal still won keeps its own open', async () => {
    h = await startServiceHarness();
    const { portalId, deals, submit, reject } = await portalWithTwoWonDeals(h);
    for (const deal of [deals.acme, deals.globex]) {
      await submit(deal);
      await reject(deal);
    }
    await drain(h);
    expect((await handoffTasks(h, portalId)).map((t) => [t.subject, t.status])).toEqual([
      [expect.stringMatching(/^Review the Sales → CS handoff on Acme/), 'COMPLETED'],
      [expect.stringMatching(/^Review the Sales → CS handoff on Globex/), 'COMPLETED'],
      ['Rework the Sales → CS handoff on Acme', 'NOT_STARTED'],
      ['Rework the Sales → CS handoff on Globex', 'NOT_STARTED'],
    ]);
    // Both still won: the rework is asked for, nothing is completed.
    expect(await scan(h, portalId)).toMatchObject({ mode: 'full', handoffsSettled: 0 });

    // The deal was not really won: the rep moves it back to Contract sent.
    await moveDeal(h, portalId, deals.acme, 'contractsent');
    expect(await scan(h, portalId)).toMatchObject({
      mode: 'changes',
      handoffsSettled: 1,
      tasksCompleted: 1,
      // One search for the open tasks, one batch update.
      completionCalls: 2,
    });
    const settled = await handoffTasks(h, portalId);
    expect(settled.slice(2).map((t) => [t.subject, t.status])).toEqual([
      ['Rework the Sales → CS handoff on Acme', 'COMPLETED'],
      ['Rework the Sales → CS handoff on Globex', 'NOT_STARTED'],
    ]);

    // Once: later scans, change-driven or full, make no call for it and change nothing.
    await moveDeal(h, portalId, deals.acme, 'decisionmakerboughtin');
    for (const full of [false, true])
      expect(await scan(h, portalId, { full })).toMatchObject({
        handoffsSettled: 0,
        tasksCompleted: 0,
        completionCalls: 0,
      });
    expect(await handoffTasks(h, portalId)).toEqual(settled);
  });

  it('when a submitted deal moves back before anyone decides, then the first (full) scan completes the CS manager’s review task, once', async () => {
    h = await startServiceHarness();
    const { portalId, deals, submit } = await portalWithTwoWonDeals(h);
    await submit(deals.acme);
    await submit(deals.globex);
    await drain(h);
    // The portal's first scan is a full one, whose searches return only deals in stages where a
    // timer runs: it reads the deal that left them with a review still open on its own.
    await moveDeal(h, portalId, deals.acme, 'qualifiedtobuy');
    expect(await scan(h, portalId)).toMatchObject({
      mode: 'full',
      handoffsSettled: 1,
      tasksCompleted: 1,
    });
    const tasks = await handoffTasks(h, portalId);
    expect(tasks.map((t) => [t.subject.replace(/ — due .*/, ''), t.status])).toEqual([
      ['Review the Sales → CS handoff on Acme', 'COMPLETED'],
      ['Review the Sales → CS handoff on Globex', 'NOT_STARTED'],
    ]);
    expect(await scan(h, portalId, { full: true })).toMatchObject({
      handoffsSettled: 0,
      completionCalls: 0,
    });
    expect(await handoffTasks(h, portalId)).toEqual(tasks);
  });

  it('when the scan fails between recording the settlement and completing its task, then the next scan completes it', async () => {
    h = await startServiceHarness();
    const { portalId, deals, submit, reject } = await portalWithTwoWonDeals(h);
    await submit(deals.acme);
    await reject(deals.acme);
    await drain(h);
    await scan(h, portalId);
    await moveDeal(h, portalId, deals.acme, 'contractsent');
    // HubSpot refuses every retry of the task update: the scan gives up with the key recorded.
    h.emulator.faults.inject({ kind: 'server-error', route: 'crm.objects.batchUpdate', count: 6 });
    await expect(scan(h, portalId)).rejects.toThrow();
    expect([...(await h.store.openEscalations(portalId)).keys()]).toEqual([
      expect.stringMatching(new RegExp(`^settled:hubspot:deal:${deals.acme}:sales_to_cs:v\\d+$`)),
    ]);
    expect(await reworkOf(h, portalId)).toMatchObject({ status: 'NOT_STARTED' });

    h.emulator.faults.clear();
    expect(await scan(h, portalId)).toMatchObject({ handoffsSettled: 1, tasksCompleted: 1 });
    expect(await reworkOf(h, portalId)).toMatchObject({ status: 'COMPLETED' });
    expect(await h.store.openEscalations(portalId)).toEqual(new Map());
    expect(await scan(h, portalId)).toMatchObject({ handoffsSettled: 0, completionCalls: 0 });
  });

  it('when the Rework task is not in HubSpot yet as the deal moves back (HubSpot refused its creation), then it is completed by the first scan after the outbox writes it', async () => {
    h = await startServiceHarness();
    const { portalId, deals, submit, reject } = await portalWithTwoWonDeals(h);
    await submit(deals.acme);
    await drain(h);
    h.emulator.faults.inject({ kind: 'server-error', route: 'crm.objects.create', count: 1000 });
    await reject(deals.acme);
    await drain(h, 3);
    await moveDeal(h, portalId, deals.acme, 'contractsent');
    // Recorded, but left open: completing now would find no task, and the one written later would stay open.
    expect(await scan(h, portalId)).toMatchObject({ handoffsSettled: 0, tasksCompleted: 0 });
    expect(await reworkOf(h, portalId)).toBeUndefined();

    h.emulator.faults.clear();
    await drain(h, 60);
    expect(await reworkOf(h, portalId)).toMatchObject({ status: 'NOT_STARTED' });
    expect(await scan(h, portalId)).toMatchObject({ handoffsSettled: 1, tasksCompleted: 1 });
    expect(await reworkOf(h, portalId)).toMatchObject({ status: 'COMPLETED' });
    expect(await scan(h, portalId)).toMatchObject({ handoffsSettled: 0, completionCalls: 0 });
  });
});
