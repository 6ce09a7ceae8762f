// Browser tests' harness: a sandbox started in-process on a fresh data folder, and Debian's
// Chromium driven by playwright-core (Playwright cannot download its own browsers here).
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../sandbox/server/sandbox.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SHOTS = join(process.cwd(), 'test-results', 'sandbox');

if (!hasChromium) {
  process.stderr.write(
    `sandbox browser tests SKIPPED: no Chromium at ${CHROMIUM}. Install it with ` +
      '`apt-get install -y chromium` (as .ci/run does) or set CHROMIUM_PATH.\n',
  );
}

export interface BrowserRun {
  sandbox: Sandbox;
  browser: Browser;
  page: Page;
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openSandbox(): Promise<BrowserRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'handoff-sandbox-'));
  const sandbox = await startSandbox({ dataDir, port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(sandbox.url);
  mkdirSync(SHOTS, { recursive: true });
  return {
    sandbox,
    browser,
    page,
    async shot(name) {
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      await sandbox.close();
      if (errors.length > 0) throw new Error(`the page threw: ${errors.join('; ')}`);
    },
  };
}

/** Chooses the viewer by seed key (rep2, cs1, admin, guest…). */
export async function viewAs(run: BrowserRun, key: string): Promise<void> {
  const person = run.sandbox.meta.people.find((p) => p.key === key);
  if (!person) throw new Error(`no seeded person ${key}`);
  await run.page.getByTestId('viewer').selectOption(person.userId);
}

export async function openDeal(run: BrowserRun, key: string): Promise<void> {
  const id = run.sandbox.meta.deals[key];
  await run.page.getByTestId(`deal-${id}`).click();
  await run.page
    .getByTestId('deal-view')
    .waitFor({ timeout: 15_000 })
    .catch(async (error: unknown) => {
      await run.shot(`failed-open-${key}`);
      throw error;
    });
}

/** Waits for the card's next round trip through the card host to finish. */
export function cardCall(run: BrowserRun) {
  return run.page.waitForResponse((r) => r.url().endsWith('/host/fetch'));
}
