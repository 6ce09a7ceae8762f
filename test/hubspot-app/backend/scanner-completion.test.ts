import { Client } from '@hubspot/api-client';
import { afterEach, describe, expect, it } from 'vitest';
import { SCANNER_PLAYBOOK_TEXT } from '../../fixtures/scanner-playbook.js';
import { startServiceHarness, type ServiceHarness } from './service-harness.js';
import { CS_CHECKLIST_ANSWERS } from './answers.js';

/** New York wall time in November 2026 (UTC−5). */
const ny = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 5, minute);

const ANSWERS = CS_CHECKLIST_ANSWERS;

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function hubspotAs(harness: ServiceHarness, portalId: string) {
  harness.emulator.resetRateLimits();
  return new Client({
    accessToken: (await harness.service.tokens.accessToken(portalId)) ?? '',
    basePath: harness.emulator.url,
  });
}

interface Task {
  id: string;
  key: string;
  status: string;
  modifiedAt: string;
}

/** Every task in HubSpot, as a person inspecting the portal would read them. */
async function tasksOf(harness: ServiceHarness, portalId: string): Promise<Task[]> {
  const client = await hubspotAs(harness, portalId);
  const tasks: Task[] = [];
  let after: string | undefined;
  do {
    harness.emulator.resetRateLimits();
    const page = await client.crm.objects.tasks.basicApi.getPage(100, after, [
      'handoff_key',
      'hs_task_status',
      'hs_lastmodifieddate',
    ]);
    tasks.push(
      ...page.results.map((t) => ({
        id: t.id,
        key: t.properties.handoff_key ?? '',
        status: t.properties.hs_task_status ?? '',
        modifiedAt: t.properties.hs_lastmodifieddate ?? '',
      })),
    );
    after = page.paging?.next?.after;
  } while (after);
  return tasks;
}

/** Requests the scanner made to complete tasks: task searches and task batch updates. */
function completionRequests(harness: ServiceHarness, portalId: string): number {
  return harness.emulator.requestLog
    .entries({ portalId })
    .filter(
      (e) =>
        (e.method === 'POST' && e.path === '/crm/v3/objects/tasks/search') ||
        (e.method === 'POST' && e.path === '/crm/v3/objects/tasks/batch/update'),
    ).length;
}

/** The CS-timer escalation tasks of a deal (keys name the record: hubspot:deal:<id>:<sla>:L<n>:…). */
const csTasksOf = (tasks: Task[], deal: string) =>
  tasks.filter((t) => t.key.startsWith(`hubspot:deal:${deal}:cs_accepts_won_deal:`));

describe('the scanner once an SLA is met', () => {
  it('when CS accepts a won deal whose timer was at risk and breached, then the next scan completes exactly its open escalation tasks, and a third scan makes no call', async () => {
    h = await startServiceHarness({ playbookText: SCANNER_PLAYBOOK_TEXT });
    const portal = h.emulator.portals.create();
    const portalId = portal.portalId;
    await h.install(portalId);
    const users = await h.setUp(portalId);
    // Won Monday 10:00 New York; the CS timer has one business day (8 h).
    h.clock.set(ny(23, 10));
    const won = (name: string) =>
      h!.emulator.seed.deal(portalId, {
        properties: {
          dealname: name,
          amount: '24000',
          handoff_arr: '24000',
          handoff_contract_start: '2026-12-01',
        },
        stageHistory: [{ stage: 'closedwon', at: ny(23, 10) }],
      });
    const acme = won('Acme');
    const globex = won('Globex');

    // Monday 16:30: 6.5 of 8 h used → at risk: a task for the CS manager on each deal.
    h.clock.set(ny(23, 16, 30));
    h.emulator.resetRateLimits();
    expect(await h.service.scanner.scanPortal(portalId)).toMatchObject({
      escalations: 2,
      escalationsClosed: 0,
      completionCalls: 0,
    });
    // Tuesday 15:00: due at 10:00, 5 business hours past → a note for CS, a task for the admin;
    // the breach supersedes the at-risk level: both at-risk tasks completed (one search, one update).
    h.clock.set(ny(24, 15));
    h.emulator.resetRateLimits();
    expect(await h.service.scanner.scanPortal(portalId)).toMatchObject({
      escalations: 4,
      escalationsClosed: 2,
      tasksCompleted: 2,
      completionCalls: 2,
    });
    const raised = await tasksOf(h, portalId);
    const levels = (deal: string) =>
      csTasksOf(raised, deal).map((t) => [t.key.split(':')[4], t.status]);
    expect(levels(acme)).toEqual([
      ['L1', 'COMPLETED'],
      ['L3', 'NOT_STARTED'],
    ]);
    expect(levels(globex)).toEqual(levels(acme));
    const superseded = csTasksOf(raised, acme).find((t) => t.key.includes(':L1:'));

    // The rep hands Acme over and CS accepts it through the card API, at 15:30.
    h.clock.set(ny(24, 15, 30));
    let n = 0;
    const act = (as: string, action: Record<string, unknown>) =>
      h!.call('POST', `/v1/hubspot/records/deals/${acme}/actions`, portalId, {
        as,
        body: { handoffId: 'sales_to_cs', actionId: `a${++n}`, action },
      });
    for (const [itemId, value] of Object.entries(ANSWERS))
      expect((await act(users.rep, { type: 'set_item', itemId, value })).status).toBe(200);
    expect((await act(users.rep, { type: 'submit' })).status).toBe(200);
    expect((await act(users.csManager, { type: 'accept' })).status).toBe(200);

    h.clock.set(ny(24, 16));
    h.emulator.resetRateLimits();
    h.emulator.requestLog.clear();
    const closing = await h.service.scanner.scanPortal(portalId);
    // Acme's breach note (it stays, as history) and admin task close: one search, one update.
    expect(closing).toMatchObject({
      escalations: 0,
      escalationsClosed: 2,
      tasksCompleted: 1,
      completionCalls: 2,
    });
    expect(completionRequests(h, portalId)).toBe(2);

    const after = await tasksOf(h, portalId);
    expect(csTasksOf(after, acme).map((t) => t.status)).toEqual(['COMPLETED', 'COMPLETED']);
    expect(csTasksOf(after, globex).map((t) => t.status)).toEqual(['COMPLETED', 'NOT_STARTED']);
    // The at-risk task completed when it was superseded was not written again.
    expect(after.find((t) => t.id === superseded!.id)).toEqual(superseded);

    h.clock.set(ny(24, 16, 30));
    h.emulator.resetRateLimits();
    h.emulator.requestLog.clear();
    expect(await h.service.scanner.scanPortal(portalId)).toMatchObject({
      escalationsClosed: 0,
      tasksCompleted: 0,
      completionCalls: 0,
    });
    expect(completionRequests(h, portalId)).toBe(0);
  });

  it('when a deal whose AE timer breached moves on to a stage no SLA watches, then the next scan reads it once and completes its tasks', async () => {
    h = await startServiceHarness({ playbookText: SCANNER_PLAYBOOK_TEXT });
    const portal = h.emulator.portals.create();
    const portalId = portal.portalId;
    await h.install(portalId);
    const users = await h.setUp(portalId);
    const client = await hubspotAs(h, portalId);
    const rep = (await client.crm.owners.ownersApi.getPage()).results.find(
      (o) => String(o.userId) === users.rep,
    );
    expect(rep).toBeDefined();
    const booked = (name: string) =>
      h!.emulator.seed.deal(portalId, {
        properties: { dealname: name, hubspot_owner_id: rep!.id },
        stageHistory: [{ stage: 'appointmentscheduled', at: ny(23, 9) }],
      });
    const moved = booked('Moved on');
    const waiting = booked('Still waiting');

    // Monday 16:00: 7 of 4 business hours → breached when first seen: a task for the admin; the
    // owner's at-risk level is recorded but superseded, so it creates no task.
    h.clock.set(ny(23, 16));
    h.emulator.resetRateLimits();
    expect(await h.service.scanner.scanPortal(portalId)).toMatchObject({ escalations: 4 });
    expect((await tasksOf(h, portalId)).map((t) => t.key.split(':')[4])).toEqual(['L2', 'L2']);

    // The rep moves one deal on without accepting the handoff: its AE timer stops (met late).
    h.clock.set(ny(23, 16, 30));
    await (
      await hubspotAs(h, portalId)
    ).crm.deals.basicApi.update(moved, { properties: { dealstage: 'qualifiedtobuy' } });

    h.clock.set(ny(23, 17));
    h.emulator.resetRateLimits();
    h.emulator.requestLog.clear();
    // The change search finds it (its stage changed) though it left the searched stages: no batch
    // read, one task search, one batch update.
    expect(await h.service.scanner.scanPortal(portalId)).toMatchObject({
      mode: 'changes',
      escalations: 0,
      escalationsClosed: 2,
      tasksCompleted: 1,
      completionCalls: 2,
    });
    const after = await tasksOf(h, portalId);
    const aeTasksOf = (deal: string) =>
      after
        .filter((t) => t.key.startsWith(`hubspot:deal:${deal}:ae_accepts_new_deal:`))
        .map((t) => t.status);
    expect(aeTasksOf(moved)).toEqual(['COMPLETED']);
    expect(aeTasksOf(waiting)).toEqual(['NOT_STARTED']);

    h.clock.set(ny(23, 17, 30));
    h.emulator.resetRateLimits();
    h.emulator.requestLog.clear();
    expect(await h.service.scanner.scanPortal(portalId)).toMatchObject({ completionCalls: 0 });
    expect(
      h.emulator.requestLog.entries({ portalId }).filter((e) => e.path.includes('batch/read')),
    ).toEqual([]);
  });
});
