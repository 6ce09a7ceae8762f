import { Client } from '@hubspot/api-client';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SECRET } from './harness.js';
import { acceptGroups, seedScanPortal, SCAN_NOW } from './scan-fixture.js';
import { startServiceHarness, TOKEN_KEY, type ServiceHarness } from './service-harness.js';

const CHILD = fileURLToPath(new URL('./scan-child.ts', import.meta.url));

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function tasksOf(
  harness: ServiceHarness,
  portalId: string,
): Promise<{ key: string; status: string }[]> {
  const client = new Client({
    accessToken: (await harness.service.tokens.accessToken(portalId)) ?? '',
    basePath: harness.emulator.url,
  });
  const tasks: { key: string; status: string }[] = [];
  let after: string | undefined;
  do {
    harness.emulator.resetRateLimits();
    const page = await client.crm.objects.tasks.basicApi.getPage(100, after, [
      'handoff_key',
      'hs_task_status',
    ]);
    tasks.push(
      ...page.results.map((t) => ({
        key: t.properties.handoff_key ?? '',
        status: t.properties.hs_task_status ?? '',
      })),
    );
    after = page.paging?.next?.after;
  } while (after);
  return tasks;
}

async function taskKeys(harness: ServiceHarness, portalId: string): Promise<string[]> {
  return (await tasksOf(harness, portalId)).map((t) => t.key);
}

/** Runs the scanner in a child process and SIGKILLs it the moment HubSpot has created a task. */
async function scanAndKill(harness: ServiceHarness, dbFile: string, portalId: string) {
  await harness.service.tokens.accessToken(portalId); // refresh now, so the child reuses a fresh token
  // node itself, not the tsx wrapper: SIGKILL must reach the process that scans.
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: {
      PATH: process.env.PATH ?? '',
      SCAN_NOW: String(harness.clock.now()),
      SCAN_DB: dbFile,
      SCAN_API: harness.emulator.url,
      SCAN_SECRET: SECRET,
      SCAN_TOKEN_KEY: TOKEN_KEY,
      SCAN_PORTAL: portalId,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<string | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  const created = () =>
    harness.emulator.requestLog
      .entries()
      .some((e) => e.method === 'POST' && e.path === '/crm/v3/objects/tasks' && e.status === 201);
  while (!created() && child.exitCode === null) await new Promise((r) => setImmediate(r));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
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
    // Counted by hand as in the 12,000-deal test: 3 deals per group × (1 + 1 + 1 + 1) tasks.

    expect(after).toHaveLength(3 * 4);
    expect(new Set(after).size).toBe(after.length);
    expect(
      [...(await h.store.escalationsOf(portal.portalId)).values()].every((s) => s === 'done'),
    ).toBe(true);
  }, 60_000);

  it('when the process is killed after creating a task and the SLA is met before the next scan, then that scan completes the task it never recorded', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'handoff-crash-')), 'hubspot.db');
    h = await startServiceHarness({ dbFile });
    const portal = await seedScanPortal(h, { perGroup: 3, inertWon: 10, total: 40 });
    await scanAndKill(h, dbFile, portal.portalId);
    const created = await tasksOf(h, portal.portalId);
    expect(created.length).toBeGreaterThanOrEqual(1);

    // Every handoff is accepted once the dead scanner's lease has run out: every timer is met, so
    // no escalation is planned again — the tasks it created are known only from the store.
    h.clock.set(SCAN_NOW + 5 * 60_000 + 1);
    await acceptGroups(h, portal, ['A1', 'A2', 'A3', 'C1', 'C2', 'C3'], h.clock.now());
    h.clock.advance(60_000);
    h.emulator.resetRateLimits();
    const report = await h.service.scanner.scanPortal(portal.portalId);
    expect(report).toMatchObject({ escalations: 0, tasksCompleted: created.length });

    const after = await tasksOf(h, portal.portalId);
    expect(after.map((t) => t.key).sort()).toEqual(created.map((t) => t.key).sort());
    expect(after.filter((t) => t.status !== 'COMPLETED')).toEqual([]);
    h.emulator.resetRateLimits();
    expect(await h.service.scanner.scanPortal(portal.portalId)).toMatchObject({
      completionCalls: 0,
    });
  }, 60_000);
});
