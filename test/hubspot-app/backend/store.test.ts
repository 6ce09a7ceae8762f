import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandoffState } from '@handoff/shared';
import type { Store } from '../../../hubspot-app/backend/store/index.js';
import { ENGINES, type TestDatabase } from './databases.js';

const key = { portalId: 'p1', objectType: 'deal', recordId: 'd1' };
const state = (version: number, items: HandoffState['items'] = {}): HandoffState => ({
  status: 'in_progress',
  version,
  items,
  events: [],
});

describe.each(ENGINES)('the store on %s', (engine, open) => {
  let database: TestDatabase;
  let store: Store;
  beforeEach(async () => {
    database = await open();
    store = database.store();
    await store.migrate(1);
  });
  afterEach(async () => database.drop());

  it('when migrated twice, then the second run applies nothing', async () => {
    expect(await store.migrate(2)).toEqual([]);
  });

  it('when an installation and a playbook are saved, then they read back per portal', async () => {
    await store.putInstallation({
      portalId: 'p1',
      accessToken: 't1',
      refreshToken: 'r1',
      expiresAt: 99,
      installedAt: 1,
      uninstalledAt: null,
    });
    await store.putPlaybook('p1', { text: 'x: 1', version: '3', updatedAt: 5, updatedBy: 'u1' });
    expect(await store.getInstallation('p1')).toEqual({
      portalId: 'p1',
      accessToken: 't1',
      refreshToken: 'r1',
      expiresAt: 99,
      installedAt: 1,
      uninstalledAt: null,
    });
    expect(await store.getPlaybook('p1')).toEqual({
      text: 'x: 1',
      version: '3',
      updatedAt: 5,
      updatedBy: 'u1',
    });
    expect(await store.getPlaybook('p2')).toBeNull();
    expect(await store.getInstallation('p2')).toBeNull();
  });

  it('when an action stores a state, then the record reads it back and no other portal sees it', async () => {
    const answer = await store.applyAction(key, 'h1', 'a1', 10, () => ({
      kind: 'store',
      state: state(1),
      response: (s) => ({ status: 200, body: { v: s.version } }),
    }));
    expect(answer).toEqual({ status: 200, body: { v: 1 }, replayed: false });
    expect(await store.getHandoffs(key)).toEqual({ h1: state(1) });
    expect(await store.getHandoffs({ ...key, portalId: 'p2' })).toEqual({});
    expect((await store.getHandoffsOfRecords('p1', 'deal', ['d1', 'd2'])).get('d1')).toEqual({
      h1: state(1),
    });
  });

  it('when the same actionId comes again, then the recorded answer returns and decide is not called', async () => {
    await store.applyAction(key, 'h1', 'a1', 10, () => ({
      kind: 'store',
      state: state(1),
      response: () => ({ status: 200, body: 'first' }),
    }));
    let called = false;
    const again = await store.applyAction(key, 'h1', 'a1', 11, () => {
      called = true;
      return { kind: 'store', state: state(2), response: () => ({ status: 200, body: 'second' }) };
    });
    expect(again).toEqual({ status: 200, body: 'first', replayed: true });
    expect(called).toBe(false);
    expect((await store.getHandoffs(key)).h1?.version).toBe(1);
  });

  it('when an action is refused, then nothing is kept for it, and the same actionId is decided afresh', async () => {
    const refused = await store.applyAction(key, 'h1', 'a1', 10, () => ({
      kind: 'answer',
      response: { status: 403, body: { refusal: 'no' } },
    }));
    expect(refused).toEqual({ status: 403, body: { refusal: 'no' }, replayed: false });
    expect(await store.getHandoffs(key)).toEqual({});
    expect(
      await store.applyAction(key, 'h1', 'a1', 11, () => ({
        kind: 'store',
        state: state(1),
        response: () => ({ status: 200, body: 'applied' }),
      })),
    ).toEqual({ status: 200, body: 'applied', replayed: false });
  });

  it('when decide throws, then the transaction rolls back and the store stays usable', async () => {
    await expect(
      store.applyAction(key, 'h1', 'a1', 10, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.getHandoffs(key)).toEqual({});
    const ok = await store.applyAction(key, 'h1', 'a1', 12, () => ({
      kind: 'store',
      state: state(1),
      response: () => ({ status: 200, body: null }),
    }));
    expect(ok.replayed).toBe(false);
  });

  // Two instances share PostgreSQL; SQLite serves one process per file, so there both halves share one.
  it('when 40 actions on one handoff run at once, then each sees the previous one and none is lost', async () => {
    const second = engine === 'postgres' ? database.store() : store;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? store : second).applyAction(key, 'h1', `c${i}`, 100 + i, (current) => {
          const next = state((current?.version ?? 0) + 1, {
            ...current?.items,
            [`i${i}`]: { value: true, done: true, by: 'u', at: i },
          });
          return {
            kind: 'store',
            state: next,
            response: (s) => ({ status: 200, body: s.version }),
          };
        }),
      ),
    );
    expect(results.map((r) => r.body).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    const final = (await store.getHandoffs(key)).h1;
    expect(final?.version).toBe(40);
    expect(Object.keys(final?.items ?? {})).toHaveLength(40);
  });

  it("when an escalation is started twice with task keys, then it keeps both attempts' keys until it is closed, per portal", async () => {
    await store.escalationStarted('p1', 'e1', 10, ['e1:o1']);
    await store.escalationStarted('p1', 'e1', 11, ['e1:o1', 'e1:o2']);
    await store.escalationDone('p1', 'e1', 12);
    await store.escalationStarted('p1', 'e2', 13);
    await store.escalationStarted('p2', 'e1', 14, ['e1:o9']);
    expect(await store.openEscalations('p1')).toEqual(
      new Map([
        ['e1', ['e1:o1', 'e1:o2']],
        ['e2', []],
      ]),
    );
    await store.escalationsClosed('p1', ['e1', 'e2'], 15);
    expect(await store.openEscalations('p1')).toEqual(new Map());
    expect(await store.openEscalations('p2')).toEqual(new Map([['e1', ['e1:o9']]]));
    expect((await store.escalationsOf('p1')).get('e1')).toBe('done');
  });
});
