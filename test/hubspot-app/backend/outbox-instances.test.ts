// Two instances' outbox workers on one PostgreSQL database (each its own connection pool) drain
// the same items at the same moment: each item reaches HubSpot once, in order, however they race.
import { afterEach, describe, expect, it } from 'vitest';
import { hubspotCrm } from '../../../hubspot-app/backend/hubspot/crm.js';
import { createLogger } from '../../../hubspot-app/backend/log.js';
import { OutboxWorker } from '../../../hubspot-app/backend/outbox/worker.js';
import { CS_CHECKLIST_ANSWERS } from './answers.js';
import { postgresDatabase, type TestDatabase } from './databases.js';
import { portalWithWonDeal, startServiceHarness, type ServiceHarness } from './service-harness.js';

let h: ServiceHarness | undefined;
let db: TestDatabase | undefined;
afterEach(async () => {
  await h?.close();
  await db?.drop();
  h = undefined;
  db = undefined;
});

describe('the outbox shared by instances on PostgreSQL', () => {
  it('when three workers drain a portal at the same time, then each write reaches HubSpot once and every item is done', async () => {
    db = await postgresDatabase();
    h = await startServiceHarness({ store: db.store() });
    const { portalId, users, act } = await portalWithWonDeal(h);
    for (const [itemId, value] of Object.entries(CS_CHECKLIST_ANSWERS))
      await act(users.rep, { type: 'set_item', itemId, value });
    expect((await act(users.rep, { type: 'submit' })).status).toBe(200);
    expect(
      (await act(users.csManager, { type: 'reject', reason: 'missing_information' })).status,
    ).toBe(200);
    const items = await h.store.outboxOf(portalId);
    expect(items.filter((i) => i.kind === 'engagement').length).toBeGreaterThan(1);

    const harness = h;
    const crmFor = async (id: string) => {
      const token = await harness.service.tokens.accessToken(id);
      return token ? hubspotCrm(harness.emulator.url, token, { retries: 1 }) : null;
    };
    // Each worker with its own pool, as separate instances have.
    const workers = [db.store(), db.store(), db.store()].map(
      (store, n) => new OutboxWorker(store, crmFor, h!.clock, createLogger('silent'), `w${n}`),
    );
    h.emulator.requestLog.clear();
    // A few rounds, time moving on between them: an item waiting for earlier writes comes due again.
    for (let round = 0; round < 5; round++) {
      await Promise.all(workers.map((w) => w.drain()));
      h.clock.advance(10_000);
    }

    const created = h.emulator.requestLog
      .entries()
      .filter((e) => e.method === 'POST' && /^\/crm\/v3\/objects\/(tasks|notes)$/.test(e.path));
    const engagements = items.filter((i) => i.kind === 'engagement');
    expect(created).toHaveLength(engagements.length);
    expect((await h.store.outboxOf(portalId)).filter((i) => i.status !== 'done')).toEqual([]);
  });
});
