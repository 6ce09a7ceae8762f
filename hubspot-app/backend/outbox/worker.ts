// Drains the outbox: each item is written to HubSpot once. Failures are retried with exponential
// back-off capped at an hour, or after HubSpot's Retry-After when it gives one, for as long as it
// takes: nothing is dropped because HubSpot was down for minutes. After MAX_ATTEMPTS an item is
// listed as failing (GET /v1/hubspot/status, the settings page), still retried at most hourly, and
// an admin can make the failing items due at once (POST /v1/hubspot/outbox/retry).
// Portals drain in lanes of their own, a few at a time, so a hung write in one portal never
// delays another portal's writes.
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.js';
import { CrmError, updateRecord, type Crm } from '../hubspot/crm.js';
import { handoffProperty, HUBSPOT_OBJECT_TYPE } from '../provisioning/properties.js';
import { mirroredIn, type OutboxEntry, type Store } from '../store/index.js';
import type {
  CompleteTasksPayload,
  ContactMovePayload,
  EngagementPayload,
  MirrorPayload,
} from './items.js';

/** Attempts after which an item is shown as failing (it is still retried). */
export const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 1_000;
/** The longest wait between two attempts of one item. */
export const MAX_DELAY_MS = 60 * 60_000;
/** Portals drained at the same time by one instance. */
export const PORTAL_LANES = 8;
/**
 * How long an instance holds a portal's outbox between items: several instances drain one
 * database, one portal at a time each, so no item is sent twice at once and items keep their
 * order. A dead instance's portals are drained by another once this has run out.
 */
export const OUTBOX_LEASE_MS = 60_000;

export interface DrainResult {
  done: number;
  retried: number;
  failed: number;
}

/** The tasks an item would complete are not in HubSpot yet: run it after their own writes. */
class WaitingForEarlierWrites extends Error {}
const WAIT_DELAY_MS = 5_000;

export class OutboxWorker {
  /** Portals with a lane running: a second drain leaves them to it. */
  private readonly busy = new Set<string>();
  private readonly lanes = new Set<Promise<unknown>>();

  constructor(
    private readonly store: Store,
    /** A CRM client that does not retry by itself: the outbox owns the schedule. */
    private readonly crmFor: (portalId: string) => Promise<Crm | null>,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
    /** Names this instance's outbox leases. */
    private readonly holder = `outbox-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
  ) {}

  /**
   * Drains what is due, up to `limit` items per portal, PORTAL_LANES portals at a time; portals
   * another drain is still working on are skipped (their lane picks up what is due).
   */
  async drain(limit = 100): Promise<DrainResult> {
    const result: DrainResult = { done: 0, retried: 0, failed: 0 };
    const portals = (await this.store.duePortals(this.clock.now())).filter(
      (portalId) => !this.busy.has(portalId),
    );
    // Claimed before any await, so concurrent drains never run one portal twice.
    for (const portalId of portals) this.busy.add(portalId);
    let next = 0;
    const lane = async () => {
      while (next < portals.length) {
        const portalId = portals[next++] as string;
        const lease = () =>
          this.store.takeOutboxLease(portalId, this.holder, this.clock.now(), OUTBOX_LEASE_MS);
        let leased = false;
        try {
          // Another instance is draining this portal: its items are in hand there.
          if (!(leased = await lease())) continue;
          for (const entry of await this.store.dueOutbox(this.clock.now(), limit, portalId)) {
            // Renewed before each item; lost (this instance was too slow) means stop here.
            if (!(await lease())) break;
            result[await this.run(entry)]++;
          }
        } finally {
          this.busy.delete(portalId);
          if (leased) await this.store.releaseOutboxLease(portalId, this.holder);
        }
      }
    };
    const running = Promise.all(
      Array.from({ length: Math.min(PORTAL_LANES, portals.length) }, lane),
    );
    this.lanes.add(running);
    try {
      await running;
    } finally {
      this.lanes.delete(running);
      // A lane that stopped early (the store failed) must not keep its unstarted portals claimed.
      for (const portalId of portals.slice(next)) this.busy.delete(portalId);
    }
    return result;
  }

  /** Resolves when every drain started so far has finished (for shutdown). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.lanes]);
  }

  private async run(entry: OutboxEntry): Promise<keyof DrainResult> {
    const attempts = entry.attempts + 1;
    try {
      const crm = await this.crmFor(entry.portalId);
      if (!crm) throw new Error('the portal has no usable installation');
      await this.execute(crm, entry);
      await this.store.outboxDone(entry.portalId, entry.key, this.clock.now());
      return 'done';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const now = this.clock.now();
      if (error instanceof WaitingForEarlierWrites) {
        // Not a failure: it costs no attempt. The wait grows with its age, as the writes it waits
        // for back off.
        const waited = Math.min(MAX_DELAY_MS, Math.max(WAIT_DELAY_MS, now - entry.createdAt));
        await this.store.outboxRetry(
          entry.portalId,
          entry.key,
          entry.attempts,
          now + waited,
          message,
        );
        return 'retried';
      }
      const retryAfter = error instanceof CrmError ? error.retryAfterMs : undefined;
      const delay = Math.min(
        MAX_DELAY_MS,
        retryAfter ?? BASE_DELAY_MS * 2 ** Math.min(attempts - 1, 30),
      );
      if (attempts >= MAX_ATTEMPTS) {
        await this.store.outboxFailed(entry.portalId, entry.key, attempts, now + delay, message);
        if (attempts === MAX_ATTEMPTS)
          this.log.warn(
            { key: entry.key, attempts },
            'outbox item failing; retried at most hourly',
          );
        return 'failed';
      }
      await this.store.outboxRetry(entry.portalId, entry.key, attempts, now + delay, message);
      return 'retried';
    }
  }

  private async execute(crm: Crm, entry: OutboxEntry): Promise<void> {
    if (entry.kind === 'mirror') {
      const { dealId, handoffId, object = 'deal' } = entry.payload as MirrorPayload;
      // A portal whose contacts (or companies) have no Handoff properties (installed before they
      // were mirrored, not re-authorized since) would refuse the write: nothing to mirror there.
      if (!mirroredIn(await this.store.getSettings(entry.portalId)).includes(object)) return;
      const state = (
        await this.store.getHandoffs({
          portalId: entry.portalId,
          objectType: object,
          recordId: dealId,
        })
      )[handoffId];
      if (!state) return;
      // Every stored action enqueues its own mirror: a newer version's item will write the same
      // latest values, so an older one that comes due late writes nothing.
      const version = Number(/:v(\d+)$/.exec(entry.key)?.[1] ?? NaN);
      if (state.version > version) return;
      const last = (type: string) => [...state.events].reverse().find((e) => e.type === type);
      const submitted = last('submitted');
      const accepted = last('accepted');
      const rejected = last('rejected');
      const properties = {
        [handoffProperty(handoffId, 'status')]: state.status,
        [handoffProperty(handoffId, 'submitted_at')]: submitted ? String(submitted.at) : '',
        [handoffProperty(handoffId, 'submitted_by')]: submitted?.by ?? '',
        [handoffProperty(handoffId, 'accepted_at')]: accepted ? String(accepted.at) : '',
        [handoffProperty(handoffId, 'accepted_by')]: accepted?.by ?? '',
        [handoffProperty(handoffId, 'rejection_reason')]:
          state.status === 'rejected' ? String(rejected?.details.reason ?? '') : '',
      };
      await updateRecord(crm, HUBSPOT_OBJECT_TYPE[object], dealId, properties);
      return;
    }
    if (entry.kind === 'engagement') {
      const payload = entry.payload as EngagementPayload;
      // A crash between HubSpot's create and our "done" must not create it twice: look for the key first.
      if (await crm.findEngagement(payload.type, entry.key)) return;
      await crm.createEngagement(
        payload.type,
        payload.dealId,
        payload.properties,
        entry.key,
        payload.on,
      );
      return;
    }
    if (entry.kind === 'contact-move') {
      const { contactId, properties, clearFirst } = entry.payload as ContactMovePayload;
      // HubSpot's lifecycle stage only moves forward through the API; "to set the lifecycle stage
      // backward, you'll first need to clear the record's existing lifecycle stage value"
      // (https://developers.hubspot.com/docs/api-reference/latest/crm/objects/contacts/guide).
      // A retry after the clear clears again and sets: the same end state.
      if (clearFirst.length > 0)
        await crm.updateContact(
          contactId,
          Object.fromEntries(clearFirst.map((name) => [name, ''])),
        );
      await crm.updateContact(contactId, properties);
      return;
    }
    if (entry.kind === 'complete-tasks') {
      const { keys } = entry.payload as CompleteTasksPayload;
      const waiting = await this.store.outboxPendingKeys(entry.portalId, keys);
      if (waiting.length > 0)
        throw new WaitingForEarlierWrites(`waiting for ${waiting.join(', ')} to be written`);
      await crm.completeTasks(keys);
      return;
    }
    throw new Error(`unknown outbox item kind ${entry.kind}`);
  }
}
