// The scanner when things go wrong: a crash mid-escalation, an expired session, daily-limit pressure.
import { afterEach, describe, expect, it } from 'vitest';
import type { CrashPoint } from '../../../salesforce-package/tools/escalate.js';
import { scan } from '../../../salesforce-package/tools/scan.js';
import { NOW, seedOpportunities } from './dataset.js';
import { defaultPlaybook, orgApi, startTestOrg, type TestOrg } from './org.js';

let org: TestOrg | undefined;
afterEach(async () => {
  await org?.close();
  org = undefined;
});

// 200 opportunities: 20 per situation → 160 escalations and 140 Tasks (see expected.ts: a level a
// later level supersedes in the same scan creates no Task).
const ESCALATIONS = 160;
const TASKS = 140;

async function seeded(options: Parameters<typeof startTestOrg>[0] = {}): Promise<TestOrg> {
  org = await startTestOrg(options);
  seedOpportunities(org, 200);
  org.clock.set(NOW);
  return org;
}

class Crash extends Error {}

describe('scan, when it is interrupted', () => {
  it.each<CrashPoint>(['recorded', 'tasks_created'])(
    'when the scanner dies after %s, then the next scan completes every escalation without a duplicate Task',
    async (point) => {
      const t = await seeded();
      const api = await orgApi(t);
      const crash = (at: CrashPoint) => {
        if (at === point) throw new Crash(at);
      };
      await expect(
        scan({ api, playbook: defaultPlaybook(), clock: t.clock, crash }),
      ).rejects.toThrow(Crash);
      const recorded = t.records('Handoff_Escalation__c');
      expect(recorded).toHaveLength(ESCALATIONS);
      expect(
        recorded.every((r) => r.Executed_At__c === null || r.Executed_At__c === undefined),
      ).toBe(true);
      expect(t.records('Task')).toHaveLength(point === 'recorded' ? 0 : TASKS);

      t.clock.advance(60_000);
      const report = await scan({
        api: await orgApi(t),
        playbook: defaultPlaybook(),
        clock: t.clock,
      });
      expect(report).toMatchObject({ escalations: ESCALATIONS, failures: [] });
      expect(report.tasks).toBe(point === 'recorded' ? TASKS : 0);
      const tasks = t.records('Task');
      expect(tasks).toHaveLength(TASKS);
      expect(new Set(tasks.map((task) => task.Description)).size).toBe(TASKS);
      expect(
        t.records('Handoff_Escalation__c').every((r) => typeof r.Executed_At__c === 'number'),
      ).toBe(true);
    },
    30_000,
  );

  it('when the session expires mid-scan, then jsforce re-mints a JWT token and the scan finishes', async () => {
    const t = await seeded();
    const api = await orgApi(t);
    expect(t.emulator.sessions.minted).toBe(1);
    const report = await scan({
      api,
      playbook: defaultPlaybook(),
      clock: t.clock,
      crash: () => t.emulator.sessions.expireAll(),
    });
    expect(report).toMatchObject({ escalations: ESCALATIONS, tasks: TASKS, failures: [] });
    expect(t.emulator.sessions.minted).toBe(3);
    expect(t.emulator.requestLog.count({ status: 401 })).toBe(2);
  });

  it('when the session lifetime passes between scans, then the next scan signs in again by itself', async () => {
    const t = await seeded({ sessionLifetimeMs: 60 * 60_000 });
    const api = await orgApi(t);
    await scan({ api, playbook: defaultPlaybook(), clock: t.clock });
    t.clock.advance(2 * 60 * 60_000);
    const again = await scan({ api, playbook: defaultPlaybook(), clock: t.clock });
    expect(again.failures).toEqual([]);
    expect(t.emulator.sessions.minted).toBe(2);
  });
});

describe('scan, under daily-limit pressure', () => {
  it('when the org nears its share of the daily limit, then the scan stops with a sentence, and the next day finishes the work once', async () => {
    const t = await seeded({ dailyApiLimit: 1000 });
    // Other integrations used most of Handoff's half today: room for the query, the escalation
    // records, the role look-up and the Tasks, not for marking them executed.
    t.emulator.limits.used = 496;
    const api = await orgApi(t, 0.5);
    const report = await scan({ api, playbook: defaultPlaybook(), clock: t.clock });
    expect(report.stopped).toMatch(
      /stopped before the daily API limit: the org has used 500 of 1000 requests today and Handoff may use up to 50%/,
    );
    expect(t.emulator.limits.used).toBe(500);
    expect(report.escalations).toBeLessThan(ESCALATIONS);
    expect(t.emulator.requestLog.count({ status: 403 })).toBe(0);

    // A new day: usage starts again; the next scan does what is left and nothing twice.
    t.emulator.limits.used = 0;
    t.clock.advance(60_000);
    const next = await scan({ api, playbook: defaultPlaybook(), clock: t.clock });
    expect(next.stopped).toBeUndefined();
    expect(report.escalations + next.escalations).toBe(ESCALATIONS);
    const tasks = t.records('Task');
    expect(tasks).toHaveLength(TASKS);
    expect(new Set(tasks.map((task) => task.Description)).size).toBe(TASKS);
  });

  it('when the org is already over its limit, then Salesforce refuses with REQUEST_LIMIT_EXCEEDED and the scan fails loudly', async () => {
    const t = await seeded({ dailyApiLimit: 10 });
    t.emulator.limits.used = 10;
    const api = await orgApi(t, 1);
    await expect(scan({ api, playbook: defaultPlaybook(), clock: t.clock })).rejects.toMatchObject({
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
    });
  });
});
