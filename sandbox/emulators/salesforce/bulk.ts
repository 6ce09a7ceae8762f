// Bulk API 2.0 query jobs (https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/queries.htm):
// a job runs its SOQL when created and is JobComplete at the first status check; results are CSV in
// chunks of `maxRecords`, the next chunk named by the `Sforce-Locator` header ("null" after the last).
// Bulk 2.0 takes no child subqueries, as in Salesforce. A job not yet reported complete can be aborted
// (`PATCH {"state":"Aborted"}`); it then stays Aborted and has no results.
import { randomBytes } from 'node:crypto';
import type { Route } from '../plumbing/router.js';
import type { SalesforceContext } from './context.js';
import { respond, SalesforceFault, sfError } from './errors.js';
import type { RawResponse } from './front.js';
import { parseSoql } from './soql-parse.js';
import type { WireRecord } from './soql-run.js';

interface Job {
  id: string;
  object: string;
  columns: string[];
  rows: WireRecord[];
  createdDate: string;
  state: 'UploadComplete' | 'JobComplete' | 'Aborted';
}

const DOCS =
  'https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/queries.htm';

/** Every value quoted, as in the documented results example; null is an empty cell. */
function cell(value: unknown): string {
  if (value === null || value === undefined || typeof value === 'object') return '';
  return `"${String(value).replace(/"/g, '""')}"`;
}

function pick(record: WireRecord, column: string): unknown {
  return column
    .split('.')
    .reduce<unknown>(
      (value, part) =>
        value && typeof value === 'object' ? (value as WireRecord)[part] : undefined,
      record,
    );
}

export class BulkQueries {
  readonly #jobs = new Map<string, Job>();

  constructor(private readonly context: SalesforceContext) {}

  routes(): Route[] {
    const base = '/services/data/:version/jobs/query';
    const info = (job: Job) => ({
      id: job.id,
      operation: 'query',
      object: job.object,
      createdDate: job.createdDate,
      state: job.state,
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: Number(this.context.apiVersion),
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
      numberRecordsProcessed: job.rows.length,
    });
    return [
      {
        name: 'bulk2.query.create',
        method: 'POST',
        path: base,
        docs: DOCS,
        handler: (request) =>
          respond(() => {
            const body = (request.body ?? {}) as { query?: unknown; operation?: unknown };
            if (typeof body.query !== 'string')
              return sfError(400, 'INVALIDJOB', 'query is required');
            const query = parseSoql(body.query);
            if (query.subqueries.length > 0 || query.count)
              throw new SalesforceFault(
                400,
                'INVALIDJOB',
                'Bulk API 2.0 does not support relationship subqueries or COUNT()',
              );
            const { records } = this.context.soql.run(query, request.portalId);
            const id = `750${randomBytes(6).toString('hex').toUpperCase().slice(0, 12)}AAA`;
            const job: Job = {
              id,
              object: query.from,
              columns: query.fields,
              rows: records,
              createdDate: new Date(this.context.clock.now()).toISOString(),
              state: 'UploadComplete',
            };
            this.#jobs.set(id, job);
            return { status: 200, body: info(job) };
          }),
      },
      {
        name: 'bulk2.query.get',
        method: 'GET',
        path: `${base}/:id`,
        docs: DOCS,
        handler: (request) => {
          const job = this.#jobs.get(request.params.id ?? '');
          if (!job) return sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
          if (job.state === 'UploadComplete') job.state = 'JobComplete';
          return { status: 200, body: info(job) };
        },
      },
      {
        name: 'bulk2.query.abort',
        method: 'PATCH',
        path: `${base}/:id`,
        docs: 'https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_abort_job.htm',
        handler: (request) => {
          const job = this.#jobs.get(request.params.id ?? '');
          if (!job) return sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
          const body = (request.body ?? {}) as { state?: unknown };
          if (body.state !== 'Aborted')
            return sfError(400, 'INVALIDJOB', 'state must be Aborted to abort a query job');
          if (job.state === 'JobComplete')
            return sfError(400, 'INVALIDJOBSTATE', 'the job is already complete');
          job.state = 'Aborted';
          job.rows = [];
          return { status: 200, body: info(job) };
        },
      },
      {
        name: 'bulk2.query.delete',
        method: 'DELETE',
        path: `${base}/:id`,
        docs: DOCS,
        handler: (request) =>
          this.#jobs.delete(request.params.id ?? '')
            ? { status: 204 }
            : sfError(404, 'NOT_FOUND', 'The requested resource does not exist'),
      },
    ];
  }

  /** `GET …/jobs/query/<id>/results?locator=&maxRecords=`: answered as CSV by the front door. */
  results(id: string, query: URLSearchParams): RawResponse {
    const job = this.#jobs.get(id);
    const refuse = (status: number, errorCode: string, message: string): RawResponse => ({
      status,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ errorCode, message }]),
    });
    if (!job) return refuse(404, 'NOT_FOUND', 'The requested resource does not exist');
    if (job.state !== 'JobComplete')
      return refuse(400, 'INVALIDJOBSTATE', `the job is ${job.state}; results need JobComplete`);
    const start = Number(query.get('locator') ?? '0') || 0;
    const max = Math.max(1, Number(query.get('maxRecords') ?? '50000') || 50_000);
    const rows = job.rows.slice(start, start + max);
    const next = start + max < job.rows.length ? String(start + max) : 'null';
    const lines = [
      job.columns.map(cell).join(','),
      ...rows.map((row) => job.columns.map((c) => cell(pick(row, c))).join(',')),
    ];
    return {
      status: 200,
      headers: {
        'content-type': 'text/csv',
        'sforce-locator': next,
        'sforce-numberofrecords': String(rows.length),
      },
      body: `${lines.join('\n')}\n`,
    };
  }
}
