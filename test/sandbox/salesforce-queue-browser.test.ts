// The Salesforce queue in the sandbox in real Chromium: c-handoff-queue (the package's real LWC,
// compiled, on the stand-in LDS) beside HubSpot's queue page at /app. A CS manager accepts the most
// urgent handoff from its row: the panel's write reaches the emulator (its validation rules judge
// it), the header records the accept SLA's outcome, and the row leaves the queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIMER_STATES } from '@handoff/shared';
import { loadSalesforceComponents } from '../../sandbox/server/lwc-bundle.js';
import { orgNames } from '../../salesforce-package/tools/names.js';
import { axeFindings, blocking, hasChromium, openSandbox, type BrowserRun } from './browser.js';

const describeIfChromium = hasChromium ? describe : describe.skip;
const POLL = { timeout: 30_000 };
const names = orgNames();

describeIfChromium('Salesforce queue in the sandbox', () => {
  let run: BrowserRun;
  beforeAll(async () => {
    run = await openSandbox({ width: 1280, height: 900 });
    await loadSalesforceComponents();
  }, 300_000);
  afterAll(async () => {
    await run?.close();
  });

  const queue = () => run.page.frameLocator('[data-testid="sf-queue-frame"]');
  const rows = () => queue().locator('[data-id="queue-row"]');
  const recordNames = async () =>
    (await rows().locator('[data-id="queue-record"]').allTextContents()).map((t) => t.trim());

  it('when a CS manager opens the app page, then the Salesforce queue lists their handoffs beside HubSpot’s, breached first, with no serious accessibility finding', async () => {
    await run.page.goto(`${run.sandbox.url}/app?viewer=cs1`);
    await rows().first().waitFor(POLL);
    const states = (await rows().all()).map((row) =>
      row.locator('[data-id="queue-timer-state"]').textContent(),
    );
    const labels = (await Promise.all(states)).map((t) => t?.trim());
    expect(labels[0]).toBe(TIMER_STATES.breached.label);
    // Breached first, then at risk, then on track: the core's queue order.
    const rank = (label: string | undefined) =>
      ['breached', 'at_risk', 'running', 'paused'].findIndex(
        (s) => TIMER_STATES[s as keyof typeof TIMER_STATES].label === label,
      );
    const ranks = labels.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(await run.page.getByTestId('app-pages').isVisible()).toBe(true);
    await run.page.screenshot({ path: shot('queue-cs1-1280'), fullPage: true });
    await run.page.setViewportSize({ width: 1024, height: 900 });
    await rows().first().waitFor(POLL);
    await run.page.screenshot({ path: shot('queue-cs1-1024'), fullPage: true });
    await run.page.setViewportSize({ width: 1280, height: 900 });
    expect(blocking(await axeFindings(run.page))).toEqual([]);
  }, 120_000);

  it('when the CS manager accepts the top row, then the header is accepted with its SLA outcome and the row leaves the queue', async () => {
    await rows().first().waitFor(POLL);
    const [top] = await recordNames();
    const before = (await recordNames()).length;
    const write = run.page.waitForResponse(
      (r) => r.url().includes('/sf/api/ui-api/records') && r.request().method() === 'PATCH',
      POLL,
    );
    await rows().first().locator('[data-id="queue-accept"] button').click();
    expect((await write).status()).toBe(200);
    await expect.poll(async () => (await recordNames()).includes(top ?? ''), POLL).toBe(false);
    expect((await recordNames()).length).toBe(before - 1);
    const opportunity = run.sandbox.salesforce.emulator
      .records('Opportunity')
      .find((o) => o.Name === top);
    const header = run.sandbox.salesforce.emulator
      .records(names.handoff)
      .find(
        (h) =>
          h[names.field('Opportunity__c')] === opportunity?.Id &&
          h[names.field('Status__c')] === 'accepted',
      );
    // It was breached: accepted now, the SLA was met late.
    expect(header?.[names.field('SLA_Outcome__c')]).toBe('met_late');
    expect(header?.[names.field('SLA_Id__c')]).toBe('cs_accepts_won_deal');
    await run.page.screenshot({ path: shot('queue-cs1-after-accept-1280'), fullPage: true });
  }, 120_000);
});

function shot(name: string): string {
  return `${process.env.HANDOFF_SHOTS ?? 'test-results/sandbox'}/${name}.png`;
}
