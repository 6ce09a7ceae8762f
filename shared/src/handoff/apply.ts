// The handoff state machine. Pure: the caller passes `now` and stores the result.
//
//   not_started → in_progress → submitted → accepted (final: items freeze)
//                      ↑            │
//                      └─ withdraw ─┤
//                      └─ rework ── rejected ←┘
import { playbookForRecord } from '../playbook/objects.js';
import type { ChecklistItemDef, HandoffDef, Playbook } from '../playbook/schema.js';
import { evaluateCriterion } from '../rules/evaluate.js';
import type {
  HandoffEvent,
  HandoffEventType,
  HandoffState,
  ItemValue,
} from '../shapes/handoff-state.js';
import {
  HandoffRequestSchema,
  type HandoffAction,
  type HandoffRequest,
  type Refusal,
  type RefusalCode,
} from '../shapes/request.js';
import { RecordSnapshotSchema, type RecordSnapshot } from '../shapes/snapshot.js';
import type { Viewer } from '../shapes/viewer.js';
import { checklistOf, completes, missingRequiredItems } from './items.js';
import { isHandoffOpen } from './open.js';
import { holdsAny, roleLabels, rolesFor } from './roles.js';
import { transitionFor } from './transitions.js';

export type ActionResult =
  | { ok: true; state: HandoffState; events: HandoffEvent[]; duplicate: boolean }
  | { ok: false; refusal: Refusal };

export const INITIAL_STATE: HandoffState = Object.freeze({
  status: 'not_started',
  version: 0,
  items: {},
  events: [],
}) as HandoffState;

const MAX_TEXT = 5000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function applyHandoffAction(
  playbook: Playbook,
  snapshot: RecordSnapshot,
  request: HandoffRequest,
  viewer: Viewer,
  now: number,
): ActionResult {
  const parsed = HandoffRequestSchema.safeParse(request);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.') || 'request').join(', ');
    return refuse('invalid_value', `The request is malformed (${where}).`, { fields: where });
  }
  if (!RecordSnapshotSchema.safeParse(snapshot).success) {
    return refuse(
      'invalid_value',
      'The record could not be read, so nothing was changed. Reload and try again.',
      {},
    );
  }
  return decideHandoffAction(playbook, snapshot, parsed.data, viewer, now);
}

/** The state machine on inputs already known to be well formed (the record view asks it directly). */
export function decideHandoffAction(
  whole: Playbook,
  snapshot: RecordSnapshot,
  request: HandoffRequest,
  viewer: Viewer,
  now: number,
): ActionResult {
  // Only the record's own object's handoffs: a contact's action never reaches a deal's handoff.
  const playbook = playbookForRecord(whole, snapshot);
  const { handoffId, actionId, expectedVersion, action } = request;
  const handoff = playbook.handoffs.find((h) => h.id === handoffId);
  if (!handoff)
    return refuse('unknown_handoff', `There is no handoff called "${handoffId}" in the playbook.`, {
      handoffId,
    });

  const state = snapshot.handoffs[handoffId] ?? INITIAL_STATE;
  if (state.events.some((e) => e.actionId === actionId)) {
    return { ok: true, state, events: [], duplicate: true };
  }
  if (!isHandoffOpen(playbook, handoff, snapshot)) {
    const stage = playbook.stages.find((s) => s.id === handoff.opensAt)?.label ?? handoff.opensAt;
    return refuse('closed', `${handoff.label} opens when the record reaches ${stage}.`, {
      handoffId,
      opensAt: handoff.opensAt,
    });
  }
  if (state.status === 'accepted') {
    return refuse('closed', `${handoff.label} was accepted; it can no longer change.`, {
      handoffId,
      status: state.status,
    });
  }
  const allowedRoles = rolesFor(handoff, action.type);
  const ownerRole =
    action.type === 'set_item' ? itemDef(playbook, handoff, action.itemId)?.owner : undefined;
  if (!holdsAny(viewer, ownerRole ? [...allowedRoles, ownerRole] : allowedRoles)) {
    return refuse(
      'not_allowed',
      `Only ${roleLabels(allowedRoles, playbook.roles)} may ${verb(action.type)} ${handoff.label}.`,
      { handoffId, action: action.type, roles: [...allowedRoles] },
    );
  }
  if (
    action.type !== 'set_item' &&
    expectedVersion !== undefined &&
    expectedVersion !== state.version
  ) {
    return refuse(
      'conflict',
      `Someone else changed ${handoff.label} while you were looking at it. Refresh to see the latest version.`,
      { handoffId, expectedVersion, currentVersion: state.version },
    );
  }

  const context: Step = { playbook, snapshot, handoff, state, viewer, now, actionId };
  const transition = transitionFor(action.type);
  if (!transition.from.includes(state.status)) return wrongState(context, action.type);
  switch (action.type) {
    case 'set_item':
      return setItem(context, action.itemId, action.value);
    case 'submit':
      return submit(context);
    case 'reject':
      return reject(context, action);
    case 'accept':
      return done(context, { status: transition.to }, [
        event(context, transition.event, {
          ...(action.assigneeId ? { assigneeId: action.assigneeId } : {}),
          ...(action.linkedRecordId ? { linkedRecordId: action.linkedRecordId } : {}),
        }),
      ]);
    default:
      return done(context, { status: transition.to }, [event(context, transition.event, {})]);
  }
}

interface Step {
  playbook: Playbook;
  snapshot: RecordSnapshot;
  handoff: HandoffDef;
  state: HandoffState;
  viewer: Viewer;
  now: number;
  actionId: string;
}

function setItem(step: Step, itemId: string, value: ItemValue): ActionResult {
  const { playbook, handoff, state } = step;
  const item = itemDef(playbook, handoff, itemId);
  if (!item) {
    return refuse('invalid_value', `${handoff.label} has no checklist item "${itemId}".`, {
      handoffId: handoff.id,
      itemId,
    });
  }
  if (item.field !== undefined) {
    const field = playbook.fields[item.field]?.label ?? item.field;
    return refuse(
      'invalid_value',
      `${item.label} comes from the record's ${field} field; change it there.`,
      { itemId, field: item.field },
    );
  }
  const problem = checkItemValue(item, value);
  if (problem) return refuse('invalid_value', `${item.label} ${problem}`, { itemId, value });

  const events: HandoffEvent[] = [];
  // Editing a rejected checklist is the rework the rejection asked for.
  if (state.status === 'rejected') events.push(event(step, 'reworked', {}));
  events.push(event(step, 'item_set', { itemId, value }));
  const items = {
    ...state.items,
    [itemId]: { value, done: completes(item.kind, value), by: step.viewer.userId, at: step.now },
  };
  return done(step, { status: 'in_progress', items }, events);
}

function submit(step: Step): ActionResult {
  const { playbook, snapshot, handoff, state } = step;
  const missing = missingRequiredItems(playbook, handoff, state, snapshot.fields);
  if (missing.length > 0) {
    return refuse(
      'items_missing',
      `${handoff.label} cannot be submitted yet: ${missing.map((i) => i.label).join(', ')} ${missing.length === 1 ? 'is' : 'are'} still to do.`,
      { handoffId: handoff.id, items: missing.map((i) => i.id) },
    );
  }
  const context = { playbook, fields: snapshot.fields, handoffs: snapshot.handoffs };
  const failing = handoff.criteria
    .map((c) => evaluateCriterion(c, context))
    .filter((v) => v.severity === 'block' && v.outcome !== 'pass');
  if (failing.length > 0) {
    return refuse(
      'criteria_failing',
      `${handoff.label} cannot be submitted yet: ${failing.map((v) => v.reason).join(' ')}`,
      { handoffId: handoff.id, criteria: failing.map((v) => v.id) },
    );
  }
  return done(step, { status: 'submitted' }, [event(step, 'submitted', {})]);
}

function reject(step: Step, action: Extract<HandoffAction, { type: 'reject' }>): ActionResult {
  const reason = step.handoff.rejectReasons.find((r) => r.id === action.reason);
  if (!reason) {
    const known = step.handoff.rejectReasons.map((r) => r.label).join('; ');
    return refuse(
      'invalid_value',
      `Choose one of the reasons for rejecting ${step.handoff.label}: ${known}.`,
      { reason: action.reason },
    );
  }
  const comment = action.comment?.trim();
  const details: HandoffEvent['details'] = comment
    ? { reason: reason.id, comment }
    : { reason: reason.id };
  return done(step, { status: 'rejected' }, [event(step, 'rejected', details)]);
}

function done(step: Step, change: Partial<HandoffState>, events: HandoffEvent[]): ActionResult {
  const state: HandoffState = {
    ...step.state,
    ...change,
    version: step.state.version + 1,
    events: [...step.state.events, ...events],
  };
  return { ok: true, state, events, duplicate: false };
}

function event(step: Step, type: HandoffEventType, details: HandoffEvent['details']): HandoffEvent {
  return { type, at: step.now, by: step.viewer.userId, actionId: step.actionId, details };
}

function wrongState(step: Step, action: HandoffAction['type']): ActionResult {
  const status = step.state.status.replace('_', ' ');
  if (action === 'set_item' && step.state.status === 'submitted') {
    return refuse(
      'not_allowed',
      `${step.handoff.label} is waiting for review; withdraw it before changing items.`,
      {
        handoffId: step.handoff.id,
        status: step.state.status,
        action,
      },
    );
  }
  return refuse(
    'not_allowed',
    `${step.handoff.label} is ${status}, so it cannot be ${pastTense(action)} now.`,
    {
      handoffId: step.handoff.id,
      status: step.state.status,
      action,
    },
  );
}

function checkItemValue(item: ChecklistItemDef, value: ItemValue): string | undefined {
  if (value === null) return undefined;
  switch (item.kind) {
    case 'check':
      return typeof value === 'boolean' ? undefined : 'is a checkbox: it takes true or false.';
    case 'text':
      if (typeof value !== 'string') return 'takes text.';
      return value.length > MAX_TEXT ? `is too long (at most ${MAX_TEXT} characters).` : undefined;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'takes a number.';
    case 'date':
      return typeof value === 'string' && ISO_DAY.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : 'takes a date written YYYY-MM-DD.';
    case 'choice':
      return typeof value === 'string' && item.options?.includes(value)
        ? undefined
        : `takes one of: ${item.options?.join(', ') ?? ''}.`;
  }
}

function itemDef(
  playbook: Playbook,
  handoff: HandoffDef,
  itemId: string,
): ChecklistItemDef | undefined {
  return checklistOf(playbook, handoff)?.items.find((i) => i.id === itemId);
}

function refuse(
  code: RefusalCode,
  message: string,
  details: Record<string, unknown>,
): ActionResult {
  return { ok: false, refusal: { code, message, details } };
}

function verb(action: HandoffAction['type']): string {
  return action === 'set_item' ? 'edit the checklist of' : action === 'reopen' ? 'rework' : action;
}

function pastTense(action: HandoffAction['type']): string {
  const words: Record<HandoffAction['type'], string> = {
    set_item: 'edited',
    submit: 'submitted',
    withdraw: 'withdrawn',
    accept: 'accepted',
    reject: 'rejected',
    reopen: 'reworked',
  };
  return words[action];
}
