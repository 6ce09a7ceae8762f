// The whole HubSpot service as main.ts wires it (createService): OAuth install, sealed tokens,
// provisioning, outbox and webhooks, against the local HubSpot emulator on a manual clock.
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { ManualClock } from '../../../sandbox/emulators/plumbing/clock.js';
import {
  startHubSpotEmulator,
  type HubSpotEmulator,
} from '../../../sandbox/emulators/hubspot/index.js';
import { createLogger } from '../../../hubspot-app/backend/log.js';
import { createService, type Service } from '../../../hubspot-app/backend/service.js';
import { createStore, openSqlite, type Store } from '../../../hubspot-app/backend/store/index.js';
import { SECRET, signedCall, type CallOptions } from './harness.js';

export const TOKEN_KEY = Buffer.alloc(32, 42).toString('base64');
const DEFAULT_PLAYBOOK = readFileSync(
  fileURLToPath(new URL('../../../shared/playbooks/default.yaml', import.meta.url)),
  'utf8',
);

export interface ServiceHarness {
  clock: ManualClock;
  emulator: HubSpotEmulator;
  store: Store;
  service: Service;
  publicUrl: string;
  /** Everything the service logged, as text. */
  logs(): string;
  /**
   * Runs the marketplace install for a portal as a browser would; returns the callback's status and
   * page. HubSpot grants the scopes the install URL asks for, or `scopes` when a test says otherwise.
   */
  install(
    portalId: string,
    options?: { scopes?: readonly string[] },
  ): Promise<{ status: number; page: string }>;
  call(
    method: string,
    path: string,
    portalId: string,
    options: CallOptions,
  ): Promise<{ status: number; body: unknown }>;
  /** Seeds owners in teams and saves the default playbook, as an admin would after install. */
  setUp(portalId: string): Promise<{ rep: string; csManager: string; admin: string }>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startServiceHarness(
  options: {
    dbFile?: string;
    /** A store of the test's own (PostgreSQL for several instances); closed with the harness. */
    store?: Store;
    drainAfterCommit?: boolean;
    hubspotTimeoutMs?: { card?: number; background?: number };
    /** The playbook setUp saves; the default playbook unless a test was worked out on another. */
    playbookText?: string;
  } = {},
): Promise<ServiceHarness> {
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 15, 0));
  const emulator = await startHubSpotEmulator({
    clock,
    clientId: 'handoff-client',
    appClientSecret: SECRET,
  });
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  let logged = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged += chunk.toString();
      done();
    },
  });
  const store = options.store ?? createStore(openSqlite(options.dbFile ?? ':memory:'));
  await store.migrate(clock.now());
  const service = createService({
    store,
    clock,
    log: createLogger('debug', sink),
    apiBase: emulator.url,
    publicUrl,
    clientId: 'handoff-client',
    clientSecret: SECRET,
    tokenKey: TOKEN_KEY,
    authorizeUrl: 'https://app.hubspot.example/oauth/authorize',
    drainAfterCommit: options.drainAfterCommit ?? false,
    ...(options.hubspotTimeoutMs ? { hubspotTimeoutMs: options.hubspotTimeoutMs } : {}),
    // The scanner waits for its rate budget by moving the manual clock, as the sandbox does.
    sleep: async (ms) => void clock.advance(ms),
  });
  await service.app.listen({ host: '127.0.0.1', port });
  emulator.webhooks.setTarget(`${publicUrl}/webhooks`);

  const call: ServiceHarness['call'] = (method, path, portalId, callOptions) =>
    signedCall({ base: publicUrl, publicUrl, clock, portalId, method, path, options: callOptions });

  return {
    clock,
    emulator,
    store,
    service,
    publicUrl,
    logs: () => logged,
    async install(portalId, installOptions = {}) {
      const start = await fetch(`${publicUrl}/oauth/install`, { redirect: 'manual' });
      const location = new URL(start.headers.get('location') ?? '');
      const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const state = location.searchParams.get('state') ?? '';
      // HubSpot grants the scopes the install URL asks for: the app's declared ones.
      const code = emulator.issueAuthorizationCode(portalId, `${publicUrl}/oauth/callback`, {
        scopes: installOptions.scopes ?? (location.searchParams.get('scope') ?? '').split(' '),
      });
      const callback = await fetch(
        `${publicUrl}/oauth/callback?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`,
        {
          headers: { cookie },
        },
      );
      return { status: callback.status, page: await callback.text() };
    },
    call,
    async setUp(portalId) {
      const owner = (email: string, team: string, firstName: string, lastName: string) =>
        String(
          emulator.seed.owner(portalId, { email, firstName, lastName, teams: [{ name: team }] })
            .userId,
        );
      const users = {
        rep: owner('rep@example.com', 'Sales', 'Riley', 'Rep'),
        csManager: owner('cs@example.com', 'Customer Success', 'Casey', 'Manager'),
        admin: owner('admin@example.com', 'RevOps', 'Alex', 'Admin'),
      };
      const saved = await call('PUT', '/v1/hubspot/playbook', portalId, {
        as: users.admin,
        body: { text: options.playbookText ?? DEFAULT_PLAYBOOK },
      });
      if (saved.status !== 200)
        throw new Error(`saving the playbook failed: ${JSON.stringify(saved)}`);
      return users;
    },
    async close() {
      await service.close();
      await store.close();
      await emulator.close();
    },
  };
}

/**
 * A portal freshly installed and set up, with one deal won now (Acme, ARR 24,000, contract from
 * 2026-12-01), and `act` to post a handoff action on that deal as a user. Action ids count a1, a2, …
 * unless a test names its own.
 */
export async function portalWithWonDeal(harness: ServiceHarness) {
  const portal = harness.emulator.portals.create();
  const portalId = portal.portalId;
  await harness.install(portalId);
  const users = await harness.setUp(portalId);
  const deal = harness.emulator.seed.deal(portalId, {
    properties: {
      dealname: 'Acme',
      amount: '24000',
      handoff_arr: '24000',
      handoff_contract_start: '2026-12-01',
    },
    stageHistory: [{ stage: 'closedwon', at: harness.clock.now() }],
  });
  let n = 0;
  const act = (as: string, action: Record<string, unknown>, actionId = `a${++n}`) =>
    harness.call('POST', `/v1/hubspot/records/deals/${deal}/actions`, portalId, {
      as,
      body: { handoffId: 'sales_to_cs', actionId, action },
    });
  return { portalId, users, deal, act };
}
