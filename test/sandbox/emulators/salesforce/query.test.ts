// query / queryMore and the SOQL the tools use, through jsforce.
import { afterEach, describe, expect, it } from 'vitest';
import { emulated, type Emulated } from './helpers.js';

let t: Emulated | undefined;
afterEach(async () => {
  await t?.emulator.close();
  t = undefined;
});

function seedDeals(
  e: Emulated,
  count: number,
  stage = (i: number) => (i % 2 ? 'Prospecting' : 'Closed Won'),
) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++)
    ids.push(
      e.emulator.seed.opportunity({
        Name: `Deal ${i}`,
        StageName: stage(i),
        CloseDate: '2026-03-31',
        Amount: i,
        OwnerId: e.userId,
      }),
    );
  return ids;
}

describe('query and queryMore', () => {
  it('when a query matches more than a batch, then it answers 2,000 records and a nextRecordsUrl, and queryMore the rest', async () => {
    t = await emulated();
    const ids = seedDeals(t, 4500);
    const first = await t.conn.query<{ Id: string }>('SELECT Id FROM Opportunity ORDER BY Id', {
      autoFetch: false,
    });
    expect(first).toMatchObject({ totalSize: 4500, done: false });
    expect(first.records).toHaveLength(2000);
    expect(first.nextRecordsUrl).toMatch(/\/services\/data\/v66\.0\/query\/01g\w+-2000$/);
    const second = await t.conn.queryMore<{ Id: string }>(first.nextRecordsUrl ?? '');
    const third = await t.conn.queryMore<{ Id: string }>(second.nextRecordsUrl ?? '');
    expect(third.done).toBe(true);
    expect([...first.records, ...second.records, ...third.records].map((r) => r.Id)).toEqual(ids);
  });

  it('when Sforce-Query-Options asks for a batch size, then batches have that size (200 at least)', async () => {
    t = await emulated();
    seedDeals(t, 450);
    const page = await t.conn.query('SELECT Id FROM Opportunity', {
      autoFetch: false,
      headers: { 'Sforce-Query-Options': 'batchSize=200' },
    });
    expect(page.records).toHaveLength(200);
  });

  it('when a locator has been idle 15 minutes, then it is INVALID_QUERY_LOCATOR', async () => {
    t = await emulated();
    seedDeals(t, 2100);
    const first = await t.conn.query('SELECT Id FROM Opportunity', { autoFetch: false });
    t.clock.advance(15 * 60_000);
    await expect(t.conn.queryMore(first.nextRecordsUrl ?? '')).rejects.toMatchObject({
      errorCode: 'INVALID_QUERY_LOCATOR',
    });
  });

  it('filters with IN, AND, OR, NOT, comparisons on numbers, dates and date-times, LIKE, and orders', async () => {
    t = await emulated();
    seedDeals(t, 10);
    const q = async (where: string) =>
      (
        await t!.conn.query<{ Name: string }>(
          `SELECT Name FROM Opportunity WHERE ${where} ORDER BY Amount DESC`,
        )
      ).records.map((r) => r.Name);
    expect(await q("StageName IN ('Prospecting') AND Amount >= 5")).toEqual([
      'Deal 9',
      'Deal 7',
      'Deal 5',
    ]);
    expect(await q("NOT (StageName = 'prospecting') AND (Amount < 2 OR Amount = 8)")).toEqual([
      'Deal 8',
      'Deal 0',
    ]);
    expect(await q("Name LIKE 'deal 1%'")).toEqual(['Deal 1']);
    expect(
      await q('CloseDate > 2026-03-30 AND CreatedDate <= 2026-03-02T14:00:00Z AND Amount != null'),
    ).toHaveLength(10);
    expect(await q('CreatedDate > 2026-03-02T14:00:00.000+0000')).toEqual([]);
  });

  it('returns parent fields (Owner.Name) and child relationships, null when a record has no children', async () => {
    t = await emulated();
    const [a, b] = seedDeals(t, 2);
    await t.conn
      .sobject('Handoff_Escalation__c')
      .create({ Escalation_Key__c: 'k1', Opportunity__c: a });
    const result = await t.conn.query<Record<string, unknown>>(
      'SELECT Id, Owner.Name, (SELECT Escalation_Key__c FROM Handoff_Escalations__r), (SELECT StageName FROM OpportunityHistories) FROM Opportunity ORDER BY Id',
    );
    const [first, second] = result.records;
    expect(first).toMatchObject({
      Id: a,
      Owner: { attributes: { type: 'User' }, Name: 'Dev Eloper' },
      Handoff_Escalations__r: { totalSize: 1, done: true, records: [{ Escalation_Key__c: 'k1' }] },
      OpportunityHistories: { totalSize: 1, records: [{ StageName: 'Closed Won' }] },
    });
    expect(second).toMatchObject({ Id: b, Handoff_Escalations__r: null });
  });

  it('counts with COUNT()', async () => {
    t = await emulated();
    seedDeals(t, 7);
    const result = await t.conn.query(
      "SELECT COUNT() FROM Opportunity WHERE StageName = 'Prospecting'",
    );
    expect(result.totalSize).toBe(3);
  });

  it.each([
    ['SELECT Id FROM Opportunity WHERE', 'MALFORMED_QUERY'],
    ['SELECT Nope__c FROM Opportunity', 'INVALID_FIELD'],
    ['SELECT Id FROM Nope__c', 'INVALID_TYPE'],
    ['SELECT Id, (SELECT Id FROM Nopes__r) FROM Opportunity', 'INVALID_TYPE'],
  ])('when the query is "%s", then Salesforce answers %s', async (soql, errorCode) => {
    t = await emulated();
    await expect(t.conn.query(soql)).rejects.toMatchObject({ errorCode });
  });
});
