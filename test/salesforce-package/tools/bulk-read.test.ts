// The Bulk API 2.0 pieces of the scanner on their own: the CSV results parser, the polling schedule
// (a fake org and fake wall time, so the waits are exact), and the rows a job returns against what
// the same SOQL returns through the REST query resource of the emulator.
import { afterEach, describe, expect, it } from 'vitest';
import type { OrgApi, QueryJobInfo } from '../../../salesforce-package/tools/api.js';
import {
  BulkQueryFailed,
  startBulkQueries,
  type BulkPolling,
} from '../../../salesforce-package/tools/bulk.js';
import { parseCsv } from '../../../salesforce-package/tools/csv.js';
import { orgNames } from '../../../salesforce-package/tools/names.js';
import { bulkQueries, join, scanQuery } from '../../../salesforce-package/tools/read.js';
import { scan } from '../../../salesforce-package/tools/scan.js';
import { children, opportunitySnapshot } from '../../../salesforce-package/tools/snapshot.js';
import { NOW, seedOpportunities } from './dataset.js';
import { defaultPlaybook, orgApi, startTestOrg, type TestOrg } from './org.js';

let org: TestOrg | undefined;
afterEach(async () => {
  await org?.close();
  org = undefined;
});

describe('parseCsv', () => {
  it('reads quoted commas, quotes and line breaks; an empty cell is null', () => {
    const csv = 'Id,Name,NextStep\n006A,"Acme, ""Inc""","call;\nthen mail"\n006B,Plain,\n';
    expect(parseCsv(csv)).toEqual([
      { Id: '006A', Name: 'Acme, "Inc"', NextStep: 'call;\nthen mail' },
      { Id: '006B', Name: 'Plain', NextStep: null },
    ]);
  });

  it('reads every cell quoted, as Salesforce may write them, and CRLF endings', () => {
    expect(parseCsv('"Id","Amount"\r\n"006A","12.5"\r\n"006B",""\r\n')).toEqual([
      { Id: '006A', Amount: '12.5' },
      { Id: '006B', Amount: null },
    ]);
  });

  it('a header alone is no rows; a quote left open is an error', () => {
    expect(parseCsv('Id\n')).toEqual([]);
    expect(() => parseCsv('Id\n"006A\n')).toThrow(/end inside a quoted value/);
  });
});

/** An org whose jobs are InProgress for `busyChecks` status checks, then in `finally`. */
function fakeOrg(busyChecks: number, finalState: QueryJobInfo['state'] = 'JobComplete') {
  const calls: string[] = [];
  const checks = new Map<string, number>();
  let next = 0;
  const api = {
    createQueryJob: async (soql: string) => {
      const id = `750J${next++}`;
      calls.push(`create ${id}`);
      return { id, object: soql.split(' FROM ')[1] ?? '', state: 'UploadComplete' };
    },
    queryJob: async (id: string) => {
      calls.push(`check ${id}`);
      const n = (checks.get(id) ?? 0) + 1;
      checks.set(id, n);
      return { id, object: '', state: n > busyChecks ? finalState : 'InProgress' };
    },
    abortQueryJob: async (id: string) => {
      calls.push(`abort ${id}`);
      return { id, object: '', state: 'Aborted' };
    },
    queryJobResults: async (id: string, locator: string | undefined) => {
      calls.push(`results ${id} ${locator ?? 'first'}`);
      return locator ? { csv: 'Id\n2\n', locator: null } : { csv: 'Id\n1\n', locator: 'L1' };
    },
  };
  return { api: api as unknown as OrgApi, calls };
}

function fakeTime(timeoutMs = 10 * 60_000) {
  let now = 0;
  const waits: number[] = [];
  const polling: BulkPolling = {
    firstDelayMs: 1000,
    maxDelayMs: 30_000,
    timeoutMs,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
    wallNow: () => now,
  };
  return { polling, waits };
}

describe('startBulkQueries', () => {
  it('checks at once, then waits 1, 2, 4 … s up to 30 s between rounds, then reads each job by locator', async () => {
    const { api, calls } = fakeOrg(7);
    const { polling, waits } = fakeTime();
    const read = await startBulkQueries(api, ['SELECT Id FROM A', 'SELECT Id FROM B'], polling);
    expect(await read.rows()).toEqual([
      [{ Id: '1' }, { Id: '2' }],
      [{ Id: '1' }, { Id: '2' }],
    ]);
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    expect(read.checks).toBe(16);
    expect(calls.slice(0, 4)).toEqual([
      'create 750J0',
      'create 750J1',
      'check 750J0',
      'check 750J1',
    ]);
    expect(calls.slice(-4)).toEqual([
      'results 750J0 first',
      'results 750J0 L1',
      'results 750J1 first',
      'results 750J1 L1',
    ]);
  });

  it('when the jobs are not done by the timeout, then it aborts them and says which', async () => {
    const { api, calls } = fakeOrg(Infinity);
    const { polling, waits } = fakeTime(60_000);
    const read = await startBulkQueries(api, ['SELECT Id FROM A'], polling);
    await expect(read.rows()).rejects.toThrow(
      new BulkQueryFailed('Bulk API 2.0 query job 750J0 on A not done after 60 s; aborted'),
    );
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000]);
    expect(calls.at(-1)).toBe('abort 750J0');
  });

  it('when a job fails, then the jobs not done are aborted and no results are read', async () => {
    const { api, calls } = fakeOrg(1, 'Failed');
    const { polling } = fakeTime();
    const read = await startBulkQueries(api, ['SELECT Id FROM A', 'SELECT Id FROM B'], polling);
    await expect(read.rows()).rejects.toThrow('Bulk API 2.0 query job 750J0 on A ended Failed');
    expect(calls.filter((c) => c.startsWith('results'))).toEqual([]);
    expect(calls.at(-1)).toBe('abort 750J1');
  });
});

describe('a Bulk API 2.0 query through the emulator', () => {
  it('returns the rows the REST query returns, as text, with null for empty', async () => {
    org = await startTestOrg();
    for (const [i, step] of ['Call, then "demo"', 'a;b|c\tnext', null].entries())
      org.seed.opportunity({
        Name: `Deal ${i}`,
        StageName: 'Prospecting',
        CloseDate: '2026-03-31',
        Amount: i === 2 ? null : 1000.5 + i,
        NextStep: step,
        OwnerId: org.users.owner,
      });
    const api = await orgApi(org);
    const soql = 'SELECT Id, Name, Amount, NextStep, CloseDate, CreatedDate FROM Opportunity';
    const [rows] = await (await startBulkQueries(api, [soql])).rows();
    const rest = await api.queryAll(`${soql} ORDER BY Id`);
    expect(rows).toEqual(
      rest.map((r) => ({
        Id: r.Id,
        Name: r.Name,
        Amount: r.Amount === null ? null : String(r.Amount),
        NextStep: r.NextStep,
        CloseDate: r.CloseDate,
        CreatedDate: r.CreatedDate,
      })),
    );
    expect(rows?.[2]).toMatchObject({ Amount: null, NextStep: null });
  }, 60_000);

  it('when the session expires before the results are read, then jsforce re-mints a JWT token and the results come', async () => {
    org = await startTestOrg();
    org.seed.opportunity({
      Name: 'Deal',
      StageName: 'Prospecting',
      CloseDate: '2026-03-31',
      OwnerId: org.users.owner,
    });
    const api = await orgApi(org);
    const job = await api.createQueryJob('SELECT Name FROM Opportunity');
    expect(await api.queryJob(job.id)).toMatchObject({ state: 'JobComplete' });
    org.emulator.sessions.expireAll();
    const results = await api.queryJobResults(job.id, undefined);
    expect(parseCsv(results.csv)).toEqual([{ Name: 'Deal' }]);
    expect(results.locator).toBeNull();
    expect(org.emulator.sessions.minted).toBe(2);
    expect(org.emulator.requestLog.count({ status: 401 })).toBe(1);
    expect(api.calls).toBe(3);
  }, 60_000);

  it('the four jobs joined give every opportunity the snapshot and handoff rows the SOQL query gives it', async () => {
    org = await startTestOrg();
    seedOpportunities(org, 200);
    org.clock.set(NOW);
    const api = await orgApi(org);
    const playbook = defaultPlaybook();
    // The org's names: the package under its namespace, as a subscriber org has it.
    const names = orgNames();
    // A full scan sets SLA fields and finishes escalations; four hours later the next one dies after
    // recording the newly due ones: every kind of value is there to be read.
    await scan({ api, playbook, clock: org.clock });
    org.clock.advance(4 * 60 * 60_000);
    const crash = (point: string) => {
      if (point === 'recorded') throw new Error('crash');
    };
    await expect(scan({ api, playbook, clock: org.clock, crash })).rejects.toThrow('crash');
    const soql = await api.queryAll(scanQuery(playbook, names));
    const bulk = join(
      playbook,
      names,
      await (await startBulkQueries(api, bulkQueries(playbook, names, ''))).rows(),
    );
    expect(bulk.map((r) => r.Id)).toEqual(soql.map((r) => r.Id));
    const handoffRows = (record: (typeof soql)[number], relationship: string) =>
      children(record, relationship)
        .map(({ attributes: _, ...row }) => row)
        .sort((a, b) => a.Id.localeCompare(b.Id));
    soql.forEach((record, i) => {
      const other = bulk[i];
      if (!other) throw new Error(`no bulk record for ${record.Id}`);
      expect(opportunitySnapshot(playbook, names, other)).toEqual(
        opportunitySnapshot(playbook, names, record),
      );
      for (const relationship of [names.handoffs, names.escalations])
        expect(handoffRows(other, relationship)).toEqual(handoffRows(record, relationship));
    });
    const escalations = soql.flatMap((r) => children(r, names.escalations));
    const executed = names.field('Executed_At__c');
    expect(escalations.some((e) => e[executed] === null)).toBe(true);
    expect(escalations.some((e) => typeof e[executed] === 'string')).toBe(true);
    const due = names.field('SLA_Next_Due__c');
    expect(soql.some((r) => children(r, names.handoffs).some((h) => h[due]))).toBe(true);
    expect(soql.some((r) => typeof r.Amount === 'number')).toBe(true);
  }, 60_000);
});
