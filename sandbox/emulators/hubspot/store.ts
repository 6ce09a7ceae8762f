import type { Db } from '../plumbing/storage.js';
import { associationTypeId, type ObjectType } from './object-types.js';

export type PropertyValues = Record<string, string | null>;

export interface StoredObject {
  id: string;
  portalId: string;
  type: ObjectType;
  properties: PropertyValues;
  createdAt: number;
  updatedAt: number;
}

export interface HistoryEntry {
  value: string | null;
  timestamp: string;
  sourceType: string;
}

interface ObjectRow {
  id: number;
  portal_id: string;
  type: ObjectType;
  properties: string;
  created_at: number;
  updated_at: number;
}

function fromRow(row: ObjectRow): StoredObject {
  return {
    id: String(row.id),
    portalId: row.portal_id,
    type: row.type,
    properties: JSON.parse(row.properties) as PropertyValues,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Plain persistence of CRM records, their property history and associations; no HubSpot rules. */
export class ObjectStore {
  /**
   * Each portal's objects of one type, parsed once and kept in step with every insert and write:
   * a search reads them all, and a scanner's search pages over 100,000 deals would otherwise parse
   * every row again per page. Dropped whole when a transaction fails.
   */
  readonly #cache = new Map<string, { objects: StoredObject[]; at: Map<string, number> }>();

  constructor(private readonly db: Db) {}

  transaction<T>(work: () => T): T {
    try {
      return this.db.transaction(work)();
    } catch (error) {
      this.#cache.clear();
      throw error;
    }
  }

  insert(portalId: string, type: ObjectType, at: number): StoredObject {
    const result = this.db
      .prepare(
        'INSERT INTO objects (portal_id, type, properties, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(portalId, type, '{}', at, at);
    const created: StoredObject = {
      id: String(result.lastInsertRowid),
      portalId,
      type,
      properties: {},
      createdAt: at,
      updatedAt: at,
    };
    this.#cached(created);
    return created;
  }

  /** Puts the object's latest state in its portal's cached list, if that list is cached. */
  #cached(object: StoredObject): void {
    const cached = this.#cache.get(`${object.portalId}:${object.type}`);
    if (!cached) return;
    const index = cached.at.get(object.id);
    if (index !== undefined) cached.objects[index] = object;
    else {
      cached.at.set(object.id, cached.objects.length);
      cached.objects.push(object);
    }
  }

  get(portalId: string, type: ObjectType, id: string): StoredObject | undefined {
    if (!/^\d+$/.test(id)) return undefined;
    const row = this.db
      .prepare('SELECT * FROM objects WHERE id = ? AND portal_id = ? AND type = ?')
      .get(Number(id), portalId, type) as ObjectRow | undefined;
    return row && fromRow(row);
  }

  /** Every object of the type in the portal, by id; the list is shared: read it, never change it. */
  list(portalId: string, type: ObjectType): readonly StoredObject[] {
    const key = `${portalId}:${type}`;
    const cached = this.#cache.get(key);
    if (cached) return cached.objects;
    const rows = this.db
      .prepare('SELECT * FROM objects WHERE portal_id = ? AND type = ? ORDER BY id')
      .all(portalId, type) as ObjectRow[];
    const objects = rows.map(fromRow);
    this.#cache.set(key, { objects, at: new Map(objects.map((o, i) => [o.id, i])) });
    return objects;
  }

  /** Writes changed values and appends them to the history, newest last. */
  write(
    object: StoredObject,
    changes: PropertyValues,
    at: number,
    sourceType: string,
  ): StoredObject {
    const properties = { ...object.properties, ...changes };
    this.db
      .prepare('UPDATE objects SET properties = ?, updated_at = ? WHERE id = ?')
      .run(JSON.stringify(properties), at, Number(object.id));
    const append = this.db.prepare(
      'INSERT INTO property_history (object_id, name, value, at, source_type) VALUES (?, ?, ?, ?, ?)',
    );
    for (const [name, value] of Object.entries(changes))
      append.run(Number(object.id), name, value, at, sourceType);
    const written = { ...object, properties, updatedAt: at };
    this.#cached(written);
    return written;
  }

  /** HubSpot lists history newest first. */
  history(objectId: string, names: string[]): Record<string, HistoryEntry[]> {
    const select = this.db.prepare(
      'SELECT value, at, source_type FROM property_history WHERE object_id = ? AND name = ? ORDER BY seq DESC',
    );
    const result: Record<string, HistoryEntry[]> = {};
    for (const name of names) {
      const rows = select.all(Number(objectId), name) as Array<{
        value: string | null;
        at: number;
        source_type: string;
      }>;
      result[name] = rows.map((row) => ({
        value: row.value,
        timestamp: new Date(row.at).toISOString(),
        sourceType: row.source_type,
      }));
    }
    return result;
  }

  /** Associates both directions with HubSpot's default type ids. */
  associate(portalId: string, from: StoredObject, to: StoredObject): void {
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO associations (portal_id, from_type, from_id, to_type, to_id, type_id) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const forward = associationTypeId(from.type, to.type);
    const backward = associationTypeId(to.type, from.type);
    if (forward === undefined || backward === undefined) {
      throw new Error(`no association type between ${from.type} and ${to.type}`);
    }
    insert.run(portalId, from.type, Number(from.id), to.type, Number(to.id), forward);
    insert.run(portalId, to.type, Number(to.id), from.type, Number(from.id), backward);
  }

  associations(
    portalId: string,
    fromType: ObjectType,
    fromId: string,
    toType: ObjectType,
  ): Array<{ toId: string; typeId: number }> {
    const rows = this.db
      .prepare(
        'SELECT to_id, type_id FROM associations WHERE portal_id = ? AND from_type = ? AND from_id = ? AND to_type = ? ORDER BY to_id',
      )
      .all(portalId, fromType, Number(fromId), toType) as Array<{ to_id: number; type_id: number }>;
    return rows.map((row) => ({ toId: String(row.to_id), typeId: row.type_id }));
  }
}
