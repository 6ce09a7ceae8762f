// The playbook's save log: who saved which version when, and what the preview said it would do —
// the audit lines the settings page lists.
import type { Sql } from './sql.js';

export interface PlaybookSave {
  savedAt: number;
  savedBy: string;
  version: string;
  fingerprint: string;
  /** The preview's sentences at the save ("2 records go from on track to breached: …"). */
  summary: string[];
  /** Escalations the save was expected to raise at once, and whether the admin confirmed more than the limit. */
  escalations: number;
  confirmed: boolean;
}

export async function addPlaybookSave(
  sql: Sql,
  portalId: string,
  save: PlaybookSave,
): Promise<void> {
  await sql.query(
    `INSERT INTO playbook_saves (portal_id, saved_at, saved_by, version, fingerprint, summary, escalations, confirmed)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      portalId,
      save.savedAt,
      save.savedBy,
      save.version,
      save.fingerprint,
      JSON.stringify(save.summary),
      save.escalations,
      save.confirmed ? 1 : 0,
    ],
  );
}

/** The latest saves first. */
export async function playbookSaves(
  sql: Sql,
  portalId: string,
  limit: number,
): Promise<PlaybookSave[]> {
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT * FROM playbook_saves WHERE portal_id = $1 ORDER BY saved_at DESC LIMIT ${Math.max(1, Math.floor(limit))}`,
    [portalId],
  );
  return rows.map((row) => ({
    savedAt: Number(row.saved_at),
    savedBy: String(row.saved_by),
    version: String(row.version),
    fingerprint: String(row.fingerprint),
    summary: JSON.parse(String(row.summary)) as string[],
    escalations: Number(row.escalations),
    confirmed: Number(row.confirmed) === 1,
  }));
}
