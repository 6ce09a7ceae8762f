// The few things the store needs from a SQL engine. Statements are written once, PostgreSQL-style
// (`$1` placeholders); the SQLite engine rewrites them.
export interface Sql {
  readonly engine: 'sqlite' | 'postgres';
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs `work` in one transaction; the engine serialises writers as it can (see each engine). */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The database could not be reached (restart, failover, network): the request may be tried again
 * in a moment, and the HTTP layer answers 503 with this sentence.
 */
export class StoreUnavailable extends Error {
  constructor(readonly reason: string) {
    super('The database is unavailable right now; try again in a moment.');
    this.name = 'StoreUnavailable';
  }
}
