// Records in the UI API's shapes: the Record representation (`fields: { Name: { value,
// displayValue } }`, lastModifiedDate, systemModstamp, weakEtag), field lists such as
// `Opportunity.StageName` or `Handoff__c.Opportunity__r.Name`, and the Error with Output body that
// carries validation-rule failures.
// https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_responses_record.htm
// https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_responses_error_with_output.htm
import { createHash } from 'node:crypto';
import type { Access } from './access.js';
import type { EmulatorResponse } from '../plumbing/router.js';
import { SalesforceFault, type SalesforceError } from './errors.js';
import type { FieldDef, ObjectDef, Schema } from './schema.js';
import { relationshipName } from './soql-run.js';
import type { RecordStore, StoredRecord } from './store.js';
import { withSummaries } from './summaries.js';
import { ValidationFault } from './validation.js';
import type { Stored } from './values.js';

export const MASTER_RECORD_TYPE = '012000000000000AAA';

/** A field path under an object: a field, or one parent relationship and a field of the parent. */
export type FieldPath = { field: FieldDef } | { via: FieldDef; parent: ObjectDef; field: FieldDef };

export interface UiField {
  displayValue: string | null;
  value: unknown;
}

export function uiError(status: number, errorCode: string, message: string): EmulatorResponse {
  return { status, body: [{ errorCode, message }] };
}

/** `Opportunity.StageName` → the path under `object`; undefined when the org has no such field. */
export function resolveUiField(
  schema: Schema,
  object: ObjectDef,
  qualified: string,
): FieldPath | undefined {
  const parts = qualified.split('.');
  if (parts[0]?.toLowerCase() !== object.name.toLowerCase()) return undefined;
  if (parts.length === 2) {
    const field = schema.field(object, parts[1] ?? '');
    return field ? { field } : undefined;
  }
  if (parts.length !== 3) return undefined;
  const via = object.fields.find(
    (f) =>
      f.kind === 'reference' &&
      relationshipName(f).toLowerCase() === (parts[1] ?? '').toLowerCase(),
  );
  const parent = via?.referenceTo ? schema.get(via.referenceTo) : undefined;
  const field = parent ? schema.field(parent, parts[2] ?? '') : undefined;
  return via && parent && field ? { via, parent, field } : undefined;
}

/** `fields` (each must exist) and `optionalFields` (unknown ones are left out) of a request. */
export function requestedFields(
  schema: Schema,
  object: ObjectDef,
  fields: readonly string[],
  optional: readonly string[],
  /** Field-level security: a field the user may not read is one the org does not have. */
  readable: (path: FieldPath) => boolean = () => true,
): FieldPath[] {
  const out: FieldPath[] = [];
  for (const name of fields) {
    const found = resolveUiField(schema, object, name);
    const path = found && readable(found) ? found : undefined;
    if (!path)
      throw new SalesforceFault(
        400,
        'INVALID_FIELD',
        `No such column '${name.split('.').slice(1).join('.')}' on sobject of type ${object.name}`,
      );
    out.push(path);
  }
  for (const name of optional) {
    const path = resolveUiField(schema, object, name);
    if (path && readable(path)) out.push(path);
  }
  return out;
}

export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function uiValue(field: FieldDef, value: Stored | undefined): unknown {
  if (value === undefined || value === null) return null;
  if (field.kind === 'datetime' && typeof value === 'number') return new Date(value).toISOString();
  return value;
}

function displayValue(field: FieldDef, value: unknown): string | null {
  if (value === null) return null;
  if (field.kind === 'picklist' || field.kind === 'multipicklist') return String(value);
  if (field.kind === 'currency' && typeof value === 'number')
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(value);
  return null;
}

const uiField = (field: FieldDef, stored: Stored | undefined): UiField => {
  const value = uiValue(field, stored);
  return { displayValue: displayValue(field, value), value };
};

export class UiRecords {
  constructor(
    private readonly schema: Schema,
    private readonly store: RecordStore,
    private readonly access?: Access,
  ) {}

  /** The field paths `userId` may read (all when the org does not enforce access). */
  readable(userId: string | undefined): (path: FieldPath) => boolean {
    const access = this.access;
    if (!access || !userId) return () => true;
    return (path) =>
      'via' in path
        ? access.readable(userId, this.#owner(path.via), path.via) &&
          access.readable(userId, path.parent, path.field)
        : access.readable(userId, this.#owner(path.field), path.field);
  }

  #owner(field: FieldDef): ObjectDef {
    return this.schema.list().find((o) => o.fields.includes(field)) as ObjectDef;
  }

  /**
   * The Record representation with the given fields (every field the user may read when omitted);
   * a parent the user may not see reads as null.
   */
  represent(
    object: ObjectDef,
    stored: StoredRecord,
    paths?: readonly FieldPath[],
    userId?: string,
  ) {
    const record = withSummaries(this.store, object, stored);
    const fields: Record<string, unknown> = {};
    const readable = this.readable(userId);
    const all = object.fields.map((field) => ({ field })).filter(readable);
    for (const path of paths ?? all) {
      if (!('via' in path)) {
        fields[path.field.name] = uiField(path.field, record[path.field.name]);
        continue;
      }
      const name = relationshipName(path.via);
      const parentId = record[path.via.name];
      const found =
        typeof parentId === 'string' ? this.store.get(path.parent.name, parentId) : undefined;
      const parent =
        found &&
        (!this.access || !userId || this.access.record(userId, path.parent, found) !== 'none')
          ? found
          : undefined;
      if (!parent) {
        fields[name] = { displayValue: null, value: null };
        continue;
      }
      const existing = fields[name] as { value: { fields: Record<string, unknown> } } | undefined;
      const nested = existing ?? {
        displayValue: typeof parent.Name === 'string' ? parent.Name : null,
        value: this.represent(path.parent, parent, []),
      };
      nested.value.fields[path.field.name] = uiField(path.field, parent[path.field.name]);
      fields[name] = nested;
    }
    const modified = Number(record.LastModifiedDate ?? 0);
    const modstamp = Number(record.SystemModstamp ?? modified);
    return {
      apiName: object.name,
      childRelationships: {},
      eTag: createHash('md5')
        .update(`${String(record.Id)}:${modstamp}`)
        .digest('hex'),
      fields,
      id: record.Id,
      lastModifiedById: null,
      lastModifiedDate: new Date(modified).toISOString(),
      recordTypeId: MASTER_RECORD_TYPE,
      recordTypeInfo: null,
      systemModstamp: new Date(modstamp).toISOString(),
      weakEtag: modstamp,
    };
  }
}

/**
 * A refused save: record-level errors (validation rules, bad values) come back as Error with Output
 * whose output is Record Exceptions — `errors` for the page, `fieldErrors` under a field; anything
 * else as the UI API's error array.
 */
export function uiFault(error: SalesforceFault, object: ObjectDef | undefined): EmulatorResponse {
  if (error.status !== 400) return uiError(error.status, error.errorCode, error.message);
  const list: readonly SalesforceError[] =
    error instanceof ValidationFault ? error.errors : [error.toError()];
  const errors: unknown[] = [];
  const fieldErrors: Record<string, unknown[]> = {};
  for (const e of list) {
    // A duplicate key is a record-level error (Salesforce names no field for it).
    const field = e.errorCode === 'DUPLICATE_VALUE' ? undefined : e.fields?.[0];
    const def = field && object ? object.fields.find((f) => f.name === field) : undefined;
    const entry = {
      constituentField: null,
      duplicateRecordError: null,
      errorCode: e.errorCode,
      field: field ?? null,
      fieldLabel: field ? (def?.label ?? field) : null,
      message: e.message,
    };
    if (field) (fieldErrors[field] = fieldErrors[field] ?? []).push(entry);
    else errors.push(entry);
  }
  return {
    status: 400,
    body: {
      enhancedErrorType: 'RecordError',
      message: 'An error occurred while trying to update the record. Please try again.',
      output: { errors, fieldErrors },
    },
  };
}
