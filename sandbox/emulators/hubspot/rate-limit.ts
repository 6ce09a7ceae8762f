import type { Clock } from '../plumbing/clock.js';

/** A rolling window per key, read from the emulator's clock so tests move time instead of sleeping. */
export class RollingWindow {
  readonly #hits = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Counts the request if there is room; returns the remaining budget, or -1 when refused. */
  take(key: string): number {
    const now = this.clock.now();
    const recent = (this.#hits.get(key) ?? []).filter(
      (at) => at > now - this.windowMs && at <= now,
    );
    if (recent.length >= this.max) {
      this.#hits.set(key, recent);
      return -1;
    }
    recent.push(now);
    this.#hits.set(key, recent);
    return this.max - recent.length;
  }

  reset(): void {
    this.#hits.clear();
  }
}
