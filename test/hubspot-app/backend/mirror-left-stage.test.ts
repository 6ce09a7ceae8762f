// A deal's SLA properties in HubSpot once the deal leaves the stages where its clocks run: the
// scanner reads the move (by webhook or HubSpot's change search) and writes what the core now says
// of each clock where HubSpot shows something else — so a HubSpot list of deals whose SDR clock is
// at risk does not keep a deal the AE already moved on. Through the backend over real HTTP against
// the HubSpot emulator.
import { Client } from '@hubspot/api-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startServiceHarness, type ServiceHarness } from './service-harness.js';

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const STATUS = 'handoff_sla_sdr_submits_new_deal_status';
const NEXT_DUE = 'handoff_next_due_at';

async function mirrorOf(harness: ServiceHarness, portalId: string, deal: string) {
  harness.emulator.resetRateLimits();
  const client = new Client({
    accessToken: (await harness.service.tokens.accessToken(portalId)) ?? '',
    basePath: harness.emulator.url,
  });
  return (await client.crm.deals.basicApi.getById(deal, [STATUS, NEXT_DUE])).properties;
}

async function scan(harness: ServiceHarness, portalId: string, options: { full?: boolean } = {}) {
  harness.clock.advance(5 * 60_000);
  harness.emulator.resetRateLimits();
  return harness.service.scanner.scanPortal(portalId, options);
}

/** A portal with one deal the SDR's clock runs on (at appointment scheduled), scanned once. */
async function newDeal(harness: ServiceHarness) {
  const portalId = harness.emulator.portals.create().portalId;
  await harness.install(portalId);
  await harness.setUp(portalId);
  const deal = harness.emulator.seed.deal(portalId, {
    properties: { dealname: 'Acme', amount: '24000' },
    stageHistory: [{ stage: 'appointmentscheduled', at: harness.clock.now() }],
  });
  expect((await scan(harness, portalId)).mode).toBe('full');
  const running = await mirrorOf(harness, portalId, deal);
  expect(running[STATUS]).toBe('running');
  expect(running[NEXT_DUE]).not.toBe('');
  return { portalId, deal };
}

describe("a deal's SLA properties once it leaves the clocks' stages", () => {
  it('when the AE moves a new deal on before the SDR submits, then the next scan shows the SDR clock stopped (met) and no next due time, instead of running for ever', async () => {
    h = await startServiceHarness();
    const { portalId, deal } = await newDeal(h);

    // Qualified to buy: a stage where no clock runs, so the deal leaves the scanner's searches.
    h.emulator.seed.updateDeal(portalId, deal, { dealstage: 'qualifiedtobuy' });
    await h.emulator.webhooks.settled();
    const moved = await scan(h, portalId);
    expect(moved).toMatchObject({ mode: 'changes', statusWrites: 1 });
    const after = await mirrorOf(h, portalId, deal);
    // The clock stops where the deal left the stage (the playbook's stage_left stop).
    expect(after[STATUS]).toBe('met');
    expect(after[NEXT_DUE] ?? '').toBe('');
    // Written once: the scan after finds HubSpot already showing it.
    h.emulator.seed.updateDeal(portalId, deal, { amount: '25000' });
    await h.emulator.webhooks.settled();
    expect((await scan(h, portalId)).statusWrites).toBe(0);
  });

  it("when the scan after the move is a full one (the daily reconcile), then its search for deals shown live outside the clocks' stages finds the deal and writes it, once", async () => {
    h = await startServiceHarness();
    const { portalId, deal } = await newDeal(h);
    h.emulator.seed.updateDeal(portalId, deal, { dealstage: 'qualifiedtobuy' });
    await h.emulator.webhooks.settled();
    expect(await scan(h, portalId, { full: true })).toMatchObject({
      mode: 'full',
      statusWrites: 1,
    });
    expect((await mirrorOf(h, portalId, deal))[STATUS]).toBe('met');
    expect((await scan(h, portalId, { full: true })).statusWrites).toBe(0);
  });
});
