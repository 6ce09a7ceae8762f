import type { EmulatorRequest, EmulatorResponse, Route } from '../../plumbing/router.js';
import { portalOf, type HubSpotContext } from '../context.js';
import { badRequest, hubspotError, notFound } from '../errors.js';
import type { PropertyDefinition, PropertyType } from '../object-types.js';
import { isRecord, isResponse, typeParam } from './common.js';

const DOCS = 'https://developers.hubspot.com/docs/api/crm/properties';
const TYPES: PropertyType[] = ['string', 'number', 'datetime', 'date', 'enumeration', 'bool'];

function present(definition: PropertyDefinition, createdAt: string): Record<string, unknown> {
  const { hubspotDefined, readOnlyValue, ...shape } = definition;
  return {
    ...shape,
    hubspotDefined,
    externalOptions: false,
    hidden: false,
    formField: !hubspotDefined,
    modificationMetadata: {
      archivable: !hubspotDefined,
      readOnlyDefinition: hubspotDefined,
      readOnlyValue,
    },
    createdAt,
    updatedAt: createdAt,
    archived: false,
  };
}

function parseOptions(raw: unknown): PropertyDefinition['options'] | EmulatorResponse {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return badRequest('options must be an array');
  const options: PropertyDefinition['options'] = [];
  for (const [index, option] of raw.entries()) {
    if (!isRecord(option) || typeof option.label !== 'string' || typeof option.value !== 'string') {
      return badRequest('every option needs a label and a value');
    }
    options.push({
      label: option.label,
      value: option.value,
      displayOrder: Number(option.displayOrder ?? index),
      hidden: option.hidden === true,
    });
  }
  return options;
}

export function propertyRoutes(context: HubSpotContext): Route[] {
  const { catalog } = context;
  const now = () => new Date(context.clock.now()).toISOString();

  const list = (request: EmulatorRequest): EmulatorResponse => {
    const type = typeParam(request);
    if (isResponse(type)) return type;
    const at = now();
    return {
      status: 200,
      body: {
        results: catalog
          .properties(portalOf(request), type)
          .map((definition) => present(definition, at)),
      },
    };
  };

  const getOne = (request: EmulatorRequest): EmulatorResponse => {
    const type = typeParam(request);
    if (isResponse(type)) return type;
    const definition = catalog.property(portalOf(request), type, request.params.propertyName ?? '');
    return definition
      ? { status: 200, body: present(definition, now()) }
      : notFound(`Property ${request.params.propertyName ?? ''} does not exist`);
  };

  const create = (request: EmulatorRequest): EmulatorResponse => {
    const type = typeParam(request);
    if (isResponse(type)) return type;
    const portalId = portalOf(request);
    const body = request.body;
    if (!isRecord(body)) return badRequest('the property must be an object');
    const { name, label, groupName, fieldType } = body;
    if (typeof name !== 'string' || !/^[a-z][a-z0-9_]*$/.test(name))
      return badRequest('name must be lowercase letters, digits and underscores');
    if (typeof label !== 'string' || label.length === 0) return badRequest('label is required');
    if (typeof fieldType !== 'string' || fieldType.length === 0)
      return badRequest('fieldType is required');
    if (!TYPES.includes(body.type as PropertyType))
      return badRequest(`type must be one of ${TYPES.join(', ')}`);
    if (
      typeof groupName !== 'string' ||
      !catalog.groups(portalId, type).some((group) => group.name === groupName)
    ) {
      return badRequest(`Property group ${String(groupName)} does not exist`);
    }
    if (catalog.property(portalId, type, name)) {
      return hubspotError(409, 'OBJECT_ALREADY_EXISTS', `Property named '${name}' already exists.`);
    }
    const options = parseOptions(body.options);
    if (isResponse(options)) return options;
    const definition: PropertyDefinition = {
      name,
      label,
      type: body.type as PropertyType,
      fieldType,
      groupName,
      description: typeof body.description === 'string' ? body.description : '',
      options,
      displayOrder: Number(body.displayOrder ?? -1),
      calculated: false,
      readOnlyValue: false,
      hasUniqueValue: body.hasUniqueValue === true,
      hubspotDefined: false,
    };
    catalog.createProperty(portalId, type, definition, context.clock.now());
    return { status: 201, body: present(definition, now()) };
  };

  const groups = (request: EmulatorRequest): EmulatorResponse => {
    const type = typeParam(request);
    if (isResponse(type)) return type;
    const results = catalog
      .groups(portalOf(request), type)
      .map((group) => ({ ...group, archived: false }));
    return { status: 200, body: { results } };
  };

  const createGroup = (request: EmulatorRequest): EmulatorResponse => {
    const type = typeParam(request);
    if (isResponse(type)) return type;
    const body = request.body;
    if (
      !isRecord(body) ||
      typeof body.name !== 'string' ||
      !/^[a-z][a-z0-9_]*$/.test(body.name) ||
      typeof body.label !== 'string'
    ) {
      return badRequest('a property group needs a lowercase name and a label');
    }
    const group = {
      name: body.name,
      label: body.label,
      displayOrder: Number(body.displayOrder ?? -1),
    };
    if (!catalog.createGroup(portalOf(request), type, group)) {
      return hubspotError(
        409,
        'OBJECT_ALREADY_EXISTS',
        `Property group named '${group.name}' already exists.`,
      );
    }
    return { status: 201, body: { ...group, archived: false } };
  };

  return [
    {
      name: 'crm.properties.groups.list',
      method: 'GET',
      path: '/crm/v3/properties/:objectType/groups',
      docs: DOCS,
      handler: groups,
    },
    {
      name: 'crm.properties.groups.create',
      method: 'POST',
      path: '/crm/v3/properties/:objectType/groups',
      docs: DOCS,
      handler: createGroup,
    },
    {
      name: 'crm.properties.list',
      method: 'GET',
      path: '/crm/v3/properties/:objectType',
      docs: DOCS,
      handler: list,
    },
    {
      name: 'crm.properties.create',
      method: 'POST',
      path: '/crm/v3/properties/:objectType',
      docs: DOCS,
      handler: create,
    },
    {
      name: 'crm.properties.get',
      method: 'GET',
      path: '/crm/v3/properties/:objectType/:propertyName',
      docs: DOCS,
      handler: getOne,
    },
  ];
}
