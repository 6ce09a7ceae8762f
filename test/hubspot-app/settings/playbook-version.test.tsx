// The settings page's header names the playbook HubSpot runs and offers the one way to push it to
// Salesforce: an export ticket turned into the deploy command.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { Alert, Button, Heading, LoadingButton, TextArea } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import type { PlaybookExportTicket } from '@handoff/shared/runtime';
import type { SettingsClient } from '../../../hubspot-app/src/app/settings/api.js';
import { PlaybookVersion } from '../../../hubspot-app/src/app/settings/PlaybookVersion.js';
import { Settings } from '../../../hubspot-app/src/app/settings/Settings.js';
import { DEFAULT_PLAYBOOK_PATH } from '../../shared/fixtures.js';

const TICKET: PlaybookExportTicket = {
  token: 'hpx1.payload.mac',
  expiresAt: 1_000,
  url: 'https://api.handoff.example/v1/export/playbook',
  version: '2',
  fingerprint: '3f9a1c2e',
};

function render(answer: Awaited<ReturnType<SettingsClient['exportPlaybook']>>) {
  const client = { exportPlaybook: vi.fn<SettingsClient['exportPlaybook']>(async () => answer) };
  const page = createRenderer('settings');
  page.render(
    <PlaybookVersion saved={{ version: '2', fingerprint: '3f9a1c2e' }} client={client} />,
  );
  return { page, client };
}

describe('the settings header', () => {
  it('when a playbook is saved, then the header names it as the footers do', () => {
    const { page } = render({ ok: true, value: TICKET });
    expect(page.findByTestId(Heading, 'playbook-version').text).toBe(
      'HubSpot runs Playbook v2 · 3f9a1c2e',
    );
  });

  it('when nothing is saved yet, then there is no header and no export', () => {
    const page = createRenderer('settings');
    page.render(<PlaybookVersion saved={null} client={{ exportPlaybook: vi.fn() }} />);
    expect(page.maybeFindByTestId(Heading, 'playbook-version')).toBeNull();
    expect(page.maybeFindByTestId(LoadingButton, 'export-playbook')).toBeNull();
  });

  it('when the admin pushes to Salesforce, then the page shows the deploy command with the token and the export URL', async () => {
    const { page, client } = render({ ok: true, value: TICKET });
    page.findByTestId(LoadingButton, 'export-playbook').trigger('onClick');
    await page.waitFor(() =>
      expect(page.maybeFindByTestId(TextArea, 'export-command')).not.toBeNull(),
    );
    expect(client.exportPlaybook).toHaveBeenCalledTimes(1);
    const command = page.findByTestId(TextArea, 'export-command');
    expect(command.props.value).toBe(
      "HANDOFF_EXPORT_TOKEN='hpx1.payload.mac' npm run salesforce:deploy -- --playbook-from https://api.handoff.example/v1/export/playbook",
    );
    expect(command.props.readOnly).toBe(true);
    expect(command.props.label).toContain('Playbook v2 · 3f9a1c2e');
  });

  it('when the server refuses (not an admin), then its sentence is shown and no command', async () => {
    const { page } = render({
      ok: false,
      failure: {
        kind: 'error',
        code: 'forbidden',
        message: 'Only Handoff admins may export the playbook.',
      },
    });
    page.findByTestId(LoadingButton, 'export-playbook').trigger('onClick');
    await page.waitFor(() =>
      expect(page.maybeFindByTestId(Alert, 'export-problem')).not.toBeNull(),
    );
    expect(page.findByTestId(Alert, 'export-problem').text).toContain(
      'Only Handoff admins may export the playbook.',
    );
    expect(page.maybeFindByTestId(TextArea, 'export-command')).toBeNull();
  });
});

describe('the settings page with its header', () => {
  it('when the page loads and the admin saves version 2, then the header names the saved playbook before and after', async () => {
    const text = readFileSync(DEFAULT_PLAYBOOK_PATH, 'utf8');
    // An admin's answer (the page is read-only for others and offers no Save).
    const response = (t: string, version: string, fingerprint: string) => ({
      text: t,
      version,
      updatedAt: 0,
      updatedBy: 'u-admin',
      fingerprint,
      editable: true,
    });
    const client: SettingsClient = {
      playbook: async () => ({ ok: true, value: response(text, '1', 'aaaaaaaa') }),
      savePlaybook: async (t) => ({ ok: true, value: response(t, '2', 'bbbbbbbb') }),
      status: async () => ({ ok: false, failure: { kind: 'error', code: 'x', message: 'x' } }),
      retryFailedWrites: async () => ({ ok: true, value: { retried: 0 } }),
      removeData: async () => ({ ok: true, value: { deleted: true } }),
      editPlaybook: async (text) => ({ ok: true, value: { text, issues: [] } }),
      exportPlaybook: async () => ({ ok: true, value: TICKET }),
    };
    const page = createRenderer('settings');
    page.render(<Settings client={client} now={() => 0} addAlert={() => undefined} />);
    await page.waitFor(() =>
      expect(page.maybeFindByTestId(Heading, 'playbook-version')).not.toBeNull(),
    );
    expect(page.findByTestId(Heading, 'playbook-version').text).toBe(
      'HubSpot runs Playbook v1 · aaaaaaaa',
    );
    page.findByTestId(Button, 'save').trigger('onClick');
    await page.waitFor(() =>
      expect(page.findByTestId(Heading, 'playbook-version').text).toBe(
        'HubSpot runs Playbook v2 · bbbbbbbb',
      ),
    );
  });
});
