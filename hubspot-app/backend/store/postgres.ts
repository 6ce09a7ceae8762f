// PostgreSQL engine, for deployments that outgrow one machine. Each transaction holds one pooled
// connection; row locks (SELECT … FOR UPDATE) serialise writers across service instances.
import pg from 'pg';
import type { Sql } from './sql.js';

// bigint columns hold epoch milliseconds, which fit a JavaScript number exactly.
pg.types.setTypeParser(20, (value) => Number(value));

export function openPostgres(
  connectionString: string,
  options: { schema?: string; max?: number } = {},
): Sql {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  let closed = false;
  const over = (client: pg.Pool | pg.PoolClient): Sql => ({
    engine: 'postgres',
    query: async <Row>(text: string, params: readonly unknown[] = []) =>
      (await client.query(text, params as unknown[])).rows as Row[],
    transaction: async (work) => {
      if (client !== pool) return work(over(client));
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await work(over(connection));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    close: async () => {
      // Idempotent: a test harness and its database may both close the same store.
      if (closed) return;
      closed = true;
      await pool.end();
    },
  });
  return over(pool);
}
