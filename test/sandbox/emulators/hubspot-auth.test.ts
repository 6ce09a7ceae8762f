import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectHubSpotError, failure, raw, setup, type Setup } from './helpers.js';

let env: Setup;
beforeEach(async () => {
  env = await setup({ clientId: 'cid', appClientSecret: 'secret' });
});
afterEach(async () => {
  await env.emulator.close();
});

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

async function postToken(path: string, fields: Record<string, string>) {
  return raw(env.emulator, path, {
    method: 'POST',
    body: form(fields),
    contentType: 'application/x-www-form-urlencoded',
  });
}

describe('OAuth and portal isolation', () => {
  it.each(['/oauth/2026-03/token', '/oauth/v1/token'])(
    'when %s exchanges an authorization code and then a refresh token, then each access token maps to the portal',
    async (path) => {
      const redirect = 'https://api.handoff.example/oauth/callback';
      const code = env.emulator.issueAuthorizationCode(env.portal.portalId, redirect);
      const exchanged = await postToken(path, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirect,
        client_id: 'cid',
        client_secret: 'secret',
      });
      expect(exchanged.status).toBe(200);
      const tokens = exchanged.json();
      expect(tokens).toMatchObject({
        token_type: 'bearer',
        expires_in: 1800,
        hub_id: Number(env.portal.portalId),
      });

      // Codes are single use.
      const again = await postToken(path, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirect,
        client_id: 'cid',
        client_secret: 'secret',
      });
      expect(again.status).toBe(400);
      expect(again.json().status).toBe('BAD_AUTH_CODE');

      const refreshed = await postToken(path, {
        grant_type: 'refresh_token',
        refresh_token: String(tokens.refresh_token),
        client_id: 'cid',
        client_secret: 'secret',
      });
      expect(refreshed.status).toBe(200);
      const info = await env
        .client()
        .oauth.accessTokensApi.get(String(refreshed.json().access_token));
      expect(info).toMatchObject({
        hubId: Number(env.portal.portalId),
        appId: env.emulator.appId,
        tokenType: 'access',
      });
    },
  );

  it('when the SDK refreshes through /oauth/v1/token, then it gets a working token; a bad refresh token is BAD_REFRESH_TOKEN', async () => {
    const client = env.client();
    const response = await client.oauth.tokensApi.create(
      'refresh_token',
      undefined,
      undefined,
      'cid',
      'secret',
      env.portal.refreshToken,
    );
    expect(response.expiresIn).toBe(1800);
    const fresh = env.client({ accessToken: response.accessToken });
    await expect(fresh.crm.deals.basicApi.getPage()).resolves.toMatchObject({ results: [] });

    const bad = await failure(
      client.oauth.tokensApi.create('refresh_token', undefined, undefined, 'cid', 'secret', 'nope'),
    );
    expect(bad.code).toBe(400);
    expect(bad.body.status).toBe('BAD_REFRESH_TOKEN');
    const dated = await postToken('/oauth/2026-03/token', {
      grant_type: 'refresh_token',
      refresh_token: 'nope',
      client_id: 'cid',
      client_secret: 'secret',
    });
    expect(dated.json()).toMatchObject({ status: 'BAD_REFRESH_TOKEN', error: 'invalid_grant' });
    const wrongSecret = await postToken('/oauth/2026-03/token', {
      grant_type: 'refresh_token',
      refresh_token: env.portal.refreshToken,
      client_id: 'cid',
      client_secret: 'x',
    });
    expect(wrongSecret.json().status).toBe('BAD_CLIENT_SECRET');
  });

  it('when an access token is 30 minutes old, then calls are 401 EXPIRED_AUTHENTICATION and token info is gone', async () => {
    const client = env.client();
    env.clock.advance(30 * 60_000 - 1);
    await expect(client.crm.deals.basicApi.getPage()).resolves.toBeDefined();
    env.clock.advance(1);
    const expired = await failure(client.crm.deals.basicApi.getPage());
    expect(expired.code).toBe(401);
    expectHubSpotError(expired.body, 'EXPIRED_AUTHENTICATION');
    expect((await failure(client.oauth.accessTokensApi.get(env.portal.accessToken))).code).toBe(
      404,
    );
  });

  it('when no or an unknown bearer token is sent, then 401 INVALID_AUTHENTICATION', async () => {
    const none = await raw(env.emulator, '/crm/v3/objects/deals');
    expect(none.status).toBe(401);
    expectHubSpotError(none.json(), 'INVALID_AUTHENTICATION');
    const unknown = await failure(
      env.client({ accessToken: 'made-up' }).crm.deals.basicApi.getPage(),
    );
    expect(unknown.code).toBe(401);
  });

  it("when portal A's token asks for portal B's records, then they do not exist for it", async () => {
    const other = env.emulator.portals.create();
    const theirDeal = env.emulator.seed.deal(other.portalId, {
      properties: { dealname: 'Secret' },
    });
    const theirCompany = env.emulator.seed.company(other.portalId, { name: 'Hidden' });
    env.emulator.seed.owner(other.portalId, { email: 'b@b.example' });
    const mine = env.client();

    expect((await failure(mine.crm.deals.basicApi.getById(theirDeal))).code).toBe(404);
    expect(
      (await failure(mine.crm.deals.basicApi.update(theirDeal, { properties: { dealname: 'x' } })))
        .code,
    ).toBe(404);
    const batch = await mine.crm.deals.batchApi.read({
      inputs: [{ id: theirDeal }],
      properties: [],
      propertiesWithHistory: [],
    });
    expect(batch.results).toEqual([]);
    expect((await mine.crm.deals.searchApi.doSearch({ filterGroups: [] })).total).toBe(0);
    expect((await mine.crm.owners.ownersApi.getPage()).results).toEqual([]);
    const theirs = await failure(
      mine.crm.associations.v4.basicApi.createDefault(
        'deals',
        theirDeal,
        'companies',
        theirCompany,
      ),
    );
    expect(theirs.code).toBe(404);

    const theirClient = env.client({ accessToken: other.accessToken });
    expect(
      (await theirClient.crm.deals.basicApi.getById(theirDeal, ['dealname'])).properties.dealname,
    ).toBe('Secret');
  });
});
