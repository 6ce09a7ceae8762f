// The scanner through the real jsforce against the emulator over HTTP: exactly the escalations the
// default playbook calls for, each once, and the SLA status of every handoff written back.
import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../../../salesforce-package/tools/scan.js';
import { NOW, seedOpportunities, type Seeded, type Situation } from './dataset.js';
import { defaultPlaybook, orgApi, startTestOrg, type TestOrg } from './org.js';

let org: TestOrg | undefined;
afterEach(async () => {
  await org?.close();
  org = undefined;
});

const est = (day: number, hour: number, month = 2) => Date.UTC(2026, month, day, hour + 5);
const AE = 'ae_accepts_new_deal';
const CS = 'cs_accepts_won_deal';

/** Written out by hand from the playbook: which levels each situation has reached at NOW. */
const EXPECTED: Partial<Record<Situation, { sla: string; levels: number[]; startedAt: number }>> = {
  at_risk_prospect: { sla: AE, levels: [1], startedAt: est(2, 10) },
  breached_prospect: { sla: AE, levels: [1, 2], startedAt: est(2, 9) },
  won_friday: { sla: CS, levels: [1, 2], startedAt: est(27, 10, 1) },
  won_thursday: { sla: CS, levels: [1, 2, 3], startedAt: est(26, 9, 1) },
};
/** Tasks per situation: AE L1 → owner, AE L2 → 2 admins, CS L1 → 2 CS managers, CS L2 → 1 note, CS L3 → 2 admins. */
const TASKS: Partial<Record<Situation, number>> = {
  at_risk_prospect: 1,
  breached_prospect: 3,
  won_friday: 3,
  won_thursday: 5,
};
const STATUS: Partial<Record<Situation, string>> = {
  fresh_prospect: 'running',
  at_risk_prospect: 'at_risk',
  breached_prospect: 'breached',
  accepted_prospect: 'met',
  won_friday: 'breached',
  won_thursday: 'breached',
  won_accepted: 'met',
};

function expectedKeys(seeded: readonly Seeded[]): string[] {
  return seeded.flatMap(({ id, situation }) => {
    const e = EXPECTED[situation];
    return e
      ? e.levels.map((l) => `salesforce:Opportunity:${id}:${e.sla}:L${l}:${e.startedAt}`)
      : [];
  });
}

const keysIn = (t: TestOrg) =>
  t.emulator
    .records('Handoff_Escalation__c')
    .map((r) => String(r.Escalation_Key__c))
    .sort();

describe('scan', () => {
  it('when 3,000 opportunities are scanned, then exactly the expected escalations happen, once, in the fewest calls', async () => {
    org = await startTestOrg();
    const seeded = seedOpportunities(org, 3000);
    org.clock.set(NOW);
    const api = await orgApi(org);
    const started = performance.now();
    const report = await scan({ api, playbook: defaultPlaybook(), clock: org.clock });
    const ms = performance.now() - started;

    const expected = expectedKeys(seeded).sort();
    expect(expected).toHaveLength(300 * (1 + 2 + 2 + 3));
    expect(keysIn(org)).toEqual(expected);
    const escalations = org.emulator.records('Handoff_Escalation__c');
    expect(
      escalations.every((e) => e.Executed_At__c === NOW && typeof e.Task_Id__c === 'string'),
    ).toBe(true);
    const tasks = org.emulator.records('Task');
    const expectedTasks = seeded.reduce((n, s) => n + (TASKS[s.situation] ?? 0), 0);
    expect(tasks).toHaveLength(expectedTasks);
    expect(new Set(tasks.map((t) => t.Description)).size).toBe(expectedTasks);
    // The CS SLA's breach note, on the Friday and the Thursday wins.
    expect(tasks.filter((t) => t.Status === 'Completed')).toHaveLength(600);

    const handoffs = new Map(org.emulator.records('Handoff__c').map((h) => [h.Id, h]));
    for (const s of seeded.filter((x) => x.handoffId)) {
      expect(handoffs.get(s.handoffId)?.SLA_Status__c, s.situation).toBe(STATUS[s.situation]);
    }
    const writes = seeded.filter((s) => STATUS[s.situation]).length;
    expect(report).toMatchObject({
      opportunities: 2400,
      escalations: expected.length,
      tasks: expectedTasks,
      statusWrites: writes,
      failures: [],
    });

    // Minimum: query pages of 2,000, then collections of 200 for escalation records, Tasks, marks and
    // status writes, plus one look-up of who holds each role.
    const minimum =
      Math.ceil(2400 / 2000) +
      Math.ceil(expected.length / 200) * 2 +
      Math.ceil(expectedTasks / 200) +
      Math.ceil(writes / 200) +
      1;
    const apiRequests = org.emulator.requestLog
      .entries()
      .filter((e) => e.route !== 'oauth.token').length;
    expect(report.apiCalls).toBe(apiRequests);
    expect(apiRequests).toBe(minimum);
    process.stderr.write(
      `scan of 3,000 opportunities: ${apiRequests} API calls (minimum ${minimum}), ${Math.round(ms)} ms\n`,
    );

    const again = await scan({ api, playbook: defaultPlaybook(), clock: org.clock });
    expect(again).toMatchObject({ escalations: 0, tasks: 0, statusWrites: 0, opportunities: 2400 });
    expect(again.apiCalls).toBe(2);
    expect(org.emulator.records('Task')).toHaveLength(expectedTasks);
  }, 60_000);
});
