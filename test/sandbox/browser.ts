// Browser tests' harness: a sandbox started in-process on a fresh data folder, Debian's Chromium
// driven by playwright-core (Playwright cannot download its own browsers here), and axe-core run in
// the page and in each of its frames.
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
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

export async function openSandbox(
  viewport: { width: number; height: number } = { width: 1440, height: 1000 },
): Promise<BrowserRun> {
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
  const page = await (await browser.newContext({ viewport })).newPage();
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

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One rule broken on one screen: the frame it is in, the rule, its impact and where. */
export interface AxeFinding {
  frame: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * axe-core's violations on the page as it stands, the page and every frame in it (the Salesforce
 * components run in frames), each frame checked in itself: axe's own frame merging
 * (@axe-core/playwright) lost the top document's colour-contrast results next to our frames.
 */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  const findings: AxeFinding[] = [];
  for (const frame of page.frames()) {
    if (frame.url() === 'about:blank') continue;
    const check = async () => {
      const loaded = await frame.evaluate(() => 'axe' in window);
      if (!loaded) await frame.addScriptTag({ content: AXE });
      return (await frame.evaluate(() =>
        (
          window as unknown as {
            axe: { run(context: Document, options: object): Promise<unknown> };
          }
        ).axe.run(document, { iframes: false, resultTypes: ['violations'] }),
      )) as AxeResults;
    };
    let results: AxeResults;
    try {
      results = await check();
    } catch (error) {
      // A frame that reloaded while axe ran (a Salesforce frame remounted for a new viewer or
      // instant) is checked once it has loaded again.
      if (!/Execution context was destroyed/.test(String(error))) throw error;
      await frame.waitForLoadState('load');
      results = await check();
    }
    const where = frame === page.mainFrame() ? 'page' : new URL(frame.url()).pathname;
    for (const v of results.violations) {
      findings.push({
        frame: where,
        rule: v.id,
        impact: v.impact ?? 'unknown',
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      });
    }
  }
  return findings;
}

/** The findings a person is blocked by (axe's serious and critical), one readable line each. */
export function blocking(findings: AxeFinding[]): string[] {
  return findings
    .filter((f) => f.impact === 'serious' || f.impact === 'critical')
    .map(
      (f) =>
        `${f.impact} ${f.rule} in ${f.frame}: ${f.help} — ${f.targets.slice(0, 4).join(' | ')}`,
    );
}

/** Violations counted by impact (nodes, as axe reports them), for the report. */
export function countByImpact(findings: AxeFinding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.impact] = (counts[f.impact] ?? 0) + f.targets.length;
  return counts;
}
