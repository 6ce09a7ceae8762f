// One playbook, two copies (issue 18 item 5): the sandbox hosts both CRMs, so it compares HubSpot's
// saved playbook with the Salesforce org's active one. Saving version 2 in HubSpot shows the drift
// warning until HubSpot's playbook is pushed to Salesforce — through the backend's export token, which
// only an admin gets — and both faces then name the same playbook.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlaybookText, playbookFingerprint } from '@handoff/shared';
import { startSandbox, type Sandbox } from '../../sandbox/server/sandbox.js';
import { CARD_BACKEND_URL } from '../../sandbox/server/card-host.js';
import type { PlaybookCopies } from '../../sandbox/server/playbook-copies.js';
import { defaultPlaybookInput } from '../shared/fixtures.js';

const dataDir = mkdtempSync(join(tmpdir(), 'handoff-drift-'));
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ dataDir, port: 0 });
}, 180_000);
afterAll(async () => {
  await sandbox?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const person = (key: string) => {
  const found = sandbox.meta.people.find((p) => p.key === key);
  if (!found) throw new Error(`no seeded person ${key}`);
  return found.userId;
};

async function copies(): Promise<PlaybookCopies> {
  return (await fetch(`${sandbox.url}/api/playbooks`)).json() as Promise<PlaybookCopies>;
}

async function push(userId: string) {
  const response = await fetch(`${sandbox.url}/api/playbooks/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const versionTwo = () => {
  const input = defaultPlaybookInput();
  input.version = '2';
  input.slas[0].target.amount += 1;
  return JSON.stringify(input, null, 2);
};

describe('the sandbox’s two playbook copies', () => {
  it('when both CRMs were seeded with the default playbook, then they are the same and there is no warning', async () => {
    const seen = await copies();
    expect(seen.drift).toBeNull();
    expect(seen.hubspot?.version).toBe('1');
    expect(seen.salesforce?.fingerprint).toBe(seen.hubspot?.fingerprint);
  });

  it('when the admin saves version 2 in HubSpot, then the warning names both copies until an admin pushes HubSpot’s to Salesforce', async () => {
    const text = versionTwo();
    const parsed = parsePlaybookText(text);
    if (!parsed.ok) throw new Error('version 2 is invalid');
    const v2 = playbookFingerprint(parsed.playbook);
    const before = (await copies()).salesforce;
    const saved = await fetch(`${sandbox.url}/host/fetch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        url: `${CARD_BACKEND_URL}/v1/hubspot/playbook`,
        method: 'PUT',
        body: { text },
        userId: person('admin'),
      }),
    });
    expect(((await saved.json()) as { status: number }).status).toBe(200);

    const drifted = await copies();
    expect(drifted.hubspot).toMatchObject({ version: '2', fingerprint: v2 });
    expect(drifted.drift).toBe(
      `The playbooks differ: HubSpot runs Playbook v2 · ${v2}, Salesforce runs Playbook v1 · ${before?.fingerprint}. Push one playbook to both.`,
    );

    // A sales rep gets no export: the backend refuses, the copies stay apart.
    expect(await push(person('rep1'))).toEqual({
      status: 400,
      body: { error: 'Only Handoff admins may export the playbook.', detail: expect.any(String) },
    });
    expect((await copies()).drift).not.toBeNull();

    const pushed = await push(person('admin'));
    expect(pushed.status).toBe(200);
    expect(pushed.body).toMatchObject({
      drift: null,
      salesforce: { version: '2', fingerprint: v2 },
    });
    expect((await copies()).drift).toBeNull();
  }, 180_000);
});
