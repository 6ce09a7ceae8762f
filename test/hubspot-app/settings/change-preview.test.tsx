// The settings page's change preview (issue 20): the backend's answer shown as counts that open
// their deals, the confirmation a save over the escalation limit needs, and the save log.
import { describe, expect, it, vi } from 'vitest';
import { Alert, Button } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { previewPlaybookChange } from '../../../shared/src/preview/index.js';
import type { Answer, SettingsClient } from '../../../hubspot-app/src/app/settings/api.js';
import { ChangePreview } from '../../../hubspot-app/src/app/settings/ChangePreview.js';
import { Settings } from '../../../hubspot-app/src/app/settings/Settings.js';
import type { PlaybookResponse } from '../../../shared/src/api/index.js';
import { deal, handoffState, HOUR, MONDAY_10AM_NY } from '../../shared/builders.js';
import { defaultPlaybook } from '../../shared/fixtures.js';
import { edited, tighterCsSla } from '../../shared/preview/change.js';
import { screenText } from '../card/harness.js';

// A deal whose CS handoff was submitted Monday 10:00; at 15:00 CS has waited 5 business hours.
const submitted = deal({
  recordId: '501',
  handoffs: {
    sales_to_cs: handoffState('submitted', {
      events: [{ type: 'submitted', at: MONDAY_10AM_NY, by: 'u-rep', actionId: 'a', details: {} }],
    }),
  },
});
const tighter = previewPlaybookChange({
  old: defaultPlaybook(),
  new: edited(tighterCsSla),
  records: [submitted],
  now: MONDAY_10AM_NY + 5 * HOUR,
});

describe('the change preview', () => {
  it('when the admin previews the tighter CS SLA, then the change, the deal going breached and the escalations with whom they reach are shown, each opening its deals', async () => {
    const previewChange = vi.fn(async () => ({ ok: true as const, value: tighter }));
    const page = createRenderer('settings');
    page.render(
      <ChangePreview client={{ previewChange } as unknown as SettingsClient} text="edited" valid />,
    );
    page.findByTestId(Button, 'preview-change').trigger('onClick');
    await page.waitFor(() =>
      expect(screenText(page)).toContain('1 change from the saved playbook'),
    );
    expect(previewChange).toHaveBeenCalledWith('edited');
    const text = screenText(page);
    expect(text).toContain('• CS accepts the handoff: 1 business day → 4 business hours');
    expect(text).toContain('On 1 deal now');
    expect(text).toContain('1 record goes from on track to breached: CS accepts the handoff');
    expect(text).toContain(
      '1 escalation on the next scan: level 2 of CS accepts the handoff (breached), reaching every CS manager',
    );
    expect(text).toContain('Deals: 501');
    expect(text).toContain('2 escalations on the next scan (confirmation needed above 25).');
  });

  it('when the admin tightens speed to lead, then the preview counts deals and contacts and opens the contacts it turns late as contacts', async () => {
    const mql = {
      ...deal({ recordId: '7' }),
      objectType: 'contacts',
      stage: 'mql',
      fields: {},
      stageHistory: [{ stage: 'mql', enteredAt: MONDAY_10AM_NY - HOUR }],
      handoffs: {},
    };
    const faster = previewPlaybookChange({
      old: defaultPlaybook(),
      new: edited((raw) => {
        const sla = (raw.slas as { id: string; target: unknown }[]).find(
          (x) => x.id === 'speed_to_lead',
        );
        if (sla) sla.target = { unit: 'business_hours', amount: 2 };
      }),
      records: [submitted, mql],
      now: MONDAY_10AM_NY + 2 * HOUR,
    });
    const page = createRenderer('settings');
    page.render(
      <ChangePreview
        client={
          {
            previewChange: async () => ({ ok: true, value: faster }),
          } as unknown as SettingsClient
        }
        text="edited"
        valid
      />,
    );
    page.findByTestId(Button, 'preview-change').trigger('onClick');
    await page.waitFor(() => expect(screenText(page)).toContain('On 1 deal and 1 contact now'));
    const text = screenText(page);
    expect(text).toContain('1 record goes from at risk to breached: Speed to lead');
    expect(text).toContain('Contacts: 7');
    expect(text).not.toContain('Deals: 7');
  });

  it('when the change raises more escalations than allowed, then the preview says saving needs confirmation', async () => {
    const over = { ...tighter, escalationLimit: 1, needsConfirmation: true };
    const page = createRenderer('settings');
    page.render(
      <ChangePreview
        client={
          { previewChange: async () => ({ ok: true, value: over }) } as unknown as SettingsClient
        }
        text="edited"
        valid
      />,
    );
    page.findByTestId(Button, 'preview-change').trigger('onClick');
    await page.waitFor(() =>
      expect(page.maybeFindByTestId(Alert, 'preview-confirm')).not.toBeNull(),
    );
    expect(screenText(page)).toContain(
      'Saving raises 2 escalations at once; this playbook allows 1 without confirmation.',
    );
  });

  it('when the text does not parse, then there is nothing to preview', () => {
    const page = createRenderer('settings');
    page.render(
      <ChangePreview
        client={{ previewChange: vi.fn() } as unknown as SettingsClient}
        text="x"
        valid={false}
      />,
    );
    expect(page.findByTestId(Button, 'preview-change').props.disabled).toBe(true);
  });
});

describe('saving over the escalation limit', () => {
  it('when the server asks for confirmation, then Confirm and save sends it, and the save log lists the save', async () => {
    const saved: PlaybookResponse = {
      text: 'edited',
      version: '2',
      updatedAt: 0,
      updatedBy: 'u-admin',
      editable: true,
      fingerprint: '3f9a1c2e',
      saves: [
        {
          savedAt: Date.UTC(2026, 10, 23, 20, 1),
          savedBy: 'u-admin',
          version: '2',
          fingerprint: '3f9a1c2e',
          summary: ['1 record goes from on track to breached: CS accepts the handoff'],
          escalations: 2,
          confirmed: true,
        },
      ],
    };
    let reads = 0;
    const savePlaybook = vi.fn<SettingsClient['savePlaybook']>(async (_text, confirm) =>
      confirm
        ? { ok: true, value: saved }
        : {
            ok: false,
            failure: {
              kind: 'error',
              code: 'confirmation_needed',
              message:
                'Saving would raise 2 escalations at once, more than this playbook allows without confirmation (1). Review the preview and confirm to save.',
            },
          },
    );
    const client = {
      playbook: async (): Promise<Answer<PlaybookResponse>> => ({
        ok: true,
        value: reads++ === 0 ? { ...saved, version: '1', saves: [] } : saved,
      }),
      savePlaybook,
      status: async () => ({ ok: false, failure: { kind: 'error', code: 'x', message: 'x' } }),
      previewChange: async () => ({ ok: true, value: tighter }),
    } as unknown as SettingsClient;
    const page = createRenderer('settings');
    page.render(<Settings client={client} now={() => 0} addAlert={() => undefined} />);
    await page.waitFor(() => expect(page.maybeFindByTestId(Button, 'save')).not.toBeNull());
    page.findByTestId(Button, 'save').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFindByTestId(Button, 'confirm-save')).not.toBeNull());
    expect(savePlaybook).toHaveBeenLastCalledWith('edited');
    page.findByTestId(Button, 'confirm-save').trigger('onClick');
    await page.waitFor(() =>
      expect(screenText(page)).toContain('saved by user u-admin, confirmed'),
    );
    expect(savePlaybook).toHaveBeenLastCalledWith('edited', true);
    expect(screenText(page)).toContain(
      '2026-11-23 20:01 UTC — version 2 (3f9a1c2e) saved by user u-admin, confirmed: 1 record goes from on track to breached: CS accepts the handoff.',
    );
  });
});
