// SQLite engine: one file in WAL mode, the embedded default. better-sqlite3 is synchronous and one
// connection is shared, so transactions are queued: exactly one runs at a time in this process.
import Database from 'better-sqlite3';
import type { Sql } from './sql.js';

export function openSqlite(file: string): Sql {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  let queue: Promise<unknown> = Promise.resolve();

  const run = <Row>(text: string, params: readonly unknown[] = []): Row[] => {
    const { sql, values } = toSqlite(text, params);
    const statement = db.prepare(sql);
    if (statement.reader) return statement.all(...values) as Row[];
    statement.run(...values);
    return [];
  };

  const inTransaction: Sql = {
    engine: 'sqlite',
    query: async (text, params) => run(text, params),
    transaction: (work) => work(inTransaction),
    close: async () => undefined,
  };

  return {
    engine: 'sqlite',
    query: async (text, params) => run(text, params),
    transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
      const next = queue.then(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(inTransaction);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
    close: async () => {
      await queue;
      db.close();
    },
  };
}

/** `$1 … $n` → `?` in order of appearance, with the values repeated to match. */
function toSqlite(text: string, params: readonly unknown[]): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const sql = text.replace(/\$(\d+)/g, (_, n: string) => {
    values.push(normalise(params[Number(n) - 1]));
    return '?';
  });
  return { sql, values };
}

function normalise(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value === undefined ? null : value;
}
