// Issue 17 item 5: every HubSpot call has a timeout, and portals do not wait on each other. A hung
// deal read answers the card within hubspot.fetch's 15 s (https://developers.hubspot.com/docs/guides/crm/public-apps/fetching-data);
// a hung write in one portal does not hold up another portal's writes; the scanner does not run
// portals strictly one after another. Hangs come from the emulator's `timeout` fault switch,
// aimed at one portal by its access token.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scanPortals } from '../../../hubspot-app/backend/scanner/scan.js';
import { createLogger } from '../../../hubspot-app/backend/log.js';
import { portalWithWonDeal, startServiceHarness, type ServiceHarness } from './service-harness.js';
import { CS_CHECKLIST_ANSWERS } from './answers.js';

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Short timeouts so the test does not wait out real ones; the hang outlasts them. */
const TIMEOUTS = { card: 300, background: 300 };
const HANG = { kind: 'timeout', hangMs: 20_000 } as const;

async function portalWithDeal(harness: ServiceHarness) {
  const won = await portalWithWonDeal(harness);
  const token = (await harness.service.tokens.accessToken(won.portalId)) ?? '';
  const [itemId, value] = Object.entries(CS_CHECKLIST_ANSWERS)[0] ?? [];
  const act = (actionId: string) =>
    won.act(won.users.rep, { type: 'set_item', itemId, value }, actionId);
  return { ...won, token, act };
}

describe('HubSpot calls that hang', () => {
  it('when the deal read hangs, then the card is answered 504 with a sentence instead of waiting, and the next view works', async () => {
    h = await startServiceHarness({ hubspotTimeoutMs: TIMEOUTS });
    const a = await portalWithDeal(h);
    h.emulator.faults.inject({ ...HANG, route: 'crm.objects.get', count: 1, token: a.token });
    const view = () =>
      (h as ServiceHarness).call('GET', `/v1/hubspot/records/deals/${a.deal}`, a.portalId, {
        as: a.users.rep,
      });
    expect(await view()).toEqual({
      status: 504,
      body: {
        error: { code: 'internal', message: 'HubSpot did not answer within 0.3 s; try again.' },
      },
    });
    expect((await view()).status).toBe(200);
  });

  it('when the token refresh hangs, then the card is answered 504 with a sentence, the portal stays installed, and the next view refreshes', async () => {
    h = await startServiceHarness({ hubspotTimeoutMs: TIMEOUTS });
    const a = await portalWithDeal(h);
    // An hour on, the access token has expired: the view must refresh it first.
    h.clock.set(h.clock.now() + 60 * 60_000);
    h.emulator.faults.inject({ ...HANG, route: 'oauth.token', count: 1 });
    const view = () =>
      (h as ServiceHarness).call('GET', `/v1/hubspot/records/deals/${a.deal}`, a.portalId, {
        as: a.users.rep,
      });
    expect(await view()).toEqual({
      status: 504,
      body: {
        error: {
          code: 'internal',
          message: "HubSpot's token endpoint did not answer within 0.3 s; try again.",
        },
      },
    });
    expect((await h.store.getInstallation(a.portalId))?.uninstalledAt).toBeNull();
    expect((await view()).status).toBe(200);
  });

  it("when portal A's writes hang, then portal B's writes are made while A's are still waiting", async () => {
    h = await startServiceHarness({ hubspotTimeoutMs: TIMEOUTS });
    const a = await portalWithDeal(h);
    const b = await portalWithDeal(h);
    expect((await a.act('a1')).status).toBe(200);
    expect((await b.act('b1')).status).toBe(200);
    h.emulator.faults.inject({ ...HANG, route: '*', ratio: 1, token: a.token });

    let first = false;
    const draining = h.service.outbox.drain().then(() => (first = true));
    const bDone = async () =>
      (await (h as ServiceHarness).store.outboxOf(b.portalId)).every((e) => e.status === 'done');
    await vi.waitFor(async () => expect(await bDone()).toBe(true), { timeout: 5_000 });
    // B is written; A's drain is still held by its hung call.
    expect(first).toBe(false);
    await draining;
    const aItems = await h.store.outboxOf(a.portalId);
    expect(
      aItems.some((e) => e.status === 'pending' && e.lastError?.includes('did not answer')),
    ).toBe(true);
  });

  it("when portal A's search hangs during a scan, then portal B's scan finishes first instead of waiting behind A", async () => {
    h = await startServiceHarness({ hubspotTimeoutMs: TIMEOUTS });
    const a = await portalWithDeal(h);
    const b = await portalWithDeal(h);
    h.emulator.faults.inject({ ...HANG, route: 'crm.objects.search', ratio: 1, token: a.token });
    const reports = await scanPortals(
      h.service.scanner,
      [a.portalId, b.portalId],
      createLogger('silent'),
    );
    // A's scan gave up after its retries (logged); B's report came while A was still trying.
    expect(reports.map((r) => r.portalId)).toEqual([b.portalId]);
  });
});
