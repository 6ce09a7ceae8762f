// HANDOFF_TOKEN_KEY rotation (issue 21): several keys with ids, new seals with the newest, old seals
// still open, `npm run reseal:hubspot-tokens` moves every seal to the newest key, and a key set that
// does not open what is stored stops the service with a sentence — never a silent re-install.
import { spawn } from 'node:child_process';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../hubspot-app/backend/config.js';
import { parseTokenKeys, TokenVault } from '../../../hubspot-app/backend/installations/vault.js';
import { createStore, openSqlite } from '../../../hubspot-app/backend/store/index.js';
import { GOOD_KEY, healthy, OTHER_KEY, randomPort, serve } from './serve.js';

const NEW_KEY = createHash('sha256').update('handoff rotation key').digest('base64');
const OLD = { id: 'k1', key: GOOD_KEY };
const NEW = { id: 'k2', key: NEW_KEY };

/** A seal as written before key ids existed: `v1:<iv>:<tag>:<ciphertext>`. */
function legacySeal(key: string, plaintext: string, portalId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'base64'), iv);
  cipher.setAAD(Buffer.from(portalId, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    'v1',
    iv.toString('base64'),
    cipher.getAuthTag().toString('base64'),
    body.toString('base64'),
  ].join(':');
}

describe('HANDOFF_TOKEN_KEYS', () => {
  it('when keys are listed with ids, then they are read newest first; a wrong entry is named', () => {
    expect(parseTokenKeys(`k2:${NEW_KEY},k1:${GOOD_KEY}`)).toEqual({ keys: [NEW, OLD] });
    expect(parseTokenKeys(`${NEW_KEY}`)).toEqual({
      problem: expect.stringMatching(/^entry 1 must be written id:key/),
    });
    expect(parseTokenKeys(`k2:${NEW_KEY},k2:${GOOD_KEY}`)).toEqual({
      problem: 'the key id "k2" appears twice',
    });
    expect(parseTokenKeys(`k2:${NEW_KEY},k1:${Buffer.alloc(32).toString('base64')}`)).toEqual({
      problem: expect.stringMatching(/^key "k1": it is too weak: its bytes repeat/),
    });
    const both = readConfig({
      HUBSPOT_CLIENT_SECRET: 'a-secret-of-sixteen+',
      HUBSPOT_CLIENT_ID: 'c',
      PUBLIC_URL: 'https://api.handoff.example',
      HANDOFF_TOKEN_KEY: GOOD_KEY,
      HANDOFF_TOKEN_KEYS: `k2:${NEW_KEY}`,
    });
    expect(both).toEqual({
      ok: false,
      problems: [
        'HANDOFF_TOKEN_KEY and HANDOFF_TOKEN_KEYS are both set: set only HANDOFF_TOKEN_KEYS, listing every key with its id, newest first.',
      ],
    });
  });

  it('when a new key is put first, then new seals use it and seals of the older key, or from before ids, still open', () => {
    const before = new TokenVault([OLD]);
    const older = before.seal('refresh-1', '7');
    const legacy = legacySeal(GOOD_KEY, 'refresh-0', '7');
    const rotated = new TokenVault([NEW, OLD]);
    expect(rotated.seal('refresh-2', '7')).toMatch(/^v2:k2:/);
    expect(rotated.open(older, '7')).toBe('refresh-1');
    expect(rotated.open(legacy, '7')).toBe('refresh-0');
    // Without the old key, its seals do not open, and the error names the key.
    expect(() => new TokenVault([NEW]).open(older, '7')).toThrow(
      'sealed with key "k1", which is not among the keys set',
    );
    expect(() => new TokenVault([NEW]).open(legacy, '7')).toThrow('no key set opens this seal');
    // A seal stays bound to its portal.
    expect(() => rotated.open(older, '8')).toThrow();
  });
});

const BASE = {
  HUBSPOT_CLIENT_SECRET: 'a-secret-of-sixteen+',
  HUBSPOT_CLIENT_ID: 'client-1',
  PUBLIC_URL: 'https://api.handoff.example',
};

function reseal(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
  const main = fileURLToPath(new URL('../../../hubspot-app/backend/reseal.ts', import.meta.url));
  const child = spawn(tsx, [main], {
    env: { PATH: process.env.PATH ?? '', ...BASE, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

describe('npm run reseal:hubspot-tokens', () => {
  it('when run with the new key first, then every installation is sealed with it, and the service then starts with the new key alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handoff-reseal-'));
    const file = join(dir, 'hubspot.db');
    const store = createStore(openSqlite(file));
    await store.migrate(Date.now());
    const old = new TokenVault([OLD]);
    const install = (
      portalId: string,
      access: string,
      refresh: string,
      uninstalledAt: number | null,
    ) =>
      store.putInstallation({
        portalId,
        accessToken: access,
        refreshToken: refresh,
        expiresAt: Date.now() + 30 * 60_000,
        installedAt: Date.now(),
        uninstalledAt,
      });
    await install(
      '40000001',
      old.seal('access-1', '40000001'),
      old.seal('refresh-1', '40000001'),
      null,
    );
    await install(
      '40000002',
      legacySeal(GOOD_KEY, 'access-2', '40000002'),
      legacySeal(GOOD_KEY, 'refresh-2', '40000002'),
      Date.now(),
    );
    await store.close();

    // The new key alone does not open what is stored: the service refuses to start, naming the key.
    const refused = serve({ ...BASE, HANDOFF_TOKEN_KEYS: `k2:${NEW_KEY}`, HANDOFF_DATA_DIR: dir });
    expect(await refused.exited).toBe(1);
    expect(refused.output().stderr).toContain(
      'handoff: HANDOFF_TOKEN_KEYS does not open the OAuth tokens stored for portal 40000001 (sealed with key "k1")',
    );

    const keys = `k2:${NEW_KEY},k1:${GOOD_KEY}`;
    const first = await reseal({ HANDOFF_TOKEN_KEYS: keys, HANDOFF_DATA_DIR: dir });
    expect(first).toEqual({
      code: 0,
      out: 'handoff: 2 installation(s) re-sealed with key "k2", 0 already were.\n',
    });
    const again = await reseal({ HANDOFF_TOKEN_KEYS: keys, HANDOFF_DATA_DIR: dir });
    expect(again.out).toBe('handoff: 0 installation(s) re-sealed with key "k2", 2 already were.\n');

    const after = createStore(openSqlite(file));
    const vault = new TokenVault([NEW]);
    for (const [portalId, n] of [
      ['40000001', 1],
      ['40000002', 2],
    ] as const) {
      const row = await after.getInstallation(portalId);
      expect(row?.accessToken).toMatch(/^v2:k2:/);
      expect(vault.open(row?.accessToken ?? '', portalId)).toBe(`access-${n}`);
      expect(vault.open(row?.refreshToken ?? '', portalId)).toBe(`refresh-${n}`);
    }
    await after.close();

    const port = randomPort();
    const run = serve({
      ...BASE,
      HANDOFF_TOKEN_KEYS: `k2:${NEW_KEY}`,
      HANDOFF_DATA_DIR: dir,
      PORT: String(port),
    });
    expect(await healthy(port)).toBe(true);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 60_000);

  it('when a key set opens nothing of a portal, then the command leaves it as it is and says which', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handoff-reseal-'));
    const store = createStore(openSqlite(join(dir, 'hubspot.db')));
    await store.migrate(Date.now());
    const sealed = new TokenVault([OLD]).seal('access', '40000009');
    await store.putInstallation({
      portalId: '40000009',
      accessToken: sealed,
      refreshToken: null,
      expiresAt: null,
      installedAt: Date.now(),
      uninstalledAt: null,
    });
    const result = await reseal({ HANDOFF_TOKEN_KEYS: `k3:${OTHER_KEY}`, HANDOFF_DATA_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.out).toContain(
      'handoff: no key set opens the tokens of portal(s) 40000009; they were left as they are.',
    );
    expect((await store.getInstallation('40000009'))?.accessToken).toBe(sealed);
    await store.close();
  }, 30_000);
});
