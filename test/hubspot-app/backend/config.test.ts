import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../hubspot-app/backend/config.js';

const good = {
  HUBSPOT_CLIENT_SECRET: 'a-secret-of-sixteen+',
  HUBSPOT_CLIENT_ID: 'client-1',
  HANDOFF_TOKEN_KEY: Buffer.alloc(32, 7).toString('base64'),
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
        'HANDOFF_TOKEN_KEY is not valid: it must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`), the key that seals OAuth tokens.',
        'PUBLIC_URL is not valid: it must be the public https URL HubSpot calls, e.g. https://api.handoff.example.',
        'PORT is not valid: it must be a port number from 0 to 65535.',
      ],
    });
  });
});
