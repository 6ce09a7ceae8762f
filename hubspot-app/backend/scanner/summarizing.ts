// The scanner the service schedules: after each scan of a portal it keeps the record summaries the
// queue and dashboard pages read (won and lost deals too, and deals nobody opened), under the same
// portal lease and claim, through the same rate budget as the scan. After a full scan (the first
// one at install, a playbook or stage-mapping change, the daily reconcile) it reads every deal in
// every mapped stage; after any other scan only the deals modified since the previous scan began.
import type { Crm } from '../hubspot/crm.js';
import { refreshChangedSummaries, refreshRecordSummaries } from '../use-cases/record-summaries.js';
import { CHANGE_LAG_MS, LEASE_MS, Scanner, type ScannerOptions, type ScanReport } from './scan.js';

export interface SummarizedScanReport extends ScanReport {
  /** The summaries refreshed after the scan: deals stored and the CRM calls (searches) it cost. */
  summaries?: { mode: 'all' | 'changes'; deals: number; calls: number };
}

export class SummarizingScanner extends Scanner {
  constructor(private readonly settings: ScannerOptions) {
    super(settings);
  }

  override async scanPortal(
    portalId: string,
    options: { full?: boolean } = {},
  ): Promise<SummarizedScanReport> {
    const { store, clock, holder, log } = this.settings;
    const before = await store.scanState(portalId);
    const report: SummarizedScanReport = await super.scanPortal(portalId, options);
    if (report.skipped) return report;
    const playbook = await this.settings.playbookFor(portalId);
    const raw = await this.settings.crmFor(portalId);
    if (!playbook || !raw) return report;
    // Held like a scan's lease, so two instances never refresh one portal at once.
    if (!(await store.takeLease(portalId, holder, clock.now(), LEASE_MS))) return report;
    try {
      const crm = this.pacedSearches(raw, portalId);
      const all = report.mode !== 'changes' || !before;
      const done = all
        ? await refreshRecordSummaries(this.settings, crm, portalId, playbook)
        : await refreshChangedSummaries(
            this.settings,
            crm,
            portalId,
            playbook,
            before.changesSince - CHANGE_LAG_MS,
          );
      report.summaries = { mode: all ? 'all' : 'changes', ...done };
    } catch (error) {
      // Left for the next scan: the pages say how old what they show is.
      log.warn({ portalId, err: { message: (error as Error).message } }, 'summary refresh failed');
    } finally {
      await store.releaseLease(portalId, holder);
    }
    return report;
  }

  /** The refresh's searches wait for the portal's search budget, as the scanner's own do. */
  private pacedSearches(crm: Crm, portalId: string): Crm {
    const { budget, sleep } = this.settings;
    const paced = async <R>(call: () => Promise<R>): Promise<R> => {
      for (;;) {
        const ms = budget.reserveScan(portalId, true);
        if (ms <= 0) return call();
        await sleep(ms);
      }
    };
    return {
      ...crm,
      searchDeals: (query) => paced(() => crm.searchDeals(query)),
      searchChangedDeals: (query) => paced(() => crm.searchChangedDeals(query)),
    };
  }
}
