// Runs a parsed SOQL query over the record store and shapes rows as the REST API answers them. For a
// session's user (when the org enforces access) the query sees what the user may: an object they
// cannot read does not exist, a field without field-level security is no column, records they
// cannot see are left out (children too) and a parent they cannot see reads as null (access.ts).
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_security.htm
import { notSupported, type Access } from './access.js';
import { SalesforceFault } from './errors.js';
import type { FieldDef, ObjectDef, Schema } from './schema.js';
import type { Condition, Literal, Query } from './soql-parse.js';
import { normaliseId, type RecordStore, type StoredRecord } from './store.js';
import { parseDateTime, toWire, type Stored } from './values.js';

export type WireRecord = Record<string, unknown>;

interface Resolved {
  /** The parent relationship walked first (Owner in Owner.Name), if any. */
  via?: { field: FieldDef; name: string; parent: ObjectDef };
  field: FieldDef;
}

export class SoqlRunner {
  constructor(
    private readonly schema: Schema,
    private readonly store: RecordStore,
    private readonly apiVersion: string,
    private readonly access?: Access,
  ) {}

  /** The user the running query answers for (queries run synchronously, one at a time). */
  #user: string | undefined;

  run(query: Query, userId?: string): { totalSize: number; records: WireRecord[] } {
    this.#user = this.access ? userId : undefined;
    try {
      return this.#run(query);
    } finally {
      this.#user = undefined;
    }
  }

  /** The record is visible to the running query's user. */
  #visible(object: ObjectDef, record: StoredRecord): boolean {
    const user = this.#user;
    return !this.access || !user || this.access.record(user, object, record) !== 'none';
  }

  #readable(object: ObjectDef, field: FieldDef): boolean {
    const user = this.#user;
    return !this.access || !user || this.access.readable(user, object, field);
  }

  #run(query: Query): { totalSize: number; records: WireRecord[] } {
    const object = this.#object(query.from);
    const where = query.where;
    let rows = [...this.store.all(object.name)].filter(
      (record) => this.#visible(object, record) && (!where || this.#test(object, record, where)),
    );
    if (query.count) return { totalSize: rows.length, records: [] };
    rows = this.#order(object, rows, query.orderBy);
    rows = rows.slice(
      query.offset ?? 0,
      query.limit === undefined ? undefined : (query.offset ?? 0) + query.limit,
    );
    const fields = query.fields.map((path) => ({ path, resolved: this.#resolve(object, path) }));
    const children = query.subqueries.map((sub) => this.#children(object, sub));
    const records = rows.map((record) => {
      const out: WireRecord = this.#attributes(object, record);
      for (const { resolved } of fields) this.#put(out, resolved, record);
      for (const child of children) out[child.name] = child.rowsOf(record.Id as string);
      return out;
    });
    return { totalSize: records.length, records };
  }

  #object(name: string): ObjectDef {
    const object = this.schema.get(name);
    const user = this.#user;
    if (object && this.access && user && !this.access.object(user, object).read)
      throw notSupported(object.name);
    if (!object)
      throw new SalesforceFault(
        400,
        'INVALID_TYPE',
        `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name.`,
      );
    return object;
  }

  #attributes(object: ObjectDef, record: StoredRecord): WireRecord {
    return {
      attributes: {
        type: object.name,
        url: `/services/data/v${this.apiVersion}/sobjects/${object.name}/${String(record.Id)}`,
      },
    };
  }

  #resolve(object: ObjectDef, path: string): Resolved {
    const parts = path.split('.');
    if (parts.length === 1) {
      const field = this.schema.field(object, path);
      if (!field || !this.#readable(object, field)) throw noColumn(path, object);
      return { field };
    }
    if (parts.length !== 2)
      throw new SalesforceFault(
        400,
        'MALFORMED_QUERY',
        `only one parent level is emulated: ${path}`,
      );
    const [relationship = '', name = ''] = parts;
    const via = object.fields.find(
      (f) =>
        f.kind === 'reference' && relationshipName(f).toLowerCase() === relationship.toLowerCase(),
    );
    const parent = via?.referenceTo ? this.schema.get(via.referenceTo) : undefined;
    if (!via || !parent) throw noColumn(path, object);
    const field = this.schema.field(parent, name);
    if (!field || !this.#readable(object, via) || !this.#readable(parent, field))
      throw noColumn(path, object);
    return { via: { field: via, name: relationshipName(via), parent }, field };
  }

  #value(resolved: Resolved, record: StoredRecord): Stored {
    if (!resolved.via) return record[resolved.field.name] ?? null;
    const parent = this.#parent(resolved, record);
    return parent?.[resolved.field.name] ?? null;
  }

  #put(out: WireRecord, resolved: Resolved, record: StoredRecord): void {
    if (!resolved.via) {
      out[resolved.field.name] = toWire(resolved.field, record[resolved.field.name]);
      return;
    }
    const parent = this.#parent(resolved, record);
    if (!parent) {
      out[resolved.via.name] = null;
      return;
    }
    const existing = out[resolved.via.name] as WireRecord | null | undefined;
    const target = existing ?? this.#attributes(resolved.via.parent, parent);
    target[resolved.field.name] = toWire(resolved.field, parent[resolved.field.name]);
    out[resolved.via.name] = target;
  }

  /** The parent a relationship path walks to, when it exists and the user may see it. */
  #parent(resolved: Resolved, record: StoredRecord): StoredRecord | undefined {
    if (!resolved.via) return undefined;
    const parentId = record[resolved.via.field.name];
    const parent =
      typeof parentId === 'string' ? this.store.get(resolved.via.parent.name, parentId) : undefined;
    return parent && this.#visible(resolved.via.parent, parent) ? parent : undefined;
  }

  #children(parent: ObjectDef, sub: Query) {
    const relation = this.schema.childRelationship(parent, sub.from);
    const user = this.#user;
    if (relation && this.access && user && !this.access.object(user, relation.child).read)
      throw new SalesforceFault(
        400,
        'INVALID_TYPE',
        `Didn't understand relationship '${sub.from}' in FROM part of query call.`,
      );
    if (!relation)
      throw new SalesforceFault(
        400,
        'INVALID_TYPE',
        `Didn't understand relationship '${sub.from}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name.`,
      );
    const { child, field } = relation;
    const byParent = new Map<string, StoredRecord[]>();
    for (const record of this.store.all(child.name)) {
      const parentId = record[field.name];
      if (typeof parentId !== 'string') continue;
      if (!this.#visible(child, record)) continue;
      if (sub.where && !this.#test(child, record, sub.where)) continue;
      const list = byParent.get(parentId) ?? [];
      list.push(record);
      byParent.set(parentId, list);
    }
    const fields = sub.fields.map((path) => ({ path, resolved: this.#resolve(child, path) }));
    return {
      name: sub.from,
      // An empty child relationship is null in the REST API, not an empty list.
      rowsOf: (parentId: string) => {
        let rows = byParent.get(parentId);
        if (!rows || rows.length === 0) return null;
        rows = this.#order(child, rows, sub.orderBy).slice(0, sub.limit);
        const records = rows.map((record) => {
          const out = this.#attributes(child, record);
          for (const { resolved } of fields) this.#put(out, resolved, record);
          return out;
        });
        return { totalSize: records.length, done: true, records };
      },
    };
  }

  #order(object: ObjectDef, rows: StoredRecord[], orderBy: Query['orderBy']): StoredRecord[] {
    if (orderBy.length === 0) return rows;
    const keys = orderBy.map((o) => ({ ...o, resolved: this.#resolve(object, o.field) }));
    return [...rows].sort((a, b) => {
      for (const key of keys) {
        const [x, y] = [this.#value(key.resolved, a), this.#value(key.resolved, b)];
        if (x === y) continue;
        if (x === null) return key.nullsLast ? 1 : -1;
        if (y === null) return key.nullsLast ? -1 : 1;
        const order = x < y ? -1 : 1;
        return key.descending ? -order : order;
      }
      return 0;
    });
  }

  #test(object: ObjectDef, record: StoredRecord, condition: Condition): boolean {
    switch (condition.kind) {
      case 'and':
        return condition.parts.every((part) => this.#test(object, record, part));
      case 'or':
        return condition.parts.some((part) => this.#test(object, record, part));
      case 'not':
        return !this.#test(object, record, condition.part);
      case 'in': {
        const resolved = this.#resolve(object, condition.field);
        const value = this.#value(resolved, record);
        const hit = condition.values.some(
          (literal) => compare(resolved.field, value, literal) === 0,
        );
        return condition.negated ? !hit : hit;
      }
      case 'compare': {
        const resolved = this.#resolve(object, condition.field);
        const value = this.#value(resolved, record);
        if (condition.op === 'LIKE') return like(value, condition.value);
        const order = compare(resolved.field, value, condition.value);
        if (order === undefined) return condition.op === '!=';
        switch (condition.op) {
          case '=':
            return order === 0;
          case '!=':
            return order !== 0;
          case '<':
            return order < 0;
          case '<=':
            return order <= 0;
          case '>':
            return order > 0;
          default:
            return order >= 0;
        }
      }
    }
  }
}

function noColumn(path: string, object: ObjectDef): SalesforceFault {
  return new SalesforceFault(
    400,
    'INVALID_FIELD',
    `No such column '${path}' on entity '${object.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`,
  );
}

/** OwnerId → Owner, Handoff__c → Handoff__r. */
export function relationshipName(field: FieldDef): string {
  if (field.name.endsWith('__c')) return field.name.replace(/__c$/, '__r');
  return field.name.replace(/Id$/, '');
}

/** <0, 0, >0, or undefined when either side is null (SQL-like: null equals only null). */
function compare(field: FieldDef, value: Stored, literal: Literal): number | undefined {
  if (literal.kind === 'null') return value === null ? 0 : undefined;
  if (value === null) return undefined;
  let right: Stored;
  switch (literal.kind) {
    case 'datetime':
    case 'date':
      right =
        field.kind === 'datetime'
          ? (parseDateTime(
              literal.value.length === 10 ? `${literal.value}T00:00:00Z` : literal.value,
            ) ?? NaN)
          : literal.value;
      break;
    default:
      right = literal.value;
  }
  let left: Stored = value;
  if (field.kind === 'id' || field.kind === 'reference') {
    left = normaliseId(String(left));
    right = normaliseId(String(right));
  } else if (typeof left === 'string' && typeof right === 'string') {
    // SOQL compares text case-insensitively.
    left = left.toLowerCase();
    right = right.toLowerCase();
  }
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

function like(value: Stored, literal: Literal): boolean {
  if (typeof value !== 'string' || literal.kind !== 'string') return false;
  const pattern = literal.value
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/_/g, '.');
  return new RegExp(`^${pattern}$`, 'i').test(value);
}
