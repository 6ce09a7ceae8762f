// Record summaries: a record's name and snapshot as the scanner or the card last read them, so the
// queue and the dashboard answer from the store without a CRM call per row.
import type { RecordSnapshot } from '@handoff/shared';
import type { Sql } from './sql.js';

/** A snapshot as stored: the handoffs come from the handoffs table at read time. */
export type StoredSnapshot = Omit<RecordSnapshot, 'handoffs'>;

export interface RecordSummary {
  objectType: string;
  recordId: string;
  name: string;
  snapshot: StoredSnapshot;
  /** When the CRM was last read for this record. */
  seenAt: number;
}

/** Rows per statement: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

export async function putRecordSummaries(
  sql: Sql,
  portalId: string,
  summaries: readonly Omit<RecordSummary, 'seenAt'>[],
  now: number,
): Promise<void> {
  for (let i = 0; i < summaries.length; i += CHUNK) {
    const chunk = summaries.slice(i, i + CHUNK);
    const values = chunk
      .map((_, n) => `($1, $${n * 4 + 3}, $${n * 4 + 4}, $${n * 4 + 5}, $${n * 4 + 6}, $2)`)
      .join(', ');
    await sql.query(
      `INSERT INTO record_summaries (portal_id, object_type, record_id, name, snapshot, seen_at)
       VALUES ${values}
       ON CONFLICT (portal_id, object_type, record_id)
       DO UPDATE SET name = excluded.name, snapshot = excluded.snapshot, seen_at = excluded.seen_at`,
      [
        portalId,
        now,
        ...chunk.flatMap((s) => [
          s.objectType,
          s.recordId,
          s.name,
          JSON.stringify(withoutHandoffs(s.snapshot)),
        ]),
      ],
    );
  }
}

export async function recordSummaries(
  sql: Sql,
  portalId: string,
  objectTypes: string | readonly string[],
  seenSince?: number,
): Promise<RecordSummary[]> {
  const types = typeof objectTypes === 'string' ? [objectTypes] : objectTypes;
  if (types.length === 0) return [];
  const from = seenSince === undefined ? 2 : 3;
  const rows = await sql.query<{
    object_type: string;
    record_id: string;
    name: string;
    snapshot: string;
    seen_at: number;
  }>(
    `SELECT object_type, record_id, name, snapshot, seen_at FROM record_summaries WHERE portal_id = $1${seenSince === undefined ? '' : ' AND seen_at >= $2'} AND object_type IN (${types.map((_, i) => `$${i + from}`).join(', ')})`,
    seenSince === undefined ? [portalId, ...types] : [portalId, seenSince, ...types],
  );
  return rows.map((r) => ({
    objectType: String(r.object_type),
    recordId: String(r.record_id),
    name: String(r.name),
    snapshot: JSON.parse(r.snapshot) as StoredSnapshot,
    seenAt: Number(r.seen_at),
  }));
}

/** The handoffs live in their own table; a summary keeps only what HubSpot said. */
function withoutHandoffs(snapshot: StoredSnapshot | RecordSnapshot): StoredSnapshot {
  const rest: StoredSnapshot & { handoffs?: unknown } = { ...snapshot };
  delete rest.handoffs;
  return rest;
}
