import { openPostgres } from './postgres.js';
import { openSqlite } from './sqlite.js';
import { createStore, type Store } from './store.js';

export * from './store.js';
export { openSqlite } from './sqlite.js';
export { openPostgres } from './postgres.js';

/** PostgreSQL when a URL is given, else the embedded SQLite file. */
export function openStore(options: { databaseUrl?: string; sqliteFile: string }): Store {
  return createStore(
    options.databaseUrl ? openPostgres(options.databaseUrl) : openSqlite(options.sqliteFile),
  );
}
