import type { EmulatorRequest, EmulatorResponse, Route } from '../../plumbing/router.js';
import { portalOf, type HubSpotContext } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { associationTypeId, type ObjectType } from '../object-types.js';
import { isRecord, isResponse, parseAfter, parseLimit, typeParam } from './common.js';

const DOCS = 'https://developers.hubspot.com/docs/api/crm/associations/v4';
const BATCH_MAX = 1000;

export function associationRoutes(context: HubSpotContext): Route[] {
  const { store } = context;

  const targets = (portalId: string, from: ObjectType, id: string, to: ObjectType) =>
    store.associations(portalId, from, id, to).map((association) => ({
      toObjectId: Number(association.toId),
      associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: association.typeId, label: null }],
    }));

  const page = (request: EmulatorRequest): EmulatorResponse => {
    const from = typeParam(request, 'objectType');
    if (isResponse(from)) return from;
    const to = typeParam(request, 'toObjectType');
    if (isResponse(to)) return to;
    const limit = parseLimit(request.query.get('limit'), 500, 500);
    if (isResponse(limit)) return limit;
    const after = parseAfter(request.query.get('after'));
    if (isResponse(after)) return after;
    const portalId = portalOf(request);
    const id = request.params.objectId ?? '';
    if (!store.get(portalId, from, id)) return notFound();
    const all = targets(portalId, from, id, to);
    const next =
      after + limit < all.length ? { paging: { next: { after: String(after + limit) } } } : {};
    return { status: 200, body: { results: all.slice(after, after + limit), ...next } };
  };

  const batchRead = (request: EmulatorRequest): EmulatorResponse => {
    const from = typeParam(request, 'fromObjectType');
    if (isResponse(from)) return from;
    const to = typeParam(request, 'toObjectType');
    if (isResponse(to)) return to;
    const inputs = isRecord(request.body) ? request.body.inputs : undefined;
    if (!Array.isArray(inputs) || !inputs.every(isRecord))
      return badRequest('inputs must be an array of { id }');
    if (inputs.length > BATCH_MAX)
      return badRequest(`Batch size ${inputs.length} exceeds the limit of ${BATCH_MAX} inputs`);
    const startedAt = new Date(context.clock.now()).toISOString();
    const portalId = portalOf(request);
    const results: unknown[] = [];
    const missing: string[] = [];
    for (const input of inputs) {
      const id = String(input.id ?? '');
      if (!store.get(portalId, from, id)) missing.push(id);
      else results.push({ from: { id }, to: targets(portalId, from, id, to) });
    }
    const base = {
      status: 'COMPLETE',
      results,
      startedAt,
      completedAt: new Date(context.clock.now()).toISOString(),
    };
    if (missing.length === 0) return { status: 200, body: base };
    const error = {
      status: 'error',
      category: 'OBJECT_NOT_FOUND',
      message: `No ${from} with these ids`,
      context: { ids: missing },
    };
    return { status: 207, body: { ...base, numErrors: 1, errors: [error] } };
  };

  const createDefault = (request: EmulatorRequest): EmulatorResponse => {
    const from = typeParam(request, 'fromObjectType');
    if (isResponse(from)) return from;
    const to = typeParam(request, 'toObjectType');
    if (isResponse(to)) return to;
    const typeId = associationTypeId(from, to);
    if (typeId === undefined) return badRequest(`${from} cannot be associated with ${to}`);
    const portalId = portalOf(request);
    const source = store.get(portalId, from, request.params.fromObjectId ?? '');
    const target = store.get(portalId, to, request.params.toObjectId ?? '');
    if (!source || !target) return notFound();
    store.associate(portalId, source, target);
    const at = new Date(context.clock.now()).toISOString();
    const spec = { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId };
    return {
      status: 200,
      body: {
        status: 'COMPLETE',
        results: [{ from: { id: source.id }, to: { id: target.id }, associationSpec: spec }],
        startedAt: at,
        completedAt: at,
      },
    };
  };

  return [
    {
      name: 'crm.associations.batchRead',
      method: 'POST',
      path: '/crm/v4/associations/:fromObjectType/:toObjectType/batch/read',
      docs: DOCS,
      handler: batchRead,
    },
    {
      name: 'crm.associations.list',
      method: 'GET',
      path: '/crm/v4/objects/:objectType/:objectId/associations/:toObjectType',
      docs: DOCS,
      handler: page,
    },
    {
      name: 'crm.associations.createDefault',
      method: 'PUT',
      path: '/crm/v4/objects/:fromObjectType/:fromObjectId/associations/default/:toObjectType/:toObjectId',
      docs: DOCS,
      handler: createDefault,
    },
  ];
}
