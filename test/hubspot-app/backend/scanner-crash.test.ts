import { Client } from '@hubspot/api-client';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SECRET } from './harness.js';
import { seedScanPortal } from './scan-fixture.js';
import { startServiceHarness, TOKEN_KEY, type ServiceHarness } from './service-harness.js';

const CHILD = fileURLToPath(new URL('./scan-child.ts', import.meta.url));

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function taskKeys(harness: ServiceHarness, portalId: string): Promise<string[]> {
  const client = new Client({
    accessToken: (await harness.service.tokens.accessToken(portalId)) ?? '',
    basePath: harness.emulator.url,
  });
  const keys: string[] = [];
  let after: string | undefined;
  do {
    harness.emulator.resetRateLimits();
    const page = await client.crm.objects.tasks.basicApi.getPage(100, after, ['handoff_key']);
    keys.push(...page.results.map((t) => t.properties.handoff_key ?? ''));
    after = page.paging?.next?.after;
  } while (after);
  return keys;
}

describe('the scanner killed mid-scan', () => {
  it('when the process is SIGKILLed right after HubSpot created a task, then the next scan creates no duplicate and misses nothing', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'handoff-crash-')), 'hubspot.db');
    h = await startServiceHarness({ dbFile });
    const portal = await seedScanPortal(h, { perGroup: 3, inertWon: 10, total: 40 });
    await h.service.tokens.accessToken(portal.portalId); // refresh now, so the child reuses a fresh token

    // node itself, not the tsx wrapper: SIGKILL must reach the process that scans.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: {
        PATH: process.env.PATH ?? '',
        SCAN_NOW: String(h.clock.now()),
        SCAN_DB: dbFile,
        SCAN_API: h.emulator.url,
        SCAN_SECRET: SECRET,
        SCAN_TOKEN_KEY: TOKEN_KEY,
        SCAN_PORTAL: portal.portalId,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<string | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    // Kill it the moment the emulator has answered its first task creation.
    const created = () =>
      h?.emulator.requestLog
        .entries()
        .some((e) => e.method === 'POST' && e.path === '/crm/v3/objects/tasks' && e.status === 201);
    while (!created() && child.exitCode === null) await new Promise((r) => setImmediate(r));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const before = await taskKeys(h, portal.portalId);

    expect(before.length).toBeGreaterThanOrEqual(1);
    // The dead process still holds the portal's lease: the next scan yields until it runs out.
    h.emulator.resetRateLimits();
    expect((await h.service.scanner.scanPortal(portal.portalId)).skipped).toBe('leased');
    h.clock.advance(5 * 60_000 + 1);
    const report = await h.service.scanner.scanPortal(portal.portalId);
    expect(report.skipped).toBeUndefined();
    const after = await taskKeys(h, portal.portalId);
    // Counted by hand as in the 12,000-deal test: 3 deals per group × (2 + 1 + 2 + 1) tasks.

    expect(after).toHaveLength(3 * 6);
    expect(new Set(after).size).toBe(after.length);
    expect(
      [...(await h.store.escalationsOf(portal.portalId)).values()].every((s) => s === 'done'),
    ).toBe(true);
  }, 60_000);
});
