// sObject CRUD, conditional updates and sObject collections, through jsforce.
import { afterEach, describe, expect, it } from 'vitest';
import { emulated, type Emulated } from './helpers.js';

let t: Emulated | undefined;
afterEach(async () => {
  await t?.emulator.close();
  t = undefined;
});

const deal = (e: Emulated, extra: Record<string, unknown> = {}) => ({
  Name: 'Acme',
  StageName: 'Prospecting',
  CloseDate: '2026-03-31',
  OwnerId: e.userId,
  ...extra,
});

describe('sObject rows', () => {
  it('creates, reads, updates and deletes; a stage change adds OpportunityHistory', async () => {
    t = await emulated();
    const created = await t.conn.sobject('Opportunity').create(deal(t, { Amount: 5 }));
    expect(created).toMatchObject({ success: true, errors: [] });
    const id = created.id ?? '';
    expect(id).toMatch(/^006\w{15}$/);
    t.clock.advance(60_000);
    await t.conn.sobject('Opportunity').update({ Id: id, StageName: 'Qualification' });
    const read = await t.conn.sobject('Opportunity').retrieve(id);
    expect(read).toMatchObject({
      StageName: 'Qualification',
      Amount: 5,
      CreatedDate: '2026-03-02T14:00:00.000+0000',
      LastModifiedDate: '2026-03-02T14:01:00.000+0000',
    });
    const history = await t.conn.query<{ StageName: string; CreatedDate: string }>(
      `SELECT StageName, CreatedDate FROM OpportunityHistory WHERE OpportunityId = '${id}' ORDER BY CreatedDate`,
    );
    expect(history.records.map((h) => [h.StageName, h.CreatedDate])).toEqual([
      ['Prospecting', '2026-03-02T14:00:00.000+0000'],
      ['Qualification', '2026-03-02T14:01:00.000+0000'],
    ]);
    await t.conn.sobject('Opportunity').destroy(id);
    await expect(t.conn.sobject('Opportunity').retrieve(id)).rejects.toMatchObject({
      errorCode: 'NOT_FOUND',
    });
  });

  it('when a Lead changes Status, then LeadHistory records Field, OldValue and NewValue; IsConverted is false and read-only', async () => {
    t = await emulated();
    const id =
      (
        await t.conn
          .sobject('Lead')
          .create({ LastName: 'Lee', Company: 'Acme', Status: 'Open - Not Contacted' })
      ).id ?? '';
    expect(id).toMatch(/^00Q\w{15}$/);
    t.clock.advance(60_000);
    await t.conn.sobject('Lead').update({ Id: id, Status: 'Marketing Qualified' });
    await t.conn.sobject('Lead').update({ Id: id, Title: 'CFO' });
    const history = await t.conn.query<Record<string, string>>(
      `SELECT Field, OldValue, NewValue, CreatedDate FROM LeadHistory WHERE LeadId = '${id}'`,
    );
    expect(history.records.map((h) => [h.Field, h.OldValue, h.NewValue, h.CreatedDate])).toEqual([
      ['Status', 'Open - Not Contacted', 'Marketing Qualified', '2026-03-02T14:01:00.000+0000'],
    ]);
    expect(await t.conn.sobject('Lead').retrieve(id)).toMatchObject({ IsConverted: false });
    await expect(
      t.conn.sobject('Lead').update({ Id: id, IsConverted: true }),
    ).rejects.toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' });
  });

  it('when If-Unmodified-Since is older than the last change, then the update is refused with 412', async () => {
    t = await emulated();
    const id = (await t.conn.sobject('Opportunity').create(deal(t))).id ?? '';
    const seen = new Date(t.clock.now()).toUTCString();
    t.clock.advance(5_000);
    await t.conn.sobject('Opportunity').update({ Id: id, Amount: 1 });
    await expect(
      t.conn
        .sobject('Opportunity')
        .update({ Id: id, Amount: 2 }, { headers: { 'If-Unmodified-Since': seen } }),
    ).rejects.toMatchObject({ errorCode: 'PRECONDITION_FAILED' });
    const fresh = new Date(t.clock.now()).toUTCString();
    await t.conn
      .sobject('Opportunity')
      .update({ Id: id, Amount: 3 }, { headers: { 'If-Unmodified-Since': fresh } });
    expect((await t.conn.sobject('Opportunity').retrieve(id)).Amount).toBe(3);
    expect(t.emulator.requestLog.count({ status: 412 })).toBe(1);
  });

  it.each([
    [{ Nope__c: 1 }, 'INVALID_FIELD'],
    [{ Amount: 'lots' }, 'INVALID_TYPE_ON_FIELD_IN_RECORD'],
    [{ CloseDate: '31/03/2026' }, 'INVALID_TYPE_ON_FIELD_IN_RECORD'],
    [{ CreatedDate: '2026-01-01T00:00:00Z' }, 'INVALID_FIELD_FOR_INSERT_UPDATE'],
    [{ OwnerId: '005000000000099AAA' }, 'INVALID_CROSS_REFERENCE_KEY'],
  ])(
    'when a create carries %j, then Salesforce answers %s with the field',
    async (extra, errorCode) => {
      t = await emulated();
      await expect(t.conn.sobject('Opportunity').create(deal(t, extra))).rejects.toMatchObject({
        errorCode,
      });
    },
  );

  it('refuses a second record with the same unique key (DUPLICATE_VALUE) and a bad restricted picklist value', async () => {
    t = await emulated();
    await t.conn.sobject('Handoff_Escalation__c').create({ Escalation_Key__c: 'k' });
    await expect(
      t.conn.sobject('Handoff_Escalation__c').create({ Escalation_Key__c: 'k' }),
    ).rejects.toMatchObject({
      errorCode: 'DUPLICATE_VALUE',
    });
    await expect(
      t.conn.sobject('Handoff_Escalation__c').create({ When__c: 'someday' }),
    ).rejects.toMatchObject({
      errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    });
  });

  it('describes an object with its fields and child relationships', async () => {
    t = await emulated();
    const described = await t.conn.sobject('Opportunity').describe();
    expect(described.name).toBe('Opportunity');
    expect(described.fields.find((f) => f.name === 'OwnerId')).toMatchObject({
      type: 'reference',
      referenceTo: ['User'],
      relationshipName: 'Owner',
    });
    expect(described.childRelationships).toContainEqual(
      expect.objectContaining({
        childSObject: 'Handoff_Escalation__c',
        relationshipName: 'Handoff_Escalations__r',
      }),
    );
  });
});

describe('sObject collections (/composite/sobjects)', () => {
  it('creates up to 200 records in one request, each succeeding or failing alone', async () => {
    t = await emulated();
    const records = Array.from({ length: 200 }, (_, i) => ({
      Escalation_Key__c: i === 7 ? 'k0' : `k${i}`,
    }));
    const results = await t.conn
      .sobject('Handoff_Escalation__c')
      .create(records, { allOrNone: false });
    expect(results.filter((r) => r.success)).toHaveLength(199);
    expect(results[7]).toMatchObject({
      success: false,
      errors: [expect.objectContaining({ statusCode: 'DUPLICATE_VALUE' })],
    });
    expect(t.emulator.requestLog.count({ route: 'data.composite.sobjects.create' })).toBe(1);
  });

  it('with allOrNone, one failure rolls every record back', async () => {
    t = await emulated();
    const results = await t.conn
      .sobject('Handoff_Escalation__c')
      .create([{ Escalation_Key__c: 'a' }, { Escalation_Key__c: 'a' }], { allOrNone: true })
      .catch((error: unknown) => error);
    expect(JSON.stringify(results)).toMatch(/DUPLICATE_VALUE|ALL_OR_NONE_OPERATION_ROLLED_BACK/);
    expect(t.emulator.records('Handoff_Escalation__c')).toHaveLength(0);
  });

  it('updates many records in one PATCH', async () => {
    t = await emulated();
    const created = await t.conn
      .sobject('Opportunity')
      .create([deal(t), deal(t)], { allOrNone: false });
    const updates = created.map((r) => ({ Id: r.id ?? '', StageName: 'Closed Won' }));
    const results = await t.conn.sobject('Opportunity').update(updates, { allOrNone: false });
    expect(results.every((r) => r.success)).toBe(true);
    expect(t.emulator.records('Opportunity').map((o) => o.StageName)).toEqual([
      'Closed Won',
      'Closed Won',
    ]);
    expect(t.emulator.records('OpportunityHistory')).toHaveLength(4);
  });

  it('refuses more than 200 records in one request', async () => {
    t = await emulated();
    const response = await fetch(`${t.emulator.url}/services/data/v66.0/composite/sobjects`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${t.conn.accessToken ?? ''}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        allOrNone: false,
        records: Array.from({ length: 201 }, () => ({
          attributes: { type: 'Handoff_Escalation__c' },
        })),
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual([
      { errorCode: 'EXCEEDED_ID_LIMIT', message: 'Number of records exceeds the limit of 200' },
    ]);
  });
});
