// What an operator's checks and chores need from the database: readiness (reachable, schema
// current), the tables that hold a portal's data (read from the schema itself, so a table added by
// a later migration is covered without a list to keep), and pruning by retention.
import { MIGRATIONS } from './migrations.js';
import type { Sql } from './sql.js';

/** Migration versions this build knows and the database has not applied (a query, so it also proves the database answers). */
export async function pendingMigrations(sql: Sql): Promise<number[]> {
  const rows = await sql
    .query<{ version: number }>('SELECT version FROM schema_migrations')
    .catch((error: unknown) => {
      // No schema_migrations table yet: nothing has been applied.
      if (/schema_migrations/.test((error as Error).message)) return [];
      throw error;
    });
  const applied = new Set(rows.map((r) => Number(r.version)));
  return MIGRATIONS.map((m) => m.version).filter((v) => !applied.has(v));
}

/** Every table with a portal_id column, as the database's own catalogue lists them. */
export async function portalTables(sql: Sql): Promise<string[]> {
  if (sql.engine === 'postgres') {
    const rows = await sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_name = 'portal_id' ORDER BY table_name`,
    );
    return rows.map((r) => r.table_name);
  }
  const tables = await sql.query<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  const out: string[] = [];
  for (const { name } of tables) {
    const columns = await sql.query<{ name: string }>(
      `SELECT name FROM pragma_table_info('${name.replace(/'/g, "''")}')`,
    );
    if (columns.some((c) => c.name === 'portal_id')) out.push(name);
  }
  return out;
}

/** Forgets everything about a portal, in every table that has a portal_id, in one transaction. */
export async function deletePortalRows(sql: Sql, portalId: string): Promise<void> {
  const tables = await portalTables(sql);
  await sql.transaction(async (tx) => {
    for (const table of tables)
      await tx.query(`DELETE FROM "${table}" WHERE portal_id = $1`, [portalId]);
  });
}

export interface Retention {
  /** Webhook events (stage transitions) received before this instant are deleted; undefined keeps them. */
  eventsBefore?: number;
  /** Outbox items written to HubSpot (done) before this instant are deleted; undefined keeps them. */
  outboxDoneBefore?: number;
  /**
   * Portals uninstalled from HubSpot's side (a refused token refresh) before this instant lose all
   * their data, as an admin's delete does; the wait lets a mistaken uninstall be undone by reinstalling.
   */
  uninstalledBefore?: number;
}

/** Deletes what retention no longer keeps; answers how many rows (or portals) went, by kind. */
export async function prune(
  sql: Sql,
  retention: Retention,
): Promise<{ events: number; outbox: number; portals: number }> {
  let events = 0;
  let outbox = 0;
  let portals = 0;
  if (retention.uninstalledBefore !== undefined) {
    const gone = await sql.query<{ portal_id: string }>(
      'SELECT portal_id FROM installations WHERE uninstalled_at IS NOT NULL AND uninstalled_at < $1',
      [retention.uninstalledBefore],
    );
    for (const { portal_id } of gone) await deletePortalRows(sql, portal_id);
    portals = gone.length;
  }
  if (retention.eventsBefore !== undefined) {
    const rows = await sql.query(
      'DELETE FROM stage_transitions WHERE COALESCE(received_at, occurred_at) < $1 RETURNING portal_id',
      [retention.eventsBefore],
    );
    events = rows.length;
  }
  if (retention.outboxDoneBefore !== undefined) {
    const rows = await sql.query(
      "DELETE FROM outbox WHERE status = 'done' AND done_at < $1 RETURNING portal_id",
      [retention.outboxDoneBefore],
    );
    outbox = rows.length;
  }
  return { events, outbox, portals };
}

/** The outbox's writes not yet made (pending or failed): how many, and since when the oldest waits. */
export async function outboxBacklog(sql: Sql): Promise<{ depth: number; oldestAt: number | null }> {
  const [row] = await sql.query<{ depth: number | string; oldest: number | string | null }>(
    "SELECT COUNT(*) AS depth, MIN(created_at) AS oldest FROM outbox WHERE status <> 'done'",
  );
  return {
    depth: Number(row?.depth ?? 0),
    oldestAt: row?.oldest === null || row?.oldest === undefined ? null : Number(row.oldest),
  };
}

/**
 * Per portal, how late its scan is against its schedule: a scan running now is late by how long
 * ago it was due (claimed_due); one waiting, by how far its due time has passed (0 when not yet due).
 */
export async function scanLateness(sql: Sql, now: number): Promise<Map<string, number>> {
  const rows = await sql.query<{
    portal_id: string;
    due_at: number | string;
    claimed_due: number | string | null;
  }>('SELECT portal_id, due_at, claimed_due FROM scan_portals');
  return new Map(
    rows.map((r) => [r.portal_id, Math.max(0, now - Number(r.claimed_due ?? r.due_at))]),
  );
}
