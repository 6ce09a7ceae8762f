import { openPostgres } from './postgres.js';
import { openSqlite } from './sqlite.js';
import { createStore, type Store } from './store.js';

export * from './store.js';
export { openSqlite } from './sqlite.js';
export { openPostgres } from './postgres.js';
export { StoreUnavailable } from './sql.js';
export type { RecordSummary, StoredSnapshot } from './summaries.js';
export type { PlaybookSave } from './playbook-saves.js';
export type { Retention } from './lifecycle.js';

/** PostgreSQL when a URL is given, else the embedded SQLite file. */
export function openStore(options: {
  databaseUrl?: string;
  sqliteFile: string;
  /** Told about database connections lost while idle (PostgreSQL); the process carries on. */
  onDatabaseError?: (error: Error) => void;
}): Store {
  return createStore(
    options.databaseUrl
      ? openPostgres(
          options.databaseUrl,
          options.onDatabaseError ? { onError: options.onDatabaseError } : {},
        )
      : openSqlite(options.sqliteFile),
  );
}
