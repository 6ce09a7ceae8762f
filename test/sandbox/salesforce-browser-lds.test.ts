// The sandbox's stand-in for Lightning Data Service (sandbox/page/salesforce/lds), on its own:
// the wire adapter protocol as the LWC engine drives it (update / connect / disconnect), the UI
// API calls it makes through the page server's /sf/api, and what it provisions or rejects with.
// The browser tests run it with the real panel; these pin the rules LDS has and the panel relies on.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshApex } from '../../sandbox/page/salesforce/lds/apex.js';
import { graphql } from '../../sandbox/page/salesforce/lds/graphql.js';
import { session, setSession } from '../../sandbox/page/salesforce/lds/session.js';
import { getPicklistValues } from '../../sandbox/page/salesforce/lds/uiObjectInfoApi.js';
import {
  createRecord,
  getFieldValue,
  getRecord,
  updateRecord,
} from '../../sandbox/page/salesforce/lds/uiRecordApi.js';

const OPP = '006000000000001AAA';
const record = (stage: string) => ({
  id: OPP,
  apiName: 'Opportunity',
  fields: { StageName: { value: stage, displayValue: null } },
});

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}
let calls: Call[];
let answer: (call: Call) => { status: number; body: unknown; delayMs?: number };

beforeEach(() => {
  calls = [];
  setSession({
    viewer: 'rep1',
    userId: '005000000000001AAA',
    timeZone: 'America/New_York',
    customPermissions: [],
    apiVersion: '66.0',
  });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const call: Call = {
      url,
      method: init.method ?? 'GET',
      headers: init.headers as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const { status, body, delayMs } = answer(call);
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return new Response(JSON.stringify(body), { status });
  });
});
afterEach(() => vi.unstubAllGlobals());

/** An adapter as the engine wires it; `values` collects what it provisions. */
function wire<
  T extends new (cb: (v: unknown) => void) => { update(c: object): void; connect(): void },
>(Adapter: T) {
  const values: Record<string, unknown>[] = [];
  const adapter = new Adapter((v) => values.push(v as Record<string, unknown>));
  return { adapter, values };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('getRecord', () => {
  it('when the record id is still undefined, then it reads nothing; once set, it reads the record as the viewer', async () => {
    answer = () => ({ status: 200, body: record('Closed Won') });
    const { adapter, values } = wire(getRecord);
    adapter.update({ recordId: undefined, fields: ['Opportunity.StageName'] });
    adapter.connect();
    await settle();
    expect(calls).toEqual([]);
    adapter.update({
      recordId: OPP,
      fields: [{ objectApiName: 'Opportunity', fieldApiName: 'StageName' }],
      optionalFields: ['Opportunity.LastStageChangeDate'],
    });
    await settle();
    expect(calls.map((c) => [c.method, decodeURIComponent(c.url)])).toEqual([
      [
        'GET',
        `/sf/api/ui-api/records/${OPP}?fields=Opportunity.StageName&optionalFields=Opportunity.LastStageChangeDate`,
      ],
    ]);
    expect(calls[0]?.headers['X-Handoff-Viewer']).toBe('rep1');
    expect(values).toEqual([{ data: record('Closed Won'), error: undefined }]);
    expect(Object.isFrozen(values[0]?.data)).toBe(true);
    expect(getFieldValue(values[0]?.data as never, 'Opportunity.StageName')).toBe('Closed Won');
  });

  it('when the API refuses, then it provisions the FetchResponse with the API body as error', async () => {
    const body = [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }];
    answer = () => ({ status: 404, body });
    const { adapter, values } = wire(getRecord);
    adapter.update({ recordId: OPP, fields: ['Opportunity.StageName'] });
    adapter.connect();
    await settle();
    expect(values).toEqual([
      { data: undefined, error: expect.objectContaining({ ok: false, status: 404, body }) },
    ]);
  });

  it('when the panel reads the viewer’s own User record, then it gets the Handoff roles the org holds, or the ones the frame pretends', async () => {
    const user = (roles: string | null) => ({
      id: '005000000000001AAA',
      apiName: 'User',
      fields: { Handoff_Roles__c: { value: roles, displayValue: roles } },
    });
    answer = () => ({ status: 200, body: user('sales_rep') });
    const read = async () => {
      const { adapter, values } = wire(getRecord);
      adapter.update({ recordId: '005000000000001AAA', fields: ['User.Handoff_Roles__c'] });
      adapter.connect();
      await settle();
      return getFieldValue(values[0]?.data as never, 'User.Handoff_Roles__c');
    };
    expect(await read()).toBe('sales_rep');
    expect(decodeURIComponent(calls[0]?.url ?? '')).toBe(
      '/sf/api/ui-api/records/005000000000001AAA?fields=User.Handoff_Roles__c',
    );
    setSession({ ...session(), pretendRoles: ['sales_rep', 'cs_manager'] });
    expect(await read()).toBe('sales_rep;cs_manager');
  });

  it('when the org has the package under its namespace, then the frame pretends on handoff__Handoff_Roles__c', async () => {
    const field = 'handoff__Handoff_Roles__c';
    answer = () => ({
      status: 200,
      body: {
        id: '005000000000001AAA',
        apiName: 'User',
        fields: { [field]: { value: 'sdr', displayValue: 'sdr' } },
      },
    });
    setSession({ ...session(), pretendRoles: ['cs_manager'] });
    const { adapter, values } = wire(getRecord);
    adapter.update({ recordId: '005000000000001AAA', fields: [`User.${field}`] });
    adapter.connect();
    await settle();
    expect(getFieldValue(values[0]?.data as never, `User.${field}`)).toBe('cs_manager');
  });

  it('when a newer configuration answers first, then the older answer is dropped', async () => {
    answer = (call) =>
      call.url.includes('first')
        ? { status: 200, body: record('Old'), delayMs: 60 }
        : { status: 200, body: record('New') };
    const { adapter, values } = wire(getRecord);
    adapter.connect();
    adapter.update({ recordId: 'first', fields: ['Opportunity.StageName'] });
    adapter.update({ recordId: 'second', fields: ['Opportunity.StageName'] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(values.map((v) => getFieldValue(v.data as never, 'Opportunity.StageName'))).toEqual([
      'New',
    ]);
  });
});

describe('writes', () => {
  it('when updateRecord succeeds, then it PATCHes the fields without Id (If-Unmodified-Since passed on) and every wire showing the record reloads', async () => {
    let stage = 'Prospecting';
    answer = (call) => {
      if (call.method === 'PATCH') stage = 'Closed Won';
      return { status: 200, body: record(stage) };
    };
    const { adapter, values } = wire(getRecord);
    adapter.update({ recordId: OPP, fields: ['Opportunity.StageName'] });
    adapter.connect();
    await settle();
    await updateRecord(
      { fields: { Id: OPP, StageName: 'Closed Won' } },
      { ifUnmodifiedSince: 'Tue, 17 Nov 2026 16:00:00 GMT' },
    );
    await settle();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.url).toBe(`/sf/api/ui-api/records/${OPP}`);
    expect(patch?.body).toEqual({ fields: { StageName: 'Closed Won' } });
    expect(patch?.headers['If-Unmodified-Since']).toBe('Tue, 17 Nov 2026 16:00:00 GMT');
    expect(values.map((v) => getFieldValue(v.data as never, 'Opportunity.StageName'))).toEqual([
      'Prospecting',
      'Closed Won',
    ]);
  });

  it('when a validation rule refuses, then the write rejects with the UI API body the panel turns into sentences', async () => {
    const body = {
      enhancedErrorType: 'RecordError',
      message: 'An error occurred while trying to update the record. Please try again.',
      output: {
        errors: [],
        fieldErrors: {
          Status__c: [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'No.' }],
        },
      },
    };
    answer = () => ({ status: 400, body });
    await expect(
      createRecord({ apiName: 'Handoff__c', fields: { Status__c: 'accepted' } }),
    ).rejects.toEqual(expect.objectContaining({ ok: false, status: 400, body }));
    expect(calls[0]?.body).toEqual({ apiName: 'Handoff__c', fields: { Status__c: 'accepted' } });
  });

  it('when refreshApex is given a provisioned value, then its wire reads again', async () => {
    answer = () => ({ status: 200, body: record('Closed Won') });
    const { adapter, values } = wire(getRecord);
    adapter.update({ recordId: OPP, fields: ['Opportunity.StageName'] });
    adapter.connect();
    await settle();
    await refreshApex(values[0]);
    expect(calls).toHaveLength(2);
    expect(values).toHaveLength(2);
  });
});

describe('graphql and picklists', () => {
  it('when a variable is undefined the query waits; then it posts query and variables and provisions data, errors and refresh', async () => {
    const data = { uiapi: { query: { Handoff_Playbook__c: { edges: [] } } } };
    answer = () => ({ status: 200, body: { data } });
    const { adapter, values } = wire(graphql);
    adapter.connect();
    adapter.update({
      query: 'query q { uiapi { query { x } } }',
      variables: { recordId: undefined },
    });
    await settle();
    expect(calls).toEqual([]);
    adapter.update({ query: 'query q { uiapi { query { x } } }', variables: { recordId: OPP } });
    await settle();
    expect(calls[0]).toMatchObject({
      url: '/sf/api/graphql',
      method: 'POST',
      body: { query: 'query q { uiapi { query { x } } }', variables: { recordId: OPP } },
    });
    expect(values[0]).toMatchObject({ data, errors: undefined });
    await (values[0]?.refresh as () => Promise<void>)();
    expect(calls).toHaveLength(2);
  });

  it('reads picklist values of a field for a record type', async () => {
    answer = () => ({ status: 200, body: { values: [] } });
    const { adapter } = wire(getPicklistValues);
    adapter.update({ recordTypeId: '012000000000000AAA', fieldApiName: 'Opportunity.StageName' });
    adapter.connect();
    await settle();
    expect(calls[0]?.url).toBe(
      '/sf/api/ui-api/object-info/Opportunity/picklist-values/012000000000000AAA/StageName',
    );
  });
});
