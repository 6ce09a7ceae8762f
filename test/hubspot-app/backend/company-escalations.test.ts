// Issue 19, CS → sales expansion in HubSpot after the click: raising an expansion tells the AEs on
// the company itself (a review task each, a note of who raised it), and the scanner watches the
// AE's answer clock on companies as it does on deals and contacts — escalated once on the company
// when it runs out, the escalation's tasks completed once the AE accepts. Through the backend over
// real HTTP against the emulator (notes → company 190 and tasks → company 192, HubSpot's documented
// association types the emulator holds).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@hubspot/api-client';
import type { ScanReport } from '../../../hubspot-app/backend/scanner/scan.js';
import { startServiceHarness, type ServiceHarness } from './service-harness.js';

// New York is UTC−5 in November 2026; the harness's clock is Monday 23 November, 10:00 there.
const ny = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 5, minute);

let h: ServiceHarness;
let portalId: string;
let users: { rep: string; csManager: string; admin: string };

beforeAll(async () => {
  h = await startServiceHarness();
  portalId = h.emulator.portals.create().portalId;
  await h.install(portalId);
  users = await h.setUp(portalId);
}, 60_000);
afterAll(async () => h?.close());

function customer(name: string): string {
  return h.emulator.seed.company(portalId, { name, domain: `${name.toLowerCase()}.example` }, [
    { stage: 'opportunity', at: ny(2, 10) },
    { stage: 'customer', at: ny(16, 10) },
  ]);
}

function actor(companyId: string) {
  let n = 0;
  return (as: string, action: Record<string, unknown>) =>
    h.call('POST', `/v1/hubspot/records/companies/${companyId}/actions`, portalId, {
      as,
      body: { handoffId: 'expansion', actionId: `${companyId}-${++n}`, action },
    });
}

async function raise(companyId: string) {
  const act = actor(companyId);
  for (const [itemId, value] of Object.entries({ wants: '40 more seats', contact: 'Ana, VP Ops' }))
    expect((await act(users.csManager, { type: 'set_item', itemId, value })).status).toBe(200);
  expect((await act(users.csManager, { type: 'submit' })).status).toBe(200);
  return act;
}

async function drain(rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    h.emulator.resetRateLimits();
    await h.service.outbox.drain();
  }
}

async function client(): Promise<Client> {
  return new Client({
    accessToken: (await h.service.tokens.accessToken(portalId)) ?? '',
    basePath: h.emulator.url,
  });
}

/** The tasks on the company, as HubSpot lists them: subject and status. */
async function tasksOn(companyId: string): Promise<{ subject: string; status: string }[]> {
  const hubspot = await client();
  const linked = await hubspot.crm.associations.v4.basicApi.getPage(
    'companies',
    companyId,
    'tasks',
  );
  const out: { subject: string; status: string }[] = [];
  for (const r of linked.results) {
    const task = await hubspot.crm.objects.tasks.basicApi.getById(String(r.toObjectId), [
      'hs_task_subject',
      'hs_task_status',
    ]);
    out.push({
      subject: task.properties.hs_task_subject ?? '',
      status: task.properties.hs_task_status ?? '',
    });
  }
  return out;
}

async function notesOn(companyId: string): Promise<string[]> {
  const hubspot = await client();
  const linked = await hubspot.crm.associations.v4.basicApi.getPage(
    'companies',
    companyId,
    'notes',
  );
  const bodies: string[] = [];
  for (const r of linked.results)
    bodies.push(
      (await hubspot.crm.objects.notes.basicApi.getById(String(r.toObjectId), ['hs_note_body']))
        .properties.hs_note_body ?? '',
    );
  return bodies;
}

/** A scan a minute later (each scan reads what changed since the last one began). */
async function scan(): Promise<ScanReport> {
  h.clock.advance(60_000);
  h.emulator.resetRateLimits();
  return h.service.scanner.scanPortal(portalId);
}

describe('the expansion after CS raises it', () => {
  it('when CS raises an expansion, then the AE gets a review task on the company and the company has a note of it', async () => {
    const id = customer('Globex');
    await raise(id);
    await drain();
    const tasks = await tasksOn(id);
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      expect(task.subject).toContain('Globex');
      expect(task.status).toBe('NOT_STARTED');
    }
    expect(await notesOn(id)).toEqual([
      expect.stringMatching(/^Handoff: CS → sales expansion submitted by /),
    ]);
  });

  it("when the AE has not answered in 2 business days, then one scan escalates on the company, the next adds nothing, and the AE's accept lets a later scan complete every open task", async () => {
    const id = customer('Initech');
    const act = await raise(id); // Monday 10:00: due Wednesday 10:00
    await drain();
    const reviewTasks = (await tasksOn(id)).length;
    h.clock.set(ny(25, 11));
    const first = await scan();
    expect(first.companies).toBeGreaterThanOrEqual(1);
    expect(first.escalations).toBeGreaterThanOrEqual(1);
    const escalated = await tasksOn(id);
    expect(escalated.length).toBeGreaterThan(reviewTasks);
    expect(escalated.some((t) => /AE answers the expansion on Initech/.test(t.subject))).toBe(true);
    const second = await scan();
    expect(second.escalations).toBe(0);
    expect((await tasksOn(id)).length).toBe(escalated.length);
    // The company shows the expansion and its clock in HubSpot (a list of breached expansions).
    const mirror = async () =>
      (
        await (
          await client()
        ).crm.companies.basicApi.getById(id, [
          'handoff_expansion_status',
          'handoff_sla_ae_answers_expansion_status',
        ])
      ).properties;
    expect(await mirror()).toMatchObject({
      handoff_expansion_status: 'submitted',
      handoff_sla_ae_answers_expansion_status: 'breached',
    });

    expect((await act(users.rep, { type: 'accept' })).status).toBe(200);
    await drain();
    await scan();
    expect((await tasksOn(id)).filter((t) => t.status !== 'COMPLETED')).toEqual([]);
    expect(await mirror()).toMatchObject({
      handoff_expansion_status: 'accepted',
      handoff_sla_ae_answers_expansion_status: 'met_late',
    });
    // Decided: Initech holds no open handoff, so later scans read only Globex, still waiting.
    expect((await scan()).companies).toBe(1);
  });

  it('when the AE accepts an expansion in time, then the next scan shows its clock met on the company, and later scans read it no more', async () => {
    const id = customer('Hooli');
    const act = await raise(id);
    await drain();
    await scan();
    const clock = async () =>
      (
        await (
          await client()
        ).crm.companies.basicApi.getById(id, ['handoff_sla_ae_answers_expansion_status'])
      ).properties.handoff_sla_ae_answers_expansion_status;
    expect(await clock()).toBe('running');
    h.clock.advance(2 * 3_600_000);
    expect((await act(users.rep, { type: 'accept' })).status).toBe(200);
    await drain();
    const after = await scan();
    expect(await clock()).toBe('met');
    expect(after.statusWrites).toBeGreaterThanOrEqual(1);
    expect((await scan()).statusWrites).toBe(0);
  });
});
