import type { EmulatorRequest, EmulatorResponse, Route } from '../../plumbing/router.js';
import { portalOf, type HubSpotContext } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { ASSOCIATION_TYPES, type ObjectType } from '../object-types.js';
import type { StoredObject } from '../store.js';
import {
  invalidProperties,
  isRecord,
  isResponse,
  listParam,
  parseAfter,
  parseLimit,
  typeParam,
} from './common.js';

// The same v3 object endpoints serve deals, companies, notes and tasks.
const DOCS = 'https://developers.hubspot.com/docs/api/crm/deals';
const BATCH_MAX = 100;

interface AssociationInput {
  target: StoredObject;
}

/** Inline associations on create: `[{ to: { id }, types: [{ associationCategory, associationTypeId }] }]`. */
function parseAssociations(
  context: HubSpotContext,
  portalId: string,
  from: ObjectType,
  raw: unknown,
): AssociationInput[] | EmulatorResponse {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return badRequest('associations must be an array');
  const result: AssociationInput[] = [];
  for (const entry of raw) {
    const toId = isRecord(entry) && isRecord(entry.to) ? String(entry.to.id ?? '') : '';
    const types = isRecord(entry) && Array.isArray(entry.types) ? entry.types : [];
    for (const type of types) {
      const typeId = isRecord(type) ? Number(type.associationTypeId) : NaN;
      const known = ASSOCIATION_TYPES.find(
        (candidate) => candidate.from === from && candidate.typeId === typeId,
      );
      if (!known) return badRequest(`association type ${typeId} is not valid from ${from}`);
      const target = context.store.get(portalId, known.to, toId);
      if (!target) return badRequest(`association target ${known.to} ${toId} does not exist`);
      result.push({ target });
    }
  }
  return result;
}

function batchInputs(body: unknown): Array<Record<string, unknown>> | EmulatorResponse {
  const inputs = isRecord(body) ? body.inputs : undefined;
  if (!Array.isArray(inputs) || !inputs.every(isRecord))
    return badRequest('inputs must be an array of objects');
  if (inputs.length > BATCH_MAX)
    return badRequest(`Batch size ${inputs.length} exceeds the limit of ${BATCH_MAX} inputs`);
  return inputs;
}

function notFoundErrors(type: ObjectType, ids: string[]): Record<string, unknown>[] {
  if (ids.length === 0) return [];
  return [
    {
      status: 'error',
      category: 'OBJECT_NOT_FOUND',
      message: `Could not get some ${type.toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
      context: { ids },
    },
  ];
}

function batchResponse(
  context: HubSpotContext,
  startedAt: number,
  results: unknown[],
  errors: unknown[],
): EmulatorResponse {
  const base = {
    status: 'COMPLETE',
    results,
    startedAt: new Date(startedAt).toISOString(),
    completedAt: new Date(context.clock.now()).toISOString(),
  };
  return errors.length > 0
    ? { status: 207, body: { ...base, numErrors: errors.length, errors } }
    : { status: 200, body: base };
}

export function objectRoutes(context: HubSpotContext): Route[] {
  const { store, crm, presenter } = context;

  const getOne = (request: EmulatorRequest): EmulatorResponse => {
    const type = typeParam(request);
    if (isResponse(type)) return type;
    const object = store.get(portalOf(request), type, request.params.objectId ?? '');
    if (!object) return notFound();
    const body = presenter.present(
      object,
      listParam(request.query, 'properties'),
      listParam(request.query, 'propertiesWithHistory'),
    );
    return { status: 200, body };
  };

  const list = (request: EmulatorRequest): EmulatorResponse => {
    const type = typeParam(request);
    if (isResponse(type)) return type;
    const limit = parseLimit(request.query.get('limit'), 10, 100);
    if (isResponse(limit)) return limit;
    const after = parseAfter(request.query.get('after'));
    if (isResponse(after)) return after;
    const all = store.list(portalOf(request), type);
    const page = all.slice(after, after + limit);
    const properties = listParam(request.query, 'properties');
    const next =
      after + limit < all.length ? { paging: { next: { after: String(after + limit) } } } : {};
    return {
      status: 200,
      body: { results: page.map((object) => presenter.present(object, properties)), ...next },
    };
  };

  const create = (request: EmulatorRequest): EmulatorResponse => {
    const type = typeParam(request);
    if (isResponse(type)) return type;
    const portalId = portalOf(request);
    const body = request.body;
    if (!isRecord(body) || !isRecord(body.properties))
      return badRequest('properties must be an object');
    const associations = parseAssociations(context, portalId, type, body.associations);
    if (isResponse(associations)) return associations;
    const result = crm.create(portalId, type, body.properties, { source: 'API' });
    if (!result.ok) return invalidProperties(result.errors);
    for (const { target } of associations) store.associate(portalId, result.object, target);
    return { status: 201, body: presenter.present(result.object) };
  };

  const update = (request: EmulatorRequest): EmulatorResponse => {
    const type = typeParam(request);
    if (isResponse(type)) return type;
    const object = store.get(portalOf(request), type, request.params.objectId ?? '');
    if (!object) return notFound();
    if (!isRecord(request.body) || !isRecord(request.body.properties))
      return badRequest('properties must be an object');
    const result = crm.update(object, request.body.properties, { source: 'API' });
    if (!result.ok) return invalidProperties(result.errors);
    return { status: 200, body: presenter.present(result.object) };
  };

  const batchRead = (request: EmulatorRequest): EmulatorResponse => {
    const type = typeParam(request);
    if (isResponse(type)) return type;
    const startedAt = context.clock.now();
    const inputs = batchInputs(request.body);
    if (isResponse(inputs)) return inputs;
    const body = request.body as Record<string, unknown>;
    const properties = Array.isArray(body.properties) ? body.properties.map(String) : undefined;
    const history = Array.isArray(body.propertiesWithHistory)
      ? body.propertiesWithHistory.map(String)
      : undefined;
    const found: unknown[] = [];
    const missing: string[] = [];
    for (const input of inputs) {
      const id = String(input.id ?? '');
      const object = store.get(portalOf(request), type, id);
      if (object) found.push(presenter.present(object, properties, history));
      else missing.push(id);
    }
    return batchResponse(context, startedAt, found, notFoundErrors(type, missing));
  };

  const batchUpdate = (request: EmulatorRequest): EmulatorResponse => {
    const type = typeParam(request);
    if (isResponse(type)) return type;
    const portalId = portalOf(request);
    const startedAt = context.clock.now();
    const inputs = batchInputs(request.body);
    if (isResponse(inputs)) return inputs;
    const missing: string[] = [];
    const writes: Array<{ object: StoredObject; properties: Record<string, unknown> }> = [];
    for (const input of inputs) {
      const object = store.get(portalId, type, String(input.id ?? ''));
      if (!isRecord(input.properties))
        return badRequest('every input needs an id and a properties object');
      if (!object) {
        missing.push(String(input.id ?? ''));
        continue;
      }
      // HubSpot refuses the whole batch when any value is invalid.
      const checked = crm.check(portalId, type, input.properties, object, false);
      if (!checked.ok) return invalidProperties(checked.errors);
      writes.push({ object, properties: input.properties });
    }
    const results = writes.map(({ object, properties }) => {
      const result = crm.update(object, properties, { source: 'API' });
      return result.ok ? presenter.present(result.object) : undefined;
    });
    return batchResponse(context, startedAt, results, notFoundErrors(type, missing));
  };

  const route = (
    name: string,
    method: Route['method'],
    path: string,
    handler: Route['handler'],
  ): Route => ({
    name,
    method,
    path,
    docs: DOCS,
    handler,
  });
  return [
    route('crm.objects.batchRead', 'POST', '/crm/v3/objects/:objectType/batch/read', batchRead),
    route(
      'crm.objects.batchUpdate',
      'POST',
      '/crm/v3/objects/:objectType/batch/update',
      batchUpdate,
    ),
    route('crm.objects.list', 'GET', '/crm/v3/objects/:objectType', list),
    route('crm.objects.create', 'POST', '/crm/v3/objects/:objectType', create),
    route('crm.objects.get', 'GET', '/crm/v3/objects/:objectType/:objectId', getOne),
    route('crm.objects.update', 'PATCH', '/crm/v3/objects/:objectType/:objectId', update),
  ];
}
