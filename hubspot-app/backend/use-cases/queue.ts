// The handoff queue page: the open handoffs a viewer may see, from the portal picture (the store's
// copies of records, no CRM call per row), filtered by scope and the viewer's roles — checked here,
// on the server — then by handoff and state, counted over every match and answered a page at a time.
import {
  HandoffStatus,
  mayAct,
  QUEUE_PAGE_MAX,
  QUEUE_SCOPES,
  QUEUE_TIMER_STATES,
  type Playbook,
  type QueueEntry,
  type QueueQuery,
  type QueueResponse,
  type QueueScope,
  type QueueTimerState,
  type Viewer,
} from '@handoff/shared';
import type { Deps } from '../deps.js';
import { requireRole } from './access.js';
import { portalPlaybook, type Caller } from './context.js';
import { UseCaseError } from './errors.js';
import { portalPicture } from './portal-picture.js';

export const QUEUE_PAGE_DEFAULT = 25;

export async function getQueue(deps: Deps, caller: Caller, raw: unknown): Promise<QueueResponse> {
  const playbook = await requirePlaybook(deps, caller.portalId);
  const roles = await requireRole(deps, caller, 'see the handoff queue');
  const viewer: Viewer = { userId: caller.userId, roles };
  const query = parseQueueQuery(playbook, raw);
  const admin = roles.includes('admin');
  const owners = await deps.roles.owners(caller.portalId);
  const inScope = scopeFilter(query, viewer, admin, owners.get(caller.userId)?.ownerId);
  const picture = await portalPicture(deps, caller.portalId, playbook);

  const scoped = picture.queue.filter(inScope);
  const ofHandoff = (e: QueueEntry) => !query.handoff || e.handoffId === query.handoff;
  const ofState = (e: QueueEntry) =>
    !query.state || e.status === query.state || timerState(e) === query.state;
  const byTimer = Object.fromEntries(QUEUE_TIMER_STATES.map((s) => [s, 0])) as Record<
    QueueTimerState,
    number
  >;
  const byHandoff: Record<string, number> = Object.fromEntries(
    playbook.handoffs.map((h) => [h.id, 0]),
  );
  const matching: QueueEntry[] = [];
  for (const entry of scoped) {
    const handoffOk = ofHandoff(entry);
    const stateOk = ofState(entry);
    if (handoffOk) byTimer[timerState(entry)]++;
    if (stateOk) byHandoff[entry.handoffId] = (byHandoff[entry.handoffId] ?? 0) + 1;
    if (handoffOk && stateOk) matching.push(entry);
  }

  const nameOfOwner = new Map([...owners.values()].map((o) => [o.ownerId, o.name]));
  return {
    scope: query.scope,
    role: query.role ?? null,
    viewer: {
      roles: roles.map((id) => ({ id, label: playbook.roles[id]?.label ?? id })),
      admin,
    },
    total: matching.length,
    counts: { byTimer, byHandoff },
    offset: query.offset,
    limit: query.limit,
    rows: matching.slice(query.offset, query.offset + query.limit).map((entry) => ({
      ...entry,
      ownerName: entry.ownerId ? (nameOfOwner.get(entry.ownerId) ?? null) : null,
      submittedByName: entry.submitted ? (owners.get(entry.submitted.by)?.name ?? null) : null,
      viewerMayAct: mayAct(entry, viewer),
    })),
    handoffs: playbook.handoffs.map((h) => ({ id: h.id, label: h.label })),
    freshness: picture.freshness,
  };
}

export async function requirePlaybook(deps: Deps, portalId: string): Promise<Playbook> {
  const playbook = await portalPlaybook(deps, portalId);
  if (!playbook)
    throw new UseCaseError(
      409,
      'not_configured',
      'Handoff is installed but no playbook is configured yet. An admin can set one up in the app settings.',
    );
  return playbook;
}

function timerState(entry: QueueEntry): QueueTimerState {
  const state = entry.timer?.state;
  return state && (QUEUE_TIMER_STATES as readonly string[]).includes(state)
    ? (state as QueueTimerState)
    : 'none';
}

/**
 * Who sees what. everyone: admins only. team: handoffs waiting on a role the viewer holds (the
 * one asked for must be theirs). mine: what the viewer may move — any submitted handoff their
 * role accepts, and the submitting or rework of records they own (or nobody owns).
 */
function scopeFilter(
  query: QueueQuery,
  viewer: Viewer,
  admin: boolean,
  viewerOwnerId: string | undefined,
): (entry: QueueEntry) => boolean {
  if (query.scope === 'everyone') {
    if (!admin)
      throw new UseCaseError(403, 'forbidden', "Only Handoff admins may see everyone's queue.");
    return () => true;
  }
  if (query.scope === 'team') {
    if (query.role !== undefined && !viewer.roles.includes(query.role))
      throw new UseCaseError(
        403,
        'forbidden',
        "You may open the queue of a role you hold; that role's queue is not yours.",
      );
    const roles = query.role !== undefined ? [query.role] : viewer.roles;
    return (entry) => entry.ball.roles.some((r) => roles.includes(r));
  }
  return (entry) =>
    mayAct(entry, viewer) &&
    (entry.ball.action === 'accept' || entry.ownerId === null || entry.ownerId === viewerOwnerId);
}

/** Reads the query string; every mistake is named with the parameter it is in. */
export function parseQueueQuery(playbook: Playbook, raw: unknown): QueueQuery {
  const q = (raw ?? {}) as Record<string, unknown>;
  const text = (name: string): string | undefined => {
    const value = q[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string')
      throw new UseCaseError(400, 'bad_request', `The queue parameter "${name}" was given twice.`);
    return value;
  };
  const scope = (text('scope') ?? 'mine') as QueueScope;
  if (!QUEUE_SCOPES.includes(scope))
    throw new UseCaseError(
      400,
      'bad_request',
      `The queue parameter "scope" must be one of ${QUEUE_SCOPES.join(', ')}.`,
    );
  const role = text('role');
  if (role !== undefined && !(role in playbook.roles))
    throw new UseCaseError(
      400,
      'bad_request',
      'The queue parameter "role" names no playbook role.',
    );
  const handoff = text('handoff');
  if (handoff !== undefined && !playbook.handoffs.some((h) => h.id === handoff))
    throw new UseCaseError(
      400,
      'bad_request',
      'The queue parameter "handoff" names no handoff of the playbook.',
    );
  const state = text('state');
  const states: readonly string[] = [...HandoffStatus.options, ...QUEUE_TIMER_STATES];
  if (state !== undefined && !states.includes(state))
    throw new UseCaseError(
      400,
      'bad_request',
      `The queue parameter "state" must be one of ${states.join(', ')}.`,
    );
  const offset = whole(text('offset'), 'offset', 0, Number.MAX_SAFE_INTEGER, 0);
  const limit = whole(text('limit'), 'limit', 1, QUEUE_PAGE_MAX, QUEUE_PAGE_DEFAULT);
  return {
    scope,
    ...(role !== undefined ? { role } : {}),
    ...(handoff !== undefined ? { handoff } : {}),
    ...(state !== undefined ? { state } : {}),
    offset,
    limit,
  };
}

function whole(
  value: string | undefined,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const n = /^\d{1,16}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new UseCaseError(
      400,
      'bad_request',
      `The queue parameter "${name}" must be a whole number from ${min} to ${max}.`,
    );
  return n;
}
