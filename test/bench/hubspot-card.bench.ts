// The HubSpot card and settings page as HubSpot's own build (remoteBuild) produces them.
import { BUNDLE_BUDGET_BYTES, buildExtension } from '../hubspot-app/project/bundle.js';
import { CARDS, SETTINGS } from '../hubspot-app/project/paths.js';
import { line, section } from './lib.js';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export default async function (): Promise<void> {
  section('HubSpot extensions (remoteBuild: Vite IIFE, minified, React external, core included)');
  for (const [name, root, entry, budget] of [
    ['card (HandoffCard.tsx)', CARDS, 'HandoffCard.tsx', BUNDLE_BUDGET_BYTES],
    ['settings page (SettingsPage.tsx)', SETTINGS, 'SettingsPage.tsx', BUNDLE_BUDGET_BYTES],
  ] as const) {
    const started = performance.now();
    const bundle = await buildExtension(root, entry);
    line(
      name,
      `${kb(bundle.bytes)} minified, ${kb(bundle.gzipBytes)} gzip (budget ${kb(budget)}; built in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
}
