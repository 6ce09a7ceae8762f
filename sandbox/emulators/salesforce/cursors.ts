// Query locators: a query answers its first batch and keeps the rest for `query/<locator>`
// (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_query.htm).
// Batches are 2,000 records unless `Sforce-Query-Options: batchSize=n` (200–2,000) asks otherwise;
// a locator is forgotten 15 minutes after its last use, on the emulator clock.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../plumbing/clock.js';
import { SalesforceFault } from './errors.js';
import type { WireRecord } from './soql-run.js';

const IDLE_MS = 15 * 60_000;

interface Cursor {
  records: WireRecord[];
  batchSize: number;
  lastUsed: number;
}

export class Cursors {
  readonly #cursors = new Map<string, Cursor>();

  constructor(
    private readonly clock: Clock,
    private readonly apiVersion: string,
  ) {}

  first(records: WireRecord[], batchSize: number): Record<string, unknown> {
    const id = `01g${randomBytes(8).toString('hex').slice(0, 15)}`;
    this.#cursors.set(id, { records, batchSize, lastUsed: this.clock.now() });
    return this.#page(id, 0);
  }

  more(locator: string): Record<string, unknown> {
    const [id = '', offset = ''] = locator.split('-');
    const cursor = this.#cursors.get(id);
    if (!cursor || cursor.lastUsed + IDLE_MS <= this.clock.now() || !/^\d+$/.test(offset))
      throw new SalesforceFault(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    cursor.lastUsed = this.clock.now();
    return this.#page(id, Number(offset));
  }

  #page(id: string, offset: number): Record<string, unknown> {
    const cursor = this.#cursors.get(id);
    if (!cursor) throw new SalesforceFault(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    const end = offset + cursor.batchSize;
    const done = end >= cursor.records.length;
    if (done) this.#cursors.delete(id);
    return {
      totalSize: cursor.records.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/v${this.apiVersion}/query/${id}-${end}` }),
      records: cursor.records.slice(offset, end),
    };
  }
}

export function batchSizeOf(header: string | string[] | undefined): number {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const match = /batchSize=(\d+)/i.exec(text);
  const size = match ? Number(match[1]) : 2000;
  return Math.min(2000, Math.max(200, size));
}
