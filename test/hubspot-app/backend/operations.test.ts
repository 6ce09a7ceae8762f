// What an operator relies on (issue 21, "Deployable"): /readyz says whether the service can serve and
// why not; /metrics counts what happened, by route template; the debug log keeps secrets and
// checklist answers out.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../hubspot-app/backend/store/migrations.js';
import { TokenVault } from '../../../hubspot-app/backend/installations/vault.js';
import { CS_CHECKLIST_ANSWERS } from './answers.js';
import { SECRET } from './harness.js';
import {
  portalWithWonDeal,
  startServiceHarness,
  TOKEN_KEY,
  type ServiceHarness,
} from './service-harness.js';
import { OTHER_KEY } from './serve.js';

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close().catch(() => undefined);
  h = undefined;
});

const readyz = async (harness: ServiceHarness) => {
  const response = await fetch(`${harness.publicUrl}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('/readyz', () => {
  it('when the store answers, every migration is applied and the key opens the stored seals, then it is ready', async () => {
    h = await startServiceHarness();
    await h.install(h.emulator.portals.create().portalId);
    expect(await readyz(h)).toEqual({
      status: 200,
      body: { ready: true, checks: { store: 'ok', tokenKey: 'ok' } },
    });
    // /healthz only says the process is alive.
    expect(await (await fetch(`${h.publicUrl}/healthz`)).json()).toEqual({ ok: true });
  });

  it('when a migration this build knows is not applied, then 503 names it', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'handoff-ready-')), 'hubspot.db');
    h = await startServiceHarness({ dbFile });
    // The database as the build before the newest migration left it.
    const newest = Math.max(...MIGRATIONS.map((m) => m.version));
    const db = new Database(dbFile);
    db.prepare('DELETE FROM schema_migrations WHERE version = ?').run(newest);
    db.close();
    const answer = await readyz(h);
    expect(answer).toEqual({
      status: 503,
      body: {
        ready: false,
        checks: {
          store: `The database schema is behind this build: migration ${newest} not applied (a restart applies them).`,
          tokenKey: 'ok',
        },
        message: `The database schema is behind this build: migration ${newest} not applied (a restart applies them).`,
      },
    });
  });

  it('when the token key does not open the stored seals, then 503 says so; when the database is gone, 503 says that', async () => {
    h = await startServiceHarness();
    const portalId = '40000777';
    // A seal made with another key, as if the service had been started with the wrong one.
    const other = new TokenVault(OTHER_KEY);
    await h.store.putInstallation({
      portalId,
      accessToken: other.seal('access', portalId),
      refreshToken: other.seal('refresh', portalId),
      expiresAt: null,
      installedAt: h.clock.now(),
      uninstalledAt: null,
    });
    const wrongKey = await readyz(h);
    expect(wrongKey.status).toBe(503);
    expect(wrongKey.body).toMatchObject({ ready: false, checks: { store: 'ok' } });
    expect(wrongKey.body.message).toMatch(
      /^HANDOFF_TOKEN_KEY does not open the OAuth tokens stored for portal 40000777 \(sealed with key "default"\)/,
    );

    await h.store.close();
    const noStore = await readyz(h);
    expect(noStore.status).toBe(503);
    expect((noStore.body.checks as Record<string, string>).store).toMatch(
      /^The store check failed \(the database does not answer: .+\)\.$/,
    );
  });
});

/** A sample's value in Prometheus text: the line for `name` whose labels include all of `labels`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text
    .split('\n')
    .find(
      (l) =>
        (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) &&
        wanted.every((pair) => l.includes(pair)),
    );
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('/metrics on METRICS_PORT', () => {
  it('when a card is viewed, an action posted, a token refreshed and a scan run, then the counters move, by route template', async () => {
    h = await startServiceHarness();
    const { portalId, users, deal, act } = await portalWithWonDeal(h);
    const server = await h.service.metrics.listen('127.0.0.1', 0);
    const port = (server.address() as { port: number }).port;
    const scrape = async () => {
      const response = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      return response.text();
    };
    try {
      const route = '/v1/hubspot/records/:objectType/:objectId';
      const before = await scrape();
      await h.call('GET', `/v1/hubspot/records/deals/${deal}`, portalId, { as: users.rep });
      expect(
        (await act(users.rep, { type: 'set_item', itemId: 'champion', value: 'Dana Lee' })).status,
      ).toBe(200);
      // Past the access token's expiry (HubSpot's are 30 minutes): the next view refreshes it.
      h.clock.advance(31 * 60_000);
      await h.call('GET', `/v1/hubspot/records/deals/${deal}`, portalId, { as: users.rep });
      await h.service.scanDue();
      const after = await scrape();

      const delta = (name: string, labels: Record<string, string>) =>
        sample(after, name, labels) - sample(before, name, labels);
      expect(delta('handoff_http_requests_total', { route, method: 'GET', status: '200' })).toBe(2);
      expect(
        delta('handoff_http_requests_total', {
          route: `${route}/actions`,
          method: 'POST',
          status: '200',
        }),
      ).toBe(1);
      expect(delta('handoff_http_request_duration_seconds_count', { route, method: 'GET' })).toBe(
        2,
      );
      expect(delta('handoff_card_views_total', { object_type: 'deals', status: '200' })).toBe(2);
      expect(delta('handoff_actions_total', { status: '200' })).toBe(1);
      expect(delta('handoff_token_refreshes_total', { outcome: 'ok' })).toBe(1);
      expect(delta('handoff_crm_calls_total', { portal: portalId })).toBeGreaterThan(0);
      expect(after).toContain(`handoff_scanner_lag_seconds{portal="${portalId}"}`);
      expect(after).toMatch(/^handoff_outbox_depth \d+$/m);
      expect(after).toMatch(/^handoff_outbox_oldest_age_seconds [\d.]+$/m);
      expect(after).toContain('handoff_crm_rate_limited_total');
      // Labels are templates: no raw record path, and every metric is ours.
      expect(after).not.toContain(`/records/deals/${deal}`);
      const names = after
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith('#'))
        .map((l) => l.split(/[{ ]/)[0]);
      expect(names.filter((n) => !n?.startsWith('handoff_'))).toEqual([]);
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});

describe('the debug log', () => {
  it('when a portal installs, views its card, posts checklist answers and is scanned, then no token, secret or answer is in any line', async () => {
    h = await startServiceHarness();
    const { portalId, users, deal, act } = await portalWithWonDeal(h);
    for (const [itemId, value] of Object.entries(CS_CHECKLIST_ANSWERS))
      expect((await act(users.rep, { type: 'set_item', itemId, value })).status).toBe(200);
    await h.call('GET', `/v1/hubspot/records/deals/${deal}`, portalId, { as: users.rep });
    h.clock.advance(31 * 60_000);
    await h.service.scanDue();
    await h.service.outbox.drain();

    const row = await h.store.getInstallation(portalId);
    const vault = new TokenVault(TOKEN_KEY);
    const secrets = [
      SECRET,
      TOKEN_KEY,
      vault.open(row?.accessToken ?? '', portalId),
      vault.open(row?.refreshToken ?? '', portalId),
      row?.accessToken ?? '',
      ...Object.values(CS_CHECKLIST_ANSWERS),
    ];
    const lines = h.logs().split('\n').filter(Boolean);
    // The harness logs at debug, the most the service writes (requests, scans, outbox).
    expect(h.service.app.log.level).toBe('debug');
    expect(lines.length).toBeGreaterThan(20);
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThanOrEqual(3);
      expect(lines.filter((l) => l.includes(secret))).toEqual([]);
    }
  });
});
