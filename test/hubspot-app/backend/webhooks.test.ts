import { afterEach, describe, expect, it } from 'vitest';
import type { RecordView } from '@handoff/shared';
import { signV3 } from '../../../sandbox/emulators/hubspot/index.js';
import { SECRET } from './harness.js';
import { startServiceHarness, type ServiceHarness } from './service-harness.js';

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Posts events to /webhooks signed as HubSpot signs them (the emulator's signer, not ours). */
async function deliver(harness: ServiceHarness, events: unknown[], tamper = false) {
  const body = JSON.stringify(events);
  const timestamp = harness.clock.now();
  const url = `${harness.publicUrl}/webhooks`;
  const signature = signV3(SECRET, 'POST', url, body, timestamp);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hubspot-signature-v3': signature,
      'x-hubspot-request-timestamp': String(timestamp),
    },
    body: tamper ? body.replace('closedwon', 'closedlost') : body,
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

const stageEvent = (
  portalId: string,
  dealId: string,
  eventId: number,
  stage: string,
  occurredAt: number,
) => ({
  eventId,
  subscriptionId: 1,
  portalId: Number(portalId),
  appId: 1,
  occurredAt,
  subscriptionType: 'object.propertyChange',
  attemptNumber: 0,
  objectId: Number(dealId),
  propertyName: 'dealstage',
  propertyValue: stage,
  changeSource: 'CRM_UI',
});

describe('deal stage webhooks', () => {
  it('when a user moves a deal in HubSpot, then the signed delivery is stored as a stage transition', async () => {
    h = await startServiceHarness();
    const portal = h.emulator.portals.create();
    await h.install(portal.portalId);
    const deal = h.emulator.seed.deal(portal.portalId, {
      properties: { dealname: 'Acme' },
      stageHistory: [{ stage: 'appointmentscheduled', at: h.clock.now() }],
    });
    h.clock.advance(60_000);
    h.emulator.seed.updateDeal(portal.portalId, deal, { dealstage: 'qualifiedtobuy' });
    await h.emulator.webhooks.settled();
    expect(h.emulator.webhooks.deliveries.map((d) => d.status)).toEqual([200]);
    expect(await h.store.transitionsOf(portal.portalId, deal)).toEqual([
      { dealId: deal, pipelineStage: 'qualifiedtobuy', occurredAt: h.clock.now() },
    ]);
  });

  it('when deliveries repeat and arrive out of order, then history is stored once each and ordered by when it happened', async () => {
    h = await startServiceHarness();
    const portal = h.emulator.portals.create();
    await h.install(portal.portalId);
    const users = await h.setUp(portal.portalId);
    const t0 = h.clock.now();
    const deal = h.emulator.seed.deal(portal.portalId, {
      properties: {
        dealname: 'Acme',
        amount: '5',
        handoff_arr: '5',
        handoff_contract_start: '2026-12-01',
      },
      // HubSpot's own stage-entry property only knows the first win, two hours ago.
      stageHistory: [
        { stage: 'appointmentscheduled', at: t0 - 3 * 3_600_000 },
        { stage: 'closedwon', at: t0 - 2 * 3_600_000 },
      ],
    });
    // Won two hours ago, briefly reopened, won again one hour ago — delivered newest first, twice over.
    const events = [
      stageEvent(portal.portalId, deal, 3, 'closedwon', t0 - 3_600_000),
      stageEvent(portal.portalId, deal, 2, 'contractsent', t0 - 90 * 60_000),
      stageEvent(portal.portalId, deal, 1, 'closedwon', t0 - 2 * 3_600_000),
    ];
    expect(await deliver(h, events)).toEqual({
      status: 200,
      body: { stored: 3, ignored: 0, contactsForgotten: 0 },
    });
    expect(await deliver(h, [events[1], events[0]])).toEqual({
      status: 200,
      body: { stored: 0, ignored: 2, contactsForgotten: 0 },
    });
    const stored = await h.store.transitionsOf(portal.portalId, deal);
    expect(stored.map((t) => t.pipelineStage)).toEqual(['closedwon', 'contractsent', 'closedwon']);

    // The rep's timer starts at the real moment of the latest win, which only the webhooks told us.
    const view = (
      await h.call('GET', `/v1/hubspot/records/deals/${deal}`, portal.portalId, { as: users.rep })
    ).body as RecordView;
    expect(view.timers.find((t) => t.slaId === 'rep_submits_cs_handoff')?.startedAt).toBe(
      t0 - 3_600_000,
    );
  });

  it('when a webhook is forged or altered, then 401 and nothing is stored', async () => {
    h = await startServiceHarness();
    const portal = h.emulator.portals.create();
    await h.install(portal.portalId);
    const event = stageEvent(portal.portalId, '77', 9, 'closedwon', h.clock.now());
    expect((await deliver(h, [event], true)).status).toBe(401);
    const unsigned = await fetch(`${h.publicUrl}/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([event]),
    });
    expect(unsigned.status).toBe(401);
    expect(await h.store.transitionsOf(portal.portalId, '77')).toEqual([]);
  });

  it('when events concern another property or a portal that did not install, then they are ignored', async () => {
    h = await startServiceHarness();
    const portal = h.emulator.portals.create();
    await h.install(portal.portalId);
    const other = {
      ...stageEvent(portal.portalId, '5', 4, 'x', h.clock.now()),
      propertyName: 'amount',
    };
    const stranger = stageEvent('999999', '5', 5, 'closedwon', h.clock.now());
    expect(await deliver(h, [other, stranger])).toEqual({
      status: 200,
      body: { stored: 0, ignored: 2, contactsForgotten: 0 },
    });
  });
});
