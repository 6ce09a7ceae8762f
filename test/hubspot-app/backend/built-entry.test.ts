// `npm run build:backend` (issue 21): hubspot-app/dist/main.js runs with no dev dependency installed.
// The proof: dist/ copied to an empty folder outside the workspace (no node_modules above it), given
// only the packages dist/package.json lists and their production dependencies — the same packages,
// at the same versions, that `npm install --omit=dev` there (the Dockerfile's step) installs, copied
// from this workspace rather than downloaded, since the native one is already built for this Node —
// then started with plain `node`: /healthz, /readyz and /metrics answer, and SIGTERM stops it.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { GOOD_KEY, healthy, randomPort } from './serve.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIST = join(ROOT, 'hubspot-app/dist');

type Manifest = {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  version: string;
};
const manifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

/** The packages `names` need at run time, each with its dependencies, as this workspace has them. */
function productionClosure(names: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const queue = [...names];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (found.has(name)) continue;
    const dir = join(ROOT, 'node_modules', name);
    if (!existsSync(dir)) continue; // an optional dependency not installed for this platform
    found.set(name, dir);
    const m = manifest(dir);
    queue.push(...Object.keys({ ...m.dependencies, ...m.optionalDependencies }));
  }
  return found;
}

let folder = '';
beforeAll(() => {
  const built = spawnSync(
    join(ROOT, 'node_modules/.bin/tsx'),
    [join(ROOT, 'hubspot-app/scripts/build-backend.ts')],
    { encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`build:backend failed: ${built.stderr}`);
  folder = mkdtempSync(join(tmpdir(), 'handoff-built-'));
  // Nothing above the folder may supply packages Node would find by walking up.
  for (let dir = folder; dir !== parse(dir).root; dir = dirname(dir))
    if (existsSync(join(dirname(dir), 'node_modules')))
      throw new Error(`${dirname(dir)}/node_modules would leak packages into the test`);
  for (const file of ['main.js', 'main.js.map', 'package.json'])
    cpSync(join(DIST, file), join(folder, file));
  const wanted = Object.keys(manifest(DIST).dependencies ?? {});
  for (const [name, dir] of productionClosure(wanted)) {
    mkdirSync(dirname(join(folder, 'node_modules', name)), { recursive: true });
    cpSync(dir, join(folder, 'node_modules', name), { recursive: true });
  }
}, 180_000);

describe('npm run build:backend', () => {
  it('when built, then only the native module is left outside the bundle, at the version hubspot-app pins', () => {
    const app = manifest(join(ROOT, 'hubspot-app'));
    expect(manifest(DIST).dependencies).toEqual({
      'better-sqlite3': app.dependencies?.['better-sqlite3'],
    });
    // Bundled: the service's own pure-JavaScript dependencies are not beside it.
    const installed = readdirSync(join(folder, 'node_modules'));
    for (const bundled of ['fastify', 'pg', 'pino', 'prom-client', 'zod', '@handoff', '@hubspot'])
      expect(installed).not.toContain(bundled);
    expect(readFileSync(join(DIST, 'main.js'), 'utf8')).toMatch(
      /\/\/# sourceMappingURL=main\.js\.map\s*$/,
    );
  });

  it('when started with node and production dependencies only, then /healthz, /readyz and /metrics answer and SIGTERM stops it', async () => {
    const port = randomPort();
    const metricsPort = randomPort();
    const child = spawn(process.execPath, ['--enable-source-maps', 'main.js'], {
      cwd: folder,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        HUBSPOT_CLIENT_SECRET: 'a-secret-of-sixteen+',
        HUBSPOT_CLIENT_ID: 'client-1',
        HANDOFF_TOKEN_KEY: GOOD_KEY,
        PUBLIC_URL: 'https://api.handoff.example',
        PORT: String(port),
        METRICS_PORT: String(metricsPort),
        HANDOFF_DATA_DIR: join(folder, 'data'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      expect(await healthy(port), stderr).toBe(true);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect({ status: ready.status, body: await ready.json() }).toEqual({
        status: 200,
        body: { ready: true, checks: { store: 'ok', tokenKey: 'ok' } },
      });
      const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      expect(metrics).toMatch(
        /^handoff_http_requests_total\{route="\/readyz",method="GET",status="200"\} 1$/m,
      );
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  }, 30_000);
});
