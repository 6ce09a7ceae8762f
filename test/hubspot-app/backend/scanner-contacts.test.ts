// Issue 19: the scanner watches contacts as it watches deals. MQLs whose speed-to-lead timer is at
// risk or breached get their tasks exactly once, on the contact (HubSpot's task → contact
// association), a second scan adds nothing, a logged call closes the open ones, and the contact
// search pages by id so it never asks past HubSpot's 10,000 results per query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@hubspot/api-client';
import type { ScanReport } from '../../../hubspot-app/backend/scanner/scan.js';
import { seedContactPortal, type ContactPortal } from './scan-contacts-fixture.js';
import { startServiceHarness, type ServiceHarness } from './service-harness.js';

const PER_GROUP = 3;
const INERT_MQL = 400; // three search pages of candidates

let h: ServiceHarness;
let portal: ContactPortal;
let first: ScanReport;
let second: ScanReport;

beforeAll(async () => {
  h = await startServiceHarness();
  portal = await seedContactPortal(h, { perGroup: PER_GROUP, inertMql: INERT_MQL, leads: 5 });
  first = await h.service.scanner.scanPortal(portal.portalId);
  second = await h.service.scanner.scanPortal(portal.portalId);
}, 60_000);

afterAll(async () => h?.close());

async function client(): Promise<Client> {
  h.emulator.resetRateLimits();
  return new Client({
    accessToken: (await h.service.tokens.accessToken(portal.portalId)) ?? '',
    basePath: h.emulator.url,
  });
}

/** Every task in the portal: its key, owner and status. */
async function tasks() {
  const api = (await client()).crm.objects.tasks.basicApi;
  const found: { id: string; key: string; owner: string; status: string }[] = [];
  let after: string | undefined;
  do {
    const page = await api.getPage(100, after, [
      'handoff_key',
      'hubspot_owner_id',
      'hs_task_status',
    ]);
    for (const t of page.results)
      found.push({
        id: t.id,
        key: t.properties.handoff_key ?? '',
        owner: t.properties.hubspot_owner_id ?? '',
        status: t.properties.hs_task_status ?? '',
      });
    after = page.paging?.next?.after;
  } while (after);
  return found;
}

const forContact = (all: Awaited<ReturnType<typeof tasks>>, id: string | undefined) =>
  all.filter((t) => t.key.startsWith(`hubspot:contacts:${id}:`));

describe('the SLA scanner on contacts', () => {
  it('when MQLs wait too long for a first touch, then each gets exactly its tasks: the SDR when at risk, the admin when breached', async () => {
    // Counted by hand from the default playbook's speed to lead (4 business hours, at risk 1 hour
    // before, breached → admin), one SDR and one admin:
    // S1 breached: the admin's task (the SDR's at-risk level is superseded, so it creates none) → 1
    // S2 at risk: the SDR's task → 1; S3 running, S4 touched, inert MQLs touched, leads: nothing.
    const all = await tasks();
    expect(all).toHaveLength(2 * PER_GROUP);
    const s1 = forContact(all, portal.contactsOf.S1?.[0]);
    expect(s1.map((t) => t.key.split(':')[3] + ':' + t.key.split(':')[4])).toEqual([
      'speed_to_lead:L2',
    ]);
    expect(forContact(all, portal.contactsOf.S2?.[1])).toMatchObject([
      { owner: portal.sdrOwner, status: 'NOT_STARTED' },
    ]);
    expect(forContact(all, portal.contactsOf.S3?.[0])).toEqual([]);
    expect(forContact(all, portal.contactsOf.S4?.[0])).toEqual([]);
    expect(first).toMatchObject({
      contacts: portal.candidates,
      deals: 0,
      // S1 records both levels (the superseded one with no task), S2 one.
      escalations: 3 * PER_GROUP,
    });
  });

  it('when the scan judges MQLs, then each contact shows its speed to lead in HubSpot (a marketing list of breached MQLs can read it), written 100 contacts a call, and the second scan writes none', async () => {
    const api = (await client()).crm.contacts.basicApi;
    const status = async (group: string) =>
      (
        await api.getById(portal.contactsOf[group]?.[0] ?? '', [
          'handoff_sla_speed_to_lead_status',
          'handoff_sla_speed_to_lead_due_at',
        ])
      ).properties;
    // The groups' states by hand (scan-contacts-fixture.ts): breached, at risk, running, touched.
    expect((await status('S1')).handoff_sla_speed_to_lead_status).toBe('breached');
    expect((await status('S2')).handoff_sla_speed_to_lead_status).toBe('at_risk');
    expect((await status('S3')).handoff_sla_speed_to_lead_status).toBe('running');
    expect((await status('S4')).handoff_sla_speed_to_lead_status).toBe('met');
    // S1's MQL was Friday 9:00: 4 business hours end Friday 13:00 New York (18:00 UTC).
    expect(Date.parse((await status('S1')).handoff_sla_speed_to_lead_due_at ?? '')).toBe(
      Date.UTC(2026, 10, 20, 18),
    );
    // Every candidate's mirror was empty before the first scan: all written, 100 a call.
    expect(first.statusWrites).toBe(portal.candidates);
    const writes = h.emulator.requestLog
      .entries()
      .filter((e) => e.route === 'crm.objects.batchUpdate' && e.path.includes('contacts'));
    expect(writes).toHaveLength(Math.ceil(portal.candidates / 100));
    expect(second.statusWrites).toBe(0);
  });

  it('when a task is created, then HubSpot shows it on the contact (task → contact association)', async () => {
    const contactId = portal.contactsOf.S2?.[0] ?? '';
    const api = (await client()).crm.associations.v4.basicApi;
    const linked = await api.getPage('contacts', contactId, 'tasks');
    const task = forContact(await tasks(), contactId)[0];
    expect(linked.results.map((r) => String(r.toObjectId))).toEqual([task?.id]);
  });

  it('when the scan runs again, then nothing is escalated twice', async () => {
    expect(second).toMatchObject({ escalations: 0, contacts: portal.candidates });
    expect(await tasks()).toHaveLength(2 * PER_GROUP);
  });

  it('when it searches contacts, then it pages by id from the first result, so no query reaches the 10,000-result cap', () => {
    const searches = h.emulator.requestLog
      .entries()
      .filter((e) => e.route === 'crm.objects.search' && e.path.includes('contacts'));
    // 412 candidates, 200 a page: three pages per scan, two scans.
    expect(searches).toHaveLength(2 * Math.ceil((portal.candidates + 1) / 200));
    expect(searches.every((e) => e.status === 200)).toBe(true);
    // Batch reads with property history take 50 contacts: ceil(200/50)+ceil(200/50)+ceil(12/50).
    const perScan = 4 + 4 + 1;
    const reads = h.emulator.requestLog
      .entries()
      .filter((e) => e.route === 'crm.objects.batchRead' && e.path.includes('contacts'));
    expect(reads).toHaveLength(2 * perScan);
  });

  it('when sales calls the at-risk MQLs, then the next scan completes their open tasks and leaves the breached ones', async () => {
    h.clock.advance(10 * 60_000);
    for (const id of portal.contactsOf.S2 ?? [])
      h.emulator.seed.touchContact(portal.portalId, id, h.clock.now());
    h.clock.advance(60_000);
    h.emulator.resetRateLimits();
    const third = await h.service.scanner.scanPortal(portal.portalId);
    expect(third).toMatchObject({ escalations: 0, tasksCompleted: PER_GROUP });
    const all = await tasks();
    for (const id of portal.contactsOf.S2 ?? [])
      expect(forContact(all, id).map((t) => t.status)).toEqual(['COMPLETED']);
    for (const id of portal.contactsOf.S1 ?? [])
      expect(forContact(all, id).map((t) => t.status)).toEqual(['NOT_STARTED']);
  });
});
