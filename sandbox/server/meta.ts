// What the sandbox remembers between starts, in a table of the same SQLite file as the emulator
// and the backend: the portal, the seeded people and deals, and where the clock stands.
import Database from 'better-sqlite3';
import type { SalesforceMeta } from './salesforce/seed.js';

export interface SeededPerson {
  key: string;
  userId: string;
  name: string;
  team: string;
  role: string;
}

export interface SandboxMeta {
  portalId: string;
  people: SeededPerson[];
  /** Seed key (w0, a3, …) → HubSpot deal id. */
  deals: Record<string, string>;
  /** Seed key (c0, c1, …) → HubSpot contact id; absent in data folders seeded before contacts. */
  contacts?: Record<string, string>;
  clock: number;
  /** The same company in the Salesforce emulator; absent in data folders seeded before it existed. */
  salesforce?: SalesforceMeta;
}

export class MetaTable {
  readonly #db: Database.Database;

  constructor(file: string) {
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('busy_timeout = 5000');
    this.#db.exec(
      'CREATE TABLE IF NOT EXISTS sandbox_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)',
    );
  }

  read(): SandboxMeta | null {
    const row = this.#db.prepare("SELECT value FROM sandbox_meta WHERE key = 'meta'").get() as
      { value: string } | undefined;
    return row ? (JSON.parse(row.value) as SandboxMeta) : null;
  }

  write(meta: SandboxMeta): void {
    this.#db
      .prepare(
        "INSERT INTO sandbox_meta (key, value) VALUES ('meta', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run(JSON.stringify(meta));
  }

  close(): void {
    this.#db.close();
  }
}
