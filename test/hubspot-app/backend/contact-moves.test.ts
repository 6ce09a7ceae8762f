// Issue 19: where a marketing → sales decision sends the contact in HubSpot, through the backend
// over real HTTP against the emulator (which keeps HubSpot's forward-only lifecycle stage): a
// rejected MQL goes back to lead (cleared first, HubSpot's documented way back), with a note that
// says why; an accepted one becomes an SQL owned by the person who accepted; a failed write is
// retried until it lands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@hubspot/api-client';
import type { RecordView } from '@handoff/shared';
import { startServiceHarness, type ServiceHarness } from './service-harness.js';

// New York is UTC−5 in November 2026; the harness's clock is Monday 23 November, 10:00 there.
const ny = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 5, minute);

let h: ServiceHarness;
let portalId: string;
let users: { rep: string; admin: string };
let marketer: string;
let sdr: string;
let sdrOwner: string;

beforeAll(async () => {
  h = await startServiceHarness();
  portalId = h.emulator.portals.create().portalId;
  const marketing = h.emulator.seed.owner(portalId, {
    email: 'mia@example.com',
    firstName: 'Mia',
    lastName: 'Marketer',
    teams: [{ name: 'Marketing' }],
  });
  const sdrSeed = h.emulator.seed.owner(portalId, {
    email: 'sid@example.com',
    firstName: 'Sid',
    lastName: 'Sdr',
    teams: [{ name: 'SDR' }],
  });
  marketer = String(marketing.userId);
  sdr = String(sdrSeed.userId);
  sdrOwner = sdrSeed.id;
  await h.install(portalId);
  users = await h.setUp(portalId);
}, 60_000);
afterAll(async () => h?.close());

function mql(): string {
  return h.emulator.seed.contact(portalId, {
    properties: {
      firstname: 'Dana',
      lastname: 'Lee',
      email: `dana-${Math.random()}@acme.example`,
      jobtitle: 'VP Operations',
      company: 'Acme',
    },
    lifecycle: [
      { stage: 'lead', at: ny(16, 10) },
      { stage: 'marketingqualifiedlead', at: ny(23, 9) },
    ],
  });
}

/** Marketing fills the brief and submits it; returns `act` for the next moves. */
async function submitted(id: string) {
  let n = 0;
  const act = (as: string, action: Record<string, unknown>) =>
    h.call('POST', `/v1/hubspot/records/contacts/${id}/actions`, portalId, {
      as,
      body: { handoffId: 'mql_to_sales', actionId: `${id}-${++n}`, action },
    });
  const answers = { source: 'Pricing webinar', engaged_with: 'Pricing page', fit: 'Good' };
  for (const [itemId, value] of Object.entries(answers))
    expect((await act(marketer, { type: 'set_item', itemId, value })).status).toBe(200);
  expect((await act(marketer, { type: 'submit' })).status).toBe(200);
  return act;
}

async function drain(rounds = 12): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    h.emulator.resetRateLimits();
    await h.service.outbox.drain();
    h.clock.advance(60_000);
  }
}

async function hubspot(): Promise<Client> {
  return new Client({
    accessToken: (await h.service.tokens.accessToken(portalId)) ?? '',
    basePath: h.emulator.url,
  });
}

async function read(id: string) {
  const contact = await (
    await hubspot()
  ).crm.contacts.basicApi.getById(id, ['lifecyclestage', 'hubspot_owner_id'], ['lifecyclestage']);
  return {
    stage: contact.properties.lifecyclestage,
    owner: contact.properties.hubspot_owner_id,
    history: (contact.propertiesWithHistory?.lifecyclestage ?? []).map((e) => e.value ?? null),
  };
}

async function notesOn(id: string): Promise<string[]> {
  const client = await hubspot();
  const linked = await client.crm.associations.v4.basicApi.getPage('contacts', id, 'notes');
  const bodies: string[] = [];
  for (const r of linked.results)
    bodies.push(
      (await client.crm.objects.notes.basicApi.getById(String(r.toObjectId), ['hs_note_body']))
        .properties.hs_note_body ?? '',
    );
  return bodies;
}

/** The tasks on the contact: subject, status and due time (hs_timestamp, ms). */
async function tasksOn(id: string) {
  const client = await hubspot();
  const linked = await client.crm.associations.v4.basicApi.getPage('contacts', id, 'tasks');
  const tasks: { subject: string; status: string; due: number }[] = [];
  for (const r of linked.results) {
    const task = await client.crm.objects.tasks.basicApi.getById(String(r.toObjectId), [
      'hs_task_subject',
      'hs_task_status',
      'hs_timestamp',
    ]);
    tasks.push({
      subject: task.properties.hs_task_subject ?? '',
      status: task.properties.hs_task_status ?? '',
      due: Date.parse(task.properties.hs_timestamp ?? ''),
    });
  }
  return tasks;
}

describe('the tasks a marketing → sales handoff opens on the contact', () => {
  it('when marketing submits an MQL, then each review task is due when sales must decide (one business day later), not when speed to lead runs out', async () => {
    h.clock.set(ny(23, 10));
    const id = mql(); // MQL at 9:00: speed to lead is due at 13:00
    await submitted(id); // at 10:00: sales decides by Tuesday 10:00
    await drain(1);
    const reviews = await tasksOn(id);
    expect(reviews.length).toBeGreaterThan(0);
    for (const task of reviews) expect(task.due).toBe(ny(24, 10));
  });

  it('when the SDR recycles an MQL, then the review tasks are completed and marketing gets no rework task: the handoff is settled at lead, and the note says why', async () => {
    h.clock.set(ny(23, 10));
    const id = mql();
    const act = await submitted(id);
    await drain(1);
    const reviews = (await tasksOn(id)).length;
    expect((await act(sdr, { type: 'reject', reason: 'not_ready' })).status).toBe(200);
    await drain();
    const tasks = await tasksOn(id);
    expect(tasks.length).toBe(reviews);
    expect(tasks.filter((t) => t.status !== 'COMPLETED')).toEqual([]);
    expect(tasks.some((t) => t.subject.startsWith('Rework'))).toBe(false);
  });
});

describe("the contact's Handoff properties (what HubSpot lists and workflows read)", () => {
  it('when marketing submits and the SDR recycles an MQL, then the contact shows the handoff submitted, then rejected with its reason and who submitted it', async () => {
    h.clock.set(ny(23, 10));
    const id = mql();
    const act = await submitted(id);
    await drain(1);
    const mirror = async () =>
      (
        await (
          await hubspot()
        ).crm.contacts.basicApi.getById(id, [
          'handoff_mql_to_sales_status',
          'handoff_mql_to_sales_submitted_by',
          'handoff_mql_to_sales_rejection_reason',
        ])
      ).properties;
    expect(await mirror()).toMatchObject({
      handoff_mql_to_sales_status: 'submitted',
      handoff_mql_to_sales_submitted_by: marketer,
    });
    expect((await act(sdr, { type: 'reject', reason: 'not_ready' })).status).toBe(200);
    await drain();
    expect(await mirror()).toMatchObject({
      handoff_mql_to_sales_status: 'rejected',
      handoff_mql_to_sales_rejection_reason: 'not_ready',
    });
  });
});

describe("a marketing → sales decision moves the contact's lifecycle stage", () => {
  it('when the SDR rejects an MQL as not ready, then HubSpot shows it back at lead (cleared, then set) with a note saying why, and the card follows', async () => {
    const id = mql();
    const act = await submitted(id);
    const rejected = await act(sdr, {
      type: 'reject',
      reason: 'not_ready',
      comment: 'Budget opens in Q2',
    });
    expect(rejected.status).toBe(200);
    await drain();
    const contact = await read(id);
    expect(contact.stage).toBe('lead');
    // Newest first: lead, the clear, then the MQL and the lead before it.
    expect(contact.history).toEqual(['lead', null, 'marketingqualifiedlead', 'lead']);
    // Marketing sees why, on the contact (after the submission's own note).
    expect(await notesOn(id)).toEqual([
      'Handoff: Marketing → sales (MQL) submitted by Mia Marketer.',
      'Handoff: Marketing → sales (MQL) rejected by Sid Sdr (Not ready to buy yet) — “Budget opens in Q2”',
    ]);
    const card = await h.call('GET', `/v1/hubspot/records/contacts/${id}`, portalId, {
      as: marketer,
    });
    expect((card.body as RecordView).currentStage?.id).toBe('lead');
  });

  it('when an AE accepts an MQL, then HubSpot shows it as an SQL owned by the AE, in one write (forward needs no clear)', async () => {
    const id = mql();
    const act = await submitted(id);
    expect((await act(users.rep, { type: 'accept' })).status).toBe(200);
    await drain();
    const contact = await read(id);
    expect(contact.stage).toBe('salesqualifiedlead');
    expect(contact.history).toEqual(['salesqualifiedlead', 'marketingqualifiedlead', 'lead']);
    const owners = await (await hubspot()).crm.owners.ownersApi.getPage();
    const rep = owners.results.find((o) => String(o.userId) === users.rep);
    expect(contact.owner).toBe(rep?.id);
  });

  it('when the accept names an assignee, then the contact is owned by the assignee', async () => {
    const id = mql();
    const act = await submitted(id);
    expect((await act(users.admin, { type: 'accept', assigneeId: sdr })).status).toBe(200);
    await drain();
    expect(await read(id)).toMatchObject({ stage: 'salesqualifiedlead', owner: sdrOwner });
  });

  it('when HubSpot fails the writes for a while, then the move is retried until the contact is back at lead', async () => {
    const id = mql();
    const act = await submitted(id);
    await drain(); // the submission's own writes (the reviewers' tasks)
    h.emulator.faults.inject({ kind: 'server-error', route: 'crm.objects.update', count: 3 });
    expect((await act(sdr, { type: 'reject', reason: 'bad_fit' })).status).toBe(200);
    await drain();
    expect((await read(id)).stage).toBe('lead');
  });
});
