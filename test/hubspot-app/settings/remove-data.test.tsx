// The settings page's "Remove Handoff's data": confirmation first, then the installation DELETE
// (which uninstalls the app through HubSpot's API and deletes our data), its answer shown.
import { describe, expect, it, vi } from 'vitest';
import { Alert, Button, LoadingButton } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import {
  createSettingsClient,
  type SettingsClient,
} from '../../../hubspot-app/src/app/settings/api.js';
import { RemoveData } from '../../../hubspot-app/src/app/settings/RemoveData.js';
import { Settings } from '../../../hubspot-app/src/app/settings/Settings.js';
import { screenText } from '../card/harness.js';

function setup(answer: Awaited<ReturnType<SettingsClient['removeData']>>) {
  const client = { removeData: vi.fn<SettingsClient['removeData']>(async () => answer) };
  const addAlert = vi.fn();
  const page = createRenderer('settings');
  page.render(<RemoveData client={client} addAlert={addAlert} />);
  return { client, addAlert, page };
}

describe("removing Handoff's data from the settings page", () => {
  it("when the settings page loads, then it offers Remove Handoff's data", async () => {
    const page = createRenderer('settings');
    const client: SettingsClient = {
      playbook: async () => ({
        ok: true,
        value: { text: null, version: null, updatedAt: null, updatedBy: null, editable: true },
      }),
      savePlaybook: async () => ({ ok: false, failure: { kind: 'issues', issues: [] } }),
      status: async () => ({ ok: false, failure: { kind: 'error', code: 'x', message: 'x' } }),
      retryFailedWrites: async () => ({ ok: true, value: { retried: 0 } }),
      removeData: async () => ({ ok: true, value: { deleted: true } }),
      editPlaybook: async (text) => ({ ok: true, value: { text, issues: [] } }),
      exportPlaybook: async () => ({
        ok: false,
        failure: { kind: 'error', code: 'x', message: 'x' },
      }),
    };
    page.render(<Settings client={client} now={() => 0} addAlert={() => undefined} />);
    await page.waitFor(() => expect(page.maybeFindByTestId(Button, 'remove-data')).not.toBeNull());
    expect(page.findByTestId(Button, 'remove-data').text).toBe("Remove Handoff's data");
  });

  it('when the admin clicks Remove, then nothing is deleted until they confirm', () => {
    const { client, page } = setup({ ok: true, value: { deleted: true } });
    page.findByTestId(Button, 'remove-data').trigger('onClick');
    expect(page.findByTestId(Alert, 'remove-confirm')).toBeTruthy();
    expect(screenText(page)).toContain('This cannot be undone');
    page.findByTestId(Button, 'remove-data-cancel').trigger('onClick');
    expect(page.maybeFindByTestId(Alert, 'remove-confirm')).toBeNull();
    expect(client.removeData).not.toHaveBeenCalled();
  });

  it('when the admin confirms, then the installation is deleted, a success alert is shown and the page says what HubSpot keeps', async () => {
    const { client, addAlert, page } = setup({ ok: true, value: { deleted: true } });
    page.findByTestId(Button, 'remove-data').trigger('onClick');
    page.findByTestId(LoadingButton, 'remove-data-confirm').trigger('onClick');
    await page.waitFor(() => expect(screenText(page)).toContain('Handoff is uninstalled'));
    expect(client.removeData).toHaveBeenCalledTimes(1);
    expect(addAlert).toHaveBeenCalledWith({
      type: 'success',
      message: 'Handoff is uninstalled from this account and its data is deleted.',
    });
    expect(screenText(page)).toContain('HubSpot keeps the notes, tasks and deal properties');
  });

  it("when someone who is not a Handoff admin confirms, then the server's sentence is shown and nothing changes", async () => {
    const { page } = setup({
      ok: false,
      failure: {
        kind: 'error',
        code: 'forbidden',
        message: "Only Handoff admins may delete this account's Handoff data.",
      },
    });
    page.findByTestId(Button, 'remove-data').trigger('onClick');
    page.findByTestId(LoadingButton, 'remove-data-confirm').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFindByTestId(Alert, 'remove-error')).not.toBeNull());
    expect(screenText(page)).toContain(
      "Only Handoff admins may delete this account's Handoff data.",
    );
    expect(page.findByTestId(Button, 'remove-data')).toBeTruthy();
  });

  it('when the client removes data, then it sends DELETE to the installation route and reads { deleted: true }', async () => {
    const fetch = vi.fn(async () => ({ status: 200, json: async () => ({ deleted: true }) }));
    const client = createSettingsClient(fetch, 'https://api.handoff.example');
    expect(await client.removeData()).toEqual({ ok: true, value: { deleted: true } });
    expect(fetch).toHaveBeenCalledWith('https://api.handoff.example/v1/hubspot/installation', {
      method: 'DELETE',
    });
  });
});
