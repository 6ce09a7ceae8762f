import type { EmulatorRequest, EmulatorResponse, Route } from '../../plumbing/router.js';
import type { Owner, Pipeline } from '../catalog.js';
import { portalOf, type HubSpotContext } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { isResponse, parseAfter, parseLimit, typeParam } from './common.js';

const PIPELINE_DOCS = 'https://developers.hubspot.com/docs/api/crm/pipelines';
const OWNER_DOCS = 'https://developers.hubspot.com/docs/api/crm/owners';

function presentPipeline(pipeline: Pipeline): Record<string, unknown> {
  const at = new Date(pipeline.createdAt).toISOString();
  return {
    id: pipeline.id,
    label: pipeline.label,
    displayOrder: pipeline.displayOrder,
    createdAt: at,
    updatedAt: at,
    archived: false,
    stages: pipeline.stages.map((stage) => ({
      ...stage,
      createdAt: at,
      updatedAt: at,
      archived: false,
      writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
    })),
  };
}

function presentOwner(owner: Owner): Record<string, unknown> {
  const at = new Date(owner.createdAt).toISOString();
  return {
    id: owner.id,
    email: owner.email,
    type: 'PERSON',
    firstName: owner.firstName,
    lastName: owner.lastName,
    userId: owner.userId,
    userIdIncludingInactive: owner.userId,
    createdAt: at,
    updatedAt: at,
    archived: owner.archived,
    teams: owner.teams,
  };
}

export function pipelineAndOwnerRoutes(context: HubSpotContext): Route[] {
  const { catalog } = context;

  const pipelines = (request: EmulatorRequest): Pipeline[] | EmulatorResponse => {
    const type = typeParam(request);
    if (isResponse(type)) return type;
    if (type !== 'deals') return badRequest(`Pipelines are emulated for deals only, not ${type}`);
    return catalog.pipelines(portalOf(request), type);
  };

  const list = (request: EmulatorRequest): EmulatorResponse => {
    const all = pipelines(request);
    return isResponse(all) ? all : { status: 200, body: { results: all.map(presentPipeline) } };
  };

  const one = (request: EmulatorRequest): Pipeline | EmulatorResponse => {
    const all = pipelines(request);
    if (isResponse(all)) return all;
    return (
      all.find((pipeline) => pipeline.id === request.params.pipelineId) ??
      notFound(`Pipeline ${request.params.pipelineId ?? ''} not found`)
    );
  };

  const getPipeline = (request: EmulatorRequest): EmulatorResponse => {
    const pipeline = one(request);
    return isResponse(pipeline) ? pipeline : { status: 200, body: presentPipeline(pipeline) };
  };

  const stages = (request: EmulatorRequest): EmulatorResponse => {
    const pipeline = one(request);
    return isResponse(pipeline)
      ? pipeline
      : { status: 200, body: { results: presentPipeline(pipeline).stages } };
  };

  const owners = (request: EmulatorRequest): EmulatorResponse => {
    const limit = parseLimit(request.query.get('limit'), 100, 500);
    if (isResponse(limit)) return limit;
    const after = parseAfter(request.query.get('after'));
    if (isResponse(after)) return after;
    const archived = request.query.get('archived') === 'true';
    const email = request.query.get('email')?.toLowerCase();
    const all = catalog
      .owners(portalOf(request))
      .filter(
        (owner) => owner.archived === archived && (!email || owner.email.toLowerCase() === email),
      );
    const next =
      after + limit < all.length ? { paging: { next: { after: String(after + limit) } } } : {};
    return {
      status: 200,
      body: { results: all.slice(after, after + limit).map(presentOwner), ...next },
    };
  };

  const owner = (request: EmulatorRequest): EmulatorResponse => {
    const id = request.params.ownerId ?? '';
    const byUser = request.query.get('idProperty') === 'userId';
    const found = catalog
      .owners(portalOf(request))
      .find((candidate) => (byUser ? String(candidate.userId) : candidate.id) === id);
    return found ? { status: 200, body: presentOwner(found) } : notFound(`Owner ${id} not found`);
  };

  return [
    {
      name: 'crm.pipelines.list',
      method: 'GET',
      path: '/crm/v3/pipelines/:objectType',
      docs: PIPELINE_DOCS,
      handler: list,
    },
    {
      name: 'crm.pipelines.get',
      method: 'GET',
      path: '/crm/v3/pipelines/:objectType/:pipelineId',
      docs: PIPELINE_DOCS,
      handler: getPipeline,
    },
    {
      name: 'crm.pipelines.stages',
      method: 'GET',
      path: '/crm/v3/pipelines/:objectType/:pipelineId/stages',
      docs: PIPELINE_DOCS,
      handler: stages,
    },
    {
      name: 'crm.owners.list',
      method: 'GET',
      path: '/crm/v3/owners',
      docs: OWNER_DOCS,
      handler: owners,
    },
    {
      name: 'crm.owners.get',
      method: 'GET',
      path: '/crm/v3/owners/:ownerId',
      docs: OWNER_DOCS,
      handler: owner,
    },
  ];
}
