// One playbook to both CRMs (issue 18 item 5): the playbook route names the saved playbook's
// fingerprint; an admin — and only an admin — gets a short-lived export token on the signed settings
// API, and the Salesforce deploy tool reads that portal's playbook with it, never another portal's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePlaybookText, playbookFingerprint, type Playbook } from '@handoff/shared';
import { defaultPlaybookInput } from '../../shared/fixtures.js';
import { PUBLIC_URL, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

function parsed(text: string): Playbook {
  const result = parsePlaybookText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.playbook;
}

async function savedText(portalId: string): Promise<string> {
  return (await h.store.getPlaybook(portalId))?.text ?? '';
}

async function issue(as: string, portalId?: string) {
  return h.call('POST', '/v1/hubspot/playbook/export', {
    as,
    body: {},
    ...(portalId ? { portalId } : {}),
  });
}

async function exportWith(token: string | undefined) {
  const response = await fetch(`${h.base}/v1/export/playbook`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const versionTwo = () => {
  const input = defaultPlaybookInput();
  input.version = '2';
  input.slas[0].target.amount += 1;
  return JSON.stringify(input, null, 2);
};

describe('the playbook route names the fingerprint', () => {
  it('when the playbook is read or saved, then the answer carries the saved playbook’s fingerprint', async () => {
    const read = await h.call('GET', '/v1/hubspot/playbook', { as: h.users.rep });
    expect(read.status).toBe(200);
    expect((read.body as { fingerprint: string }).fingerprint).toBe(
      playbookFingerprint(parsed(await savedText(h.portalId))),
    );
    const text = versionTwo();
    const saved = await h.call('PUT', '/v1/hubspot/playbook', {
      as: h.users.admin,
      body: { text },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      version: '2',
      fingerprint: playbookFingerprint(parsed(text)),
    });
  });
});

describe('issuing an export token', () => {
  it.each([
    ['a sales rep', 'rep'],
    ['a CS manager', 'csManager'],
    ['someone with no Handoff role', 'guest'],
  ] as const)('when %s asks for an export, then it is refused with 403', async (_who, user) => {
    const answer = await issue(h.users[user]);
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({
      error: { code: 'forbidden', message: 'Only Handoff admins may export the playbook.' },
    });
  });

  it('when the request is not signed by HubSpot, then it is refused with 401', async () => {
    const answer = await h.call('POST', '/v1/hubspot/playbook/export', {
      as: h.users.admin,
      body: {},
      tamper: 'unsigned',
    });
    expect(answer.status).toBe(401);
  });

  it('when an admin asks, then the ticket names the export URL, the version and fingerprint, and lasts 15 minutes', async () => {
    const answer = await issue(h.users.admin);
    expect(answer.status).toBe(200);
    const playbook = parsed(await savedText(h.portalId));
    expect(answer.body).toEqual({
      token: expect.stringMatching(/^hpx1\.[\w-]+\.[\w-]+$/),
      expiresAt: h.clock.now() + 15 * 60_000,
      url: `${PUBLIC_URL}/v1/export/playbook`,
      version: playbook.version,
      fingerprint: playbookFingerprint(playbook),
    });
  });
});

describe('reading the playbook with the token', () => {
  it('when the token is presented, then the answer is the portal’s saved playbook as the admin wrote it', async () => {
    const { token } = (await issue(h.users.admin)).body as { token: string };
    const answer = await exportWith(token);
    expect(answer.status).toBe(200);
    const text = await savedText(h.portalId);
    expect(answer.body).toEqual({
      portalId: h.portalId,
      name: parsed(text).name,
      version: parsed(text).version,
      fingerprint: playbookFingerprint(parsed(text)),
      text,
    });
  });

  it('when no token, a made-up token or an edited one is presented, then 401 with a sentence', async () => {
    const { token } = (await issue(h.users.admin)).body as { token: string };
    expect((await exportWith(undefined)).body).toEqual({
      error: {
        code: 'unauthorized',
        message: 'Send the export token from the settings page as "Authorization: Bearer <token>".',
      },
    });
    expect((await exportWith('hpx1.abc.def')).status).toBe(401);
    const [prefix, payload, mac] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
      expiresAt: number;
    };
    const longer = Buffer.from(
      JSON.stringify({ ...claims, expiresAt: claims.expiresAt + 86_400_000 }),
    ).toString('base64url');
    const edited = await exportWith(`${prefix}.${longer}.${mac}`);
    expect(edited.status).toBe(401);
    expect(edited.body).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('when 15 minutes have passed, then the token is refused as expired', async () => {
    const { token } = (await issue(h.users.admin)).body as { token: string };
    h.clock.advance(15 * 60_000);
    expect(await exportWith(token)).toEqual({
      status: 401,
      body: {
        error: {
          code: 'unauthorized',
          message:
            'The export token has expired (they last 15 minutes); issue a new export on the settings page.',
        },
      },
    });
  });

  it('when the playbook is saved again after the export was issued, then the old token says so instead of sending the new one', async () => {
    const { token } = (await issue(h.users.admin)).body as { token: string };
    const text = versionTwo();
    await h.call('PUT', '/v1/hubspot/playbook', { as: h.users.admin, body: { text } });
    const answer = await exportWith(token);
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      error: {
        message: `The playbook was saved again since this export was issued (HubSpot now runs Playbook v2 · ${playbookFingerprint(parsed(text))}); issue a new export on the settings page.`,
      },
    });
  });
});

describe('tenants stay apart', () => {
  it('when two portals each export, then each token reads its own portal’s playbook, and an admin of one cannot export the other', async () => {
    const other = await h.newInstalledPortal();
    const otherText = versionTwo();
    await h.store.putPlaybook(other, {
      text: otherText,
      version: '2',
      updatedAt: h.clock.now(),
      updatedBy: 'setup',
    });
    const otherAdmin = String(
      h.emulator.seed.owner(other, {
        email: 'admin@other.example',
        firstName: 'Olga',
        lastName: 'Other',
        teams: [{ name: 'RevOps' }],
      }).userId,
    );

    const mine = (await issue(h.users.admin)).body as { token: string };
    const theirs = (await issue(otherAdmin, other)).body as { token: string };
    expect((await exportWith(mine.token)).body).toMatchObject({
      portalId: h.portalId,
      text: await savedText(h.portalId),
    });
    expect((await exportWith(theirs.token)).body).toMatchObject({
      portalId: other,
      version: '2',
      text: otherText,
    });
    // This portal's admin is nobody in the other portal.
    expect((await issue(h.users.admin, other)).status).toBe(403);
  });
});
