// The service's settings, checked once at start: each problem is one sentence naming the setting.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../hubspot-app/backend/config.js';
import { GOOD_KEY } from './serve.js';

const good = {
  HUBSPOT_CLIENT_SECRET: 'a-secret-of-sixteen+',
  HUBSPOT_CLIENT_ID: 'client-1',
  HANDOFF_TOKEN_KEY: GOOD_KEY,
  PUBLIC_URL: 'https://api.handoff.example',
};

describe('readConfig', () => {
  it('when the required settings are present, then defaults fill the rest', () => {
    expect(readConfig(good)).toEqual({
      ok: true,
      config: {
        ...good,
        HUBSPOT_API_BASE: 'https://api.hubapi.com',
        HUBSPOT_AUTHORIZE_URL: 'https://app.hubspot.com/oauth/authorize',
        HANDOFF_DATA_DIR: '.handoff-data',
        HOST: '127.0.0.1',
        PORT: 8080,
        METRICS_PORT: 9464,
        METRICS_HOST: '127.0.0.1',
        HANDOFF_RETAIN_OUTBOX_DAYS: 30,
        HANDOFF_RETAIN_UNINSTALLED_DAYS: 30,
        LOG_LEVEL: 'info',
      },
    });
  });

  it('when settings are missing or wrong, then each is named in a sentence', () => {
    expect(
      readConfig({
        PUBLIC_URL: 'not a url',
        PORT: '99999',
        HUBSPOT_CLIENT_ID: 'c',
        HANDOFF_TOKEN_KEY: 'c2hvcnQ=',
      }),
    ).toEqual({
      ok: false,
      problems: [
        "HUBSPOT_CLIENT_SECRET is not set: it must be the app's client secret from the HubSpot developer account (at least 16 characters).",
        'HANDOFF_TOKEN_KEY is not valid: it must be 32 random bytes in base64, 44 characters ending in "=" (e.g. `openssl rand -base64 32`).',
        'PUBLIC_URL is not valid: it must be the public https URL HubSpot calls (http only on 127.0.0.1 or localhost), e.g. https://api.handoff.example.',
        'PORT is not valid: it must be a port number from 0 to 65535.',
      ],
    });
  });
});

describe('HANDOFF_TOKEN_KEY: 32 random bytes, base64, 44 characters', () => {
  const keyProblem = (key: string) =>
    readConfig({ ...good, HANDOFF_TOKEN_KEY: key }).ok === false
      ? (readConfig({ ...good, HANDOFF_TOKEN_KEY: key }) as { problems: string[] }).problems
      : [];

  it('when the key is what `openssl rand -base64 32` prints, then it is accepted', () => {
    expect(keyProblem(GOOD_KEY)).toEqual([]);
  });

  it.each([
    ['32 zero bytes', Buffer.alloc(32).toString('base64'), 'its bytes repeat'],
    ['one byte repeated', Buffer.alloc(32, 7).toString('base64'), 'its bytes repeat'],
    [
      'a short pattern',
      Buffer.from(Array.from({ length: 32 }, (_, i) => i % 4)).toString('base64'),
      'its bytes repeat',
    ],
    [
      'base64 of a 32-character passphrase',
      Buffer.from('correct horse battery staple 123').toString('base64'),
      'base64 of text',
    ],
    ['a 43-character passphrase', 'correcthorsebatterystaplecorrecthorsebatter', '44 characters'],
    ['a 44-character passphrase', 'correcthorsebatterystaplecorrecthorsebatteo=', 'passphrase'],
    ['hex instead of base64', 'ab'.repeat(32), '44 characters'],
    ['base64 of 31 bytes', Buffer.alloc(31, 1).toString('base64'), '44 characters'],
  ])('when the key is %s, then the service refuses it with a sentence', (_what, key, reason) => {
    const problems = keyProblem(key);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^HANDOFF_TOKEN_KEY is not valid: .+\.$/);
    expect(problems[0]).toContain(reason);
  });
});

describe('PUBLIC_URL and the HubSpot URLs: https, or http on this machine', () => {
  it.each(['https://api.handoff.example', 'http://127.0.0.1:8080', 'http://localhost:3000'])(
    'when PUBLIC_URL is %s, then it is accepted',
    (url) => {
      expect(readConfig({ ...good, PUBLIC_URL: url }).ok).toBe(true);
    },
  );

  it.each([
    'http://api.handoff.example',
    'javascript:alert(1)',
    'ftp://api.handoff.example',
    'https://user:pw@api.handoff.example',
    'http://127.0.0.1.nip.io',
  ])('when PUBLIC_URL is %s, then the service refuses it with a sentence', (url) => {
    expect(readConfig({ ...good, PUBLIC_URL: url })).toEqual({
      ok: false,
      problems: [
        'PUBLIC_URL is not valid: it must be the public https URL HubSpot calls (http only on 127.0.0.1 or localhost), e.g. https://api.handoff.example.',
      ],
    });
  });

  it('when HUBSPOT_API_BASE is plain http to another host, then it is refused too', () => {
    expect(readConfig({ ...good, HUBSPOT_API_BASE: 'http://api.hubapi.com' })).toEqual({
      ok: false,
      problems: [
        'HUBSPOT_API_BASE is not valid: it must be an https URL (http only on 127.0.0.1 or localhost).',
      ],
    });
  });
});
