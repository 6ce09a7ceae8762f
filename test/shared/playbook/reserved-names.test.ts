// Names every JavaScript object already has (`constructor`, `toString`, `__proto__`…) used as playbook
// ids or CRM names: refused with a sentence at each place, never accepted and then read as a function.
import { describe, expect, it } from 'vitest';
import { parsePlaybook, type PlaybookIssue } from '../../../shared/src/playbook/index.js';
import { evaluateRecord } from '../../../shared/src/record/index.js';
import { deal, MONDAY_10AM_NY, rep } from '../builders.js';
import { defaultPlaybookInput, type RawPlaybook } from '../fixtures.js';

const reserved = (name: string) =>
  `is reserved: every JavaScript object already has a \`${name}\`, so Handoff could mistake one for the other; use another name.`;

/** The default playbook with one id renamed everywhere it is declared or referred to. */
function renamed(id: string, to: string): RawPlaybook {
  return JSON.parse(
    JSON.stringify(defaultPlaybookInput()).replaceAll(`"${id}"`, JSON.stringify(to)),
  ) as RawPlaybook;
}

function issuesOf(input: unknown): PlaybookIssue[] {
  const result = parsePlaybook(input);
  return result.ok ? [] : result.issues;
}

describe('`constructor` as an id', () => {
  // Before: a handoff called `constructor` passed, and every record view then threw reading the
  // checklist answers of `Object` (the function every object's `constructor` is).
  it.each<[string, string, string]>([
    ['a handoff id', 'sales_to_cs', 'handoffs[1].id'],
    ['a field name', 'lead_source', 'fields.constructor'],
    ['a role id', 'cs_manager', 'roles.constructor'],
    ['a checklist id', 'cs_handoff', 'checklists[1].id'],
    ['a checklist item id', 'customer_goals', 'checklists[1].items[0].id'],
    ['a stage id', 'closed_won', 'stages[5].id'],
    ['a calendar id', 'us_business', 'calendars.constructor'],
    ['a reject reason id', 'not_closed', 'handoffs[1].rejectReasons[3].id'],
    ['a criterion id', 'ae_accepted', 'stages[0].exit[0].id'],
    ['an SLA id', 'cs_accepts_won_deal', 'slas[*].id'],
  ])(
    'when %s is `constructor`, then the playbook is refused there with a sentence',
    (_, id, at) => {
      const issues = issuesOf(renamed(id, 'constructor'));
      expect(issues.length).toBeGreaterThan(0);
      // Declaration and every reference: each says why, none is a crash.
      for (const issue of issues) expect(issue.message).toBe(reserved('constructor'));
      const declared = new RegExp(`^${at.replace(/[.[\]]/g, '\\$&').replace('*', '\\d+')}$`);
      expect(issues.map((i) => i.path)).toContainEqual(expect.stringMatching(declared));
    },
  );

  it('when a record key is another inherited name, then that name is the one the sentence gives', () => {
    const input = defaultPlaybookInput();
    input.roles.hasOwnProperty = { label: 'Odd' };
    input.fields.toString = { type: 'text', label: 'Odd' };
    expect(issuesOf(input)).toEqual([
      { path: 'fields.toString', message: reserved('toString') },
      { path: 'roles.hasOwnProperty', message: reserved('hasOwnProperty') },
    ]);
  });

  it('when a record key is `__proto__` (an own key after JSON.parse), then it is refused, not dropped', () => {
    const input = JSON.parse(
      JSON.stringify(defaultPlaybookInput()).replace(
        '"roles":{',
        '"roles":{"__proto__":{"label":"Proto"},',
      ),
    ) as RawPlaybook;
    expect(issuesOf(input)).toEqual([{ path: 'roles.__proto__', message: reserved('__proto__') }]);
  });

  it('when a record key is not an id for another reason, then the sentence says what an id is', () => {
    const input = defaultPlaybookInput();
    input.fields.Amount = { type: 'number', label: 'Amount' };
    expect(issuesOf(input)).toEqual([
      {
        path: 'fields.Amount',
        message:
          'is not a usable name: it must be an id: lower-case letters, digits and underscores, starting with a letter (at most 64), not the text "Amount".',
      },
    ]);
  });

  it('when an id only starts with `constructor`, then it is an ordinary id and views work', () => {
    const input = renamed('sales_to_cs', 'constructor_handoff');
    const result = parsePlaybook(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const view = evaluateRecord(result.playbook, deal(), rep, MONDAY_10AM_NY);
    expect(view.problems).toEqual([]);
    expect(view.handoffs.map((h) => h.id)).toContain('constructor_handoff');
  });
});

describe('inherited names as CRM names', () => {
  it('when a field, stage or team maps to `constructor`, `toString` or `__proto__`, then each place is refused', () => {
    const input = defaultPlaybookInput();
    input.fields.amount.hubspot = 'constructor';
    input.fields.amount.salesforce = 'toString';
    input.stages[0].hubspot.pipelineId = 'valueOf';
    input.stages[0].hubspot.stageIds = ['__proto__'];
    input.stages[0].salesforce.stageNames = ['constructor'];
    input.roles.sdr.hubspotTeams = ['hasOwnProperty'];
    expect(issuesOf(input)).toEqual([
      { path: 'fields.amount.hubspot', message: reserved('constructor') },
      { path: 'fields.amount.salesforce', message: reserved('toString') },
      { path: 'roles.sdr.hubspotTeams[0]', message: reserved('hasOwnProperty') },
      { path: 'stages[0].hubspot.pipelineId', message: reserved('valueOf') },
      { path: 'stages[0].hubspot.stageIds[0]', message: reserved('__proto__') },
      { path: 'stages[0].salesforce.stageNames[0]', message: reserved('constructor') },
    ]);
  });
});
