// Versioned schema changes, applied in order, once. The SQL is portable between SQLite and
// PostgreSQL on purpose (text, bigint, integer; JSON kept as text).
import type { Sql } from './sql.js';

export const MIGRATIONS: readonly {
  version: number;
  name: string;
  statements: readonly string[];
}[] = [
  {
    version: 1,
    name: 'installations, playbooks, handoffs, recorded actions',
    statements: [
      `CREATE TABLE installations (
        portal_id text PRIMARY KEY,
        access_token text NOT NULL,
        refresh_token text,
        expires_at bigint,
        installed_at bigint NOT NULL,
        uninstalled_at bigint
      )`,
      `CREATE TABLE playbooks (
        portal_id text PRIMARY KEY,
        text text NOT NULL,
        version text NOT NULL,
        updated_at bigint NOT NULL,
        updated_by text NOT NULL
      )`,
      `CREATE TABLE handoffs (
        portal_id text NOT NULL,
        object_type text NOT NULL,
        record_id text NOT NULL,
        handoff_id text NOT NULL,
        state text NOT NULL,
        version integer NOT NULL,
        updated_at bigint NOT NULL,
        PRIMARY KEY (portal_id, object_type, record_id, handoff_id)
      )`,
      `CREATE TABLE handoff_actions (
        portal_id text NOT NULL,
        action_id text NOT NULL,
        object_type text NOT NULL,
        record_id text NOT NULL,
        handoff_id text NOT NULL,
        status integer NOT NULL,
        body text NOT NULL,
        created_at bigint NOT NULL,
        PRIMARY KEY (portal_id, action_id)
      )`,
    ],
  },
  {
    version: 2,
    name: 'portal settings, mirror outbox, stage transitions from webhooks',
    statements: [
      `CREATE TABLE portal_settings (
        portal_id text PRIMARY KEY,
        settings text NOT NULL,
        updated_at bigint NOT NULL
      )`,
      `CREATE TABLE outbox (
        portal_id text NOT NULL,
        key text NOT NULL,
        kind text NOT NULL,
        payload text NOT NULL,
        status text NOT NULL,
        attempts integer NOT NULL,
        next_attempt_at bigint NOT NULL,
        last_error text,
        created_at bigint NOT NULL,
        done_at bigint,
        PRIMARY KEY (portal_id, key)
      )`,
      'CREATE INDEX outbox_due ON outbox (status, next_attempt_at)',
      `CREATE TABLE stage_transitions (
        portal_id text NOT NULL,
        deal_id text NOT NULL,
        event_key text NOT NULL,
        pipeline_stage text NOT NULL,
        occurred_at bigint NOT NULL,
        PRIMARY KEY (portal_id, event_key)
      )`,
      'CREATE INDEX stage_transitions_deal ON stage_transitions (portal_id, deal_id, occurred_at)',
    ],
  },
  {
    version: 3,
    name: 'escalations done once, scan leases',
    statements: [
      `CREATE TABLE escalations (
        portal_id text NOT NULL,
        key text NOT NULL,
        status text NOT NULL,
        started_at bigint NOT NULL,
        done_at bigint,
        PRIMARY KEY (portal_id, key)
      )`,
      `CREATE TABLE leases (
        portal_id text PRIMARY KEY,
        holder text NOT NULL,
        expires_at bigint NOT NULL
      )`,
    ],
  },
  {
    version: 4,
    name: 'escalation task keys, closed when the SLA is met',
    statements: [
      // JSON array of the task keys an escalation creates, stored before creating them; NULL on
      // rows from before this migration.
      'ALTER TABLE escalations ADD COLUMN task_keys text',
      'ALTER TABLE escalations ADD COLUMN closed_at bigint',
      'CREATE INDEX escalations_open ON escalations (portal_id, closed_at)',
    ],
  },
  {
    version: 5,
    name: 'actionIds scoped to their record and handoff, with the request they answered; refusals not kept',
    statements: [
      // An actionId was unique per portal: reusing deal X's on deal Y replayed X's answer. The key
      // now names the record and handoff, and request_hash lets a reuse with another body be refused.
      `CREATE TABLE handoff_actions_v5 (
        portal_id text NOT NULL,
        object_type text NOT NULL,
        record_id text NOT NULL,
        handoff_id text NOT NULL,
        action_id text NOT NULL,
        request_hash text,
        status integer NOT NULL,
        body text NOT NULL,
        created_at bigint NOT NULL,
        PRIMARY KEY (portal_id, object_type, record_id, handoff_id, action_id)
      )`,
      // Refusals were stored with a whole view each; only applied actions are replayed now.
      `INSERT INTO handoff_actions_v5 (portal_id, object_type, record_id, handoff_id, action_id, status, body, created_at)
       SELECT portal_id, object_type, record_id, handoff_id, action_id, status, body, created_at
       FROM handoff_actions WHERE status < 300`,
      'DROP TABLE handoff_actions',
      'ALTER TABLE handoff_actions_v5 RENAME TO handoff_actions',
      // Lock rows created for actions that were then refused.
      "DELETE FROM handoffs WHERE state = 'null'",
    ],
  },
  {
    version: 9,
    name: 'work shared by instances: scan schedule and claims, per-deal next change and version, outbox leases, webhook receipt times',
    statements: [
      // One row per portal: when its next scan is due (moved ahead by the claim while one runs, the
      // time it was due kept in claimed_due), where the change search starts next, when the last full scan ran and on which playbook.
      `CREATE TABLE scan_portals (
        portal_id text PRIMARY KEY,
        due_at bigint NOT NULL,
        claimed_by text,
        claimed_due bigint,
        changes_since bigint,
        full_at bigint,
        playbook text
      )`,
      'CREATE INDEX scan_portals_due ON scan_portals (due_at)',
      // Per deal: the next instant its timers change by time alone (NULL: never), and the
      // hs_lastmodifieddate it had when last read.
      `CREATE TABLE scan_watch (
        portal_id text NOT NULL,
        deal_id text NOT NULL,
        next_at bigint,
        version text,
        seen_at bigint NOT NULL,
        PRIMARY KEY (portal_id, deal_id)
      )`,
      'CREATE INDEX scan_watch_next ON scan_watch (portal_id, next_at)',
      `CREATE TABLE outbox_leases (
        portal_id text PRIMARY KEY,
        holder text NOT NULL,
        expires_at bigint NOT NULL
      )`,
      'ALTER TABLE stage_transitions ADD COLUMN received_at bigint',
      'CREATE INDEX stage_transitions_received ON stage_transitions (portal_id, received_at)',
      'CREATE INDEX handoffs_updated ON handoffs (portal_id, updated_at)',
    ],
  },
  {
    version: 10,
    name: 'playbook saves: who saved which version when, and what its preview said',
    statements: [
      // One audit line per save; summary is the preview's sentences as a JSON list.
      `CREATE TABLE playbook_saves (
        portal_id text NOT NULL,
        saved_at bigint NOT NULL,
        saved_by text NOT NULL,
        version text NOT NULL,
        fingerprint text NOT NULL,
        summary text NOT NULL,
        escalations integer NOT NULL,
        confirmed integer NOT NULL
      )`,
      'CREATE INDEX playbook_saves_portal ON playbook_saves (portal_id, saved_at)',
    ],
  },
  {
    version: 11,
    name: 'record summaries: name and snapshot as last read, for queues and the dashboard',
    statements: [
      // What the scanner and the card last read of a record (its name and CRM-neutral snapshot
      // without handoffs), so a queue or dashboard view reads no CRM; seen_at says how fresh.
      `CREATE TABLE record_summaries (
        portal_id text NOT NULL,
        object_type text NOT NULL,
        record_id text NOT NULL,
        name text NOT NULL,
        snapshot text NOT NULL,
        seen_at bigint NOT NULL,
        PRIMARY KEY (portal_id, object_type, record_id)
      )`,
      // What was read since the queue last looked: the queue re-evaluates just those records.
      'CREATE INDEX record_summaries_seen ON record_summaries (portal_id, seen_at)',
    ],
  },
];

/** Applies what is missing in one transaction; on PostgreSQL an advisory lock keeps two starting instances from racing. */
export async function migrate(sql: Sql, now: number): Promise<number[]> {
  return sql.transaction(async (tx) => {
    if (tx.engine === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(7242001)');
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)',
    );
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => Number(r.version)));
    const done: number[] = [];
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
        [migration.version, migration.name, now],
      );
      done.push(migration.version);
    }
    return done;
  });
}
