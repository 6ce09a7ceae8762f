import { Client } from '@hubspot/api-client';
import { afterEach, describe, expect, it } from 'vitest';
import { escalationKey } from '@handoff/shared';
import { startServiceHarness, type ServiceHarness } from './service-harness.js';

const ny = (day: number, hour: number) => Date.UTC(2026, 10, day, hour + 5);
let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A portal with one deal whose AE timer is breached at Monday 16:00. */
async function breachedDeal(harness: ServiceHarness) {
  const portal = harness.emulator.portals.create();
  const rep = harness.emulator.seed.owner(portal.portalId, {
    email: 'rep@example.com',
    teams: [{ name: 'Sales' }],
  });
  const admin = harness.emulator.seed.owner(portal.portalId, {
    email: 'admin@example.com',
    teams: [{ name: 'RevOps' }],
  });
  await harness.install(portal.portalId);
  const text = (await import('node:fs')).readFileSync(
    new URL('../../fixtures/scanner-playbook.yaml', import.meta.url),
    'utf8',
  );
  await harness.call('PUT', '/v1/hubspot/playbook', portal.portalId, {
    as: String(admin.userId),
    body: { text },
  });
  const deal = harness.emulator.seed.deal(portal.portalId, {
    properties: { dealname: 'Late', hubspot_owner_id: rep.id },
    stageHistory: [{ stage: 'appointmentscheduled', at: ny(23, 9) }],
  });
  harness.clock.set(ny(23, 16));
  return { portalId: portal.portalId, deal, rep };
}

async function tasksOf(harness: ServiceHarness, portalId: string): Promise<string[]> {
  const client = new Client({
    accessToken: (await harness.service.tokens.accessToken(portalId)) ?? '',
    basePath: harness.emulator.url,
  });
  harness.emulator.resetRateLimits();
  return (
    await client.crm.objects.tasks.basicApi.getPage(100, undefined, ['handoff_key'])
  ).results.map((t) => t.properties.handoff_key ?? '');
}

describe('the scanner after a crash and beside another instance', () => {
  it('when a crash left an escalation started after HubSpot created its task, then the next scan finds the task and creates no duplicate', async () => {
    h = await startServiceHarness();
    const { portalId, deal, rep } = await breachedDeal(h);
    const key = escalationKey(
      { crm: 'hubspot', objectType: 'deal', recordId: deal },
      'ae_accepts_new_deal',
      1,
      ny(23, 9),
    );
    // The state a crash leaves: the key recorded as started, the task already in HubSpot.
    await h.store.escalationStarted(portalId, key, h.clock.now());
    const client = new Client({
      accessToken: (await h.service.tokens.accessToken(portalId)) ?? '',
      basePath: h.emulator.url,
    });
    await client.crm.objects.tasks.basicApi.create({
      properties: {
        hs_timestamp: String(h.clock.now()),
        hs_task_subject: 'At risk',
        handoff_key: `${key}:${rep.id}`,
      },
      associations: [],
    });
    h.emulator.resetRateLimits();
    const report = await h.service.scanner.scanPortal(portalId);
    expect(report.escalations).toBe(2);
    const tasks = await tasksOf(h, portalId);
    expect(tasks.filter((k) => k === `${key}:${rep.id}`)).toHaveLength(1);
    expect(tasks).toHaveLength(2);
    expect((await h.store.escalationsOf(portalId)).get(key)).toBe('done');
  });

  it('when two instances scan one portal at once, then one of them yields to the lease', async () => {
    h = await startServiceHarness();
    const { portalId } = await breachedDeal(h);
    await h.store.takeLease(portalId, 'another-instance', h.clock.now(), 60_000);
    expect(await h.service.scanner.scanPortal(portalId)).toMatchObject({
      skipped: 'leased',
      escalations: 0,
    });
    h.clock.advance(61_000);
    expect((await h.service.scanner.scanPortal(portalId)).skipped).toBeUndefined();
  });
});
