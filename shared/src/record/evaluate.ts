// evaluateRecord: everything a card or panel shows for one record and one viewer.
// Never throws: a malformed snapshot yields a view whose `problems` say what is wrong.
import { playbookFingerprint } from '../playbook/fingerprint.js';
import { recordObjectOf, scopedPlaybook } from '../playbook/objects.js';
import type { HandoffDef, Playbook, StageDef } from '../playbook/schema.js';
import { decideHandoffAction, INITIAL_STATE } from '../handoff/apply.js';
import { checklistOf, itemStatus } from '../handoff/items.js';
import { holdsAny, rolesFor } from '../handoff/roles.js';
import { evaluateCriterion, type RuleContext } from '../rules/evaluate.js';
import type { HandoffState } from '../shapes/handoff-state.js';
import { RecordSnapshotSchema, type RecordSnapshot } from '../shapes/snapshot.js';
import type {
  ActionAvailability,
  HandoffView,
  RecordView,
  StageProgress,
  Verdict,
} from '../shapes/view.js';
import { ViewerSchema, type Viewer } from '../shapes/viewer.js';
import { ballInCourt, isHandoffShown, nextStepOf, settledOf } from './next-step.js';
import { evaluateTimers } from './timers.js';

const ACTIONS = ['submit', 'withdraw', 'accept', 'reject', 'reopen'] as const;

export function evaluateRecord(
  whole: Playbook,
  snapshot: RecordSnapshot,
  viewer: Viewer,
  now: number,
): RecordView {
  const problems: string[] = [];
  const parsedSnapshot = RecordSnapshotSchema.safeParse(snapshot);
  const parsedViewer = ViewerSchema.safeParse(viewer);
  if (!parsedViewer.success)
    problems.push('The person viewing the record could not be identified.');
  const safeViewer: Viewer = parsedViewer.success
    ? parsedViewer.data
    : { userId: 'unknown', roles: [] };
  if (!parsedSnapshot.success) {
    const where = [
      ...new Set(parsedSnapshot.error.issues.map((i) => i.path.join('.') || 'record')),
    ].join(', ');
    problems.push(
      `The record's data could not be read (${where}); Handoff shows only what it can.`,
    );
    return emptyView(whole, snapshot, safeViewer, now, problems);
  }
  const record = parsedSnapshot.data;
  // A record is judged by its own object's lifecycle: a contact by the contact stages, handoffs
  // and SLAs, never by the deal's.
  const object = recordObjectOf(record.objectType);
  if (object === undefined)
    problems.push(`Handoff does not follow records of type "${record.objectType}".`);
  const playbook = scopedPlaybook(whole, object ?? 'deal');
  const stageIndex = playbook.stages.findIndex((s) => s.id === record.stage);
  const current = playbook.stages[stageIndex];
  if (!current) problems.push(`The record's stage "${record.stage}" is not part of the playbook.`);

  const context: RuleContext = { playbook, fields: record.fields, handoffs: record.handoffs };
  const next = current ? nextStage(playbook, stageIndex) : undefined;
  const exitCriteria = current ? current.exit.map((c) => evaluateCriterion(c, context)) : [];
  const nextEntryCriteria = next ? next.entry.map((c) => evaluateCriterion(c, context)) : [];
  const mayAdvance =
    next !== undefined && [...exitCriteria, ...nextEntryCriteria].every(passesOrWarns);
  const { timers, problems: timerProblems } = evaluateTimers(playbook, record, now);
  problems.push(...timerProblems);
  const handoffs = playbook.handoffs
    .filter((h) => isHandoffShown(playbook, h, record))
    .map((h) => handoffView(playbook, record, h, safeViewer, now, context));

  return {
    playbook: playbookRef(whole),
    record: recordRef(record),
    viewer: safeViewer,
    evaluatedAt: now,
    problems,
    stages: stageProgress(playbook, stageIndex),
    currentStage: current ? { id: current.id, label: current.label } : null,
    exitCriteria,
    nextStage: next ? { id: next.id, label: next.label } : null,
    nextEntryCriteria,
    mayAdvance,
    handoffs,
    timers,
    nextStep: nextStepOf(playbook, handoffs, timers, safeViewer, record.stage),
  };
}

/** The stage a record moves to next on the path to a win; closed stages have none. */
export function nextStage(playbook: Playbook, index: number): StageDef | undefined {
  if (playbook.stages[index]?.outcome !== undefined) return undefined;
  return playbook.stages.slice(index + 1).find((s) => s.outcome !== 'lost');
}

function passesOrWarns(verdict: Verdict): boolean {
  return verdict.outcome === 'pass' || verdict.severity === 'warn';
}

function stageProgress(playbook: Playbook, currentIndex: number): StageProgress[] {
  const current = playbook.stages[currentIndex];
  return playbook.stages.map((stage, i) => {
    const status =
      i === currentIndex
        ? 'current'
        : i < currentIndex && stage.outcome === undefined
          ? 'done'
          : 'upcoming';
    // A lost deal did not pass through "won"; a won deal did not pass through "lost".
    const skipped =
      current?.outcome !== undefined && stage.outcome !== undefined && i !== currentIndex;
    const progress: StageProgress = {
      id: stage.id,
      label: stage.label,
      status: skipped ? 'upcoming' : status,
    };
    if (stage.outcome) progress.outcome = stage.outcome;
    return progress;
  });
}

function handoffView(
  playbook: Playbook,
  record: RecordSnapshot,
  handoff: HandoffDef,
  viewer: Viewer,
  now: number,
  context: RuleContext,
): HandoffView {
  const state: HandoffState = record.handoffs[handoff.id] ?? INITIAL_STATE;
  const checklist = checklistOf(playbook, handoff);
  const mayEdit = state.status !== 'accepted' && state.status !== 'submitted';
  const items = (checklist?.items ?? []).map((item) => {
    const status = itemStatus(playbook, item, state, record.fields);
    const editorRoles = item.owner
      ? [...rolesFor(handoff, 'set_item'), item.owner]
      : rolesFor(handoff, 'set_item');
    return {
      id: item.id,
      label: item.label,
      ...(item.help ? { help: item.help } : {}),
      kind: item.kind,
      ...(item.options ? { options: item.options } : {}),
      required: item.required,
      ...(item.owner ? { owner: item.owner } : {}),
      ...(item.field ? { field: item.field } : {}),
      value: status.value,
      done: status.done,
      ...(status.by !== undefined ? { by: status.by } : {}),
      ...(status.at !== undefined ? { at: status.at } : {}),
      editable: mayEdit && item.field === undefined && holdsAny(viewer, editorRoles),
    };
  });
  const required = items.filter((i) => i.required);
  const settled = settledOf(playbook, handoff, state.status, record);
  const next = settled ? undefined : ballInCourt(playbook, handoff, state.status, viewer);
  return {
    id: handoff.id,
    label: handoff.label,
    checklistLabel: checklist?.label ?? handoff.checklist,
    status: state.status,
    version: state.version,
    items,
    progress: {
      done: items.filter((i) => i.done).length,
      total: items.length,
      requiredDone: required.filter((i) => i.done).length,
      required: required.length,
    },
    criteria: handoff.criteria.map((c) => evaluateCriterion(c, context)),
    actions: ACTIONS.map((type) => availability(playbook, record, handoff, viewer, now, type)),
    rejectReasons: handoff.rejectReasons.map((r) => ({ id: r.id, label: r.label })),
    ...milestones(handoff, state),
    history: state.events.filter((e) => e.type !== 'item_set'),
    ...(next ? { next } : {}),
    ...(settled ? { settled } : {}),
  };
}

/** Asks the state machine itself, so the card can never offer what the server would refuse. */
function availability(
  playbook: Playbook,
  record: RecordSnapshot,
  handoff: HandoffDef,
  viewer: Viewer,
  now: number,
  type: (typeof ACTIONS)[number],
): ActionAvailability {
  const action =
    type === 'reject'
      ? { type, reason: handoff.rejectReasons[0]?.id ?? '' }
      : ({ type } as { type: Exclude<typeof type, 'reject'> });
  const result = decideHandoffAction(
    playbook,
    record,
    { handoffId: handoff.id, actionId: `preview:${type}`, action },
    viewer,
    now,
  );
  return result.ok
    ? { type, allowed: true }
    : {
        type,
        allowed: false,
        reason: { code: result.refusal.code, message: result.refusal.message },
      };
}

function milestones(handoff: HandoffDef, state: HandoffState): Partial<HandoffView> {
  const out: Partial<HandoffView> = {};
  for (const event of state.events) {
    if (event.type === 'submitted') out.submitted = { by: event.by, at: event.at };
    if (event.type === 'accepted') {
      const { assigneeId, linkedRecordId } = event.details;
      out.accepted = {
        by: event.by,
        at: event.at,
        ...(typeof assigneeId === 'string' ? { assigneeId } : {}),
        ...(typeof linkedRecordId === 'string' ? { linkedRecordId } : {}),
      };
    }
    if (event.type === 'rejected') {
      const reason = String(event.details.reason ?? '');
      const comment = event.details.comment;
      out.rejected = {
        by: event.by,
        at: event.at,
        reason,
        reasonLabel: handoff.rejectReasons.find((r) => r.id === reason)?.label ?? reason,
        ...(typeof comment === 'string' ? { comment } : {}),
      };
    }
  }
  return out;
}

function playbookRef(playbook: Playbook): RecordView['playbook'] {
  return {
    name: playbook.name,
    version: playbook.version,
    fingerprint: playbookFingerprint(playbook),
  };
}

export function recordRef(record: RecordSnapshot): RecordView['record'] {
  const ref: RecordView['record'] = {
    crm: record.crm,
    objectType: record.objectType,
    recordId: record.recordId,
  };
  if (record.ownerId !== undefined) ref.ownerId = record.ownerId;
  return ref;
}

function emptyView(
  playbook: Playbook,
  snapshot: unknown,
  viewer: Viewer,
  now: number,
  problems: string[],
): RecordView {
  const raw = (snapshot !== null && typeof snapshot === 'object' ? snapshot : {}) as Record<
    string,
    unknown
  >;
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  return {
    playbook: playbookRef(playbook),
    record: { crm: text(raw.crm), objectType: text(raw.objectType), recordId: text(raw.recordId) },
    viewer,
    evaluatedAt: now,
    problems,
    stages: stageProgress(
      scopedPlaybook(playbook, recordObjectOf(text(raw.objectType)) ?? 'deal'),
      -1,
    ),
    currentStage: null,
    exitCriteria: [],
    nextStage: null,
    nextEntryCriteria: [],
    mayAdvance: false,
    handoffs: [],
    timers: [],
    nextStep: null,
  };
}
