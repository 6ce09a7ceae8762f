// The UI API subset Lightning Data Service uses, through HTTP as the panel's stand-ins call it:
// record reads in the Record representation, conditional updates (412), validation rules per user
// (the writing user's Handoff roles from their User record), related lists, object info and picklist values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestOrg, type TestOrg } from './org.js';

interface UiRecord {
  apiName: string;
  id: string;
  fields: Record<string, { value: unknown; displayValue: string | null }>;
  lastModifiedDate: string;
  systemModstamp: string;
  weakEtag: number;
}

interface RecordError {
  enhancedErrorType: string;
  output: {
    errors: { errorCode: string; message: string }[];
    fieldErrors: Record<string, { errorCode: string; message: string; field: string }[]>;
  };
}

/** An accept as the panel writes it for a person: their id in Accepted_By__c, the org's now. */
const acceptBy = (org: TestOrg, actionId: string, as: 'rep' | 'cs') => ({
  fields: {
    Id: org.handoffId,
    Status__c: 'accepted',
    Action__c: 'accept',
    Action_Id__c: actionId,
    Version__c: 10,
    Accepted_By__c: org.users[as],
    Accepted_At__c: new Date(org.clock.now()).toISOString(),
  },
});

describe('the emulator’s UI API', () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await startTestOrg();
  }, 60_000);
  afterAll(async () => {
    await org?.close();
  });

  it('when a record is read with fields and optional fields, then it comes back in the Record representation', async () => {
    const { status, body } = await org.call(
      'rep',
      'GET',
      `ui-api/records/${org.opportunityId}?fields=Opportunity.StageName,Opportunity.Amount,Opportunity.Account.Name&optionalFields=Opportunity.LastStageChangeDate,Opportunity.No_Such__c`,
    );
    expect(status).toBe(200);
    const record = body as UiRecord & { fields: Record<string, { value: UiRecord }> };
    expect(record.apiName).toBe('Opportunity');
    expect(record.id).toBe(org.opportunityId);
    expect(record.fields.StageName).toEqual({ value: 'Closed Won', displayValue: 'Closed Won' });
    expect(record.fields.Amount).toEqual({ value: 24000, displayValue: '$24,000.00' });
    expect(record.fields.LastStageChangeDate?.value).toBe(
      new Date(org.clock.now() - 86_400_000).toISOString(),
    );
    expect(record.fields.Account?.value.fields.Name?.value).toBe('Globex');
    expect(Object.keys(record.fields)).not.toContain('No_Such__c');
    expect(record.weakEtag).toBe(Date.parse(record.systemModstamp));
  });

  it('when a required field does not exist, then the read fails with INVALID_FIELD', async () => {
    const { status, body } = await org.call(
      'rep',
      'GET',
      `ui-api/records/${org.opportunityId}?fields=Opportunity.No_Such__c`,
    );
    expect(status).toBe(400);
    expect((body as { errorCode: string }[])[0]?.errorCode).toBe('INVALID_FIELD');
  });

  it('when a rep tries to accept, then the Sales_To_Cs_Accept_Roles rule refuses it under Status__c with its message', async () => {
    const { status, body } = await org.call(
      'rep',
      'PATCH',
      `ui-api/records/${org.handoffId}`,
      acceptBy(org, 'rep-accept', 'rep'),
    );
    expect(status).toBe(400);
    const error = body as RecordError;
    expect(error.enhancedErrorType).toBe('RecordError');
    expect(error.output.fieldErrors.Status__c).toEqual([
      expect.objectContaining({
        errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        field: 'Status__c',
        message:
          'Only CS manager or RevOps admin may accept Sales → CS: add the role to the Handoff roles on your User record.',
      }),
    ]);
    expect(org.emulator.records('Handoff__c')[0]?.Status__c).toBe('submitted');
  });

  it('when the same accept comes through the REST sObject API, then the org refuses it the same way', async () => {
    const fields: Record<string, unknown> = { ...acceptBy(org, 'rep-accept-rest', 'rep').fields };
    delete fields.Id;
    const { status, body } = await org.call(
      'rep',
      'PATCH',
      `sobjects/Handoff__c/${org.handoffId}`,
      fields,
    );
    expect(status).toBe(400);
    expect(body).toEqual([
      {
        errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        message:
          'Only CS manager or RevOps admin may accept Sales → CS: add the role to the Handoff roles on your User record.',
        fields: ['Status__c'],
      },
    ]);
    const collection = await org.call('rep', 'PATCH', 'composite/sobjects', {
      allOrNone: false,
      records: [{ attributes: { type: 'Handoff__c' }, Id: org.handoffId, ...fields }],
    });
    expect(collection.body).toEqual([
      {
        success: false,
        errors: [
          {
            statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
            message:
              'Only CS manager or RevOps admin may accept Sales → CS: add the role to the Handoff roles on your User record.',
            fields: ['Status__c'],
          },
        ],
      },
    ]);
  });

  it('when the update carries an If-Unmodified-Since older than the last change, then it fails with 412', async () => {
    const stale = new Date(org.clock.now() - 2 * 3_600_000).toUTCString();
    const { status, body } = await org.call(
      'cs',
      'PATCH',
      `ui-api/records/${org.handoffId}`,
      acceptBy(org, 'cs-stale', 'cs'),
      { 'If-Unmodified-Since': stale },
    );
    expect(status).toBe(412);
    expect((body as { errorCode: string }[])[0]?.errorCode).toBe('PRECONDITION_FAILED');
  });

  it('when a CS manager accepts with the current If-Unmodified-Since, then the handoff is accepted', async () => {
    const current = new Date(org.clock.now() - 3_600_000).toUTCString();
    org.clock.advance(60_000);
    const { status, body } = await org.call(
      'cs',
      'PATCH',
      `ui-api/records/${org.handoffId}`,
      acceptBy(org, 'cs-accept', 'cs'),
      { 'If-Unmodified-Since': current },
    );
    expect(status).toBe(200);
    const record = body as UiRecord;
    expect(record.fields.Status__c?.value).toBe('accepted');
    expect(record.lastModifiedDate).toBe(new Date(org.clock.now()).toISOString());
  });

  it('when a header is created in a state other than not started, then Starts_Not_Started refuses it; as not started it is created', async () => {
    const fields = {
      Opportunity__c: org.opportunityId,
      Handoff_Id__c: 'sdr_to_ae',
      Record_Key__c: `${org.opportunityId}:sdr_to_ae`,
      Version__c: 0,
      // The default playbook's sdr_to_ae has 3 required typed-in items.
      Required_Items__c: 3,
    };
    const refused = await org.call('rep', 'POST', 'ui-api/records', {
      apiName: 'Handoff__c',
      fields: { ...fields, Status__c: 'submitted' },
    });
    expect(refused.status).toBe(400);
    expect((refused.body as RecordError).output.fieldErrors.Status__c?.[0]?.message).toBe(
      'A new handoff starts as not started, at version 0.',
    );
    const created = await org.call('rep', 'POST', 'ui-api/records', {
      apiName: 'Handoff__c',
      fields: { ...fields, Status__c: 'not_started' },
    });
    expect(created.status).toBe(201);
    expect((created.body as UiRecord).fields.Status__c?.value).toBe('not_started');
    const again = await org.call('rep', 'POST', 'ui-api/records', {
      apiName: 'Handoff__c',
      fields: { ...fields, Status__c: 'not_started' },
    });
    expect(again.status).toBe(400);
    expect((again.body as RecordError).output.errors[0]?.errorCode).toBe('DUPLICATE_VALUE');
  });

  it('when a submit comes with a required item open, then the roll-up summaries make Submit_Needs_Required_Items refuse it', async () => {
    const header = org.emulator
      .records('Handoff__c')
      .find((h) => h.Handoff_Id__c === 'sdr_to_ae') as { Id: string };
    const item = await org.call('rep', 'POST', 'ui-api/records', {
      apiName: 'Handoff_Item__c',
      fields: {
        Handoff__c: header.Id,
        Item_Id__c: 'source',
        Item_Key__c: `${org.opportunityId}:sdr_to_ae:source`,
        Required__c: true,
        Done__c: false,
      },
    });
    expect(item.status).toBe(201);
    const submit = await org.call('admin', 'PATCH', `ui-api/records/${header.Id}`, {
      fields: {
        Status__c: 'submitted',
        Action__c: 'submit',
        Action_Id__c: 'a1',
        Version__c: 1,
        Submitted_By__c: org.users.admin,
        Submitted_At__c: new Date(org.clock.now()).toISOString(),
      },
    });
    expect(submit.status).toBe(400);
    expect((submit.body as RecordError).output.fieldErrors.Status__c?.[0]?.message).toBe(
      'The handoff cannot be submitted yet: required checklist items are still to do.',
    );
  });

  it('when the related list Handoffs__r of the opportunity is read, then it lists both headers with the asked fields', async () => {
    const { status, body } = await org.call(
      'rep',
      'GET',
      `ui-api/related-list-records/${org.opportunityId}/Handoffs__r?fields=Handoff__c.Handoff_Id__c,Handoff__c.Status__c&sortBy=Handoff__c.Handoff_Id__c`,
    );
    expect(status).toBe(200);
    const list = body as {
      count: number;
      records: UiRecord[];
      listReference: { objectApiName: string };
    };
    expect(list.count).toBe(2);
    expect(list.listReference.objectApiName).toBe('Handoff__c');
    expect(
      list.records.map((r) => [r.fields.Handoff_Id__c?.value, r.fields.Status__c?.value]),
    ).toEqual([
      ['sales_to_cs', 'accepted'],
      ['sdr_to_ae', 'not_started'],
    ]);
  });

  it('when object info and StageName picklist values are read, then the stages come with their labels', async () => {
    const info = await org.call('rep', 'GET', 'ui-api/object-info/Opportunity');
    expect(info.status).toBe(200);
    const body = info.body as {
      apiName: string;
      defaultRecordTypeId: string;
      fields: Record<string, { dataType: string }>;
    };
    expect(body.apiName).toBe('Opportunity');
    expect(body.fields.StageName?.dataType).toBe('Picklist');
    const picklist = await org.call(
      'rep',
      'GET',
      `ui-api/object-info/Opportunity/picklist-values/${body.defaultRecordTypeId}/StageName`,
    );
    expect(picklist.status).toBe(200);
    const values = (picklist.body as { values: { label: string; value: string }[] }).values;
    expect(values[0]).toEqual(
      expect.objectContaining({ label: 'Prospecting', value: 'Prospecting' }),
    );
    expect(values.map((v) => v.value)).toContain('Closed Won');
    const wrongType = await org.call(
      'rep',
      'GET',
      'ui-api/object-info/Opportunity/picklist-values/012000000000001AAA/StageName',
    );
    expect(wrongType.status).toBe(404);
  });

  it('when object infos come in a batch and picklists by record type, then each object and picklist field is answered', async () => {
    const batch = await org.call('rep', 'GET', 'ui-api/object-info/batch/Opportunity,Nope__c');
    const results = (
      batch.body as { results: { statusCode: number; result: { apiName?: string } }[] }
    ).results;
    expect(results.map((r) => r.statusCode)).toEqual([200, 404]);
    expect(results[0]?.result.apiName).toBe('Opportunity');
    const all = await org.call(
      'rep',
      'GET',
      'ui-api/object-info/Handoff__c/picklist-values/012000000000000AAA',
    );
    const fields = (
      all.body as { picklistFieldValues: Record<string, { values: { value: string }[] }> }
    ).picklistFieldValues;
    expect(Object.keys(fields).sort()).toEqual([
      'Action__c',
      'SLA_Outcome__c',
      'SLA_Status__c',
      'Status__c',
    ]);
    expect(fields.Status__c?.values.map((v) => v.value)).toContain('submitted');
  });

  it('when a record is read by layout or deleted, then the layout read has every field and the deleted record is gone', async () => {
    const layout = await org.call(
      'rep',
      'GET',
      `ui-api/records/${org.opportunityId}?layoutTypes=Full`,
    );
    expect(Object.keys((layout.body as UiRecord).fields)).toContain('CloseDate');
    const created = await org.call('admin', 'POST', 'ui-api/records', {
      apiName: 'Account',
      fields: { Name: 'Short-lived' },
    });
    const id = (created.body as UiRecord).id;
    expect((await org.call('admin', 'DELETE', `ui-api/records/${id}`)).status).toBe(204);
    expect(
      (await org.call('admin', 'GET', `ui-api/records/${id}?fields=Account.Name`)).status,
    ).toBe(404);
  });

  it('when an Account’s handoffs are listed with their opportunity’s name (the account panel’s fields), then the parent comes nested', async () => {
    const account = org.emulator.records('Account').find((a) => a.Name === 'Globex') as {
      Id: string;
    };
    const { status, body } = await org.call(
      'cs',
      'GET',
      `ui-api/related-list-records/${account.Id}/Handoffs__r?fields=Handoff__c.Handoff_Id__c,Handoff__c.Status__c,Handoff__c.Opportunity__c,Handoff__c.Opportunity__r.Name`,
    );
    expect(status).toBe(200);
    const [first] = (
      body as { records: (UiRecord & { fields: Record<string, { value: UiRecord }> })[] }
    ).records;
    expect(first?.fields.Opportunity__r?.value.fields.Name?.value).toBe('Globex rollout');
    expect(first?.fields.Opportunity__c?.value).toBe(org.opportunityId);
  });

  it('when the panel asks for the people’s names as optional relationship fields, then each lookup’s User comes nested, an empty lookup as null, an unknown field left out', async () => {
    const { status, body } = await org.call(
      'cs',
      'GET',
      `ui-api/related-list-records/${org.opportunityId}/Handoffs__r?fields=Handoff__c.Submitted_By__c&optionalFields=Handoff__c.Submitted_By__r.Name,Handoff__c.Rejected_By__r.Name,Handoff__c.Nobody__r.Name`,
    );
    expect(status).toBe(200);
    const record = (body as { records: UiRecord[] }).records.find((r) => r.id === org.handoffId);
    const submitter = record?.fields.Submitted_By__r as
      { displayValue: string | null; value: UiRecord } | undefined;
    expect(submitter?.displayValue).toBe('rep');
    expect(submitter?.value).toMatchObject({ apiName: 'User', id: org.users.rep });
    expect(submitter?.value.fields).toEqual({ Name: { value: 'rep', displayValue: null } });
    expect(record?.fields.Rejected_By__r).toEqual({ value: null, displayValue: null });
    expect(Object.keys(record?.fields ?? {}).sort()).toEqual([
      'Rejected_By__r',
      'Submitted_By__c',
      'Submitted_By__r',
    ]);
  });
});
