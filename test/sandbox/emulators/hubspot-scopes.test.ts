// The HubSpot emulator's scope table (sandbox/emulators/hubspot/scopes.ts) and its app uninstall API:
// a token without a route's documented scope gets HubSpot's 403 MISSING_SCOPES body.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hubspotCrm } from '../../../hubspot-app/backend/hubspot/crm.js';
import { SCOPE_TABLE, ALL_SCOPES } from '../../../sandbox/emulators/hubspot/scopes.js';
import { expectHubSpotError, raw, setup, type Setup } from './helpers.js';

let env: Setup;
beforeEach(async () => {
  env = await setup({ clientId: 'cid', appClientSecret: 'secret' });
});
afterEach(async () => {
  await env.emulator.close();
});

/** The route's path with its parameters filled in: the row's object type, and `1` for ids. */
function pathOf(route: { path: string }, objectType: string | undefined): string {
  return route.path.replace(/:(\w+)/g, (_match, name: string) =>
    /objecttype$/i.test(name) ? (objectType ?? 'deals') : '1',
  );
}

const rows = SCOPE_TABLE.map((rule) => ({
  ...rule,
  label: `${rule.route}${rule.objectType ? ` on ${rule.objectType}` : ''}`,
}));

describe('the scope table', () => {
  it('when a route needs a token, then the table names its scopes (for every object type) and a documentation page', () => {
    for (const route of env.emulator.routes) {
      if (route.name.startsWith('oauth.')) continue;
      const covered = SCOPE_TABLE.filter((rule) => rule.route === route.name);
      expect(covered.length, route.name).toBeGreaterThan(0);
      if (route.path.includes('bjectType'))
        expect(covered.map((rule) => rule.objectType).sort(), route.name).toEqual([
          'companies',
          'contacts',
          'deals',
          'notes',
          'tasks',
        ]);
    }
    for (const rule of SCOPE_TABLE) {
      expect(rule.anyOf.length).toBeGreaterThan(0);
      expect(rule.docs).toMatch(/^https:\/\/developers\.hubspot\.com\//);
    }
  });

  it('when notes and tasks are read or written, then the table asks for the contacts scopes, as their guides do', () => {
    const engagement = SCOPE_TABLE.filter(
      (rule) =>
        rule.route.startsWith('crm.objects.') && ['notes', 'tasks'].includes(rule.objectType ?? ''),
    );
    expect(new Set(engagement.flatMap((rule) => rule.anyOf))).toEqual(
      new Set(['crm.objects.contacts.read', 'crm.objects.contacts.write']),
    );
  });

  it.each(rows)(
    'when a token lacks the scope of $label, then HubSpot answers 403 MISSING_SCOPES naming it',
    async (rule) => {
      const route = env.emulator.routes.find((r) => r.name === rule.route);
      if (!route) throw new Error(`no route ${rule.route}`);
      const without = ALL_SCOPES.filter((scope) => !rule.anyOf.includes(scope));
      const { accessToken } = env.emulator.issueToken(env.portal.portalId, { scopes: without });
      const path = pathOf(route, rule.objectType);
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}';
      const refused = await raw(env.emulator, path, {
        method: route.method,
        token: accessToken,
        ...(body !== undefined ? { body } : {}),
      });
      expect(refused.status).toBe(403);
      const json = refused.json();
      expectHubSpotError(json, 'MISSING_SCOPES');
      expect(json.errors).toEqual([
        {
          message: 'One or more of the following scopes are required.',
          context: { requiredGranularScopes: [...rule.anyOf] },
        },
      ]);

      const { accessToken: granted } = env.emulator.issueToken(env.portal.portalId, {
        scopes: rule.anyOf,
      });
      const allowed = await raw(env.emulator, path, {
        method: route.method,
        token: granted,
        ...(body !== undefined ? { body } : {}),
      });
      expect(allowed.status).not.toBe(403);
    },
  );

  it('when the backend writes a task with a token granted only the deal scopes, then the call fails as HubSpot refused it (403)', async () => {
    const deal = env.emulator.seed.deal(env.portal.portalId, { properties: { dealname: 'Acme' } });
    const { accessToken } = env.emulator.issueToken(env.portal.portalId, {
      scopes: ['oauth', 'crm.objects.deals.read', 'crm.objects.deals.write'],
    });
    const crm = hubspotCrm(env.emulator.url, accessToken, { retries: 1 });
    await expect(
      crm.createEngagement('tasks', deal, { hs_task_subject: 'Review' }, 'k1'),
    ).rejects.toMatchObject({ upstreamStatus: 403 });
    expect(await crm.readDeals([deal], ['dealname'])).toMatchObject([{ id: deal }]);
  });
});

describe('the app uninstall API', () => {
  it('when the app uninstalls itself, then it answers 204, its tokens stop working, its webhooks stop and the uninstall is recorded', async () => {
    const redirect = 'https://api.handoff.example/oauth/callback';
    env.emulator.webhooks.setTarget('http://127.0.0.1:9/webhooks');
    const deal = env.emulator.seed.deal(env.portal.portalId, { properties: { dealname: 'Acme' } });
    env.emulator.seed.updateDeal(env.portal.portalId, deal, { dealstage: 'qualifiedtobuy' });
    await env.emulator.webhooks.settled();
    const deliveredBefore = env.emulator.webhooks.deliveries.length;
    expect(deliveredBefore).toBeGreaterThan(0);

    const gone = await raw(env.emulator, '/appinstalls/2026-03/external-install', {
      method: 'DELETE',
      token: env.portal.accessToken,
    });
    expect(gone.status).toBe(204);
    expect(gone.text).toBe('');
    expect(env.emulator.uninstalls).toEqual([
      { portalId: env.portal.portalId, at: env.clock.now() },
    ]);

    const after = await raw(env.emulator, `/crm/v3/objects/deals/${deal}`, {
      token: env.portal.accessToken,
    });
    expect(after.status).toBe(401);
    const refresh = await raw(env.emulator, '/oauth/2026-03/token', {
      method: 'POST',
      contentType: 'application/x-www-form-urlencoded',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: env.portal.refreshToken,
        client_id: 'cid',
        client_secret: 'secret',
      }).toString(),
    });
    expect(refresh.json()).toMatchObject({ error: 'invalid_grant' });

    env.emulator.seed.updateDeal(env.portal.portalId, deal, { dealstage: 'closedwon' });
    await env.emulator.webhooks.settled();
    expect(env.emulator.webhooks.deliveries.length).toBe(deliveredBefore);

    // Installing again (a new authorization) brings the app back.
    const code = env.emulator.issueAuthorizationCode(env.portal.portalId, redirect);
    const exchanged = await raw(env.emulator, '/oauth/2026-03/token', {
      method: 'POST',
      contentType: 'application/x-www-form-urlencoded',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirect,
        client_id: 'cid',
        client_secret: 'secret',
      }).toString(),
    });
    expect(exchanged.status).toBe(200);
    env.emulator.seed.updateDeal(env.portal.portalId, deal, { dealstage: 'qualifiedtobuy' });
    await env.emulator.webhooks.settled();
    expect(env.emulator.webhooks.deliveries.length).toBe(deliveredBefore + 1);
  });

  it('when the token lacks the oauth scope, then the uninstall is refused with 403 MISSING_SCOPES', async () => {
    const { accessToken } = env.emulator.issueToken(env.portal.portalId, {
      scopes: ['crm.objects.deals.read'],
    });
    const refused = await raw(env.emulator, '/appinstalls/2026-03/external-install', {
      method: 'DELETE',
      token: accessToken,
    });
    expect(refused.status).toBe(403);
    expectHubSpotError(refused.json(), 'MISSING_SCOPES');
    expect(env.emulator.uninstalls).toEqual([]);
  });
});
