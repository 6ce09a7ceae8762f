// What an escalation's Tasks say and when they close, through the real jsforce against the emulator:
// each names the opportunity, the SLA and the level, says what to do, and is due on the date the
// SLA is due in its owner's own time zone (User.TimeZoneSidKey); a later level completes the
// earlier level's open Tasks.
import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../../../salesforce-package/tools/scan.js';
import { defaultPlaybook, orgApi, startTestOrg, type TestOrg } from './org.js';

/** New York wall time in early March 2026 (EST, UTC−5). */
const est = (day: number, hour: number, minute = 0) => Date.UTC(2026, 2, day, hour + 5, minute);
/** Won and handed over Monday 2 March 09:00 New York: CS has 8 business hours, due 17:00 that day. */
const WON = est(2, 9);

const orgs: TestOrg[] = [];
afterEach(async () => {
  for (const t of orgs.splice(0)) await t.close();
});

async function wonDeal() {
  const t = await startTestOrg({ start: est(2, 15, 30) });
  orgs.push(t);
  const sydney = t.seed.user({
    Username: 'csm-sydney@example.com',
    Handoff_Roles__c: 'cs_manager',
    TimeZoneSidKey: 'Australia/Sydney',
  });
  const opportunity = t.seed.opportunity(
    {
      Name: 'Globex renewal',
      StageName: 'Closed Won',
      CloseDate: '2026-03-31',
      OwnerId: t.users.owner,
    },
    [{ stage: 'Closed Won', at: WON }],
  );
  t.seed.record('Handoff__c', {
    Opportunity__c: opportunity,
    Handoff_Id__c: 'sales_to_cs',
    Record_Key__c: `${opportunity}:sales_to_cs`,
    Status__c: 'submitted',
    Version__c: 2,
    Submitted_At__c: new Date(WON).toISOString(),
    Submitted_By__c: t.users.owner,
  });
  const api = await orgApi(t);
  const run = () => scan({ api, playbook: defaultPlaybook(), clock: t.clock });
  return { t, sydney, run };
}

const keyLine = (task: Record<string, unknown>) =>
  String(task.Description)
    .split('\n')
    .find((l) => l.startsWith('Handoff escalation key: '));

describe('escalation Tasks', () => {
  it('when the CS timer turns at risk, then each CS manager’s Task names the deal, the SLA and the level, says what to do, and is due on the SLA’s due date in their own zone', async () => {
    const { t, sydney, run } = await wonDeal();
    expect(await run()).toMatchObject({ escalations: 1, tasks: 3, failures: [] });
    const tasks = t.records('Task');
    const of = (owner: string) => tasks.find((task) => task.OwnerId === owner);
    // Hand-computed: due Monday 17:00 EST = 22:00 UTC = Tuesday 09:00 in Sydney (AEDT, UTC+11).
    expect(of(sydney)).toMatchObject({
      Subject:
        'At risk: CS accepts the won deal on Globex renewal — due Mar 3, 2026, 9:00 AM GMT+11',
      ActivityDate: '2026-03-03',
      Status: 'Not Started',
      Priority: 'Normal',
    });
    expect(String(of(sydney)?.Description).split('\n').slice(0, 2)).toEqual([
      'Review the Sales → CS handoff: accept or reject it.',
      'CS accepts the won deal is at risk: due Mar 3, 2026, 9:00 AM GMT+11, 1 h 30 min of business time left.',
    ]);
    // The org's other CS managers are in New York (the seeded users' zone).
    for (const owner of t.users.csManagers)
      expect(of(owner)).toMatchObject({
        Subject:
          'At risk: CS accepts the won deal on Globex renewal — due Mar 2, 2026, 5:00 PM EST',
        ActivityDate: '2026-03-02',
      });
    expect(new Set(tasks.map(keyLine)).size).toBe(3);
  });

  it('when the timer breaches and then stays breached, then each later level completes the earlier level’s open Tasks, and the admins are asked to follow up', async () => {
    const { t, run } = await wonDeal();
    await run();
    const atRisk = t.records('Task').map((task) => task.Id);

    // Tuesday 10:00: an hour past due → the breach note (a completed Task) supersedes the at-risk level.
    t.clock.set(est(3, 10));
    expect(await run()).toMatchObject({
      escalations: 1,
      escalationsClosed: 1,
      tasksCompleted: 3,
      failures: [],
    });
    const statusOf = (id: unknown) => t.records('Task').find((task) => task.Id === id)?.Status;
    expect(atRisk.map(statusOf)).toEqual(['Completed', 'Completed', 'Completed']);

    // Tuesday 14:00: 4 business hours past due → a Task for each admin; the note had no open Task.
    t.clock.set(est(3, 14));
    expect(await run()).toMatchObject({ escalations: 1, escalationsClosed: 1, tasksCompleted: 0 });
    const admins = t.records('Task').filter((task) => task.Status === 'Not Started');
    expect(admins.map((task) => task.OwnerId).sort()).toEqual(
      [t.users.tools, ...t.users.admins].sort(),
    );
    expect(admins[0]).toMatchObject({
      Subject:
        'Still breached: CS accepts the won deal on Globex renewal — was due Mar 2, 2026, 5:00 PM EST',
      Priority: 'High',
      ActivityDate: '2026-03-03',
    });
    expect(String(admins[0]?.Description).split('\n')[0]).toBe(
      'The CS manager must review the Sales → CS handoff: accept or reject it. Follow up with them.',
    );
    const closed = t
      .records('Handoff_Escalation__c')
      .filter((e) => e.Closed_At__c !== null && e.Closed_At__c !== undefined)
      .map((e) => String(e.Escalation_Key__c).split(':')[4]);
    expect(closed.sort()).toEqual(['L1', 'L2']);
  });
});
