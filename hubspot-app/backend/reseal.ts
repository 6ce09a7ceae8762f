// `npm run reseal:hubspot-tokens`: after a new key is put first in HANDOFF_TOKEN_KEYS, re-seals every
// stored OAuth token with it, so the older keys can then be removed. Same environment as the
// service; safe to run while it serves (a refresh racing it seals with a key the service also has).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from './clock.js';
import { readConfig, tokenKeysOf } from './config.js';
import { OAuthClient } from './installations/oauth-client.js';
import { TokenManager } from './installations/tokens.js';
import { TokenVault } from './installations/vault.js';
import { openStore } from './store/index.js';

const read = readConfig(process.env);
if (!read.ok) {
  for (const problem of read.problems) process.stderr.write(`handoff: ${problem}\n`);
  process.exit(1);
}
const config = read.config;
let sqliteFile = ':memory:';
if (!config.DATABASE_URL) {
  mkdirSync(config.HANDOFF_DATA_DIR, { recursive: true });
  sqliteFile = join(config.HANDOFF_DATA_DIR, 'hubspot.db');
}
const store = openStore({ databaseUrl: config.DATABASE_URL, sqliteFile });
const vault = new TokenVault(tokenKeysOf(config).keys);
// Re-sealing never calls HubSpot; the client is only what TokenManager is built with.
const oauth = new OAuthClient({
  apiBase: config.HUBSPOT_API_BASE,
  clientId: config.HUBSPOT_CLIENT_ID,
  clientSecret: config.HUBSPOT_CLIENT_SECRET,
  redirectUri: `${config.PUBLIC_URL}/oauth/callback`,
});
const tokens = new TokenManager(store, vault, oauth, systemClock);
const result = await tokens.resealAll();
await store.close();
process.stdout.write(
  `handoff: ${result.resealed} installation(s) re-sealed with key "${vault.newestKeyId}", ${result.current} already were.\n`,
);
if (result.unreadable.length > 0) {
  process.stderr.write(
    `handoff: no key set opens the tokens of portal(s) ${result.unreadable.join(', ')}; they were left as they are. Add the key they were sealed with to HANDOFF_TOKEN_KEYS and run this again.\n`,
  );
  process.exit(1);
}
