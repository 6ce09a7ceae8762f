// Sessions, the JWT bearer token endpoint, the daily limit and its header, and fault switches.
import { createSign, generateKeyPairSync } from 'node:crypto';
import { Connection } from 'jsforce';
import { afterEach, describe, expect, it } from 'vitest';
import { emulated, VERSION, type Emulated } from './helpers.js';

let t: Emulated | undefined;
afterEach(async () => {
  await t?.emulator.close();
  t = undefined;
});

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const app = {
  consumerKey: 'ck',
  publicKeyPem: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
};

function assertion(claims: Record<string, unknown>, key = keys.privateKey): string {
  const encode = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const head = `${encode({ alg: 'RS256' })}.${encode(claims)}`;
  return `${head}.${createSign('RSA-SHA256').update(head).sign(key).toString('base64url')}`;
}

async function token(e: Emulated, jwt: string) {
  const response = await fetch(`${e.emulator.url}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: jwt,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

describe('JWT bearer token', () => {
  const valid = (e: Emulated) => ({
    iss: 'ck',
    sub: 'dev@example.com',
    aud: 'https://login.salesforce.com',
    exp: Math.floor(e.clock.now() / 1000) + 180,
  });

  it('when the assertion is signed with the connected app key, then it answers a token and the instance URL', async () => {
    t = await emulated({ connectedApps: [app] });
    const { status, body } = await token(t, assertion(valid(t)));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      instance_url: t.emulator.url,
      token_type: 'Bearer',
      scope: 'api',
    });
    const conn = new Connection({
      instanceUrl: body.instance_url,
      accessToken: body.access_token,
      version: VERSION,
    });
    expect((await conn.query('SELECT Id FROM User')).totalSize).toBe(1);
  });

  it.each([
    ['another key', (e: Emulated) => assertion(valid(e), other.privateKey), 'invalid_grant'],
    [
      'an unknown consumer key',
      (e: Emulated) => assertion({ ...valid(e), iss: 'nope' }),
      'invalid_client_id',
    ],
    [
      'a foreign audience',
      (e: Emulated) => assertion({ ...valid(e), aud: 'https://evil.example' }),
      'invalid_grant',
    ],
    [
      'an expired assertion',
      (e: Emulated) => assertion({ ...valid(e), exp: Math.floor(e.clock.now() / 1000) - 1 }),
      'invalid_grant',
    ],
    [
      'an unknown user',
      (e: Emulated) => assertion({ ...valid(e), sub: 'who@example.com' }),
      'invalid_grant',
    ],
    ['garbage', () => 'not.a.jwt', 'invalid_grant'],
  ])('when the assertion has %s, then it answers 400 %s', async (_name, make, error) => {
    t = await emulated({ connectedApps: [app] });
    const { status, body } = await token(t, make(t));
    expect(status).toBe(400);
    expect(body.error).toBe(error);
  });
});

describe('sessions', () => {
  it('when the session has expired or is unknown, then every API call answers 401 INVALID_SESSION_ID', async () => {
    t = await emulated({ sessionLifetimeMs: 60_000 });
    t.clock.advance(60_000);
    await expect(t.conn.query('SELECT Id FROM User')).rejects.toMatchObject({
      errorCode: 'INVALID_SESSION_ID',
    });
    t.emulator.sessions.expireAll();
    const fresh = new Connection({
      instanceUrl: t.emulator.url,
      accessToken: 'forged',
      version: VERSION,
    });
    await expect(fresh.query('SELECT Id FROM User')).rejects.toMatchObject({
      errorCode: 'INVALID_SESSION_ID',
    });
  });

  it("when a client forgets the API version, then jsforce's default 50.0 is not served", async () => {
    t = await emulated();
    const old = new Connection({
      instanceUrl: t.emulator.url,
      accessToken: t.conn.accessToken ?? '',
    });
    await expect(old.query('SELECT Id FROM User')).rejects.toMatchObject({
      errorCode: 'NOT_FOUND',
    });
  });
});

describe('daily API limit', () => {
  it('reports usage in Sforce-Limit-Info on every answer, which jsforce reads into limitInfo, and in /limits', async () => {
    t = await emulated({ dailyApiLimit: 5000 });
    await t.conn.query('SELECT Id FROM User');
    expect(t.conn.limitInfo).toEqual({ apiUsage: { used: 1, limit: 5000 } });
    const limits = await t.conn.request<{ DailyApiRequests: { Max: number; Remaining: number } }>(
      '/limits',
    );
    expect(limits.DailyApiRequests).toEqual({ Max: 5000, Remaining: 4998 });
  });

  it('when the limit is used up, then calls answer 403 REQUEST_LIMIT_EXCEEDED, which jsforce does not retry', async () => {
    t = await emulated({ dailyApiLimit: 2 });
    await t.conn.query('SELECT Id FROM User');
    await t.conn.query('SELECT Id FROM User');
    await expect(t.conn.query('SELECT Id FROM User')).rejects.toMatchObject({
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
    });
    expect(t.emulator.requestLog.count({ status: 403 })).toBe(1);
  });
});

describe('fault switches', () => {
  it('when a 503 is injected once, then jsforce retries the GET and succeeds', async () => {
    t = await emulated();
    t.emulator.faults.inject({ kind: 'server-error', route: 'data.query', status: 503, count: 1 });
    expect((await t.conn.query('SELECT Id FROM User')).totalSize).toBe(1);
    expect(t.emulator.requestLog.entries({ route: 'data.query' }).map((e) => e.status)).toEqual([
      503, 200,
    ]);
  });

  it('when a 500 hits a create, then the error is Salesforce-shaped and jsforce does not repeat the POST', async () => {
    t = await emulated();
    t.emulator.faults.inject({ kind: 'server-error', route: 'data.sobject.create', count: 10 });
    await expect(
      t.conn
        .sobject('Opportunity')
        .create({ Name: 'x', StageName: 'Prospecting', CloseDate: '2026-03-31' }),
    ).rejects.toMatchObject({ errorCode: 'UNKNOWN_EXCEPTION' });
    expect(t.emulator.requestLog.count({ route: 'data.sobject.create' })).toBe(1);
  });
});
