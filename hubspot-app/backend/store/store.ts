// The store: the source of truth for handoff state (HubSpot only mirrors it). One implementation
// over either SQL engine, so the same test suite proves both.
import { forgetContactRows } from './erasure.js';
import type { HandoffState, RecordObject } from '@handoff/shared';
import { migrate } from './migrations.js';
import {
  deletePortalRows,
  outboxBacklog,
  pendingMigrations,
  portalTables,
  prune,
  scanLateness,
  type Retention,
} from './lifecycle.js';
import type { Sql } from './sql.js';
import { putRecordSummaries, recordSummaries, type RecordSummary } from './summaries.js';
import { addPlaybookSave, playbookSaves, type PlaybookSave } from './playbook-saves.js';

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

/** A write to HubSpot that must happen once, after the action commits (mirror, note, task). */
export interface OutboxItem {
  key: string;
  kind: string;
  payload: unknown;
}

export interface OutboxEntry extends OutboxItem {
  portalId: string;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  status: 'pending' | 'done' | 'failed';
  createdAt: number;
}

/** What the portal's installation learned: which properties it has, when it was provisioned. */
export interface PortalSettings {
  provisionedAt: number | null;
  /** Playbook stage id → the portal's stage-entry timestamp property (names differ between portals). */
  stageProperties: Record<string, string>;
  /**
   * The objects whose mirror properties exist in the portal (provisioning made them): Handoff
   * writes its state to no other object's records. Absent on settings saved before contacts and
   * companies were mirrored: deals only.
   */
  mirrored?: RecordObject[];
}

export interface StageTransition {
  dealId: string;
  pipelineStage: string;
  occurredAt: number;
}

/** The change-driven scan of one portal: where its change search starts, its last full scan. */
export interface ScanState {
  changesSince: number;
  fullAt: number;
  /** The playbook (and stage mapping) the watched instants were computed on. */
  playbook: string;
}

export interface DealWatch {
  nextAt: number | null;
  version: string | null;
}

export type ActionDecision =
  | {
      kind: 'store';
      state: HandoffState;
      response: (state: HandoffState) => RecordedResponse;
      /** Enqueued in the same transaction as the state, so a committed action is always mirrored. */
      outbox?: (state: HandoffState) => OutboxItem[];
    }
  | { kind: 'answer'; response: RecordedResponse };

export interface Store {
  readonly engine: Sql['engine'];
  migrate(now: number): Promise<number[]>;
  putInstallation(installation: Installation): Promise<void>;
  getInstallation(portalId: string): Promise<Installation | null>;
  /** Portals with a live installation: the ones the scanner watches. */
  installedPortals(): Promise<string[]>;
  getPlaybook(portalId: string): Promise<StoredPlaybook | null>;
  putPlaybook(portalId: string, playbook: StoredPlaybook): Promise<void>;
  /** The save log the settings page lists (playbook-saves.ts), latest first. */
  addPlaybookSave(portalId: string, save: PlaybookSave): Promise<void>;
  playbookSaves(portalId: string, limit: number): Promise<PlaybookSave[]>;
  getHandoffs(key: RecordKey): Promise<Record<string, HandoffState>>;
  getHandoffsOfRecords(
    portalId: string,
    objectType: string,
    recordIds: readonly string[],
  ): Promise<Map<string, Record<string, HandoffState>>>;
  /**
   * Every record of this type with a stored handoff, with its handoffs: the companies whose
   * expansion may be running (few: a portal raises expansions by the hundred, not the thousand).
   */
  handoffsOfType(
    portalId: string,
    objectType: string,
  ): Promise<Map<string, Record<string, HandoffState>>>;
  /**
   * Decides one action on one handoff with the row locked: `decide` sees the current state and
   * either stores a new one or answers without storing (a refusal: nothing is kept). An actionId
   * already applied to this record's handoff is answered from the record of the first attempt and
   * `decide` is not called; when `fingerprint` (of the request) differs from the first attempt's,
   * the answer is `reused` instead.
   */
  applyAction(
    key: RecordKey,
    handoffId: string,
    actionId: string,
    now: number,
    decide: (current: HandoffState | undefined) => ActionDecision,
    fingerprint?: string,
  ): Promise<RecordedResponse & { replayed: boolean; reused?: true }>;
  /** Whether this actionId was already applied to this record's handoff (a read, no lock). */
  hasAction(key: RecordKey, handoffId: string, actionId: string): Promise<boolean>;
  getSettings(portalId: string): Promise<PortalSettings | null>;
  putSettings(portalId: string, settings: PortalSettings, now: number): Promise<void>;
  enqueue(portalId: string, items: readonly OutboxItem[], now: number): Promise<void>;
  /** Items due now (pending, or failing and due again), oldest first; of one portal when named. */
  dueOutbox(now: number, limit: number, portalId?: string): Promise<OutboxEntry[]>;
  /** Portals with items due now. */
  duePortals(now: number): Promise<string[]>;
  outboxDone(portalId: string, key: string, now: number): Promise<void>;
  outboxRetry(
    portalId: string,
    key: string,
    attempts: number,
    nextAttemptAt: number,
    error: string,
  ): Promise<void>;
  /** Lists the item as failing; it is still tried again at `nextAttemptAt`. */
  outboxFailed(
    portalId: string,
    key: string,
    attempts: number,
    nextAttemptAt: number,
    error: string,
  ): Promise<void>;
  /** Makes a portal's failing items due now (an admin asked); answers how many. */
  outboxRetryFailed(portalId: string, now: number): Promise<number>;
  outboxOf(portalId: string): Promise<OutboxEntry[]>;
  /** Which of these keys are still waiting to be written (pending, or failing and retried). */
  outboxPendingKeys(portalId: string, keys: readonly string[]): Promise<string[]>;
  /** Stores a stage change once per event key; false when it was already stored. */
  recordTransition(
    portalId: string,
    eventKey: string,
    transition: StageTransition,
    /** When it arrived: the change-driven scan reads the deal again. */
    receivedAt?: number,
  ): Promise<boolean>;
  transitionsOf(portalId: string, dealId: string): Promise<StageTransition[]>;
  /** Stage changes of many deals in one query (the scanner reads a search page at a time). */
  transitionsOfDeals(
    portalId: string,
    dealIds: readonly string[],
  ): Promise<Map<string, StageTransition[]>>;
  /** Escalation keys already started ('started' survived a crash before HubSpot confirmed; 'done' did not). */
  escalationsOf(portalId: string): Promise<Map<string, 'started' | 'done'>>;
  /**
   * Records an escalation before it is executed, with the keys of the tasks it is about to create
   * (merged with those of an interrupted earlier attempt), so they can be completed later.
   */
  escalationStarted(
    portalId: string,
    key: string,
    now: number,
    taskKeys?: readonly string[],
  ): Promise<void>;
  escalationDone(portalId: string, key: string, now: number): Promise<void>;
  /** Escalations whose tasks have not been closed yet: escalation key → its task keys. */
  openEscalations(portalId: string): Promise<Map<string, string[]>>;
  /** Records that these escalations' tasks were completed (their SLA was met). */
  escalationsClosed(portalId: string, keys: readonly string[], now: number): Promise<void>;
  /** Takes or renews the portal's scan lease; false when another holder has it. */
  takeLease(portalId: string, holder: string, now: number, ttlMs: number): Promise<boolean>;
  releaseLease(portalId: string, holder: string): Promise<void>;
  /** Takes or renews the portal's outbox lease (one instance drains a portal at a time); false when another holder has it. */
  takeOutboxLease(portalId: string, holder: string, now: number, ttlMs: number): Promise<boolean>;
  releaseOutboxLease(portalId: string, holder: string): Promise<void>;
  /**
   * Claims the installed portal whose scan is most overdue (due at or before `now`) and not claimed
   * by another instance: its due time moves to `now + claimMs`, so a claim dies with its instance.
   * Answers the portal and the time its scan was due, or null when none is due.
   */
  claimScan(
    holder: string,
    now: number,
    claimMs: number,
  ): Promise<{ portalId: string; dueAt: number } | null>;
  /** Keeps a claim while its scan runs long (every page renews it); only its holder can. */
  renewScanClaim(portalId: string, holder: string, until: number): Promise<void>;
  /** Schedules the portal's next scan; only the instance holding the claim can. */
  scanFinished(portalId: string, holder: string, nextDueAt: number): Promise<void>;
  /** Where the change-driven scan of a portal stands (null before its first full scan). */
  scanState(portalId: string): Promise<ScanState | null>;
  putScanState(portalId: string, state: ScanState, now: number): Promise<void>;
  /** Per deal: the next instant its timers change by time alone, and its last-seen version. */
  watchOf(portalId: string, dealIds: readonly string[]): Promise<Map<string, DealWatch>>;
  putWatch(
    portalId: string,
    deals: readonly ({ dealId: string } & DealWatch)[],
    now: number,
  ): Promise<void>;
  /** Deals whose next instant has come. */
  watchDue(portalId: string, now: number): Promise<string[]>;
  /** Forgets deals a full scan did not see (they left every stage where a timer runs). */
  forgetWatchBefore(portalId: string, seenBefore: number): Promise<void>;
  /**
   * Records of this type (deals unless told) whose handoffs were stored, or (deals) whose stage
   * change arrived by webhook, at or after `since`.
   */
  recordsChangedSince(
    portalId: string,
    since: number,
    objectTypes?: readonly string[],
  ): Promise<{ objectType: string; recordId: string }[]>;
  /** Saves what was just read of these records (name, snapshot) for queues and the dashboard. */
  putRecordSummaries(
    portalId: string,
    summaries: readonly Omit<RecordSummary, 'seenAt'>[],
    now: number,
  ): Promise<void>;
  /** Every summary of the portal's records of these types, or those read at or after `seenSince`. */
  recordSummaries(
    portalId: string,
    objectTypes: string | readonly string[],
    seenSince?: number,
  ): Promise<RecordSummary[]>;
  /** Forgets everything about a portal: every row of every table with a portal_id (lifecycle.ts). */
  deletePortal(portalId: string): Promise<void>;
  /** Forgets every row about one contact (a privacy deletion; erasure.ts); answers how many went. */
  forgetContact(portalId: string, contactId: string): Promise<number>;
  /** Migrations this build has that the database lacks (throws when the database does not answer). */
  pendingMigrations(): Promise<number[]>;
  /** The tables holding portal data, read from the database's catalogue. */
  portalTables(): Promise<string[]>;
  /** Every portal with an installation row, installed or not (re-sealing tokens). */
  installationPortals(): Promise<string[]>;
  /** Deletes events and outbox history older than retention keeps (lifecycle.ts). */
  prune(retention: Retention): Promise<{ events: number; outbox: number; portals: number }>;
  /** Writes waiting in the outbox and the oldest one's creation time (metrics). */
  outboxBacklog(): Promise<{ depth: number; oldestAt: number | null }>;
  /** How late each portal's scan is, in ms (metrics). */
  scanLateness(now: number): Promise<Map<string, number>>;
  close(): Promise<void>;
}

interface HandoffRow {
  record_id: string;
  handoff_id: string;
  state: string;
}

/** Stored handoff rows as each record's handoffs by id. */
function byRecord(rows: readonly HandoffRow[]): Map<string, Record<string, HandoffState>> {
  const out = new Map<string, Record<string, HandoffState>>();
  for (const row of rows) {
    const handoffs = out.get(row.record_id) ?? {};
    handoffs[row.handoff_id] = JSON.parse(row.state) as HandoffState;
    out.set(row.record_id, handoffs);
  }
  return out;
}

function outboxEntry(row: Record<string, unknown>): OutboxEntry {
  return {
    portalId: String(row.portal_id),
    key: String(row.key),
    kind: String(row.kind),
    payload: JSON.parse(String(row.payload)) as unknown,
    status: String(row.status) as OutboxEntry['status'],
    attempts: Number(row.attempts),
    nextAttemptAt: Number(row.next_attempt_at),
    lastError: row.last_error === null ? null : String(row.last_error),
    createdAt: Number(row.created_at),
  };
}

async function insertOutbox(
  sql: Sql,
  portalId: string,
  items: readonly OutboxItem[],
  now: number,
): Promise<void> {
  for (const item of items) {
    await sql.query(
      `INSERT INTO outbox (portal_id, key, kind, payload, status, attempts, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, 'pending', 0, $5, $5) ON CONFLICT DO NOTHING`,
      [portalId, item.key, item.kind, JSON.stringify(item.payload), now],
    );
  }
}

/** Takes or renews a portal's lease in `table`; false while another holder's has not expired. */
function takeLeaseIn(
  sql: Sql,
  table: 'leases' | 'outbox_leases',
  portalId: string,
  holder: string,
  now: number,
  ttlMs: number,
): Promise<boolean> {
  return sql.transaction(async (tx) => {
    // A row to lock even on the first take, so two instances cannot both insert "their" lease.
    await tx.query(
      `INSERT INTO ${table} (portal_id, holder, expires_at) VALUES ($1, '', 0) ON CONFLICT DO NOTHING`,
      [portalId],
    );
    const [row] = await tx.query<{ holder: string; expires_at: number }>(
      `SELECT holder, expires_at FROM ${table} WHERE portal_id = $1${tx.engine === 'postgres' ? ' FOR UPDATE' : ''}`,
      [portalId],
    );
    if (row && row.holder !== holder && Number(row.expires_at) > now) return false;
    await tx.query(
      `INSERT INTO ${table} (portal_id, holder, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (portal_id) DO UPDATE SET holder = $2, expires_at = $3`,
      [portalId, holder, now + ttlMs],
    );
    return true;
  });
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

    async installedPortals() {
      const rows = await sql.query<{ portal_id: string }>(
        'SELECT portal_id FROM installations WHERE uninstalled_at IS NULL ORDER BY portal_id',
      );
      return rows.map((r) => r.portal_id);
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
      if (recordIds.length === 0) return new Map();
      const placeholders = recordIds.map((_, i) => `$${i + 3}`).join(', ');
      return byRecord(
        await sql.query<HandoffRow>(
          `SELECT record_id, handoff_id, state FROM handoffs WHERE portal_id = $1 AND object_type = $2 AND state <> 'null' AND record_id IN (${placeholders})`,
          [portalId, objectType, ...recordIds],
        ),
      );
    },

    async handoffsOfType(portalId, objectType) {
      return byRecord(
        await sql.query<HandoffRow>(
          `SELECT record_id, handoff_id, state FROM handoffs WHERE portal_id = $1 AND object_type = $2 AND state <> 'null'`,
          [portalId, objectType],
        ),
      );
    },

    applyAction(key, handoffId, actionId, now, decide, fingerprint) {
      const where = [key.portalId, key.objectType, key.recordId, handoffId];
      return sql.transaction(async (tx) => {
        // Lock the handoff's row first (creating it, with no state yet, if needed) so concurrent
        // actions on one handoff queue here, across processes on PostgreSQL.
        await tx.query(
          `INSERT INTO handoffs (portal_id, object_type, record_id, handoff_id, state, version, updated_at)
           VALUES ($1, $2, $3, $4, $5, 0, $6) ON CONFLICT DO NOTHING`,
          [...where, 'null', now],
        );
        const lock = tx.engine === 'postgres' ? ' FOR UPDATE' : '';
        const [row] = await tx.query<{ state: string }>(
          `SELECT state FROM handoffs WHERE portal_id = $1 AND object_type = $2 AND record_id = $3 AND handoff_id = $4${lock}`,
          where,
        );
        const [recorded] = await tx.query<{
          status: number;
          body: string;
          request_hash: string | null;
        }>(
          `SELECT status, body, request_hash FROM handoff_actions
           WHERE portal_id = $1 AND object_type = $2 AND record_id = $3 AND handoff_id = $4 AND action_id = $5`,
          [...where, actionId],
        );
        const current =
          row && row.state !== 'null' ? (JSON.parse(row.state) as HandoffState) : undefined;
        // Whatever is answered without storing keeps nothing: not even the lock row made for it.
        const answer = async (
          response: RecordedResponse & { replayed: boolean; reused?: true },
        ) => {
          if (!current)
            await tx.query(
              "DELETE FROM handoffs WHERE portal_id = $1 AND object_type = $2 AND record_id = $3 AND handoff_id = $4 AND state = 'null'",
              where,
            );
          return response;
        };
        if (recorded) {
          // Rows from before migration 5 have no hash: they replay as they always did.
          if (fingerprint && recorded.request_hash && recorded.request_hash !== fingerprint)
            return answer({ status: 409, body: null, replayed: true, reused: true });
          return answer({
            status: Number(recorded.status),
            body: JSON.parse(recorded.body) as unknown,
            replayed: true,
          });
        }

        const decision = decide(current);
        if (decision.kind === 'answer') return answer({ ...decision.response, replayed: false });
        const response = decision.response(decision.state);
        // An upsert: the lock row may have been removed by a refusal that held it before us.
        await tx.query(
          `INSERT INTO handoffs (portal_id, object_type, record_id, handoff_id, state, version, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (portal_id, object_type, record_id, handoff_id)
           DO UPDATE SET state = $5, version = $6, updated_at = $7`,
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
        if (decision.outbox) {
          await insertOutbox(tx, key.portalId, decision.outbox(decision.state), now);
        }
        await tx.query(
          `INSERT INTO handoff_actions (portal_id, action_id, object_type, record_id, handoff_id, request_hash, status, body, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            key.portalId,
            actionId,
            key.objectType,
            key.recordId,
            handoffId,
            fingerprint ?? null,
            response.status,
            JSON.stringify(response.body),
            now,
          ],
        );
        return { ...response, replayed: false };
      });
    },

    async hasAction(key, handoffId, actionId) {
      const rows = await sql.query(
        `SELECT 1 FROM handoff_actions
         WHERE portal_id = $1 AND object_type = $2 AND record_id = $3 AND handoff_id = $4 AND action_id = $5`,
        [key.portalId, key.objectType, key.recordId, handoffId, actionId],
      );
      return rows.length > 0;
    },

    async getSettings(portalId) {
      const [row] = await sql.query<{ settings: string }>(
        'SELECT settings FROM portal_settings WHERE portal_id = $1',
        [portalId],
      );
      return row ? (JSON.parse(row.settings) as PortalSettings) : null;
    },

    async putSettings(portalId, settings, now) {
      await sql.query(
        `INSERT INTO portal_settings (portal_id, settings, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (portal_id) DO UPDATE SET settings = $2, updated_at = $3`,
        [portalId, JSON.stringify(settings), now],
      );
    },

    enqueue: (portalId, items, now) => insertOutbox(sql, portalId, items, now),

    async dueOutbox(now, limit, portalId) {
      const rows = await sql.query<Record<string, unknown>>(
        `SELECT * FROM outbox WHERE status IN ('pending', 'failed') AND next_attempt_at <= $1
         ${portalId === undefined ? '' : 'AND portal_id = $3'} ORDER BY created_at, key LIMIT $2`,
        portalId === undefined ? [now, limit] : [now, limit, portalId],
      );
      return rows.map(outboxEntry);
    },

    async duePortals(now) {
      const rows = await sql.query<{ portal_id: string }>(
        `SELECT DISTINCT portal_id FROM outbox WHERE status IN ('pending', 'failed') AND next_attempt_at <= $1 ORDER BY portal_id`,
        [now],
      );
      return rows.map((r) => String(r.portal_id));
    },

    async outboxDone(portalId, key, now) {
      await sql.query(
        `UPDATE outbox SET status = 'done', done_at = $3, last_error = NULL WHERE portal_id = $1 AND key = $2`,
        [portalId, key, now],
      );
    },

    async outboxRetry(portalId, key, attempts, nextAttemptAt, error) {
      await sql.query(
        'UPDATE outbox SET attempts = $3, next_attempt_at = $4, last_error = $5 WHERE portal_id = $1 AND key = $2',
        [portalId, key, attempts, nextAttemptAt, error],
      );
    },

    async outboxFailed(portalId, key, attempts, nextAttemptAt, error) {
      await sql.query(
        `UPDATE outbox SET status = 'failed', attempts = $3, next_attempt_at = $4, last_error = $5 WHERE portal_id = $1 AND key = $2`,
        [portalId, key, attempts, nextAttemptAt, error],
      );
    },

    async outboxRetryFailed(portalId, now) {
      const failing = await sql.query(
        `SELECT key FROM outbox WHERE portal_id = $1 AND status = 'failed'`,
        [portalId],
      );
      await sql.query(
        `UPDATE outbox SET next_attempt_at = $2 WHERE portal_id = $1 AND status = 'failed'`,
        [portalId, now],
      );
      return failing.length;
    },

    async outboxOf(portalId) {
      const rows = await sql.query<Record<string, unknown>>(
        'SELECT * FROM outbox WHERE portal_id = $1 ORDER BY created_at, key',
        [portalId],
      );
      return rows.map(outboxEntry);
    },

    async outboxPendingKeys(portalId, keys) {
      if (keys.length === 0) return [];
      const placeholders = keys.map((_, i) => `$${i + 2}`).join(', ');
      const rows = await sql.query<{ key: string }>(
        `SELECT key FROM outbox WHERE portal_id = $1 AND status IN ('pending', 'failed') AND key IN (${placeholders})`,
        [portalId, ...keys],
      );
      return rows.map((row) => String(row.key));
    },

    async recordTransition(portalId, eventKey, t, receivedAt) {
      // One statement: two instances given the same delivery cannot both store it.
      const inserted = await sql.query(
        `INSERT INTO stage_transitions (portal_id, deal_id, event_key, pipeline_stage, occurred_at, received_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING event_key`,
        [portalId, t.dealId, eventKey, t.pipelineStage, t.occurredAt, receivedAt ?? null],
      );
      return inserted.length > 0;
    },

    async transitionsOf(portalId, dealId) {
      const rows = await sql.query<{
        deal_id: string;
        pipeline_stage: string;
        occurred_at: number;
      }>(
        'SELECT deal_id, pipeline_stage, occurred_at FROM stage_transitions WHERE portal_id = $1 AND deal_id = $2 ORDER BY occurred_at',
        [portalId, dealId],
      );
      return rows.map((r) => ({
        dealId: r.deal_id,
        pipelineStage: r.pipeline_stage,
        occurredAt: Number(r.occurred_at),
      }));
    },

    async escalationsOf(portalId) {
      const rows = await sql.query<{ key: string; status: string }>(
        'SELECT key, status FROM escalations WHERE portal_id = $1',
        [portalId],
      );
      return new Map(rows.map((r) => [r.key, r.status === 'done' ? 'done' : 'started']));
    },

    async escalationStarted(portalId, key, now, taskKeys = []) {
      await sql.transaction(async (tx) => {
        const [row] = await tx.query<{ task_keys: string | null }>(
          `SELECT task_keys FROM escalations WHERE portal_id = $1 AND key = $2${tx.engine === 'postgres' ? ' FOR UPDATE' : ''}`,
          [portalId, key],
        );
        const known = row?.task_keys ? (JSON.parse(row.task_keys) as string[]) : [];
        const merged = JSON.stringify([...new Set([...known, ...taskKeys])]);
        await tx.query(
          `INSERT INTO escalations (portal_id, key, status, started_at, task_keys) VALUES ($1, $2, 'started', $3, $4)
           ON CONFLICT (portal_id, key) DO UPDATE SET task_keys = $4`,
          [portalId, key, now, merged],
        );
      });
    },

    async escalationDone(portalId, key, now) {
      await sql.query(
        `UPDATE escalations SET status = 'done', done_at = $3 WHERE portal_id = $1 AND key = $2`,
        [portalId, key, now],
      );
    },

    async openEscalations(portalId) {
      const rows = await sql.query<{ key: string; task_keys: string | null }>(
        'SELECT key, task_keys FROM escalations WHERE portal_id = $1 AND closed_at IS NULL',
        [portalId],
      );
      return new Map(
        rows.map((r) => [r.key, r.task_keys ? (JSON.parse(r.task_keys) as string[]) : []]),
      );
    },

    async escalationsClosed(portalId, keys, now) {
      for (let i = 0; i < keys.length; i += 500) {
        const chunk = keys.slice(i, i + 500);
        const placeholders = chunk.map((_, n) => `$${n + 3}`).join(', ');
        await sql.query(
          `UPDATE escalations SET closed_at = $2 WHERE portal_id = $1 AND key IN (${placeholders})`,
          [portalId, now, ...chunk],
        );
      }
    },

    takeLease: (portalId, holder, now, ttlMs) =>
      takeLeaseIn(sql, 'leases', portalId, holder, now, ttlMs),

    async releaseLease(portalId, holder) {
      await sql.query('DELETE FROM leases WHERE portal_id = $1 AND holder = $2', [
        portalId,
        holder,
      ]);
    },

    takeOutboxLease: (portalId, holder, now, ttlMs) =>
      takeLeaseIn(sql, 'outbox_leases', portalId, holder, now, ttlMs),

    async releaseOutboxLease(portalId, holder) {
      await sql.query('DELETE FROM outbox_leases WHERE portal_id = $1 AND holder = $2', [
        portalId,
        holder,
      ]);
    },

    claimScan(holder, now, claimMs) {
      return sql.transaction(async (tx) => {
        // A portal installed since the last claim is due at once.
        await tx.query(
          `INSERT INTO scan_portals (portal_id, due_at)
           SELECT portal_id, $1 FROM installations i WHERE uninstalled_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM scan_portals s WHERE s.portal_id = i.portal_id)
           ON CONFLICT DO NOTHING`,
          [now],
        );
        // Rows another instance is claiming right now are skipped, not waited for (PostgreSQL);
        // SQLite runs one writer at a time, so the plain select is already exclusive there.
        const skip = tx.engine === 'postgres' ? ' FOR UPDATE OF s SKIP LOCKED' : '';
        const [row] = await tx.query<{
          portal_id: string;
          due_at: number;
          claimed_by: string | null;
          claimed_due: number | null;
        }>(
          `SELECT s.portal_id, s.due_at, s.claimed_by, s.claimed_due FROM scan_portals s
           JOIN installations i ON i.portal_id = s.portal_id AND i.uninstalled_at IS NULL
           WHERE s.due_at <= $1 ORDER BY s.due_at, s.portal_id LIMIT 1${skip}`,
          [now],
        );
        if (!row) return null;
        // Taken over from an instance that died holding it: still due when it was first due.
        const dueAt = Number(
          row.claimed_by !== null && row.claimed_due !== null ? row.claimed_due : row.due_at,
        );
        await tx.query(
          'UPDATE scan_portals SET due_at = $2, claimed_by = $3, claimed_due = $4 WHERE portal_id = $1',
          [row.portal_id, now + claimMs, holder, dueAt],
        );
        return { portalId: String(row.portal_id), dueAt };
      });
    },

    async renewScanClaim(portalId, holder, until) {
      await sql.query(
        'UPDATE scan_portals SET due_at = $3 WHERE portal_id = $1 AND claimed_by = $2 AND due_at < $3',
        [portalId, holder, until],
      );
    },

    async scanFinished(portalId, holder, nextDueAt) {
      await sql.query(
        'UPDATE scan_portals SET due_at = $3, claimed_by = NULL WHERE portal_id = $1 AND claimed_by = $2',
        [portalId, holder, nextDueAt],
      );
    },

    async scanState(portalId) {
      const [row] = await sql.query<{
        changes_since: number | null;
        full_at: number | null;
        playbook: string | null;
      }>('SELECT changes_since, full_at, playbook FROM scan_portals WHERE portal_id = $1', [
        portalId,
      ]);
      if (!row || row.changes_since === null || row.full_at === null || row.playbook === null)
        return null;
      return {
        changesSince: Number(row.changes_since),
        fullAt: Number(row.full_at),
        playbook: String(row.playbook),
      };
    },

    async putScanState(portalId, state, now) {
      await sql.query(
        `INSERT INTO scan_portals (portal_id, due_at, changes_since, full_at, playbook) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (portal_id) DO UPDATE SET changes_since = $3, full_at = $4, playbook = $5`,
        [portalId, now, state.changesSince, state.fullAt, state.playbook],
      );
    },

    async watchOf(portalId, dealIds) {
      const out = new Map<string, DealWatch>();
      for (let i = 0; i < dealIds.length; i += 500) {
        const chunk = dealIds.slice(i, i + 500);
        const placeholders = chunk.map((_, n) => `$${n + 2}`).join(', ');
        const rows = await sql.query<{
          deal_id: string;
          next_at: number | null;
          version: string | null;
        }>(
          `SELECT deal_id, next_at, version FROM scan_watch WHERE portal_id = $1 AND deal_id IN (${placeholders})`,
          [portalId, ...chunk],
        );
        for (const r of rows)
          out.set(String(r.deal_id), {
            nextAt: r.next_at === null ? null : Number(r.next_at),
            version: r.version === null ? null : String(r.version),
          });
      }
      return out;
    },

    async putWatch(portalId, deals, now) {
      for (let i = 0; i < deals.length; i += 200) {
        const chunk = deals.slice(i, i + 200);
        const values = chunk
          .map((_, n) => `($1, $${n * 3 + 3}, $${n * 3 + 4}, $${n * 3 + 5}, $2)`)
          .join(', ');
        await sql.query(
          `INSERT INTO scan_watch (portal_id, deal_id, next_at, version, seen_at) VALUES ${values}
           ON CONFLICT (portal_id, deal_id) DO UPDATE SET next_at = excluded.next_at,
             version = excluded.version, seen_at = excluded.seen_at`,
          [portalId, now, ...chunk.flatMap((d) => [d.dealId, d.nextAt, d.version])],
        );
      }
    },

    async watchDue(portalId, now) {
      const rows = await sql.query<{ deal_id: string }>(
        'SELECT deal_id FROM scan_watch WHERE portal_id = $1 AND next_at <= $2 ORDER BY deal_id',
        [portalId, now],
      );
      return rows.map((r) => String(r.deal_id));
    },

    async forgetWatchBefore(portalId, seenBefore) {
      await sql.query('DELETE FROM scan_watch WHERE portal_id = $1 AND seen_at < $2', [
        portalId,
        seenBefore,
      ]);
    },

    async recordsChangedSince(portalId, since, objectTypes = ['deal']) {
      if (objectTypes.length === 0) return [];
      const types = objectTypes.map((_, i) => `$${i + 3}`).join(', ');
      // Stage transitions arrive by deal webhooks only; contacts and companies change by actions.
      const rows = await sql.query<{ object_type: string; record_id: string }>(
        `SELECT object_type, record_id FROM handoffs WHERE portal_id = $1 AND updated_at >= $2 AND object_type IN (${types})${
          objectTypes.includes('deal')
            ? ` UNION SELECT 'deal' AS object_type, deal_id AS record_id FROM stage_transitions WHERE portal_id = $1 AND received_at >= $2`
            : ''
        }`,
        [portalId, since, ...objectTypes],
      );
      return rows.map((r) => ({
        objectType: String(r.object_type),
        recordId: String(r.record_id),
      }));
    },

    async transitionsOfDeals(portalId, dealIds) {
      const out = new Map<string, StageTransition[]>();
      if (dealIds.length === 0) return out;
      const placeholders = dealIds.map((_, i) => `$${i + 2}`).join(', ');
      const rows = await sql.query<{
        deal_id: string;
        pipeline_stage: string;
        occurred_at: number;
      }>(
        `SELECT deal_id, pipeline_stage, occurred_at FROM stage_transitions WHERE portal_id = $1 AND deal_id IN (${placeholders}) ORDER BY occurred_at`,
        [portalId, ...dealIds],
      );
      for (const r of rows) {
        const list = out.get(r.deal_id) ?? [];
        list.push({
          dealId: r.deal_id,
          pipelineStage: r.pipeline_stage,
          occurredAt: Number(r.occurred_at),
        });
        out.set(r.deal_id, list);
      }
      return out;
    },

    putRecordSummaries: (portalId, summaries, now) =>
      putRecordSummaries(sql, portalId, summaries, now),
    recordSummaries: (portalId, objectTypes, seenSince) =>
      recordSummaries(sql, portalId, objectTypes, seenSince),
    addPlaybookSave: (portalId, save) => addPlaybookSave(sql, portalId, save),
    playbookSaves: (portalId, limit) => playbookSaves(sql, portalId, limit),

    deletePortal: (portalId) => deletePortalRows(sql, portalId),
    forgetContact: (portalId, contactId) => forgetContactRows(sql, portalId, contactId),
    pendingMigrations: () => pendingMigrations(sql),
    portalTables: () => portalTables(sql),
    async installationPortals() {
      const rows = await sql.query<{ portal_id: string }>(
        'SELECT portal_id FROM installations ORDER BY portal_id',
      );
      return rows.map((r) => r.portal_id);
    },
    prune: (retention) => prune(sql, retention),
    outboxBacklog: () => outboxBacklog(sql),
    scanLateness: (now) => scanLateness(sql, now),

    close: () => sql.close(),
  };
}

/** The objects whose records Handoff mirrors its state to in this portal (deals when not said). */
export function mirroredIn(settings: PortalSettings | null): readonly RecordObject[] {
  return settings?.mirrored ?? ['deal'];
}
