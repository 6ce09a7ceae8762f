// The playbook change preview in the browser (issue 20): on the sandbox's HubSpot settings page the
// admin tightens "CS accepts within 1 business day" to 4 business hours and, before saving, sees the
// counts worked out by hand below; axe finds nothing serious; the save then lists its audit line.
// Screenshots at 1440 and 1024 px land in test-results/sandbox/preview-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeFindings, blocking, hasChromium, openSandbox, type BrowserRun } from './browser.js';

const describeIfChromium = hasChromium ? describe : describe.skip;

// The sandbox stands at Tuesday 17 November 2026, 11:00 New York, with 60 deals; CS has 8 business
// hours (at risk from 6), Monday–Friday 09:00–17:00. Under 4 business hours (at risk from 3):
//   w17 submitted Mon 14:15: 2 h 45 + 2 h = 4 h 45 — on track → breached;
//   w19 submitted Mon 12:30: 4 h 30 + 2 h = 6 h 30 — at risk → breached;
//   w4 accepted after 5 h 30 (Friday 12:00 → Monday 09:30) — met → met late;
//   w20, w21 submitted 10:15 and rejected 14:00 (paused since): 3 h 45, paused under both;
//   w18 (24 h 45) stays breached; w0–w3, w5, w6 were accepted within 4 h; w7–w9 were late anyway.
// The next scan: level 1 (at risk, a task) for w17 — w19 had it already; level 2 (breached, a
// note) for w17 and w19; level 3 (4 h after the breach) for none: 3 in all.
// HubSpot's preview also reads the 7 contacts the scanner and the seed's card actions read (Lena, a
// plain lead nobody has opened, is not among them); Salesforce's reads Opportunities only.
const HUBSPOT_RECORDS = 'On 60 deals and 7 contacts now';
const EXPECTED = [
  HUBSPOT_RECORDS,
  '1 record goes from on track to breached: CS accepts the handoff',
  '1 record goes from at risk to breached: CS accepts the handoff',
  '1 record goes from met to met late: CS accepts the handoff',
  '1 escalation on the next scan: level 1 of CS accepts the handoff (at risk), reaching every CS manager',
  '2 escalations on the next scan: level 2 of CS accepts the handoff (breached), reaching every CS manager',
  '3 escalations on the next scan (confirmation needed above 25).',
];

describeIfChromium(
  `the playbook change preview${hasChromium ? '' : ' (skipped: no Chromium, see stderr)'}`,
  () => {
    let run: BrowserRun;
    beforeAll(async () => {
      run = await openSandbox();
    }, 600_000);
    afterAll(async () => {
      await run?.close();
    });

    it('when the admin tightens the CS SLA to 4 business hours, then the preview shows the hand-counted deals and escalations before saving', async () => {
      const { page, sandbox } = run;
      await page.goto(`${sandbox.url}/settings?viewer=admin`);
      const editor = page.getByTestId('playbook-text');
      await editor.waitFor({ timeout: 60_000 });
      const text = await editor.inputValue();
      const target = 'target: { unit: business_days, amount: 1, mode: elapsed }';
      expect(text).toContain(target);
      await editor.fill(text.replace(target, 'target: { unit: business_hours, amount: 4 }'));
      await page.getByTestId('preview-change').click();
      const result = page.getByTestId('preview-result');
      await result.waitFor({ timeout: 60_000 });
      const shown = (await result.textContent()) ?? '';
      expect(shown).toContain('CS accepts the handoff: 1 business day → 4 business hours');
      for (const line of EXPECTED) expect(shown).toContain(line);
      expect(shown).not.toContain('paused to breached');
      expect(blocking(await axeFindings(page))).toEqual([]);
      await result.scrollIntoViewIfNeeded();
      await page.setViewportSize({ width: 1440, height: 1000 });
      await run.shot('preview-hubspot-1440');
      await page.setViewportSize({ width: 1024, height: 900 });
      await run.shot('preview-hubspot-1024');
      await page.setViewportSize({ width: 1440, height: 1000 });

      await page.getByTestId('save').click();
      // The seed's own save is listed already; the new line comes first once the save is done.
      const log = page.getByTestId('save-log');
      await expect
        .poll(() => log.textContent(), { timeout: 30_000 })
        .toContain('1 record goes from on track to breached: CS accepts the handoff');
    }, 600_000);

    it('when the admin tightens the same SLA in the Salesforce admin panel, then its preview shows the same hand-counted opportunities and escalations, and Save waits for a confirmation past the guard rail', async () => {
      const { page, sandbox } = run;
      await page.goto(`${sandbox.url}/settings?viewer=admin`);
      const admin = page.frameLocator('[data-testid="sf-admin"]');
      const editor = admin.locator('textarea');
      await admin.locator('[data-id="summary"]').waitFor({ timeout: 120_000 });
      // The Salesforce seed copies HubSpot's 60 deals with the same stage times and handoff states.
      const playbook = JSON.parse(await editor.inputValue()) as {
        slas: { id: string; target: unknown }[];
        guardRails?: unknown;
      };
      const sla = playbook.slas.find((s) => s.id === 'cs_accepts_won_deal');
      expect(sla?.target).toEqual({ unit: 'business_days', amount: 1, mode: 'elapsed' });
      sla!.target = { unit: 'business_hours', amount: 4 };
      await editor.fill(JSON.stringify(playbook, null, 2));
      const result = admin.locator('[data-id="preview-result"]');
      await result.waitFor({ timeout: 120_000 });
      const shown = (await result.textContent())?.replace(/\s+/g, ' ') ?? '';
      expect(shown).toContain('CS accepts the handoff: 1 business day → 4 business hours');
      for (const line of EXPECTED)
        expect(shown).toContain(line.replace(HUBSPOT_RECORDS, 'On 60 opportunities now'));
      expect(shown).not.toContain('paused to breached');
      expect(blocking(await axeFindings(page))).toEqual([]);
      await result.scrollIntoViewIfNeeded();
      await page.setViewportSize({ width: 1440, height: 1000 });
      await run.shot('preview-salesforce-1440');
      await page.setViewportSize({ width: 1024, height: 900 });
      await run.shot('preview-salesforce-1024');
      await page.setViewportSize({ width: 1440, height: 1000 });

      // A guard rail of 2 makes the 3 escalations need the admin's confirmation.
      playbook.guardRails = { maxEscalationsOnSave: 2 };
      await editor.fill(JSON.stringify(playbook, null, 2));
      const confirm = admin.locator('[data-id="preview-confirm"]');
      await expect
        .poll(() => confirm.textContent(), { timeout: 60_000 })
        .toContain(
          'Saving raises 3 escalations at once; this playbook allows 2 without confirmation.',
        );
      // Each count opens the opportunities behind it: w17 and w19 for the level-2 escalations.
      await admin.getByText(/2 escalations on the next scan: level 2/).click();
      const behind = admin.locator('details[open] [data-id="preview-line-records"]');
      expect((await behind.textContent())?.trim()).toMatch(/^Opportunities: [^,]+, [^,]+$/);
      await admin.locator('button[name="save"]').click();
      await expect
        .poll(() => admin.locator('[data-id="save-error"]').textContent(), { timeout: 30_000 })
        .toContain('Saving raises 3 escalations at once');
      await run.shot('preview-salesforce-confirm-1440');
      // SLDS draws the box over the input: the admin clicks the label.
      await admin.getByText('I have read the preview: save and raise these escalations').click();
      await expect(admin.locator('[data-id="preview-confirm-box"]').isChecked()).resolves.toBe(
        true,
      );
      await admin.locator('button[name="save"]').click();
      await admin.locator('[data-id="saved"]').waitFor({ timeout: 30_000 });
    }, 600_000);
  },
);
