import { describe, expect, it } from 'vitest';
import {
  BUNDLE_BUDGET_BYTES,
  PAGES_BUDGET_BYTES,
  SETTINGS_BUDGET_BYTES,
  buildExtension,
} from './bundle.js';
import { CARDS, PAGES, SETTINGS } from './paths.js';

describe("HubSpot's build of the app's extensions", () => {
  it.each([
    ['the card', CARDS, 'HandoffCard.tsx', 'Submit handoff', BUNDLE_BUDGET_BYTES],
    ['the settings page', SETTINGS, 'SettingsPage.tsx', 'Save playbook', SETTINGS_BUDGET_BYTES],
    ['the app pages', PAGES, 'Pages.tsx', 'Needs attention now', PAGES_BUDGET_BYTES],
  ])(
    `when %s is built the way HubSpot builds it, then it bundles the core and stays under its budget`,
    async (_, root, entry, visibleText, budget) => {
      const bundle = await buildExtension(root, entry);
      expect(bundle.bytes).toBeGreaterThan(10_000);
      expect(bundle.bytes).toBeLessThanOrEqual(budget);
      expect(bundle.text).toContain(visibleText);
      // The core's contract is inside, not left as an import HubSpot could not resolve.
      expect(bundle.text).toContain('/v1/hubspot');
      expect(bundle.text).not.toMatch(/\bimport\s*\(|from\s*["']@handoff|require\(["']node:/);
    },
    60_000,
  );
});
