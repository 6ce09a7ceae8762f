// Broken inputs for property tests: a valid value with a few of its places set to odd values,
// deleted, renamed or given a stray sibling. Used to hold c/handoffCore to the core it bundles.
import fc from 'fast-check';

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
export const anyValue = fc.oneof(odd, fc.jsonValue({ maxDepth: 2 }));

type Mutation = { at: number; kind: 'set' | 'delete' | 'extra' | 'rename'; value: unknown };
export const mutation = fc.record({
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

export function mutate<T>(valid: T, mutations: Mutation[]): unknown {
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
