// The SLA scanner for one org: pages through the opportunities that can have a live timer (SOQL, or
// Bulk API 2.0 above a size — see read.ts), then the Leads that can (SOQL), evaluates them with the core, carries out each due
// escalation exactly once, completes once the Tasks of escalations whose timer stopped (met,
// superseded, or its record left the SLA stages), and writes each handoff's SLA status back where it changed — stopping
// cleanly before the configured share of the daily API limit.
import {
  evaluateRecord,
  handoffSlaOutcome,
  planEscalations,
  tasksToClose,
  type Playbook,
  type RecordSnapshot,
  type RecordView,
  type TimerView,
} from '@handoff/shared';
import { COLLECTION_SIZE, LimitReached, type OrgApi } from './api.js';
import { BulkQueryFailed, type BulkPolling } from './bulk.js';
import { handoffOfSla } from './candidates.js';
import type { Clock } from './clock.js';
import {
  Escalator,
  type ClosingEscalation,
  type CrashPoint,
  type EscalationRecord,
} from './escalate.js';
import { orgNames, type OrgNames } from './names.js';
import {
  candidatePages,
  DEFAULT_BULK_THRESHOLD,
  leadPages,
  leftBehindQuery,
  type ReadStats,
} from './read.js';
import { children, leadSnapshot, opportunitySnapshot, type SfRecord } from './snapshot.js';

export { scanQuery } from './read.js';

const SYSTEM_VIEWER = { userId: 'handoff-scanner', roles: [] };

export interface ScanOptions {
  api: OrgApi;
  playbook: Playbook;
  clock: Clock;
  names?: OrgNames;
  /** Above this many candidate opportunities, read through Bulk API 2.0 (HANDOFF_SCAN_BULK_THRESHOLD). */
  bulkThreshold?: number;
  /** How Bulk API 2.0 jobs are waited for; tests shorten it. */
  bulkPolling?: BulkPolling;
  /** Tests stop the scan here, as a crash would. */
  crash?: (point: CrashPoint) => void;
}

export interface ScanReport {
  opportunities: number;
  /** Leads evaluated (those in a status where a contact SLA may run, not converted). */
  leads: number;
  escalations: number;
  tasks: number;
  /**
   * Escalations whose open Tasks were completed: their SLA was met, a later level superseded them, or
   * their record left every stage where the SLA may run (converted, closed lost, deleted).
   */
  escalationsClosed: number;
  /** Tasks those completions closed. */
  tasksCompleted: number;
  statusWrites: number;
  apiCalls: number;
  /** How the candidates were read: SOQL pages, and Bulk API 2.0 jobs with their status checks. */
  read: ReadStats;
  failures: string[];
  /** Why the scan stopped early (the daily limit); the next scan picks up where this one left off. */
  stopped?: string;
}

type Write = Record<string, unknown> & { Id: string };

export async function scan(options: ScanOptions): Promise<ScanReport> {
  const { api, playbook, clock } = options;
  const names = options.names ?? orgNames();
  const report: ScanReport = {
    opportunities: 0,
    leads: 0,
    escalations: 0,
    tasks: 0,
    escalationsClosed: 0,
    tasksCompleted: 0,
    statusWrites: 0,
    apiCalls: 0,
    read: { soqlPages: 0, bulkJobs: 0, bulkChecks: 0 },
    failures: [],
  };
  const startCalls = api.calls;
  api.forgetUsage();
  const escalator = new Escalator(api, names, playbook, () => clock.now(), options.crash);
  const writes: Write[] = [];
  try {
    const read = {
      bulkThreshold: options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD,
      ...(options.bulkPolling ? { polling: options.bulkPolling } : {}),
    };
    const sources = [
      {
        pages: candidatePages(api, playbook, names, read, report.read),
        snapshot: (record: SfRecord) => opportunitySnapshot(playbook, names, record),
        counted: 'opportunities' as const,
      },
      {
        pages: leadPages(api, playbook, names, report.read),
        snapshot: (record: SfRecord) => leadSnapshot(playbook, names, record, clock.now()),
        counted: 'leads' as const,
      },
    ];
    for (const source of sources)
      for await (const page of source.pages) {
        const now = clock.now();
        const views: RecordView[] = [];
        const snapshots = new Map<string, RecordSnapshot>();
        const handoffs = new Map<string, SfRecord>();
        const executed = new Set<string>();
        const pending = new Map<string, EscalationRecord>();
        /** Executed escalations not closed yet: their Tasks may still be open. */
        const open = new Map<string, ClosingEscalation>();
        const recordNames = new Map<string, string>();
        for (const opportunity of page) {
          const snapshot = source.snapshot(opportunity);
          if (!snapshot) continue;
          views.push(evaluateRecord(playbook, snapshot, SYSTEM_VIEWER, now));
          snapshots.set(snapshot.recordId, snapshot);
          if (typeof opportunity.Name === 'string')
            recordNames.set(opportunity.Id, opportunity.Name);
          for (const row of children(opportunity, names.handoffs))
            handoffs.set(`${opportunity.Id}:${String(row[names.field('Handoff_Id__c')])}`, row);
          for (const row of children(opportunity, names.escalations)) {
            const key = String(row[names.field('Escalation_Key__c')]);
            if (row[names.field('Executed_At__c')]) executed.add(key);
            else pending.set(key, { id: row.Id, key, executed: false });
            if (row[names.field('Executed_At__c')] && !row[names.field('Closed_At__c')])
              open.set(key, { id: row.Id, key, recordId: opportunity.Id });
          }
        }
        report[source.counted] += views.length;
        const handoffIds = new Map<string, string>();
        for (const sla of playbook.slas) {
          const handoff = handoffOfSla(sla);
          for (const view of views) {
            const row = handoff ? handoffs.get(`${view.record.recordId}:${handoff}`) : undefined;
            if (row) handoffIds.set(`${view.record.recordId}:${sla.id}`, row.Id);
          }
        }
        const actions = planEscalations(playbook, views, executed, now);
        const result = await escalator.run(actions, pending, handoffIds, recordNames);
        report.escalations += result.executed;
        report.tasks += result.tasks;
        report.failures.push(...result.failures);
        // The core says which escalations' Tasks are moot: those of a stopped timer, and the earlier
        // levels a level raised now supersedes.
        const closing = new Set([
          ...views.flatMap((view) => tasksToClose(playbook, view)),
          ...actions.flatMap((action) => action.supersedes),
        ]);
        const closed = await escalator.close([...closing].flatMap((key) => open.get(key) ?? []));
        report.escalationsClosed += closed.closed;
        report.tasksCompleted += closed.tasks;
        report.failures.push(...closed.failures);
        for (const view of views) {
          const snapshot = snapshots.get(view.record.recordId);
          if (snapshot)
            writes.push(...statusWrites(playbook, names, view, snapshot, handoffs, now));
        }
        // Only full collections go out mid-scan, so no request carries fewer records than it could.
        while (writes.length >= COLLECTION_SIZE) await flush(writes.splice(0, COLLECTION_SIZE));
      }
    if (writes.length > 0) await flush(writes.splice(0));
    // Escalations of records no page held: no timer of theirs is live, so their Tasks wait on nobody.
    for await (const page of api.query(leftBehindQuery(playbook, names))) {
      const closed = await escalator.close(page.map((row) => leftBehind(names, row)));
      report.escalationsClosed += closed.closed;
      report.tasksCompleted += closed.tasks;
      report.failures.push(...closed.failures);
    }
  } catch (error) {
    if (error instanceof BulkQueryFailed)
      throw new BulkQueryFailed(
        `${error.message}: the scan stopped after ${report.opportunities} opportunities (their escalations are done; the next scan reads the rest)`,
      );
    if (!(error instanceof LimitReached)) throw error;
    report.stopped = error.message;
  } finally {
    report.apiCalls = api.calls - startCalls;
  }
  return report;

  async function flush(batch: Write[]): Promise<void> {
    const results = await api.update(names.handoff, batch);
    results.forEach((r, i) => {
      if (r.success) report.statusWrites++;
      else
        report.failures.push(
          `${batch[i]?.Id ?? '?'}: ${r.errors.map((e) => e.message).join('; ')}`,
        );
    });
  }
}

/** A row of leftBehindQuery as the escalation to close: its record, or the Contact a converted Lead became. */
function leftBehind(names: OrgNames, row: SfRecord): ClosingEscalation {
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const lead = row[names.field('Lead__c').replace(/__c$/, '__r')] as SfRecord | null | undefined;
  const contactId = text(lead?.ConvertedContactId);
  return {
    id: row.Id,
    key: String(row[names.field('Escalation_Key__c')]),
    recordId: text(row[names.field('Opportunity__c')]) ?? text(row[names.field('Lead__c')]) ?? null,
    ...(contactId ? { contactId } : {}),
  };
}

/**
 * Each handoff's SLA status and next due time, and its accept SLA's outcome (the core's
 * handoffSlaOutcome: the panel writes it on acceptance; the scan records breaches while waiting,
 * stops by other events, and corrects what disagrees), where the org shows something else.
 */
function statusWrites(
  playbook: Playbook,
  names: OrgNames,
  view: RecordView,
  snapshot: RecordSnapshot,
  handoffs: ReadonlyMap<string, SfRecord>,
  now: number,
): Write[] {
  const byHandoff = new Map<string, TimerView>();
  for (const timer of view.timers) {
    const sla = playbook.slas.find((s) => s.id === timer.slaId);
    const handoff = sla ? handoffOfSla(sla) : undefined;
    if (!handoff) continue;
    const seen = byHandoff.get(handoff);
    // One status field per handoff: the newest timer speaks for it.
    if (!seen || timer.startedAt > seen.startedAt) byHandoff.set(handoff, timer);
  }
  const out: Write[] = [];
  for (const { id: handoff } of playbook.handoffs) {
    const row = handoffs.get(`${view.record.recordId}:${handoff}`);
    if (!row) continue;
    const wanted: Record<string, unknown> = {};
    const timer = byHandoff.get(handoff);
    if (timer) {
      const due = timer.completedAt === null ? timer.dueAt : null;
      wanted[names.field('SLA_Status__c')] = timer.state;
      wanted[names.field('SLA_Next_Due__c')] = due === null ? null : new Date(due).toISOString();
    }
    const outcome = handoffSlaOutcome(playbook, snapshot, handoff, now);
    wanted[names.field('SLA_Id__c')] = outcome.slaId;
    wanted[names.field('SLA_Outcome__c')] = outcome.outcome;
    wanted[names.field('SLA_Completed_At__c')] =
      outcome.completedAt === null ? null : new Date(outcome.completedAt).toISOString();
    wanted[names.field('Business_Minutes_To_Accept__c')] = outcome.businessMinutesToAccept;
    const changed = Object.entries(wanted).filter(([field, value]) => !same(row[field], value));
    if (changed.length === 0) continue;
    out.push({ attributes: { type: names.handoff }, Id: row.Id, ...Object.fromEntries(changed) });
  }
  return out;
}

/** A field as the org returns it against the value the scan would write (date-times as instants). */
function same(current: unknown, wanted: unknown): boolean {
  if (current === undefined || current === null) return wanted === null;
  if (typeof wanted === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(wanted))
    return instant(current) === Date.parse(wanted);
  if (typeof wanted === 'number') return Number(current) === wanted;
  return current === wanted;
}

function instant(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? null : ms;
}
