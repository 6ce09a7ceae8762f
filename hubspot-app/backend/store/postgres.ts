// PostgreSQL engine, for deployments that outgrow one machine. Each transaction holds one pooled
// connection; row locks (SELECT … FOR UPDATE) serialise writers across service instances.
// A lost connection (database restart, failover) must never end the process: the pool and every
// checked-out client have an 'error' listener, and the request that was using it fails with
// StoreUnavailable (a 503) while the next one gets a fresh connection.
import pg from 'pg';
import { StoreUnavailable, type Sql } from './sql.js';

// bigint columns hold epoch milliseconds, which fit a JavaScript number exactly.
pg.types.setTypeParser(20, (value) => Number(value));

export interface PostgresOptions {
  schema?: string;
  max?: number;
  /** Told about connection errors no request was waiting for (idle connections dropped). */
  onError?: (error: Error) => void;
  /** How long a request waits for a connection before it is told the database is unavailable. */
  connectTimeoutMs?: number;
}

// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, restart).
const UNAVAILABLE_STATES = /^(08|57P0[1-3])/;
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error|Client was closed|Query read timeout/i;

/** A connection-level failure (as opposed to a bad statement or a constraint). */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_STATES.test(code)))
    return true;
  return UNAVAILABLE_MESSAGES.test(error.message);
}

function unavailable(error: unknown): unknown {
  return isConnectionError(error) ? new StoreUnavailable((error as Error).message) : error;
}

export function openPostgres(connectionString: string, options: PostgresOptions = {}): Sql {
  const onError = options.onError ?? (() => undefined);
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // Idle connections that die (what a restart does) are reported here and dropped by the pool.
  pool.on('error', (error) => onError(error));
  let closed = false;
  const over = (client: pg.Pool | pg.PoolClient): Sql => ({
    engine: 'postgres',
    query: async <Row>(text: string, params: readonly unknown[] = []) => {
      try {
        return (await client.query(text, params as unknown[])).rows as Row[];
      } catch (error) {
        throw unavailable(error);
      }
    },
    transaction: async (work) => {
      if (client !== pool) return work(over(client));
      let connection: pg.PoolClient;
      try {
        connection = await pool.connect();
      } catch (error) {
        throw unavailable(error);
      }
      // A checked-out client has no pool listener: without ours its 'error' would end the process.
      let broken: Error | undefined;
      const onClientError = (error: Error) => {
        broken = error;
        onError(error);
      };
      connection.on('error', onClientError);
      try {
        await connection.query('BEGIN');
        const result = await work(over(connection));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        if (error instanceof StoreUnavailable || isConnectionError(error))
          broken ??= error as Error;
        await connection.query('ROLLBACK').catch(() => undefined);
        throw unavailable(error);
      } finally {
        connection.off('error', onClientError);
        // A broken connection is destroyed rather than handed to the next request.
        connection.release(broken);
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
