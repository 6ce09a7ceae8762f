// The scanner above the bulk threshold: the first SOQL page, then Bulk API 2.0 query jobs for the rest
// (four flat queries joined in memory), through the real jsforce against the emulator over HTTP —
// held to the same hand-written expectations as the SOQL path, and to the SOQL path's own writes.
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { OrgApi } from '../../../salesforce-package/tools/api.js';
import { connect } from '../../../salesforce-package/tools/auth.js';
import { BulkQueryFailed, type BulkPolling } from '../../../salesforce-package/tools/bulk.js';
import { scan } from '../../../salesforce-package/tools/scan.js';
import { NOW, seedOpportunities, type Seeded } from './dataset.js';
import {
  expectedKeys,
  expectedStatusWrites,
  expectedTasks,
  keysIn,
  requestsByRoute,
  STATUS,
} from './expected.js';
import {
  API_VERSION,
  defaultPlaybook,
  orgApi,
  startTestOrg,
  TOOLS_USER,
  type TestOrg,
} from './org.js';

const orgs: TestOrg[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  for (const t of orgs.splice(0)) await t.close();
});

/** Polls fast: the emulator's jobs are done at the first check anyway. */
const FAST: BulkPolling = {
  firstDelayMs: 5,
  maxDelayMs: 20,
  timeoutMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  wallNow: () => Date.now(),
};

async function seeded(count: number, options: Parameters<typeof startTestOrg>[0] = {}) {
  const t = await startTestOrg(options);
  orgs.push(t);
  const rows = seedOpportunities(t, count);
  t.clock.set(NOW);
  return { t, rows };
}

const bulkScan = async (t: TestOrg, api?: OrgApi) =>
  scan({
    api: api ?? (await orgApi(t)),
    playbook: defaultPlaybook(),
    clock: t.clock,
    bulkThreshold: 2000,
    bulkPolling: FAST,
  });

/** Everything the scan wrote, as the org holds it (the clock and the id sequence match between twins). */
const written = (t: TestOrg) => ({
  escalations: t.records('Handoff_Escalation__c'),
  tasks: t.records('Task'),
  handoffs: t.records('Handoff__c'),
  opportunities: t.records('Opportunity'),
});

function expectEveryEscalationOnce(t: TestOrg, rows: readonly Seeded[]): void {
  expect(keysIn(t)).toEqual(expectedKeys(rows).sort());
  const tasks = t.records('Task');
  expect(tasks).toHaveLength(expectedTasks(rows));
  expect(new Set(tasks.map((task) => task.Description)).size).toBe(tasks.length);
  expect(
    t.records('Handoff_Escalation__c').every((e) => typeof e.Executed_At__c === 'number'),
  ).toBe(true);
}

describe('scan above the bulk threshold', () => {
  it('when more opportunities match than the threshold, then the rest is read by Bulk API 2.0 jobs and the scan does exactly what the SOQL path does', async () => {
    const soql = await seeded(3000);
    const bulk = await seeded(3000);
    const soqlReport = await scan({
      api: await orgApi(soql.t),
      playbook: defaultPlaybook(),
      clock: soql.t.clock,
    });
    const report = await bulkScan(bulk.t);

    // 2,400 candidates: the first SOQL page holds 2,000, four query jobs the other 400 (the other
    // SOQL queries are the look-up of who holds each role and of escalations left behind).
    expect(requestsByRoute(bulk.t)).toMatchObject({
      'data.query': 3,
      'bulk2.query.create': 4,
      'bulk2.query.get': 4,
      'bulk2.query.results': 4,
    });
    expect(requestsByRoute(bulk.t)['data.queryMore']).toBeUndefined();
    expect(requestsByRoute(soql.t)['bulk2.query.create']).toBeUndefined();
    expect(report.read).toEqual({ soqlPages: 1, bulkJobs: 4, bulkChecks: 4 });

    // The hand-written expectations of scan.test.ts…
    const rows = bulk.rows;
    expectEveryEscalationOnce(bulk.t, rows);
    const handoffs = new Map(bulk.t.records('Handoff__c').map((h) => [h.Id, h]));
    for (const s of rows.filter((x) => x.handoffId))
      expect(handoffs.get(s.handoffId)?.SLA_Status__c, s.situation).toBe(STATUS[s.situation]);
    expect(report).toMatchObject({
      opportunities: 2400,
      escalations: expectedKeys(rows).length,
      tasks: expectedTasks(rows),
      statusWrites: expectedStatusWrites(rows),
      failures: [],
    });
    // …and record for record what the SOQL path wrote into its twin org.
    expect(written(bulk.t)).toEqual(written(soql.t));
    expect({ ...report, apiCalls: 0, read: undefined }).toEqual({
      ...soqlReport,
      apiCalls: 0,
      read: undefined,
    });

    // The same collections as the SOQL path, plus three requests per job less the second SOQL page.
    expect(report.apiCalls).toBe(soqlReport.apiCalls - 1 + 4 * 3);
    expect(report.apiCalls).toBe(Object.values(requestsByRoute(bulk.t)).reduce((a, b) => a + b, 0));

    const again = await bulkScan(bulk.t);
    expect(again).toMatchObject({ escalations: 0, tasks: 0, statusWrites: 0, opportunities: 2400 });
    expect(again.apiCalls).toBe(2 + 4 * 3);
  }, 120_000);

  it('when the scanner dies after recording the escalations of the Bulk-read opportunities, then the next scan finds them through the jobs and finishes them once', async () => {
    const { t, rows } = await seeded(3000);
    let points = 0;
    const crash = () => {
      // Points 1 and 2 are the first (SOQL) page's; 3 is "recorded" for the Bulk-read rest.
      if (++points === 3) throw new Error('crash');
    };
    await expect(
      scan({
        api: await orgApi(t),
        playbook: defaultPlaybook(),
        clock: t.clock,
        bulkThreshold: 2000,
        bulkPolling: FAST,
        crash,
      }),
    ).rejects.toThrow('crash');
    const unfinished = t
      .records('Handoff_Escalation__c')
      .filter((e) => e.Executed_At__c === null || e.Executed_At__c === undefined);
    expect(unfinished).toHaveLength(expectedKeys(rows.slice(2500)).length);

    t.clock.advance(60_000);
    const next = await bulkScan(t);
    expect(next).toMatchObject({ escalations: unfinished.length, failures: [] });
    expectEveryEscalationOnce(t, rows);
  }, 120_000);

  it('when the candidates are exactly the threshold, then SOQL pages alone read them', async () => {
    const { t } = await seeded(3000);
    const report = await scan({
      api: await orgApi(t),
      playbook: defaultPlaybook(),
      clock: t.clock,
      bulkThreshold: 2400,
    });
    expect(report.read).toEqual({ soqlPages: 2, bulkJobs: 0, bulkChecks: 0 });
    expect(requestsByRoute(t)['bulk2.query.create']).toBeUndefined();
  }, 60_000);
});

/**
 * A front for the org that reports every query job in `state` (as Salesforce does when a job fails or
 * someone aborts it in Setup); everything else passes unchanged.
 */
async function jobsReported(t: TestOrg, state: string, errorMessage?: string): Promise<OrgApi> {
  const target = new URL(t.emulator.url);
  const server = createServer((incoming, outgoing) => {
    const upstream = forward(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (response) => {
        const isJob =
          incoming.method === 'GET' &&
          /\/jobs\/query\/\w+$/.test(incoming.url?.split('?')[0] ?? '');
        if (!isJob || response.statusCode !== 200) {
          outgoing.writeHead(response.statusCode ?? 502, response.headers);
          response.pipe(outgoing);
          return;
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const info = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<
            string,
            unknown
          >;
          const body = JSON.stringify({
            ...info,
            state,
            ...(errorMessage ? { errorMessage } : {}),
          });
          const headers = {
            ...response.headers,
            'content-length': String(Buffer.byteLength(body)),
          };
          delete headers['transfer-encoding'];
          outgoing.writeHead(200, headers).end(body);
        });
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const conn = await connect(
    {
      kind: 'token',
      instanceUrl: `http://127.0.0.1:${port}`,
      accessToken: t.emulator.issueToken(TOOLS_USER),
    },
    API_VERSION,
    t.clock,
  );
  return new OrgApi(conn, 1);
}

describe('scan above the bulk threshold, when a query job does not finish', () => {
  it.each([
    ['Failed', 'QUERY_TIMEOUT: the query took too long'],
    ['Aborted', undefined],
  ])(
    'when a job ends %s, then the scan stops naming the job, the rest is left for the next scan, and nothing is done twice',
    async (state, reason) => {
      const { t, rows } = await seeded(3000);
      const api = await jobsReported(t, state, reason);
      const error = await bulkScan(t, api).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BulkQueryFailed);
      expect((error as Error).message).toMatch(
        new RegExp(
          `^Bulk API 2\\.0 query job 750\\w+ on Opportunity ended ${state}${reason ? ` \\(${reason}\\)` : ''}: the scan stopped after 2000 opportunities \\(their escalations are done; the next scan reads the rest\\)$`,
        ),
      );
      // The first job's state stopped the scan; the three not yet looked at were aborted.
      expect(requestsByRoute(t)).toMatchObject({
        'bulk2.query.create': 4,
        'bulk2.query.get': 1,
        'bulk2.query.abort': 3,
      });
      expect(requestsByRoute(t)['bulk2.query.results']).toBeUndefined();
      // What the first page called for is complete; nothing of the rest was started.
      const done = t.records('Handoff_Escalation__c');
      expect(done.length).toBe(expectedKeys(rows.slice(0, 2500)).length);
      expect(done.every((e) => typeof e.Executed_At__c === 'number')).toBe(true);

      t.clock.advance(60_000);
      const next = await bulkScan(t);
      expect(next.failures).toEqual([]);
      expect(next.escalations + done.length).toBe(expectedKeys(rows).length);
      expectEveryEscalationOnce(t, rows);
    },
    120_000,
  );

  it('when the jobs stay in progress past the polling timeout, then they are aborted and the scan says so', async () => {
    const { t } = await seeded(3000);
    const api = await jobsReported(t, 'InProgress');
    const polling: BulkPolling = { ...FAST, timeoutMs: 1000 };
    const error = await scan({
      api,
      playbook: defaultPlaybook(),
      clock: t.clock,
      bulkThreshold: 2000,
      bulkPolling: polling,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkQueryFailed);
    expect((error as Error).message).toMatch(
      // The package's objects as the org names them (handoff__Handoff__c in a subscriber org).
      new RegExp(
        `^Bulk API 2\\.0 query job 750\\w+ on Opportunity, 750\\w+ on OpportunityHistory, 750\\w+ on ${t.q('Handoff__c')}, 750\\w+ on ${t.q('Handoff_Escalation__c')} not done after 1 s; aborted: the scan stopped after 2000 opportunities`,
      ),
    );
    expect(requestsByRoute(t)['bulk2.query.abort']).toBe(4);
  }, 120_000);
});

describe('scan above the bulk threshold, under daily-limit pressure', () => {
  it('when the share runs out while the job results are read, then the scan stops before the limit, counting the Bulk requests', async () => {
    const { t, rows } = await seeded(3000, { dailyApiLimit: 1000 });
    // Before the results: 1 SOQL page, 4 job creations, for the first page's 2,000 candidates 37
    // collection requests (2,000 escalations recorded and marked, 1,750 Tasks, 1,600 status writes)
    // and the role look-up, then 4 status checks. Leave room for exactly two results requests.
    t.emulator.limits.used = 500 - (1 + 4 + 37 + 1 + 4 + 2);
    const report = await scan({
      api: await orgApi(t, 0.5),
      playbook: defaultPlaybook(),
      clock: t.clock,
      bulkThreshold: 2000,
      bulkPolling: FAST,
    });
    expect(report.stopped).toMatch(
      /^stopped before the daily API limit: the org has used 500 of 1000 requests today/,
    );
    expect(requestsByRoute(t)['bulk2.query.results']).toBe(2);
    expect(t.emulator.limits.used).toBe(500);
    expect(t.emulator.requestLog.count({ status: 403 })).toBe(0);

    t.emulator.limits.used = 0;
    t.clock.advance(60_000);
    const next = await bulkScan(t);
    expect(next.stopped).toBeUndefined();
    expect(report.escalations + next.escalations).toBe(expectedKeys(rows).length);
    expectEveryEscalationOnce(t, rows);
  }, 120_000);
});
