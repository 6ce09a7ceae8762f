import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlaybook, type PlaybookIssue } from '../../../shared/src/playbook/index.js';
import { defaultPlaybookInput, type RawPlaybook } from '../fixtures.js';

/** Breaks a copy of the default playbook and returns what the parser says about it. */
function issuesAfter(breakIt: (p: RawPlaybook) => void): PlaybookIssue[] {
  const input = defaultPlaybookInput();
  breakIt(input);
  const result = parsePlaybook(input);
  if (result.ok) throw new Error('expected the broken playbook to be refused');
  return result.issues;
}

describe('parsePlaybook', () => {
  it('when given the default playbook, then it accepts it and fills defaults', () => {
    const result = parsePlaybook(defaultPlaybookInput());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.playbook.stages.map((s) => s.id)).toEqual([
      'appointment_scheduled',
      'qualified',
      'presentation_scheduled',
      'decision_maker_bought_in',
      'contract_sent',
      'closed_won',
      'closed_lost',
      'lead',
      'mql',
      'sql',
      'customer',
    ]);
    expect(result.playbook.stages.map((s) => s.object ?? 'deal')).toEqual([
      ...Array<string>(7).fill('deal'),
      'contact',
      'contact',
      'contact',
      'company',
    ]);
    expect(result.playbook.stages[0]?.entry).toEqual([]);
    expect(result.playbook.stages[0]?.exit[0]?.severity).toBe('block');
  });

  // Contact and company stages are where a person or customer stands, not steps a rep must earn.
  it('when the default playbook is read, then every open deal stage has a blocking exit criterion on a mapped field', () => {
    const result = parsePlaybook(defaultPlaybookInput());
    if (!result.ok) throw new Error('invalid');
    const { playbook } = result;
    const dealStages = playbook.stages.filter((s) => s.object === undefined);
    expect(dealStages).toHaveLength(7);
    for (const stage of dealStages.filter((s) => s.outcome === undefined)) {
      const onMappedField = stage.exit.filter(
        (c) =>
          c.severity === 'block' &&
          'field' in c.rule &&
          playbook.fields[c.rule.field]?.hubspot &&
          playbook.fields[c.rule.field]?.salesforce,
      );
      expect(onMappedField.length, stage.id).toBeGreaterThan(0);
    }
  });

  // Each case: how the playbook is broken → the exact path and message the admin sees.
  const cases: Array<[string, (p: RawPlaybook) => void, PlaybookIssue]> = [
    [
      'not an object',
      (p) => Object.keys(p).forEach((k) => delete p[k]),
      { path: 'schemaVersion', message: 'is required: it must be 1.' },
    ],
    [
      'wrong schema version',
      (p) => (p.schemaVersion = 2),
      { path: 'schemaVersion', message: 'must be 1, not the number 2.' },
    ],
    ['missing name', (p) => delete p.name, { path: 'name', message: 'is required but missing.' }],
    ['empty version', (p) => (p.version = ''), { path: 'version', message: 'must not be empty.' }],
    [
      'unknown top-level key',
      (p) => (p.stagez = []),
      {
        path: 'stagez',
        message: 'is not a setting the playbook knows; remove it or check its spelling.',
      },
    ],
    [
      'bad stage id',
      (p) => (p.stages[1].id = 'Qualified'),
      {
        path: 'stages[1].id',
        message:
          'must be an id: lower-case letters, digits and underscores, starting with a letter (at most 64), not the text "Qualified".',
      },
    ],
    [
      'duplicate stage id',
      (p) => (p.stages[2].id = 'qualified'),
      {
        path: 'stages[2].id',
        message: 'repeats the stage id `qualified` already used at stages[1].',
      },
    ],
    [
      'no stages',
      (p) => (p.stages = []),
      { path: 'stages', message: 'must have at least 1 entry.' },
    ],
    [
      'unknown rule op',
      (p) => (p.stages[1].exit[0].rule.op = 'greater'),
      {
        path: 'stages[1].exit[0].rule.op',
        message:
          'must be one of present, absent, eq, neq, in, gt, gte, lt, lte, contains, matches, checklist_complete, item_done, handoff_status, all, any, not, not the text "greater".',
      },
    ],
    [
      'criterion on an undeclared field',
      (p) => (p.stages[3].exit[0].rule.field = 'proposal_snt'),
      {
        path: 'stages[3].exit[0].rule.field',
        message: 'names the field `proposal_snt`, which the playbook does not declare.',
        hint: 'did you mean `proposal_sent`?',
      },
    ],
    [
      'gt on a text field',
      (p) => (p.stages[0].exit[1].rule = { op: 'gt', field: 'pain', value: 3 }),
      {
        path: 'stages[0].exit[1].rule.op',
        message: '`gt` compares numbers or dates; `pain` is a text field.',
      },
    ],
    [
      'number compared with text',
      (p) => (p.stages[1].exit[0].rule.value = 'lots'),
      {
        path: 'stages[1].exit[0].rule.value',
        message: 'must be a number to compare with the number field `amount`.',
      },
    ],
    [
      'bad regular expression',
      (p) =>
        (p.stages[1].exit[1].rule = { op: 'matches', field: 'decision_maker', pattern: '([a-z' }),
      {
        path: 'stages[1].exit[1].rule.pattern',
        message: 'is not a valid regular expression: "([a-z".',
      },
    ],
    [
      'nested rule missing its field',
      (p) =>
        (p.stages[2].exit[0].rule = {
          op: 'all',
          rules: [{ op: 'present', field: 'demo_date' }, { op: 'present' }],
        }),
      {
        path: 'stages[2].exit[0].rule.rules[1].field',
        message: 'is required but missing.',
      },
    ],
    [
      'bad severity',
      (p) => (p.stages[4].exit[2].severity = 'blocking'),
      {
        path: 'stages[4].exit[2].severity',
        message: 'must be one of "block", "warn", not the text "blocking".',
        hint: 'did you mean `block`?',
      },
    ],
    [
      'handoff names a missing checklist',
      (p) => (p.handoffs[1].checklist = 'cs_handof'),
      {
        path: 'handoffs[1].checklist',
        message: 'names the checklist `cs_handof`, which the playbook does not declare.',
        hint: 'did you mean `cs_handoff`?',
      },
    ],
    [
      'handoff opens at a missing stage',
      (p) => (p.handoffs[1].opensAt = 'closedwon'),
      {
        path: 'handoffs[1].opensAt',
        message: 'names the stage `closedwon`, which the playbook does not declare.',
        hint: 'did you mean `closed_won`?',
      },
    ],
    [
      'handoff names a missing role',
      (p) => (p.handoffs[1].accept = ['cs_manager', 'cs_lead']),
      {
        path: 'handoffs[1].accept[1]',
        message: 'names the role `cs_lead`, which the playbook does not declare.',
      },
    ],
    [
      'handoff without reject reasons',
      (p) => (p.handoffs[0].rejectReasons = []),
      {
        path: 'handoffs[0].rejectReasons',
        message: 'must have at least 1 entry.',
      },
    ],
    [
      'choice item without options',
      (p) => delete p.checklists[1].items[9].options,
      {
        path: 'checklists[1].items[9].options',
        message: 'is required for a choice item: list the answers to pick from.',
      },
    ],
    [
      'duplicate checklist item',
      (p) => (p.checklists[1].items[3].id = 'champion'),
      {
        path: 'checklists[1].items[3].id',
        message: 'repeats the item id `champion` already used at checklists[1].items[2].',
      },
    ],
    [
      'unknown item kind',
      (p) => (p.checklists[0].items[0].kind = 'checkbox'),
      {
        path: 'checklists[0].items[0].kind',
        message:
          'must be one of "check", "text", "date", "number", "choice", not the text "checkbox".',
        hint: 'did you mean `check`?',
      },
    ],
    [
      'unknown time zone',
      (p) => (p.calendars.us_business.timeZone = 'America/New_Yrok'),
      {
        path: 'calendars.us_business.timeZone',
        message: expect.stringContaining('America/New_Yrok') as unknown as string,
      },
    ],
    [
      'impossible time',
      (p) => (p.calendars.us_business.weekly.mon = [['09:00', '25:00']]),
      {
        path: 'calendars.us_business.weekly.mon[0][1]',
        message: expect.stringContaining('25:00') as unknown as string,
      },
    ],
    [
      'time not written HH:MM',
      (p) => (p.calendars.us_business.weekly.tue = [['9am', '17:00']]),
      {
        path: 'calendars.us_business.weekly.tue[0][0]',
        message: 'must be a time written "HH:MM", not the text "9am".',
      },
    ],
    [
      'SLA on a missing calendar',
      (p) => (p.slas[0].calendar = 'emea'),
      {
        path: 'slas[0].calendar',
        message: 'names the calendar `emea`, which the playbook does not declare.',
      },
    ],
    [
      'business days without a mode',
      (p) => (p.slas[1].target = { unit: 'business_days', amount: 1 }),
      {
        path: 'slas[1].target.mode',
        message: 'is required: one of "elapsed", "end_of_day".',
      },
    ],
    [
      'negative SLA target',
      (p) => (p.slas[0].target.amount = -4),
      {
        path: 'slas[0].target.amount',
        message: 'must be more than 0.',
      },
    ],
    [
      'unknown SLA start event',
      (p) => (p.slas[0].start = { on: 'deal_created' }),
      {
        path: 'slas[0].start.on',
        message:
          'must be one of stage_entered, handoff_opened, handoff_submitted, field_date, not the text "deal_created".',
      },
    ],
    [
      'SLA starting on a text field',
      (p) => (p.slas[0].start = { on: 'field_date', field: 'pain' }),
      {
        path: 'slas[0].start.field',
        message: 'must be a date or datetime field to start a timer; `pain` is a text field.',
      },
    ],
    [
      'escalation to a missing role',
      (p) => (p.slas[1].escalations[0].to = { role: 'cs_managers' }),
      {
        path: 'slas[1].escalations[0].to.role',
        message: 'names the role `cs_managers`, which the playbook does not declare.',
        hint: 'did you mean `cs_manager`?',
      },
    ],
    [
      'reassign without a user',
      (p) => (p.slas[0].escalations[1].action = 'reassign'),
      {
        path: 'slas[0].escalations[1].to',
        message: 'must name one user (`user: <id>`) to reassign the record to.',
      },
    ],
    [
      'criterion on an item of another checklist',
      (p) =>
        p.stages[5].entry.push({
          id: 'kickoff',
          label: 'Kickoff',
          rule: { op: 'item_done', handoff: 'sdr_to_ae', item: 'kickoff_date' },
        }),
      {
        path: 'stages[5].entry[1].rule.item',
        message:
          'names an item of the checklist of `sdr_to_ae`, the item `kickoff_date`, which the playbook does not declare.',
      },
    ],
    [
      'HubSpot stage mapped twice',
      (p) => (p.stages[2].hubspot.stageIds = ['qualifiedtobuy']),
      {
        path: 'stages[2].hubspot.stageIds[0]',
        message: 'maps HubSpot stage `qualifiedtobuy` already mapped by stage `qualified`.',
      },
    ],
    [
      'choice field without options',
      (p) => (p.fields.segment = { type: 'choice', label: 'Segment' }),
      {
        path: 'fields.segment.options',
        message: 'is required for a choice field: list the values it may take.',
      },
    ],
  ];

  it.each(cases)(
    'when the playbook has %s, then the issue names the exact place',
    (_name, breakIt, expected) => {
      expect(issuesAfter(breakIt)).toContainEqual(
        expected.hint ? expected : { ...expected, ...noHint(expected) },
      );
    },
  );

  it('when several things are wrong, then every one is reported', () => {
    const issues = issuesAfter((p) => {
      p.handoffs[1].opensAt = 'nowhere';
      p.slas[0].calendar = 'nowhere';
    });
    expect(issues.map((i) => i.path)).toEqual(['handoffs[1].opensAt', 'slas[0].calendar']);
  });

  it('when given arbitrary JSON, then it never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parsePlaybook(value);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('when given the default playbook with arbitrary JSON spliced in, then it never throws and reports a path', () => {
    const paths = ['stages', 'handoffs', 'slas', 'calendars', 'fields', 'roles', 'checklists'];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (key, value) => {
        const input = defaultPlaybookInput();
        input[key] = value;
        const result = parsePlaybook(input);
        if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

function noHint(issue: PlaybookIssue): Partial<PlaybookIssue> {
  return { path: issue.path, message: issue.message };
}

describe('SLA stop events', () => {
  it('when a list of stops names a missing stage, then the path points into the list', () => {
    const input = defaultPlaybookInput();
    input.slas[0].stop[1].stage = 'appointment';
    const result = parsePlaybook(input);
    expect(result.ok ? [] : result.issues).toContainEqual({
      path: 'slas[0].stop[1].stage',
      message: 'names the stage `appointment`, which the playbook does not declare.',
      hint: 'did you mean `appointment_scheduled`?',
    });
  });
});
