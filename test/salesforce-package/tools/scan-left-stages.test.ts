// Escalation Tasks of records the scan no longer reads, through the real jsforce against the
// emulator: an Opportunity that left every stage where an SLA runs (moved back, or closed lost), a
// Lead converted or moved out of Marketing Qualified. Their open Tasks are completed once, in
// collections, each escalation recorded closed; a scan that fails half-way finishes next time.
import { afterEach, describe, expect, it } from 'vitest';
import { escalationKey, type Playbook } from '@handoff/shared';
import { connect } from '../../../salesforce-package/tools/auth.js';
import type { CrashPoint } from '../../../salesforce-package/tools/escalate.js';
import { scan } from '../../../salesforce-package/tools/scan.js';
import { defaultPlaybook as wholePlaybook } from '../../shared/fixtures.js';
import { API_VERSION, defaultPlaybook, orgApi, startTestOrg, type TestOrg } from './org.js';

/** New York wall time in early March 2026 (EST, UTC−5). */
const est = (day: number, hour: number, minute = 0) => Date.UTC(2026, 2, day, hour + 5, minute);

const orgs: TestOrg[] = [];
afterEach(async () => {
  for (const t of orgs.splice(0)) await t.close();
});

const KEY_LINE = 'Handoff escalation key: ';
const isEscalationTask = (task: Record<string, unknown>) =>
  String(task.Description).includes(KEY_LINE);
const openTasks = (t: TestOrg) =>
  t.records('Task').filter((task) => isEscalationTask(task) && task.Status !== 'Completed');
const closedAt = (t: TestOrg) =>
  t.records('Handoff_Escalation__c').map((e) => e.Closed_At__c ?? null);

async function scanner(t: TestOrg, playbook: Playbook) {
  const api = await orgApi(t);
  return (crashAt?: CrashPoint) =>
    scan({
      api,
      playbook,
      clock: t.clock,
      ...(crashAt
        ? {
            crash: (point: CrashPoint) => {
              if (point === crashAt) throw new Error(`crashed after ${point}`);
            },
          }
        : {}),
    });
}

async function update(t: TestOrg, type: string, values: Record<string, unknown>): Promise<void> {
  const conn = await connect(t.auth, API_VERSION, t.clock);
  await conn.sobject(type).update(values as never);
}

/** A deal won Monday 09:00 New York with its Sales → CS handoff waiting; at 15:30 CS is at risk. */
async function wonDealAtRisk() {
  const t = await startTestOrg({ start: est(2, 15, 30) });
  orgs.push(t);
  const won = est(2, 9);
  const opportunity = t.seed.opportunity(
    { Name: 'Globex renewal', StageName: 'Closed Won', CloseDate: '2026-03-31' },
    [{ stage: 'Closed Won', at: won }],
  );
  t.seed.record('Handoff__c', {
    Opportunity__c: opportunity,
    Handoff_Id__c: 'sales_to_cs',
    Record_Key__c: `${opportunity}:sales_to_cs`,
    Status__c: 'submitted',
    Version__c: 2,
    Submitted_At__c: new Date(won).toISOString(),
    Submitted_By__c: t.users.owner,
  });
  const run = await scanner(t, defaultPlaybook());
  expect(await run()).toMatchObject({ escalations: 1, tasks: 2, failures: [] });
  expect(openTasks(t)).toHaveLength(2);
  return { t, opportunity, run };
}

/** A Lead that became an MQL Tuesday 10:00 New York; Wednesday 13:00 speed to lead is breached. */
async function breachedLead() {
  const t = await startTestOrg({ start: Date.UTC(2026, 2, 4, 18) });
  orgs.push(t);
  const lead = t.seed.lead(
    { LastName: 'Waiting', Name: 'Waiting', Company: 'Acme', Title: 'CFO' },
    [{ status: 'Marketing Qualified', at: Date.UTC(2026, 2, 3, 15) }],
  );
  const run = await scanner(t, wholePlaybook());
  // The breach supersedes the warning in the same scan: the admins' Tasks are the open ones.
  expect(await run()).toMatchObject({ leads: 1, escalations: 2, tasks: 2, failures: [] });
  expect(openTasks(t)).toHaveLength(2);
  return { t, lead, run };
}

describe('escalation Tasks of an opportunity that left the SLA stages', () => {
  it.each([
    ['moved back to Negotiation/Review', 'Negotiation/Review'],
    ['closed lost', 'Closed Lost'],
  ])(
    'when the won deal is %s, then the next scan completes the CS managers’ Tasks once and records the escalation closed',
    async (_, stage) => {
      const { t, opportunity, run } = await wonDealAtRisk();
      t.clock.advance(10 * 60_000);
      await update(t, 'Opportunity', { Id: opportunity, StageName: stage });

      expect(await run()).toMatchObject({
        opportunities: 0,
        escalationsClosed: 1,
        tasksCompleted: 2,
        failures: [],
      });
      expect(openTasks(t)).toEqual([]);
      expect(closedAt(t)).toEqual([t.clock.now()]);

      // Nothing is left to close: the next scan reads the escalations and finds none.
      const again = await run();
      expect(again).toMatchObject({ escalationsClosed: 0, tasksCompleted: 0, failures: [] });
    },
  );

  it('when a CS manager completed their Task already, then only the other is completed', async () => {
    const { t, opportunity, run } = await wonDealAtRisk();
    const [first] = openTasks(t);
    await update(t, 'Task', { Id: first?.Id, Status: 'Completed' });
    await update(t, 'Opportunity', { Id: opportunity, StageName: 'Closed Lost' });
    expect(await run()).toMatchObject({ escalationsClosed: 1, tasksCompleted: 1, failures: [] });
    expect(openTasks(t)).toEqual([]);
  });

  it.each([
    ['Salesforce refuses to complete the Tasks (500)', 'refused'],
    ['the scanner dies after completing the Tasks', 'tasks_completed'],
  ] as const)(
    'when %s, then the next scan finishes: every Task completed, the escalation closed once',
    async (_, failure) => {
      const { t, opportunity, run } = await wonDealAtRisk();
      await update(t, 'Opportunity', { Id: opportunity, StageName: 'Closed Lost' });
      if (failure === 'refused')
        t.emulator.faults.inject({
          kind: 'server-error',
          route: 'data.composite.sobjects.update',
          status: 500,
          count: 1,
        });
      await expect(run(failure === 'refused' ? undefined : failure)).rejects.toThrow();
      expect(openTasks(t)).toHaveLength(failure === 'refused' ? 2 : 0);
      expect(closedAt(t)).toEqual([null]);

      t.clock.advance(60_000);
      const report = await run();
      expect(report).toMatchObject({ escalationsClosed: 1, failures: [] });
      expect(report.tasksCompleted).toBe(failure === 'refused' ? 2 : 0);
      expect(openTasks(t)).toEqual([]);
      expect(closedAt(t)).toEqual([t.clock.now()]);
    },
  );
});

describe('many opportunities left behind at once', () => {
  it('when 250 lost opportunities each have an escalation with 2 open Tasks, then one scan completes them in collections: the escalations in one query, their Tasks in two (200 records a query), 3 Task updates, 2 escalation updates', async () => {
    const t = await startTestOrg();
    orgs.push(t);
    const [csm1, csm2] = t.users.csManagers;
    for (let i = 0; i < 250; i++) {
      const opportunity = t.seed.opportunity(
        { Name: `Lost ${i}`, StageName: 'Closed Lost', CloseDate: '2026-03-31' },
        [{ stage: 'Closed Lost', at: Date.UTC(2026, 2, 1) }],
      );
      const record = { crm: 'salesforce', objectType: 'Opportunity', recordId: opportunity };
      const key = escalationKey(record, 'cs_accepts', 1, Date.UTC(2026, 1, 27));
      t.seed.record('Handoff_Escalation__c', {
        Escalation_Key__c: key,
        Opportunity__c: opportunity,
        SLA_Id__c: 'cs_accepts',
        Executed_At__c: new Date(Date.UTC(2026, 2, 1)).toISOString(),
      });
      for (const owner of [csm1, csm2])
        t.seed.record('Task', {
          Subject: 'At risk',
          WhatId: opportunity,
          OwnerId: owner,
          Status: 'Not Started',
          Description: `Review the handoff.\n${KEY_LINE}${key}:${owner}`,
        });
    }
    const run = await scanner(t, defaultPlaybook());
    const report = await run();
    expect(report).toMatchObject({ escalationsClosed: 250, tasksCompleted: 500, failures: [] });
    // The candidate page, the escalations left behind, their open Tasks (200 records a query, so
    // the query stays within Salesforce's URI limit); 500 Tasks and 250 escalations in collections
    // of 200.
    expect(report.apiCalls).toBe(1 + 1 + 2 + 3 + 2);
    expect(openTasks(t)).toEqual([]);
    // Afterwards the check costs one query a scan.
    expect((await run()).apiCalls).toBe(1 + 1);
  });
});

describe('speed to lead Tasks of a Lead that left Marketing Qualified', () => {
  it('when the Lead is converted, then the next scan completes the admins’ Tasks (now on its deal) once', async () => {
    const { t, lead, run } = await breachedLead();
    const conn = await connect(t.auth, API_VERSION, t.clock);
    const converted = await conn.soap.convertLead({
      leadId: lead,
      convertedStatus: 'Closed - Converted',
      doNotCreateOpportunity: false,
      opportunityName: 'Acme — new business',
      overwriteLeadSource: false,
      sendNotificationEmail: false,
    });
    expect(converted).toMatchObject({ success: true });

    expect(await run()).toMatchObject({
      leads: 0,
      // Both levels: the warning, superseded before it had a Task, is recorded closed too.
      escalationsClosed: 2,
      tasksCompleted: 2,
      failures: [],
    });
    expect(openTasks(t)).toEqual([]);
    expect(closedAt(t)).toEqual([t.clock.now(), t.clock.now()]);
    expect(await run()).toMatchObject({ escalationsClosed: 0, tasksCompleted: 0 });
  });

  it('when the Lead is moved to Unqualified, then the next scan completes the admins’ Tasks once', async () => {
    const { t, lead, run } = await breachedLead();
    await update(t, 'Lead', { Id: lead, Status: 'Unqualified' });
    expect(await run()).toMatchObject({
      leads: 0,
      // Both levels: the warning, superseded before it had a Task, is recorded closed too.
      escalationsClosed: 2,
      tasksCompleted: 2,
      failures: [],
    });
    expect(openTasks(t)).toEqual([]);
    expect(await run()).toMatchObject({ escalationsClosed: 0, tasksCompleted: 0 });
  });
});
