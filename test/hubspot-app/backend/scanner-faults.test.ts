import { Client } from '@hubspot/api-client';
import { afterEach, describe, expect, it } from 'vitest';
import { seedScanPortal } from './scan-fixture.js';
import { startServiceHarness, type ServiceHarness } from './service-harness.js';

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
  // Deal and owner ids differ between the two portals; the SLA, level and start instant do not.
  return keys.map((k) => k.split(':').slice(3, 6).join(':')).sort();
}

describe('the scanner under faults', () => {
  it('when HubSpot answers 429, 5xx and drops connections during a scan, then the end state is the same as without faults', async () => {
    h = await startServiceHarness();
    const calm = await seedScanPortal(h, { perGroup: 5, inertWon: 250, total: 400 });
    await h.service.scanner.scanPortal(calm.portalId);
    const expected = await taskKeys(h, calm.portalId);
    // 5 deals per group × (1 + 1 + 1 + 1) tasks, as counted in the 12,000-deal test.
    expect(expected).toHaveLength(5 * 4);

    const stormy = await seedScanPortal(h, { perGroup: 5, inertWon: 250, total: 400 });
    h.emulator.faults.inject({ kind: 'rate-limit', route: 'crm.objects.search', count: 2 });
    h.emulator.faults.inject({ kind: 'server-error', route: 'crm.objects.create', count: 3 });
    h.emulator.faults.inject({
      kind: 'server-error',
      route: 'crm.objects.batchUpdate',
      count: 2,
      status: 502,
    });
    h.emulator.faults.inject({
      kind: 'timeout',
      route: 'crm.objects.create',
      count: 1,
      hangMs: 200,
    });
    const report = await h.service.scanner.scanPortal(stormy.portalId);
    expect(report.escalations).toBe(5 * 7);
    const got = await taskKeys(h, stormy.portalId);
    expect(got).toEqual(expected);
    expect(
      h.emulator.requestLog.entries().filter((e) => e.fault !== undefined).length,
    ).toBeGreaterThanOrEqual(7);
  });
});
