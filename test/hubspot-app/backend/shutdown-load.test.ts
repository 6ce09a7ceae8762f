// Graceful shutdown under load (issue 21): close() — what main.ts runs on SIGTERM, before it exits
// within 10 s (shutdown.test.ts, main.test.ts) — arrives while 30 checklist actions on 10 deals are
// in flight. Every action answered 200 is stored once; every other one was never applied, and
// posting it again to a fresh service on the same store applies it once; answered ones re-posted
// get their recorded answer. The outbox drains to HubSpot after the restart with nothing left.
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../hubspot-app/backend/log.js';
import { createService, type Service } from '../../../hubspot-app/backend/service.js';
import { SECRET, signedCall } from './harness.js';
import {
  portalWithWonDeal,
  startServiceHarness,
  TOKEN_KEY,
  type ServiceHarness,
} from './service-harness.js';

let h: ServiceHarness | undefined;
let restarted: Service | undefined;
afterEach(async () => {
  await restarted?.close();
  await h?.close().catch(() => undefined);
  h = restarted = undefined;
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const ITEMS = { champion: 'Dana Lee', promises: 'Quarterly reviews', implementation: 'SSO' };

describe('shutting down under load', () => {
  it('when close() comes mid-way through 30 concurrent actions, then nothing answered is lost, nothing is applied twice, and the rest applies once after restart', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'handoff-load-')), 'hubspot.db');
    h = await startServiceHarness({ dbFile, drainAfterCommit: true });
    const harness = h;
    const { portalId, users, deal } = await portalWithWonDeal(harness);
    const deals = [deal];
    for (let i = 1; i < 10; i++)
      deals.push(
        harness.emulator.seed.deal(portalId, {
          properties: { dealname: `Deal ${i}`, amount: '1000', handoff_arr: '1000' },
          stageHistory: [{ stage: 'closedwon', at: harness.clock.now() }],
        }),
      );
    const actions = deals.flatMap((d) =>
      Object.entries(ITEMS).map(([itemId, value]) => ({
        deal: d,
        actionId: `load-${d}-${itemId}`,
        body: {
          handoffId: 'sales_to_cs',
          actionId: `load-${d}-${itemId}`,
          action: { type: 'set_item', itemId, value },
        },
      })),
    );
    const post = (base: string, action: (typeof actions)[number]) =>
      signedCall({
        base,
        publicUrl: base,
        clock: harness.clock,
        portalId,
        method: 'POST',
        path: `/v1/hubspot/records/deals/${action.deal}/actions`,
        options: { as: users.rep, body: action.body },
      });

    const sent = actions.map((a) =>
      post(harness.publicUrl, a).then(
        (r) => r.status,
        () => 'not answered' as const,
      ),
    );
    await Promise.race(sent);
    const closed = await harness.service.close({ graceMs: 8_000 });
    const statuses = await Promise.all(sent);
    expect(closed.graceful).toBe(true);
    // Each either answered in full, or was turned away before it began: the listener had closed,
    // or (Fastify, once closing) 503 on a connection still open.
    expect(statuses.filter((s) => s !== 200 && s !== 503 && s !== 'not answered')).toEqual([]);
    const answered = actions.filter((_a, i) => statuses[i] === 200);
    expect(answered.length).toBeGreaterThan(0);

    const eventsOf = async (d: string) => {
      const handoffs = await harness.store.getHandoffs({
        portalId,
        objectType: 'deal',
        recordId: d,
      });
      return handoffs.sales_to_cs?.events.map((e) => e.actionId) ?? [];
    };
    const applied = (await Promise.all(deals.map(eventsOf))).flat();
    // Nothing answered is lost; nothing is applied twice; nothing unanswered was applied.
    expect(applied.filter((id) => id.startsWith('load-')).sort()).toEqual(
      answered.map((a) => a.actionId).sort(),
    );

    // A fresh instance on the same store (as after the restart) takes every action again.
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    restarted = createService({
      store: harness.store,
      clock: harness.clock,
      log: createLogger('silent'),
      apiBase: harness.emulator.url,
      publicUrl: base,
      clientId: 'handoff-client',
      clientSecret: SECRET,
      tokenKey: TOKEN_KEY,
      authorizeUrl: 'https://app.hubspot.example/oauth/authorize',
      drainAfterCommit: false,
    });
    await restarted.app.listen({ host: '127.0.0.1', port });
    // The restart takes longer than HubSpot's 10-second rate window: the install's provisioning
    // and the first instance's calls no longer count against the retries below.
    harness.emulator.resetRateLimits();
    for (const action of actions) {
      const answer = await signedCall({
        base,
        publicUrl: base,
        clock: harness.clock,
        portalId,
        method: 'POST',
        path: `/v1/hubspot/records/deals/${action.deal}/actions`,
        options: { as: users.rep, body: action.body },
      });
      expect(answer.status).toBe(200);
    }
    const all = (await Promise.all(deals.map(eventsOf)))
      .flat()
      .filter((id) => id.startsWith('load-'));
    expect(all.sort()).toEqual(actions.map((a) => a.actionId).sort());

    // Ten seconds pass before the drain: the whole run happens at one instant of the test clock, so
    // HubSpot's ten-secondly window would otherwise stay full and a write it refused (429, retried
    // a second later) could never be retried.
    harness.clock.advance(10_000);
    await restarted.outbox.drain();
    const outbox = await harness.store.outboxOf(portalId);
    expect(outbox.length).toBeGreaterThan(0);
    expect(outbox.filter((item) => item.status !== 'done')).toEqual([]);
  }, 60_000);
});
