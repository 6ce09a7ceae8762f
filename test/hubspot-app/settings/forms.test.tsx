// The settings page's forms (issue 18 item 6): each writes its change into the playbook text through
// the server's editPlaybookText — here the core's own function behind a fake client — and the text
// view shows the result, saved only by Save.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  Alert,
  Button,
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
