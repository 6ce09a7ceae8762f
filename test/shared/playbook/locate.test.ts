import { describe, expect, it } from 'vitest';
import {
  formatPath,
  jsonPositions,
  jsonSyntaxIssue,
  parsePath,
  parsePlaybook,
  parsePlaybookText,
  type PlaybookIssue,
} from '../../../shared/src/index.js';
import { defaultPlaybookInput } from '../fixtures.js';

/** Four problems of mixed kinds: two references, a missing setting, a bound. */
const FOUR = [
  'schemaVersion: 1',
  'name: Four problems',
  'version: "1"',
  'fields:',
  '  amount: { type: number, label: Amount }',
  'roles:',
  '  rep: { label: Rep }',
  'stages:',
  '  - id: open',
  '    label: Open',
  '    exit:',
  '      - { id: priced, label: Priced, rule: { op: present, field: amuont } }',
  '  - id: won',
  '    outcome: won',
  'slas:',
  '  - id: quick',
  '    label: Quick',
  '    start: { on: stage_entered, stage: open }',
  '    stop: { on: stage_entered, stage: wonn }',
  '    target: { unit: calendar_hours, amount: 0 }',
  '',
].join('\n');

const where = (issues: PlaybookIssue[]) =>
  issues.map((i) => `${i.line ?? '-'}:${i.column ?? '-'} ${i.path}`);

function issuesOf(text: string): PlaybookIssue[] {
  const result = parsePlaybookText(text);
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

describe('every playbook problem in one pass, with line and column', () => {
  it('when YAML holds structural and reference problems together, then all four come back in text order at their keys', () => {
    expect(where(issuesOf(FOUR))).toEqual([
      '12:59 stages[0].exit[0].rule.field',
      '13:5 stages[1].label',
      '19:32 slas[0].stop.stage',
      '20:37 slas[0].target.amount',
    ]);
  });

  it('when the same playbook is written as JSON, then the same four problems come back at their JSON keys', () => {
    const data = {
      schemaVersion: 1,
      name: 'Four problems',
      version: '1',
      fields: { amount: { type: 'number', label: 'Amount' } },
      roles: { rep: { label: 'Rep' } },
      stages: [
        {
          id: 'open',
          label: 'Open',
          exit: [{ id: 'priced', label: 'Priced', rule: { op: 'present', field: 'amuont' } }],
        },
        { id: 'won', outcome: 'won' },
      ],
      slas: [
        {
          id: 'quick',
          label: 'Quick',
          start: { on: 'stage_entered', stage: 'open' },
          stop: { on: 'stage_entered', stage: 'wonn' },
          target: { unit: 'calendar_hours', amount: 0 },
        },
      ],
    };
    const text = JSON.stringify(data, null, 2);
    const issues = issuesOf(text);
    const lines = text.split('\n');
    expect(issues.map((i) => i.path)).toEqual([
      'stages[0].exit[0].rule.field',
      'stages[1].label',
      'slas[0].stop.stage',
      'slas[0].target.amount',
    ]);
    // Each issue points at its own key (or, for a missing one, at the entry that lacks it).
    const at = (i: PlaybookIssue) => lines[(i.line ?? 0) - 1]?.slice((i.column ?? 0) - 1);
    expect(issues.map(at)).toEqual(['"field": "amuont"', '{', '"stage": "wonn"', '"amount": 0']);
  });

  it('when a stage is malformed, then a reference to its id is not also called undeclared', () => {
    const input = defaultPlaybookInput();
    delete input.stages[5].label;
    const result = parsePlaybook(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { path: 'stages[5].label', message: 'is required but missing.' },
    ]);
  });

  it('when an earlier list entry is malformed, then reference problems in later ones keep their own index', () => {
    const input = defaultPlaybookInput();
    input.slas[0].target = { unit: 'business_hours' };
    input.slas[2].calendar = 'ofice';
    const result = parsePlaybook(input);
    if (result.ok) throw new Error('expected issues');
    expect(result.issues.map((i) => i.path)).toEqual(['slas[0].target.amount', 'slas[2].calendar']);
  });

  it('when a setting is stood in for, then nothing is said about the stand-in', () => {
    const input = defaultPlaybookInput();
    input.handoffs[0].submit = 'sales_rep';
    const result = parsePlaybook(input);
    if (result.ok) throw new Error('expected issues');
    expect(result.issues.map((i) => i.path)).toEqual(['handoffs[0].submit']);
  });

  it('when YAML syntax is broken, then the parser names the line and column', () => {
    const [issue] = issuesOf('schemaVersion: 1\nname: x\n  bad: indent\n');
    expect(issue?.message).toMatch(/^is not valid YAML/);
    expect([issue?.line, issue?.column]).toEqual([2, 7]);
  });

  it('when JSON syntax is broken, then the position JSON.parse names becomes a line and column', () => {
    const text = '{\n  "name": "x",,\n}';
    let error: unknown;
    try {
      JSON.parse(text);
    } catch (e) {
      error = e;
    }
    const issue = jsonSyntaxIssue(text, error);
    expect([issue.line, issue.column]).toEqual([2, 15]);
  });
});

describe('paths and positions', () => {
  it('when a path is formatted and read back, then the segments are the same', () => {
    for (const path of [
      [],
      ['slas', 0, 'target', 'amount'],
      ['fields', 'odd key', 'label'],
      ['roles', '__proto__'],
    ]) {
      expect(parsePath(formatPath(path))).toEqual(path);
    }
  });

  it('when JSON text is walked, then members sit at their keys and list entries at their first character', () => {
    const text = '{"a": [1, {"b": "x\\"y"}], "c": {}}';
    const of = jsonPositions(text);
    expect(of(['a'])?.offset).toBe(1);
    expect(of(['a', 0])?.offset).toBe(7);
    expect(of(['a', 1])?.offset).toBe(10);
    expect(of(['a', 1, 'b'])?.offset).toBe(11);
    expect(of(['c'])?.offset).toBe(26);
    expect(of(['d'])).toBeUndefined();
  });
});
