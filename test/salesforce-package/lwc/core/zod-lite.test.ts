// c/handoffCore runs the core's own schemas on a smaller engine (scripts/handoff-core/zod-lite.ts)
// to fit the platform's size limit. These tests hold that engine to zod: the same schemas, bundled
// as the module bundles them, must give zod's result (success, output with defaults, and every
// issue) on valid inputs and on thousands of broken ones.
import { build } from 'esbuild';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as zodSchemas from '../../../../shared/src/runtime.js';
import { evaluateRecord, parsePlaybook } from '../../../../shared/src/runtime.js';
import { CORE_FILE, lean } from '../../../../salesforce-package/scripts/build-handoff-core.js';
import { defaultPlaybookInput } from '../../../shared/fixtures.js';
import { deal, handoffState, rep } from '../../../shared/builders.js';

interface SafeParser {
  safeParse(data: unknown): { success: boolean; data?: unknown; error?: { issues: unknown[] } };
}
type Schemas = Record<
  'PlaybookSchema' | 'RecordSnapshotSchema' | 'ViewerSchema' | 'HandoffRequestSchema',
  SafeParser
>;

const SCHEMAS = [
  'PlaybookSchema',
  'RecordSnapshotSchema',
  'ViewerSchema',
  'HandoffRequestSchema',
] as const;
const src = (path: string) =>
  fileURLToPath(new URL(`../../../../shared/src/${path}`, import.meta.url));

let dir: string;
let lite: Schemas;
let core: {
  readPlaybook: (text: string) => unknown;
  evaluateRecord: typeof evaluateRecord;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zod-lite-'));
  const result = await build({
    stdin: {
      contents: [
        `export { PlaybookSchema } from ${JSON.stringify(src('playbook/schema.ts'))};`,
        `export { RecordSnapshotSchema } from ${JSON.stringify(src('shapes/snapshot.ts'))};`,
        `export { ViewerSchema } from ${JSON.stringify(src('shapes/viewer.ts'))};`,
        `export { HandoffRequestSchema } from ${JSON.stringify(src('shapes/request.ts'))};`,
      ].join('\n'),
      resolveDir: dir,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    target: 'es2021',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
    plugins: [lean],
  });
  const text = result.outputFiles[0]?.text ?? '';
  expect(text).not.toContain('_zod');
  const file = join(dir, 'schemas.mjs');
  writeFileSync(file, text);
  lite = (await import(pathToFileURL(file).href)) as Schemas;
  core = await import(pathToFileURL(CORE_FILE).href);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Values that hit every check the core's schemas declare, and some they should refuse. */
const odd = fc.constantFrom<unknown>(
  undefined,
  null,
  '',
  'x',
  'Bad Id',
  'qualified',
  'closed_won',
  'sales_to_cs',
  '09:00',
  '9:00',
  '2026-12-24',
  'x'.repeat(501),
  '😀'.repeat(40),
  0,
  -1,
  1.5,
  101,
  2 ** 60,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  [],
  ['09:00'],
  ['09:00', '17:00', '18:00'],
  {},
  { op: 'bogus' },
  { op: 'all', rules: [] },
  { op: 'not', rule: { op: 'present', field: 'amount' } },
  { op: 'present', field: 'amount', extra: 1 },
  { on: 'stage_entered' },
  { on: 'handoff_opened', handoff: 'sales_to_cs' },
  { unit: 'business_days', amount: 1 },
  { unit: 'business_days', amount: 1, mode: 'elapsed' },
  { unit: 'business_hours', amount: -2 },
  { consumedPercent: 120 },
  { type: 'submit' },
  { type: 'reject', reason: 'x', comment: 5 },
);
const anyValue = fc.oneof(odd, fc.jsonValue({ maxDepth: 2 }));

type Mutation = { at: number; kind: 'set' | 'delete' | 'extra' | 'rename'; value: unknown };
const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom<Mutation['kind']>('set', 'set', 'delete', 'extra', 'rename'),
  value: anyValue,
});

/** Every place in a value: where a mutation may strike. */
function places(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const out = [path];
  if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value))
      out.push(...places(v, [...path, Array.isArray(value) ? Number(k) : k]));
  return out;
}

function mutate<T>(valid: T, mutations: Mutation[]): unknown {
  let root: unknown = structuredClone(valid);
  for (const { at, kind, value: shared } of mutations) {
    // fast-check hands out the same constant objects again: copy, or later mutations would edit them.
    const m = { at, kind, value: structuredClone(shared) };
    const all = places(root);
    const path = all[m.at % all.length] ?? [];
    if (path.length === 0) {
      if (m.kind === 'set') root = m.value;
      continue;
    }
    const parent = path.slice(0, -1).reduce<any>((o, k) => o[k], root); // eslint-disable-line @typescript-eslint/no-explicit-any
    const key = path[path.length - 1] as string | number;
    if (m.kind === 'set') parent[key] = m.value;
    else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (m.kind === 'extra' && !Array.isArray(parent)) parent[`${String(key)}x`] = m.value;
    else if (m.kind === 'rename' && !Array.isArray(parent)) {
      parent[`${String(key)}s`] = parent[key];
      delete parent[key];
    }
  }
  return root;
}

const real = zodSchemas as unknown as Schemas;
function same(schema: (typeof SCHEMAS)[number], input: unknown): void {
  const expected = real[schema].safeParse(input);
  const actual = lite[schema].safeParse(input);
  expect(actual.success).toBe(expected.success);
  if (expected.success) expect(actual.data).toStrictEqual(expected.data);
  else expect(actual.error?.issues).toStrictEqual(expected.error?.issues);
}

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
const valid = {
  PlaybookSchema: defaultPlaybookInput(),
  RecordSnapshotSchema: snapshot,
  ViewerSchema: rep,
  HandoffRequestSchema: {
    handoffId: 'sales_to_cs',
    actionId: 'a-1',
    expectedVersion: 2,
    action: { type: 'reject', reason: 'missing_info', comment: 'No champion' },
  },
};

describe('zod-lite, the engine c/handoffCore runs the core schemas on', () => {
  it.each(SCHEMAS)('when %s gets a valid value, then it returns what zod returns', (schema) => {
    same(schema, valid[schema]);
    expect(real[schema].safeParse(valid[schema]).success).toBe(true);
  });

  it.each(SCHEMAS)(
    'when %s gets a broken value, then it fails or passes as zod does, with the same output and issues',
    (schema) => {
      let failures = 0;
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
          const input = mutate(valid[schema], ms);
          if (!real[schema].safeParse(input).success) failures++;
          same(schema, input);
        }),
        { numRuns: 600, seed: 20261126 },
      );
      // The cases must mostly be failures, or they would not test the issues.
      expect(failures).toBeGreaterThan(200);
    },
  );

  it('when a value is not even an object, then every schema fails as zod does', () => {
    fc.assert(
      fc.property(anyValue, (input) => {
        for (const schema of SCHEMAS) same(schema, input);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe('c/handoffCore as generated (with zod-lite inside)', () => {
  it('when it reads broken playbooks, then it reports what the core parser reports', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
        const input = mutate(valid.PlaybookSchema, ms);
        const text = JSON.stringify(input) ?? 'null';
        const expected = parsePlaybook(JSON.parse(text));
        expect(core.readPlaybook(text)).toStrictEqual(
          expected.ok
            ? { ok: true, playbook: expected.playbook }
            : { ok: false, issues: expected.issues },
        );
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it("when it evaluates broken snapshots, then the record view is the core's", () => {
    const parsed = parsePlaybook(valid.PlaybookSchema);
    if (!parsed.ok) throw new Error('the default playbook must parse');
    const now = Date.parse('2026-11-24T15:00:00.000Z');
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

  it('when bundled, then zod itself is not in it', () => {
    expect(readFileSync(CORE_FILE, 'utf8')).not.toContain('_zod');
  });
});
