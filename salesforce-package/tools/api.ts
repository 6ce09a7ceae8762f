// The scanner's door to the org, through jsforce: SOQL pages by nextRecordsUrl, Bulk API 2.0 query
// jobs, sObject collections of at most 200 records, and a stop before the configured share of the
// daily API limit (read from the Sforce-Limit-Info header of every response, Bulk ones included).
import type { Connection, HttpResponse, Schema } from 'jsforce';
import { HttpApi } from 'jsforce/lib/http-api.js';
import type { SfRecord } from './snapshot.js';

export const COLLECTION_SIZE = 200;
export const QUERY_BATCH = 2000;
/**
 * Ids per `IN (…)` list in a query: a SOQL query travels in the URI of a GET, and Salesforce refuses
 * a request whose URI and headers pass 16,384 bytes with 431 (URI alone: 414) —
 * https://help.salesforce.com/s/articleView?id=000386264&type=1. 200 quoted, URL-encoded ids take
 * about 6,000 bytes.
 */
export const IDS_PER_QUERY = 200;
/** Records per Bulk API 2.0 results request (`maxRecords`): bounds each response and makes the count known. */
export const BULK_RESULTS_PAGE = 50_000;

export class LimitReached extends Error {}

export interface SaveResult {
  id?: string;
  success: boolean;
  errors: { errorCode?: string; statusCode?: string; message: string }[];
}

export interface QueryPage {
  records: SfRecord[];
  /** How many records the whole query matches, as Salesforce counts them with the first page. */
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
}

/** A Bulk API 2.0 query job as Salesforce describes it (the fields the scanner reads). */
export interface QueryJobInfo {
  id: string;
  object: string;
  state: 'UploadComplete' | 'InProgress' | 'Aborted' | 'JobComplete' | 'Failed';
  errorMessage?: string;
}

/**
 * jsforce's HTTP layer (sign-in header, 401 re-mint, Salesforce errors) for Bulk 2.0 results: the CSV
 * comes back as text, since jsforce's own CSV parser splits on any of six delimiters, and the
 * response headers (Sforce-Locator, Sforce-Limit-Info) reach the listener.
 */
class CsvResults extends HttpApi<Schema> {
  override getResponseContentType(response: HttpResponse): string | undefined {
    const type = super.getResponseContentType(response) ?? undefined;
    return type?.startsWith('text/csv') ? 'text/plain' : type;
  }
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
    for await (const page of this.pages(soql)) yield page.records;
  }

  async *pages(soql: string): AsyncGenerator<QueryPage> {
    const headers = { 'Sforce-Query-Options': `batchSize=${QUERY_BATCH}` };
    // A Query is thenable, not a Promise: wrap it so the call is counted when it is sent.
    let page = await this.#call(async () => {
      const result: unknown = await this.conn.query<SfRecord>(soql, { autoFetch: false, headers });
      return result as QueryPage;
    });
    for (;;) {
      yield page;
      const next = page.nextRecordsUrl;
      if (page.done || !next) return;
      page = await this.#call(async () => {
        const options = { autoFetch: false, headers, maxFetch: QUERY_BATCH, scanAll: false };
        const result: unknown = await this.conn.queryMore<SfRecord>(next, options as never);
        return result as QueryPage;
      });
    }
  }

  /** Creates a Bulk API 2.0 query job; Salesforce starts running it at once. */
  async createQueryJob(soql: string): Promise<QueryJobInfo> {
    return this.#call(() =>
      this.conn.request<QueryJobInfo>({
        method: 'POST',
        url: '/jobs/query',
        body: JSON.stringify({
          operation: 'query',
          query: soql,
          columnDelimiter: 'COMMA',
          lineEnding: 'LF',
        }),
        headers: { 'content-type': 'application/json; charset=utf-8' },
      }),
    );
  }

  async queryJob(id: string): Promise<QueryJobInfo> {
    return this.#call(() => this.conn.request<QueryJobInfo>(`/jobs/query/${id}`));
  }

  async abortQueryJob(id: string): Promise<QueryJobInfo> {
    return this.#call(() =>
      this.conn.request<QueryJobInfo>({
        method: 'PATCH',
        url: `/jobs/query/${id}`,
        body: JSON.stringify({ state: 'Aborted' }),
        headers: { 'content-type': 'application/json; charset=utf-8' },
      }),
    );
  }

  /** One set of a finished job's results, as CSV text, and the locator of the next set (null after the last). */
  async queryJobResults(
    id: string,
    locator: string | undefined,
  ): Promise<{ csv: string; locator: string | null }> {
    return this.#call(async () => {
      const http = new CsvResults(this.conn, {});
      let next: string | null = null;
      http.on('response', (response: HttpResponse) => {
        const header = response.headers['sforce-locator'];
        next = header && header !== 'null' ? header : null;
        this.#readUsage(response.headers['sforce-limit-info']);
      });
      const query = new URLSearchParams({ maxRecords: String(BULK_RESULTS_PAGE) });
      if (locator) query.set('locator', locator);
      const url = `${this.conn.instanceUrl}/services/data/v${this.conn.version}/jobs/query/${id}/results?${query.toString()}`;
      const csv = await http.request<string>({
        method: 'GET',
        url,
        headers: { Accept: 'text/csv' },
      });
      return { csv: typeof csv === 'string' ? csv : '', locator: next };
    });
  }

  /** As jsforce's Connection does for its own requests, so the guard sees Bulk usage too. */
  #readUsage(header: string | undefined): void {
    const match = /api-usage=(\d+)\/(\d+)/.exec(header ?? '');
    if (match)
      this.conn.limitInfo = { apiUsage: { used: Number(match[1]), limit: Number(match[2]) } };
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
