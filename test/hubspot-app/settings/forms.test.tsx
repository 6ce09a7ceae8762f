// The settings page's forms (issue 18 item 6): each writes its change into the playbook text through
// the server's editPlaybookText — here the core's own function behind a fake client — and the text
// view shows the result, saved only by Save.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  Alert,
  Button,
  Checkbox,
  Flex,
  Input,
  NumberInput,
  Select,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { editPlaybookText, parsePlaybookText, type Playbook } from '@handoff/shared';
import type { SettingsClient } from '../../../hubspot-app/src/app/settings/api.js';
import { Settings } from '../../../hubspot-app/src/app/settings/Settings.js';
import { DEFAULT_PLAYBOOK_PATH } from '../../shared/fixtures.js';
import { MONDAY_10AM_NY } from '../../shared/builders.js';

const YAML = readFileSync(DEFAULT_PLAYBOOK_PATH, 'utf8');

function setup(editable = true) {
  const client: SettingsClient = {
    playbook: async () => ({
      ok: true,
      value: {
        text: YAML,
        version: '1',
        updatedAt: MONDAY_10AM_NY,
        updatedBy: 'u-admin',
        editable,
        fingerprint: null,
      },
    }),
    savePlaybook: vi.fn<SettingsClient['savePlaybook']>(async () => ({
      ok: false,
      failure: { kind: 'issues', issues: [] },
    })),
    status: async () => ({ ok: false, failure: { kind: 'error', code: 'x', message: 'x' } }),
    retryFailedWrites: async () => ({ ok: true, value: { retried: 0 } }),
    removeData: async () => ({ ok: true, value: { deleted: true } }),
    exportPlaybook: async () => ({
      ok: false,
      failure: { kind: 'error', code: 'forbidden', message: 'x' },
    }),
    // The server's work, done by the same core function.
    editPlaybook: vi.fn<SettingsClient['editPlaybook']>(async (text, edit) => {
      const edited = editPlaybookText(text, edit);
      return {
        ok: true,
        value: { text: edited.text, issues: edited.result.ok ? [] : edited.result.issues },
      };
    }),
  };
  const page = createRenderer('settings');
  page.render(<Settings client={client} now={() => MONDAY_10AM_NY} addAlert={() => undefined} />);
  const text = () => String(page.findByTestId(TextArea, 'playbook-text').props.value);
  const playbook = (): Playbook => {
    const result = parsePlaybookText(text());
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.playbook;
  };
  const select = (testId: string, value: string) =>
    page.findByTestId(Select, testId).trigger('onChange', value as never);
  const input = (testId: string, value: string) =>
    page.findByTestId(Input, testId).trigger('onInput', value as never);
  const click = (testId: string) => page.findByTestId(Button, testId).trigger('onClick');
  // The edit parses the whole playbook twice: slow on a loaded machine, so more than the default second.
  const written = () =>
    page.waitFor(() => expect(page.maybeFindByTestId(Text, 'form-done')).not.toBeNull(), {
      timeoutInMs: 10_000,
    });
  return { client, page, text, playbook, select, input, click, written };
}

async function ready(page: ReturnType<typeof setup>['page']) {
  await page.waitFor(() => expect(page.maybeFindByTestId(Flex, 'playbook-forms')).not.toBeNull());
}

describe('the settings page forms', () => {
  it("when the admin changes an SLA's target and calendar, then the text view shows exactly that change and Save sends it", async () => {
    const t = setup();
    await ready(t.page);
    t.select('form-sla-pick', 'ae_accepts_new_deal');
    t.page.findByTestId(NumberInput, 'form-sla-amount').trigger('onChange', 90 as never);
    t.select('form-sla-unit', 'business_minutes');
    t.click('form-sla-apply');
    await t.written();
    const sla = t.playbook().slas.find((s) => s.id === 'ae_accepts_new_deal');
    expect(sla?.target).toEqual({ unit: 'business_minutes', amount: 90 });
    expect(sla?.calendar).toBe('us_business');
    // Every other line is the admin's own, comments included.
    const changed = t
      .text()
      .split('\n')
      .filter((line, i) => line !== YAML.split('\n')[i]);
    expect(changed).toEqual(['    target: { unit: business_minutes, amount: 90 }']);
    t.click('save');
    await t.page.waitFor(() => expect(t.client.savePlaybook).toHaveBeenCalledWith(t.text()));
  });

  it('when the admin sets a target of 0, then the form says why and will not write it', async () => {
    const t = setup();
    await ready(t.page);
    t.page.findByTestId(NumberInput, 'form-sla-amount').trigger('onChange', 0 as never);
    expect(t.page.findByTestId(NumberInput, 'form-sla-amount').props.validationMessage).toBe(
      'Write a number above 0.',
    );
    expect(t.page.findByTestId(Button, 'form-sla-apply').props.disabled).toBe(true);
  });

  it("when the admin adds an escalation to the RevOps admin and removes the SLA's first one, then the SLA has those escalations", async () => {
    const t = setup();
    await ready(t.page);
    t.select('form-sla-pick', 'rep_submits_cs_handoff');
    t.click('form-esc-add');
    t.select('form-esc-when-2', 'breached');
    t.select('form-esc-to-2', 'role:admin');
    t.select('form-esc-action-2', 'note');
    t.click('form-esc-remove-0');
    t.click('form-esc-apply');
    await t.written();
    expect(t.playbook().slas.find((s) => s.id === 'rep_submits_cs_handoff')?.escalations).toEqual([
      { when: 'breached', to: { role: 'admin' }, action: 'task' },
      { when: 'breached', to: { role: 'admin' }, action: 'note' },
    ]);
  });

  it("when the admin maps a role to two teams, then the role's teams are those two", async () => {
    const t = setup();
    await ready(t.page);
    t.select('form-role-pick', 'cs_manager');
    expect(t.page.findByTestId(Input, 'form-role-teams').props.value).toBe('Customer Success');
    t.input('form-role-teams', 'Customer Success, Onboarding ');
    t.click('form-role-apply');
    await t.written();
    expect(t.playbook().roles.cs_manager?.hubspotTeams).toEqual(['Customer Success', 'Onboarding']);
  });

  it('when the server refuses a change, then its sentence is shown and the text is unchanged', async () => {
    const t = setup();
    await ready(t.page);
    vi.mocked(t.client.editPlaybook).mockResolvedValueOnce({
      ok: false,
      failure: { kind: 'error', code: 'bad_request', message: 'The playbook declares no SLA `x`.' },
    });
    t.click('form-role-apply');
    await t.page.waitFor(() =>
      expect(t.page.maybeFindByTestId(Alert, 'form-problem')).not.toBeNull(),
    );
    expect(t.text()).toBe(YAML);
  });

  it('when the viewer is not an admin, then no form is offered', async () => {
    const t = setup(false);
    await t.page.waitFor(() =>
      expect(t.page.maybeFindByTestId(TextArea, 'playbook-text')).not.toBeNull(),
    );
    expect(t.page.maybeFindByTestId(Flex, 'playbook-forms')).toBeNull();
  });
});

// The checklist-item and criterion forms: the same fields and words as the Salesforce admin panel's.
describe('the settings page forms for a checklist item and a stage criterion', () => {
  /** Lines of the edited text that are not the default playbook's line at the same place. */
  const added = (text: string) => {
    const before = YAML.split('\n');
    const after = text.split('\n');
    const at = after.findIndex((line, i) => line !== before[i]);
    return after.slice(at, at + after.length - before.length);
  };

  it('when the admin adds a required text item to the CS handoff, then the checklist ends with it and the other lines are untouched', async () => {
    const t = setup();
    await ready(t.page);
    t.select('form-item-list', 'cs_handoff');
    t.input('form-item-id', 'success_plan');
    t.input('form-item-label', 'Success plan shared');
    t.select('form-item-kind', 'text');
    t.select('form-item-owner', 'sales_rep');
    t.page.findByTestId(Checkbox, 'form-item-required').trigger('onChange', true as never);
    t.click('form-item-apply');
    await t.written();
    const items = t.playbook().checklists.find((l) => l.id === 'cs_handoff')?.items ?? [];
    expect(items.at(-1)).toEqual({
      id: 'success_plan',
      label: 'Success plan shared',
      kind: 'text',
      required: true,
      owner: 'sales_rep',
    });
    const lines = added(t.text());
    expect(lines.join('\n')).toContain('success_plan');
    // Only lines were added: taking them out gives back the admin's text, comments included.
    expect(t.text().replace(lines.join('\n') + '\n', '')).toBe(YAML);
  });

  it("when the admin changes an existing choice item's answers, then only its options change and its owner is kept", async () => {
    const t = setup();
    await ready(t.page);
    t.select('form-item-pick', 'company_size');
    expect(t.page.findByTestId(Input, 'form-item-options').props.value).toBe(
      '1-50, 51-200, 201-1000, 1000+',
    );
    expect(t.page.maybeFindByTestId(Input, 'form-item-id')).toBeNull();
    t.input('form-item-options', '1-50, 51-500, 500+');
    t.click('form-item-apply');
    await t.written();
    const item = t
      .playbook()
      .checklists.find((l) => l.id === 'ae_acceptance')
      ?.items.find((i) => i.id === 'company_size');
    expect(item).toEqual({
      id: 'company_size',
      label: 'Company size',
      kind: 'choice',
      options: ['1-50', '51-500', '500+'],
      owner: 'sdr',
      required: false,
    });
  });

  it('when a new item has an id the playbook cannot take, then the form says why and will not write it', async () => {
    const t = setup();
    await ready(t.page);
    t.input('form-item-id', 'Renewal Date');
    t.input('form-item-label', 'Renewal date');
    expect(t.page.findByTestId(Input, 'form-item-id').props.validationMessage).toBe(
      'Start with a letter: a–z, 0–9, _.',
    );
    expect(t.page.findByTestId(Button, 'form-item-apply').props.disabled).toBe(true);
  });

  it('when the admin adds a warning criterion on the amount to leave a stage, then the stage has it with a number value', async () => {
    const t = setup();
    await ready(t.page);
    t.select('form-criterion-stage', 'qualified');
    t.select('form-criterion-side', 'exit');
    t.input('form-criterion-id', 'budget');
    t.input('form-criterion-label', 'Budget of at least 1,000');
    t.select('form-criterion-severity', 'warn');
    t.select('form-rule-field', 'amount');
    t.select('form-rule-op', 'gte');
    expect(t.page.findByTestId(Button, 'form-criterion-apply').props.disabled).toBe(true);
    t.input('form-rule-value', '1000');
    t.click('form-criterion-apply');
    await t.written();
    const exit = t.playbook().stages.find((s) => s.id === 'qualified')?.exit ?? [];
    expect(exit.map((c) => c.id)).toEqual(['amount', 'decision_maker', 'budget']);
    expect(exit.at(-1)).toEqual({
      id: 'budget',
      label: 'Budget of at least 1,000',
      severity: 'warn',
      rule: { op: 'gte', field: 'amount', value: 1000 },
    });
  });

  it('when the admin relabels a criterion whose rule reads a handoff, then the form says the rule is changed in the text and keeps it', async () => {
    const t = setup();
    await ready(t.page);
    t.select('form-criterion-stage', 'appointment_scheduled');
    t.select('form-criterion-pick', 'ae_accepted');
    expect(t.page.findByTestId(Text, 'form-rule-kept').text).toBe(
      'This rule is not on one field: change it in the text.',
    );
    t.input('form-criterion-label', 'The AE took the deal');
    t.click('form-criterion-apply');
    await t.written();
    expect(
      t
        .playbook()
        .stages.find((s) => s.id === 'appointment_scheduled')
        ?.exit.find((c) => c.id === 'ae_accepted'),
    ).toEqual({
      id: 'ae_accepted',
      label: 'The AE took the deal',
      severity: 'block',
      rule: { op: 'handoff_status', handoff: 'sdr_to_ae', in: ['accepted'] },
    });
  });
});
