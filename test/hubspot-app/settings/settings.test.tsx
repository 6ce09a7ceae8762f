import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  Alert,
  Button,
  ErrorState,
  Flex,
  LoadingButton,
  Select,
  StatusTag,
  Table,
  TextArea,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import type { InstallStatus, PlaybookResponse } from '@handoff/shared/runtime';
import type { Answer, SettingsClient } from '../../../hubspot-app/src/app/settings/api.js';
import { Settings } from '../../../hubspot-app/src/app/settings/Settings.js';
import { missingProperties } from '../../../hubspot-app/src/app/settings/InstallPanel.js';
import { DEFAULT_PLAYBOOK_PATH, defaultPlaybookInput } from '../../shared/fixtures.js';
import { MONDAY_10AM_NY } from '../../shared/builders.js';
import { screenText } from '../card/harness.js';

const DEFAULT_YAML = readFileSync(DEFAULT_PLAYBOOK_PATH, 'utf8');
const saved = (text: string | null): PlaybookResponse => ({
  text,
  version: text === null ? null : '1',
  updatedAt: text === null ? null : MONDAY_10AM_NY,
  updatedBy: text === null ? null : 'u-admin',
  editable: true,
});
const STATUS: InstallStatus = {
  portalId: '123',
  installed: true,
  playbookConfigured: true,
  properties: { created: false, missing: ['handoff_status'] },
  webhooks: { active: true },
  outbox: { pending: 2, failed: [] },
};

function setup(text: string | null = DEFAULT_YAML, editable = true) {
  const client = {
    playbook: vi.fn<SettingsClient['playbook']>(async () => ({
      ok: true,
      value: { ...saved(text), editable },
    })),
    savePlaybook: vi.fn<SettingsClient['savePlaybook']>(async (t) => ({
      ok: true,
      value: { ...saved(t), version: '2' },
    })),
    status: vi.fn<SettingsClient['status']>(async () => ({ ok: true, value: STATUS })),
    retryFailedWrites: vi.fn<SettingsClient['retryFailedWrites']>(async () => ({
      ok: true,
      value: { retried: 0 },
    })),
    editPlaybook: vi.fn<SettingsClient['editPlaybook']>(async (text) => ({
      ok: true,
      value: { text, issues: [] },
    })),
    removeData: vi.fn<SettingsClient['removeData']>(async () => ({
      ok: true,
      value: { deleted: true },
    })),
    exportPlaybook: vi.fn<SettingsClient['exportPlaybook']>(async () => ({
      ok: false,
      failure: { kind: 'error', code: 'forbidden', message: 'Only Handoff admins may export.' },
    })),
  };
  const addAlert = vi.fn();
  const page = createRenderer('settings');
  page.render(<Settings client={client} now={() => MONDAY_10AM_NY} addAlert={addAlert} />);
  const edit = (value: string) =>
    page.findByTestId(TextArea, 'playbook-text').trigger('onInput', value as never);
  return { client, page, addAlert, edit };
}

async function ready(page: ReturnType<typeof setup>['page']) {
  await page.waitFor(() =>
    expect(page.maybeFindByTestId(TextArea, 'playbook-text')).not.toBeNull(),
  );
}

describe('the settings page', () => {
  it('when the saved playbook is the default YAML, then it is valid live, previewed, and its roles are mapped to teams', async () => {
    const { page } = setup();
    await ready(page);
    expect(page.findByTestId(StatusTag, 'playbook-valid')).toBeTruthy();
    const text = screenText(page);
    expect(text).toContain('Saved playbook: version 1.');
    expect(text).toContain('CS manager (cs_manager)\nCustomer Success');
    expect(text).toContain('Pain identified: Pain identified is empty; it must be filled in.');
    expect(page.findByTestId(Table, 'role-map')).toBeTruthy();
  });

  it('when the admin breaks the playbook, then the parser issues appear next to the text with their paths, and Save is disabled', async () => {
    const { page, edit } = setup();
    await ready(page);
    edit(DEFAULT_YAML.replace('opensAt: closed_won', 'opensAt: closed_wonn'));
    expect(page.findByTestId(Flex, 'playbook-issues')).toBeTruthy();
    expect(screenText(page)).toContain(
      'handoffs[1].opensAt names the stage `closed_wonn`, which the playbook does not declare. (did you mean `closed_won`?)',
    );
    expect(page.findByTestId(Button, 'save').props.disabled).toBe(true);
    expect(page.maybeFindByTestId(Table, 'role-map')).toBeNull();
  });

  it('when the playbook holds four problems of mixed kinds, then all four are listed in text order with their line, column and the numbered lines around each', async () => {
    const { page, edit } = setup();
    await ready(page);
    const broken = DEFAULT_YAML.replace('opensAt: closed_won', 'opensAt: closed_wonn')
      .replace('    label: Closed lost\n', '')
      .replace('calendar: us_business', 'calendar: us_busines')
      .replace('amount: 1, mode: elapsed', 'amount: 0, mode: elapsed');
    edit(broken);
    const text = screenText(page);
    expect(text).toContain('4 issues (checked as you type)');
    const lines = broken.split('\n');
    const listed = [...text.matchAll(/Line (\d+), column (\d+): (\S+) /g)].map((m) => ({
      path: m[3],
      at: lines[Number(m[1]) - 1]?.slice(Number(m[2]) - 1, Number(m[2]) + 7),
    }));
    expect(listed.map((l) => l.path)).toEqual([
      'stages[6].label',
      'handoffs[1].opensAt',
      'slas[0].calendar',
      'slas[3].target.amount',
    ]);
    expect(listed.map((l) => l.at)).toEqual(['id: clos', 'opensAt:', 'calendar', 'amount: ']);
    expect(page.findByTestId(Flex, 'issue-excerpt-1')).toBeTruthy();
    const handoffLine = lines.findIndex((l) => l.includes('opensAt: closed_wonn')) + 1;
    // The issue's line, marked and numbered, its indentation kept visible.
    expect(text).toContain(`› ${handoffLine} │ \u00a0\u00a0\u00a0\u00a0opensAt: closed_wonn`);
    expect(text).toContain(`\u00a0 ${handoffLine + 1} │`);
  });

  it('when the viewer is not an admin, then the playbook is shown read-only, says why, and offers no Save', async () => {
    const { page } = setup(DEFAULT_YAML, false);
    await ready(page);
    const area = page.findByTestId(TextArea, 'playbook-text');
    expect(area.props.readOnly).toBe(true);
    expect(area.props.description).toContain('only Handoff admins may change the playbook');
    expect(page.maybeFindByTestId(Button, 'save')).toBeNull();
    expect(screenText(page)).not.toContain('Edit it below');
  });

  it('when the viewer is an admin, then the text is editable', async () => {
    const { page } = setup();
    await ready(page);
    expect(page.findByTestId(TextArea, 'playbook-text').props.readOnly).toBe(false);
    expect(page.findByTestId(Button, 'save')).toBeTruthy();
  });

  it('when the text is not YAML at all, then the issue says so', async () => {
    const { page, edit } = setup();
    await ready(page);
    edit('stages: [unclosed');
    expect(screenText(page)).toMatch(/playbook is not valid YAML: /);
  });

  it('when the admin pastes JSON, then it is checked the same way', async () => {
    const { page, edit } = setup();
    await ready(page);
    const input = defaultPlaybookInput();
    input.slas[0].calendar = 'eu_business';
    edit(JSON.stringify(input, null, 2));
    expect(screenText(page)).toContain('slas[0].calendar names the calendar `eu_business`');
  });

  it('when the admin saves, then the text is PUT and a success alert is shown', async () => {
    const { page, client, addAlert, edit } = setup();
    await ready(page);
    const changed = DEFAULT_YAML.replace("version: '1'", "version: '2'");
    edit(changed);
    page.findByTestId(Button, 'save').trigger('onClick');
    await page.waitFor(() =>
      expect(addAlert).toHaveBeenCalledWith({
        type: 'success',
        message: 'Playbook version 2 saved.',
      }),
    );
    expect(client.savePlaybook).toHaveBeenCalledWith(changed);
    expect(screenText(page)).toContain('Saved playbook: version 2.');
  });

  it('when the server refuses the playbook, then its issues replace the live ones', async () => {
    const { page, client } = setup();
    await ready(page);
    client.savePlaybook.mockResolvedValue({
      ok: false,
      failure: {
        kind: 'issues',
        issues: [{ path: 'roles.admin', message: 'must keep at least one team.' }],
      },
    });
    page.findByTestId(Button, 'save').trigger('onClick');
    await page.waitFor(() =>
      expect(screenText(page)).toContain('roles.admin must keep at least one team.'),
    );
    expect(screenText(page)).toContain('1 issue (from the server)');
  });

  it('when a non-admin saves, then the server sentence is shown', async () => {
    const { page, client } = setup();
    await ready(page);
    client.savePlaybook.mockResolvedValue({
      ok: false,
      failure: {
        kind: 'error',
        code: 'forbidden',
        message: 'Only Handoff admins may change the playbook.',
      },
    });
    page.findByTestId(Button, 'save').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFindByTestId(Alert, 'save-error')).not.toBeNull());
    expect(screenText(page)).toContain('Only Handoff admins may change the playbook.');
  });

  it('when no playbook is saved yet, then the page says so and the empty text is an issue', async () => {
    const { page } = setup(null);
    await ready(page);
    expect(screenText(page)).toContain('No playbook is saved yet');
    expect(screenText(page)).toContain('playbook is empty: paste or write a playbook.');
  });

  it('when the preview stage changes, then the preview shows that stage', async () => {
    const { page } = setup();
    await ready(page);
    page.findByTestId(Select, 'preview-stage').trigger('onChange', 'closed_won' as never);
    const text = screenText(page);
    expect(text).toContain('Sales → CS handoff opens: 10 required of 12 checklist items.');
    expect(text).toContain('Rep submits the CS handoff');
  });

  it('shows the install status: what is done and what is missing', async () => {
    const { page } = setup();
    await ready(page);
    expect(page.findByTestId(StatusTag, 'status-webhooks').text).toBe('Active');
    expect(page.findByTestId(StatusTag, 'status-properties').text).toBe('Missing: handoff_status');
    expect(screenText(page)).toContain('2 waiting, 0 failed');
  });

  it('when an older install lacks the contact and company scopes, then the status names those objects and what to do, not twenty property names', () => {
    expect(
      missingProperties([
        'contacts.handoff_mql_to_sales_status',
        'contacts.handoff_sla_speed_to_lead_status',
        'companies.handoff_expansion_status',
      ]),
    ).toBe(
      'Not yet on contacts and companies: install Handoff again to grant access to their properties',
    );
    expect(missingProperties(['handoff_status', 'companies.handoff_expansion_status'])).toBe(
      'Missing: handoff_status. Not yet on companies: install Handoff again to grant access to their properties',
    );
  });

  it('when writes to HubSpot keep failing, then the page counts them and an admin can retry them now', async () => {
    const failed = [1, 2, 3].map((n) => ({
      id: `task:a${n}`,
      what: 'Create a task in HubSpot',
      error: 'HubSpot did not answer as expected; try again.',
      at: MONDAY_10AM_NY,
    }));
    const { page, client, addAlert } = setup();
    client.status.mockResolvedValue({
      ok: true,
      value: { ...STATUS, outbox: { pending: 0, failed } },
    });
    client.retryFailedWrites.mockResolvedValue({ ok: true, value: { retried: 3 } });
    page.render(<Settings client={client} now={() => MONDAY_10AM_NY} addAlert={addAlert} />);
    await page.waitFor(() =>
      expect(page.maybeFindByTestId(LoadingButton, 'retry-writes')).not.toBeNull(),
    );
    expect(page.findByTestId(LoadingButton, 'retry-writes').text).toBe('Retry 3 writes now');
    expect(screenText(page)).toContain(
      '3 writes to HubSpot keep failing; Handoff tries again on its own at least every hour.',
    );
    client.status.mockResolvedValue({ ok: true, value: STATUS });
    page.findByTestId(LoadingButton, 'retry-writes').trigger('onClick');
    await page.waitFor(() =>
      expect(page.maybeFindByTestId(LoadingButton, 'retry-writes')).toBeNull(),
    );
    expect(client.retryFailedWrites).toHaveBeenCalledTimes(1);
    expect(addAlert).toHaveBeenCalledWith({
      type: 'success',
      message: 'Trying 3 writes to HubSpot again.',
    });
  });

  it('when the settings cannot load, then a sentence and Try again are shown', async () => {
    const { page, client } = setup();
    client.playbook.mockResolvedValue({
      ok: false,
      failure: {
        kind: 'error',
        code: 'internal',
        message: 'Something went wrong on our side; try again.',
      },
    } as Answer<PlaybookResponse>);
    page.render(<Settings client={client} now={() => MONDAY_10AM_NY} addAlert={vi.fn()} />);
    await page.waitFor(() =>
      expect(page.maybeFindByTestId(ErrorState, 'settings-problem')).not.toBeNull(),
    );
    client.playbook.mockResolvedValue({ ok: true, value: saved(DEFAULT_YAML) });
    page.findByTestId(Button, 'settings-retry').trigger('onClick');
    await ready(page);
  });
});
