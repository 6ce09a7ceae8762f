// The playbook's version and fingerprint in the browser (issue 18 item 5): the HubSpot card's and
// the Salesforce panel's footers name the same playbook, both settings screens name their copy; after
// the admin saves version 2 in HubSpot's settings, the page warns that the copies differ (axe finds
// nothing serious), the settings page offers the deploy command, and the push makes Salesforce run
// version 2 too. Screenshots at 1440 and 1024 px land in test-results/sandbox/version-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealPlans } from '../../sandbox/server/seed/deals.js';
import { axeFindings, blocking, hasChromium, openSandbox, type BrowserRun } from './browser.js';

const describeIfChromium = hasChromium ? describe : describe.skip;
const DEAL = 'w17';
const OWNER = dealPlans().find((d) => d.key === DEAL)?.owner ?? 'rep1';
const LABEL = /^Playbook v1 · [0-9a-f]{8} — Default revenue playbook$/;

describeIfChromium(
  `the playbook's version on both faces${hasChromium ? '' : ' (skipped: no Chromium, see stderr)'}`,
  () => {
    let run: BrowserRun;
    beforeAll(async () => {
      run = await openSandbox();
    }, 600_000);
    afterAll(async () => {
      await run?.close();
    });

    async function both(name: string) {
      await run.page.setViewportSize({ width: 1440, height: 1000 });
      await run.shot(`version-${name}-1440`);
      await run.page.setViewportSize({ width: 1024, height: 900 });
      await run.shot(`version-${name}-1024`);
      await run.page.setViewportSize({ width: 1440, height: 1000 });
    }

    it('when a deal is open, then the card’s and the panel’s footers name the same playbook', async () => {
      const { page, sandbox } = run;
      await page.goto(`${sandbox.url}/deals/${sandbox.meta.deals[DEAL]}?viewer=${OWNER}`);
      const card = page.getByTestId('playbook-footer');
      await card.waitFor({ timeout: 30_000 });
      const panel = page
        .frameLocator('[data-testid="sf-panel"]')
        .locator('[data-id="playbook-stamp"]');
      await panel.waitFor({ timeout: 400_000 });
      const cardText = (await card.textContent())?.trim() ?? '';
      expect(cardText).toMatch(LABEL);
      expect((await panel.textContent())?.trim()).toBe(cardText);
      await expect(page.getByTestId('playbook-drift').count()).resolves.toBe(0);
      await both('deal-footers');
    }, 600_000);

    it('when the admin saves version 2 in HubSpot, then the page warns, the settings offer the deploy command, and the push makes Salesforce run version 2', async () => {
      const { page, sandbox } = run;
      await page.goto(`${sandbox.url}/settings?viewer=admin`);
      const header = page.getByTestId('playbook-version');
      await header.waitFor({ timeout: 30_000 });
      const admin = page.frameLocator('[data-testid="sf-admin"]');
      const stamp = admin.locator('[data-id="playbook-stamp"]');
      await stamp.waitFor({ timeout: 120_000 });
      const v1 = (await header.textContent())?.replace('HubSpot runs ', '') ?? '';
      expect(v1).toMatch(/^Playbook v1 · [0-9a-f]{8}$/);
      expect(await stamp.textContent()).toContain(`Active in this org: ${v1}`);
      await both('settings-headers');

      const editor = page.getByTestId('playbook-text');
      const text = await editor.inputValue();
      await editor.fill(text.replace("version: '1'", "version: '2'"));
      await page.getByTestId('save').click();
      await expect
        .poll(() => header.textContent(), { timeout: 30_000 })
        .toMatch(/^HubSpot runs Playbook v2 · [0-9a-f]{8}$/);
      const v2 = (await header.textContent())?.replace('HubSpot runs ', '') ?? '';
      const drift = page.getByTestId('playbook-drift');
      await expect
        .poll(() => drift.textContent(), { timeout: 15_000 })
        .toContain(`HubSpot runs ${v2}, Salesforce runs ${v1}`);
      expect(blocking(await axeFindings(page))).toEqual([]);

      await page.getByTestId('export-playbook').click();
      const command = page.getByTestId('export-command');
      await command.waitFor({ timeout: 15_000 });
      expect(await command.inputValue()).toMatch(
        /^HANDOFF_EXPORT_TOKEN='hpx1\.[\w-]+\.[\w-]+' npm run salesforce:deploy -- --playbook-from http:\/\/127\.0\.0\.1:\d+\/v1\/export\/playbook$/,
      );
      await both('settings-drift-and-export');

      await page.getByTestId('push-playbook').click();
      await expect.poll(() => drift.count(), { timeout: 30_000 }).toBe(0);
      await expect
        .poll(() => stamp.textContent(), { timeout: 60_000 })
        .toContain(`Active in this org: ${v2}`);
      await both('settings-after-push');
    }, 600_000);
  },
);
