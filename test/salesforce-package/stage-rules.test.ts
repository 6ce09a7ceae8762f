// The generated Opportunity rules against the core: moving a deal on from a stage is blocked exactly
// when one of that stage's blocking exit criteria fails in the core, for every mix of field values.
import { describe, expect, it } from 'vitest';
import { evaluateCriterion } from '../../shared/src/rules/evaluate.js';
import type { Rule, StageDef } from '../../shared/src/playbook/index.js';
import { parsePlaybook } from '../../shared/src/playbook/index.js';
import type { ValidationRuleModel } from '../../salesforce-package/scripts/rules.js';
import { stageRules } from '../../salesforce-package/scripts/stage-rules.js';
import { defaultPlaybook, defaultPlaybookInput, type RawPlaybook } from '../shared/fixtures.js';
import { evaluate, parseFormula, type Value } from './formula.js';
import { firingRules, knownReferences } from './org.js';

const playbook = defaultPlaybook();
const skipped = new Set(stageRules(playbook).skipped.map((s) => `${s.stage}.${s.criterion}`));
const none = new Set<string>();

/** Values each kind of field takes in the test, blank first. */
const DOMAIN: Record<string, Value[]> = {
  number: [null, 0, 5],
  date: [null, '2026-12-01'],
  datetime: [null, '2026-12-01T10:00:00Z'],
  text: [null, 'Budget owner named'],
  boolean: [false, true],
};

function fieldIds(rule: Rule): string[] {
  if (rule.op === 'all' || rule.op === 'any') return rule.rules.flatMap(fieldIds);
  if (rule.op === 'not') return fieldIds(rule.rule);
  return 'field' in rule ? [rule.field] : [];
}

/** Every assignment of domain values to the given playbook fields. */
function assignments(ids: readonly string[]): Array<Record<string, Value>> {
  return ids.reduce<Array<Record<string, Value>>>(
    (rows, id) =>
      rows.flatMap((row) =>
        (DOMAIN[playbook.fields[id]?.type ?? 'text'] ?? [null]).map((v) => ({ ...row, [id]: v })),
      ),
    [{}],
  );
}

function opportunity(stageName: string, values: Record<string, Value>): Record<string, Value> {
  const record: Record<string, Value> = { StageName: stageName };
  for (const [id, value] of Object.entries(values)) {
    const name = playbook.fields[id]?.salesforce;
    if (name) record[name] = value;
  }
  return record;
}

function move(from: string, to: string, values: Record<string, Value>): string[] {
  const before = opportunity(from, values);
  return firingRules({
    object: 'Opportunity',
    before,
    after: { ...before, StageName: to },
    permissions: none,
  });
}

// Opportunity stages only: a Lead's or Account's stages are picklist values of their own records.
const withNames = playbook.stages.filter(
  (s): s is StageDef & { salesforce: { stageNames: string[] } } =>
    s.salesforce !== undefined && 'stageNames' in s.salesforce,
);

describe('generated stage rules: leaving a stage agrees with its exit criteria in the core', () => {
  const cases = withNames.slice(0, -1).flatMap((stage, index) => {
    const next = withNames.slice(index + 1).find((s) => s.outcome !== 'lost');
    return next ? [[stage.id, stage, next] as const] : [];
  });
  it.each(cases)('leaving %s for the next stage', (_id, stage, next) => {
    const enforced = stage.exit.filter(
      (c) => c.severity === 'block' && !skipped.has(`${stage.id}.${c.id}`),
    );
    const ids = [...new Set(enforced.flatMap((c) => fieldIds(c.rule)))];
    for (const values of assignments(ids)) {
      const context = { playbook, fields: values, handoffs: {} };
      const failing = enforced.filter((c) => evaluateCriterion(c, context).outcome !== 'pass');
      for (const from of stage.salesforce.stageNames) {
        const blocked = move(from, next.salesforce.stageNames[0] as string, values);
        expect({ values, from, blocked: blocked.length }).toEqual({
          values,
          from,
          blocked: failing.length,
        });
      }
    }
  });

  it('when a deal goes back, sideways within a stage, or to Closed Lost, then exit criteria do not hold it', () => {
    expect(move('Qualification', 'Prospecting', {})).toEqual([]);
    expect(move('Qualification', 'Needs Analysis', {})).toEqual([]);
    expect(move('Qualification', 'Closed Lost', {})).toEqual([]);
  });

  it('when a deal with no amount leaves Qualification, then the amount rule names itself', () => {
    expect(move('Qualification', 'Value Proposition', { decision_maker: 'Ana' })).toEqual([
      'Exit_Qualified_Amount',
    ]);
  });

  it('when a criterion cannot be decided by a formula, then it is reported, not enforced', () => {
    expect(stageRules(playbook).skipped).toEqual([
      {
        stage: 'appointment_scheduled',
        criterion: 'ae_accepted',
        reason: 'handoff_status cannot be decided by an Opportunity formula',
      },
    ]);
  });

  it('when a warning criterion fails, then it never blocks', () => {
    expect(
      move('Negotiation/Review', 'Closed Won', { contract_start: '2026-12-01', arr: 5 }),
    ).toEqual([]);
  });
});

describe('generated stage rules on Leads: Status moves from the same table as StageName moves', () => {
  /** The default playbook with exit criteria on MQL: a job title, and the MQL handoff accepted. */
  function withMqlExit() {
    const input = defaultPlaybookInput();
    const mql = (input.stages as RawPlaybook[]).find((s) => s.id === 'mql') as RawPlaybook;
    mql.exit = [
      { id: 'job_title', label: 'Job title known', rule: { op: 'present', field: 'job_title' } },
      {
        id: 'accepted',
        label: 'Sales accepted the MQL',
        rule: { op: 'handoff_status', handoff: 'mql_to_sales', in: ['accepted'] },
      },
    ];
    const parsed = parsePlaybook(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return stageRules(parsed.playbook);
  }

  function leadMove(
    rules: readonly ValidationRuleModel[],
    from: string,
    to: string,
    values: Record<string, Value>,
  ): string[] {
    const before = { Status: from, ...values };
    const context = {
      before,
      after: { ...before, Status: to },
      isNew: false,
      permissions: none,
      user: {},
      knownFields: knownReferences('Lead'),
      now: 0,
    };
    return rules
      .filter((r) => r.object === 'Lead' && evaluate(parseFormula(r.formula), context) === true)
      .map((r) => r.name);
  }

  it('when the default playbook is generated, then no Lead rule exists: its contact stages have entry criteria only', () => {
    expect(stageRules(playbook).rules.filter((r) => r.object !== 'Opportunity')).toEqual([]);
  });

  it('when MQL has a blocking exit criterion, then a Lead leaving Marketing Qualified for an SQL status needs it', () => {
    const { rules } = withMqlExit();
    expect(rules.filter((r) => r.object === 'Lead').map((r) => r.name)).toEqual([
      'Exit_Mql_Job_Title',
    ]);
    expect(leadMove(rules, 'Marketing Qualified', 'Working - Contacted', { Title: null })).toEqual([
      'Exit_Mql_Job_Title',
    ]);
    expect(leadMove(rules, 'Marketing Qualified', 'Sales Accepted', { Title: 'CFO' })).toEqual([]);
  });

  it('when a Lead goes back to Recycled or to a lead status, then MQL exit criteria do not hold it', () => {
    const { rules } = withMqlExit();
    expect(leadMove(rules, 'Marketing Qualified', 'Recycled', { Title: null })).toEqual([]);
    expect(leadMove(rules, 'Marketing Qualified', 'Open - Not Contacted', { Title: null })).toEqual(
      [],
    );
  });

  it('when the criterion is the MQL handoff being accepted, then it is reported, not enforced (a child record no Lead formula reads)', () => {
    expect(withMqlExit().skipped).toContainEqual({
      stage: 'mql',
      criterion: 'accepted',
      reason: 'handoff_status cannot be decided by a Lead formula',
    });
  });
});
