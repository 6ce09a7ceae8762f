import type { Clock } from '../plumbing/clock.js';
import type { Access } from './access.js';
import type { Cursors } from './cursors.js';
import type { Org } from './org.js';
import type { Schema } from './schema.js';
import type { SoqlRunner } from './soql-run.js';
import type { RecordStore } from './store.js';

export interface SalesforceContext {
  clock: Clock;
  apiVersion: string;
  schema: Schema;
  store: RecordStore;
  org: Org;
  soql: SoqlRunner;
  cursors: Cursors;
  limits: { used: number; max: number };
  /** Object permissions, field-level security and sharing, when the org enforces them. */
  access?: Access;
}
