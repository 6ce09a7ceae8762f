// `handoff-salesforce export-history`: the org's opportunities in the core's JSON Lines history
// export (core README, "History export"), read through the scanner's own reads — the opportunities
// in stages where an SLA may run, each with its OpportunityHistory and Handoff__c milestones. Field
// history is not exported, so a backtest reads fields at their current values and says so.
import { HISTORY_FORMAT, HISTORY_VERSION, historyLine, type Playbook } from '@handoff/shared';
import type { OrgApi } from './api.js';
import type { Clock } from './clock.js';
import { orgNames } from './names.js';
import { candidatePages, DEFAULT_BULK_THRESHOLD, type ReadStats } from './read.js';
import { opportunitySnapshot } from './snapshot.js';

/** Writes the export line by line through `write`; answers how many opportunities it wrote. */
export async function exportHistory(options: {
  api: OrgApi;
  playbook: Playbook;
  clock: Clock;
  write(line: string): void | Promise<void>;
  bulkThreshold?: number;
}): Promise<number> {
  const names = orgNames();
  const stats: ReadStats = { soqlPages: 0, bulkJobs: 0, bulkChecks: 0 };
  await options.write(
    historyLine({
      type: 'export',
      format: HISTORY_FORMAT,
      version: HISTORY_VERSION,
      crm: 'salesforce',
      exportedAt: options.clock.now(),
    }),
  );
  let written = 0;
  const read = { bulkThreshold: options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD };
  for await (const page of candidatePages(options.api, options.playbook, names, read, stats)) {
    for (const opportunity of page) {
      const record = opportunitySnapshot(options.playbook, names, opportunity);
      if (!record) continue;
      await options.write(historyLine({ type: 'snapshot', record }));
      written++;
    }
  }
  return written;
}
