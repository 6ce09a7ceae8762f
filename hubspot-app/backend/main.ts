// `npm run serve:hubspot`: the HubSpot backend from environment variables (see the README).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from './clock.js';
import { readConfig } from './config.js';
import { createLogger } from './log.js';
import { createService } from './service.js';
import { openStore } from './store/index.js';

const read = readConfig(process.env);
if (!read.ok) {
  for (const problem of read.problems) process.stderr.write(`handoff: ${problem}\n`);
  process.exit(2);
}
const config = read.config;
const log = createLogger(config.LOG_LEVEL);

let sqliteFile = ':memory:';
if (!config.DATABASE_URL) {
  try {
    mkdirSync(config.HANDOFF_DATA_DIR, { recursive: true });
    sqliteFile = join(config.HANDOFF_DATA_DIR, 'hubspot.db');
  } catch (error) {
    process.stderr.write(
      `handoff: cannot use the data folder ${config.HANDOFF_DATA_DIR} (${(error as NodeJS.ErrnoException).code}).\n`,
    );
    process.exit(2);
  }
}
const store = openStore({
  databaseUrl: config.DATABASE_URL,
  sqliteFile,
  onDatabaseError: (error) =>
    log.warn({ err: { message: error.message } }, 'database connection lost; reconnecting'),
});
await store.migrate(systemClock.now());

const service = createService({
  store,
  clock: systemClock,
  log,
  apiBase: config.HUBSPOT_API_BASE,
  publicUrl: config.PUBLIC_URL,
  clientId: config.HUBSPOT_CLIENT_ID,
  clientSecret: config.HUBSPOT_CLIENT_SECRET,
  tokenKey: config.HANDOFF_TOKEN_KEY,
  authorizeUrl: config.HUBSPOT_AUTHORIZE_URL,
  outboxIntervalMs: 5_000,
  scanIntervalMs: 60_000,
});

try {
  await service.app.listen({ host: config.HOST, port: config.PORT });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  process.stderr.write(
    code === 'EADDRINUSE'
      ? `handoff: port ${config.PORT} is already in use; set PORT to another.\n`
      : `handoff: cannot listen (${code ?? 'unknown error'}).\n`,
  );
  process.exit(2);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'shutting down');
    void service
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
  });
}
