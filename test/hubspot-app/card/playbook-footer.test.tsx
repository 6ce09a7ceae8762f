// The card's footer names the playbook that decided it — version and fingerprint — as the
// Salesforce panel's footer does, on a deal and on a company.
import { describe, expect, it } from 'vitest';
import { Text } from '@hubspot/ui-extensions';
import { playbookFingerprint } from '../../../shared/src/runtime.js';
import { parsePlaybook } from '../../../shared/src/playbook/index.js';
import { evaluateRecord } from '../../../shared/src/record/index.js';
import { deal, rep } from '../../shared/builders.js';
import { defaultPlaybook, defaultPlaybookInput } from '../../shared/fixtures.js';
import { fakeClient, ok, renderCard } from './harness.js';
import { NOW, views } from './views.js';

describe('the card’s playbook footer', () => {
  it('when a deal is shown, then the footer reads "Playbook v<version> · <fingerprint> — <name>"', async () => {
    const card = renderCard(fakeClient(ok(views.repNotStarted())));
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(Text, 'playbook-footer')).not.toBeNull(),
    );
    const playbook = defaultPlaybook();
    expect(card.findByTestId(Text, 'playbook-footer').text).toBe(
      `Playbook v${playbook.version} · ${playbookFingerprint(playbook)} — ${playbook.name}`,
    );
  });

  it('when the deal was evaluated under version 2 of the playbook, then the footer says version 2 and its own fingerprint', async () => {
    const input = defaultPlaybookInput();
    input.version = '2';
    input.slas[0].target.amount += 1;
    const parsed = parsePlaybook(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const card = renderCard(fakeClient(ok(evaluateRecord(parsed.playbook, deal(), rep, NOW))));
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(Text, 'playbook-footer')).not.toBeNull(),
    );
    const footer = card.findByTestId(Text, 'playbook-footer').text ?? '';
    expect(footer).toContain(`Playbook v2 · ${playbookFingerprint(parsed.playbook)}`);
    expect(footer).not.toContain(playbookFingerprint(defaultPlaybook()));
  });

  it('when a company is shown, then its footer names the playbook too', async () => {
    const won = evaluateRecord(defaultPlaybook(), deal({ recordId: '101' }), rep, NOW);
    const card = renderCard(fakeClient(ok({ deals: [won] })), {
      objectType: 'companies',
      objectId: '9',
    });
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(Text, 'playbook-footer')).not.toBeNull(),
    );
    expect(card.findByTestId(Text, 'playbook-footer').text).toContain(
      `· ${playbookFingerprint(defaultPlaybook())} —`,
    );
  });
});
