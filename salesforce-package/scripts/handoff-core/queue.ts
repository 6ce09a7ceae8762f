// The "Waiting for me" queue in Salesforce (c/handoffQueue): open Handoff__c headers, each with its
// opportunity read through the header's Opportunity__r, evaluated by the core as the opportunity's
// panel evaluates it; the core's queue entries (queueEntriesOf) the viewer's roles may move, in the
// core's order (compareQueueEntries: breached first, least time left first) and words.
import {
  compareQueueEntries,
  evaluateRecord,
  formatDateTime,
  HANDOFF_STATUSES,
  mayAct,
  MOVES,
  progressOf,
  queueEntriesOf,
  timerDisplay,
  type HandoffAction,
  type Playbook,
  type QueueEntry,
  type RecordSnapshot,
  type Viewer,
} from '@handoff/shared/runtime';
import { relatedName, text, type UiField, type UiRecord } from './records.js';
import { buildSnapshot } from './snapshot.js';
import { planAction, type ActionPlan } from './writes.js';

/** Statuses someone still has to move; an accepted handoff never waits for anyone. */
export const OPEN_STATUSES = ['not_started', 'in_progress', 'submitted', 'rejected'];

export interface QueueRecords {
  /** Open Handoff__c headers with `Opportunity__r { Name StageName OwnerId … }` (GraphQL nodes). */
  handoffs: readonly UiRecord[];
  /** Item rows by the id of their header. */
  items: Readonly<Record<string, readonly UiRecord[]>>;
  /**
   * The opportunities' fields the playbook maps (the admin's own, which a static GraphQL query
   * cannot name), read with getRecords as the panel reads them with getRecord; by opportunity id.
   */
  opportunities?: Readonly<Record<string, UiRecord | undefined>>;
}

/** The opportunity ids of the open headers, in pages of at most `size` for getRecords. */
export function opportunityIdPages(
  handoffs: readonly UiRecord[],
  size = OPPORTUNITY_PAGE,
): string[][] {
  const ids = [...new Set(handoffs.flatMap((h) => text(h, 'Opportunity__c') ?? []))].sort();
  const pages: string[][] = [];
  for (let i = 0; i < ids.length; i += size) pages.push(ids.slice(i, i + size));
  return pages;
}

/** Opportunity ids per getRecords entry: one batch read (GET ui-api/records/batch/{ids}) each. */
export const OPPORTUNITY_PAGE = 100;

const BADGES: Readonly<Record<string, string>> = {
  neutral: 'slds-badge',
  info: 'slds-badge slds-theme_info',
  warning: 'slds-badge slds-theme_warning',
  danger: 'slds-badge slds-theme_error',
  success: 'slds-badge slds-theme_success',
};

interface Opportunity {
  record: UiRecord;
  headers: UiRecord[];
}

/** The header's opportunity as a record the adapter reads (`Opportunity__r` is a GraphQL parent node). */
function opportunityOf(header: UiRecord): UiRecord | undefined {
  const id = text(header, 'Opportunity__c');
  const node = header.fields.Opportunity__r as unknown as Record<string, UiField | null> | null;
  if (!id || !node) return undefined;
  const fields: Record<string, UiField | undefined> = {};
  for (const [name, field] of Object.entries(node))
    if (field && typeof field === 'object') fields[name] = field;
  return { id, fields };
}

function byOpportunity(headers: readonly UiRecord[]): Map<string, Opportunity> {
  const out = new Map<string, Opportunity>();
  for (const header of headers) {
    const record = opportunityOf(header);
    if (!record) continue;
    const seen = out.get(record.id);
    if (seen) seen.headers.push(header);
    else out.set(record.id, { record, headers: [header] });
  }
  return out;
}

/** Everyone's view of a record: the queue's entries are the same for all; mayAct then picks. */
function everyRole(playbook: Playbook): Viewer {
  return { userId: 'handoff-queue', roles: Object.keys(playbook.roles) };
}

function snapshotOf(playbook: Playbook, opportunity: Opportunity, records: QueueRecords) {
  const mapped = records.opportunities?.[opportunity.record.id];
  return buildSnapshot(playbook, {
    // The header's parent node, with the playbook's fields the batch read brought.
    opportunity: mapped
      ? {
          id: opportunity.record.id,
          fields: { ...mapped.fields, ...opportunity.record.fields },
        }
      : opportunity.record,
    handoffs: opportunity.headers,
    items: records.items,
  });
}

export interface QueueRow {
  key: string;
  recordId: string;
  handoffId: string;
  recordName: string;
  recordUrl: string;
  linkTitle: string;
  stageLabel: string;
  handoffLabel: string;
  statusLabel: string;
  statusClass: string;
  move: string;
  submittedText: string;
  progressText: string;
  progressValue: number;
  timer: { label: string; stateLabel: string; badgeClass: string; detail: string } | null;
  /** Review moves are made from the row; submitting and rework need the checklist, on the record. */
  canReview: boolean;
  acceptLabel: string;
  rejectLabel: string;
  rejectReasons: { label: string; value: string }[];
}

/**
 * The viewer's queue: every open handoff whose move one of their roles may make, most urgent first.
 * `total` counts them all; `rows` holds them all (the component shows a page at a time).
 */
export function queueModel(
  playbook: Playbook,
  records: QueueRecords,
  viewer: Viewer,
  now: number,
  timeZone: string,
): { rows: QueueRow[]; total: number; hasRows: boolean } {
  const everyone = everyRole(playbook);
  const found: { entry: QueueEntry; row: () => QueueRow }[] = [];
  for (const opportunity of byOpportunity(records.handoffs).values()) {
    const snapshot = snapshotOf(playbook, opportunity, records);
    const view = evaluateRecord(playbook, snapshot, everyone, now);
    const name = text(opportunity.record, 'Name') ?? 'Opportunity';
    for (const entry of queueEntriesOf(playbook, view, name)) {
      if (!mayAct(entry, viewer)) continue;
      const header = opportunity.headers.find((h) => text(h, 'Handoff_Id__c') === entry.handoffId);
      // Only the open headers are read: a handoff without one here is accepted (its header was not
      // read, so the core would take it for not started) or was never opened (no header yet).
      if (!header) continue;
      const timer = entry.timer && view.timers.find((t) => t.slaId === entry.timer?.slaId);
      found.push({
        entry,
        row: () => {
          const status = HANDOFF_STATUSES[entry.status];
          const shown = timer ? timerDisplay(timer, timeZone) : undefined;
          // The one progress measure the panel and HubSpot's queue show (issue 18).
          const progress = progressOf({ progress: entry.checklist });
          const submitter = relatedName(header, 'Submitted_By__r');
          return {
            key: `${entry.recordId}:${entry.handoffId}`,
            recordId: entry.recordId,
            handoffId: entry.handoffId,
            recordName: name,
            recordUrl: `/lightning/r/Opportunity/${entry.recordId}/view`,
            linkTitle: `Open ${name}`,
            stageLabel: entry.stage?.label ?? text(opportunity.record, 'StageName') ?? '',
            handoffLabel: entry.handoffLabel,
            statusLabel: status.label,
            statusClass: BADGES[status.tone] ?? 'slds-badge',
            move: MOVES[entry.ball.action](entry.handoffLabel),
            submittedText: entry.submitted
              ? `Submitted by ${submitter ?? 'someone'}, ${formatDateTime(entry.submitted.at, timeZone)}`
              : 'Not submitted yet',
            progressText: progress.text,
            progressValue: progress.percent,
            timer: shown
              ? {
                  label: shown.label,
                  stateLabel: shown.stateLabel,
                  badgeClass: BADGES[shown.tone] ?? 'slds-badge',
                  detail: shown.detail,
                }
              : null,
            canReview: entry.ball.action === 'accept',
            acceptLabel: `Accept ${entry.handoffLabel} for ${name}`,
            rejectLabel: `Reject ${entry.handoffLabel} for ${name}`,
            rejectReasons: entry.rejectReasons.map((r) => ({ label: r.label, value: r.id })),
          };
        },
      });
    }
  }
  found.sort((a, b) => compareQueueEntries(a.entry, b.entry));
  const rows = found.map((f) => f.row());
  return { rows, total: rows.length, hasRows: rows.length > 0 };
}

/**
 * A review from a queue row, planned exactly as the panel plans it (planAction on the record's
 * snapshot): the same core decision, the same Handoff__c write, the same validation rules after.
 */
export function planQueueAction(
  playbook: Playbook,
  records: QueueRecords,
  target: { recordId: string; handoffId: string },
  context: { viewer: Viewer; now: number; actionId: string },
  action: HandoffAction,
): ActionPlan & { header?: UiRecord } {
  const opportunity = byOpportunity(records.handoffs).get(target.recordId);
  const header = opportunity?.headers.find((h) => text(h, 'Handoff_Id__c') === target.handoffId);
  if (!opportunity || !header)
    return { ok: false, message: 'This handoff is no longer in your queue; the list reloads.' };
  const snapshot: RecordSnapshot = snapshotOf(playbook, opportunity, records);
  const plan = planAction(
    { playbook, snapshot, header, rows: records.items[header.id] ?? [], ...context },
    action,
  );
  return { ...plan, header };
}
