// Upper bounds on everything a request names, checked before any CRM call or store write, so a
// request cannot make the service read, store or echo more than a few kilobytes of what it sent.
// A refusal names the field and the limit, never the value.
import { UseCaseError } from './errors.js';

/** Playbook ids (handoffs, checklist items, reject reasons) are `[a-z][a-z0-9_]{0,63}`. */
const PLAYBOOK_ID = /^[a-z][a-z0-9_]{0,63}$/;
/** HubSpot record and user ids are numeric; letters, `_` and `-` leave room for emulators and tests. */
const RECORD_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** An actionId is printable ASCII without spaces (the card sends `card-<time>-<random>`). */
const ACTION_ID = /^[\x21-\x7e]{1,200}$/;
export const MAX_TEXT_VALUE = 10_000;
export const MAX_COMMENT = 2_000;

function refuse(field: string, rule: string): never {
  throw new UseCaseError(400, 'bad_request', `The request's ${field} ${rule}.`, { field });
}

export function checkRecordId(value: string, field = 'record id'): void {
  if (!RECORD_ID.test(value)) refuse(field, 'must be 1 to 64 letters, digits, "_" or "-"');
}

/**
 * The action body's identifiers and texts within their bounds. Shapes are checked afterwards by
 * the core's schema; this runs first so that schema never sees (or echoes) an oversized value.
 */
export function checkActionBounds(body: unknown): void {
  // Only strings can be long; other wrong shapes are left to the schema's sentence.
  if (typeof body !== 'object' || body === null) return;
  const request = body as Record<string, unknown>;
  const id = (field: string, value: unknown, pattern: RegExp, rule: string) => {
    if (typeof value === 'string' && !pattern.test(value)) refuse(field, rule);
  };
  const playbookId = 'must be a playbook id (at most 64 characters)';
  id('handoffId', request.handoffId, PLAYBOOK_ID, playbookId);
  id('actionId', request.actionId, ACTION_ID, 'must be 1 to 200 printable characters');
  const action = request.action;
  if (typeof action !== 'object' || action === null) return;
  const a = action as Record<string, unknown>;
  id('action.type', a.type, /^[a-z_]{1,32}$/, 'is not an action');
  id('action.itemId', a.itemId, PLAYBOOK_ID, playbookId);
  id('action.reason', a.reason, PLAYBOOK_ID, playbookId);
  id('action.assigneeId', a.assigneeId, RECORD_ID, 'must be a HubSpot user id');
  id('action.linkedRecordId', a.linkedRecordId, RECORD_ID, 'must be a HubSpot deal id');
  if (typeof a.value === 'string' && a.value.length > MAX_TEXT_VALUE)
    refuse('action.value', `must be at most ${MAX_TEXT_VALUE} characters`);
  if (typeof a.comment === 'string' && a.comment.length > MAX_COMMENT)
    refuse('action.comment', `must be at most ${MAX_COMMENT} characters`);
}
