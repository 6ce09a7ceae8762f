// Accessibility and the page's addresses, in real Chromium: axe-core finds no serious or critical
// violation on any screen (a deal with both faces, a company/Account, the settings, the dashboard)
// for any viewer; the deal list and the reject dialog work from the keyboard; every deal has an
// address (`/deals/<id>?viewer=…`), an unknown one is a 404 page; the faces stack below 1,200 px;
// the clock's "Set" takes the portal's local time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
/** A won deal whose Sales → CS handoff waits for CS: every viewer has something to see or do. */
const DEAL = 'w17';
const OWNER = dealPlans().find((d) => d.key === DEAL)?.owner ?? 'rep1';
const VIEWERS = [OWNER, 'cs1', 'admin', 'guest'];

describeIfChromium(
  `the sandbox page's accessibility and addresses${hasChromium ? '' : ' (skipped: no Chromium, see stderr)'}`,
  () => {
    let run: BrowserRun;
    let dealId: string;
    let companyId: string;
    beforeAll(async () => {
      run = await openSandbox();
      dealId = run.sandbox.meta.deals[DEAL] ?? '';
      const state = (await (await fetch(`${run.sandbox.url}/api/state`)).json()) as {
        deals: { id: string; companyId: string | null }[];
      };
      companyId = state.deals.find((d) => d.id === dealId)?.companyId ?? '';
    }, 120_000);
    afterAll(async () => {
      await run?.close();
    });

    /** Opens an address and waits until both faces (or the one screen) have drawn. */
    async function open(path: string, ready: () => Promise<unknown>) {
      await run.page.goto(`${run.sandbox.url}${path}`);
      await ready();
    }
    const sfReady = (testId: string, selector: string) =>
      run.page
        .frameLocator(`[data-testid="${testId}"]`)
        .locator(selector)
        .first()
        .waitFor({ timeout: 60_000 });
    const screens = {
      deal: (viewer: string) =>
        open(`/deals/${dealId}?viewer=${viewer}`, async () => {
          await run.page.getByTestId('deal-view').waitFor({ timeout: 30_000 });
          await sfReady('sf-panel', 'article[data-handoff]');
        }),
      company: (viewer: string) =>
        open(`/companies/${companyId}?viewer=${viewer}`, async () => {
          await run.page.getByTestId('company-handoffs').waitFor({ timeout: 30_000 });
          await sfReady('sf-account-panel', '[data-id="account-handoffs"]');
        }),
      settings: (viewer: string) =>
        open(`/settings?viewer=${viewer}`, async () => {
          await run.page.getByTestId('playbook-text').waitFor({ timeout: 30_000 });
          await sfReady('sf-admin', '[data-id="summary"], [data-id="denied"]');
        }),
      dashboard: (viewer: string) =>
        open(`/dashboard?viewer=${viewer}`, () =>
          run.page.getByTestId('sla-attainment').waitFor({ timeout: 30_000 }),
        ),
    };

    for (const viewer of VIEWERS) {
      for (const [screen, show] of Object.entries(screens)) {
        it(`when ${viewer} opens the ${screen} screen, then axe-core finds no serious or critical violation`, async () => {
          await show(viewer);
          const findings = await axeFindings(run.page);
          process.stdout.write(
            `axe ${screen} as ${viewer}: ${JSON.stringify(countByImpact(findings))}\n`,
          );
          expect(blocking(findings)).toEqual([]);
        }, 120_000);
      }
    }

    it('when the CS manager opens the reject dialog, then focus is in it, Tab stays in it, axe finds nothing blocking, and Escape closes it back to the Reject button', async () => {
      const { page } = run;
      await screens.deal('cs1');
      const reject = page.getByTestId('sales_to_cs:reject');
      await reject.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const inDialog = () =>
        page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'));
      await expect.poll(inDialog).toBe(true);
      // More presses than the dialog has fields, both ways round: focus never leaves it.
      for (const key of [...Array<string>(7).fill('Tab'), ...Array<string>(7).fill('Shift+Tab')]) {
        await page.keyboard.press(key);
        expect(await inDialog()).toBe(true);
      }
      expect(blocking(await axeFindings(page))).toEqual([]);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
        .toBe('sales_to_cs:reject');
    }, 120_000);

    it('when Accept and Reject are shown, then they look different: a primary and a destructive button', async () => {
      const { page } = run;
      await screens.deal('cs1');
      const look = (testId: string) =>
        page
          .getByTestId(testId)
          .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
      const accept = await look('sales_to_cs:accept');
      const reject = await look('sales_to_cs:reject');
      expect(accept[0]).not.toBe(reject[0]);
      expect(accept[1]).not.toBe(reject[1]);
    }, 120_000);

    it('when a person moves through the deal list with the keyboard and presses Enter on a deal, then that deal opens at its own address', async () => {
      const { page } = run;
      await screens.deal('cs1');
      const other = run.sandbox.meta.deals.w18 ?? '';
      const link = page.getByTestId(`deal-link-${other}`);
      await link.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/deals/${other}`);
      expect(new URL(page.url()).searchParams.get('viewer')).toBe('cs1');
      await expect
        .poll(() => page.getByTestId('record').locator('h2').textContent())
        .toBe(await link.textContent());
      expect(await link.getAttribute('aria-current')).toBe('page');
    }, 120_000);

    it('when a deal or a company is asked for by address, then the sandbox answers its page (200), and an unknown one a 404 page, not JSON', async () => {
      const base = run.sandbox.url;
      for (const path of [`/deals/${dealId}?viewer=cs1`, `/companies/${companyId}`]) {
        const answer = await fetch(`${base}${path}`);
        expect(answer.status).toBe(200);
        expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
        expect(await answer.text()).toContain('<script type="module" src="/app.js">');
      }
      for (const [path, says] of [
        ['/deals/99999999', 'No deal 99999999 in this sandbox'],
        ['/deals/not-a-deal', 'No deal not-a-deal in this sandbox'],
        ['/companies/99999999', 'No company 99999999 in this sandbox'],
        ['/no/such/page', 'No such page'],
      ] as const) {
        const answer = await fetch(`${base}${path}`);
        expect(answer.status).toBe(404);
        expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
        expect(await answer.text()).toContain(says);
      }
      const api = await fetch(`${base}/api/nothing`);
      expect(api.status).toBe(404);
      expect(api.headers.get('content-type')).toMatch(/^application\/json/);
      await run.page.goto(`${base}/deals/99999999`);
      expect(await run.page.getByTestId('not-found').textContent()).toContain('Back to the deals');
      expect(blocking(await axeFindings(run.page))).toEqual([]);
    }, 60_000);

    it("when a deal's company is clicked, then the company page shows both CRMs' views of it, and a deal there opens the deal", async () => {
      const { page } = run;
      await screens.deal('admin');
      await page.getByTestId('company-link').click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/companies/${companyId}`);
      await page.getByTestId('company-handoffs').waitFor({ timeout: 30_000 });
      await sfReady('sf-account-panel', '[data-id="account-handoffs"]');
      await page
        .frameLocator('[data-testid="sf-account-panel"]')
        .locator('[data-id="account-opportunity"] a')
        .first()
        .click();
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/deals\/\d+$/);
      await page.getByTestId('deal-view').waitFor({ timeout: 30_000 });
    }, 120_000);

    it('when the window is 1,024 px wide, then the Salesforce face stacks below the HubSpot card and nothing spills sideways; at 1,440 px they stand side by side', async () => {
      const { page } = run;
      await page.setViewportSize({ width: 1024, height: 900 });
      await screens.deal('cs1');
      const box = async (testId: string) => {
        const found = await page.getByTestId(testId).boundingBox();
        if (!found) throw new Error(`${testId} is not shown`);
        return found;
      };
      const card = await box('record');
      const panel = await box('sf-record');
      expect(panel.y).toBeGreaterThanOrEqual(card.y + card.height);
      expect(card.x + card.width).toBeLessThanOrEqual(1024);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        1024,
      );
      await page.setViewportSize({ width: 1440, height: 1000 });
      const wideCard = await box('record');
      const widePanel = await box('sf-record');
      expect(widePanel.x).toBeGreaterThanOrEqual(wideCard.x + wideCard.width);
    }, 120_000);

    it("when a time is chosen in the clock's Set field, then it is read as the portal's local time", async () => {
      const { page } = run;
      await screens.dashboard('admin');
      // The seeded clock stands at 11:00 in New York; 13:30 the same day is two and a half hours on.
      const before = run.sandbox.clock.now();
      await page.getByTestId('clock-input').fill('2026-11-17T13:30');
      await page.getByTestId('clock-set').click();
      await expect
        .poll(() => page.getByTestId('clock-now').textContent(), { timeout: 60_000 })
        .toContain('1:30 PM');
      expect(run.sandbox.clock.now() - before).toBe(2.5 * 3_600_000);
    }, 120_000);
  },
);
