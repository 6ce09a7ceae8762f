// The portal as the queue and the dashboard see it: every record the store holds a summary of
// (what the scanner or the card last read from HubSpot) — deals, and the contacts and companies
// the playbook follows — with its stored handoffs, evaluated once by the core. Kept until a handoff or stage changes (the store says which) or PICTURE_TTL_MS
// passes, so a page view reads the store and never the CRM.
import {
  compareQueueEntries,
  evaluateRecord,
  objectsOf,
  queueEntriesOf,
  recordObjectOf,
  type Freshness,
  type HandoffState,
  type Playbook,
  type QueueEntry,
  type RecordSnapshot,
  type RecordView,
} from '@handoff/shared';
import type { Deps } from '../deps.js';
import type { RecordSummary, Store } from '../store/index.js';

/** Timers move with time: a picture older than this is computed again. */
export const PICTURE_TTL_MS = 30_000;
const HANDOFF_READ_CHUNK = 1_000;
/** Past this many changed records a full rebuild is as cheap as patching. */
const INCREMENTAL_MAX = 500;

export interface PortalPicture {
  builtAt: number;
  /** Changes in the store up to this instant are in the picture. */
  checkedAt: number;
  playbook: Playbook;
  snapshots: RecordSnapshot[];
  records: { view: RecordView; name: string }[];
  /** Every open handoff someone must move, in queue order. */
  queue: QueueEntry[];
  freshness: Freshness;
  /** Derived answers (a dashboard per period) kept as long as the picture. */
  derived: Map<string, unknown>;
}

const pictures = new WeakMap<Store, Map<string, PortalPicture>>();

/** Drops the portal's picture, so the next page view builds it again from the store. */
export function forgetPicture(deps: Pick<Deps, 'store'>, portalId: string): void {
  pictures.get(deps.store)?.delete(portalId);
}

export async function portalPicture(
  deps: Deps,
  portalId: string,
  playbook: Playbook,
): Promise<PortalPicture> {
  let byPortal = pictures.get(deps.store);
  if (!byPortal) pictures.set(deps.store, (byPortal = new Map()));
  const now = deps.clock.now();
  const kept = byPortal.get(portalId);
  if (
    kept &&
    kept.playbook === playbook &&
    now >= kept.builtAt &&
    now - kept.builtAt < PICTURE_TTL_MS
  ) {
    const objects = objectsOf(playbook);
    const read = await deps.store.recordSummaries(portalId, objects, kept.checkedAt);
    const changed = [
      ...new Map(
        [...(await deps.store.recordsChangedSince(portalId, kept.checkedAt, objects)), ...read].map(
          (r) => [pictureKey(r.objectType, r.recordId), r] as const,
        ),
      ).values(),
    ];
    kept.checkedAt = now;
    if (changed.length === 0) return kept;
    // An action, a card read or a webhook touched a few records: evaluate those again, keep the rest.
    if (changed.length <= INCREMENTAL_MAX) {
      await reevaluate(deps, portalId, kept, changed, read, now);
      return kept;
    }
  }
  const picture = await buildPicture(deps, portalId, playbook, now);
  byPortal.set(portalId, picture);
  return picture;
}

/**
 * One record's name in the picture: its object and id, since a contact, a company and a deal
 * can share an id (HubSpot numbers each object type on its own).
 */
function pictureKey(objectType: string, recordId: string): string {
  return `${recordObjectOf(objectType) ?? objectType}:${recordId}`;
}

/** Each record's stored handoffs, read per object type a thousand ids at a time, by picture key. */
async function handoffsOf(
  deps: Deps,
  portalId: string,
  records: readonly { objectType: string; recordId: string }[],
): Promise<Map<string, Record<string, HandoffState>>> {
  const byType = new Map<string, string[]>();
  for (const r of records)
    byType.set(r.objectType, [...(byType.get(r.objectType) ?? []), r.recordId]);
  const out = new Map<string, Record<string, HandoffState>>();
  for (const [objectType, ids] of byType)
    for (let i = 0; i < ids.length; i += HANDOFF_READ_CHUNK)
      for (const [id, states] of await deps.store.getHandoffsOfRecords(
        portalId,
        objectType,
        ids.slice(i, i + HANDOFF_READ_CHUNK),
      ))
        out.set(pictureKey(objectType, id), states);
  return out;
}

async function buildPicture(
  deps: Deps,
  portalId: string,
  playbook: Playbook,
  now: number,
): Promise<PortalPicture> {
  const summaries = await deps.store.recordSummaries(portalId, objectsOf(playbook));
  const handoffs = await handoffsOf(deps, portalId, summaries);
  // Entries are the same for everyone; each request filters them by the viewer's roles.
  const everyone = { userId: 'queue', roles: Object.keys(playbook.roles) };
  const snapshots: RecordSnapshot[] = [];
  const records: PortalPicture['records'] = [];
  const queue: QueueEntry[] = [];
  let oldest: number | null = null;
  let newest: number | null = null;
  for (const summary of summaries) {
    const snapshot = {
      ...summary.snapshot,
      handoffs: handoffs.get(pictureKey(summary.objectType, summary.recordId)) ?? {},
    };
    const view = evaluateRecord(playbook, snapshot, everyone, now);
    snapshots.push(snapshot);
    records.push({ view, name: summary.name });
    queue.push(...queueEntriesOf(playbook, view, summary.name));
    oldest = oldest === null ? summary.seenAt : Math.min(oldest, summary.seenAt);
    newest = newest === null ? summary.seenAt : Math.max(newest, summary.seenAt);
  }
  queue.sort(compareQueueEntries);
  return {
    builtAt: now,
    checkedAt: now,
    playbook,
    snapshots,
    records,
    queue,
    freshness: {
      computedAt: now,
      records: summaries.length,
      oldestReadAt: oldest,
      newestReadAt: newest,
    },
    derived: new Map(),
  };
}

/**
 * Re-reads the handoffs of these records and evaluates them again (at `now`; the rest keep their
 * instant, at most PICTURE_TTL_MS old); their queue entries are replaced and the queue re-sorted.
 * A stage change that arrived by webhook shows at the next full rebuild, when summaries are re-read.
 */
async function reevaluate(
  deps: Deps,
  portalId: string,
  picture: PortalPicture,
  records: readonly { objectType: string; recordId: string }[],
  read: readonly RecordSummary[],
  now: number,
): Promise<void> {
  const { playbook } = picture;
  const handoffs = await handoffsOf(deps, portalId, records);
  const everyone = { userId: 'queue', roles: Object.keys(playbook.roles) };
  const summaries = new Map(read.map((r) => [pictureKey(r.objectType, r.recordId), r]));
  const index = new Map(picture.snapshots.map((s, i) => [pictureKey(s.objectType, s.recordId), i]));
  const changed = new Set<string>();
  const fresh: QueueEntry[] = [];
  for (const { objectType, recordId } of records) {
    const key = pictureKey(objectType, recordId);
    changed.add(key);
    const at = index.get(key);
    const summary = summaries.get(key);
    // A record with stored handoffs but never read from HubSpot has nothing to evaluate yet.
    const base = summary?.snapshot ?? (at === undefined ? undefined : picture.snapshots[at]);
    if (!base) continue;
    const name = summary?.name ?? picture.records[at ?? -1]?.name ?? recordId;
    const snapshot = { ...base, handoffs: handoffs.get(key) ?? {} };
    const view = evaluateRecord(playbook, snapshot, everyone, now);
    const slot = at ?? picture.snapshots.length;
    picture.snapshots[slot] = snapshot;
    picture.records[slot] = { view, name };
    if (summary) {
      picture.freshness.newestReadAt = Math.max(
        picture.freshness.newestReadAt ?? 0,
        summary.seenAt,
      );
      if (at === undefined) picture.freshness.records++;
    }
    fresh.push(...queueEntriesOf(playbook, view, name));
  }
  picture.queue = [
    ...picture.queue.filter((e) => !changed.has(pictureKey(e.objectType, e.recordId))),
    ...fresh,
  ].sort(compareQueueEntries);
  picture.derived.clear();
}
