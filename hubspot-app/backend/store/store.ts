// The store: the source of truth for handoff state (HubSpot only mirrors it). One implementation
// over either SQL engine, so the same test suite proves both.
import type { HandoffState } from '@handoff/shared';
import { migrate } from './migrations.js';
import type { Sql } from './sql.js';

export interface Installation {
  portalId: string;
  accessToken: string;
  refreshToken: string | null;
  expiresAt: number | null;
  installedAt: number;
  uninstalledAt: number | null;
}

export interface StoredPlaybook {
  text: string;
  version: string;
  updatedAt: number;
  updatedBy: string;
}

export interface RecordKey {
  portalId: string;
  objectType: string;
  recordId: string;
}

/** What an action answered, kept so a repeated actionId gets the same answer. */
export interface RecordedResponse {
  status: number;
  body: unknown;
}

export type ActionDecision =
  | { kind: 'store'; state: HandoffState; response: (state: HandoffState) => RecordedResponse }
  | { kind: 'answer'; response: RecordedResponse };

export interface Store {
  readonly engine: Sql['engine'];
  migrate(now: number): Promise<number[]>;
  putInstallation(installation: Installation): Promise<void>;
  getInstallation(portalId: string): Promise<Installation | null>;
  getPlaybook(portalId: string): Promise<StoredPlaybook | null>;
  putPlaybook(portalId: string, playbook: StoredPlaybook): Promise<void>;
  getHandoffs(key: RecordKey): Promise<Record<string, HandoffState>>;
  getHandoffsOfRecords(
    portalId: string,
    objectType: string,
    recordIds: readonly string[],
  ): Promise<Map<string, Record<string, HandoffState>>>;
  /**
   * Decides one action on one handoff with the row locked: `decide` sees the current state and
   * either stores a new one or answers without storing. A repeated actionId is answered from the
   * record of the first attempt and `decide` is not called.
   */
  applyAction(
    key: RecordKey,
    handoffId: string,
    actionId: string,
    now: number,
    decide: (current: HandoffState | undefined) => ActionDecision,
  ): Promise<RecordedResponse & { replayed: boolean }>;
  close(): Promise<void>;
}

export function createStore(sql: Sql): Store {
  return {
    engine: sql.engine,
    migrate: (now) => migrate(sql, now),

    async putInstallation(i) {
      await sql.query(
        `INSERT INTO installations (portal_id, access_token, refresh_token, expires_at, installed_at, uninstalled_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (portal_id) DO UPDATE SET access_token = $2, refresh_token = $3, expires_at = $4,
           installed_at = $5, uninstalled_at = $6`,
        [i.portalId, i.accessToken, i.refreshToken, i.expiresAt, i.installedAt, i.uninstalledAt],
      );
    },

    async getInstallation(portalId) {
      const [row] = await sql.query<Record<string, unknown>>(
        'SELECT * FROM installations WHERE portal_id = $1',
        [portalId],
      );
      if (!row) return null;
      return {
        portalId: String(row.portal_id),
        accessToken: String(row.access_token),
        refreshToken: row.refresh_token === null ? null : String(row.refresh_token),
        expiresAt: row.expires_at === null ? null : Number(row.expires_at),
        installedAt: Number(row.installed_at),
        uninstalledAt: row.uninstalled_at === null ? null : Number(row.uninstalled_at),
      };
    },

    async getPlaybook(portalId) {
      const [row] = await sql.query<Record<string, unknown>>(
        'SELECT * FROM playbooks WHERE portal_id = $1',
        [portalId],
      );
      if (!row) return null;
      return {
        text: String(row.text),
        version: String(row.version),
        updatedAt: Number(row.updated_at),
        updatedBy: String(row.updated_by),
      };
    },

    async putPlaybook(portalId, p) {
      await sql.query(
        `INSERT INTO playbooks (portal_id, text, version, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (portal_id) DO UPDATE SET text = $2, version = $3, updated_at = $4, updated_by = $5`,
        [portalId, p.text, p.version, p.updatedAt, p.updatedBy],
      );
    },

    async getHandoffs(key) {
      const rows = await sql.query<{ handoff_id: string; state: string }>(
        "SELECT handoff_id, state FROM handoffs WHERE portal_id = $1 AND object_type = $2 AND record_id = $3 AND state <> 'null'",
        [key.portalId, key.objectType, key.recordId],
      );
      return Object.fromEntries(
        rows.map((r) => [r.handoff_id, JSON.parse(r.state) as HandoffState]),
      );
    },

    async getHandoffsOfRecords(portalId, objectType, recordIds) {
      const out = new Map<string, Record<string, HandoffState>>();
      if (recordIds.length === 0) return out;
      const placeholders = recordIds.map((_, i) => `$${i + 3}`).join(', ');
      const rows = await sql.query<{ record_id: string; handoff_id: string; state: string }>(
        `SELECT record_id, handoff_id, state FROM handoffs WHERE portal_id = $1 AND object_type = $2 AND state <> 'null' AND record_id IN (${placeholders})`,
        [portalId, objectType, ...recordIds],
      );
      for (const row of rows) {
        const handoffs = out.get(row.record_id) ?? {};
        handoffs[row.handoff_id] = JSON.parse(row.state) as HandoffState;
        out.set(row.record_id, handoffs);
      }
      return out;
    },

    applyAction(key, handoffId, actionId, now, decide) {
      return sql.transaction(async (tx) => {
        // Lock the handoff's row first (creating it, with no state yet, if needed) so concurrent
        // actions on one handoff queue here, across processes on PostgreSQL.
        await tx.query(
          `INSERT INTO handoffs (portal_id, object_type, record_id, handoff_id, state, version, updated_at)
           VALUES ($1, $2, $3, $4, $5, 0, $6) ON CONFLICT DO NOTHING`,
          [key.portalId, key.objectType, key.recordId, handoffId, 'null', now],
        );
        const lock = tx.engine === 'postgres' ? ' FOR UPDATE' : '';
        const [row] = await tx.query<{ state: string }>(
          `SELECT state FROM handoffs WHERE portal_id = $1 AND object_type = $2 AND record_id = $3 AND handoff_id = $4${lock}`,
          [key.portalId, key.objectType, key.recordId, handoffId],
        );
        const [recorded] = await tx.query<{ status: number; body: string }>(
          'SELECT status, body FROM handoff_actions WHERE portal_id = $1 AND action_id = $2',
          [key.portalId, actionId],
        );
        if (recorded)
          return {
            status: Number(recorded.status),
            body: JSON.parse(recorded.body) as unknown,
            replayed: true,
          };

        const current =
          row && row.state !== 'null' ? (JSON.parse(row.state) as HandoffState) : undefined;
        const decision = decide(current);
        const response =
          decision.kind === 'store' ? decision.response(decision.state) : decision.response;
        if (decision.kind === 'store') {
          await tx.query(
            `UPDATE handoffs SET state = $5, version = $6, updated_at = $7
             WHERE portal_id = $1 AND object_type = $2 AND record_id = $3 AND handoff_id = $4`,
            [
              key.portalId,
              key.objectType,
              key.recordId,
              handoffId,
              JSON.stringify(decision.state),
              decision.state.version,
              now,
            ],
          );
        }
        await tx.query(
          `INSERT INTO handoff_actions (portal_id, action_id, object_type, record_id, handoff_id, status, body, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            key.portalId,
            actionId,
            key.objectType,
            key.recordId,
            handoffId,
            response.status,
            JSON.stringify(response.body),
            now,
          ],
        );
        return { ...response, replayed: false };
      });
    },

    close: () => sql.close(),
  };
}
