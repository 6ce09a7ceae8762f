// The User Interface API subset Lightning Data Service uses for the Handoff panel: getRecord,
// createRecord, updateRecord (If-Unmodified-Since), getRelatedListRecords, getObjectInfo and
// getPicklistValues. Writes run the org's validation rules for the session's user.
import type { EmulatorRequest, EmulatorResponse, Route } from '../../plumbing/router.js';
import type { SalesforceContext } from '../context.js';
import { SalesforceFault } from '../errors.js';
import type { FieldDef, ObjectDef } from '../schema.js';
import { relationshipName } from '../soql-run.js';
import type { StoredRecord } from '../store.js';
import { unmodifiedSince } from './sobjects.js';
import {
  listParam,
  MASTER_RECORD_TYPE,
  requestedFields,
  uiError,
  uiFault,
  UiRecords,
} from '../ui-records.js';

const DOCS = 'https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi';
const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1999;

type Values = Record<string, unknown>;

/**
 * Runs a handler; faults become UI API errors — a refused save (given `object`, for writes) in the
 * Error with Output shape, anything else as the error array.
 */
function answer(run: () => EmulatorResponse, object?: () => ObjectDef | undefined) {
  try {
    return run();
  } catch (error) {
    if (error instanceof SalesforceFault) {
      if (!object) return uiError(error.status, error.errorCode, error.message);
      let def: ObjectDef | undefined;
      try {
        def = object?.();
      } catch {
        def = undefined;
      }
      return uiFault(error, def);
    }
    throw error;
  }
}

function fieldsOf(request: EmulatorRequest): Values {
  const body = request.body as { fields?: unknown } | undefined;
  const fields = body?.fields;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
    throw new SalesforceFault(400, 'INVALID_INPUT', 'The request body needs a fields object');
  return fields as Values;
}

const DATA_TYPES: Record<FieldDef['kind'], string> = {
  id: 'String',
  string: 'String',
  textarea: 'TextArea',
  double: 'Double',
  currency: 'Currency',
  boolean: 'Boolean',
  date: 'Date',
  datetime: 'DateTime',
  time: 'Time',
  picklist: 'Picklist',
  multipicklist: 'MultiPicklist',
  reference: 'Reference',
};

const labelOf = (name: string) =>
  name
    .replace(/__c$/, '')
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2');

export function uiApiRoutes(context: SalesforceContext): Route[] {
  const { schema, store, org, access } = context;
  const base = '/services/data/:version/ui-api';
  const records = new UiRecords(schema, store, access);

  /** A record the user may see; one they may not is answered as one that does not exist (access.ts). */
  const recordOf = (id: string, userId?: string): { object: ObjectDef; record: StoredRecord } => {
    const object = schema.byPrefix(id);
    const record = object ? store.get(object.name, id) : undefined;
    if (
      !object ||
      !record ||
      (access && userId && access.record(userId, object, record) === 'none')
    )
      throw new SalesforceFault(404, 'NOT_FOUND', 'The requested resource does not exist');
    return { object, record };
  };
  /** The object, unless the user may not read it (then it does not exist for them). */
  const objectFor = (name: string, userId?: string): ObjectDef => {
    const object = store.object(name);
    if (access && userId && !access.object(userId, object).read)
      throw new SalesforceFault(404, 'NOT_FOUND', `The requested resource does not exist: ${name}`);
    return object;
  };

  /** Object metadata as the user sees it: only the fields their field-level security lets them read. */
  const objectInfo = (object: ObjectDef, userId?: string) => ({
    apiName: object.name,
    label: object.label ?? labelOf(object.name),
    labelPlural: object.labelPlural ?? `${object.label ?? labelOf(object.name)}s`,
    keyPrefix: object.keyPrefix,
    custom: object.name.endsWith('__c'),
    createable: object.createable !== false,
    updateable: object.createable !== false,
    deletable: object.createable !== false,
    queryable: true,
    searchable: true,
    layoutable: true,
    feedEnabled: false,
    mruEnabled: true,
    childRelationships: schema.list().flatMap((child) =>
      child.fields
        .filter((f) => f.referenceTo === object.name && f.childRelationship)
        .map((f) => ({
          childObjectApiName: child.name,
          fieldName: f.name,
          junctionIdListNames: [],
          junctionReferenceTo: [],
          relationshipName: f.childRelationship,
        })),
    ),
    defaultRecordTypeId: MASTER_RECORD_TYPE,
    dependentFields: {},
    eTag: `${object.name}:${object.fields.length}`,
    fields: Object.fromEntries(
      object.fields
        .filter((f) => !access || !userId || access.readable(userId, object, f))
        .map((f) => [
          f.name,
          {
            apiName: f.name,
            calculated: f.summary !== undefined,
            compound: false,
            controllerName: null,
            createable: !f.readOnly && f.summary === undefined,
            custom: f.name.endsWith('__c'),
            dataType: DATA_TYPES[f.kind],
            filterable: true,
            label: f.label ?? labelOf(f.name),
            length: f.length ?? 0,
            nameField: f.name === 'Name',
            nillable: f.kind !== 'boolean' && f.name !== 'Id',
            reference: f.kind === 'reference',
            referenceToInfos: f.referenceTo
              ? [{ apiName: f.referenceTo, nameFields: ['Name'] }]
              : [],
            relationshipName: f.kind === 'reference' ? relationshipName(f) : null,
            required: false,
            sortable: true,
            unique: f.unique === true,
            updateable: !f.readOnly && f.summary === undefined,
          },
        ]),
    ),
    nameFields: object.fields.some((f) => f.name === 'Name') ? ['Name'] : [],
    recordTypeInfos: {
      [MASTER_RECORD_TYPE]: {
        available: true,
        defaultRecordTypeMapping: true,
        master: true,
        name: 'Master',
        recordTypeId: MASTER_RECORD_TYPE,
      },
    },
    themeInfo: null,
  });

  const picklistValues = (object: ObjectDef, field: FieldDef) => ({
    controllerValues: {},
    defaultValue: null,
    eTag: `${object.name}.${field.name}:${(field.picklistValues ?? []).length}`,
    url: `/services/data/v${context.apiVersion}/ui-api/object-info/${object.name}/picklist-values/${MASTER_RECORD_TYPE}/${field.name}`,
    values: (field.picklistValues ?? []).map((value) => ({
      attributes: null,
      label: value,
      validFor: [],
      value,
    })),
  });

  return [
    {
      name: 'uiapi.records.create',
      method: 'POST',
      path: `${base}/records`,
      docs: `${DOCS}/ui_api_resources_records_create.htm`,
      handler: (request) => {
        const apiName = (request.body as { apiName?: unknown } | undefined)?.apiName;
        return answer(
          () => {
            if (typeof apiName !== 'string')
              throw new SalesforceFault(400, 'INVALID_INPUT', 'The request body needs an apiName');
            const object = store.object(apiName);
            const created = org.insert(object.name, fieldsOf(request), undefined, request.portalId);
            return {
              status: 201,
              body: records.represent(object, created, undefined, request.portalId),
            };
          },
          () => (typeof apiName === 'string' ? schema.get(apiName) : undefined),
        );
      },
    },
    {
      name: 'uiapi.records.get',
      method: 'GET',
      path: `${base}/records/:recordId`,
      docs: `${DOCS}/ui_api_resources_record_get.htm`,
      handler: (request) =>
        answer(() => {
          const user = request.portalId;
          const { object, record } = recordOf(request.params.recordId ?? '', user);
          const fields = listParam(request.query, 'fields');
          const optional = listParam(request.query, 'optionalFields');
          const layouts = listParam(request.query, 'layoutTypes');
          if (fields.length === 0 && optional.length === 0 && layouts.length === 0)
            return uiError(
              400,
              'MISSING_ARGUMENT',
              'Specify fields, optionalFields or layoutTypes',
            );
          // Layouts are not emulated: a layout read gets every field of the object.
          if (layouts.length > 0 && fields.length === 0 && optional.length === 0)
            return { status: 200, body: records.represent(object, record, undefined, user) };
          const paths = requestedFields(schema, object, fields, optional, records.readable(user));
          return { status: 200, body: records.represent(object, record, paths, user) };
        }),
    },
    {
      // Each id answered as GET records/{id} would answer it; the batch itself is 200.
      name: 'uiapi.records.batch',
      method: 'GET',
      path: `${base}/records/batch/:recordIds`,
      docs: `${DOCS}/ui_api_resources_records_batch.htm`,
      handler: (request) => {
        const user = request.portalId;
        const fields = listParam(request.query, 'fields');
        const optional = listParam(request.query, 'optionalFields');
        if (fields.length === 0 && optional.length === 0)
          return uiError(400, 'MISSING_ARGUMENT', 'Specify fields or optionalFields');
        const results = (request.params.recordIds ?? '').split(',').map((id) => {
          const one = answer(() => {
            const { object, record } = recordOf(id.trim(), user);
            const paths = requestedFields(schema, object, fields, optional, records.readable(user));
            return { status: 200, body: records.represent(object, record, paths, user) };
          });
          return { statusCode: one.status, result: one.body };
        });
        return { status: 200, body: { results } };
      },
    },
    {
      name: 'uiapi.records.update',
      method: 'PATCH',
      path: `${base}/records/:recordId`,
      docs: `${DOCS}/ui_api_resources_records_update.htm`,
      handler: (request) => {
        const id = request.params.recordId ?? '';
        return answer(
          () => {
            const { object } = recordOf(id, request.portalId);
            const { Id, ...values } = fieldsOf(request);
            if (Id !== undefined && Id !== id && String(Id) !== id.slice(0, 15))
              throw new SalesforceFault(
                400,
                'INVALID_ID_FIELD',
                'The Id field does not match the record',
              );
            const updated = org.update(
              object.name,
              id,
              values,
              undefined,
              unmodifiedSince(request),
              request.portalId,
            );
            return {
              status: 200,
              body: records.represent(object, updated, undefined, request.portalId),
            };
          },
          () => schema.byPrefix(id),
        );
      },
    },
    {
      name: 'uiapi.records.delete',
      method: 'DELETE',
      path: `${base}/records/:recordId`,
      docs: `${DOCS}/ui_api_resources_records_delete.htm`,
      handler: (request) =>
        answer(() => {
          const { object } = recordOf(request.params.recordId ?? '', request.portalId);
          org.delete(object.name, request.params.recordId ?? '', request.portalId);
          return { status: 204 };
        }),
    },
    {
      name: 'uiapi.relatedListRecords',
      method: 'GET',
      path: `${base}/related-list-records/:parentRecordId/:relatedListId`,
      docs: `${DOCS}/ui_api_resources_related_list_records.htm`,
      handler: (request) =>
        answer(() => {
          const parentId = request.params.parentRecordId ?? '';
          const relatedListId = request.params.relatedListId ?? '';
          const user = request.portalId;
          const { object: parent, record } = recordOf(parentId, user);
          const relation = schema.childRelationship(parent, relatedListId);
          if (!relation)
            return uiError(
              404,
              'NOT_FOUND',
              `The related list ${relatedListId} does not exist on ${parent.name}`,
            );
          const { child, field } = relation;
          if (access && user && !access.object(user, child).read)
            return uiError(404, 'NOT_FOUND', `The related list ${relatedListId} does not exist`);
          const paths = requestedFields(
            schema,
            child,
            listParam(request.query, 'fields'),
            listParam(request.query, 'optionalFields'),
            records.readable(user),
          );
          const pageSize = Math.min(
            MAX_PAGE_SIZE,
            Math.max(1, Number(request.query.get('pageSize') ?? PAGE_SIZE) || PAGE_SIZE),
          );
          const offset = Math.max(0, Number(request.query.get('pageToken') ?? 0) || 0);
          const sortBy = listParam(request.query, 'sortBy');
          let rows = [...store.all(child.name)].filter(
            (r) =>
              r[field.name] === record.Id &&
              (!access || !user || access.record(user, child, r) !== 'none'),
          );
          rows = sortRows(rows, sortBy);
          const page = rows.slice(offset, offset + pageSize);
          const next = offset + pageSize < rows.length ? String(offset + pageSize) : null;
          const url = (token: string | null) =>
            token === null
              ? null
              : `/services/data/v${context.apiVersion}/ui-api/related-list-records/${parentId}/${relatedListId}?pageToken=${token}&pageSize=${pageSize}`;
          return {
            status: 200,
            body: {
              count: rows.length,
              currentPageToken: String(offset),
              currentPageUrl: url(String(offset)),
              fields: listParam(request.query, 'fields'),
              listInfoETag: `${child.name}:${relatedListId}`,
              listReference: {
                id: null,
                inContextOfRecordId: parentId,
                listViewApiName: null,
                objectApiName: child.name,
                parentObjectApiName: parent.name,
                recordTypeId: null,
                relatedListId,
                type: 'relatedList',
              },
              nextPageToken: next,
              nextPageUrl: url(next),
              optionalFields: listParam(request.query, 'optionalFields'),
              pageSize,
              parentRecordId: parentId,
              previousPageToken: offset > 0 ? String(Math.max(0, offset - pageSize)) : null,
              previousPageUrl: offset > 0 ? url(String(Math.max(0, offset - pageSize))) : null,
              records: page.map((row) => records.represent(child, row, paths, user)),
              sortBy,
            },
          };
        }),
    },
    {
      name: 'uiapi.picklistValues',
      method: 'GET',
      path: `${base}/object-info/:objectApiName/picklist-values/:recordTypeId/:fieldApiName`,
      docs: `${DOCS}/ui_api_resources_picklist_values.htm`,
      handler: (request) =>
        answer(() => {
          const object = store.object(request.params.objectApiName ?? '');
          const recordTypeId = request.params.recordTypeId ?? '';
          // Record types are not emulated: only the master record type exists.
          if (recordTypeId.slice(0, 15) !== MASTER_RECORD_TYPE.slice(0, 15))
            return uiError(404, 'NOT_FOUND', `No record type ${recordTypeId} on ${object.name}`);
          const field = schema.field(object, request.params.fieldApiName ?? '');
          if (!field)
            return uiError(
              404,
              'NOT_FOUND',
              `No field ${request.params.fieldApiName ?? ''} on ${object.name}`,
            );
          if (field.kind !== 'picklist')
            return uiError(400, 'INVALID_TYPE', `${object.name}.${field.name} is not a picklist`);
          return { status: 200, body: picklistValues(object, field) };
        }),
    },
    {
      name: 'uiapi.picklistValuesByRecordType',
      method: 'GET',
      path: `${base}/object-info/:objectApiName/picklist-values/:recordTypeId`,
      docs: `${DOCS}/ui_api_resources_picklist_values_collection.htm`,
      handler: (request) =>
        answer(() => {
          const object = store.object(request.params.objectApiName ?? '');
          const recordTypeId = request.params.recordTypeId ?? '';
          if (recordTypeId.slice(0, 15) !== MASTER_RECORD_TYPE.slice(0, 15))
            return uiError(404, 'NOT_FOUND', `No record type ${recordTypeId} on ${object.name}`);
          const picklists = object.fields.filter((f) => f.kind === 'picklist');
          return {
            status: 200,
            body: {
              eTag: `${object.name}:${picklists.length}`,
              picklistFieldValues: Object.fromEntries(
                picklists.map((f) => [f.name, picklistValues(object, f)]),
              ),
            },
          };
        }),
    },
    {
      name: 'uiapi.objectInfo.batch',
      method: 'GET',
      path: `${base}/object-info/batch/:objectApiNames`,
      docs: `${DOCS}/ui_api_resources_object_info_batch.htm`,
      handler: (request) => ({
        status: 200,
        body: {
          results: (request.params.objectApiNames ?? '').split(',').map((name) => {
            const found = schema.get(name.trim());
            const user = request.portalId;
            const object =
              found && (!access || !user || access.object(user, found).read) ? found : undefined;
            return object
              ? { statusCode: 200, result: objectInfo(object, user) }
              : {
                  statusCode: 404,
                  result: [{ errorCode: 'NOT_FOUND', message: `No object ${name.trim()}` }],
                };
          }),
        },
      }),
    },
    {
      name: 'uiapi.objectInfo',
      method: 'GET',
      path: `${base}/object-info/:objectApiName`,
      docs: `${DOCS}/ui_api_resources_object_info.htm`,
      handler: (request) =>
        answer(() => ({
          status: 200,
          body: objectInfo(
            objectFor(request.params.objectApiName ?? '', request.portalId),
            request.portalId,
          ),
        })),
    },
  ];
}

/** `sortBy=Name,-CreatedDate`: ascending unless prefixed with a minus. */
function sortRows(rows: StoredRecord[], sortBy: readonly string[]): StoredRecord[] {
  if (sortBy.length === 0) return rows;
  const keys = sortBy.map((s) =>
    s.startsWith('-') ? { field: s.slice(1), desc: true } : { field: s, desc: false },
  );
  return [...rows].sort((a, b) => {
    for (const key of keys) {
      const name = key.field.split('.').pop() ?? key.field;
      const [x, y] = [a[name] ?? null, b[name] ?? null];
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      const order = x < y ? -1 : 1;
      return key.desc ? -order : order;
    }
    return 0;
  });
}
