// Per-user and per-portal request budgets for the signed card API: token buckets kept in this
// process's memory (each instance counts its own requests, so N instances allow N times the rate;
// enough to stop one user or portal from filling the database or starving the others).
import type { Clock } from '../clock.js';

export interface Bucket {
  /** Requests that may come at once. */
  burst: number;
  /** Requests per second the bucket refills. */
  perSecond: number;
}

export interface RateLimits {
  perUser: Bucket;
  perPortal: Bucket;
}

/** A person clicking through cards never comes near these; a script sending hundreds does. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  perUser: { burst: 120, perSecond: 2 },
  perPortal: { burst: 1_200, perSecond: 20 },
};

/** Buckets kept before the full (idle) ones are forgotten. */
const PRUNE_AT = 10_000;

class Buckets {
  private readonly levels = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly bucket: Bucket) {}

  /** Takes one token; answers 0, or how many ms until one is there (nothing is taken then). */
  take(key: string, now: number): number {
    const { burst, perSecond } = this.bucket;
    const level = this.levels.get(key) ?? { tokens: burst, at: now };
    const tokens = Math.min(burst, level.tokens + ((now - level.at) / 1000) * perSecond);
    if (tokens < 1) {
      this.levels.set(key, { tokens, at: now });
      return Math.ceil(((1 - tokens) / perSecond) * 1000);
    }
    this.levels.set(key, { tokens: tokens - 1, at: now });
    if (this.levels.size > PRUNE_AT) this.prune(now);
    return 0;
  }

  private prune(now: number): void {
    const { burst, perSecond } = this.bucket;
    for (const [key, level] of this.levels)
      if (level.tokens + ((now - level.at) / 1000) * perSecond >= burst) this.levels.delete(key);
  }
}

export class RateLimiter {
  private readonly users: Buckets;
  private readonly portals: Buckets;

  /**
   * `clock` is real time by default, not the service's Clock: budgets are about load on this
   * process, and the sandbox's clock stands still (a budget would never refill there).
   */
  constructor(
    limits: RateLimits = DEFAULT_RATE_LIMITS,
    private readonly clock: Clock = { now: () => performance.now() },
  ) {
    this.users = new Buckets(limits.perUser);
    this.portals = new Buckets(limits.perPortal);
  }

  /** 0 when the request may go; otherwise the ms to wait (Retry-After). */
  take(portalId: string, userId: string): number {
    const now = this.clock.now();
    const user = this.users.take(`${portalId}:${userId}`, now);
    if (user > 0) return user;
    return this.portals.take(portalId, now);
  }
}
