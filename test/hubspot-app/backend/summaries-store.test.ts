// Record summaries (migration 11) on both engines: saved per portal, replaced on a later read,
// handoffs never stored with them, forgotten with the portal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordSnapshot } from '@handoff/shared';
import type { Store } from '../../../hubspot-app/backend/store/index.js';
import { ENGINES, type TestDatabase } from './databases.js';

const snapshot = (recordId: string, stage: string): RecordSnapshot => ({
  crm: 'hubspot',
  objectType: 'deal',
  recordId,
  stage,
  fields: { amount: '100' },
  stageHistory: [{ stage, enteredAt: 5 }],
  handoffs: { sales_to_cs: { status: 'submitted', version: 1, items: {}, events: [] } },
  ownerId: 'o1',
});

describe.each(ENGINES)('record summaries on %s', (_engine, open) => {
  let database: TestDatabase;
  let store: Store;
  beforeEach(async () => {
    database = await open();
    store = database.store();
    await store.migrate(1);
  });
  afterEach(async () => database.drop());

  it('when summaries are saved and read again later, then the latest read wins and handoffs are not kept', async () => {
    const many = Array.from({ length: 1_200 }, (_, i) => ({
      objectType: 'deal',
      recordId: String(i + 1),
      name: `Deal ${i + 1}`,
      snapshot: snapshot(String(i + 1), 'closed_won'),
    }));
    await store.putRecordSummaries('p1', many, 10);
    await store.putRecordSummaries(
      'p1',
      [
        {
          objectType: 'deal',
          recordId: '7',
          name: 'Renamed',
          snapshot: snapshot('7', 'closed_lost'),
        },
      ],
      20,
    );
    await store.putRecordSummaries(
      'p2',
      [{ objectType: 'deal', recordId: '7', name: 'Other portal', snapshot: snapshot('7', 'x') }],
      30,
    );
    const read = await store.recordSummaries('p1', 'deal');
    expect(read).toHaveLength(1_200);
    const seven = read.find((r) => r.recordId === '7');
    expect(seven).toMatchObject({
      name: 'Renamed',
      seenAt: 20,
      snapshot: { stage: 'closed_lost' },
    });
    expect(seven?.snapshot).not.toHaveProperty('handoffs');
    expect(await store.recordSummaries('p1', 'company')).toEqual([]);
    // Read since 20: only the renamed one (the queue re-evaluates just those).
    expect((await store.recordSummaries('p1', 'deal', 20)).map((r) => r.recordId)).toEqual(['7']);
  });

  it('when a contact and a deal share an id, then a read of both types answers each with its own type', async () => {
    await store.putRecordSummaries(
      'p1',
      [
        { objectType: 'deal', recordId: '7', name: 'Acme', snapshot: snapshot('7', 'closed_won') },
        { objectType: 'contact', recordId: '7', name: 'Dana Lee', snapshot: snapshot('7', 'mql') },
        { objectType: 'company', recordId: '8', name: 'Acme Inc', snapshot: snapshot('8', 'x') },
      ],
      10,
    );
    const read = await store.recordSummaries('p1', ['deal', 'contact']);
    expect(read.map((r) => [r.objectType, r.recordId, r.name]).sort()).toEqual([
      ['contact', '7', 'Dana Lee'],
      ['deal', '7', 'Acme'],
    ]);
    expect(await store.recordSummaries('p1', ['contact'], 11)).toEqual([]);
  });

  it('when a portal is deleted, then its summaries go with it and other portals keep theirs', async () => {
    const one = { objectType: 'deal', recordId: '1', name: 'A', snapshot: snapshot('1', 's') };
    await store.putRecordSummaries('p1', [one], 1);
    await store.putRecordSummaries('p2', [one], 1);
    await store.deletePortal('p1');
    expect(await store.recordSummaries('p1', 'deal')).toEqual([]);
    expect(await store.recordSummaries('p2', 'deal')).toHaveLength(1);
  });
});
