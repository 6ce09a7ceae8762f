// What the default playbook makes of the data set at NOW, written out by hand from the playbook (not
// computed by the code under test): the escalation levels, Tasks and SLA status of each situation.
// The SOQL and the Bulk API 2.0 reads are held to the same set.
import type { TestOrg } from './org.js';
import type { Seeded, Situation } from './dataset.js';

const est = (day: number, hour: number, month = 2) => Date.UTC(2026, month, day, hour + 5);
const AE = 'ae_accepts_new_deal';
const CS = 'cs_accepts_won_deal';

/** Which levels each situation has reached at NOW. */
export const EXPECTED: Partial<
  Record<Situation, { sla: string; levels: number[]; startedAt: number }>
> = {
  at_risk_prospect: { sla: AE, levels: [1], startedAt: est(2, 10) },
  breached_prospect: { sla: AE, levels: [1, 2], startedAt: est(2, 9) },
  won_friday: { sla: CS, levels: [1, 2], startedAt: est(27, 10, 1) },
  won_thursday: { sla: CS, levels: [1, 2, 3], startedAt: est(26, 9, 1) },
};
/**
 * Tasks per situation: AE L1 → owner, AE L2 → 2 admins, CS L1 → 2 CS managers, CS L2 → 1 note, CS
 * L3 → 2 admins. A level that a later level (reached in the same scan) supersedes creates no task;
 * notes are history and are written all the same.
 */
export const TASKS: Partial<Record<Situation, number>> = {
  at_risk_prospect: 1,
  breached_prospect: 2,
  won_friday: 1,
  won_thursday: 3,
};
/** The levels a later level superseded at once: recorded and executed, with no Task of their own. */
export const SUPERSEDED: Partial<Record<Situation, number[]>> = {
  breached_prospect: [1],
  won_friday: [1],
  won_thursday: [1],
};
export const STATUS: Partial<Record<Situation, string>> = {
  fresh_prospect: 'running',
  at_risk_prospect: 'at_risk',
  breached_prospect: 'breached',
  accepted_prospect: 'met',
  won_friday: 'breached',
  won_thursday: 'breached',
  won_accepted: 'met',
};

export function expectedKeys(seeded: readonly Seeded[]): string[] {
  return seeded.flatMap(({ id, situation }) => {
    const e = EXPECTED[situation];
    return e
      ? e.levels.map((l) => `salesforce:Opportunity:${id}:${e.sla}:L${l}:${e.startedAt}`)
      : [];
  });
}

export const expectedTasks = (seeded: readonly Seeded[]): number =>
  seeded.reduce((n, s) => n + (TASKS[s.situation] ?? 0), 0);

export const expectedStatusWrites = (seeded: readonly Seeded[]): number =>
  seeded.filter((s) => STATUS[s.situation]).length;

export const keysIn = (t: TestOrg): string[] =>
  t
    .records('Handoff_Escalation__c')
    .map((r) => String(r.Escalation_Key__c))
    .sort();

/** Requests to the org's API (sign-ins aside), by the emulator's route names. */
export function requestsByRoute(t: TestOrg): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of t.emulator.requestLog.entries())
    if (entry.route && entry.route !== 'oauth.token')
      counts[entry.route] = (counts[entry.route] ?? 0) + 1;
  return counts;
}
