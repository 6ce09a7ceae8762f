// The Salesforce face in the browser tests: the package's real panel runs in a frame per viewer
// (sandbox/page/SalesforceFrame.tsx); these helpers reach into it. Playwright's CSS selectors
// see through synthetic shadow, so the panel's own markup (data-id, data-handoff, the base
// components' native inputs and buttons) is what the tests select on.
import type { FrameLocator, Locator, Response } from 'playwright-core';
import type { BrowserRun } from './browser.js';

export function sfPanel(run: BrowserRun): FrameLocator {
  return run.page.frameLocator('[data-testid="sf-panel"]');
}

/** One handoff's section of the panel (`article[data-handoff=…]`). */
export function sfHandoff(run: BrowserRun, handoffId: string): Locator {
  return sfPanel(run).locator(`article[data-handoff="${handoffId}"]`);
}

export function sfStatus(run: BrowserRun, handoffId: string): Promise<string | null> {
  return sfHandoff(run, handoffId)
    .locator('[data-id="status"]')
    .textContent({ timeout: 30_000 })
    .then((t) => t?.trim() ?? null);
}

/** The panel's action buttons are lightning-buttons whose inner `<button>` carries the name. */
export function sfAction(run: BrowserRun, handoffId: string, action: string): Locator {
  return sfHandoff(run, handoffId).locator(`button[name="${action}"]`);
}

/** The next write the panel's stand-in LDS sends to the Salesforce emulator (create or update). */
export function sfWrite(run: BrowserRun): Promise<Response> {
  return run.page.waitForResponse(
    (r) =>
      r.url().includes('/sf/api/ui-api/records') &&
      ['POST', 'PATCH'].includes(r.request().method()),
    { timeout: 30_000 },
  );
}

/** Waits until the panel (in its fresh frame) shows the handoff, after a viewer or clock change. */
export async function sfReady(run: BrowserRun, handoffId: string): Promise<void> {
  await sfHandoff(run, handoffId)
    .locator('[data-id="status"]')
    .waitFor({ timeout: 30_000 })
    .catch(async (error: unknown) => {
      await run.shot(`sf-failed-ready-${handoffId}`);
      throw error;
    });
}
