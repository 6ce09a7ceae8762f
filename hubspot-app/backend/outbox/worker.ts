// Drains the outbox: each item is written to HubSpot once. Failures are retried with exponential
// back-off, or after HubSpot's Retry-After when it gives one; after 8 attempts an item is marked
// failed and listed by GET /v1/hubspot/status.
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.js';
import { CrmError, type Crm } from '../hubspot/crm.js';
import { handoffProperty } from '../provisioning/properties.js';
import type { OutboxEntry, Store } from '../store/index.js';
import type { CompleteTasksPayload, EngagementPayload, MirrorPayload } from './items.js';

export const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 1_000;

export interface DrainResult {
  done: number;
  retried: number;
  failed: number;
}

/** The tasks an item would complete are not in HubSpot yet: run it after their own writes. */
class WaitingForEarlierWrites extends Error {}
const WAIT_DELAY_MS = 5_000;

export class OutboxWorker {
  constructor(
    private readonly store: Store,
    /** A CRM client that does not retry by itself: the outbox owns the schedule. */
    private readonly crmFor: (portalId: string) => Promise<Crm | null>,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
  ) {}

  async drain(limit = 100): Promise<DrainResult> {
    const result: DrainResult = { done: 0, retried: 0, failed: 0 };
    for (const entry of await this.store.dueOutbox(this.clock.now(), limit)) {
      const outcome = await this.run(entry);
      result[outcome]++;
    }
    return result;
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
      if (error instanceof WaitingForEarlierWrites) {
        // Not a failure: it costs no attempt, and the writes it waits for end (done or failed).
        await this.store.outboxRetry(
          entry.portalId,
          entry.key,
          entry.attempts,
          this.clock.now() + WAIT_DELAY_MS,
          message,
        );
        return 'retried';
      }
      if (attempts >= MAX_ATTEMPTS) {
        await this.store.outboxFailed(entry.portalId, entry.key, attempts, message);
        this.log.warn({ key: entry.key, attempts }, 'outbox item failed for good');
        return 'failed';
      }
      const retryAfter = error instanceof CrmError ? error.retryAfterMs : undefined;
      const delay = retryAfter ?? BASE_DELAY_MS * 2 ** (attempts - 1);
      await this.store.outboxRetry(
        entry.portalId,
        entry.key,
        attempts,
        this.clock.now() + delay,
        message,
      );
      return 'retried';
    }
  }

  private async execute(crm: Crm, entry: OutboxEntry): Promise<void> {
    if (entry.kind === 'mirror') {
      const { dealId, handoffId } = entry.payload as MirrorPayload;
      const state = (
        await this.store.getHandoffs({
          portalId: entry.portalId,
          objectType: 'deal',
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
      await crm.updateDeal(dealId, {
        [handoffProperty(handoffId, 'status')]: state.status,
        [handoffProperty(handoffId, 'submitted_at')]: submitted ? String(submitted.at) : '',
        [handoffProperty(handoffId, 'submitted_by')]: submitted?.by ?? '',
        [handoffProperty(handoffId, 'accepted_at')]: accepted ? String(accepted.at) : '',
        [handoffProperty(handoffId, 'accepted_by')]: accepted?.by ?? '',
        [handoffProperty(handoffId, 'rejection_reason')]:
          state.status === 'rejected' ? String(rejected?.details.reason ?? '') : '',
      });
      return;
    }
    if (entry.kind === 'engagement') {
      const payload = entry.payload as EngagementPayload;
      // A crash between HubSpot's create and our "done" must not create it twice: look for the key first.
      if (await crm.findEngagement(payload.type, entry.key)) return;
      await crm.createEngagement(payload.type, payload.dealId, payload.properties, entry.key);
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
