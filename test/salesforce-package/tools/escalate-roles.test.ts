// Escalations "to a role" reach the people whose User records list that role in their Handoff roles
// (Salesforce has no teams): every active user holding it, alone or among other roles — not the
// holders of a permission set, and not someone who left.
import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../../../salesforce-package/tools/scan.js';
import { defaultPlaybook, orgApi, startTestOrg, type TestOrg } from './org.js';

const est = (day: number, hour: number) => Date.UTC(2026, 2, day, hour + 5);
/** Won Monday 2 March 09:00 (New York); at 15:30 6.5 of its 8 business hours are used: at risk (75 %). */
const WON = est(2, 9);
const NOW = est(2, 15) + 30 * 60_000;

const orgs: TestOrg[] = [];
afterEach(async () => {
  for (const t of orgs.splice(0)) await t.close();
});

describe('scan: who an escalation to a role reaches', () => {
  it('when the CS timer of a won deal turns at risk, then a Task goes to each active user whose Handoff roles include cs_manager', async () => {
    const t = await startTestOrg({ start: NOW });
    orgs.push(t);
    const both = t.seed.user({
      Username: 'sdr-and-csm@example.com',
      Handoff_Roles__c: 'sdr;cs_manager',
    });
    // Access without a role: the permission set alone makes nobody a CS manager.
    const setOnly = t.seed.user({ Username: 'set-only@example.com' });
    t.seed.permissionSet('Handoff_User', [setOnly]);
    const opportunity = t.seed.opportunity(
      { Name: 'Won', StageName: 'Closed Won', CloseDate: '2026-03-31', OwnerId: t.users.owner },
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
    const report = await scan({
      api: await orgApi(t),
      playbook: defaultPlaybook(),
      clock: t.clock,
    });
    expect(report.escalations).toBe(1);
    const owners = t
      .records('Task')
      .map((task) => String(task.OwnerId))
      .sort();
    expect(owners).toEqual([...t.users.csManagers, both].sort());
  });
});
