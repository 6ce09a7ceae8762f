// The scanner through the real jsforce against the emulator over HTTP: exactly the escalations the
// default playbook calls for, each once, and the SLA status of every handoff written back.
import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../../../salesforce-package/tools/scan.js';
import { NOW, seedOpportunities } from './dataset.js';
import { expectedKeys, expectedTasks as tasksFor, keysIn, STATUS, SUPERSEDED } from './expected.js';
import { defaultPlaybook, orgApi, startTestOrg, type TestOrg } from './org.js';

let org: TestOrg | undefined;
afterEach(async () => {
  await org?.close();
  org = undefined;
});

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
    const escalations = org.records('Handoff_Escalation__c');
    expect(escalations.every((e) => e.Executed_At__c === NOW)).toBe(true);
    // Every escalation names its first Task, but a level a later one superseded has none.
    const superseded = new Set(
      seeded.flatMap(({ id, situation }) => {
        const levels = SUPERSEDED[situation] ?? [];
        return expectedKeys([{ id, situation }]).filter((k) =>
          levels.some((l) => k.includes(`:L${l}:`)),
        );
      }),
    );
    expect(superseded.size).toBe(300 * 3);
    for (const e of escalations)
      expect(typeof e.Task_Id__c, String(e.Escalation_Key__c)).toBe(
        superseded.has(String(e.Escalation_Key__c)) ? 'object' : 'string',
      );
    const tasks = org.records('Task');
    const expectedTasks = tasksFor(seeded);
    expect(tasks).toHaveLength(expectedTasks);
    expect(new Set(tasks.map((t) => t.Description)).size).toBe(expectedTasks);
    // The CS SLA's breach note, on the Friday and the Thursday wins.
    expect(tasks.filter((t) => t.Status === 'Completed')).toHaveLength(600);

    const handoffs = new Map(org.records('Handoff__c').map((h) => [h.Id, h]));
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
    // status writes, plus one look-up of who holds each role and one of the escalations whose record
    // left the SLA stages (none here).
    const minimum =
      Math.ceil(2400 / 2000) +
      Math.ceil(expected.length / 200) * 2 +
      Math.ceil(expectedTasks / 200) +
      Math.ceil(writes / 200) +
      1 +
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
    // The two candidate pages and the look-up of escalations left behind.
    expect(again.apiCalls).toBe(3);
    expect(org.records('Task')).toHaveLength(expectedTasks);
  }, 60_000);
});
