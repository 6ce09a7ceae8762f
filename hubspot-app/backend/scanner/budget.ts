// One rate budget per portal, shared by the card API and the scanner: HubSpot allows a marketplace
// app 110 requests per 10 s per portal (search excluded) and 5 searches per second. Card requests
// are never delayed; the scanner keeps clear of a reserve so a person opening a deal goes first.
import type { Clock } from '../clock.js';

export const WINDOW_MS = 10_000;
export const PORTAL_LIMIT = 110;
/** Left to card requests: the scanner never takes the last 20 of a window. */
export const CARD_RESERVE = 20;
export const SEARCH_WINDOW_MS = 1_000;
export const SEARCH_LIMIT = 5;

export class RateBudget {
  private readonly calls = new Map<string, number[]>();
  private readonly searches = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  /** Records a card request: it goes now, whatever the scanner is doing. */
  recordCard(portalId: string, search = false): void {
    this.push(search ? this.searches : this.calls, portalId, this.clock.now());
  }

  /** How long the scanner must wait before its next request (0: go now, and it is recorded). */
  reserveScan(portalId: string, search = false): number {
    const now = this.clock.now();
    const [log, window, limit] = search
      ? [this.searches, SEARCH_WINDOW_MS, SEARCH_LIMIT]
      : [this.calls, WINDOW_MS, PORTAL_LIMIT - CARD_RESERVE];
    const recent = this.recent(log, portalId, now, window);
    if (recent.length < limit) {
      recent.push(now);
      return 0;
    }
    // The oldest call in the window leaves it at this moment.
    return (recent[recent.length - limit] ?? now) + window - now;
  }

  private push(log: Map<string, number[]>, portalId: string, at: number): void {
    this.recent(log, portalId, at, WINDOW_MS).push(at);
  }

  private recent(
    log: Map<string, number[]>,
    portalId: string,
    now: number,
    window: number,
  ): number[] {
    const kept = (log.get(portalId) ?? []).filter((t) => t > now - window);
    log.set(portalId, kept);
    return kept;
  }
}
