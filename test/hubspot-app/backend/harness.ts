// The service under test, in-process, on a real port, reading a local HubSpot emulator through the
// real @hubspot/api-client, with requests signed as HubSpot signs them (by the SDK's own signer).
import { Client, Signature } from '@hubspot/api-client';
import { parsePlaybookText } from '@handoff/shared';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { ManualClock } from '../../../sandbox/emulators/plumbing/clock.js';
import {
  startHubSpotEmulator,
  type HubSpotEmulator,
} from '../../../sandbox/emulators/hubspot/index.js';
import { hubspotCrm } from '../../../hubspot-app/backend/hubspot/crm.js';
import { RoleResolver } from '../../../hubspot-app/backend/hubspot/roles.js';
import { buildServer } from '../../../hubspot-app/backend/http/server.js';
import type { RateLimits } from '../../../hubspot-app/backend/http/rate-limit.js';
import { requiredScopes } from '../../../hubspot-app/scopes.js';
import { createLogger } from '../../../hubspot-app/backend/log.js';
import { createStore, openSqlite, type Store } from '../../../hubspot-app/backend/store/index.js';

export const SECRET = 'harness-client-secret-0123456789';
export const PUBLIC_URL = 'https://api.handoff.example';
const DEFAULT_PLAYBOOK = readFileSync(
  fileURLToPath(new URL('../../../shared/playbooks/default.yaml', import.meta.url)),
  'utf8',
);

export interface Harness {
  clock: ManualClock;
  emulator: HubSpotEmulator;
  store: Store;
  portalId: string;
  /** The first instance's address, for requests that are not HubSpot-signed (the playbook export). */
  base: string;
  users: { rep: string; csManager: string; admin: string; guest: string };
  seedWonDeal(): Promise<string>;
  seedDeal(stage: string, pipeline?: string): Promise<string>;
  seedCompany(dealIds: string[]): Promise<string>;
  seedDealInOtherPortal(): Promise<string>;
  newInstalledPortal(): Promise<string>;
  /** CRM API calls the emulator has served so far. */
  crmCalls(): number;
  call(
    method: string,
    path: string,
    options: CallOptions,
  ): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Opens the service's store; each instance gets its own connection. Default: one in-memory SQLite. */
  openStore?: () => Store;
  /** Service instances sharing the store and the emulator (PostgreSQL only for more than one). */
  instances?: number;
  /** The card API's per-user and per-portal budgets; benches that send hundreds of views pass false. */
  rateLimits?: RateLimits | false;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  // Monday 23 November 2026, 10:00 in New York.
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 15, 0));
  const emulator = await startHubSpotEmulator({ clock });
  const openStore = options.openStore ?? (() => createStore(openSqlite(':memory:')));
  const stores = Array.from({ length: options.instances ?? 1 }, () => openStore());
  const store = stores[0] as Store;
  await store.migrate(clock.now());

  // The token carries exactly the scopes the app declares, so a call needing another scope fails here.
  async function install(): Promise<string> {
    const { portalId: created } = emulator.portals.create();
    const portal = {
      portalId: created,
      ...emulator.issueToken(created, { scopes: requiredScopes }),
    };
    await store.putInstallation({
      portalId: portal.portalId,
      accessToken: portal.accessToken,
      refreshToken: portal.refreshToken,
      expiresAt: clock.now() + 30 * 60_000,
      installedAt: clock.now(),
      uninstalledAt: null,
    });
    return portal.portalId;
  }
  const portalId = await install();
  await createPlaybookProperties(
    emulator.url,
    (await store.getInstallation(portalId))?.accessToken ?? '',
  );
  await store.putPlaybook(portalId, {
    text: DEFAULT_PLAYBOOK,
    version: '1',
    updatedAt: clock.now(),
    updatedBy: 'setup',
  });
  const owner = (email: string, teams: string[], firstName: string, lastName: string) =>
    String(
      emulator.seed.owner(portalId, {
        email,
        firstName,
        lastName,
        teams: teams.map((name) => ({ name })),
      }).userId,
    );
  const users = {
    rep: owner('rep@example.com', ['Sales'], 'Riley', 'Rep'),
    csManager: owner('cs@example.com', ['Customer Success'], 'Casey', 'Manager'),
    admin: owner('admin@example.com', ['RevOps'], 'Alex', 'Admin'),
    guest: owner('guest@example.com', ['Finance'], 'Gale', 'Guest'),
  };

  const crmFor = async (id: string) => {
    const installation = await store.getInstallation(id);
    return installation ? hubspotCrm(emulator.url, installation.accessToken) : null;
  };
  const roles = {
    load: async (id: string) => ((await crmFor(id)) ?? { getOwners: async () => [] }).getOwners(),
  };
  const apps = stores.map((instanceStore) =>
    buildServer(
      {
        store: instanceStore,
        clock,
        crmFor,
        roles: new RoleResolver(clock, roles.load),
        log: createLogger('silent'),
      },
      {
        clientSecret: SECRET,
        publicUrl: PUBLIC_URL,
        ...(options.rateLimits !== undefined ? { rateLimits: options.rateLimits } : {}),
      },
    ),
  );
  const bases: string[] = [];
  for (const app of apps) {
    await app.listen({ host: '127.0.0.1', port: 0 });
    bases.push(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
  }

  const day = 24 * 3_600_000;
  return {
    clock,
    emulator,
    store,
    portalId,
    base: bases[0] ?? '',
    users,
    async seedWonDeal() {
      return emulator.seed.deal(portalId, {
        properties: {
          dealname: 'Acme expansion',
          amount: '24000',
          handoff_arr: '24000',
          handoff_contract_start: '2026-12-01',
        },
        stageHistory: [
          { stage: 'appointmentscheduled', at: clock.now() - 30 * day },
          { stage: 'closedwon', at: clock.now() - 3_600_000 },
        ],
      });
    },
    async seedDeal(stage, pipeline) {
      if (pipeline) {
        emulator.seed.pipeline(portalId, {
          id: pipeline,
          label: 'Renewals',
          stages: [{ id: stage, label: 'Other' }],
        });
      }
      return emulator.seed.deal(portalId, {
        properties: { dealname: 'Open deal' },
        ...(pipeline ? { pipeline } : {}),
        stageHistory: [{ stage, at: clock.now() - day }],
      });
    },
    async seedCompany(dealIds) {
      const company = emulator.seed.company(portalId, { name: 'Acme' });
      for (const deal of dealIds)
        emulator.seed.associate(portalId, 'deals', deal, 'companies', company);
      return company;
    },
    async seedDealInOtherPortal() {
      const other = emulator.portals.create();
      return emulator.seed.deal(other.portalId, { properties: { dealname: 'Not yours' } });
    },
    newInstalledPortal: install,
    crmCalls: () => emulator.requestLog.count(),
    call: (method, path, options) =>
      signedCall({
        base: bases[(options.instance ?? 0) % bases.length] ?? '',
        clock,
        portalId,
        method,
        path,
        options,
      }),
    async close() {
      for (const app of apps) await app.close();
      for (const s of stores) await s.close();
      await emulator.close();
    },
  };
}

/** What provisioning will do at install (issue 7): the deal properties the playbook's fields name. */
async function createPlaybookProperties(basePath: string, accessToken: string): Promise<void> {
  const parsed = parsePlaybookText(DEFAULT_PLAYBOOK);
  if (!parsed.ok) throw new Error('default playbook invalid');
  const client = new Client({ accessToken, basePath });
  const existing = new Set(
    (await client.crm.properties.coreApi.getAll('deals')).results.map((p) => p.name),
  );
  for (const field of Object.values(parsed.playbook.fields)) {
    if (!field.hubspot || existing.has(field.hubspot)) continue;
    const [type, fieldType] =
      field.type === 'number'
        ? ['number', 'number']
        : field.type === 'date'
          ? ['date', 'date']
          : ['string', 'text'];
    await client.crm.properties.coreApi.create('deals', {
      name: field.hubspot,
      label: field.label,
      type: type as never,
      fieldType: fieldType as never,
      groupName: 'dealinformation',
    });
  }
}

export interface CallOptions {
  as: string;
  body?: unknown;
  raw?: string;
  portalId?: string;
  tamper?: 'unsigned' | 'byte' | 'secret' | 'stale';
  /** Which service instance answers (see HarnessOptions.instances). */
  instance?: number;
}

/** A request as HubSpot's card host sends it: portal and user in the query, signed v3 by the SDK. */
export async function signedCall(input: {
  base: string;
  publicUrl?: string;
  clock: { now(): number };
  portalId: string;
  method: string;
  path: string;
  options: CallOptions;
}): Promise<{ status: number; body: unknown }> {
  const { options, method, path } = input;
  const portal = options.portalId ?? input.portalId;
  const query = path.startsWith('/v1/')
    ? `${path.includes('?') ? '&' : '?'}portalId=${portal}&userId=${options.as}&appId=1`
    : '';
  const signedPath = `${path}${query}`;
  const body = options.raw ?? (options.body === undefined ? '' : JSON.stringify(options.body));
  const timestamp = options.tamper === 'stale' ? input.clock.now() - 6 * 60_000 : input.clock.now();
  const signature = Signature.getSignature(method, 'v3', {
    clientSecret: options.tamper === 'secret' ? `${SECRET}-other` : SECRET,
    url: `${input.publicUrl ?? PUBLIC_URL}${signedPath}`,
    requestBody: body,
    timestamp,
    signature: '',
  });
  const sent = options.tamper === 'byte' ? body.replace('x', 'y') : body;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.tamper !== 'unsigned') {
    headers['x-hubspot-signature-v3'] = signature;
    headers['x-hubspot-request-timestamp'] = String(timestamp);
  }
  const response = await fetch(`${input.base}${signedPath}`, {
    method,
    headers,
    ...(sent !== '' ? { body: sent } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}
