// The scanner's door to the org, through jsforce: SOQL pages by nextRecordsUrl, sObject collections
// of at most 200 records, and a stop before the configured share of the daily API limit
// (read from the Sforce-Limit-Info header jsforce parses into `limitInfo`).
import type { Connection } from 'jsforce';
import type { SfRecord } from './snapshot.js';

export const COLLECTION_SIZE = 200;
export const QUERY_BATCH = 2000;

export class LimitReached extends Error {}

export interface SaveResult {
  id?: string;
  success: boolean;
  errors: { errorCode?: string; statusCode?: string; message: string }[];
}

interface QueryPage {
  records: SfRecord[];
  done: boolean;
  nextRecordsUrl?: string;
}

export class OrgApi {
  /** Requests this client made (jsforce's own retries and re-mints not included). */
  calls = 0;

  constructor(
    readonly conn: Connection,
    private readonly maxShare: number,
  ) {}

  /** Forgets the last usage seen: a scan on a schedule must not stop on yesterday's numbers. */
  forgetUsage(): void {
    this.conn.limitInfo = {};
  }

  /** Throws before a request that would take the org past its share of the daily limit. */
  #guard(): void {
    const usage = this.conn.limitInfo.apiUsage;
    if (!usage) return;
    const allowed = Math.floor(usage.limit * this.maxShare);
    if (usage.used + 1 > allowed)
      throw new LimitReached(
        `stopped before the daily API limit: the org has used ${usage.used} of ${usage.limit} requests today and Handoff may use up to ${Math.round(this.maxShare * 100)}% (HANDOFF_SCAN_MAX_API_SHARE)`,
      );
  }

  async #call<T>(run: () => Promise<T>): Promise<T> {
    this.#guard();
    this.calls++;
    return run();
  }

  async *query(soql: string): AsyncGenerator<SfRecord[]> {
    const headers = { 'Sforce-Query-Options': `batchSize=${QUERY_BATCH}` };
    // A Query is thenable, not a Promise: wrap it so the call is counted when it is sent.
    let page = await this.#call(async () => {
      const result: unknown = await this.conn.query<SfRecord>(soql, { autoFetch: false, headers });
      return result as QueryPage;
    });
    for (;;) {
      yield page.records;
      const next = page.nextRecordsUrl;
      if (page.done || !next) return;
      page = await this.#call(async () => {
        const options = { autoFetch: false, headers, maxFetch: QUERY_BATCH, scanAll: false };
        const result: unknown = await this.conn.queryMore<SfRecord>(next, options as never);
        return result as QueryPage;
      });
    }
  }

  async queryAll(soql: string): Promise<SfRecord[]> {
    const all: SfRecord[] = [];
    for await (const page of this.query(soql)) all.push(...page);
    return all;
  }

  /** Creates through /composite/sobjects, 200 per request; each record succeeds or fails alone. */
  async create(type: string, records: Record<string, unknown>[]): Promise<SaveResult[]> {
    return this.#collections(records, (chunk) =>
      this.conn.sobject(type).create(chunk, { allOrNone: false }),
    );
  }

  async update(
    type: string,
    records: (Record<string, unknown> & { Id: string })[],
  ): Promise<SaveResult[]> {
    return this.#collections(records, (chunk) =>
      this.conn.sobject(type).update(chunk as never, { allOrNone: false }),
    );
  }

  async #collections<R>(
    records: R[],
    send: (chunk: R[]) => Promise<unknown>,
  ): Promise<SaveResult[]> {
    const results: SaveResult[] = [];
    for (let i = 0; i < records.length; i += COLLECTION_SIZE) {
      const chunk = records.slice(i, i + COLLECTION_SIZE);
      results.push(...((await this.#call(() => send(chunk))) as SaveResult[]));
    }
    return results;
  }
}

export const soqlList = (values: readonly string[]): string =>
  values.map((v) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ');
