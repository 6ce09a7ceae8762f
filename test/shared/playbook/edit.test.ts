import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  editPlaybookJson,
  editPlaybookText,
  PlaybookEditError,
  PlaybookEditSchema,
  type EditedText,
  type Playbook,
  type PlaybookEdit,
} from '../../../shared/src/index.js';
import { DEFAULT_PLAYBOOK_PATH } from '../fixtures.js';

const YAML = readFileSync(DEFAULT_PLAYBOOK_PATH, 'utf8');

function valid(edited: EditedText): Playbook {
  if (!edited.result.ok) throw new Error(JSON.stringify(edited.result.issues));
  return edited.result.playbook;
}

/** The lines that differ between two texts of the same length in lines, as `before → after`. */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  return b.flatMap((line, i) => (line === a[i] ? [] : [`${a[i]?.trim()} → ${line.trim()}`]));
}

describe('playbook edits from forms, written into the YAML text', () => {
  it("when an SLA's target changes, then only its target line changes and every comment stays", () => {
    const edited = editPlaybookText(YAML, {
      kind: 'sla_target',
      sla: 'cs_accepts_won_deal',
      target: { unit: 'business_hours', amount: 6 },
    });
    const playbook = valid(edited);
    expect(playbook.slas.find((s) => s.id === 'cs_accepts_won_deal')?.target).toEqual({
      unit: 'business_hours',
      amount: 6,
    });
    expect(changedLines(YAML, edited.text)).toEqual([
      'target: { unit: business_days, amount: 1, mode: elapsed } → target: { unit: business_hours, amount: 6 }',
    ]);
    const comments = (text: string) => text.split('\n').filter((l) => l.trim().startsWith('#'));
    expect(comments(edited.text)).toEqual(comments(YAML));
  });

  it("when an SLA's calendar is removed while its target is in business time, then the text is written and the result says what is now wrong, at its line", () => {
    const edited = editPlaybookText(YAML, { kind: 'sla_calendar', sla: 'ae_accepts_new_deal' });
    expect(edited.result.ok).toBe(false);
    if (edited.result.ok) return;
    expect(edited.result.issues).toEqual([
      expect.objectContaining({
        path: 'slas[1].calendar',
        message: "is required for a target in business time; name one of the playbook's calendars.",
        line: expect.any(Number),
      }),
    ]);
    expect(edited.text.split('\n').length).toBe(YAML.split('\n').length - 1);
  });

  it('when an SLA without a calendar gets one, then one `calendar:` line is added to that SLA and nothing else changes', () => {
    const before = YAML.replace(
      '    target: { unit: business_hours, amount: 8 }\n    calendar: us_business\n',
      '    target: { unit: calendar_hours, amount: 8 }\n',
    );
    const edited = editPlaybookText(before, {
      kind: 'sla_calendar',
      sla: 'rep_submits_cs_handoff',
      calendar: 'us_business',
    });
    expect(valid(edited).slas.find((s) => s.id === 'rep_submits_cs_handoff')?.calendar).toBe(
      'us_business',
    );
    const tail =
      '      - { when: breached, to: { role: admin }, action: task }\n  - id: cs_accepts_won_deal';
    expect(edited.text).toBe(
      before.replace(tail, tail.replace('\n', '\n    calendar: us_business\n')),
    );
  });

  it("when an SLA's escalations are replaced, then the playbook has exactly those", () => {
    const escalations = [
      { when: 'at_risk', action: 'task' },
      {
        when: 'breached',
        after: { unit: 'business_hours', amount: 2 },
        to: { role: 'admin' },
        action: 'task',
      },
    ] as const;
    const playbook = valid(
      editPlaybookText(YAML, {
        kind: 'sla_escalations',
        sla: 'cs_accepts_won_deal',
        escalations: [...escalations],
      }),
    );
    expect(playbook.slas.find((s) => s.id === 'cs_accepts_won_deal')?.escalations).toEqual(
      escalations,
    );
  });

  it('when the escalations of an SLA followed by another are replaced, then the next SLA still starts on its own line', () => {
    const edited = editPlaybookText(YAML, {
      kind: 'sla_escalations',
      sla: 'rep_submits_cs_handoff',
      escalations: [{ when: 'breached', to: { role: 'admin' }, action: 'note' }],
    });
    valid(edited);
    expect(edited.text).toContain(
      '    escalations:\n      - { when: breached, to: { role: admin }, action: note }\n  - id: cs_accepts_won_deal\n',
    );
  });

  it("when a role's teams change, then only that role's line changes", () => {
    const edited = editPlaybookText(YAML, {
      kind: 'role_teams',
      role: 'cs_manager',
      teams: ['Customer Success', 'Onboarding'],
    });
    expect(valid(edited).roles.cs_manager?.hubspotTeams).toEqual([
      'Customer Success',
      'Onboarding',
    ]);
    expect(changedLines(YAML, edited.text)).toEqual([
      'cs_manager: { label: CS manager, hubspotTeams: [Customer Success] } → cs_manager: { label: CS manager, hubspotTeams: [ Customer Success, Onboarding ] }',
    ]);
  });

  it('when a checklist item with a new id is saved, then it is added at the end of the checklist; with a known id, it replaces that item', () => {
    const added = valid(
      editPlaybookText(YAML, {
        kind: 'checklist_item',
        checklist: 'ae_acceptance',
        item: { id: 'budget_known', label: 'Budget known', kind: 'check', required: false },
      }),
    );
    const items = added.checklists.find((l) => l.id === 'ae_acceptance')?.items ?? [];
    expect(items.at(-1)).toMatchObject({ id: 'budget_known', label: 'Budget known' });
    const replaced = valid(
      editPlaybookText(YAML, {
        kind: 'checklist_item',
        checklist: 'ae_acceptance',
        item: { id: 'source', label: 'Lead source named', kind: 'check', required: true },
      }),
    );
    const after = replaced.checklists.find((l) => l.id === 'ae_acceptance')?.items ?? [];
    expect(after.length).toBe(items.length - 1);
    expect(after[0]).toEqual({
      id: 'source',
      label: 'Lead source named',
      kind: 'check',
      required: true,
    });
  });

  it('when a stage criterion is saved, then it is on that side of the stage', () => {
    const playbook = valid(
      editPlaybookText(YAML, {
        kind: 'stage_criterion',
        stage: 'qualified',
        side: 'exit',
        criterion: {
          id: 'amount_set',
          label: 'Amount set',
          severity: 'warn',
          rule: { op: 'present', field: 'amount' },
        },
      }),
    );
    expect(playbook.stages.find((s) => s.id === 'qualified')?.exit.at(-1)).toEqual({
      id: 'amount_set',
      label: 'Amount set',
      severity: 'warn',
      rule: { op: 'present', field: 'amount' },
    });
  });

  it('when a form names an SLA the playbook does not declare, then the refusal is a sentence', () => {
    expect(() =>
      editPlaybookText(YAML, {
        kind: 'sla_target',
        sla: 'gone',
        target: { unit: 'business_hours', amount: 1 },
      }),
    ).toThrow(new PlaybookEditError('The playbook declares no SLA `gone`.'));
  });
});

describe('playbook edits on JSON (the Salesforce panel, or JSON pasted on the settings page)', () => {
  const json = JSON.stringify(
    JSON.parse(
      JSON.stringify(
        valid(editPlaybookText(YAML, { kind: 'role_teams', role: 'sdr', teams: ['SDR'] })),
      ),
    ),
  );

  it("when an SLA's target changes, then the JSON is rewritten with it and checked", () => {
    const edited = editPlaybookJson(json, {
      kind: 'sla_target',
      sla: 'ae_accepts_new_deal',
      target: { unit: 'business_minutes', amount: 90 },
    });
    expect(valid(edited).slas[1]?.target).toEqual({ unit: 'business_minutes', amount: 90 });
    expect(edited.text).toContain('\n  "schemaVersion": 1,');
  });

  it("when a role's teams are emptied, then the setting is removed", () => {
    const edited = editPlaybookJson(json, { kind: 'role_teams', role: 'sdr', teams: [] });
    expect(valid(edited).roles.sdr).toEqual({ label: 'SDR' });
  });
});

describe('the edit schema', () => {
  it('when a page sends an edit with a target of zero hours, then the schema refuses it before anything is written', () => {
    const edit: unknown = {
      kind: 'sla_target',
      sla: 'x',
      target: { unit: 'business_hours', amount: 0 },
    };
    expect(PlaybookEditSchema.safeParse(edit).success).toBe(false);
    const ok: PlaybookEdit = { kind: 'sla_calendar', sla: 'x' };
    expect(PlaybookEditSchema.safeParse(ok).success).toBe(true);
  });
});
