import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../sandbox/emulators/plumbing/clock.js';
import { FaultSwitches } from '../../../sandbox/emulators/plumbing/faults.js';
import { startHarness } from '../../../sandbox/emulators/plumbing/http.js';
import { RequestLog } from '../../../sandbox/emulators/plumbing/request-log.js';
import { RouteTable } from '../../../sandbox/emulators/plumbing/router.js';
import { openDatabase } from '../../../sandbox/emulators/plumbing/storage.js';

const plainErrors = {
  notFound: () => ({ status: 404, body: { error: 'not found' } }),
  badRequest: (message: string) => ({ status: 400, body: { error: message } }),
  payloadTooLarge: () => ({ status: 413, body: { error: 'too large' } }),
  rateLimited: () => ({
    status: 429,
    body: { error: 'slow down' },
    headers: { 'retry-after': '1' },
  }),
  serverError: (status: number) => ({ status, body: { error: 'boom' } }),
};

describe('ManualClock', () => {
  it('when set or advanced, then now() follows; going backwards by advance is refused', () => {
    const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
    expect(clock.advance(1_500)).toBe(Date.UTC(2026, 0, 1, 0, 0, 1, 500));
    clock.set(0);
    expect(clock.now()).toBe(0);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});

describe('RouteTable', () => {
  const handler = () => ({ status: 200 });
  const table = new RouteTable().add(
    {
      name: 'literal',
      method: 'GET',
      path: '/things/special',
      docs: 'https://example.com/a',
      handler,
    },
    { name: 'param', method: 'GET', path: '/things/:id', docs: 'https://example.com/b', handler },
  );

  it('when paths match, then the first registered route wins and parameters are decoded', () => {
    expect(table.match('GET', '/things/special')?.route.name).toBe('literal');
    expect(table.match('GET', '/things/a%20b')?.params).toEqual({ id: 'a b' });
    expect(table.match('GET', '/things/1/')?.route.name).toBe('param');
  });

  it('when the method or segment count differs, then nothing matches', () => {
    expect(table.match('POST', '/things/1')).toBeUndefined();
    expect(table.match('GET', '/things/1/more')).toBeUndefined();
    expect(table.list().map((route) => route.docs)).toEqual([
      'https://example.com/a',
      'https://example.com/b',
    ]);
  });
});

describe('FaultSwitches', () => {
  it('when a count is set, then exactly that many matching requests are hit, other routes never', () => {
    const faults = new FaultSwitches();
    faults.inject({ kind: 'server-error', route: 'a', count: 2 });
    expect(
      [faults.take('b'), faults.take('a'), faults.take('a'), faults.take('a')].map(
        (hit) => hit?.kind,
      ),
    ).toEqual([undefined, 'server-error', 'server-error', undefined]);
    expect(faults.active()).toEqual([]);
  });

  it('when a ratio is set, then the same seed gives the same sequence', () => {
    const run = () => {
      const faults = new FaultSwitches(7);
      faults.inject({ kind: 'timeout', route: '*', ratio: 0.5 });
      return Array.from({ length: 20 }, () => faults.take('x') !== undefined);
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(first.filter(Boolean).length).toBeGreaterThan(3);
    expect(first.filter(Boolean).length).toBeLessThan(17);
  });
});

describe('harness', () => {
  it('when a platform answers with its own error bodies, then the harness uses them and logs every request', async () => {
    const clock = new ManualClock(1_000);
    const log = new RequestLog();
    const faults = new FaultSwitches();
    const routes = new RouteTable().add({
      name: 'echo',
      method: 'POST',
      path: '/echo',
      docs: 'https://example.com/echo',
      handler: (request) => ({ status: 200, body: { got: request.body } }),
    });
    const harness = await startHarness({
      routes,
      clock,
      log,
      faults,
      errors: plainErrors,
      maxBodyBytes: 64,
    });
    try {
      const post = (body: string) =>
        fetch(`${harness.url}/echo`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
      expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await post('{"a":1}')).json()).toEqual({ got: { a: 1 } });
      expect((await post('{')).status).toBe(400);
      expect((await post(JSON.stringify({ a: 'x'.repeat(100) }))).status).toBe(413);
      expect((await fetch(`${harness.url}/nope`)).status).toBe(404);
      faults.inject({ kind: 'rate-limit', route: 'echo', count: 1 });
      const limited = await post('{}');
      expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '1']);
      expect(log.entries().map((entry) => [entry.status, entry.route, entry.at])).toEqual([
        [200, 'echo', 1_000],
        [400, 'echo', 1_000],
        [413, 'echo', 1_000],
        [404, undefined, 1_000],
        [429, 'echo', 1_000],
      ]);
    } finally {
      await harness.close();
    }
  });
});

describe('storage', () => {
  it('when opened in memory with a schema, then it is ready to use', () => {
    const db = openDatabase(':memory:', 'CREATE TABLE t (x INTEGER)');
    db.prepare('INSERT INTO t VALUES (1)').run();
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
    db.close();
  });
});

describe('README', () => {
  it('when a route exists, then the README route table lists it with its documentation URL', async () => {
    const { readFile } = await import('node:fs/promises');
    const { startHubSpotEmulator } = await import('../../../sandbox/emulators/hubspot/index.js');
    const readme = await readFile(
      new URL('../../../sandbox/emulators/README.md', import.meta.url),
      'utf8',
    );
    // Prettier pads table cells, so compare trimmed cells.
    const rows = readme
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .map((line) =>
        line
          .split(' | ')
          .map((cell) => cell.replace(/^\|/, '').replace(/\|$/, '').trim())
          .join(' | '),
      );
    const emulator = await startHubSpotEmulator({ clock: new ManualClock() });
    try {
      for (const route of emulator.routes) {
        expect(rows).toContain(
          `${route.method} | \`${route.path}\` | \`${route.name}\` | ${route.docs}`,
        );
      }
    } finally {
      await emulator.close();
    }
  });
});
