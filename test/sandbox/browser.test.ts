// The sandbox as people use it, in real Chromium: the rep → CS handoff through the real card,
// the clock turning a timer at risk then breached with an escalation task, and a broken playbook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealPlans } from '../../sandbox/server/seed/deals.js';
import { defaultPlaybook } from '../shared/fixtures.js';
import {
  cardCall,
  hasChromium,
  openDeal,
  openSandbox,
  viewAs,
  type BrowserRun,
} from './browser.js';

const describeIfChromium = hasChromium ? describe : describe.skip;
const OWNER_W13 = dealPlans().find((d) => d.key === 'w13')?.owner ?? 'rep1';

describeIfChromium(
  `the sandbox page in Chromium${hasChromium ? '' : ' (skipped: no Chromium, see stderr)'}`,
  () => {
    let run: BrowserRun;
    beforeAll(async () => {
      run = await openSandbox();
      // Seeding and the first panel compile, on a machine others share: minutes at worst.
    }, 240_000);
    afterAll(async () => {
      await run?.close();
    });

    it('when a rep completes the checklist and submits, a CS manager rejects, the rep reworks and resubmits, then the CS manager accepts', async () => {
      const { page } = run;
      await viewAs(run, OWNER_W13);
      await openDeal(run, 'w13');
      await expect
        .poll(() => page.getByTestId('sales_to_cs:status').textContent())
        .toBe('Not started');
      await run.shot('01-rep-opens-won-deal');
      // A date bound to a deal field reads as a date in the faces' one format, not as epoch milliseconds.
      await expect(
        page.getByTestId('sales_to_cs:item:contract_start').textContent(),
      ).resolves.toContain('Dec 14, 2026');
      const text: [string, string][] = [
        ['customer_goals', 'Halve onboarding time.'],
        ['promises', 'Quarterly business reviews.'],
        ['champion', 'Priya Raman'],
        ['executive_sponsor', 'Tom Becker'],
        ['implementation', 'SSO with Okta.'],
      ];
      for (const [item, value] of text) {
        const saved = cardCall(run);
        await page.getByTestId(`sales_to_cs:item:${item}`).fill(value);
        await page.getByTestId(`sales_to_cs:item:${item}`).blur();
        await saved;
      }
      for (const [item, value] of [
        ['renewal_date', '2027-12-01'],
        ['kickoff_date', '2026-12-07'],
      ] as const) {
        const saved = cardCall(run);
        await page.getByTestId(`sales_to_cs:item:${item}`).fill(value);
        await saved;
      }
      const chosen = cardCall(run);
      await page.getByTestId('sales_to_cs:item:complexity').selectOption('Medium');
      await chosen;
      await expect.poll(() => page.getByTestId('sales_to_cs:submit').isEnabled()).toBe(true);
      await run.shot('02-rep-checklist-complete');
      await page.getByTestId('sales_to_cs:submit').click();
      await expect
        .poll(() => page.getByTestId('sales_to_cs:status').textContent())
        .toBe('Submitted');
      await run.shot('03-rep-submitted');

      await viewAs(run, 'cs1');
      await page.getByTestId('sales_to_cs:reject').click();
      await page.getByTestId('sales_to_cs:reject-reason').selectOption('missing_information');
      await page
        .getByTestId('sales_to_cs:reject-comment')
        .fill('Which SSO provider? Add the admin contact.');
      await run.shot('04-cs-rejects-with-reason');
      await page.getByTestId('sales_to_cs:confirm-reject').click();
      await expect
        .poll(() => page.getByTestId('sales_to_cs:status').textContent())
        .toBe('Rejected');
      await expect
        .poll(() => page.getByTestId('sales_to_cs:milestones').textContent())
        .toContain('Which SSO provider?');
      await run.shot('05-cs-rejected');

      await viewAs(run, OWNER_W13);
      await page.getByTestId('sales_to_cs:reopen').click();
      await expect
        .poll(() => page.getByTestId('sales_to_cs:status').textContent())
        .toBe('In progress');
      await page.getByTestId('sales_to_cs:submit').click();
      await expect
        .poll(() => page.getByTestId('sales_to_cs:status').textContent())
        .toBe('Submitted');
      // The deal list names the state with the card's word (the core's table), not one of its own.
      await expect
        .poll(() => page.getByTestId(`deal-${run.sandbox.meta.deals.w13}`).textContent())
        .toContain('Submitted');
      await run.shot('06-rep-resubmitted');

      await viewAs(run, 'cs1');
      await page.getByTestId('sales_to_cs:accept').click();
      await expect
        .poll(() => page.getByTestId('sales_to_cs:status').textContent())
        .toBe('Accepted');
      await expect
        .poll(() => page.getByTestId('timer-cs_accepts_won_deal').textContent())
        .toMatch(/Met/);
      const row = page.getByTestId(`deal-${run.sandbox.meta.deals.w13}`);
      await expect.poll(() => row.textContent()).toContain('Accepted');
      // The review and rework tasks the flow opened in HubSpot are all completed once it is accepted.
      await expect
        .poll(
          async () => {
            const tasks = await page.getByTestId('task').allTextContents();
            return tasks.length > 0 && tasks.every((t) => t.endsWith('· completed'));
          },
          { timeout: 15_000 },
        )
        .toBe(true);
      await run.shot('07-cs-accepted');
    }, 90_000);

    // The marketing → sales seam on a HubSpot contact: c1 became an MQL at 9:30 today, untouched
    // (seed/contacts.ts). Marketing submits the brief, the SDR's logged call stops speed to lead,
    // the SDR accepts and the contact's lifecycle stage becomes SQL.
    it('when marketing submits an MQL brief, an SDR logs a call and accepts, then speed to lead is met and the contact is an SQL', async () => {
      const { page } = run;
      const id = run.sandbox.meta.contacts?.c1 ?? 'missing';
      await viewAs(run, 'mkt1');
      await page.getByTestId(`contact-link-${id}`).click();
      await expect
        .poll(() => page.getByTestId('contact-stage').textContent())
        .toMatch(/^Marketing qualified/);
      await expect
        .poll(() => page.getByTestId('mql_to_sales:status').textContent(), { timeout: 15_000 })
        .toBe('Not started');
      await expect(page.getByTestId('timer-speed_to_lead').textContent()).resolves.toBe('On track');
      for (const [item, value] of [
        ['source', 'Webinar: month-end close'],
        ['engaged_with', 'Pricing page, ROI calculator'],
      ] as const) {
        const saved = cardCall(run);
        await page.getByTestId(`mql_to_sales:item:${item}`).fill(value);
        await page.getByTestId(`mql_to_sales:item:${item}`).blur();
        await saved;
      }
      const chosen = cardCall(run);
      await page.getByTestId('mql_to_sales:item:fit').selectOption('Good');
      await chosen;
      await expect.poll(() => page.getByTestId('mql_to_sales:submit').isEnabled()).toBe(true);
      await page.getByTestId('mql_to_sales:submit').click();
      await expect
        .poll(() => page.getByTestId('mql_to_sales:status').textContent())
        .toBe('Submitted');
      // Nobody has called yet: speed to lead still runs, now beside sales' decision clock.
      await expect(page.getByTestId('timer-speed_to_lead').textContent()).resolves.toBe('On track');

      await viewAs(run, 'sdr1');
      await expect
        .poll(() => page.getByTestId('mql_to_sales:accept').isVisible(), { timeout: 15_000 })
        .toBe(true);
      await run.shot('13-sdr-opens-submitted-mql-1440');
      await page.setViewportSize({ width: 1024, height: 800 });
      await run.shot('14-sdr-opens-submitted-mql-1024');
      await page.setViewportSize({ width: 1440, height: 1000 });

      await page.getByTestId('log-call').click();
      await expect
        .poll(() => page.getByTestId('timer-speed_to_lead').textContent(), { timeout: 15_000 })
        .toBe('Met');
      await expect
        .poll(() => page.getByTestId(`contact-timer-${id}`).textContent())
        .not.toContain('Speed to lead');
      await page.getByTestId('mql_to_sales:accept').click();
      await expect
        .poll(() => page.getByTestId('mql_to_sales:status').textContent())
        .toBe('Accepted');
      // The card's move reaches HubSpot through the outbox; the list and header read it from there.
      await expect
        .poll(
          async () => {
            await page.reload();
            return page.getByTestId('contact-stage').textContent();
          },
          { timeout: 15_000 },
        )
        .toMatch(/^Sales qualified/);
      await expect
        .poll(() => page.getByTestId(`contact-${id}`).textContent())
        .toContain('Sales qualified');
      await run.shot('15-sdr-accepted-sql');
    }, 90_000);

    // a2 waits on its SDR (nothing submitted, so the AE has no clock yet): the at-risk task goes to
    // the SDR (Iris Novak), the breach to the admin.
    it('when the clock moves an hour, then a business day, a running timer turns at risk, then breached, and an escalation task appears', async () => {
      const { page } = run;
      await viewAs(run, 'admin');
      await openDeal(run, 'a2');
      const timer = page.getByTestId('timer-sdr_submits_new_deal');
      await expect.poll(() => timer.textContent()).toBe('On track');
      await expect(page.getByTestId('timer-ae_accepts_new_deal').count()).resolves.toBe(0);
      await expect(page.getByTestId('task').count()).resolves.toBe(0);
      await run.shot('08-timer-running');
      await page.getByTestId('clock-hour').click();
      await expect.poll(() => timer.textContent(), { timeout: 15_000 }).toBe('At risk');
      await run.shot('09-timer-at-risk');
      await page.getByTestId('clock-day').click();
      await expect.poll(() => timer.textContent(), { timeout: 15_000 }).toBe('Breached');
      await expect
        .poll(() => page.getByTestId('task').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      await run.shot('10-timer-breached-task');
    }, 60_000);

    it('when an admin breaks the playbook in the settings page, the issue shows its path and saving is disabled', async () => {
      const { page } = run;
      await viewAs(run, 'admin');
      await page.getByTestId('tab-settings').click();
      const editor = page.getByTestId('playbook-text');
      await editor.waitFor();
      await expect.poll(() => page.getByTestId('playbook-valid').isVisible()).toBe(true);
      const text = await editor.inputValue();
      await editor.fill(text.replace('opensAt: closed_won', 'opensAt: closed_wonn'));
      await expect
        .poll(() => page.getByTestId('playbook-issues').textContent())
        .toContain('handoffs[1].opensAt');
      await expect(page.getByTestId('save').isDisabled()).resolves.toBe(true);
      await run.shot('11-settings-broken-playbook');
    }, 30_000);

    it('shows the dashboard drawn from the core metrics', async () => {
      const { page } = run;
      await page.getByTestId('tab-dashboard').click();
      const csSla = defaultPlaybook().slas.find((s) => s.id === 'cs_accepts_won_deal');
      await expect
        .poll(() => page.getByTestId('sla-attainment').textContent())
        .toContain(csSla?.label ?? 'cs_accepts_won_deal');
      // The default playbook's seams beyond deals have their own blocks.
      await expect
        .poll(() => page.getByTestId('seam-marketing-to-sales').textContent())
        .toContain('MQL → SQL acceptance');
      await expect(page.getByTestId('seam-expansion').textContent()).resolves.toContain(
        'Converted to revenue',
      );
      await run.shot('12-dashboard');
    }, 30_000);
  },
);
