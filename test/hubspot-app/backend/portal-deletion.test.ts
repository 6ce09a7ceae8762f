// Data lifecycle (issue 21): when an admin removes Handoff, nothing of that portal remains in any
// table — the tables are read from the database's own catalogue, so a table a later migration adds
// is checked without anyone remembering to list it — on SQLite and on PostgreSQL. Retention prunes
// only what it is told to.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createStore,
  openPostgres,
  openSqlite,
  type Store,
} from '../../../hubspot-app/backend/store/index.js';
import type { Sql } from '../../../hubspot-app/backend/store/sql.js';
import { CS_CHECKLIST_ANSWERS } from './answers.js';
import { POSTGRES_URL, postgresDatabase, type TestDatabase } from './databases.js';
import { portalWithWonDeal, startServiceHarness, type ServiceHarness } from './service-harness.js';

let h: ServiceHarness | undefined;
let db: TestDatabase | undefined;
let raw: Sql | undefined;
afterEach(async () => {
  await h?.close().catch(() => undefined);
  await raw?.close();
  await db?.drop();
  h = undefined;
  db = undefined;
  raw = undefined;
});

/** Rows per table for the portal, over every table the catalogue says has a portal_id. */
async function rowsOf(store: Store, sql: Sql, portalId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of await store.portalTables()) {
    const [row] = await sql.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM "${table}" WHERE portal_id = $1`,
      [portalId],
    );
    out[table] = Number(row?.n ?? 0);
  }
  return out;
}

/** A portal that has done everything that leaves data: install, playbook, answers, a webhook, scans, writes. */
async function busyPortal(harness: ServiceHarness) {
  const portal = await portalWithWonDeal(harness);
  for (const [itemId, value] of Object.entries(CS_CHECKLIST_ANSWERS))
    expect((await portal.act(portal.users.rep, { type: 'set_item', itemId, value })).status).toBe(
      200,
    );
  expect((await portal.act(portal.users.rep, { type: 'submit' })).status).toBe(200);
  harness.emulator.seed.updateDeal(portal.portalId, portal.deal, { dealstage: 'contractsent' });
  await harness.emulator.webhooks.settled();
  await harness.call('GET', `/v1/hubspot/records/deals/${portal.deal}`, portal.portalId, {
    as: portal.users.csManager,
  });
  harness.clock.advance(3 * 24 * 60 * 60_000);
  await harness.service.scanDue();
  await harness.service.outbox.drain();
  return portal;
}

/** The engine's store, and a second connection of our own to count rows with. */
const ENGINES: [string, () => Promise<{ store: Store; raw: Sql }>][] = [
  [
    'sqlite',
    async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'handoff-delete-')), 'hubspot.db');
      return { store: createStore(openSqlite(file)), raw: openSqlite(file) };
    },
  ],
  [
    'postgres',
    async () => {
      db = await postgresDatabase();
      return {
        // Our own store on its schema: the harness closes it, and drop() only drops the schema.
        store: createStore(openPostgres(POSTGRES_URL, { schema: db.schema ?? '' })),
        raw: openPostgres(POSTGRES_URL, { schema: db.schema ?? '' }),
      };
    },
  ],
];

describe.each(ENGINES)('removing Handoff from a portal (%s)', (_engine, open) => {
  it('when an admin deletes the installation, then no table holds a row of that portal, and the other portal keeps its data', async () => {
    const opened = await open();
    const store = opened.store;
    raw = opened.raw;
    h = await startServiceHarness({ store });
    const leaving = await busyPortal(h);
    const staying = await busyPortal(h);

    const before = await rowsOf(store, raw, leaving.portalId);
    const filled = Object.entries(before)
      .filter(([, n]) => n > 0)
      .map(([t]) => t);
    // The flow touched the tables that matter, so an empty result below means deleted, not never written.
    expect(filled).toEqual(
      expect.arrayContaining([
        'installations',
        'playbooks',
        'handoffs',
        'portal_settings',
        'outbox',
        'stage_transitions',
        'scan_portals',
      ]),
    );
    const stayingBefore = await rowsOf(store, raw, staying.portalId);

    const answer = await h.call('DELETE', '/v1/hubspot/installation', leaving.portalId, {
      as: leaving.users.admin,
    });
    expect(answer).toEqual({ status: 200, body: { deleted: true } });

    const after = await rowsOf(store, raw, leaving.portalId);
    expect(Object.keys(after).length).toBeGreaterThanOrEqual(14);
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
    expect(await rowsOf(store, raw, staying.portalId)).toEqual(stayingBefore);
  }, 60_000);

  it('when retention prunes, then outbox items already written go before events, and only past their age', async () => {
    const opened = await open();
    const store = opened.store;
    raw = opened.raw;
    h = await startServiceHarness({ store });
    const { portalId } = await busyPortal(h);
    const count = async (where: string) => {
      const [row] = await opened.raw.query<{ n: number | string }>(
        `SELECT COUNT(*) AS n FROM ${where}`,
      );
      return Number(row?.n ?? 0);
    };
    const done = await count("outbox WHERE status = 'done'");
    const waiting = await count("outbox WHERE status <> 'done'");
    const events = await count('stage_transitions');
    expect(done).toBeGreaterThan(0);
    expect(events).toBeGreaterThan(0);

    // Nothing is old enough yet.
    expect(await store.prune({ outboxDoneBefore: 0, eventsBefore: 0 })).toEqual({
      events: 0,
      outbox: 0,
      portals: 0,
    });
    // Outbox history past its age goes; events are kept unless a retention for them is set.
    const later = h.clock.now() + 1;
    expect(await store.prune({ outboxDoneBefore: later })).toEqual({
      events: 0,
      outbox: done,
      portals: 0,
    });
    expect(await count("outbox WHERE status = 'done'")).toBe(0);
    expect(await count("outbox WHERE status <> 'done'")).toBe(waiting);
    expect(await count('stage_transitions')).toBe(events);
    expect(await store.prune({ eventsBefore: later })).toEqual({ events, outbox: 0, portals: 0 });
    expect(await count('stage_transitions')).toBe(0);
    expect(await store.getInstallation(portalId)).not.toBeNull();
  }, 60_000);

  it('when a portal uninstalled on HubSpot (a refused refresh) longer ago than retention keeps, then its data goes; a recent one stays', async () => {
    const opened = await open();
    const store = opened.store;
    raw = opened.raw;
    h = await startServiceHarness({ store });
    const old = await busyPortal(h);
    const recent = await busyPortal(h);
    const uninstall = async (portalId: string) => {
      const row = await store.getInstallation(portalId);
      if (row) await store.putInstallation({ ...row, uninstalledAt: h?.clock.now() ?? 0 });
    };
    await uninstall(old.portalId);
    h.clock.advance(20 * 24 * 60 * 60_000);
    await uninstall(recent.portalId);
    const recentBefore = await rowsOf(store, opened.raw, recent.portalId);

    expect(await store.prune({ uninstalledBefore: h.clock.now() - 10 * 24 * 60 * 60_000 })).toEqual(
      { events: 0, outbox: 0, portals: 1 },
    );
    const left = await rowsOf(store, opened.raw, old.portalId);
    expect(Object.entries(left).filter(([, n]) => n > 0)).toEqual([]);
    expect(await rowsOf(store, opened.raw, recent.portalId)).toEqual(recentBefore);
  }, 60_000);
});
