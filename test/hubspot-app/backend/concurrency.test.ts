import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordView } from '@handoff/shared';
import { postgresDatabase, type TestDatabase } from './databases.js';
import { startHarness, type Harness } from './harness.js';

let database: TestDatabase;
let h: Harness;
beforeAll(async () => {
  database = await postgresDatabase();
  h = await startHarness({ openStore: database.store, instances: 2 });
});
afterAll(async () => {
  await h?.close();
  await database?.drop();
});

const TEXT_ITEMS = [
  'customer_goals',
  'promises',
  'champion',
  'executive_sponsor',
  'implementation',
  'risks',
];

describe('two service instances on one PostgreSQL store', () => {
  it('when 50 item updates on one deal arrive at once, spread over both instances, then all 50 are stored in one history', async () => {
    const deal = await h.seedWonDeal();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        h.call('POST', `/v1/hubspot/records/deals/${deal}/actions`, {
          as: h.users.rep,
          instance: i % 2,
          body: {
            handoffId: 'sales_to_cs',
            actionId: `burst-${i}`,
            action: {
              type: 'set_item',
              itemId: TEXT_ITEMS[i % TEXT_ITEMS.length],
              value: `answer ${i}`,
            },
          },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 50 }, () => 200));
    const versions = answers.map(
      (a) => (a.body as RecordView).handoffs.find((x) => x.id === 'sales_to_cs')?.version,
    );
    expect([...versions].sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );

    const stored = (
      await h.store.getHandoffs({ portalId: h.portalId, objectType: 'deal', recordId: deal })
    ).sales_to_cs;
    expect(stored?.version).toBe(50);
    expect(
      stored?.events
        .filter((e) => e.type === 'item_set')
        .map((e) => e.actionId)
        .sort(),
    ).toEqual(Array.from({ length: 50 }, (_, i) => `burst-${i}`).sort());
  });
});
