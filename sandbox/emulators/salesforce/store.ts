// Records of every object in one SQLite table (JSON per record), with an in-memory index per object
// so queries over tens of thousands of records stay fast. Ids sort in creation order, as in an org.
import type { Clock } from '../plumbing/clock.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../plumbing/storage.js';
import { SalesforceFault } from './errors.js';
import type { ObjectDef, Schema } from './schema.js';
import { toStored, type Stored } from './values.js';

export type StoredRecord = Record<string, Stored>;

export const STORE_SCHEMA = `
CREATE TABLE IF NOT EXISTS records (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  data TEXT NOT NULL
);
`;

export interface WriteOptions {
  /** Seeding may set system fields (CreatedDate) that the API refuses. */
  system?: boolean;
}

export class RecordStore {
  readonly #byType = new Map<string, Map<string, StoredRecord>>();
  /** Unique fields' values → record id, so a duplicate is found without scanning the object. */
  readonly #unique = new Map<string, Map<Stored, string>>();
  #seq: number;
  readonly #sql: {
    insert: Statement<[number, string, string, string]>;
    update: Statement<[string, unknown]>;
    delete: Statement<[string]>;
  };

  constructor(
    db: Db,
    private readonly schema: Schema,
    private readonly clock: Clock,
  ) {
    const rows = db.prepare('SELECT id, type, data FROM records ORDER BY seq').all() as Array<{
      id: string;
      type: string;
      data: string;
    }>;
    for (const row of rows) {
      const record = JSON.parse(row.data) as StoredRecord;
      this.#table(row.type).set(row.id, record);
      this.#index(row.type, record);
    }
    const max = db.prepare('SELECT MAX(seq) AS seq FROM records').get() as { seq: number | null };
    this.#sql = {
      insert: db.prepare('INSERT INTO records (seq, id, type, data) VALUES (?, ?, ?, ?)'),
      update: db.prepare('UPDATE records SET data = ? WHERE id = ?'),
      delete: db.prepare('DELETE FROM records WHERE id = ?'),
    };
    this.#seq = max.seq ?? 0;
  }

  #table(type: string): Map<string, StoredRecord> {
    let table = this.#byType.get(type);
    if (!table) {
      table = new Map();
      this.#byType.set(type, table);
    }
    return table;
  }

  object(type: string): ObjectDef {
    const object = this.schema.get(type);
    if (!object)
      throw new SalesforceFault(
        404,
        'NOT_FOUND',
        `The requested resource does not exist: sObject type '${type}' is not supported.`,
      );
    return object;
  }

  all(type: string): Iterable<StoredRecord> {
    return this.#table(this.object(type).name).values();
  }

  get(type: string, id: string): StoredRecord | undefined {
    return this.#table(this.object(type).name).get(normaliseId(id));
  }

  /** Values as a write would store them (or the fault it would raise), without writing. */
  coerce(type: string, values: Record<string, unknown>, options: WriteOptions = {}): StoredRecord {
    return this.#coerce(this.object(type), values, options);
  }

  #coerce(object: ObjectDef, values: Record<string, unknown>, options: WriteOptions): StoredRecord {
    const out: StoredRecord = {};
    for (const [name, value] of Object.entries(values)) {
      if (name === 'attributes') continue;
      const field = this.schema.field(object, name);
      if (!field)
        throw new SalesforceFault(
          400,
          'INVALID_FIELD',
          `No such column '${name}' on sobject of type ${object.name}`,
          [name],
        );
      if (field.readOnly && !options.system)
        throw new SalesforceFault(
          400,
          'INVALID_FIELD_FOR_INSERT_UPDATE',
          `Unable to create/update fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
          [field.name],
        );
      const stored = toStored(field, value);
      if (field.kind === 'reference' && typeof stored === 'string') {
        const parent = field.referenceTo ? this.schema.get(field.referenceTo) : undefined;
        if (!parent || !this.#table(parent.name).has(normaliseId(stored)))
          throw new SalesforceFault(
            400,
            'INVALID_CROSS_REFERENCE_KEY',
            `invalid cross reference id`,
            [field.name],
          );
        out[field.name] = normaliseId(stored);
        continue;
      }
      out[field.name] = stored;
    }
    return out;
  }

  #uniqueIndex(type: string, field: string): Map<Stored, string> {
    const key = `${type}.${field}`;
    let index = this.#unique.get(key);
    if (!index) {
      index = new Map();
      this.#unique.set(key, index);
    }
    return index;
  }

  #index(type: string, record: StoredRecord, remove?: StoredRecord): void {
    const object = this.schema.get(type);
    for (const field of object?.fields.filter((f) => f.unique) ?? []) {
      const index = this.#uniqueIndex(type, field.name);
      const old = remove?.[field.name];
      if (old !== null && old !== undefined) index.delete(old);
      const value = record[field.name];
      if (value !== null && value !== undefined) index.set(value, record.Id as string);
    }
  }

  #checkUnique(object: ObjectDef, record: StoredRecord, selfId?: string): void {
    for (const field of object.fields.filter((f) => f.unique)) {
      const value = record[field.name];
      if (value === null || value === undefined) continue;
      const id = this.#uniqueIndex(object.name, field.name).get(value);
      if (id !== undefined && id !== selfId)
        throw new SalesforceFault(
          400,
          'DUPLICATE_VALUE',
          `duplicate value found: ${field.name} duplicates value on record with id: ${id}`,
          [field.name],
        );
    }
  }

  insert(type: string, values: Record<string, unknown>, options: WriteOptions = {}): StoredRecord {
    const object = this.object(type);
    if (object.createable === false && !options.system)
      throw new SalesforceFault(
        400,
        'INVALID_TYPE',
        `entity type ${object.name} does not support insert`,
      );
    const now = this.clock.now();
    const fields = this.#coerce(object, values, options);
    const seq = this.#seq + 1;
    const id = makeId(object.keyPrefix, seq);
    const created = typeof fields.CreatedDate === 'number' ? fields.CreatedDate : now;
    const record: StoredRecord = {
      ...fields,
      Id: id,
      CreatedDate: created,
      // Seeding may also say when the record was last changed.
      LastModifiedDate:
        typeof fields.LastModifiedDate === 'number' ? fields.LastModifiedDate : created,
      SystemModstamp:
        typeof fields.LastModifiedDate === 'number' ? fields.LastModifiedDate : created,
    };
    this.#checkUnique(object, record);
    this.#seq = seq;
    this.#sql.insert.run(seq, id, object.name, JSON.stringify(record));
    this.#table(object.name).set(id, record);
    this.#index(object.name, record);
    return record;
  }

  update(
    type: string,
    id: string,
    values: Record<string, unknown>,
    options: WriteOptions = {},
  ): { before: StoredRecord; after: StoredRecord } {
    const object = this.object(type);
    const before = this.#table(object.name).get(normaliseId(id));
    if (!before)
      throw new SalesforceFault(404, 'NOT_FOUND', 'The requested resource does not exist');
    const fields = this.#coerce(object, values, options);
    const now = this.clock.now();
    const after: StoredRecord = {
      ...before,
      ...fields,
      LastModifiedDate: now,
      SystemModstamp: now,
    };
    this.#checkUnique(object, after, before.Id as string);
    this.#save(object.name, after);
    this.#index(object.name, after, before);
    return { before, after };
  }

  delete(type: string, id: string): void {
    const object = this.object(type);
    const key = normaliseId(id);
    const record = this.#table(object.name).get(key);
    if (!record || !this.#table(object.name).delete(key))
      throw new SalesforceFault(404, 'NOT_FOUND', 'The requested resource does not exist');
    this.#index(object.name, {}, record);
    this.#sql.delete.run(key);
  }

  #save(type: string, record: StoredRecord): void {
    this.#sql.update.run(JSON.stringify(record), record.Id);
    this.#table(type).set(record.Id as string, record);
  }
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** 15 case-sensitive characters plus the 3-character suffix, as 18-character API ids have. */
function makeId(prefix: string, seq: number): string {
  let body = '';
  for (let n = seq; n > 0; n = Math.floor(n / 36)) body = (ALPHABET[n % 36] ?? '0') + body;
  return `${prefix}${'0'.repeat(12 - body.length)}${body}AAA`;
}

/** The API accepts 15- and 18-character ids. */
export function normaliseId(id: string): string {
  return id.length === 15 ? `${id}AAA` : id;
}
