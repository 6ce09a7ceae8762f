// Bulk API 2.0 query jobs for the scanner: all jobs are created first (Salesforce runs them while the
// scanner works on other things), then polled together with a growing interval on wall time — the
// org's clock, not the scanner's `Clock`, decides when a job is done — then their CSV results are
// read set by set. Every request goes through OrgApi, so each is counted and checked against the
// daily-limit share.
import { LimitReached, type OrgApi, type QueryJobInfo } from './api.js';
import { parseCsv, type CsvRow } from './csv.js';

export interface BulkPolling {
  /** Wait before the second status check; the first is made at once. */
  firstDelayMs: number;
  /** The wait doubles after each check up to this. */
  maxDelayMs: number;
  /** Give up (and abort the jobs) when they are not done this long after the first check. */
  timeoutMs: number;
  sleep(ms: number): Promise<void>;
  /** Wall time, as jsforce's own bulk polling uses. */
  wallNow(): number;
}

export const DEFAULT_POLLING: BulkPolling = {
  firstDelayMs: 1000,
  maxDelayMs: 30_000,
  timeoutMs: 10 * 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  wallNow: () => Date.now(),
};

/** A query job that failed, was aborted, or did not finish in time: the scan stops with this. */
export class BulkQueryFailed extends Error {}

export interface BulkRead {
  /** How many status checks the jobs needed (for reports and the bench). */
  readonly checks: number;
  /** Waits for every job, then reads each one's rows, in the order the queries were given. */
  rows(): Promise<CsvRow[][]>;
}

export async function startBulkQueries(
  api: OrgApi,
  queries: readonly string[],
  polling: BulkPolling = DEFAULT_POLLING,
): Promise<BulkRead> {
  const jobs: QueryJobInfo[] = [];
  for (const soql of queries) jobs.push(await api.createQueryJob(soql));
  let checks = 0;

  async function waitForAll(): Promise<void> {
    const started = polling.wallNow();
    let delay = polling.firstDelayMs;
    let open = jobs;
    for (;;) {
      const running: QueryJobInfo[] = [];
      for (const job of open) {
        checks++;
        const info = await api.queryJob(job.id);
        if (info.state === 'JobComplete') continue;
        if (info.state === 'Failed' || info.state === 'Aborted') {
          await abortQuietly(api, [...running, ...open.slice(open.indexOf(job) + 1)]);
          throw new BulkQueryFailed(
            `Bulk API 2.0 query job ${job.id} on ${job.object} ended ${info.state}${info.errorMessage ? ` (${info.errorMessage})` : ''}`,
          );
        }
        running.push(job);
      }
      open = running;
      if (open.length === 0) return;
      if (polling.wallNow() - started >= polling.timeoutMs) {
        await abortQuietly(api, open);
        throw new BulkQueryFailed(
          `Bulk API 2.0 query job ${open.map((j) => `${j.id} on ${j.object}`).join(', ')} not done after ${Math.round(polling.timeoutMs / 1000)} s; aborted`,
        );
      }
      await polling.sleep(delay);
      delay = Math.min(delay * 2, polling.maxDelayMs);
    }
  }

  return {
    get checks() {
      return checks;
    },
    async rows() {
      await waitForAll();
      const all: CsvRow[][] = [];
      for (const job of jobs) {
        const rows: CsvRow[] = [];
        let locator: string | undefined;
        do {
          const set = await api.queryJobResults(job.id, locator);
          for (const row of parseCsv(set.csv)) rows.push(row);
          locator = set.locator ?? undefined;
        } while (locator);
        all.push(rows);
      }
      return all;
    },
  };
}

/** Stops jobs nobody will read; a refusal (the limit, a job already done) changes nothing here. */
async function abortQuietly(api: OrgApi, jobs: readonly QueryJobInfo[]): Promise<void> {
  for (const job of jobs) {
    try {
      await api.abortQueryJob(job.id);
    } catch (error) {
      if (error instanceof LimitReached) return;
    }
  }
}
