import { describe, expect, it } from 'vitest';
import { bundleRuntime } from './runtime-bundle.js';

// The runtime entry goes into Lightning components (1 MB per JavaScript file in Salesforce's current
// docs: https://developer.salesforce.com/docs/platform/lwc/guide/create-components-javascript.html) and
// HubSpot cards (our own 150 KB per card, core included). Measured in December 2026 at 105 KB: zod/mini
// 31 KB, and the core grew by the words both faces now share (display/, ~5 KB, removed from each face),
// a linear-time matcher for admins' patterns (~5 KB; re2js would be 150 KB) and playbook bounds.
// Issue 19 added the three lifecycles (objects.ts, object-checks.ts, the mapping forms: ~4.5 KB):
// 116.4 KB measured, so 120 KB.
const BUDGET_BYTES = 120 * 1024;

describe('@handoff/shared/runtime', () => {
  it(`when bundled and minified for a card or Lightning component, then it stays under ${BUDGET_BYTES / 1024} KB`, async () => {
    const { bytes } = await bundleRuntime();
    expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('when bundled, then it carries no YAML parser, no Node built-ins and no dynamic import', async () => {
    const { text } = await bundleRuntime();
    expect(text).not.toMatch(/node:(fs|path|url)/);
    expect(text).not.toMatch(/\bimport\(/);
    expect(text).not.toContain('YAMLParseError');
  });
});
