// Start-up checks of `npm run serve:hubspot` (issue 17 item 8): a key that does not open the stored
// seals, a weak key or an unsafe PUBLIC_URL stops the service with one sentence and exit code 1.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TokenVault } from '../../../hubspot-app/backend/installations/vault.js';
import { createStore, openSqlite } from '../../../hubspot-app/backend/store/index.js';
import { GOOD_KEY, healthy, OTHER_KEY, randomPort, serve } from './serve.js';

const BASE = {
  HUBSPOT_CLIENT_SECRET: 'a-secret-of-sixteen+',
  HUBSPOT_CLIENT_ID: 'client-1',
  PUBLIC_URL: 'https://api.handoff.example',
};

/** A data folder whose store holds one installed portal, its tokens sealed with GOOD_KEY. */
async function dataDirWithSeals(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-seals-'));
  const store = createStore(openSqlite(join(dir, 'hubspot.db')));
  await store.migrate(Date.now());
  const vault = new TokenVault(GOOD_KEY);
  await store.putInstallation({
    portalId: '40000001',
    accessToken: vault.seal('access-token', '40000001'),
    refreshToken: vault.seal('refresh-token', '40000001'),
    expiresAt: Date.now() + 30 * 60_000,
    installedAt: Date.now(),
    uninstalledAt: null,
  });
  await store.close();
  return dir;
}

/** Exactly one line on stderr, `handoff: <sentence>.`, and no stack trace. */
function oneSentence(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^handoff: [A-Z].+\.$/);
  expect(stderr).not.toMatch(/\n\s+at /);
  return lines[0] ?? '';
}

describe('start-up checks', () => {
  it('when HANDOFF_TOKEN_KEY does not open the tokens already stored, then the service refuses to start', async () => {
    const run = serve({
      ...BASE,
      HANDOFF_TOKEN_KEY: OTHER_KEY,
      HANDOFF_DATA_DIR: await dataDirWithSeals(),
      PORT: String(randomPort()),
    });
    expect(await run.exited).toBe(1);
    expect(oneSentence(run.output().stderr)).toBe(
      'handoff: HANDOFF_TOKEN_KEY does not open the OAuth tokens stored for portal 40000001 (sealed with key "default"): start with the key they were sealed with; to change keys, set HANDOFF_TOKEN_KEYS with the new key first and the old one after it, then run npm run reseal:hubspot-tokens (see the README).',
    );
  }, 20_000);

  it('when HANDOFF_TOKEN_KEY is the key the stored tokens were sealed with, then the service starts', async () => {
    const port = randomPort();
    const run = serve({
      ...BASE,
      HANDOFF_TOKEN_KEY: GOOD_KEY,
      HANDOFF_DATA_DIR: await dataDirWithSeals(),
      PORT: String(port),
    });
    expect(await healthy(port)).toBe(true);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 20_000);

  it.each([
    ['32 zero bytes', Buffer.alloc(32).toString('base64')],
    ['a 43-character passphrase', 'correcthorsebatterystaplecorrecthorsebatter'],
  ])(
    'when HANDOFF_TOKEN_KEY is %s, then the service refuses to start',
    async (_what, key) => {
      const run = serve({
        ...BASE,
        HANDOFF_TOKEN_KEY: key,
        HANDOFF_DATA_DIR: mkdtempSync(join(tmpdir(), 'handoff-weak-')),
      });
      expect(await run.exited).toBe(1);
      expect(oneSentence(run.output().stderr)).toMatch(
        /^handoff: HANDOFF_TOKEN_KEY is not valid: /,
      );
    },
    20_000,
  );

  it.each(['http://api.handoff.example', 'javascript:alert(1)'])(
    'when PUBLIC_URL is %s, then the service refuses to start',
    async (url) => {
      const run = serve({
        ...BASE,
        PUBLIC_URL: url,
        HANDOFF_TOKEN_KEY: GOOD_KEY,
        HANDOFF_DATA_DIR: mkdtempSync(join(tmpdir(), 'handoff-url-')),
      });
      expect(await run.exited).toBe(1);
      expect(oneSentence(run.output().stderr)).toMatch(/^handoff: PUBLIC_URL is not valid: /);
    },
    20_000,
  );
});
