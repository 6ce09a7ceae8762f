// Salesforce records → the core's RecordSnapshot. The only place that maps StageName and field API
// names to the playbook's words.
import type {
  HandoffEvent,
  HandoffState,
  HandoffStatus,
  ItemKind,
  ItemValue,
  Playbook,
  RecordSnapshot,
} from '@handoff/shared/runtime';
import { fieldsOn, opportunityStageNamesOf } from '@handoff/shared/runtime';
import { milestoneEvents } from './milestones.js';
import { text, time, value, type UiRecord } from './records.js';

export interface PanelRecords {
  opportunity: UiRecord;
  handoffs: readonly UiRecord[];
  /** Item rows of every handoff, keyed by the handoff record's id. */
  items: Readonly<Record<string, readonly UiRecord[]>>;
  /** OpportunityHistory rows (StageName, CreatedDate); without them only the current stage is known. */
  stageHistory?: readonly UiRecord[];
}

const STATUSES = ['not_started', 'in_progress', 'submitted', 'accepted', 'rejected'];

/** The playbook's fields as `Opportunity.ApiName`, for getRecord's optionalFields. */
export function opportunityFields(playbook: Playbook): string[] {
  return Object.values(fieldsOn(playbook, 'deal'))
    .map((f) => f.salesforce)
    .filter((name): name is string => name !== undefined)
    .map((name) => `Opportunity.${name}`);
}

/** The playbook stage whose Salesforce stage names include StageName. */
export function stageOf(playbook: Playbook, stageName: string): string {
  const stage = playbook.stages.find((s) => opportunityStageNamesOf(s).includes(stageName));
  // An unmapped stage is passed through: the core then says it is not part of the playbook.
  return stage?.id ?? stageName;
}

export function buildSnapshot(playbook: Playbook, records: PanelRecords): RecordSnapshot {
  const opp = records.opportunity;
  const stage = stageOf(playbook, text(opp, 'StageName') ?? '');
  const fields: Record<string, unknown> = {};
  for (const [id, def] of Object.entries(fieldsOn(playbook, 'deal'))) {
    if (def.salesforce !== undefined) fields[id] = value(opp, def.salesforce) ?? null;
  }
  const enteredAt = time(opp, 'LastStageChangeDate') ?? time(opp, 'CreatedDate') ?? 0;
  const stageHistory = stageEntries(playbook, records.stageHistory ?? [], { stage, enteredAt });
  const handoffs: Record<string, HandoffState> = {};
  for (const header of records.handoffs) {
    const id = text(header, 'Handoff_Id__c');
    if (id !== undefined)
      handoffs[id] = handoffState(playbook, id, header, records.items[header.id]);
  }
  const ownerId = text(opp, 'OwnerId');
  return {
    crm: 'salesforce',
    objectType: 'opportunity',
    recordId: opp.id,
    stage,
    fields,
    stageHistory,
    handoffs,
    ...(ownerId ? { ownerId } : {}),
  };
}

/**
 * Stage entries from OpportunityHistory: several rows may stand for one playbook stage (amount or
 * close date changes, or two StageNames mapped to one stage), so only a change of playbook stage is
 * an entry — as the scanner reads it (tools/snapshot.ts). The record's current stage is the last
 * entry: when the history does not end there (not read yet, or not readable), it is added at
 * LastStageChangeDate.
 */
function stageEntries(
  playbook: Playbook,
  rows: readonly UiRecord[],
  current: RecordSnapshot['stageHistory'][number],
): RecordSnapshot['stageHistory'] {
  const entries: RecordSnapshot['stageHistory'] = [];
  const sorted = rows
    .map((row) => ({ name: text(row, 'StageName'), at: time(row, 'CreatedDate') }))
    .filter((r): r is { name: string; at: number } => r.name !== undefined && r.at !== undefined)
    .sort((a, b) => a.at - b.at);
  for (const row of sorted) {
    const stage = stageOf(playbook, row.name);
    if (entries[entries.length - 1]?.stage === stage) continue;
    entries.push({ stage, enteredAt: row.at });
  }
  if (entries[entries.length - 1]?.stage !== current.stage) entries.push(current);
  return entries;
}

function handoffState(
  playbook: Playbook,
  handoffId: string,
  header: UiRecord,
  rows: readonly UiRecord[] = [],
): HandoffState {
  const raw = text(header, 'Status__c') ?? 'not_started';
  const status = (STATUSES.includes(raw) ? raw : 'not_started') as HandoffStatus;
  const version = Number(value(header, 'Version__c') ?? 0);
  const kinds = itemKinds(playbook, handoffId);
  const items: HandoffState['items'] = {};
  for (const row of rows) {
    const itemId = text(row, 'Item_Id__c');
    const at = time(row, 'Done_At__c');
    // A row never set is only a placeholder created with the handoff.
    if (itemId === undefined || at === undefined) continue;
    items[itemId] = {
      value: parseValue(kinds[itemId], text(row, 'Value__c')),
      done: value(row, 'Done__c') === true,
      by: text(row, 'Done_By__c') ?? '',
      at,
    };
  }
  return {
    status,
    version: Number.isInteger(version) && version >= 0 ? version : 0,
    items,
    events: events(header, status),
  };
}

function itemKinds(playbook: Playbook, handoffId: string): Record<string, ItemKind> {
  const handoff = playbook.handoffs.find((h) => h.id === handoffId);
  const checklist = playbook.checklists.find((c) => c.id === handoff?.checklist);
  return Object.fromEntries((checklist?.items ?? []).map((i) => [i.id, i.kind]));
}

/** Values are stored as text: dates as YYYY-MM-DD, checks as true or false. */
export function parseValue(kind: ItemKind | undefined, raw: string | undefined): ItemValue {
  if (raw === undefined) return null;
  if (kind === 'check') return raw === 'true';
  if (kind === 'number') {
    const n = Number(raw);
    return Number.isFinite(n) ? n : null;
  }
  return raw;
}

export function formatValue(v: ItemValue): string | null {
  return v === null ? null : String(v);
}

/**
 * Salesforce keeps the latest milestone of each kind on the header, not an event log, so history
 * (and the SLA pauses computed from it) is rebuilt from those fields:
 * - `Submitted_At__c` is the last submission, `Accepted_At__c` the acceptance, `Rejected_At__c` the
 *   last rejection — kept after the handoff moves on, so a rejection that was reworked and submitted
 *   again still pauses the timer from the rejection to that submission, and one still in rework keeps
 *   it paused (the core pauses from a rejection until the next submission).
 * - What the header cannot tell: the time of a rework (no field holds it, so no `reworked` event:
 *   the pause does not need it), earlier submissions and rejections when a handoff went round more
 *   than once (only the last pause is counted), and who rejected a handoff before the package had
 *   Rejected_At__c (its rejection time is then LastModifiedDate, which any later write moves).
 */
function events(header: UiRecord, status: HandoffStatus): HandoffEvent[] {
  const comment = text(header, 'Rejection_Comment__c');
  const assigneeId = text(header, 'Assigned_CSM__c');
  return milestoneEvents(status, {
    submitted: { at: time(header, 'Submitted_At__c'), by: text(header, 'Submitted_By__c') },
    accepted: {
      at: time(header, 'Accepted_At__c'),
      by: text(header, 'Accepted_By__c'),
      ...(assigneeId ? { details: { assigneeId } } : {}),
    },
    rejected: {
      at:
        time(header, 'Rejected_At__c') ??
        (status === 'rejected' ? time(header, 'LastModifiedDate') : undefined),
      by: text(header, 'Rejected_By__c'),
      details: {
        reason: text(header, 'Rejection_Reason__c') ?? '',
        ...(comment ? { comment } : {}),
      },
    },
  });
}
