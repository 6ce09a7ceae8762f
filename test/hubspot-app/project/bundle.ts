// HubSpot's own offline build (the Vite library build the CLI runs) of one extension entry.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { remoteBuild } from '@hubspot/ui-extensions-dev-server/build';

/** The card's budget, core included: HubSpot documents no size limit, so this is ours, to keep records fast to open. */
export const BUNDLE_BUDGET_BYTES = 150 * 1024;

/**
 * The settings page also carries a YAML parser (js-yaml, ~43 KB minified) so the playbook editor checks as the
 * admin types, and the four everyday-change forms of issue 18 item 6 (SLA, role → teams, checklist item, stage
 * criterion). It opens once per admin session, not on every record, so it may be larger than the card: 183,941
 * bytes measured in December 2026 (178,099 before the checklist-item and criterion forms), so 185 KB leaves ~5 KB.
 * What could not be cut: js-yaml's dumper (~10 KB of the ~48 KB js-yaml adds). Its package exports only its whole
 * ESM build (a CommonJS wrapper rollup cannot tree-shake); HubSpot's build refuses a deep import of
 * `js-yaml/lib/loader.js` ("Missing specifier") and takes no build configuration.
 */
// 6 December 2026: 190,361 bytes once the core's next step weighed every clock (speed to lead) and
// its display carried a settled rejection, so 188 KB leaves ~2 KB: the core is what grows.
export const SETTINGS_BUDGET_BYTES = 188 * 1024;

/**
 * The app pages (queue and dashboard) carry the core's runtime entry like the card, no YAML parser:
 * 66,226 bytes measured in December 2026 (issue 23), so 80 KB leaves room for a few features.
 */
export const PAGES_BUDGET_BYTES = 80 * 1024;

export interface Bundle {
  bytes: number;
  gzipBytes: number;
  text: string;
}

export async function buildExtension(root: string, entryPoint: string): Promise<Bundle> {
  const outputDir = mkdtempSync(join(tmpdir(), 'handoff-hubspot-build-'));
  // The build inlines process.env.NODE_ENV; under vitest it is "test", which would measure
  // React's development runtime instead of what HubSpot ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await remoteBuild({ root, entryPoint, outputDir, logLevel: 'silent' });
    const file = readFileSync(join(outputDir, entryPoint.replace(/\.tsx?$/, '.js')));
    return {
      bytes: file.byteLength,
      gzipBytes: gzipSync(file).byteLength,
      text: file.toString('utf8'),
    };
  } finally {
    process.env.NODE_ENV = nodeEnv;
    rmSync(outputDir, { recursive: true, force: true });
  }
}
