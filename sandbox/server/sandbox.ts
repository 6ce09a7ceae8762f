// `npm start`: the HubSpot emulator, the real backend (createService) and the preview page, on one
// shared ManualClock, with all data in one SQLite file. Tests start it in-process the same way.
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { startHubSpotEmulator, type HubSpotEmulator } from '../emulators/hubspot/index.js';
import { ManualClock } from '../emulators/plumbing/clock.js';
import { createLogger } from '../../hubspot-app/backend/log.js';
import { createService, type Service } from '../../hubspot-app/backend/service.js';
import { createStore, openSqlite, type Store } from '../../hubspot-app/backend/store/index.js';
import { createCardHost, type CardHost } from './card-host.js';
import { checkDataDir, prepareDataDir } from './data-dir.js';
import { SandboxError } from './errors.js';
import { lockDataDir } from './lock.js';
import { MetaTable, type SandboxMeta } from './meta.js';
import { buildPage, type PageBundle } from './page-bundle.js';
import { startPageServer } from './page-server.js';
import { pushToSalesforce, readCopies } from './playbook-copies.js';
import { CrmReader } from './crm-reader.js';
import { refreshSandboxSummaries } from './record-summaries.js';
import { salesforceDoor } from './salesforce/proxy.js';
import type { SalesforceOrg } from './salesforce/org.js';
import { startSalesforceHalf } from './salesforce/start.js';
import { seedSandbox } from './seed/run.js';
import { SEEDED_AT, ny } from './seed/time.js';

// Fixed, public demo credentials: the sandbox's emulated app, not a real HubSpot app.
const CLIENT_ID = 'handoff-sandbox';
const CLIENT_SECRET = 'handoff-sandbox-client-secret';
const TOKEN_KEY = Buffer.alloc(32, 7).toString('base64');
const APP_ID = 4_200_001;
/** Before the seed's first stage entry: the portal is installed then. */
const SEED_START = ny('2026-09-01', '09:00');

export interface SandboxOptions {
  dataDir: string;
  port: number;
  reset?: boolean;
  /** Where the backend's JSON logs go; the sandbox keeps them quiet unless asked. */
  logLevel?: string;
}

export interface Sandbox {
  url: string;
  clock: ManualClock;
  meta: SandboxMeta;
  seeded: boolean;
  emulator: HubSpotEmulator;
  store: Store;
  service: Service;
  /** The Salesforce emulator with the package, seeded with the same company. */
  salesforce: SalesforceOrg;
  close(): Promise<void>;
}

/** Scanner as the lead's service exposes it; optional so the sandbox runs before it lands. */
type MaybeScanner = { scanner?: { scanPortal(portalId: string): Promise<unknown> } };

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  // The folder's lock first: a second start must neither reset nor seed the data a running one uses.
  const lock = lockDataDir(checkDataDir(options.dataDir));
  try {
    const sandbox = await startOnLockedDataDir(options);
    return {
      ...sandbox,
      async close() {
        try {
          await sandbox.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function startOnLockedDataDir(options: SandboxOptions): Promise<Sandbox> {
  // Checked before anything is seeded, so a busy port costs a sentence, not a minute.
  if (options.port !== 0) await assertPortFree(options.port);
  const file = prepareDataDir(options.dataDir, options.reset ?? false);
  const metaTable = new MetaTable(file);
  const existing = metaTable.read();
  const clock = new ManualClock(existing?.clock ?? SEED_START);
  const emulator = await startHubSpotEmulator({
    clock,
    dbFile: file,
    clientId: CLIENT_ID,
    appClientSecret: CLIENT_SECRET,
    appId: APP_ID,
  });
  const store = createStore(openSqlite(file));
  await store.migrate(clock.now());
  const backendPort = await freePort();
  const backendUrl = `http://127.0.0.1:${backendPort}`;
  const service = createService({
    store,
    clock,
    log: createLogger(
      options.logLevel ?? 'silent',
      new Writable({ write: (_c, _e, done) => done() }),
    ),
    apiBase: emulator.url,
    publicUrl: backendUrl,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    tokenKey: TOKEN_KEY,
    authorizeUrl: `${emulator.url}/oauth/authorize`,
    drainAfterCommit: false,
    // Waiting for the rate budget moves the shared clock, as everything else in the sandbox does.
    sleep: async (ms) => void clock.advance(ms),
  });
  await service.app.listen({ host: '127.0.0.1', port: backendPort });
  emulator.webhooks.setTarget(`${backendUrl}/webhooks`);

  let draining: Promise<void> | undefined;
  const drain = async (): Promise<void> => {
    while (draining) await draining;
    draining = service.outbox.drain().then(() => undefined);
    await draining.finally(() => (draining = undefined));
  };
  const scan = async (portalId: string) => {
    emulator.resetRateLimits();
    await (service as Service & MaybeScanner).scanner?.scanPortal(portalId);
    emulator.resetRateLimits();
    await refreshSandboxSummaries({ store, service, clock, apiBase: emulator.url, portalId });
    await drain();
  };
  const hostFor = (portalId: string): CardHost =>
    createCardHost({ backendUrl, clientSecret: CLIENT_SECRET, portalId, appId: APP_ID, clock });

  const seeded = existing === null;
  const hubspotMeta =
    existing ?? (await seedSandbox({ emulator, clock, backendUrl, host: hostFor, drain, scan }));
  const { org: salesforce, meta } = await startSalesforceHalf({
    clock,
    dbFile: file,
    meta: hubspotMeta,
    store,
    reader: new CrmReader(emulator, hubspotMeta.portalId),
  }).catch(async (error: unknown) => {
    await service.close();
    await store.close();
    await emulator.close();
    metaTable.close();
    throw error;
  });
  metaTable.write({ ...meta, clock: clock.now() });
  const page: PageBundle = await buildPage();
  const drainTimer = setInterval(() => void drain().catch(() => undefined), 1_000);
  drainTimer.unref();

  const closeBackend = async () => {
    clearInterval(drainTimer);
    await draining?.catch(() => undefined);
    await service.close();
    await salesforce.close();
    await store.close();
    await emulator.close();
    metaTable.close();
  };
  let server;
  try {
    server = await startPageServer({
      port: options.port,
      page,
      meta,
      clock,
      store,
      emulator,
      host: hostFor(meta.portalId),
      drain,
      // After each clock move both scanners run: HubSpot's backend and the jsforce one.
      scan: async () => {
        await scan(meta.portalId);
        await salesforce.scan();
      },
      salesforce: salesforceDoor(salesforce, () => meta),
      playbooks: {
        read: () => readCopies(store, meta.portalId, salesforce.toolsApi()),
        push: async (userId) => {
          await pushToSalesforce(hostFor(meta.portalId), salesforce.toolsApi(), userId);
          return readCopies(store, meta.portalId, salesforce.toolsApi());
        },
      },
      saveClock: () => metaTable.write({ ...meta, clock: clock.now() }),
    });
  } catch (error) {
    await closeBackend();
    throw error;
  }
  return {
    url: server.url,
    clock,
    meta,
    seeded,
    emulator,
    store,
    service,
    salesforce,
    async close() {
      await server.close();
      await closeBackend();
    },
  };
}

async function assertPortFree(port: number): Promise<void> {
  const server = createNetServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new SandboxError(`handoff: port ${port} is already in use; set PORT to another.`)
          : error,
      ),
    );
    server.listen(port, '127.0.0.1', resolve);
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export { SEEDED_AT };
