// The scanner writes each handoff's accept-SLA outcome (the core's handoffSlaOutcome) to Handoff__c,
// so native reports count met / met late / breached and the business minutes to accept without a
// formula over business hours. Instants by hand on the scanner playbook: "CS accepts the won deal"
// starts when the deal is won, 1 business day = 8 business hours, Mon–Fri 09:00–17:00 New York (EST).
import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../../../salesforce-package/tools/scan.js';
import { packageValidation } from '../../../sandbox/server/salesforce/package.js';
import { defaultPlaybook, orgApi, startTestOrg, type TestOrg } from './org.js';

const est = (month: number, day: number, hour: number, minute = 0) =>
  Date.UTC(2026, month - 1, day, hour + 5, minute);
const iso = (at: number) => new Date(at).toISOString();
/** Monday 2 March 2026, 13:30 in New York. */
const NOW = est(3, 2, 13, 30);

const orgs: TestOrg[] = [];
afterEach(async () => {
  for (const t of orgs.splice(0)) await t.close();
});

function seedHandoff(
  t: TestOrg,
  name: string,
  won: number,
  header: Record<string, unknown>,
): string {
  const opportunity = t.seed.opportunity(
    { Name: name, StageName: 'Closed Won', CloseDate: '2026-03-31', OwnerId: t.users.owner },
    [
      { stage: 'Negotiation/Review', at: won - 7 * 86_400_000 },
      { stage: 'Closed Won', at: won },
    ],
  );
  return t.seed.record('Handoff__c', {
    Opportunity__c: opportunity,
    Handoff_Id__c: 'sales_to_cs',
    Record_Key__c: `${opportunity}:sales_to_cs`,
    Version__c: 2,
    Submitted_By__c: t.users.owner,
    ...header,
  });
}

const outcome = (t: TestOrg, id: string) => {
  const row = t.records('Handoff__c').find((h) => h.Id === id);
  return {
    sla: row?.SLA_Id__c ?? null,
    outcome: row?.SLA_Outcome__c ?? null,
    // The emulator's store keeps date-times as instants.
    completedAt: row?.SLA_Completed_At__c ?? null,
    minutes: row?.Business_Minutes_To_Accept__c ?? null,
  };
};

describe('scan: the accept SLA outcome on Handoff__c', () => {
  it('when handoffs were accepted on time, late, or wait past due, then each gets met / met late / breached, its stop and its wait — once, correcting a wrong value', async () => {
    const t = await startTestOrg({ validation: packageValidation() });
    orgs.push(t);
    // Won and submitted Thursday 10:00, accepted 13:00: 3 business hours of 8 — met.
    const onTime = seedHandoff(t, 'On time', est(2, 26, 10), {
      Status__c: 'accepted',
      Submitted_At__c: iso(est(2, 26, 10)),
      Accepted_At__c: iso(est(2, 26, 13)),
      Accepted_By__c: t.users.csManagers[0],
      // A wrong value someone typed in: the scan puts the core's back.
      SLA_Outcome__c: 'breached',
    });
    // Won and submitted Thursday 10:00, due Friday 10:00 (Thu 7 h + Fri 1 h), accepted Monday 10:00:
    // met late after Thu 7 h + Fri 8 h + Mon 1 h = 960 business minutes.
    const late = seedHandoff(t, 'Late', est(2, 26, 10), {
      Status__c: 'accepted',
      Submitted_At__c: iso(est(2, 26, 10)),
      Accepted_At__c: iso(est(3, 2, 10)),
      Accepted_By__c: t.users.csManagers[0],
    });
    // Won and submitted Friday 10:00, due Monday 10:00, still waiting at 13:30: breached, open.
    const waiting = seedHandoff(t, 'Waiting', est(2, 27, 10), {
      Status__c: 'submitted',
      Submitted_At__c: iso(est(2, 27, 10)),
    });
    t.clock.set(NOW);
    const api = await orgApi(t);
    const first = await scan({ api, playbook: defaultPlaybook(), clock: t.clock });
    expect(first.failures).toEqual([]);
    expect(outcome(t, onTime)).toEqual({
      sla: 'cs_accepts_won_deal',
      outcome: 'met',
      completedAt: est(2, 26, 13),
      minutes: 180,
    });
    expect(outcome(t, late)).toEqual({
      sla: 'cs_accepts_won_deal',
      outcome: 'met_late',
      completedAt: est(3, 2, 10),
      minutes: 960,
    });
    expect(outcome(t, waiting)).toEqual({
      sla: 'cs_accepts_won_deal',
      outcome: 'breached',
      completedAt: null,
      minutes: null,
    });

    // Nothing changed: the next scan writes nothing.
    const second = await scan({ api, playbook: defaultPlaybook(), clock: t.clock });
    expect(second).toMatchObject({ statusWrites: 0, failures: [] });
  }, 60_000);
});
