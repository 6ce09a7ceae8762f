// Stand-in for `lightning/uiRecordApi`: getRecord reads `GET /ui-api/records/{id}`; createRecord,
// updateRecord and deleteRecord write through the UI API, which applies the package's validation
// rules, and reject with the API's error body (`body.output.errors` / `fieldErrors`) as LDS does.
// https://developer.salesforce.com/docs/platform/lwc/guide/reference-lightning-ui-api-record.html
import { session, uiApi } from './session.js';
import {
  LdsAdapter,
  fieldList,
  fieldName,
  query,
  ready,
  reloadShowing,
  type Config,
} from './wire.js';

interface RecordRepresentation {
  id: string;
  apiName: string;
  fields: Record<string, { value: unknown; displayValue?: string | null } | undefined>;
}

export class getRecord extends LdsAdapter {
  protected read(config: Config) {
    if (!ready(config, ['recordId'])) return undefined;
    const fields = fieldList(config.fields);
    const optionalFields = fieldList(config.optionalFields);
    const layoutTypes = config.layoutTypes ? fieldList(config.layoutTypes) : [];
    const path =
      `ui-api/records/${encodeURIComponent(String(config.recordId))}` +
      query({
        fields: fields.join(','),
        optionalFields: optionalFields.join(','),
        layoutTypes: layoutTypes.join(','),
        modes: config.modes ? fieldList(config.modes).join(',') : undefined,
      });
    return async () => pretend(await uiApi<RecordRepresentation>(path));
  }
}

/**
 * getRecords reads each entry of `records` with `GET /ui-api/records/batch/{ids}` and provisions
 * `{ results }` in order, each `{ statusCode, result }` as the batch answers it.
 * https://developer.salesforce.com/docs/platform/lwc/guide/reference-wire-adapters-records.html
 */
export class getRecords extends LdsAdapter {
  protected read(config: Config) {
    if (!ready(config, ['records']) || !Array.isArray(config.records)) return undefined;
    const entries = config.records as {
      recordIds?: unknown;
      fields?: unknown;
      optionalFields?: unknown;
    }[];
    return async () => {
      const results: unknown[] = [];
      for (const entry of entries) {
        const ids = (Array.isArray(entry.recordIds) ? entry.recordIds : []).map(String);
        if (ids.length === 0) continue;
        const path =
          `ui-api/records/batch/${ids.map(encodeURIComponent).join(',')}` +
          query({
            fields: fieldList(entry.fields).join(','),
            optionalFields: fieldList(entry.optionalFields).join(','),
          });
        const batch = await uiApi<{ results: unknown[] }>(path);
        results.push(...batch.results);
      }
      return { results };
    };
  }
}

/** The frame's pretend Handoff roles (boot.ts `roles=`) on the user's own record; the org keeps its own. */
function pretend(record: RecordRepresentation): RecordRepresentation {
  const roles = session().pretendRoles;
  // The org names the package's field with its namespace (`handoff__Handoff_Roles__c`).
  const field = Object.keys(record.fields).find(
    (f) => f === 'Handoff_Roles__c' || f.endsWith('__Handoff_Roles__c'),
  );
  if (!roles || record.id !== session().userId || !field) return record;
  const value = roles.length > 0 ? roles.join(';') : null;
  return {
    ...record,
    fields: { ...record.fields, [field]: { value, displayValue: value } },
  };
}

export async function createRecord(recordInput: {
  apiName: string;
  fields: Record<string, unknown>;
}): Promise<RecordRepresentation> {
  // As in LDS, a new record does not appear in wires already provisioned (related lists, graphql)
  // until they are refreshed: the panel refreshes them itself.
  return uiApi<RecordRepresentation>('ui-api/records', {
    method: 'POST',
    body: { apiName: recordInput.apiName, fields: recordInput.fields },
  });
}

export async function updateRecord(
  recordInput: { fields: Record<string, unknown> },
  clientOptions?: { ifUnmodifiedSince?: string },
): Promise<RecordRepresentation> {
  const { Id, ...fields } = recordInput.fields;
  if (typeof Id !== 'string' || Id === '') {
    throw {
      ok: false,
      status: 400,
      statusText: 'Bad Request',
      headers: {},
      body: { message: 'updateRecord needs fields.Id.' },
    };
  }
  const updated = await uiApi<RecordRepresentation>(`ui-api/records/${encodeURIComponent(Id)}`, {
    method: 'PATCH',
    body: { fields },
    headers: clientOptions?.ifUnmodifiedSince
      ? { 'If-Unmodified-Since': clientOptions.ifUnmodifiedSince }
      : {},
  });
  await reloadShowing([Id]);
  return updated;
}

export async function deleteRecord(recordId: string): Promise<void> {
  await uiApi(`ui-api/records/${encodeURIComponent(recordId)}`, { method: 'DELETE' });
  await reloadShowing([recordId]);
}

export async function notifyRecordUpdateAvailable(
  items: readonly { recordId: string }[],
): Promise<void> {
  await reloadShowing(items.map((i) => i.recordId));
}

/** Deprecated name of notifyRecordUpdateAvailable, still exported by LDS. */
export function getRecordNotifyChange(items: readonly { recordId: string }[]): void {
  void notifyRecordUpdateAvailable(items);
}

/** Reads `Object.Field` or `Object.Relationship__r.Field` from a record representation. */
export function getFieldValue(record: RecordRepresentation | undefined, field: unknown): unknown {
  return leaf(record, field)?.value;
}

export function getFieldDisplayValue(
  record: RecordRepresentation | undefined,
  field: unknown,
): string | null | undefined {
  return leaf(record, field)?.displayValue;
}

function leaf(record: RecordRepresentation | undefined, field: unknown) {
  const [, ...path] = fieldName(field).split('.');
  let current: RecordRepresentation | undefined = record;
  for (const [n, name] of path.entries()) {
    const f = current?.fields[name];
    if (n === path.length - 1) return f;
    current = f?.value as RecordRepresentation | undefined;
  }
  return undefined;
}
