// The Salesforce face of the sandbox in real Chromium: the package's real Lightning panel
// (compiled LWC, lightning-base-components, SLDS) beside the HubSpot card, reading and writing
// the Salesforce emulator through the stand-in Lightning Data Service. The same rep → CS manager
// flow as on HubSpot; a forbidden accept refused by the org's validation rule with its message on
// the panel; the clock raising an escalation Task in Salesforce.
import { readFileSync } from 'node:fs';
import type { Locator, Response } from 'playwright-core';
import { HANDOFF_STATUSES, parsePlaybookText, TIMER_STATES } from '@handoff/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { loadSalesforceComponents } from '../../sandbox/server/lwc-bundle.js';
import { dealPlans } from '../../sandbox/server/seed/deals.js';
import { PEOPLE } from '../../sandbox/server/seed/people.js';
import { hasChromium, openDeal, openSandbox, viewAs, type BrowserRun } from './browser.js';
import { sfAction, sfHandoff, sfPanel, sfReady, sfStatus, sfWrite } from './salesforce-browser.js';

const describeIfChromium = hasChromium ? describe : describe.skip;
const OWNER_W13 = dealPlans().find((d) => d.key === 'w13')?.owner ?? 'rep1';
const HANDOFF = 'sales_to_cs';
/** A write and the panel's refresh take well over vitest's 1 s default on a loaded two-core CI. */
const POLL = { timeout: 20_000 };

/** Seeded deals in different states: timers at risk and breached, handoffs in every state. */
const FACE_DEALS = ['a2', 'a5', 'a8', 'w14', 'w17', 'w20', 'w0'];

const SLA_BY_LABEL = (() => {
  const parsed = parsePlaybookText(
    readFileSync(new URL('../../shared/playbooks/default.yaml', import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error('the default playbook must parse');
  return new Map(parsed.playbook.slas.map((s) => [s.label, s.id]));
})();
/** Both faces speak the core's words (@handoff/shared display): one table reads either face. */
const TIMER_BY_LABEL: Record<string, string> = Object.fromEntries(
  Object.entries(TIMER_STATES).map(([state, word]) => [word.label, state]),
);
const HANDOFF_STATUS: Record<string, string> = Object.fromEntries(
  Object.entries(HANDOFF_STATUSES).map(([status, word]) => [word.label, status]),
);

interface Face {
  handoffs: Record<string, string | undefined>;
  timers: Record<string, string | undefined>;
}

async function readHubSpotFace(card: Locator): Promise<Face> {
  const face: Face = { handoffs: {}, timers: {} };
  for (const tag of await card.locator('[data-testid$=":status"]').all()) {
    const id = (await tag.getAttribute('data-testid'))?.replace(/:status$/, '') ?? '';
    face.handoffs[id] = HANDOFF_STATUS[(await tag.textContent())?.trim() ?? ''];
  }
  for (const tag of await card.locator('[data-testid^="timer-"]').all()) {
    const id = (await tag.getAttribute('data-testid'))?.replace(/^timer-/, '') ?? '';
    face.timers[id] = TIMER_BY_LABEL[(await tag.textContent())?.trim() ?? ''];
  }
  return face;
}

async function readSalesforceFace(run: BrowserRun): Promise<Face> {
  const face: Face = { handoffs: {}, timers: {} };
  const panel = sfPanel(run);
  for (const section of await panel.locator('article[data-handoff]').all()) {
    const id = (await section.getAttribute('data-handoff')) ?? '';
    const status = await section.locator('[data-id="status"]').textContent();
    face.handoffs[id] = HANDOFF_STATUS[status?.trim() ?? ''];
  }
  for (const row of await panel.locator('[data-id="timers"] li').all()) {
    const [label, state] = await row.locator('span').allTextContents();
    const id = SLA_BY_LABEL.get(label?.trim() ?? '') ?? `unknown SLA "${label}"`;
    face.timers[id] = TIMER_BY_LABEL[state?.trim() ?? ''];
  }
  return face;
}

/** The item value a write sent to the emulator (Handoff_Item__c.Value__c, `handoff__Value__c` in the org). */
function sentValue(response: Response): unknown {
  const body = JSON.parse(response.request().postData() ?? '{}') as {
    fields?: Record<string, unknown>;
  };
  const fields = body.fields ?? {};
  const key = Object.keys(fields).find((f) => f === 'Value__c' || f.endsWith('__Value__c'));
  return key === undefined ? undefined : fields[key];
}

describeIfChromium(
  `the Salesforce panel in Chromium${hasChromium ? '' : ' (skipped: no Chromium, see stderr)'}`,
  () => {
    let run: BrowserRun;
    const frameErrors: string[] = [];
    const outside: string[] = [];
    const missing: string[] = [];
    beforeAll(async () => {
      run = await openSandbox();
      // Cold, the sandbox compiles the Salesforce components in the background (10–30 s on two
      // cores, once for all the sandboxes of a test run); the frame shows them once they are.
      await loadSalesforceComponents();
      // Tall enough for the whole panel in one picture (at 1000 px its frame scrolls inside).
      await run.page.setViewportSize({ width: 1440, height: 2200 });
      // Everything is served by the sandbox: no request leaves it, none is missing.
      run.page.on('request', (r) => {
        if (!r.url().startsWith(run.sandbox.url) && !r.url().startsWith('data:')) {
          outside.push(r.url());
        }
      });
      run.page.on('response', (r) => {
        const path = new URL(r.url()).pathname;
        if (r.status() === 404 && path !== '/favicon.ico') missing.push(path);
      });
      run.page.on('console', (m) => {
        if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) {
          frameErrors.push(m.text());
        }
      });
    }, 180_000);
    afterAll(async () => {
      await run?.close();
    });

    const shot = (name: string) => run.shot(`sf-${name}`);
    // A failing step leaves a picture of the page as it stood.
    beforeEach((context) => {
      onTestFailed(() =>
        run?.shot(`sf-failed-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}`),
      );
    });

    it('shows the HubSpot card and the Salesforce panel side by side, with SLDS applied', async () => {
      const { page } = run;
      await viewAs(run, OWNER_W13);
      await openDeal(run, 'w13');
      await sfReady(run, HANDOFF);
      const [card, panel] = await Promise.all([
        page.getByTestId('record').boundingBox(),
        page.getByTestId('sf-record').boundingBox(),
      ]);
      expect(card && panel && panel.x > card.x + card.width - 1).toBe(true);
      // SLDS reaches the components' templates (synthetic shadow): without it a card is
      // transparent and square, a badge unpadded.
      const card2 = sfPanel(run).locator('article.slds-card').first();
      const style = await card2.evaluate((c) => {
        const s = getComputedStyle(c);
        return { background: s.backgroundColor, radius: s.borderRadius };
      });
      expect(style).toEqual({ background: 'rgb(255, 255, 255)', radius: '4px' });
      const badge = sfHandoff(run, HANDOFF).locator('[data-id="status"]');
      await expect(badge.evaluate((b) => getComputedStyle(b).paddingLeft)).resolves.not.toBe('0px');
    }, 90_000);

    it('shows the same handoff states and timer states on both faces for the same seeded deals at the same instant', async () => {
      const { page } = run;
      await viewAs(run, 'admin');
      for (const key of FACE_DEALS) {
        await openDeal(run, key);
        const card = page.getByTestId('card');
        await card.locator('[data-testid$=":status"]').first().waitFor({ timeout: 30_000 });
        await sfPanel(run).locator('article[data-handoff] [data-id="status"]').first().waitFor({
          timeout: 30_000,
        });
        const hubspot = await readHubSpotFace(card);
        const salesforce = await readSalesforceFace(run);
        expect(salesforce.handoffs, key).toEqual(hubspot.handoffs);
        // The panel knows a deal's current stage entry only, so timers of SLAs that ran in an
        // earlier stage are missing on Salesforce (reported with issue 13); every timer it shows
        // agrees, and for deals in their first stage all of them do.
        for (const [sla, state] of Object.entries(salesforce.timers)) {
          expect([key, sla, state]).toEqual([key, sla, hubspot.timers[sla]]);
        }
        if (key.startsWith('a')) expect(salesforce.timers, key).toEqual(hubspot.timers);
        expect(Object.keys(salesforce.timers).length, key).toBeGreaterThan(0);
      }
      await shot('00-faces-agree');
    }, 120_000);

    it('when a rep completes the checklist and submits, a CS manager rejects, the rep reworks and resubmits, a rep forcing an accept is refused by the validation rule, then the CS manager accepts', async () => {
      const { page } = run;
      await viewAs(run, OWNER_W13);
      await openDeal(run, 'w13');
      await sfReady(run, HANDOFF);
      await expect.poll(() => sfStatus(run, HANDOFF), POLL).toMatch(/Not started|In progress/);
      await shot('01-rep-opens-won-deal');

      const section = sfHandoff(run, HANDOFF);
      const text: [string, string][] = [
        ['customer_goals', 'Halve onboarding time.'],
        ['promises', 'Quarterly business reviews.'],
        ['champion', 'Priya Raman'],
        ['executive_sponsor', 'Tom Becker'],
        ['implementation', 'SSO with Okta.'],
      ];
      for (const [item, value] of text) {
        const input = section.locator(`li[data-item="${item}"] input`);
        const saved = sfWrite(run);
        await input.fill(value);
        await input.blur();
        expect((await saved).ok()).toBe(true);
        await expect.poll(() => input.inputValue(), POLL).toBe(value);
      }
      for (const [item, typed, iso] of [
        ['renewal_date', 'Dec 1, 2027', '2027-12-01'],
        ['kickoff_date', 'Dec 7, 2026', '2026-12-07'],
      ] as const) {
        const input = section.locator(`li[data-item="${item}"] input`);
        const saved = sfWrite(run);
        await input.fill(typed);
        await input.blur();
        // The typed date is what is saved (the panel once saved it as empty: a date input
        // commits before it takes its new value).
        expect(sentValue(await saved)).toBe(iso);
        await expect
          .poll(() => section.locator(`li[data-item="${item}"]`).textContent(), POLL)
          .toContain('Done');
      }
      const chosen = sfWrite(run);
      await section.locator('li[data-item="complexity"] [role="combobox"]').click();
      await section
        .locator('li[data-item="complexity"] [role="option"]', { hasText: 'Medium' })
        .click();
      expect((await chosen).ok()).toBe(true);
      const submit = sfAction(run, HANDOFF, 'submit');
      await expect.poll(() => submit.isEnabled(), POLL).toBe(true);
      await shot('02-rep-checklist-complete');
      await submit.click();
      await expect.poll(() => sfStatus(run, HANDOFF), POLL).toBe('Submitted');
      const history = () => sfHandoff(run, HANDOFF).locator('[data-id="history"]').textContent();
      await expect.poll(history, POLL).toContain('— Submitted by you');
      await shot('03-rep-submitted');

      // The CS manager's panel names the rep: the seeded User's Name, read through Submitted_By__r.
      const rep = PEOPLE.find((p) => p.key === OWNER_W13);
      await viewAs(run, 'cs1');
      await sfReady(run, HANDOFF);
      await expect
        .poll(history, POLL)
        .toContain(`— Submitted by ${rep?.firstName} ${rep?.lastName}`);
      await sfAction(run, HANDOFF, 'reject').click();
      // The reject dialog is a LightningModal (c/handoffRejectModal): the platform opens it at the
      // end of the frame's document, outside the panel, as a dialog named after the handoff.
      const dialog = sfPanel(run).getByRole('dialog', { name: 'Reject Sales → CS' });
      await dialog.locator('[role="combobox"]').click();
      await dialog.locator('[role="option"]', { hasText: 'Missing or vague information' }).click();
      await dialog.locator('textarea').fill('Which SSO provider? Add the admin contact.');
      await shot('04-cs-rejects-with-reason');
      await dialog.locator('button[name="confirm-reject"]').click();
      await expect.poll(() => dialog.count(), POLL).toBe(0);
      await expect.poll(() => sfStatus(run, HANDOFF), POLL).toBe('Rejected');
      await expect
        .poll(() => sfHandoff(run, HANDOFF).locator('[data-id="rejection"]').textContent(), POLL)
        .toContain('Which SSO provider?');
      await shot('05-cs-rejected');

      await viewAs(run, OWNER_W13);
      await sfReady(run, HANDOFF);
      // The CS manager set no item: their name can only come through the header's Rejected_By__r.
      const cs = PEOPLE.find((p) => p.key === 'cs1');
      await expect
        .poll(() => sfHandoff(run, HANDOFF).locator('[data-id="rejection"]').textContent(), POLL)
        .toContain(`Rejected by ${cs?.firstName} ${cs?.lastName} on`);
      await sfAction(run, HANDOFF, 'reopen').click();
      await expect.poll(() => sfStatus(run, HANDOFF), POLL).toBe('In progress');
      await sfAction(run, HANDOFF, 'submit').click();
      await expect.poll(() => sfStatus(run, HANDOFF), POLL).toBe('Submitted');
      await shot('06-rep-resubmitted');

      // The rep's panel offers no Accept: the rep's User record lists no CS manager role.
      await expect(sfAction(run, HANDOFF, 'accept').count()).resolves.toBe(0);
      // The role shown in the frame only (the UI wrong, the org right): the org's role rule refuses.
      await page
        .getByTestId('sf-panel')
        .evaluate(
          (frame: HTMLIFrameElement) =>
            void (frame.src = `${frame.src}&roles=sales_rep,cs_manager`),
        );
      await sfReady(run, HANDOFF);
      const refused = sfWrite(run);
      await sfAction(run, HANDOFF, 'accept').click();
      expect((await refused).status()).toBe(400);
      await expect
        .poll(() => sfPanel(run).locator('[data-id="action-error"]').textContent(), POLL)
        .toContain(
          'Only CS manager or RevOps admin may accept Sales → CS: add the role to the Handoff roles on your User record.',
        );
      await expect.poll(() => sfStatus(run, HANDOFF), POLL).toBe('Submitted');
      await shot('07-rep-accept-refused-by-validation-rule');

      await viewAs(run, 'cs1');
      await sfReady(run, HANDOFF);
      await sfAction(run, HANDOFF, 'accept').click();
      await expect.poll(() => sfStatus(run, HANDOFF), POLL).toBe('Accepted');
      await shot('08-cs-accepted');
    }, 180_000);

    // a2 waits on its SDR (nothing submitted, so the AE has no clock yet). Nobody in the sandbox holds
    // the SDR role, so the at-risk Task reaches no one; the breach's Task goes to the admin.
    it('when the clock moves an hour, then a business day, a running timer turns at risk, then breached in the panel, and the scanner raises an escalation Task on the Opportunity', async () => {
      const { page } = run;
      await viewAs(run, 'admin');
      await openDeal(run, 'a2');
      const timer = sfPanel(run).locator('[data-id="timers"] li', {
        hasText: 'SDR submits the new deal',
      });
      await expect.poll(() => timer.textContent(), { timeout: 30_000 }).toContain('On track');
      await expect(page.getByTestId('sf-task').count()).resolves.toBe(0);
      await shot('09-timer-on-track');
      await page.getByTestId('clock-hour').click();
      await expect.poll(() => timer.textContent(), { timeout: 30_000 }).toContain('At risk');
      await page.getByTestId('clock-day').click();
      await expect.poll(() => timer.textContent(), { timeout: 30_000 }).toContain('Breached');
      await expect
        .poll(() => page.getByTestId('sf-task').count(), { timeout: 30_000 })
        .toBeGreaterThan(0);
      await shot('10-timer-breached-task');
    }, 90_000);

    it('when an admin edits the Salesforce copy of the playbook in the Salesforce admin beside the HubSpot settings, a broken one shows its issue path and the saved one drives the Salesforce panel only', async () => {
      const { page } = run;
      await viewAs(run, OWNER_W13);
      await page.getByTestId('tab-settings').click();
      const admin = page.frameLocator('[data-testid="sf-admin"]');
      await expect
        .poll(() => admin.locator('[data-id="denied"]').isVisible(), { timeout: 30_000 })
        .toBe(true);

      await viewAs(run, 'admin');
      await expect
        .poll(() => admin.locator('[data-id="summary"]').textContent(), { timeout: 30_000 })
        .toMatch(/stages/);
      await shot('11-settings-both-faces');
      const editor = admin.locator('textarea');
      const text = await editor.inputValue();
      await editor.fill(text.replace(/"opensAt": ?"closed_won"/, '"opensAt": "closed_wonn"'));
      await expect
        .poll(() => admin.locator('[data-id="issues"]').textContent(), POLL)
        .toContain('handoffs[1].opensAt');
      await expect(admin.locator('button[name="save"]').isDisabled()).resolves.toBe(true);
      await shot('12-salesforce-admin-broken-playbook');

      const renamed = text.replace(
        '"SDR submits the new deal"',
        '"SDR submits the new deal (Salesforce copy)"',
      );
      expect(renamed).not.toBe(text);
      await editor.fill(renamed);
      const saved = sfWrite(run);
      await admin.locator('button[name="save"]').click();
      expect((await saved).ok()).toBe(true);
      await admin.locator('[data-id="saved"]').waitFor({ timeout: 30_000 });
      await shot('13-salesforce-admin-saved');

      await page.getByTestId('tab-deals').click();
      await openDeal(run, 'a2');
      await expect
        .poll(() => sfPanel(run).locator('[data-id="timers"]').textContent(), { timeout: 30_000 })
        .toContain('SDR submits the new deal (Salesforce copy)');
      // HubSpot keeps its own playbook.
      await expect(page.getByTestId('card').textContent()).resolves.not.toContain(
        'Salesforce copy',
      );
      expect(frameErrors).toEqual([]);
      expect(outside).toEqual([]);
      expect(missing).toEqual([]);
    }, 90_000);
  },
);
