// The Salesforce SLA scanner on 10,000 opportunities in the local Salesforce emulator, through the
// real jsforce over HTTP, once reading through SOQL pages and once through Bulk API 2.0 (threshold
// 2,000): wall time and API calls for each, against the minimum its page, job and collection sizes
// allow; then 2,000 MQL Leads (half touched by a completed Task) under the default playbook's speed
// to lead, read through SOQL pages. Last, the won deals whose CS managers still have open Tasks are
// closed lost, and a scan completes those Tasks (the escalations left behind by the SLA stages).
import { performance } from 'node:perf_hooks';
import {
  BULK_RESULTS_PAGE,
  COLLECTION_SIZE,
  IDS_PER_QUERY,
  QUERY_BATCH,
} from '../../salesforce-package/tools/api.js';
import { scan, type ScanReport } from '../../salesforce-package/tools/scan.js';
import { NOW, seedOpportunities } from '../salesforce-package/tools/dataset.js';
import { defaultPlaybook as wholeDefaultPlaybook } from '../shared/fixtures.js';
import {
  defaultPlaybook,
  orgApi,
  startTestOrg,
  type TestOrg,
} from '../salesforce-package/tools/org.js';
import { line, section } from './lib.js';

const OPPORTUNITIES = 10_000;
const BULK_OBJECTS = ['Opportunity', 'OpportunityHistory', 'Handoff__c', 'Handoff_Escalation__c'];

/** Record each escalation and mark it executed, create the Tasks, write the statuses, look up roles. */
const writesMinimum = (report: ScanReport) =>
  Math.ceil(report.escalations / COLLECTION_SIZE) * 2 +
  Math.ceil(report.tasks / COLLECTION_SIZE) +
  Math.ceil(report.statusWrites / COLLECTION_SIZE) +
  1;

interface Run {
  report: ScanReport;
  ms: number;
  requests: number;
  again: ScanReport;
  againMs: number;
}

async function measure(org: TestOrg, bulkThreshold: number | undefined): Promise<Run> {
  const api = await orgApi(org);
  const options = { api, playbook: defaultPlaybook(), clock: org.clock, bulkThreshold };
  const start = performance.now();
  const report = await scan(options);
  const ms = performance.now() - start;
  const requests = org.emulator.requestLog
    .entries()
    .filter((e) => e.route !== 'oauth.token').length;
  const second = performance.now();
  const again = await scan(options);
  return { report, ms, requests, again, againMs: performance.now() - second };
}

export default async function (): Promise<void> {
  const soqlOrg = await startTestOrg();
  const bulkOrg = await startTestOrg();
  try {
    for (const org of [soqlOrg, bulkOrg]) {
      seedOpportunities(org, OPPORTUNITIES);
      org.clock.set(NOW);
    }
    const soql = await measure(soqlOrg, undefined);
    const bulk = await measure(bulkOrg, 2000);
    const candidates = soql.report.opportunities;
    // Every scan also looks up the escalations whose record left the SLA stages (none yet).
    const soqlMinimum = Math.ceil(candidates / QUERY_BATCH) + writesMinimum(soql.report) + 1;
    // The first SOQL page, then per job: create, one status check, its result sets (exact while an
    // object has no more than 50,000 rows, as here).
    const bulkReads =
      1 +
      BULK_OBJECTS.reduce(
        (n, type) =>
          n + 2 + Math.max(1, Math.ceil(bulkOrg.records(type).length / BULK_RESULTS_PAGE)),
        0,
      );
    const bulkMinimum = bulkReads + writesMinimum(bulk.report) + 1;

    section(
      `Salesforce SLA scanner (${OPPORTUNITIES.toLocaleString('en-US')} opportunities, jsforce → emulator on this machine)`,
    );
    line(
      'opportunities in the org / with a possibly live timer',
      `${OPPORTUNITIES} / ${candidates}`,
    );
    line(
      'escalations executed (Tasks created)',
      `${soql.report.escalations} (${soql.report.tasks})`,
    );
    line('SLA status writes (handoffs)', String(soql.report.statusWrites));
    for (const [name, run, minimum] of [
      ['SOQL pages', soql, soqlMinimum],
      ['Bulk API 2.0 above 2,000', bulk, bulkMinimum],
    ] as const) {
      line(
        `${name}: one scan`,
        `${(run.ms / 1000).toFixed(2)} s, ${run.requests} API calls (minimum ${minimum})`,
      );
      line(
        `${name}: read through`,
        `${run.report.read.soqlPages} SOQL pages, ${run.report.read.bulkJobs} jobs (${run.report.read.bulkChecks} checks)`,
      );
      line(
        `${name}: second scan`,
        `${(run.againMs / 1000).toFixed(2)} s, ${run.again.apiCalls} API calls, ${run.again.escalations} escalations`,
      );
    }
    const same =
      soql.report.escalations === bulk.report.escalations &&
      soql.report.tasks === bulk.report.tasks &&
      soql.report.statusWrites === bulk.report.statusWrites;
    line('both paths did the same escalations, Tasks and writes', same ? 'yes' : 'NO');
    await leftBehind(soqlOrg);
  } finally {
    await soqlOrg.close();
    await bulkOrg.close();
  }
  await leadScan();
}

/** Closes lost every opportunity with open escalation Tasks, then scans: those Tasks are completed once. */
async function leftBehind(org: TestOrg): Promise<void> {
  const open = org
    .records('Task')
    .filter((task) => task.Status !== 'Completed' && typeof task.WhatId === 'string');
  const lost = [...new Set(open.map((task) => String(task.WhatId)))];
  const mover = await orgApi(org);
  await mover.update(
    'Opportunity',
    lost.map((Id) => ({ attributes: { type: 'Opportunity' }, Id, StageName: 'Closed Lost' })),
  );
  const api = await orgApi(org);
  const start = performance.now();
  const report = await scan({ api, playbook: defaultPlaybook(), clock: org.clock });
  const ms = performance.now() - start;
  const escalations = org
    .records('Handoff_Escalation__c')
    .filter((e) => lost.includes(String(e.Opportunity__c))).length;
  // The candidates left and the escalations left behind in pages of 2,000, their open Tasks 200
  // records a query (the URI limit), then the completions and the escalations' marks in
  // collections of 200.
  const minimum =
    Math.ceil(report.opportunities / QUERY_BATCH) +
    Math.ceil(escalations / QUERY_BATCH) +
    Math.ceil(lost.length / IDS_PER_QUERY) +
    Math.ceil(report.tasksCompleted / COLLECTION_SIZE) +
    Math.ceil(report.escalationsClosed / COLLECTION_SIZE);
  line(
    `then ${lost.length} deals with open Tasks closed lost: one scan`,
    `${(ms / 1000).toFixed(2)} s, ${report.apiCalls} API calls (minimum ${minimum}), ${report.escalationsClosed} escalations closed, ${report.tasksCompleted} Tasks completed`,
  );
  const again = await scan({ api, playbook: defaultPlaybook(), clock: org.clock });
  line(
    '  and the scan after it',
    `${again.apiCalls} API calls, ${again.tasksCompleted} Tasks completed`,
  );
}

const LEADS = 2_000;

/** Leads that entered MQL on a Tuesday at 10:00 New York; at 13:00 the next day, half untouched. */
export async function leadScan(): Promise<void> {
  const mql = Date.UTC(2026, 2, 3, 15);
  const now = Date.UTC(2026, 2, 4, 18);
  const org = await startTestOrg({ start: now });
  try {
    for (let i = 0; i < LEADS; i++) {
      const name = `Lead ${i}`;
      const id = org.seed.lead({ LastName: name, Name: name, Company: 'Acme', Title: 'CFO' }, [
        { status: 'Open - Not Contacted', at: mql - 86_400_000 },
        { status: 'Marketing Qualified', at: mql },
      ]);
      if (i % 2 === 0)
        org.seed.record('Task', {
          Subject: 'Call',
          WhoId: id,
          Status: 'Completed',
          CreatedDate: new Date(mql + 3_600_000).toISOString(),
          LastModifiedDate: new Date(mql + 3_600_000).toISOString(),
        });
    }
    const api = await orgApi(org);
    const options = { api, playbook: wholeDefaultPlaybook(), clock: org.clock };
    const start = performance.now();
    const report = await scan(options);
    const ms = performance.now() - start;
    const second = performance.now();
    const again = await scan(options);
    const againMs = performance.now() - second;
    // One SOQL page for the (absent) opportunities, the Lead pages, the writes, and the look-up of
    // escalations left behind.
    const minimum = 1 + Math.ceil(report.leads / QUERY_BATCH) + writesMinimum(report) + 1;
    section(
      `Salesforce SLA scanner on Leads (${LEADS.toLocaleString('en-US')} MQLs, default playbook)`,
    );
    line('leads with a possibly live timer', String(report.leads));
    line('escalations executed (Tasks created)', `${report.escalations} (${report.tasks})`);
    line(
      'SOQL pages: one scan',
      `${(ms / 1000).toFixed(2)} s, ${report.apiCalls} API calls (minimum ${minimum})`,
    );
    line(
      'SOQL pages: second scan',
      `${(againMs / 1000).toFixed(2)} s, ${again.apiCalls} API calls, ${again.escalations} escalations`,
    );
  } finally {
    await org.close();
  }
}
