// A rejected handoff pauses its SLA in the scanner too: the jsforce scanner reads Rejected_At__c and
// Rejected_By__c (SOQL and Bulk API 2.0 alike) and the core pauses the CS timer from the rejection
// until the next submission. Every instant below is computed by hand on the default playbook:
// "CS accepts the won deal" starts when the deal is won, 1 business day = 8 business hours
// (Mon–Fri 09:00–17:00 New York, EST here), at risk at 75 %, breached → a note, 4 business hours
// after the breach → the admins.
import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../../../salesforce-package/tools/scan.js';
import { packageValidation } from '../../../sandbox/server/salesforce/package.js';
import { requestsByRoute } from './expected.js';
import { defaultPlaybook, orgApi, startTestOrg, type TestOrg } from './org.js';

const est = (day: number, hour: number, minute = 0, month = 2) =>
  Date.UTC(2026, month, day, hour + 5, minute);
const iso = (at: number) => new Date(at).toISOString();
const CS = 'cs_accepts_won_deal';

/** Monday 2 March 2026, 13:30 in New York. */
const NOW = est(2, 13, 30);
// Won Thursday 26 Feb 09:00 and submitted; rejected 11:00 (2 h used); submitted again Monday 09:00.
// Without the pause it was due Friday 09:00 and had every level by Friday 13:00. With it: 2 h + 4.5 h
// = 6.5 h at NOW (at risk since Monday 13:00), due Monday 15:00, the admins 4 business hours later
// (Monday 15–17, Tuesday 09–11) = Tuesday 11:00.
const RESUBMITTED = {
  won: est(26, 9, 0, 1),
  submitted: est(2, 9),
  rejected: est(26, 11, 0, 1),
  status: 'submitted',
};
// Won Friday 27 Feb 10:00 and submitted; rejected 12:00 (2 h used). Without the pause: due Monday
// 10:00, breached at NOW. With it the timer waits: paused, nothing due.
const STILL_REJECTED = {
  won: est(27, 10, 0, 1),
  submitted: est(27, 10, 0, 1),
  rejected: est(27, 12, 0, 1),
  status: 'rejected',
};
// The same, reworked since (in progress): still paused until it is submitted again.
const IN_REWORK = { ...STILL_REJECTED, status: 'in_progress' };

const orgs: TestOrg[] = [];
afterEach(async () => {
  for (const t of orgs.splice(0)) await t.close();
});

type Case = typeof RESUBMITTED;

function seedCase(t: TestOrg, name: string, c: Case): { opportunity: string; handoff: string } {
  const opportunity = t.seed.opportunity(
    { Name: name, StageName: 'Closed Won', CloseDate: '2026-03-31', OwnerId: t.users.owner },
    [
      { stage: 'Negotiation/Review', at: c.won - 7 * 86_400_000 },
      { stage: 'Closed Won', at: c.won },
    ],
  );
  const handoff = t.seed.record('Handoff__c', {
    Opportunity__c: opportunity,
    Handoff_Id__c: 'sales_to_cs',
    Record_Key__c: `${opportunity}:sales_to_cs`,
    Status__c: c.status,
    Version__c: 4,
    Submitted_At__c: iso(c.submitted),
    Submitted_By__c: t.users.owner,
    Rejected_At__c: iso(c.rejected),
    Rejected_By__c: t.users.csManagers[0],
    Rejection_Reason__c: 'missing_information',
  });
  return { opportunity, handoff };
}

/** Closed Won deals whose handoff was accepted in time and whose status is already written: read, never acted on. */
function seedSettled(t: TestOrg, count: number): void {
  const won = est(26, 9, 0, 1);
  for (let i = 0; i < count; i++) {
    const opportunity = t.seed.opportunity(
      { Name: `Settled ${i}`, StageName: 'Closed Won', CloseDate: '2026-03-31' },
      [{ stage: 'Closed Won', at: won }],
    );
    t.seed.record('Handoff__c', {
      Opportunity__c: opportunity,
      Handoff_Id__c: 'sales_to_cs',
      Record_Key__c: `${opportunity}:sales_to_cs`,
      Status__c: 'accepted',
      Version__c: 2,
      Submitted_At__c: iso(won),
      Accepted_At__c: iso(won + 3_600_000),
      SLA_Status__c: 'met',
    });
  }
}

async function org(settled = 0, options: Parameters<typeof startTestOrg>[0] = {}) {
  const t = await startTestOrg(options);
  orgs.push(t);
  seedSettled(t, settled);
  const cases = {
    resubmitted: seedCase(t, 'Resubmitted', RESUBMITTED),
    stillRejected: seedCase(t, 'Still rejected', STILL_REJECTED),
    inRework: seedCase(t, 'In rework', IN_REWORK),
  };
  return { t, cases };
}

const keys = (t: TestOrg) =>
  t
    .records('Handoff_Escalation__c')
    .map((r) => String(r.Escalation_Key__c))
    .sort();
const key = (opportunity: string, level: number) =>
  `salesforce:Opportunity:${opportunity}:${CS}:L${level}:${RESUBMITTED.won}`;
const status = (t: TestOrg, handoff: string) => {
  const row = t.records('Handoff__c').find((h) => h.Id === handoff);
  return [row?.SLA_Status__c, row?.SLA_Next_Due__c ?? null];
};

describe('scan: a rejection pauses the SLA', () => {
  it('when a won deal was rejected and submitted again, then its breach moves from Friday 09:00 to Monday 15:00, and rejected or reworked deals wait', async () => {
    const { t, cases } = await org();
    const api = await orgApi(t);
    const run = async (at: number) => {
      t.clock.set(at);
      return scan({ api, playbook: defaultPlaybook(), clock: t.clock });
    };

    // Monday 13:30: only at risk — the two CS managers get a task each; nothing breached.
    const first = await run(NOW);
    expect(first).toMatchObject({ opportunities: 3, escalations: 1, tasks: 2, failures: [] });
    expect(keys(t)).toEqual([key(cases.resubmitted.opportunity, 1)]);
    expect(status(t, cases.resubmitted.handoff)).toEqual(['at_risk', est(2, 15)]);
    expect(status(t, cases.stillRejected.handoff)).toEqual(['paused', null]);
    expect(status(t, cases.inRework.handoff)).toEqual(['paused', null]);

    // A minute before the moved due time: still not breached.
    expect(await run(est(2, 14, 59))).toMatchObject({ escalations: 0, tasks: 0 });

    // Monday 15:00: breached — the CS managers' note (a completed Task).
    expect(await run(est(2, 15))).toMatchObject({ escalations: 1, tasks: 1 });
    expect(keys(t)).toEqual([1, 2].map((l) => key(cases.resubmitted.opportunity, l)));
    expect(status(t, cases.resubmitted.handoff)).toEqual(['breached', est(2, 15)]);

    // The admins 4 business hours after the breach: not at Tuesday 10:59, at 11:00.
    expect(await run(est(3, 10, 59))).toMatchObject({ escalations: 0 });
    expect(await run(est(3, 11))).toMatchObject({ escalations: 1, tasks: 2 });
    expect(keys(t)).toEqual([1, 2, 3].map((l) => key(cases.resubmitted.opportunity, l)));

    // The paused ones never escalated and still wait.
    expect(status(t, cases.stillRejected.handoff)).toEqual(['paused', null]);
    expect(status(t, cases.inRework.handoff)).toEqual(['paused', null]);
  }, 60_000);

  it('when the rejected deals are read through Bulk API 2.0, then they pause the same way', async () => {
    // 2,000 settled deals fill the first SOQL page; the three cases come after it, through the jobs.
    const { t, cases } = await org(2000);
    const ids = t
      .records('Opportunity')
      .map((o) => String(o.Id))
      .sort();
    expect(ids.indexOf(cases.resubmitted.opportunity)).toBeGreaterThanOrEqual(2000);
    t.clock.set(NOW);
    const report = await scan({
      api: await orgApi(t),
      playbook: defaultPlaybook(),
      clock: t.clock,
      bulkThreshold: 2000,
      bulkPolling: {
        firstDelayMs: 5,
        maxDelayMs: 20,
        timeoutMs: 60_000,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        wallNow: () => Date.now(),
      },
    });
    expect(report.read).toEqual({ soqlPages: 1, bulkJobs: 4, bulkChecks: 4 });
    expect(requestsByRoute(t)['bulk2.query.create']).toBe(4);
    expect(report).toMatchObject({ opportunities: 2003, escalations: 1, tasks: 2, failures: [] });
    expect(keys(t)).toEqual([key(cases.resubmitted.opportunity, 1)]);
    expect(status(t, cases.resubmitted.handoff)).toEqual(['at_risk', est(2, 15)]);
    expect(status(t, cases.stillRejected.handoff)).toEqual(['paused', null]);
    expect(status(t, cases.inRework.handoff)).toEqual(['paused', null]);
  }, 60_000);

  it('when the org enforces the package’s validation rules, then a rejection through the API must record its time and user, nothing else may move them, and the scanner’s status writes on rejected handoffs pass', async () => {
    const { t, cases } = await org(0, { validation: packageValidation() });
    t.clock.set(NOW);
    const api = await orgApi(t);
    // A submitted handoff, as the tools user (Handoff_Admin, so it may reject) sees it.
    const open = t.seed.opportunity(
      { Name: 'Open', StageName: 'Closed Won', CloseDate: '2026-03-31', OwnerId: t.users.owner },
      [{ stage: 'Closed Won', at: est(2, 9) }],
    );
    const handoff = t.seed.record('Handoff__c', {
      Opportunity__c: open,
      Handoff_Id__c: 'sales_to_cs',
      Record_Key__c: `${open}:sales_to_cs`,
      Status__c: 'submitted',
      Action__c: 'submit',
      Action_Id__c: 'a-1',
      Version__c: 1,
      Submitted_At__c: iso(est(2, 9)),
      Submitted_By__c: t.users.owner,
    });
    const reject = {
      Id: handoff,
      Status__c: 'rejected',
      Action__c: 'reject',
      Action_Id__c: 'a-2',
      Version__c: 2,
      Rejection_Reason__c: 'missing_information',
    };
    // The org holds the package under its namespace: writes name its object and fields that way.
    const save = async (record: Record<string, unknown> & { Id: string }) => {
      const inOrg = Object.fromEntries(Object.entries(record).map(([f, v]) => [t.q(f), v]));
      const [result] = await api.update(t.q('Handoff__c'), [inOrg as typeof record]);
      return result?.success ? 'saved' : result?.errors.map((e) => e.message).join(' ');
    };
    const mustBeYouNow =
      'A rejection must record that you made it, now (Rejected by: you; Rejected at: the current time).';
    expect(await save(reject)).toBe(mustBeYouNow);
    // Someone else's name, or a time far from now, is refused the same way.
    expect(
      await save({ ...reject, Rejected_At__c: iso(NOW), Rejected_By__c: t.users.csManagers[0] }),
    ).toBe(mustBeYouNow);
    expect(
      await save({ ...reject, Rejected_At__c: iso(est(1, 9)), Rejected_By__c: t.users.tools }),
    ).toBe(mustBeYouNow);
    expect(await save({ ...reject, Rejected_At__c: iso(NOW), Rejected_By__c: t.users.tools })).toBe(
      'saved',
    );
    expect(await save({ Id: handoff, Rejected_At__c: iso(est(2, 13)) })).toBe(
      'Rejected at and Rejected by change only when the handoff is rejected.',
    );

    const report = await scan({ api, playbook: defaultPlaybook(), clock: t.clock });
    expect(report.failures).toEqual([]);
    expect(status(t, handoff)).toEqual(['paused', null]);
    expect(status(t, cases.stillRejected.handoff)).toEqual(['paused', null]);
    expect(status(t, cases.resubmitted.handoff)).toEqual(['at_risk', est(2, 15)]);
  }, 60_000);
});
