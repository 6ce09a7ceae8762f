import Database from 'better-sqlite3';

export type Db = Database.Database;

/** One SQLite database per emulator: a file survives restarts of the sandbox, `:memory:` suits tests. */
export function openDatabase(file: string = ':memory:', schema: string = ''): Db {
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  if (schema) db.exec(schema);
  return db;
}
