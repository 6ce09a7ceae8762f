import type { EmulatorRequest, EmulatorResponse } from '../../plumbing/router.js';
import type { Catalog } from '../catalog.js';
import type { PropertyError } from '../crm.js';
import { badRequest } from '../errors.js';
import { DEFAULT_PROPERTIES, objectType, type ObjectType } from '../object-types.js';
import type { ObjectStore, StoredObject } from '../store.js';

/** The SDK sends arrays as comma-separated values; raw callers may repeat the parameter. */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const values = query
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim());
  const named = values.filter((value) => value.length > 0);
  return named.length > 0 ? named : undefined;
}

export function typeParam(
  request: EmulatorRequest,
  name = 'objectType',
): ObjectType | EmulatorResponse {
  const raw = request.params[name];
  return objectType(raw) ?? badRequest(`Unable to infer object type from: ${raw ?? ''}`);
}

export function isResponse(value: unknown): value is EmulatorResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    'status' in value &&
    typeof value.status === 'number'
  );
}

export function invalidProperties(errors: PropertyError[]): EmulatorResponse {
  return badRequest(`Property values were not valid: ${JSON.stringify(errors)}`, {
    errors: errors.map((error) => ({
      message: error.message,
      code: error.error,
      context: { propertyName: [error.name] },
    })),
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseLimit(raw: unknown, fallback: number, max: number): number | EmulatorResponse {
  if (raw === undefined || raw === null || raw === '') return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    return badRequest(`limit must be an integer between 1 and ${max}, got ${String(raw)}`);
  }
  return limit;
}

export function parseAfter(raw: unknown): number | EmulatorResponse {
  if (raw === undefined || raw === null || raw === '') return 0;
  const after = Number(raw);
  return Number.isInteger(after) && after >= 0
    ? after
    : badRequest(`after must be a paging cursor, got ${String(raw)}`);
}

/** Shapes a record as HubSpot's SimplePublicObject: requested properties, null when unset. */
export class Presenter {
  constructor(
    private readonly store: ObjectStore,
    private readonly catalog: Catalog,
  ) {}

  present(
    object: StoredObject,
    properties?: string[],
    withHistory?: string[],
  ): Record<string, unknown> {
    const known = new Set(
      this.catalog.properties(object.portalId, object.type).map((definition) => definition.name),
    );
    const names = properties
      ? [
          ...new Set([
            ...properties.filter((name) => known.has(name)),
            'hs_object_id',
            'createdate',
            'hs_lastmodifieddate',
          ]),
        ]
      : DEFAULT_PROPERTIES[object.type];
    const body: Record<string, unknown> = {
      id: object.id,
      properties: Object.fromEntries(names.map((name) => [name, object.properties[name] ?? null])),
      createdAt: new Date(object.createdAt).toISOString(),
      updatedAt: new Date(object.updatedAt).toISOString(),
      archived: false,
    };
    const history = withHistory?.filter((name) => known.has(name));
    if (history && history.length > 0)
      body.propertiesWithHistory = this.store.history(object.id, history);
    return body;
  }
}
