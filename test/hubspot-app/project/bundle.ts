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
 * admin types; it opens once per admin session, not on every record, so it gets 20 KB more (157.6 KB measured
 * in December 2026).
 */
export const SETTINGS_BUDGET_BYTES = 170 * 1024;

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
