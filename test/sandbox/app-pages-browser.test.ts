// HubSpot's app pages in the sandbox, in real Chromium (issue 23): the backend's dashboard equals the
// sandbox dashboard on the seed; a CS manager opens the queue,
// accepts the top breached handoff from its row, the row leaves the queue, and the dashboard's
// attainment for that week changes as computed by hand; axe-core finds nothing serious or critical
// on the queue or the dashboard for any viewer; screenshots at 1280 and 1024 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardResponse, Metrics } from '@handoff/shared';
import { dealPlans } from '../../sandbox/server/seed/deals.js';
import {
  axeFindings,
  blocking,
  countByImpact,
  hasChromium,
  openSandbox,
  type BrowserRun,
} from './browser.js';

const describeIfChromium = hasChromium ? describe : describe.skip;
const REP = dealPlans().find((d) => d.key === 'w17')?.owner ?? 'rep1';
const VIEWERS = ['cs1', 'admin', REP, 'guest'];
const CS_SLA = 'CS accepts the handoff';

describeIfChromium(
  `HubSpot's app pages in the sandbox${hasChromium ? '' : ' (skipped: no Chromium, see stderr)'}`,
  () => {
    let run: BrowserRun;
    beforeAll(async () => {
      run = await openSandbox({ width: 1280, height: 900 });
    }, 300_000);
    afterAll(async () => {
      await run?.close();
    });

    const queue = async (viewer: string) => {
      await run.page.goto(`${run.sandbox.url}/app?viewer=${viewer}`);
      await run.page
        .locator('[data-testid="queue-summary"], .hs-state')
        .first()
        .waitFor({ timeout: 60_000 });
    };
    const dashboard = async (viewer: string) => {
      await run.page.goto(`${run.sandbox.url}/app/dashboard?viewer=${viewer}`);
      await run.page
        .locator('[data-testid="attention-by-sla"], .hs-state')
        .first()
        .waitFor({ timeout: 60_000 });
    };
    /** The CS SLA's row of the dashboard's table view: [whole period, …each week]. */
    const csAttainment = async () => {
      await dashboard('cs1');
      await run.page.locator('select[name="view"]').selectOption('tables');
      const row = run.page.getByTestId('table-attainment').locator('tr', { hasText: CS_SLA });
      const cells = await row.locator('td').allInnerTexts();
      const weeks = await run.page.getByTestId('table-attainment').locator('th').allInnerTexts();
      return { cells: cells.slice(1), weeks: weeks.slice(2) };
    };

    it("when the backend's dashboard (from its store) and the sandbox dashboard (from the emulator) compute the seed's last 90 days, then every metric is the same", async () => {
      const admin = run.sandbox.meta.people.find((p) => p.key === 'admin')?.userId ?? '';
      const sandbox = (await (await fetch(`${run.sandbox.url}/api/metrics`)).json()) as Metrics;
      const answer = (await (
        await fetch(`${run.sandbox.url}/host/fetch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            url: 'https://api.handoff.example/v1/hubspot/dashboard?period=last_90_days',
            method: 'GET',
            userId: admin,
          }),
        })
      ).json()) as { status: number; body: DashboardResponse };
      expect(answer.status).toBe(200);
      const { metrics } = answer.body;
      expect(metrics.slas.some((s) => s.completed > 0)).toBe(true);
      expect({
        handoffs: metrics.handoffs,
        slas: metrics.slas,
        stages: metrics.stages,
        leadToCustomer: metrics.leadToCustomer,
        speedToLead: metrics.speedToLead,
        seams: metrics.seams,
      }).toEqual({
        handoffs: sandbox.handoffs,
        slas: sandbox.slas,
        stages: sandbox.stages,
        leadToCustomer: sandbox.leadToCustomer,
        speedToLead: sandbox.speedToLead,
        seams: sandbox.seams,
      });
    }, 120_000);

    it("when a CS manager accepts the top breached handoff from its row, then the row leaves the queue and that week's attainment changes as computed by hand", async () => {
      const before = await csAttainment();
      // The sandbox clock stands on Tuesday 17 November 2026: the last column is the week of Monday the 16th.
      expect(before.weeks.at(-1)).toBe('Week of 2026-11-16');
      // Nothing has finished this week yet; over the 30 days m of n were accepted on time.
      expect(before.cells.at(-1)).toBe('— (0 of 0)');
      const [, m = 0, n = 0] = /\((\d+) of (\d+)\)/.exec(before.cells[0] ?? '')?.map(Number) ?? [];

      await queue('cs1');
      const table = run.page.getByTestId('queue-table');
      const top = table.locator('tbody tr').first();
      await expect.poll(() => top.locator('.hs-tag').last().innerText()).toBe('BREACHED');
      const name = await top.locator('a').first().innerText();
      await top.getByRole('button', { name: 'Accept' }).click();
      await run.page.getByText(`Accepted Sales → CS on ${name}.`).waitFor({ timeout: 30_000 });
      await expect.poll(() => table.locator('tbody tr', { hasText: name }).count()).toBe(0);

      const after = await csAttainment();
      // Accepted past its due time: one more finished timer this week, not met on time.
      expect(after.cells.at(-1)).toBe('0 % (0 of 1)');
      expect(after.cells[0]).toBe(`${Math.round((m / (n + 1)) * 100)} % (${m} of ${n + 1})`);
    }, 300_000);

    for (const viewer of VIEWERS) {
      for (const [screen, show] of [
        ['queue', queue],
        ['dashboard', dashboard],
      ] as const) {
        it(`when ${viewer} opens the app's ${screen}, then axe-core finds no serious or critical violation`, async () => {
          await show(viewer);
          const findings = await axeFindings(run.page);
          process.stdout.write(
            `axe app ${screen} as ${viewer}: ${JSON.stringify(countByImpact(findings))}\n`,
          );
          expect(blocking(findings)).toEqual([]);
        }, 120_000);
      }
    }

    it('shows the queue and the dashboard at 1280 and 1024 px wide', async () => {
      for (const width of [1280, 1024]) {
        await run.page.setViewportSize({ width, height: 900 });
        await queue('cs1');
        await run.shot(`app-queue-${width}`);
        await dashboard('cs1');
        await run.shot(`app-dashboard-${width}`);
        const overflow = await run.page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
      }
    }, 120_000);
  },
);
