import { Client } from '@hubspot/api-client';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS } from '../../../hubspot-app/backend/outbox/worker.js';
import { portalWithWonDeal, startServiceHarness, type ServiceHarness } from './service-harness.js';
import { CS_CHECKLIST_ANSWERS } from './answers.js';

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ANSWERS = CS_CHECKLIST_ANSWERS;

/** A won deal whose CS handoff the rep completes and submits, and the CS manager rejects. */
async function submitAndReject(harness: ServiceHarness) {
  const { portalId, deal, users, act } = await portalWithWonDeal(harness);
  for (const [itemId, value] of Object.entries(ANSWERS))
    await act(users.rep, { type: 'set_item', itemId, value });
  expect((await act(users.rep, { type: 'submit' })).status).toBe(200);
  expect(
    (await act(users.csManager, { type: 'reject', reason: 'missing_information' })).status,
  ).toBe(200);

  return { portalId, deal, users, act };
}

/** The real client with the portal's own token, as a person inspecting HubSpot would read it. */
async function hubspotAs(harness: ServiceHarness, portalId: string) {
  const installation = await harness.store.getInstallation(portalId);
  const token =
    (await harness.service.tokens.accessToken(portalId)) ?? installation?.accessToken ?? '';
  harness.emulator.resetRateLimits();
  return new Client({ accessToken: token, basePath: harness.emulator.url });
}

/** HubSpot owner id by user id, as HubSpot's owners API lists them. */
async function ownersOf(harness: ServiceHarness, portalId: string) {
  const client = await hubspotAs(harness, portalId);
  const page = await client.crm.owners.ownersApi.getPage();
  return new Map(page.results.map((o) => [String(o.userId), o.id]));
}

/** Tasks in HubSpot: who they are for and whether they are still open, by Handoff key. */
async function tasksOf(harness: ServiceHarness, portalId: string) {
  const client = await hubspotAs(harness, portalId);
  const page = await client.crm.objects.tasks.basicApi.getPage(100, undefined, [
    'handoff_key',
    'hs_task_subject',
    'hs_task_status',
    'hubspot_owner_id',
  ]);
  return page.results.map((r) => ({
    subject: r.properties.hs_task_subject,
    owner: r.properties.hubspot_owner_id,
    status: r.properties.hs_task_status,
  }));
}

async function engagementsOf(harness: ServiceHarness, portalId: string, type: 'notes' | 'tasks') {
  const client = await hubspotAs(harness, portalId);
  const page = await (
    type === 'notes' ? client.crm.objects.notes : client.crm.objects.tasks
  ).basicApi.getPage(100, undefined, ['handoff_key']);
  return page.results.map((r) => r.properties.handoff_key);
}

async function drainUntilQuiet(harness: ServiceHarness, rounds = 30) {
  for (let i = 0; i < rounds; i++) {
    harness.emulator.resetRateLimits();
    await harness.service.outbox.drain();
    harness.clock.advance(60_000);
  }
}

describe('the mirror outbox', () => {
  it('when HubSpot answers 429 and 500 during the writes, then every note, task and mirror lands exactly once', async () => {
    h = await startServiceHarness();
    const { portalId, deal } = await submitAndReject(h);
    h.emulator.faults.inject({ kind: 'rate-limit', route: 'crm.objects.create', count: 3 });
    h.emulator.faults.inject({ kind: 'server-error', route: 'crm.objects.create', count: 2 });
    h.emulator.faults.inject({
      kind: 'server-error',
      route: 'crm.objects.update',
      count: 2,
      status: 503,
    });
    await drainUntilQuiet(h);

    const outbox = await h.store.outboxOf(portalId);
    expect(outbox.filter((e) => e.status !== 'done')).toEqual([]);
    // One note per transition (submitted, rejected); on submission a task for each holder of the
    // first accepting role (the CS manager; the RevOps admin may accept too, with no task of their
    // own), on rejection one for the rep who submitted.
    expect((await engagementsOf(h, portalId, 'notes')).sort()).toEqual(
      ['note:a9:0', 'note:a10:0'].sort(),
    );
    // Notes are for people: they name who acted, as HubSpot shows them.
    const client = await hubspotAs(h, portalId);
    const bodies = (
      await client.crm.objects.notes.basicApi.getPage(100, undefined, ['hs_note_body'])
    ).results.map((n) => n.properties.hs_note_body);
    expect(bodies.sort()).toEqual([
      'Handoff: Sales → CS rejected by Casey Manager (Missing or vague information).',
      'Handoff: Sales → CS submitted by Riley Rep.',
    ]);
    expect((await engagementsOf(h, portalId, 'tasks')).length).toBe(2);
    expect(outbox.some((e) => e.attempts > 0)).toBe(true);

    h.emulator.resetRateLimits();
    const mirrored = await client.crm.deals.basicApi.getById(deal, [
      'handoff_sales_to_cs_status',
      'handoff_sales_to_cs_rejection_reason',
    ]);
    expect(mirrored.properties).toMatchObject({
      handoff_sales_to_cs_status: 'rejected',
      handoff_sales_to_cs_rejection_reason: 'missing_information',
    });

    await drainUntilQuiet(h, 5);
    expect((await engagementsOf(h, portalId, 'notes')).length).toBe(2);
  });

  it('when a review is decided or a rework resubmitted, then the tasks that asked for it are completed, even if they were written late', async () => {
    h = await startServiceHarness();
    // The review tasks' creation fails a few times, so the rejection's "complete" item comes due first.
    h.emulator.faults.inject({ kind: 'server-error', route: 'crm.objects.create', count: 4 });
    const { portalId, users, act } = await submitAndReject(h);
    await drainUntilQuiet(h);
    const owners = await ownersOf(h, portalId);
    const ownerOf = (userId: string) => owners.get(userId);
    const [rep, cs, admin] = [ownerOf(users.rep), ownerOf(users.csManager), ownerOf(users.admin)];

    const sortTasks = (tasks: Awaited<ReturnType<typeof tasksOf>>) =>
      [...tasks].sort((a, b) => `${a.subject}${a.owner}`.localeCompare(`${b.subject}${b.owner}`));
    // The rejection closed the CS manager's review task and opened a rework task for the rep.
    // Each names the deal; a review is due when CS's accept SLA is (submitted Monday 10:00 New
    // York, one business day); the accept SLA is paused while the rep reworks, so no due time then.
    const review = 'Review the Sales → CS handoff on Acme — due Nov 24, 2026, 10:00 AM EST';
    expect(sortTasks(await tasksOf(h, portalId))).toEqual(
      sortTasks([
        { subject: review, owner: cs, status: 'COMPLETED' },
        { subject: 'Rework the Sales → CS handoff on Acme', owner: rep, status: 'NOT_STARTED' },
      ]),
    );

    await act(users.rep, { type: 'set_item', itemId: 'promises', value: 'Quarterly reviews, SSO' });
    expect((await act(users.rep, { type: 'submit' })).status).toBe(200);
    await drainUntilQuiet(h, 5);
    const afterResubmit = await tasksOf(h, portalId);
    expect(afterResubmit.find((t) => t.subject?.startsWith('Rework'))?.status).toBe('COMPLETED');
    expect(
      afterResubmit
        .filter((t) => t.status === 'NOT_STARTED')
        .map((t) => t.owner)
        .sort(),
    ).toEqual([cs]);
    // The admin may accept, but gets no task of their own.
    expect(afterResubmit.some((t) => t.owner === admin)).toBe(false);

    expect((await act(users.csManager, { type: 'accept' })).status).toBe(200);
    await drainUntilQuiet(h, 5);
    const afterAccept = await tasksOf(h, portalId);
    expect(afterAccept).toHaveLength(3);
    expect(afterAccept.filter((t) => t.status !== 'COMPLETED')).toEqual([]);
  });

  it(`when a write keeps failing, then after ${MAX_ATTEMPTS} attempts it is listed as failing by the status (and still retried)`, async () => {
    h = await startServiceHarness();
    const { portalId, users } = await submitAndReject(h);
    h.emulator.faults.inject({ kind: 'server-error', route: 'crm.objects.create', count: 1000 });
    for (let i = 0; i < 12; i++) {
      h.emulator.resetRateLimits();
      await h.service.outbox.drain();
      h.clock.advance(10 * 60_000);
    }
    const failed = (await h.store.outboxOf(portalId)).filter((e) => e.status === 'failed');
    expect(failed.length).toBe(4);
    expect(failed.every((e) => e.attempts >= MAX_ATTEMPTS)).toBe(true);
    h.emulator.faults.clear();
    const status = await h.call('GET', '/v1/hubspot/status', portalId, { as: users.admin });
    expect(
      (status.body as { outbox: { failed: { what: string }[] } }).outbox.failed
        .map((f) => f.what)
        .sort(),
    ).toEqual([
      'Add a note in HubSpot',
      'Add a note in HubSpot',
      'Create a task in HubSpot',
      'Create a task in HubSpot',
    ]);
  });
});
