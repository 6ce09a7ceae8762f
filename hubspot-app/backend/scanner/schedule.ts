// Scans shared by every instance on one database, with no coordinator of our own: each instance
// claims the most overdue portal (FOR UPDATE SKIP LOCKED on PostgreSQL), scans it and schedules its
// next scan; a claim left by a dead instance runs out after CLAIM_MS and another instance takes it.
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.js';
import type { Store } from '../store/index.js';
import { LEASE_MS, SCAN_LANES, type ScanReport, type Scanner } from './scan.js';

/** How long a claimed portal is kept from other instances: the scan's own lease length. */
export const CLAIM_MS = LEASE_MS;

export interface ScheduleOptions {
  store: Store;
  clock: Clock;
  log: FastifyBaseLogger;
  /** Names this instance's claims. */
  holder: string;
  /** A portal is scanned once per interval (its next scan is due this long after the last was). */
  intervalMs: number;
  lanes?: number;
}

/**
 * Scans every portal that is due, `lanes` at a time, until none is left for this instance; answers
 * the reports of the scans it ran. A portal's failure is logged and its next scan scheduled.
 */
export async function scanDue(scanner: Scanner, options: ScheduleOptions): Promise<ScanReport[]> {
  const { store, clock, log, holder, intervalMs } = options;
  const reports: ScanReport[] = [];
  const lane = async () => {
    for (;;) {
      const claim = await store.claimScan(holder, clock.now(), CLAIM_MS);
      if (!claim) return;
      try {
        reports.push(await scanner.scanPortal(claim.portalId));
      } catch (error) {
        log.warn(
          { portalId: claim.portalId, err: { message: (error as Error).message } },
          'scan failed',
        );
      }
      // Once per interval from when it was due; a scan that overran starts the next interval now.
      await store.scanFinished(
        claim.portalId,
        holder,
        Math.max(claim.dueAt + intervalMs, clock.now()),
      );
    }
  };
  await Promise.all(Array.from({ length: options.lanes ?? SCAN_LANES }, lane));
  return reports;
}
