// Which OAuth scopes each emulated route needs, with the HubSpot page that names them: ONE table,
// read by the emulator's `before` hook, so a call the token's scopes do not cover gets HubSpot's 403
// MISSING_SCOPES — and an app that forgets to declare a scope fails a test, not a customer's install.
import { randomUUID } from 'node:crypto';
import type { EmulatorResponse } from '../plumbing/router.js';
import { objectType, type ObjectType } from './object-types.js';

const GUIDES = 'https://developers.hubspot.com/docs/api-reference/latest/crm';

export interface ScopeRule {
  /** The emulator route's name (see `routes`). */
  route: string;
  /** For routes whose path names an object type: the type this row is for. */
  objectType?: ObjectType;
  /** HubSpot lists an endpoint's scopes as "This API requires one of the following scopes". */
  anyOf: readonly string[];
  /** The HubSpot page whose "Scope requirements" name these scopes. */
  docs: string;
}

/** Each object type's record scopes and schema (properties) scopes, from its API guide. */
const OBJECTS: Record<
  ObjectType,
  { read: string; write: string; schemaRead: string; schemaWrite: string; docs: string }
> = {
  contacts: {
    read: 'crm.objects.contacts.read',
    write: 'crm.objects.contacts.write',
    schemaRead: 'crm.schemas.contacts.read',
    schemaWrite: 'crm.schemas.contacts.write',
    docs: `${GUIDES}/objects/contacts/guide`,
  },
  deals: {
    read: 'crm.objects.deals.read',
    write: 'crm.objects.deals.write',
    schemaRead: 'crm.schemas.deals.read',
    schemaWrite: 'crm.schemas.deals.write',
    docs: `${GUIDES}/objects/deals/guide`,
  },
  companies: {
    read: 'crm.objects.companies.read',
    write: 'crm.objects.companies.write',
    schemaRead: 'crm.schemas.companies.read',
    schemaWrite: 'crm.schemas.companies.write',
    docs: `${GUIDES}/objects/companies/guide`,
  },
  // Notes and tasks have no scopes of their own: their guides name the contacts scopes. Their
  // properties likewise (our reading: HubSpot has no crm.schemas.notes/tasks scope; the properties
  // guide lists every object scope as "one of", and we take the object's own pair).
  notes: {
    read: 'crm.objects.contacts.read',
    write: 'crm.objects.contacts.write',
    schemaRead: 'crm.objects.contacts.read',
    schemaWrite: 'crm.objects.contacts.write',
    docs: `${GUIDES}/activities/notes/guide`,
  },
  tasks: {
    read: 'crm.objects.contacts.read',
    write: 'crm.objects.contacts.write',
    schemaRead: 'crm.objects.contacts.read',
    schemaWrite: 'crm.objects.contacts.write',
    docs: `${GUIDES}/activities/tasks/guide`,
  },
};

type Access = 'read' | 'write' | 'schemaRead' | 'schemaWrite';

const PROPERTIES = `${GUIDES}/properties/guide`;
const PIPELINES = `${GUIDES}/pipelines/guide`;
const ASSOCIATIONS = `${GUIDES}/associations/associate-records/guide`;

/** Routes whose path names an object type: which path parameter, and which of its scopes. */
const OBJECT_ROUTES: Record<string, { param: string; access: Access; docs?: string }> = {
  'crm.objects.get': { param: 'objectType', access: 'read' },
  'crm.objects.list': { param: 'objectType', access: 'read' },
  'crm.objects.batchRead': { param: 'objectType', access: 'read' },
  'crm.objects.create': { param: 'objectType', access: 'write' },
  'crm.objects.update': { param: 'objectType', access: 'write' },
  'crm.objects.batchUpdate': { param: 'objectType', access: 'write' },
  'crm.objects.search': {
    param: 'objectType',
    access: 'read',
    docs: 'https://developers.hubspot.com/docs/api-reference/latest/crm/search/guide',
  },
  'crm.properties.list': { param: 'objectType', access: 'schemaRead', docs: PROPERTIES },
  'crm.properties.get': { param: 'objectType', access: 'schemaRead', docs: PROPERTIES },
  'crm.properties.groups.list': { param: 'objectType', access: 'schemaRead', docs: PROPERTIES },
  'crm.properties.create': { param: 'objectType', access: 'schemaWrite', docs: PROPERTIES },
  'crm.properties.groups.create': {
    param: 'objectType',
    access: 'schemaWrite',
    docs: PROPERTIES,
  },
  'crm.pipelines.list': { param: 'objectType', access: 'read', docs: PIPELINES },
  'crm.pipelines.get': { param: 'objectType', access: 'read', docs: PIPELINES },
  'crm.pipelines.stages': { param: 'objectType', access: 'read', docs: PIPELINES },
  // Associations are read and written as part of the record they start from.
  'crm.associations.list': { param: 'objectType', access: 'read', docs: ASSOCIATIONS },
  'crm.associations.batchRead': { param: 'fromObjectType', access: 'read', docs: ASSOCIATIONS },
  'crm.associations.createDefault': {
    param: 'fromObjectType',
    access: 'write',
    docs: ASSOCIATIONS,
  },
};

/** The table: one row per route (and object type), with the scopes and the page that names them. */
export const SCOPE_TABLE: readonly ScopeRule[] = [
  ...Object.entries(OBJECT_ROUTES).flatMap(([route, spec]) =>
    (Object.keys(OBJECTS) as ObjectType[]).map((type) => ({
      route,
      objectType: type,
      anyOf: [OBJECTS[type][spec.access]],
      docs: spec.docs ?? OBJECTS[type].docs,
    })),
  ),
  { route: 'crm.owners.list', anyOf: ['crm.objects.owners.read'], docs: `${GUIDES}/owners/guide` },
  { route: 'crm.owners.get', anyOf: ['crm.objects.owners.read'], docs: `${GUIDES}/owners/guide` },
  {
    route: 'appinstalls.uninstall',
    anyOf: ['oauth'],
    docs: 'https://developers.hubspot.com/docs/api-reference/latest/app-management/app-uninstalls/guide',
  },
  {
    route: 'appinstalls.v3.uninstall',
    anyOf: ['oauth'],
    docs: 'https://developers.hubspot.com/docs/api-reference/legacy/app-management/app-uninstalls/uninstall-app',
  },
];

/** Every scope the table names: what a token gets when a test does not say (a "grant all"). */
export const ALL_SCOPES: readonly string[] = [
  ...new Set(SCOPE_TABLE.flatMap((rule) => rule.anyOf)),
].sort();

/**
 * The row for this call, or undefined when the route needs no scope (OAuth itself) or names an
 * object type the emulator does not know (its handler answers that).
 */
export function scopeRule(route: string, params: Record<string, string>): ScopeRule | undefined {
  const spec = OBJECT_ROUTES[route];
  if (!spec) return SCOPE_TABLE.find((rule) => rule.route === route);
  const type = objectType(params[spec.param]);
  return type
    ? SCOPE_TABLE.find((rule) => rule.route === route && rule.objectType === type)
    : undefined;
}

/**
 * HubSpot's answer to a token without the scope. The body as HubSpot sends it, seen in
 * https://github.com/HubSpot/hubspot-api-nodejs/issues/268 and
 * https://github.com/PostHog/posthog/issues/53339; scopes explained at
 * https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/scopes
 */
export function missingScopes(anyOf: readonly string[]): EmulatorResponse {
  return {
    status: 403,
    body: {
      status: 'error',
      message:
        "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
      correlationId: randomUUID(),
      errors: [
        {
          message: 'One or more of the following scopes are required.',
          context: { requiredGranularScopes: [...anyOf] },
        },
      ],
      links: { scopes: 'https://developers.hubspot.com/scopes' },
      category: 'MISSING_SCOPES',
    },
  };
}
