// The Salesforce faces name the playbook they run as the HubSpot card does ("Playbook v1 · <fingerprint>
// — <name>"): the record panel in its last line, the admin panel for the org's active record.
import { describe, expect, it } from 'vitest';
import Admin from 'c/handoffAdmin';
import { graphql } from 'lightning/graphql';
import { playbookFingerprint, playbookLabel } from '../../../../shared/src/runtime.js';
import { PLAYBOOK, PLAYBOOK_JSON, graph } from './fixtures.js';
import { expectAccessible, flush, mount, query } from './harness.js';
import { openPanel } from './panel.js';

const LABEL = `${playbookLabel({ version: PLAYBOOK.version, fingerprint: playbookFingerprint(PLAYBOOK) })} — ${PLAYBOOK.name}`;

describe('the playbook stamp on the Salesforce faces', () => {
  it('when the panel shows an opportunity, then its last line names the active playbook’s version and fingerprint', async () => {
    const el = await openPanel('sales_rep', 'in_progress');
    expect(query(el, '[data-id="playbook-stamp"]')?.textContent).toBe(LABEL);
    await expectAccessible(el);
  });

  it('when an admin opens the admin panel, then it names the playbook active in the org, and keeps naming it while the text is edited', async () => {
    const el = mount('c-handoff-admin', Admin, 'admin');
    graphql.emit(graph(PLAYBOOK_JSON));
    await flush();
    expect(query(el, '[data-id="playbook-stamp"]')?.textContent).toBe(
      `Active in this org: ${LABEL}`,
    );
    const edited = { ...JSON.parse(PLAYBOOK_JSON), version: '2' };
    const area = query(el, 'textarea[name="playbook"]') as HTMLTextAreaElement;
    area.value = JSON.stringify(edited);
    area.dispatchEvent(new Event('input'));
    await flush();
    expect(query(el, '[data-id="playbook-stamp"]')?.textContent).toBe(
      `Active in this org: ${LABEL}`,
    );
    await expectAccessible(el);
  });

  it('when the org has no active playbook, then the admin panel names none', async () => {
    const el = mount('c-handoff-admin', Admin, 'admin');
    graphql.emit(graph(null));
    await flush();
    expect(query(el, '[data-id="playbook-stamp"]')).toBeUndefined();
  });
});
