// `npm run serve:hubspot`: the HubSpot backend from environment variables (see the README).
// Start-up refusals print one sentence each (no stack trace) and exit with code 1.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from './clock.js';
import { readConfig, tokenKeysOf } from './config.js';
import { createLogger } from './log.js';
import { createService, SHUTDOWN_GRACE_MS } from './service.js';
import { openStore } from './store/index.js';

/** SIGTERM to exit, at most: what an orchestrator waits before SIGKILL is commonly 10 s. */
const SHUTDOWN_DEADLINE_MS = 9_500;
/** How often retention prunes old events and outbox history. */
const PRUNE_EVERY_MS = 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

function refuse(sentence: string): never {
  process.stderr.write(`handoff: ${sentence}\n`);
  process.exit(1);
}

const read = readConfig(process.env);
if (!read.ok) {
  for (const problem of read.problems.slice(0, -1)) process.stderr.write(`handoff: ${problem}\n`);
  refuse(read.problems.at(-1) ?? 'the configuration is not valid.');
}
const config = read.config;
const log = createLogger(config.LOG_LEVEL);

let sqliteFile = ':memory:';
if (!config.DATABASE_URL) {
  try {
    mkdirSync(config.HANDOFF_DATA_DIR, { recursive: true });
    sqliteFile = join(config.HANDOFF_DATA_DIR, 'hubspot.db');
  } catch (error) {
    refuse(
      `cannot use the data folder ${config.HANDOFF_DATA_DIR} (${(error as NodeJS.ErrnoException).code}).`,
    );
  }
}
const store = openStore({
  databaseUrl: config.DATABASE_URL,
  sqliteFile,
  onDatabaseError: (error) =>
    log.warn({ err: { message: error.message } }, 'database connection lost; reconnecting'),
});
try {
  await store.migrate(systemClock.now());
} catch (error) {
  refuse(`cannot open the database (${(error as Error).message}).`);
}

const keys = tokenKeysOf(config);
const service = createService({
  store,
  clock: systemClock,
  log,
  apiBase: config.HUBSPOT_API_BASE,
  publicUrl: config.PUBLIC_URL,
  clientId: config.HUBSPOT_CLIENT_ID,
  clientSecret: config.HUBSPOT_CLIENT_SECRET,
  tokenKey: keys.keys,
  tokenKeySetting: keys.setting,
  authorizeUrl: config.HUBSPOT_AUTHORIZE_URL,
  outboxIntervalMs: 5_000,
  scanIntervalMs: 60_000,
});

// A key that does not open what is stored would fail every view, scan and write (and a refresh
// that cannot read its token would look like an uninstall): refuse to start.
const sealProblem = await service.tokens.sealProblem(keys.setting);
if (sealProblem) refuse(sealProblem);

let metricsServer: Awaited<ReturnType<typeof service.metrics.listen>> | undefined;
try {
  metricsServer = await service.metrics.listen(config.METRICS_HOST, config.METRICS_PORT);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  refuse(
    code === 'EADDRINUSE'
      ? `METRICS_PORT ${config.METRICS_PORT} is already in use; set METRICS_PORT to another.`
      : `cannot serve metrics (${code ?? 'unknown error'}).`,
  );
}

// Retention: webhook events (when HANDOFF_RETAIN_EVENTS_DAYS is set), outbox history, and the data
// of portals that uninstalled from HubSpot's side.
const pruneOnce = () => {
  const now = systemClock.now();
  void store
    .prune({
      eventsBefore: config.HANDOFF_RETAIN_EVENTS_DAYS
        ? now - config.HANDOFF_RETAIN_EVENTS_DAYS * DAY_MS
        : undefined,
      outboxDoneBefore: now - config.HANDOFF_RETAIN_OUTBOX_DAYS * DAY_MS,
      uninstalledBefore: now - config.HANDOFF_RETAIN_UNINSTALLED_DAYS * DAY_MS,
    })
    .then((pruned) => log.info({ pruned }, 'retention pruned old rows'))
    .catch((error: unknown) =>
      log.warn({ err: { message: (error as Error).message } }, 'retention prune failed'),
    );
};
setTimeout(pruneOnce, 60_000).unref();
setInterval(pruneOnce, PRUNE_EVERY_MS).unref();

try {
  await service.app.listen({ host: config.HOST, port: config.PORT });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  refuse(
    code === 'EADDRINUSE'
      ? `port ${config.PORT} is already in use; set PORT to another.`
      : `cannot listen (${code ?? 'unknown error'}).`,
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'shutting down: no new requests; finishing those in flight');
    // Whatever happens below, the process is gone before the deadline.
    setTimeout(() => {
      log.warn(
        'shutdown deadline passed; exiting with work unfinished (it resumes at the next start)',
      );
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    void service
      .close({ graceMs: SHUTDOWN_GRACE_MS })
      .then(async ({ graceful }) => {
        if (!graceful) log.warn('work still in flight after the grace period was dropped');
        metricsServer?.closeAllConnections();
        metricsServer?.close();
        await store.close();
        process.exit(0);
      })
      .catch((error: unknown) => {
        log.error({ err: { message: (error as Error).message } }, 'shutdown failed');
        process.exit(1);
      });
  });
}
