// The portal as the queue and the dashboard see it: every record the store holds a summary of
// (what the scanner or the card last read from HubSpot), with its stored handoffs, evaluated once
// by the core. Kept until a handoff or stage changes (the store says which) or PICTURE_TTL_MS
// passes, so a page view reads the store and never the CRM.
import {
  compareQueueEntries,
  evaluateRecord,
  queueEntriesOf,
  type Freshness,
  type HandoffState,
  type Playbook,
  type QueueEntry,
  type RecordSnapshot,
  type RecordView,
} from '@handoff/shared';
import type { Deps } from '../deps.js';
import type { Store } from '../store/index.js';

/** Timers move with time: a picture older than this is computed again. */
export const PICTURE_TTL_MS = 30_000;
const HANDOFF_READ_CHUNK = 1_000;

export interface PortalPicture {
  builtAt: number;
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
    now - kept.builtAt < PICTURE_TTL_MS &&
    (await deps.store.recordsChangedSince(portalId, kept.builtAt)).length === 0
  )
    return kept;
  const picture = await buildPicture(deps, portalId, playbook, now);
  byPortal.set(portalId, picture);
  return picture;
}

async function buildPicture(
  deps: Deps,
  portalId: string,
  playbook: Playbook,
  now: number,
): Promise<PortalPicture> {
  const summaries = await deps.store.recordSummaries(portalId, 'deal');
  const handoffs = new Map<string, Record<string, HandoffState>>();
  for (let i = 0; i < summaries.length; i += HANDOFF_READ_CHUNK) {
    const ids = summaries.slice(i, i + HANDOFF_READ_CHUNK).map((s) => s.recordId);
    for (const [id, states] of await deps.store.getHandoffsOfRecords(portalId, 'deal', ids))
      handoffs.set(id, states);
  }
  // Entries are the same for everyone; each request filters them by the viewer's roles.
  const everyone = { userId: 'queue', roles: Object.keys(playbook.roles) };
  const snapshots: RecordSnapshot[] = [];
  const records: PortalPicture['records'] = [];
  const queue: QueueEntry[] = [];
  let oldest: number | null = null;
  let newest: number | null = null;
  for (const summary of summaries) {
    const snapshot = { ...summary.snapshot, handoffs: handoffs.get(summary.recordId) ?? {} };
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
