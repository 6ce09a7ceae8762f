// hubspot-app/Dockerfile and compose.yaml, read statically: no Docker engine runs here or in CI, so
// the image itself is not built by the tests (built-entry.test.ts runs what it would run). This
// checks what can be checked without one: every file it copies exists, it runs as a non-root user
// with a HEALTHCHECK, ships only the built entry and production packages, and compose builds it.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const dockerfile = readFileSync(`${ROOT}hubspot-app/Dockerfile`, 'utf8');
/** Instructions with their continuation lines joined. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'));
const stages = instructions.filter((l) => l.startsWith('FROM '));
const lastStage = instructions.slice(instructions.lastIndexOf(stages.at(-1) ?? ''));

describe('hubspot-app/Dockerfile', () => {
  it('when it copies from the build context, then every source exists in the repository', () => {
    const sources = instructions
      .filter((l) => l.startsWith('COPY ') && !l.includes('--from='))
      .flatMap((l) => l.split(/\s+/).slice(1, -1));
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) expect(existsSync(`${ROOT}${source}`), source).toBe(true);
  });

  it('when it runs, then it is multi-stage, non-root, health-checked and starts the built entry', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(lastStage).toContain('USER node');
    expect(lastStage.some((l) => l.startsWith('HEALTHCHECK ') && l.includes('/healthz'))).toBe(
      true,
    );
    expect(lastStage.at(-1)).toBe('CMD ["node", "--enable-source-maps", "main.js"]');
    // The runtime stage gets the bundle and the production packages only: no sources, no npm ci.
    expect(lastStage.filter((l) => l.startsWith('COPY '))).toEqual([
      'COPY --from=runtime-deps /app/node_modules ./node_modules',
      'COPY --from=build /src/hubspot-app/dist/main.js /src/hubspot-app/dist/main.js.map /src/hubspot-app/dist/package.json ./',
    ]);
    expect(instructions.some((l) => l.includes('npm install --omit=dev'))).toBe(true);
    expect(instructions).toContain('RUN npm run build:backend');
  });

  it('when compose runs it, then it builds this Dockerfile from the repository root against PostgreSQL', () => {
    const compose = readFileSync(`${ROOT}hubspot-app/compose.yaml`, 'utf8');
    expect(compose).toMatch(/context: \.\.\n\s+dockerfile: hubspot-app\/Dockerfile/);
    expect(compose).toMatch(/DATABASE_URL: postgres:\/\/handoff:handoff@postgres:5432\/handoff/);
    expect(compose).toContain("'127.0.0.1:9464:9464'");
  });
});
