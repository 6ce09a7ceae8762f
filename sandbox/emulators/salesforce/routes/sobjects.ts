import type { EmulatorRequest, Route } from '../../plumbing/router.js';
import type { SalesforceContext } from '../context.js';
import { respond, SalesforceFault, sfError, type SalesforceError } from '../errors.js';
import { relationshipName } from '../soql-run.js';
import { ValidationFault } from '../validation.js';
import type { FieldDef } from '../schema.js';
import { toWire } from '../values.js';

const SOBJECT_DOCS =
  'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_retrieve.htm';
const COLLECTIONS_DOCS =
  'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections.htm';
const COLLECTION_MAX = 200;

type Values = Record<string, unknown>;
// Collections name the error `statusCode`, not `errorCode` as single-record errors do (see the docs' examples).
interface CollectionError {
  statusCode: string;
  message: string;
  fields: string[];
}
interface Result {
  id?: string;
  success: boolean;
  errors: CollectionError[];
}

const collectionError = (error: SalesforceError): CollectionError => ({
  statusCode: error.errorCode,
  message: error.message,
  fields: error.fields ?? [],
});

function body(request: EmulatorRequest): Values {
  const value = request.body;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new SalesforceFault(400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object');
  return value as Values;
}

/** The instant of an `If-Unmodified-Since` header, for the REST and UI API writes alike. */
export function unmodifiedSince(request: EmulatorRequest): number | undefined {
  const header = request.headers['if-unmodified-since'];
  if (typeof header !== 'string') return undefined;
  const ms = Date.parse(header);
  return Number.isNaN(ms) ? undefined : ms;
}

export function sobjectRoutes(context: SalesforceContext): Route[] {
  const { org, store, schema, access } = context;
  const base = '/services/data/:version';

  /** Runs every record; with allOrNone, one failure undoes the others and marks them rolled back. */
  function collection(
    records: unknown,
    allOrNone: boolean,
    write: (record: Values, undo: (() => void)[]) => string,
  ) {
    if (!Array.isArray(records))
      throw new SalesforceFault(400, 'JSON_PARSER_ERROR', 'records must be an array');
    // The documented limit; the exact error code of a larger request is uncertain.
    if (records.length > COLLECTION_MAX)
      throw new SalesforceFault(
        400,
        'EXCEEDED_ID_LIMIT',
        `Number of records exceeds the limit of ${COLLECTION_MAX}`,
      );
    const undo: (() => void)[] = [];
    const results: Result[] = records.map((record) => {
      try {
        return { id: write(record as Values, undo), success: true, errors: [] };
      } catch (error) {
        if (!(error instanceof SalesforceFault)) throw error;
        const errors = error instanceof ValidationFault ? error.errors : [error.toError()];
        return { success: false, errors: errors.map(collectionError) };
      }
    });
    if (allOrNone && results.some((r) => !r.success)) {
      for (const step of undo.reverse()) step();
      return results.map((r) =>
        r.success
          ? {
              success: false,
              errors: [
                {
                  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
                  fields: [],
                  message:
                    'Record rolled back because not all records were valid and the request was using AllOrNone header',
                },
              ],
            }
          : r,
      );
    }
    return results;
  }

  const typeOf = (record: Values): string => {
    const attributes = record.attributes as { type?: unknown } | undefined;
    if (typeof attributes?.type !== 'string')
      throw new SalesforceFault(
        400,
        'INVALID_TYPE',
        'Each record must name its type in attributes.type',
      );
    return attributes.type;
  };

  return [
    {
      name: 'data.composite.sobjects.create',
      method: 'POST',
      path: `${base}/composite/sobjects`,
      docs: COLLECTIONS_DOCS,
      handler: (request) =>
        respond(() => {
          const input = body(request);
          const results = collection(input.records, input.allOrNone === true, (record, undo) => {
            if ('Id' in record || 'id' in record)
              throw new SalesforceFault(
                400,
                'INVALID_FIELD',
                'cannot specify Id in an insert call',
              );
            return org.insert(typeOf(record), record, undo, request.portalId).Id as string;
          });
          return { status: 200, body: results };
        }),
    },
    {
      name: 'data.composite.sobjects.update',
      method: 'PATCH',
      path: `${base}/composite/sobjects`,
      docs: COLLECTIONS_DOCS,
      handler: (request) =>
        respond(() => {
          const input = body(request);
          const results = collection(input.records, input.allOrNone === true, (record, undo) => {
            const { id, Id, ...values } = record;
            const recordId = (Id ?? id) as unknown;
            if (typeof recordId !== 'string')
              throw new SalesforceFault(
                400,
                'MISSING_ARGUMENT',
                'Id not specified in an update call',
              );
            org.update(typeOf(record), recordId, values, undo, undefined, request.portalId);
            return recordId;
          });
          return { status: 200, body: results };
        }),
    },
    {
      name: 'data.sobject.describe',
      method: 'GET',
      path: `${base}/sobjects/:type/describe`,
      docs: 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm',
      handler: (request) =>
        respond(() => {
          const object = store.object(request.params.type ?? '');
          const user = request.portalId;
          if (access && user && !access.object(user, object).read)
            return sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
          const childRelationships = schema.list().flatMap((child) =>
            child.fields
              .filter((f) => f.referenceTo === object.name && f.childRelationship)
              .map((f) => ({
                childSObject: child.name,
                field: f.name,
                relationshipName: f.childRelationship,
              })),
          );
          return {
            status: 200,
            body: {
              name: object.name,
              keyPrefix: object.keyPrefix,
              custom: object.name.endsWith('__c'),
              createable: object.createable !== false,
              fields: object.fields
                .filter((f) => !access || !user || access.readable(user, object, f))
                .map((f) => ({
                  name: f.name,
                  type: f.kind,
                  length: f.length ?? 0,
                  unique: f.unique === true,
                  createable: !f.readOnly,
                  updateable: !f.readOnly,
                  nillable: f.kind !== 'boolean' && f.name !== 'Id',
                  referenceTo: f.referenceTo ? [f.referenceTo] : [],
                  relationshipName: f.kind === 'reference' ? relationshipName(f) : null,
                  picklistValues: (f.picklistValues ?? []).map((value) => ({
                    value,
                    label: value,
                    active: true,
                  })),
                })),
              childRelationships,
            },
          };
        }),
    },
    {
      name: 'data.sobject.create',
      method: 'POST',
      path: `${base}/sobjects/:type`,
      docs: 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_sobject_create.htm',
      handler: (request) =>
        respond(() => {
          const record = org.insert(
            request.params.type ?? '',
            body(request),
            undefined,
            request.portalId,
          );
          return { status: 201, body: { id: record.Id, success: true, errors: [] } };
        }),
    },
    {
      name: 'data.sobject.get',
      method: 'GET',
      path: `${base}/sobjects/:type/:id`,
      docs: SOBJECT_DOCS,
      handler: (request) =>
        respond(() => {
          const object = store.object(request.params.type ?? '');
          const record = store.get(object.name, request.params.id ?? '');
          const user = request.portalId;
          // A record the user may not see is answered as one that does not exist (access.ts).
          if (!record || (access && user && access.record(user, object, record) === 'none'))
            return sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
          const readable = (field: FieldDef) =>
            !access || !user || access.readable(user, object, field);
          const wanted = request.query
            .get('fields')
            ?.split(',')
            .map((f) => f.trim());
          const fields = wanted
            ? wanted.map((name) => {
                const field = schema.field(object, name);
                if (!field || !readable(field))
                  throw new SalesforceFault(
                    400,
                    'INVALID_FIELD',
                    `No such column '${name}' on sobject of type ${object.name}`,
                  );
                return field;
              })
            : object.fields.filter(readable);
          const out: Values = {
            attributes: {
              type: object.name,
              url: `/services/data/v${context.apiVersion}/sobjects/${object.name}/${String(record.Id)}`,
            },
          };
          for (const field of fields) out[field.name] = toWire(field, record[field.name]);
          return { status: 200, body: out };
        }),
    },
    {
      name: 'data.sobject.update',
      method: 'PATCH',
      path: `${base}/sobjects/:type/:id`,
      docs: 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_rest_conditional_requests.htm',
      handler: (request) =>
        respond(() => {
          org.update(
            request.params.type ?? '',
            request.params.id ?? '',
            body(request),
            undefined,
            unmodifiedSince(request),
            request.portalId,
          );
          return { status: 204 };
        }),
    },
    {
      name: 'data.sobject.delete',
      method: 'DELETE',
      path: `${base}/sobjects/:type/:id`,
      docs: 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_delete_record.htm',
      handler: (request) =>
        respond(() => {
          org.delete(request.params.type ?? '', request.params.id ?? '', request.portalId);
          return { status: 204 };
        }),
    },
  ];
}
