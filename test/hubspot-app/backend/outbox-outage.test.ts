// Issue 17 item 4: nothing may be lost because HubSpot was down for minutes. Writes that keep
// failing are listed as failing and still retried (back-off capped at an hour); an admin can have
// them tried again at once from the settings page.
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

/** A portal whose rep completes and submits the CS handoff: a note, two review tasks, a mirror. */
async function submitted(harness: ServiceHarness) {
  const { portalId, users, act } = await portalWithWonDeal(harness);
  for (const [itemId, value] of Object.entries(CS_CHECKLIST_ANSWERS))
    expect((await act(users.rep, { type: 'set_item', itemId, value })).status).toBe(200);
  expect((await act(users.rep, { type: 'submit' })).status).toBe(200);
  return { portalId, users };
}

async function engagements(harness: ServiceHarness, portalId: string) {
  harness.emulator.resetRateLimits();
  const client = new Client({
    accessToken: (await harness.service.tokens.accessToken(portalId)) ?? '',
    basePath: harness.emulator.url,
  });
  const keys = (page: { results: { properties: Record<string, string | null> }[] }) =>
    page.results.map((r) => r.properties.handoff_key);
  return {
    notes: keys(await client.crm.objects.notes.basicApi.getPage(100, undefined, ['handoff_key'])),
    tasks: keys(await client.crm.objects.tasks.basicApi.getPage(100, undefined, ['handoff_key'])),
  };
}

/** Drains every `stepMs` of the manual clock for `forMs`, as the service's timer would. */
async function drainFor(harness: ServiceHarness, forMs: number, stepMs: number) {
  for (let t = 0; t < forMs; t += stepMs) {
    harness.emulator.resetRateLimits();
    await harness.service.outbox.drain();
    harness.clock.advance(stepMs);
  }
}

const failing = async (harness: ServiceHarness, portalId: string, as: string) =>
  (
    (await harness.call('GET', '/v1/hubspot/status', portalId, { as })).body as {
      outbox: { failed: unknown[] };
    }
  ).outbox.failed.length;

describe('the outbox through a HubSpot outage', () => {
  it('when HubSpot answers 503 to everything for 2.5 minutes, then the writes are listed as failing meanwhile and the note and tasks are created after it ends', async () => {
    h = await startServiceHarness();
    const { portalId, users } = await submitted(h);
    const outage = h.emulator.faults.inject({
      kind: 'server-error',
      route: '*',
      ratio: 1,
      status: 503,
    });
    await drainFor(h, 150_000, 5_000);
    // Older mirror items need no call (a newer one writes the latest values); the rest, the
    // latest mirror, the note and the CS manager's review task, outlasted MAX_ATTEMPTS attempts each.
    const during = (await h.store.outboxOf(portalId)).filter((e) => e.status !== 'done');
    expect(during.map((e) => e.kind).sort()).toEqual(['engagement', 'engagement', 'mirror']);
    expect(during.every((e) => e.status === 'failed' && e.attempts >= MAX_ATTEMPTS)).toBe(true);
    h.emulator.faults.remove(outage);
    expect(await failing(h, portalId, users.admin)).toBe(3);

    await drainFor(h, 10 * 60_000, 60_000);
    expect((await h.store.outboxOf(portalId)).filter((e) => e.status !== 'done')).toEqual([]);
    const written = await engagements(h, portalId);
    expect(written.notes).toHaveLength(1);
    expect(written.tasks).toHaveLength(1);
    expect(await failing(h, portalId, users.admin)).toBe(0);
  });

  it('when an admin asks to retry the failing writes, then they are tried at once; anyone else is refused', async () => {
    h = await startServiceHarness();
    const { portalId, users } = await submitted(h);
    const outage = h.emulator.faults.inject({
      kind: 'server-error',
      route: 'crm.objects.create',
      ratio: 1,
    });
    await drainFor(h, 150_000, 5_000);
    h.emulator.faults.remove(outage);
    expect(await failing(h, portalId, users.admin)).toBe(2);

    const refused = await h.call('POST', '/v1/hubspot/outbox/retry', portalId, {
      as: users.rep,
      body: {},
    });
    expect(refused).toEqual({
      status: 403,
      body: {
        error: { code: 'forbidden', message: 'Only Handoff admins may retry failed writes.' },
      },
    });
    const retried = await h.call('POST', '/v1/hubspot/outbox/retry', portalId, {
      as: users.admin,
      body: {},
    });
    expect(retried).toEqual({ status: 200, body: { retried: 2 } });
    // No clock movement: the admin's request made them due now.
    h.emulator.resetRateLimits();
    await h.service.outbox.drain();
    expect(await failing(h, portalId, users.admin)).toBe(0);
    const written = await engagements(h, portalId);
    expect([written.notes.length, written.tasks.length]).toEqual([1, 1]);
  });
});
