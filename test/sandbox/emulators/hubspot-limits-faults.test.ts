import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectHubSpotError, failure, fastBackoff, raw, setup, type Setup } from './helpers.js';

let env: Setup;
beforeEach(async () => {
  env = await setup({ maxHangMs: 300 });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await env.emulator.close();
});

describe('the marketplace rate limit', () => {
  it('when a portal makes its 111th call within 10 s, then 429 TEN_SECONDLY_ROLLING with headers; other portals are unaffected', async () => {
    const deals = env.client().crm.deals.basicApi;
    let last = await raw(env.emulator, '/crm/v3/objects/deals', { token: env.portal.accessToken });
    expect(last.headers.get('x-hubspot-ratelimit-max')).toBe('110');
    expect(last.headers.get('x-hubspot-ratelimit-remaining')).toBe('109');
    expect(last.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
    for (let index = 1; index < 110; index += 1) {
      last = await raw(env.emulator, '/crm/v3/objects/deals', { token: env.portal.accessToken });
    }
    expect(last.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');

    const limited = await failure(deals.getPage());
    expect(limited.code).toBe(429);
    expect(limited.body).toMatchObject({
      status: 'error',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
      message: 'You have reached your ten_secondly_rolling limit.',
    });
    expect(limited.headers['x-hubspot-ratelimit-remaining']).toBe('0');

    const other = env.emulator.portals.create();
    await expect(
      env.client({ accessToken: other.accessToken }).crm.deals.basicApi.getPage(),
    ).resolves.toBeDefined();

    // The window rolls on the emulator clock: no real sleeping.
    env.clock.advance(9_999);
    expect((await failure(deals.getPage())).code).toBe(429);
    env.clock.advance(1);
    await expect(deals.getPage()).resolves.toBeDefined();
  });

  it('when the SDK with retries meets TEN_SECONDLY_ROLLING, then it waits 10 s × attempt and the retry succeeds', async () => {
    for (let index = 0; index < 110; index += 1)
      await raw(env.emulator, '/crm/v3/objects/deals', { token: env.portal.accessToken });
    const waits = fastBackoff(env.clock);
    const client = env.client({ numberOfApiCallRetries: 3 });
    await expect(client.crm.deals.basicApi.getPage()).resolves.toBeDefined();
    expect(waits).toEqual([10_000]);
    expect(env.emulator.requestLog.count({ route: 'crm.objects.list', status: 429 })).toBe(1);
  });
});

describe('fault switches', () => {
  it('when a 429 is injected for the next 2 calls, then the SDK retries twice (10 s, 20 s) and then succeeds', async () => {
    const waits = fastBackoff(env.clock);
    env.emulator.faults.inject({ kind: 'rate-limit', route: 'crm.objects.get', count: 2 });
    const dealId = env.emulator.seed.deal(env.portal.portalId);
    const client = env.client({ numberOfApiCallRetries: 3 });
    await expect(client.crm.deals.basicApi.getById(dealId)).resolves.toMatchObject({ id: dealId });
    expect(waits).toEqual([10_000, 20_000]);
    expect(
      env.emulator.requestLog
        .entries({ route: 'crm.objects.get' })
        .map((entry) => [entry.status, entry.fault]),
    ).toEqual([
      [429, 'rate-limit'],
      [429, 'rate-limit'],
      [200, undefined],
    ]);
  });

  it('when a 5xx is injected, then the SDK waits 200 ms × attempt; without retries the error reaches the caller', async () => {
    const waits = fastBackoff(env.clock);
    env.emulator.faults.inject({ kind: 'server-error', route: '*', count: 2, status: 503 });
    await expect(
      env.client({ numberOfApiCallRetries: 3 }).crm.deals.basicApi.getPage(),
    ).resolves.toBeDefined();
    expect(waits).toEqual([200, 400]);

    env.emulator.faults.inject({ kind: 'server-error', route: '*', count: 1 });
    const error = await failure(env.client().crm.deals.basicApi.getPage());
    expect(error.code).toBe(500);
    expectHubSpotError(error.body, 'INTERNAL_ERROR');
  });

  it('when the client has no retries configured, then an injected 429 reaches the caller after one request', async () => {
    fastBackoff(env.clock);
    env.emulator.faults.inject({ kind: 'rate-limit', route: 'crm.objects.get', count: 1 });
    const dealId = env.emulator.seed.deal(env.portal.portalId);
    const withoutRetries = await failure(env.client().crm.deals.basicApi.getById(dealId));
    expect(withoutRetries.code).toBe(429);
    expect(env.emulator.requestLog.count({ route: 'crm.objects.get' })).toBe(1);
  });

  it('when a timeout is injected, then the request hangs until the bound and the client sees a dropped connection', async () => {
    env.emulator.faults.inject({
      kind: 'timeout',
      route: 'crm.objects.list',
      count: 1,
      hangMs: 150,
    });
    const started = performance.now();
    await expect(env.client().crm.deals.basicApi.getPage()).rejects.toThrow(
      /socket hang up|ECONNRESET/,
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    await expect(env.client().crm.deals.basicApi.getPage()).resolves.toBeDefined();
  });

  it('when a malformed body is injected, then the write still happens but the client cannot parse the answer', async () => {
    env.emulator.faults.inject({ kind: 'malformed-json', route: 'crm.objects.create', count: 1 });
    const client = env.client();
    await expect(
      client.crm.deals.basicApi.create({ properties: { dealname: 'Ghost' }, associations: [] }),
    ).rejects.toThrow(SyntaxError);
    const found = await client.crm.deals.searchApi.doSearch({
      filterGroups: [],
      properties: ['dealname'],
    });
    expect(found.results.map((deal) => deal.properties.dealname)).toEqual(['Ghost']);
  });

  it('when a ratio is set, then about that share of requests fail, reproducibly for a seed', async () => {
    env.emulator.faults.inject({ kind: 'server-error', route: 'crm.objects.list', ratio: 0.3 });
    const statuses: number[] = [];
    for (let index = 0; index < 100; index += 1) {
      env.clock.advance(100);
      statuses.push(
        (await raw(env.emulator, '/crm/v3/objects/deals', { token: env.portal.accessToken }))
          .status,
      );
    }
    const failed = statuses.filter((status) => status === 500).length;
    expect(failed).toBeGreaterThan(15);
    expect(failed).toBeLessThan(45);
    env.emulator.faults.clear();
    expect(
      (await raw(env.emulator, '/crm/v3/objects/deals', { token: env.portal.accessToken })).status,
    ).toBe(200);
  });

  it('when a fault is misconfigured, then inject refuses it', () => {
    expect(() => env.emulator.faults.inject({ kind: 'timeout', route: '*' })).toThrow(
      /exactly one/,
    );
    expect(() => env.emulator.faults.inject({ kind: 'timeout', route: '*', ratio: 1.5 })).toThrow(
      RangeError,
    );
    expect(() => env.emulator.faults.inject({ kind: 'timeout', route: '*', count: 0 })).toThrow(
      RangeError,
    );
  });
});

describe('request bodies', () => {
  it('when the JSON is invalid, then 400; when it exceeds 1 MB, then 413; both are logged', async () => {
    const token = env.portal.accessToken;
    const invalid = await raw(env.emulator, '/crm/v3/objects/deals', {
      method: 'POST',
      token,
      body: '{"properties":',
    });
    expect(invalid.status).toBe(400);
    expectHubSpotError(invalid.json(), 'VALIDATION_ERROR');
    const huge = await raw(env.emulator, '/crm/v3/objects/deals', {
      method: 'POST',
      token,
      body: JSON.stringify({ properties: { dealname: 'x'.repeat(1_100_000) } }),
    });
    expect(huge.status).toBe(413);
    expect(
      env.emulator.requestLog.entries({ method: 'POST' }).map((entry) => entry.status),
    ).toEqual([400, 413]);
  });
});
