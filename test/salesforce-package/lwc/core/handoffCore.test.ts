// c/handoffCore as committed: identical to a rebuild, readable (security review reads it), under
// the platform's size limit with room to spare, and doing what the core it bundles does.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  evaluateRecord,
  jsonPositions,
  locateIssues,
  parsePlaybook,
} from '../../../../shared/src/runtime.js';
import {
  CORE_FILE,
  CORE_META,
  MAX_LINE,
  buildHandoffCore,
} from '../../../../salesforce-package/scripts/build-handoff-core.js';
import { defaultPlaybookInput } from '../../../shared/fixtures.js';
import { deal, handoffState, rep } from '../../../shared/builders.js';
import { compileBundle } from '../compile.js';
import { mutate, mutation } from './mutations.js';

/**
 * Salesforce caps a component's JavaScript file at 1 MB (1,000,000 bytes): "Component JavaScript
 * File", https://developer.salesforce.com/docs/platform/lwc/guide/create-components-javascript.html
 * (the 128 KB of older versions of that page no longer applies). Readable, with real zod/mini, the
 * module measured 188 KB on disk and 190 KB after @lwc/compiler's re-print; 256 KB left the core
 * room to grow by a third. The admin panel's change preview (issue 20: diffPlaybooks and
 * previewPlaybookChange for c/handoffChangePreview) took it from 246,138 B to 274,243 B on disk
 * (npm run build:handoff-core), past 256 KB: the budget was raised openly to 288 KB, which stays
 * under a third of the platform's 1,000,000 B. The whole revenue lifecycle (issue 19: contacts and
 * companies, the next step that weighs every clock, the preview by object) took the re-print to
 * 295,630 B in December 2026: raised openly again, to 320 KB, still under a third of the limit.
 */
const PLATFORM_LIMIT = 1_000_000;
const BUDGET = 320 * 1024;

let core: {
  readPlaybook: (text: string) => unknown;
  evaluateRecord: typeof evaluateRecord;
};
beforeAll(async () => {
  core = await import(pathToFileURL(CORE_FILE).href);
});

describe('c/handoffCore', () => {
  it('when rebuilt from the core and the adapter, then the committed module is identical (run npm run build:handoff-core)', async () => {
    expect(readFileSync(CORE_FILE, 'utf8')).toBe(await buildHandoffCore());
    expect(readFileSync(CORE_FILE.replace(/\.js$/, '.js-meta.xml'), 'utf8')).toBe(CORE_META);
  });

  it(`when read by a reviewer, then it is not minified: no line over ${MAX_LINE} characters, its TypeScript source named at the top and each module's file above it`, () => {
    const text = readFileSync(CORE_FILE, 'utf8');
    const lines = text.split('\n');
    expect(lines.filter((line) => line.length > MAX_LINE)).toEqual([]);
    const header = lines.slice(0, 8).join('\n');
    expect(header).toContain('GENERATED, do not edit');
    expect(header).toContain('salesforce-package/scripts/handoff-core/entry.ts');
    expect(header).toContain('shared/src/runtime.ts');
    expect(header).toContain('npm run build:handoff-core');
    expect(text).toContain('\n// salesforce-package/scripts/handoff-core/display.ts\n');
    expect(text).toContain('\n// shared/dist/src/record/evaluate.js\n');
  });

  it(`when compiled by @lwc/compiler, then the file and its re-print stay under ${BUDGET / 1024} KB (the platform allows 1 MB)`, () => {
    const [file] = compileBundle('handoffCore').filter((f) => f.file === 'handoffCore.js');
    expect(file?.sourceBytes).toBeLessThanOrEqual(BUDGET);
    expect(file?.compiledBytes).toBeLessThanOrEqual(BUDGET);
    expect(BUDGET).toBeLessThan(PLATFORM_LIMIT / 3);
  });

  it('when bundled, then it has no imports, dynamic import or eval the platform refuses', () => {
    const text = readFileSync(CORE_FILE, 'utf8');
    expect(text).not.toMatch(/^import\s/m);
    expect(text).not.toMatch(/\bimport\(/);
    expect(text).not.toMatch(/\beval\(/);
    expect(text).not.toMatch(/\bnew Function\b/);
    expect(text).not.toMatch(/['"`]node:[a-z]/);
  });

  it('when bundled, then its schemas run on zod/mini itself (one schema engine, no stand-in)', () => {
    const text = readFileSync(CORE_FILE, 'utf8');
    expect(text).toContain('\n// node_modules/zod/v4/core/schemas.js\n');
    expect(text).not.toContain('zod-lite');
  });
});

describe('c/handoffCore does what the core it bundles does', () => {
  const now = Date.parse('2026-11-24T15:00:00.000Z');
  const snapshot = deal({
    handoffs: {
      sales_to_cs: handoffState('rejected', {
        events: [
          { type: 'submitted', at: 1, by: 'u-rep', actionId: 'a-1', details: {} },
          {
            type: 'rejected',
            at: 2,
            by: 'u-cs',
            actionId: 'a-2',
            details: { reason: 'missing_info' },
          },
        ],
      }),
    },
  });

  it('when it reads broken playbooks, then it reports what the core parser reports, at their lines in the JSON', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
        const text = JSON.stringify(mutate(defaultPlaybookInput(), ms)) ?? 'null';
        const expected = parsePlaybook(JSON.parse(text));
        expect(core.readPlaybook(text)).toStrictEqual(
          expected.ok
            ? { ok: true, playbook: expected.playbook }
            : { ok: false, issues: locateIssues(expected.issues, jsonPositions(text)) },
        );
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it("when it evaluates broken snapshots, then the record view is the core's", () => {
    const parsed = parsePlaybook(defaultPlaybookInput());
    if (!parsed.ok) throw new Error('the default playbook must parse');
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 2 }), (ms) => {
        const input = mutate(snapshot, ms) as typeof snapshot;
        expect(core.evaluateRecord(parsed.playbook, input, rep, now)).toStrictEqual(
          evaluateRecord(parsed.playbook, input, rep, now),
        );
      }),
      { numRuns: 200, seed: 13 },
    );
  });
});
