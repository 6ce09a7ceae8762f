// Issue 17 item 7: an actionId is unique per record and handoff, not per portal. Reusing deal X's
// actionId on deal Y applies the action on Y; reusing it on X with another body is refused (409).
// Migration 5 moves existing stores to the new key on both engines.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandoffState } from '@handoff/shared';
import { MIGRATIONS } from '../../../hubspot-app/backend/store/migrations.js';
import type { Sql } from '../../../hubspot-app/backend/store/sql.js';
import {
  createStore,
  openPostgres,
  openSqlite,
  type ActionDecision,
} from '../../../hubspot-app/backend/store/index.js';
import { POSTGRES_URL } from './databases.js';
import { startHarness, type Harness } from './harness.js';
import { CS_CHECKLIST_ANSWERS } from './answers.js';

const state = (version: number): HandoffState => ({
  status: 'in_progress',
  version,
  items: {},
  events: [],
});
const stores = (body: string) => (): ActionDecision => ({
  kind: 'store',
  state: state(1),
  response: () => ({ status: 200, body }),
});

/** A raw connection on a fresh database of each engine, for migrating from an older schema. */
const RAW_ENGINES = [
  [
    'sqlite',
    async () => {
      const sql = openSqlite(join(mkdtempSync(join(tmpdir(), 'handoff-m5-')), 'h.db'));
      return { sql, drop: () => sql.close() };
    },
  ],
  [
    'postgres',
    async () => {
      const schema = `handoff_m5_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = new pg.Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      const sql = openPostgres(POSTGRES_URL, { schema });
      return {
        sql,
        drop: async () => {
          await sql.close();
          await admin.query(`DROP SCHEMA ${schema} CASCADE`);
          await admin.end();
        },
      };
    },
  ],
] as const;

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** Applies migrations 1–4 by hand: a store as the previous release left it. */
async function atVersion4(sql: Sql): Promise<void> {
  await sql.query(
    'CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)',
  );
  for (const migration of MIGRATIONS.filter((m) => m.version <= 4)) {
    for (const statement of migration.statements) await sql.query(statement);
    await sql.query(
      'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, 1)',
      [migration.version, migration.name],
    );
  }
}

describe.each(RAW_ENGINES)('actionIds in the store on %s', (_engine, open) => {
  it('when deal X and deal Y use the same actionId, then each is applied on its own deal', async () => {
    const { sql, drop } = await open();
    cleanup = drop;
    const store = createStore(sql);
    await store.migrate(1);
    const x = { portalId: 'p1', objectType: 'deal', recordId: 'x' };
    const y = { portalId: 'p1', objectType: 'deal', recordId: 'y' };
    expect(await store.applyAction(x, 'h1', 'same', 1, stores('on x'), 'f1')).toMatchObject({
      body: 'on x',
      replayed: false,
    });
    expect(await store.applyAction(y, 'h1', 'same', 2, stores('on y'), 'f1')).toMatchObject({
      body: 'on y',
      replayed: false,
    });
    expect((await store.getHandoffs(y)).h1?.version).toBe(1);
    // The same request again on X is the replay it always was; another body under its id is not.
    expect(await store.applyAction(x, 'h1', 'same', 3, stores('again'), 'f1')).toMatchObject({
      body: 'on x',
      replayed: true,
    });
    expect(await store.applyAction(x, 'h1', 'same', 4, stores('other'), 'f2')).toMatchObject({
      status: 409,
      reused: true,
    });
  });

  it('when a store from before migration 5 is migrated, then applied actions still replay, refusals and lock rows are gone, and ids are per record', async () => {
    const { sql, drop } = await open();
    cleanup = drop;
    await atVersion4(sql);
    await sql.query(
      `INSERT INTO handoff_actions (portal_id, action_id, object_type, record_id, handoff_id, status, body, created_at)
       VALUES ('p1', 'old', 'deal', 'x', 'h1', 200, '"recorded"', 1),
              ('p1', 'refused', 'deal', 'x', 'h1', 403, '{"view":"big"}', 1)`,
    );
    await sql.query(
      `INSERT INTO handoffs (portal_id, object_type, record_id, handoff_id, state, version, updated_at)
       VALUES ('p1', 'deal', 'z', 'h1', 'null', 0, 1)`,
    );
    const store = createStore(sql);
    // 5 and every migration after it (later releases add their own).
    expect(await store.migrate(2)).toEqual(
      MIGRATIONS.filter((m) => m.version >= 5).map((m) => m.version),
    );
    const x = { portalId: 'p1', objectType: 'deal', recordId: 'x' };
    expect(await store.applyAction(x, 'h1', 'old', 3, stores('new'), 'f')).toMatchObject({
      body: 'recorded',
      replayed: true,
    });
    const rows = await sql.query<{ action_id: string }>('SELECT action_id FROM handoff_actions');
    expect(rows.map((r) => r.action_id)).toEqual(['old']);
    expect(await sql.query("SELECT * FROM handoffs WHERE state = 'null'")).toEqual([]);
    const y = { portalId: 'p1', objectType: 'deal', recordId: 'y' };
    expect(await store.applyAction(y, 'h1', 'old', 4, stores('on y'), 'f')).toMatchObject({
      body: 'on y',
      replayed: false,
    });
  });
});

describe('actionIds through the card API', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("when deal Y is sent deal X's actionId, then the action is applied on Y (not X's answer); when X's id comes with another body, then 409 with a sentence", async () => {
    h = await startHarness();
    const [x, y] = [await h.seedWonDeal(), await h.seedWonDeal()];
    const [itemId, value] = Object.entries(CS_CHECKLIST_ANSWERS)[0] ?? [];
    const act = (deal: string, body: Record<string, unknown>) =>
      (h as Harness).call('POST', `/v1/hubspot/records/deals/${deal}/actions`, {
        as: (h as Harness).users.rep,
        body: { handoffId: 'sales_to_cs', actionId: 'shared-id', ...body },
      });
    const setItem = { action: { type: 'set_item', itemId, value } };
    expect((await act(x, setItem)).status).toBe(200);
    const onY = await act(y, setItem);
    expect(onY.status).toBe(200);
    expect((onY.body as { record: { recordId: string } }).record.recordId).toBe(y);
    expect(
      (await h.store.getHandoffs({ portalId: h.portalId, objectType: 'deal', recordId: y }))
        .sales_to_cs?.version,
    ).toBe(1);

    const other = await act(x, { action: { type: 'set_item', itemId, value: 'something else' } });
    expect(other).toEqual({
      status: 409,
      body: {
        refusal: {
          code: 'conflict',
          message:
            'This actionId was already used on this deal for a different request; send the action again with a new actionId.',
          details: { actionId: 'shared-id' },
        },
      },
    });
  });
});
