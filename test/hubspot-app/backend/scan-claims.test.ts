// Work claims in the store, on both engines: scans claimed once per due time, claims that die with
// their instance, outbox leases, webhook deliveries stored once however many instances receive them.
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../hubspot-app/backend/store/index.js';
import { ENGINES, type TestDatabase } from './databases.js';

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.drop();
  db = undefined;
});

async function installed(store: Store, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `p${100 + i}`);
  for (const portalId of ids)
    await store.putInstallation({
      portalId,
      accessToken: 'sealed',
      refreshToken: null,
      expiresAt: null,
      installedAt: 0,
      uninstalledAt: null,
    });
  return ids;
}

/** Claims until nothing is due, as one instance's scan lanes do. */
async function claimAll(store: Store, holder: string, now: number): Promise<string[]> {
  const claimed: string[] = [];
  for (;;) {
    const claim = await store.claimScan(holder, now, 60_000);
    if (!claim) return claimed;
    claimed.push(claim.portalId);
  }
}

describe.each(ENGINES)('work claims on %s', (engine, open) => {
  it('when three instances claim due scans at the same time, then every portal is claimed by exactly one', async () => {
    db = await open();
    const stores = engine === 'postgres' ? [db.store(), db.store(), db.store()] : [db.store()];
    await (stores[0] as Store).migrate(1);
    const portals = await installed(stores[0] as Store, 30);
    const claims = await Promise.all(stores.map((s, i) => claimAll(s, `i${i}`, 1_000)));
    const all = claims.flat();
    expect(all.sort()).toEqual([...portals].sort());
    if (engine === 'postgres') expect(claims.filter((c) => c.length > 0).length).toBeGreaterThan(1);
  });

  it('when an instance dies holding a claim, then the portal is claimed again once the claim has run out, and a finished one waits for its next due time', async () => {
    db = await open();
    const store = db.store();
    await store.migrate(1);
    await installed(store, 2);
    const first = await store.claimScan('dead', 1_000, 60_000);
    const second = await store.claimScan('alive', 1_000, 60_000);
    expect([first?.portalId, second?.portalId]).toEqual(['p100', 'p101']);
    await store.scanFinished('p101', 'alive', 1_000 + 60_000 * 5);
    // A finish from an instance that no longer holds the claim changes nothing.
    await store.scanFinished('p100', 'alive', 999_999_999);
    expect(await store.claimScan('alive', 60_999, 60_000)).toBeNull();
    // Taken over, it keeps the time it was first due: its next scan is an interval after that.
    expect(await store.claimScan('alive', 61_000, 60_000)).toEqual({
      portalId: 'p100',
      dueAt: 1_000,
    });
  });

  it('when a claimed scan runs long, then its holder keeps the claim and nobody else can renew it', async () => {
    db = await open();
    const store = db.store();
    await store.migrate(1);
    await installed(store, 1);
    expect(await store.claimScan('a', 1_000, 60_000)).toEqual({ portalId: 'p100', dueAt: 1_000 });
    await store.renewScanClaim('p100', 'b', 500_000);
    expect(await store.claimScan('b', 61_000, 60_000)).toMatchObject({ portalId: 'p100' });
    await store.renewScanClaim('p100', 'b', 200_000);
    await store.renewScanClaim('p100', 'a', 300_000);
    expect(await store.claimScan('a', 199_999, 60_000)).toBeNull();
    expect(await store.claimScan('a', 200_000, 60_000)).toMatchObject({ portalId: 'p100' });
  });

  it('when two instances drain one portal, then only one holds its outbox lease until it releases it or the lease runs out', async () => {
    db = await open();
    const store = db.store();
    await store.migrate(1);
    expect(await store.takeOutboxLease('p1', 'a', 0, 60_000)).toBe(true);
    expect(await store.takeOutboxLease('p1', 'b', 1, 60_000)).toBe(false);
    expect(await store.takeOutboxLease('p1', 'b', 60_000, 60_000)).toBe(true);
    await store.releaseOutboxLease('p1', 'b');
    expect(await store.takeOutboxLease('p1', 'a', 60_001, 60_000)).toBe(true);
  });

  it('when the same webhook delivery reaches several instances at once, then it is stored once and its deal reads as changed', async () => {
    db = await open();
    const stores = engine === 'postgres' ? [db.store(), db.store(), db.store()] : [db.store()];
    await (stores[0] as Store).migrate(1);
    const transition = { dealId: 'd7', pipelineStage: 'closedwon', occurredAt: 500 };
    const fresh = await Promise.all(
      [...stores, ...stores].map((s) => s.recordTransition('p1', 'e1:d7', transition, 900)),
    );
    expect(fresh.filter(Boolean)).toHaveLength(1);
    const store = stores[0] as Store;
    expect(await store.recordsChangedSince('p1', 900)).toEqual([
      { objectType: 'deal', recordId: 'd7' },
    ]);
    expect(await store.recordsChangedSince('p1', 901)).toEqual([]);
  });
});
