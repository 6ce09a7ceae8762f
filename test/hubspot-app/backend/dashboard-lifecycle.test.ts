// Issue 19: the queue and the dashboard count the whole lifecycle, not deals alone. A contact read by
// the card or the scanner joins the portal picture beside the deals: its MQL review waits in the
// SDR's queue, its speed to lead shows under attention, and the marketing → sales seam counts its
// decisions. A recycled contact is read once more by the next scan, so the picture follows it back
// to lead. Through the backend over real HTTP against the emulator, as contact-moves.test.ts does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardResponse, QueueResponse } from '@handoff/shared';
import { startServiceHarness, type ServiceHarness } from './service-harness.js';

// New York is UTC−5 in November 2026; the harness's clock is Monday 23 November, 10:00 there.
const ny = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 5, minute);

let h: ServiceHarness;
let portalId: string;
let users: { rep: string; admin: string };
let marketer: string;
let sdr: string;

beforeAll(async () => {
  h = await startServiceHarness();
  portalId = h.emulator.portals.create().portalId;
  marketer = String(
    h.emulator.seed.owner(portalId, {
      email: 'mia@example.com',
      firstName: 'Mia',
      lastName: 'Marketer',
      teams: [{ name: 'Marketing' }],
    }).userId,
  );
  sdr = String(
    h.emulator.seed.owner(portalId, {
      email: 'sid@example.com',
      firstName: 'Sid',
      lastName: 'Sdr',
      teams: [{ name: 'SDR' }],
    }).userId,
  );
  await h.install(portalId);
  users = await h.setUp(portalId);
}, 60_000);
afterAll(async () => h?.close());

/** An MQL since 09:00 today, nobody has called: speed to lead (4 business hours) is running. */
function mql(name: string): string {
  return h.emulator.seed.contact(portalId, {
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
}

function actor(id: string) {
  let n = 0;
  return (as: string, action: Record<string, unknown>) =>
    h.call('POST', `/v1/hubspot/records/contacts/${id}/actions`, portalId, {
      as,
      body: { handoffId: 'mql_to_sales', actionId: `${id}-${++n}`, action },
    });
}

async function submit(id: string) {
  const act = actor(id);
  const answers = { source: 'Pricing webinar', engaged_with: 'Pricing page', fit: 'Good' };
  for (const [itemId, value] of Object.entries(answers))
    expect((await act(marketer, { type: 'set_item', itemId, value })).status).toBe(200);
  expect((await act(marketer, { type: 'submit' })).status).toBe(200);
  return act;
}

async function dashboard(): Promise<DashboardResponse> {
  const answer = await h.call('GET', '/v1/hubspot/dashboard', portalId, { as: users.admin });
  expect(answer.status).toBe(200);
  return answer.body as DashboardResponse;
}

async function queue(as: string): Promise<QueueResponse> {
  const answer = await h.call('GET', '/v1/hubspot/queue', portalId, { as });
  expect(answer.status).toBe(200);
  return answer.body as QueueResponse;
}

async function drain(rounds = 12): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    h.emulator.resetRateLimits();
    await h.service.outbox.drain();
    h.clock.advance(60_000);
  }
}

describe('the dashboard and the queue over contacts', () => {
  it("when marketing submits an MQL, then it waits in the SDR's queue as a contact, and its running speed to lead is counted", async () => {
    const id = mql('Dana');
    await submit(id);
    const rows = (await queue(sdr)).rows.filter((r) => r.recordId === id);
    expect(rows).toMatchObject([
      { objectType: 'contacts', recordName: 'Dana Lee', handoffId: 'mql_to_sales' },
    ]);
    const stl = (await dashboard()).metrics.seams.marketingToSales;
    expect(stl).toMatchObject({ submitted: 1, accepted: 0, rejected: 0 });
    expect(stl?.speedToLead).toMatchObject({ slaId: 'speed_to_lead', untouchedNow: 1 });
  });

  it('when the speed-to-lead clock has run out, then the contact is under attention as breached', async () => {
    h.clock.set(ny(23, 15)); // 09:00 + 4 business hours = 13:00
    const all = (await dashboard()).attention.bySla.flatMap((group) => group.records);
    expect(all).toContainEqual(
      expect.objectContaining({ name: 'Dana Lee', slaId: 'speed_to_lead', state: 'breached' }),
    );
  });

  it("when the SDR recycles an MQL as not ready, then the seam counts the reason, and the next scan follows the contact back to lead (it leaves the SDR's queue and attention)", async () => {
    const id = mql('Eli');
    const act = await submit(id);
    await h.service.scanner.scanPortal(portalId); // sees Eli as an MQL
    h.clock.advance(60_000);
    expect(
      (await act(sdr, { type: 'reject', reason: 'not_ready', comment: 'Budget opens in Q2' }))
        .status,
    ).toBe(200);
    await drain(); // HubSpot moves the contact back to lead
    await h.service.scanner.scanPortal(portalId);
    h.clock.advance(31_000); // past the picture's life, so the dashboard is computed again
    const board = await dashboard();
    expect(board.metrics.seams.marketingToSales?.recycleReasons).toEqual([
      { id: 'not_ready', label: 'Not ready to buy yet', count: 1 },
    ]);
    const names = board.attention.bySla.flatMap((group) => group.records.map((r) => r.name));
    expect(names).not.toContain('Eli Lee');
    expect((await queue(sdr)).rows.map((r) => r.recordName)).not.toContain('Eli Lee');
  });

  it('when a contact and a deal share an id (HubSpot numbers each object on its own), then both are in the picture', async () => {
    const dealId = h.emulator.seed.deal(portalId, {
      properties: { dealname: 'Acme renewal', amount: '24000' },
      stageHistory: [{ stage: 'closedwon', at: h.clock.now() }],
    });
    const card = await h.call('GET', `/v1/hubspot/records/deals/${dealId}`, portalId, {
      as: users.rep,
    });
    expect(card.status).toBe(200);
    h.clock.advance(31_000);
    const before = (await dashboard()).freshness.records;
    const [contact] = await h.store.recordSummaries(portalId, 'contact');
    expect(contact).toBeDefined();
    await h.store.putRecordSummaries(
      portalId,
      [{ ...(contact as NonNullable<typeof contact>), recordId: dealId, name: 'Twin Contact' }],
      h.clock.now(),
    );
    h.clock.advance(31_000);
    expect((await dashboard()).freshness.records).toBe(before + 1);
  });
});
