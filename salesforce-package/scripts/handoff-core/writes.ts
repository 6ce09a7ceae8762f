// What the panel writes through Lightning Data Service: the records a handoff needs when it opens,
// and each action as record updates. The core decides first, so the panel never sends what the
// validation rules would refuse (they still guard every other channel).
import {
  applyHandoffAction,
  checklistOf,
  handoffSlaOutcome,
  type HandoffAction,
  type Playbook,
  type RecordSnapshot,
  type Viewer,
} from '@handoff/shared/runtime';
import { formatValue } from './snapshot.js';
import { HANDOFF, ITEM, iso, text, type UiRecord } from './records.js';

export interface RecordInput {
  apiName?: string;
  fields: Record<string, unknown>;
}

/** Every Handoff__c write names its action and a fresh id; the validation rules tell actions apart by them. */
export interface ActionWrites {
  /** An item row to create or update first (set_item only). */
  item?: RecordInput;
  /** The handoff header update; absent when an item change leaves the status as it is. */
  handoff?: RecordInput;
  /** Only transitions are conditional: concurrent item ticks must not conflict with each other. */
  conditional: boolean;
}

export type ActionPlan = { ok: true; writes: ActionWrites } | { ok: false; message: string };

export function recordKey(opportunityId: string, handoffId: string): string {
  return `${opportunityId}:${handoffId}`;
}

/** Items people type in get a row each; items mirroring a CRM field are read from the record. */
function typedItems(playbook: Playbook, handoffId: string) {
  const handoff = playbook.handoffs.find((h) => h.id === handoffId);
  const checklist = handoff ? checklistOf(playbook, handoff) : undefined;
  return (checklist?.items ?? []).filter((i) => i.field === undefined);
}

/** The Handoff__c headers missing for open handoffs (keyed, so a repeat collides instead of duplicating). */
export function missingHandoffs(
  playbook: Playbook,
  openHandoffIds: readonly string[],
  opportunity: UiRecord,
  existing: readonly UiRecord[],
): RecordInput[] {
  const have = new Set(existing.map((r) => text(r, 'Handoff_Id__c')));
  const accountId = text(opportunity, 'AccountId');
  return openHandoffIds
    .filter((id) => !have.has(id))
    .map((id) => ({
      apiName: HANDOFF,
      fields: {
        Opportunity__c: opportunity.id,
        ...(accountId ? { Account__c: accountId } : {}),
        Handoff_Id__c: id,
        Record_Key__c: recordKey(opportunity.id, id),
        Status__c: 'not_started',
        Version__c: 0,
        Required_Items__c: typedItems(playbook, id).filter((i) => i.required).length,
      },
    }));
}

/** Item rows missing under a header: also what completes a creation that failed half-way. */
export function missingItems(
  playbook: Playbook,
  header: UiRecord,
  rows: readonly UiRecord[],
): RecordInput[] {
  const handoffId = text(header, 'Handoff_Id__c') ?? '';
  const key = text(header, 'Record_Key__c') ?? header.id;
  const have = new Set(rows.map((r) => text(r, 'Item_Id__c')));
  return typedItems(playbook, handoffId)
    .filter((item) => !have.has(item.id))
    .map((item) => ({
      apiName: ITEM,
      fields: {
        Handoff__c: header.id,
        Item_Id__c: item.id,
        Item_Key__c: `${key}:${item.id}`,
        Required__c: item.required,
        Done__c: false,
      },
    }));
}

export interface ActionContext {
  playbook: Playbook;
  snapshot: RecordSnapshot;
  viewer: Viewer;
  now: number;
  header: UiRecord;
  rows: readonly UiRecord[];
  actionId: string;
}

export function planAction(ctx: ActionContext, action: HandoffAction): ActionPlan {
  const handoffId = text(ctx.header, 'Handoff_Id__c') ?? '';
  const before = ctx.snapshot.handoffs[handoffId];
  const result = applyHandoffAction(
    ctx.playbook,
    ctx.snapshot,
    { handoffId, actionId: ctx.actionId, expectedVersion: before?.version ?? 0, action },
    ctx.viewer,
    ctx.now,
  );
  if (!result.ok) return { ok: false, message: result.refusal.message };
  const header = (extra: Record<string, unknown>): RecordInput => ({
    fields: {
      Id: ctx.header.id,
      Status__c: result.state.status,
      Action__c: action.type,
      Action_Id__c: ctx.actionId,
      Version__c: result.state.version,
      ...extra,
    },
  });
  const at = iso(ctx.now);
  const by = ctx.viewer.userId;
  switch (action.type) {
    case 'set_item': {
      const state = result.state.items[action.itemId];
      const row = ctx.rows.find((r) => text(r, 'Item_Id__c') === action.itemId);
      const fields = {
        Value__c: formatValue(action.value),
        Done__c: state?.done ?? false,
        Done_By__c: by,
        Done_At__c: at,
      };
      const item: RecordInput = row
        ? { fields: { Id: row.id, ...fields } }
        : (missingItems(ctx.playbook, ctx.header, ctx.rows)
            .filter((r) => r.fields.Item_Id__c === action.itemId)
            .map((r) => ({ apiName: ITEM, fields: { ...r.fields, ...fields } }))[0] ?? {
            fields: {},
          });
      const statusChanges = before?.status !== result.state.status;
      return {
        ok: true,
        writes: { item, ...(statusChanges ? { handoff: header({}) } : {}), conditional: false },
      };
    }
    case 'submit':
      return ok(header({ Submitted_By__c: by, Submitted_At__c: at }));
    case 'accept': {
      // The accept SLA's outcome goes with the acceptance, so reports see it before the next scan.
      const after = {
        ...ctx.snapshot,
        handoffs: { ...ctx.snapshot.handoffs, [handoffId]: result.state },
      };
      const outcome = handoffSlaOutcome(ctx.playbook, after, handoffId, ctx.now);
      return ok(
        header({
          Accepted_By__c: by,
          Accepted_At__c: at,
          ...(action.assigneeId ? { Assigned_CSM__c: action.assigneeId } : {}),
          SLA_Id__c: outcome.slaId,
          SLA_Outcome__c: outcome.outcome,
          SLA_Completed_At__c: outcome.completedAt === null ? null : iso(outcome.completedAt),
          Business_Minutes_To_Accept__c: outcome.businessMinutesToAccept,
        }),
      );
    }
    case 'reject':
      return ok(
        header({
          // Exact, because SLAs pause from this instant until the next submission.
          Rejected_By__c: by,
          Rejected_At__c: at,
          Rejection_Reason__c: action.reason,
          Rejection_Comment__c: action.comment ?? null,
        }),
      );
    default:
      return ok(header({}));
  }
}

function ok(handoff: RecordInput): ActionPlan {
  return { ok: true, writes: { handoff, conditional: true } };
}

/** LDS errors (`body.output.errors`, `fieldErrors`, `body.message`) as sentences for a person. */
export function errorSentences(error: unknown): string[] {
  const body = (error as { body?: unknown } | null)?.body;
  const list = Array.isArray(body) ? body : [body];
  const out: string[] = [];
  for (const b of list) {
    const entry = b as {
      message?: string;
      output?: {
        errors?: { message?: string; errorCode?: string }[];
        fieldErrors?: Record<string, { message?: string }[]>;
      };
    } | null;
    for (const e of entry?.output?.errors ?? []) {
      if (e.message)
        out.push(
          e.errorCode === 'DUPLICATE_VALUE'
            ? 'Someone else just created this; the panel reloads it.'
            : e.message,
        );
    }
    for (const errors of Object.values(entry?.output?.fieldErrors ?? {})) {
      for (const e of errors) if (e.message) out.push(e.message);
    }
    if (out.length === 0 && entry?.message) out.push(entry.message);
  }
  if (out.length === 0 && error instanceof Error && error.message) out.push(error.message);
  return out.length > 0
    ? [...new Set(out)]
    : ['Something went wrong. Reload the page and try again.'];
}
