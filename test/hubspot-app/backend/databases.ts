// Test databases: a fresh SQLite file, or a fresh schema on the local PostgreSQL server
// (the machine and CI run one; see the README). Each test gets its own, dropped afterwards.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  createStore,
  openPostgres,
  openSqlite,
  type Store,
} from '../../../hubspot-app/backend/store/index.js';

export const POSTGRES_URL =
  process.env.HANDOFF_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  store: () => Store;
  /** PostgreSQL: the schema this database lives in (other processes connect to it by name). */
  schema?: string;
  drop: () => Promise<void>;
}

export async function sqliteDatabase(): Promise<TestDatabase> {
  const file = join(mkdtempSync(join(tmpdir(), 'handoff-store-')), 'handoff.db');
  const opened: Store[] = [];
  return {
    store: () => {
      const store = createStore(openSqlite(file));
      opened.push(store);
      return store;
    },
    drop: async () => {
      for (const s of opened) await s.close();
    },
  };
}

export async function postgresDatabase(): Promise<TestDatabase> {
  const schema = `handoff_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const opened: Store[] = [];
  return {
    schema,
    store: () => {
      const store = createStore(openPostgres(POSTGRES_URL, { schema }));
      opened.push(store);
      return store;
    },
    drop: async () => {
      for (const s of opened) await s.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

export const ENGINES = [
  ['sqlite', sqliteDatabase],
  ['postgres', postgresDatabase],
] as const;
