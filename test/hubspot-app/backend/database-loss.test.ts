// Issue 17 item 2: a PostgreSQL restart or failover (every connection dropped) must not end the
// process; requests caught by it fail with a clear 503, later ones succeed once it is back. The
// service talks to PostgreSQL through a TCP proxy this test cuts and restores.
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, openPostgres } from '../../../hubspot-app/backend/store/index.js';
import { POSTGRES_URL } from './databases.js';
import { startHarness, type Harness } from './harness.js';
import { CS_CHECKLIST_ANSWERS } from './answers.js';

/** A TCP proxy in front of PostgreSQL that can drop every connection, as a restart does. */
interface Proxy {
  port: number;
  /** Destroys every connection and refuses new ones until restored. */
  cut(): void;
  /** The next bytes any client sends cut everything: a query caught in flight. */
  cutOnNextQuery(): void;
  restore(): void;
  open(): number;
  close(): Promise<void>;
}

async function startProxy(target: URL): Promise<Proxy> {
  const sockets = new Set<Socket>();
  let down = false;
  let cutNext = false;
  const cut = () => {
    down = true;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };
  const server: Server = createServer((client) => {
    if (down) return void client.destroy();
    const upstream = connect(Number(target.port || 5432), target.hostname);
    sockets.add(client);
    sockets.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('data', (chunk) => {
      if (cutNext) {
        cutNext = false;
        return cut();
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    for (const socket of [client, upstream]) {
      socket.on('error', end);
      socket.on('close', end);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut,
    cutOnNextQuery: () => void (cutNext = true),
    restore: () => void (down = false),
    open: () => sockets.size / 2,
    close: async () => {
      cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Lets socket events (the dropped connections' errors) reach their listeners. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function harnessBehindProxy(): Promise<{ h: Harness; proxy: Proxy; lost: Error[] }> {
  const schema = `handoff_loss_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const target = new URL(POSTGRES_URL);
  const proxy = await startProxy(target);
  const viaProxy = new URL(POSTGRES_URL);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  const lost: Error[] = [];
  const h = await startHarness({
    openStore: () =>
      createStore(
        openPostgres(viaProxy.toString(), { schema, onError: (error) => lost.push(error) }),
      ),
  });
  cleanup = async () => {
    proxy.restore();
    await h.close();
    await proxy.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  };
  return { h, proxy, lost };
}

describe('the service when PostgreSQL goes away and comes back', () => {
  it('when every connection is dropped, then the process lives, requests meanwhile get a 503 that says so, and later ones succeed', async () => {
    const { h, proxy, lost } = await harnessBehindProxy();
    const deal = await h.seedWonDeal();
    const view = () => h.call('GET', `/v1/hubspot/records/deals/${deal}`, { as: h.users.rep });
    expect((await view()).status).toBe(200);
    expect(proxy.open()).toBeGreaterThan(0);

    proxy.cut();
    await settle();
    // The idle connections' errors reached the pool's listener instead of ending the process.
    expect(lost.length).toBeGreaterThan(0);
    const down = await view();
    expect(down.status).toBe(503);
    expect(down.body).toEqual({
      error: {
        code: 'internal',
        message: 'The database is unavailable right now; try again in a moment.',
      },
    });

    proxy.restore();
    expect((await view()).status).toBe(200);
  });

  it('when the connection drops while a request is using it (a read, or an action in its transaction), then that request gets a 503 and the next one succeeds', async () => {
    const { h, proxy } = await harnessBehindProxy();
    const deal = await h.seedWonDeal();
    const view = () => h.call('GET', `/v1/hubspot/records/deals/${deal}`, { as: h.users.rep });
    expect((await view()).status).toBe(200);

    proxy.cutOnNextQuery();
    expect((await view()).status).toBe(503);
    proxy.restore();
    expect((await view()).status).toBe(200);

    const [itemId, value] = Object.entries(CS_CHECKLIST_ANSWERS)[0] ?? [];
    const act = (actionId: string) =>
      h.call('POST', `/v1/hubspot/records/deals/${deal}/actions`, {
        as: h.users.rep,
        body: { handoffId: 'sales_to_cs', actionId, action: { type: 'set_item', itemId, value } },
      });
    // Reading the deal from HubSpot happens first; the cut catches the store's transaction.
    proxy.cutOnNextQuery();
    const caught = await act('during-cut');
    expect(caught.status).toBe(503);
    proxy.restore();
    await settle();
    expect((await act('after-restore')).status).toBe(200);
    expect((await view()).status).toBe(200);
  });
});
