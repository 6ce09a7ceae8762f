// Bulk API 2.0 query jobs through jsforce's bulk2.query: CSV results paged by Sforce-Locator.
import { afterEach, describe, expect, it } from 'vitest';
import { emulated, type Emulated } from './helpers.js';

let t: Emulated | undefined;
afterEach(async () => {
  await t?.emulator.close();
  t = undefined;
});

describe('Bulk API 2.0 query', () => {
  it('when a job is queried, then jsforce reads every record from its CSV results', async () => {
    t = await emulated();
    for (let i = 0; i < 25; i++)
      t.emulator.seed.opportunity({
        Name: i === 3 ? 'Acme, "Inc"' : i === 4 ? 'North; South | East' : `Deal ${i}`,
        StageName: 'Prospecting',
        CloseDate: '2026-03-31',
        Amount: i,
        OwnerId: t.userId,
      });
    t.conn.bulk2.pollInterval = 10;
    const records = (await (
      await t.conn.bulk2.query(
        'SELECT Id, Name, Amount, Owner.Name FROM Opportunity ORDER BY Amount',
        { maxRecords: 10 } as never,
      )
    ).toArray()) as Record<string, unknown>[];
    expect(records).toHaveLength(25);
    // CSV carries text: numbers come back as strings, quotes and commas escaped.
    expect(records[3]).toMatchObject({
      Name: 'Acme, "Inc"',
      Amount: '3',
      'Owner.Name': 'Dev Eloper',
    });
    // Every value is quoted, as in Salesforce's example, so jsforce's parser (which splits on any of
    // six delimiters) keeps semicolons and bars.
    expect(records[4]).toMatchObject({ Name: 'North; South | East' });
    const results = t.emulator.requestLog.entries({ route: 'bulk2.query.results' });
    expect(results.map((r) => r.status)).toEqual([200]);
  });

  it('pages results by maxRecords, naming the next chunk in Sforce-Locator ("null" after the last)', async () => {
    t = await emulated();
    for (let i = 0; i < 25; i++)
      t.emulator.seed.opportunity({
        Name: `Deal ${i}`,
        StageName: 'Prospecting',
        CloseDate: '2026-03-31',
        OwnerId: t.userId,
      });
    const job = await t.conn.request<{ id: string }>({
      method: 'POST',
      url: '/jobs/query',
      body: JSON.stringify({
        operation: 'query',
        query: 'SELECT Name FROM Opportunity ORDER BY Name',
      }),
      headers: { 'content-type': 'application/json' },
    });
    // Results are there once the job is JobComplete (the emulator's jobs are at the first check).
    expect(await t.conn.request<{ state: string }>(`/jobs/query/${job.id}`)).toMatchObject({
      state: 'JobComplete',
    });
    const chunks: { locator: string | null; lines: number }[] = [];
    let locator = '';
    do {
      const response = await fetch(
        `${t.emulator.url}/services/data/v66.0/jobs/query/${job.id}/results?maxRecords=10${locator ? `&locator=${locator}` : ''}`,
        { headers: { authorization: `Bearer ${t.conn.accessToken ?? ''}` } },
      );
      expect(response.headers.get('content-type')).toBe('text/csv');
      const text = await response.text();
      expect(text.split('\n')[0]).toBe('"Name"');
      locator = response.headers.get('sforce-locator') ?? 'null';
      chunks.push({ locator, lines: text.trim().split('\n').length - 1 });
    } while (locator !== 'null');
    expect(chunks).toEqual([
      { locator: '10', lines: 10 },
      { locator: '20', lines: 10 },
      { locator: 'null', lines: 5 },
    ]);
  });

  it('refuses child subqueries, which Bulk API 2.0 does not support', async () => {
    t = await emulated();
    t.conn.bulk2.pollInterval = 10;
    await expect(
      t.conn.bulk2.query(
        'SELECT Id, (SELECT StageName FROM OpportunityHistories) FROM Opportunity',
      ),
    ).rejects.toMatchObject({ errorCode: 'INVALIDJOB' });
  });

  it('when a job is aborted before it completes, then it stays Aborted and has no results', async () => {
    t = await emulated();
    const create = (query: string) =>
      t!.conn.request<{ id: string; state: string }>({
        method: 'POST',
        url: '/jobs/query',
        body: JSON.stringify({ operation: 'query', query }),
        headers: { 'content-type': 'application/json' },
      });
    const abort = (id: string) =>
      t!.conn.request<{ state: string }>({
        method: 'PATCH',
        url: `/jobs/query/${id}`,
        body: JSON.stringify({ state: 'Aborted' }),
        headers: { 'content-type': 'application/json' },
      });
    const job = await create('SELECT Id FROM Opportunity');
    expect(job.state).toBe('UploadComplete');
    expect(await abort(job.id)).toMatchObject({ state: 'Aborted' });
    expect(await t.conn.request(`/jobs/query/${job.id}`)).toMatchObject({ state: 'Aborted' });
    const results = await fetch(
      `${t.emulator.url}/services/data/v66.0/jobs/query/${job.id}/results`,
      { headers: { authorization: `Bearer ${t.conn.accessToken ?? ''}` } },
    );
    expect(results.status).toBe(400);
    expect(await results.json()).toEqual([
      { errorCode: 'INVALIDJOBSTATE', message: 'the job is Aborted; results need JobComplete' },
    ]);

    // A job already reported complete cannot be aborted.
    const done = await create('SELECT Id FROM Opportunity');
    await t.conn.request(`/jobs/query/${done.id}`);
    await expect(abort(done.id)).rejects.toMatchObject({ errorCode: 'INVALIDJOBSTATE' });
  });

  it('when the session is invalid, then the results answer INVALID_SESSION_ID', async () => {
    t = await emulated();
    const response = await fetch(`${t.emulator.url}/services/data/v66.0/jobs/query/750X/results`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual([
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
    ]);
  });
});
