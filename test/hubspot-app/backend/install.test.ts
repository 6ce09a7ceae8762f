import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { requiredScopes } from '../../../hubspot-app/scopes.js';
import { startServiceHarness, type ServiceHarness } from './service-harness.js';

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('installing from the marketplace', () => {
  it('when an admin installs, then tokens are stored sealed, never in the clear, and the mirror properties exist', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'handoff-install-')), 'hubspot.db');
    h = await startServiceHarness({ dbFile });
    const portal = h.emulator.portals.create();
    const installed = await h.install(portal.portalId);
    expect(installed.status).toBe(200);
    expect(installed.page).toContain(`Account ${portal.portalId} is ready`);

    const row = await h.store.getInstallation(portal.portalId);
    expect(row?.accessToken).toMatch(/^v2:default:/);
    const issued = h.emulator.requestLog.entries().length;
    expect(issued).toBeGreaterThan(0);
    const access = await h.service.tokens.accessToken(portal.portalId);
    expect(access).toBeTruthy();
    const onDisk = Buffer.concat([
      readFileSync(dbFile),
      readFileSync(`${dbFile}-wal`, { flag: 'a+' }),
    ]).toString('latin1');
    expect(onDisk).not.toContain(access ?? '∅');
    expect(h.logs()).not.toContain(access ?? '∅');

    const created = h.emulator.requestLog.count({ route: 'crm.properties.create' });
    expect(created).toBeGreaterThan(10);
    const users = await h.setUp(portal.portalId);
    const status = await h.call('GET', '/v1/hubspot/status', portal.portalId, {
      as: users.admin,
    });
    expect(status.body).toMatchObject({ installed: true, properties: { created: true } });
  });

  it('when the same portal installs again, then nothing is created twice', async () => {
    h = await startServiceHarness();
    const portal = h.emulator.portals.create();
    await h.install(portal.portalId);
    const before = h.emulator.requestLog.count({ route: 'crm.properties.create' });
    const again = await h.install(portal.portalId);
    expect(again.status).toBe(200);
    expect(h.emulator.requestLog.count({ route: 'crm.properties.create' })).toBe(before);
  });

  it('when the state is missing, forged or from another browser, then the install is refused', async () => {
    h = await startServiceHarness();
    const portal = h.emulator.portals.create();
    const code = h.emulator.issueAuthorizationCode(
      portal.portalId,
      `${h.publicUrl}/oauth/callback`,
    );
    const forged = await fetch(`${h.publicUrl}/oauth/callback?code=${code}&state=abc.1.def`, {
      headers: { cookie: 'handoff_oauth_state=abc.1.def' },
    });
    expect(forged.status).toBe(400);
    expect(await h.store.getInstallation(portal.portalId)).toBeNull();
  });

  it('when the access token nears expiry under 20 concurrent card views, then it is refreshed exactly once', async () => {
    h = await startServiceHarness();
    const portal = h.emulator.portals.create();
    await h.install(portal.portalId);
    const users = await h.setUp(portal.portalId);
    const deal = h.emulator.seed.deal(portal.portalId, {
      properties: { dealname: 'Acme' },
      stageHistory: [{ stage: 'closedwon', at: h.clock.now() }],
    });
    h.clock.advance(26 * 60_000);
    h.emulator.resetRateLimits();
    const refreshesBefore = h.emulator.requestLog
      .entries()
      .filter((e) => e.path.startsWith('/oauth/2026-03/token')).length;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        h!.call('GET', `/v1/hubspot/records/deals/${deal}`, portal.portalId, { as: users.rep }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 20 }, () => 200));
    const refreshes =
      h.emulator.requestLog.entries().filter((e) => e.path.startsWith('/oauth/2026-03/token'))
        .length - refreshesBefore;
    expect(refreshes).toBe(1);
  });

  it('when HubSpot refuses the refresh (the app was uninstalled), then the portal is marked uninstalled', async () => {
    h = await startServiceHarness();
    const portal = h.emulator.portals.create();
    await h.install(portal.portalId);
    const row = await h.store.getInstallation(portal.portalId);
    if (!row) throw new Error('not installed');
    const vaultOf = await import('../../../hubspot-app/backend/installations/vault.js');
    const vault = new vaultOf.TokenVault((await import('./service-harness.js')).TOKEN_KEY);
    await h.store.putInstallation({
      ...row,
      refreshToken: vault.seal('revoked-refresh-token', portal.portalId),
      expiresAt: h.clock.now() - 1,
    });
    expect(await h.service.tokens.accessToken(portal.portalId)).toBeNull();
    expect((await h.store.getInstallation(portal.portalId))?.uninstalledAt).toBe(h.clock.now());
  });

  it('when an admin removes the data, then Handoff is uninstalled through HubSpot and tokens, playbook and handoffs are gone', async () => {
    h = await startServiceHarness();
    const portal = h.emulator.portals.create();
    await h.install(portal.portalId);
    const users = await h.setUp(portal.portalId);
    const token = await h.service.tokens.accessToken(portal.portalId);
    expect(
      (await h.call('DELETE', '/v1/hubspot/installation', portal.portalId, { as: users.rep }))
        .status,
    ).toBe(403);
    expect(h.emulator.uninstalls).toEqual([]);
    expect(
      await h.call('DELETE', '/v1/hubspot/installation', portal.portalId, { as: users.admin }),
    ).toEqual({ status: 200, body: { deleted: true } });
    // HubSpot's documented uninstall: the app left the account, and its token no longer works.
    expect(h.emulator.uninstalls).toEqual([{ portalId: portal.portalId, at: h.clock.now() }]);
    expect(h.emulator.requestLog.count({ route: 'appinstalls.uninstall' })).toBe(1);
    const after = await fetch(`${h.emulator.url}/crm/v3/owners`, {
      headers: { authorization: `Bearer ${token ?? ''}` },
    });
    expect(after.status).toBe(401);
    expect(await h.store.getInstallation(portal.portalId)).toBeNull();
    expect(await h.store.getPlaybook(portal.portalId)).toBeNull();
  });

  it('when HubSpot does not confirm the uninstall, then nothing is deleted and the admin is told to try again', async () => {
    h = await startServiceHarness();
    const portal = h.emulator.portals.create();
    await h.install(portal.portalId);
    const users = await h.setUp(portal.portalId);
    h.emulator.faults.inject({ kind: 'server-error', route: 'appinstalls.uninstall', count: 1 });
    expect(
      await h.call('DELETE', '/v1/hubspot/installation', portal.portalId, { as: users.admin }),
    ).toEqual({
      status: 502,
      body: {
        error: {
          code: 'internal',
          message:
            'HubSpot did not confirm that Handoff was uninstalled, so nothing was deleted; try again in a minute.',
        },
      },
    });
    expect(await h.store.getPlaybook(portal.portalId)).not.toBeNull();
    expect((await h.store.getInstallation(portal.portalId))?.uninstalledAt).toBeNull();
    // The second try goes through.
    expect(
      (await h.call('DELETE', '/v1/hubspot/installation', portal.portalId, { as: users.admin }))
        .status,
    ).toBe(200);
    expect(h.emulator.uninstalls.map((u) => u.portalId)).toEqual([portal.portalId]);
  });

  it('when the app was already uninstalled in HubSpot, then uninstalling again counts as done (HubSpot answers 401) and marks the portal uninstalled', async () => {
    h = await startServiceHarness();
    const portal = h.emulator.portals.create();
    await h.install(portal.portalId);
    const token = await h.service.tokens.accessToken(portal.portalId);
    const first = await fetch(`${h.emulator.url}/appinstalls/2026-03/external-install`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token ?? ''}` },
    });
    expect(first.status).toBe(204);
    await h.service.tokens.uninstall(portal.portalId);
    expect((await h.store.getInstallation(portal.portalId))?.uninstalledAt).toBe(h.clock.now());
    expect(h.emulator.uninstalls).toHaveLength(1);
  });
});

describe('the scopes the app asks for', () => {
  it('when an admin installs with the scopes the app declares, then provisioning creates the key property on notes and tasks, the deal properties and the contact and company ones', async () => {
    h = await startServiceHarness();
    const portal = h.emulator.portals.create();
    const installed = await h.install(portal.portalId);
    expect(installed.page).toContain(`Account ${portal.portalId} is ready`);
    const created = h.emulator.requestLog
      .entries()
      .filter((e) => e.route === 'crm.properties.create' && e.status === 201)
      .map((e) => e.path.split('/')[4]);
    expect(new Set(created)).toEqual(new Set(['deals', 'notes', 'tasks', 'contacts', 'companies']));
    expect(h.emulator.requestLog.entries().filter((e) => e.status === 403)).toEqual([]);
    const status = await h.call('GET', '/v1/hubspot/status', portal.portalId, {
      as: (await h.setUp(portal.portalId)).admin,
    });
    expect(status.body).toMatchObject({ properties: { created: true, missing: [] } });
  });

  it('when a portal was provisioned before contacts and companies carried Handoff properties, then its next scan provisions them, once', async () => {
    h = await startServiceHarness();
    const portal = h.emulator.portals.create();
    await h.install(portal.portalId);
    await h.setUp(portal.portalId); // saves the playbook, which the scanner needs
    // The settings as the earlier version saved them: no list of mirrored objects.
    const saved = await h.store.getSettings(portal.portalId);
    expect(saved?.mirrored).toBeDefined();
    await h.store.putSettings(
      portal.portalId,
      { provisionedAt: saved?.provisionedAt ?? 0, stageProperties: saved?.stageProperties ?? {} },
      h.clock.now(),
    );
    const log = h.emulator.requestLog;
    const created = () => log.count({ route: 'crm.properties.create' });
    const beforeScan = created();
    await h.service.scanner.scanPortal(portal.portalId);
    expect((await h.store.getSettings(portal.portalId))?.mirrored).toEqual([
      'deal',
      'contact',
      'company',
    ]);
    // Everything already existed (the install made it): provisioning checked, created nothing.
    expect(created()).toBe(beforeScan);
    const lists = h.emulator.requestLog.count({ route: 'crm.properties.list' });
    await h.service.scanner.scanPortal(portal.portalId);
    expect(h.emulator.requestLog.count({ route: 'crm.properties.list' })).toBe(lists);
  });

  it('when a portal granted only the scopes the app asked for before contacts and companies were mirrored, then the install still succeeds, and the status page lists their properties as missing', async () => {
    h = await startServiceHarness();
    const portal = h.emulator.portals.create();
    const before = requiredScopes.filter(
      (s) =>
        s !== 'crm.objects.companies.write' && !/^crm\.schemas\.(contacts|companies)\./.test(s),
    );
    expect(before).toHaveLength(requiredScopes.length - 5);
    const installed = await h.install(portal.portalId, { scopes: before });
    expect(installed.status).toBe(200);
    expect(installed.page).toContain(`Account ${portal.portalId} is ready`);
    expect(
      new Set(
        h.emulator.requestLog
          .entries()
          .filter((e) => e.status === 403)
          .map((e) => e.path.split('/')[4]),
      ),
    ).toEqual(new Set(['contacts', 'companies']));
    const status = await h.call('GET', '/v1/hubspot/status', portal.portalId, {
      as: (await h.setUp(portal.portalId)).admin,
    });
    const properties = (status.body as { properties: { created: boolean; missing: string[] } })
      .properties;
    expect(properties.created).toBe(false);
    expect(properties.missing).toContain('contacts.handoff_sla_speed_to_lead_status');
    expect(properties.missing).toContain('companies.handoff_expansion_status');
    expect(properties.missing.filter((name) => !name.includes('.'))).toEqual([]);
  });

  it('when the install grants only the scopes the app asked for before notes and tasks were declared, then HubSpot refuses provisioning and the page says Handoff is not set up', async () => {
    h = await startServiceHarness();
    const portal = h.emulator.portals.create();
    const installed = await h.install(portal.portalId, {
      scopes: [
        'oauth',
        'crm.objects.deals.read',
        'crm.objects.deals.write',
        'crm.objects.companies.read',
        'crm.objects.owners.read',
        'crm.schemas.deals.read',
        'crm.schemas.deals.write',
      ],
    });
    expect(installed.status).toBe(502);
    expect(installed.page).toContain('Handoff is installed, but not set up yet');
    expect(
      h.emulator.requestLog
        .entries()
        .filter((e) => e.status === 403)
        .map((e) => e.path),
    ).toEqual(['/crm/v3/properties/notes']);
  });
});
