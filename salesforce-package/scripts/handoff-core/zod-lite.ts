// A small stand-in for `zod/mini`, used only when bundling c/handoffCore (build-handoff-core.ts
// aliases `zod/mini` to this file). The core's schemas stay the one source of truth: they are the
// same `z.*` calls, run by a smaller engine. It implements just the part of zod/mini the core uses,
// with zod 4's results (output values, defaults, and the issues the playbook's messages are built
// from); anything else is missing here and fails the build. test/salesforce-package/lwc/core/
// zod-lite.test.ts compares it with zod on the core's schemas.
type Key = string | number | symbol;
type Values = readonly unknown[] | undefined;
type Opt = 'optional' | 'defaulted' | undefined;

export interface Issue {
  code: string;
  path: Key[];
  continue?: boolean;
  [field: string]: unknown;
}
interface Payload {
  value: unknown;
  issues: Issue[];
}
interface Check {
  when?: (p: Payload) => boolean;
  check: (p: Payload) => void;
}
export interface Schema {
  run(p: Payload): Payload;
  check(...checks: Check[]): Schema;
  safeParse(data: unknown): SafeParseResult;
  readonly optin: Opt;
  readonly optout: Opt;
  /** Values a discriminator may take (literals and enums). */
  readonly values: Values;
  /** Object schemas only: the shape, resolved on first use (its getters may refer to later schemas). */
  readonly shape?: Record<string, Schema>;
}
export type SafeParseResult =
  { success: true; data: unknown } | { success: false; error: { issues: Issue[] } };

interface Parts {
  parse: (p: Payload) => Payload;
  optin?: () => Opt;
  optout?: () => Opt;
  values?: () => Values;
  shape?: () => Record<string, Schema>;
}

/** An issue without `continue: true` stops later checks (zod's `aborted`). */
const aborted = (p: Payload, from = 0) => p.issues.slice(from).some((i) => i.continue !== true);
const stopped = (p: Payload) => p.issues.some((i) => i.continue === false);
const isObject = (v: unknown): v is Record<Key, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const fresh = (value: unknown): Payload => ({ value, issues: [] });
const prefix = (key: Key, issues: Issue[]) => {
  for (const i of issues) i.path.unshift(key);
  return issues;
};
/** What zod hands out: no `continue` flag (nor the input or schema, which zod drops too). */
const finalize = (issues: Issue[]): Issue[] =>
  issues.map(({ continue: _, ...rest }) => ({ ...rest, message: 'Invalid input' }));
const fail = (p: Payload, issue: { code: string; path?: Key[]; [field: string]: unknown }) => {
  p.issues.push({ path: [], ...issue });
  return p;
};

function make(parts: Parts, checks: readonly Check[] = []): Schema {
  let shape: Record<string, Schema> | undefined;
  const schema: Schema = {
    run(p) {
      const out = parts.parse(p);
      if (checks.length === 0) return out;
      let stop = aborted(out);
      for (const c of checks) {
        if (c.when) {
          if (stopped(out) || !c.when(out)) continue;
        } else if (stop) continue;
        const before = out.issues.length;
        c.check(out);
        if (!stop && out.issues.length > before) stop = aborted(out, before);
      }
      return out;
    },
    check: (...more) => make(parts, [...checks, ...more]),
    safeParse(data) {
      const r = schema.run(fresh(data));
      return r.issues.length === 0
        ? { success: true, data: r.value }
        : { success: false, error: { issues: finalize(r.issues) } };
    },
    get optin() {
      return parts.optin?.();
    },
    get optout() {
      return parts.optout?.();
    },
    get values() {
      return parts.values?.();
    },
    get shape() {
      if (parts.shape) shape ??= parts.shape();
      return shape;
    },
  };
  return schema;
}

const typeOf =
  (expected: string, ok: (v: unknown) => boolean) =>
  (p: Payload): Payload => {
    if (ok(p.value)) return p;
    const received =
      expected === 'number' && typeof p.value === 'number' ? String(p.value) : undefined;
    return fail(p, { expected, code: 'invalid_type', ...(received ? { received } : {}) });
  };

export const string = () => make({ parse: typeOf('string', (v) => typeof v === 'string') });
export const number = () =>
  make({ parse: typeOf('number', (v) => typeof v === 'number' && Number.isFinite(v)) });
export const boolean = () => make({ parse: typeOf('boolean', (v) => typeof v === 'boolean') });
export const unknown = () => make({ parse: (p) => p });
const nullSchema = () => make({ parse: typeOf('null', (v) => v === null), values: () => [null] });
export { nullSchema as null };

function oneOf(values: readonly unknown[]): Schema {
  return make({
    parse: (p) =>
      values.includes(p.value) ? p : fail(p, { code: 'invalid_value', values: [...values] }),
    values: () => values,
  });
}
export const literal = (value: unknown) => oneOf(Array.isArray(value) ? value : [value]);
const enumSchema = (entries: readonly unknown[] | Record<string, unknown>) =>
  oneOf(Array.isArray(entries) ? entries : Object.values(entries));
export { enumSchema as enum };

export function optional(inner: Schema): Schema {
  return make({
    parse: (p) => (p.value === undefined && inner.optin !== 'defaulted' ? p : inner.run(p)),
    optin: () => (inner.optin === 'defaulted' ? 'defaulted' : 'optional'),
    optout: () => 'optional',
    values: () => (inner.values ? [...inner.values, undefined] : undefined),
  });
}

export function nullable(inner: Schema): Schema {
  return make({
    parse: (p) => (p.value === null ? p : inner.run(p)),
    optin: () => inner.optin,
    optout: () => inner.optout,
    values: () => (inner.values ? [...inner.values, null] : undefined),
  });
}

/** zod/mini's `_default`: an absent value becomes a shallow copy of the default, unvalidated. */
export function _default(inner: Schema, value: unknown): Schema {
  const copy = () =>
    typeof value === 'function'
      ? (value as () => unknown)()
      : Array.isArray(value)
        ? [...value]
        : isObject(value)
          ? { ...value }
          : value;
  return make({
    parse: (p) => {
      if (p.value === undefined) {
        p.value = copy();
        return p;
      }
      const r = inner.run(p);
      if (r.value === undefined) r.value = copy();
      return r;
    },
    optin: () => 'defaulted',
    values: () => inner.values,
  });
}

function objectSchema(shapeDef: Record<string, Schema>, strict: boolean): Schema {
  let keys: string[] | undefined;
  const schema = make({
    shape: () => ({ ...shapeDef }),
    parse: (p) => {
      const input = p.value;
      if (!isObject(input)) return fail(p, { expected: 'object', code: 'invalid_type' });
      const shape = schema.shape as Record<string, Schema>;
      keys ??= Object.keys(shape);
      const out: Record<string, unknown> = {};
      p.value = out;
      for (const key of keys) {
        if (key === '__proto__') continue;
        const el = shape[key] as Schema;
        const { optin, optout } = el;
        const r = el.run(fresh(input[key]));
        const present = key in input;
        if (!present && optout === 'optional' && optin === 'optional') continue;
        if (r.issues.length > 0) {
          if (optin !== undefined && optout === 'optional' && !present) continue;
          p.issues.push(...prefix(key, r.issues));
        }
        if (!present && optin === undefined) {
          if (r.issues.length === 0)
            p.issues.push({ code: 'invalid_type', expected: 'nonoptional', path: [key] });
          continue;
        }
        if (r.value !== undefined) out[key] = r.value;
        else if (present || (optin === 'defaulted' && optout !== 'optional')) out[key] = undefined;
      }
      if (strict) {
        const extra: string[] = [];
        for (const key in input) if (!keys.includes(key)) extra.push(key);
        if (extra.length > 0)
          p.issues.push({ code: 'unrecognized_keys', keys: extra, path: [], continue: true });
      }
      return p;
    },
  });
  return schema;
}
export const object = (shape: Record<string, Schema>) => objectSchema(shape, false);
export const strictObject = (shape: Record<string, Schema>) => objectSchema(shape, true);

export function array(element: Schema): Schema {
  return make({
    parse: (p) => {
      const input = p.value;
      if (!Array.isArray(input)) return fail(p, { expected: 'array', code: 'invalid_type' });
      p.value = input.map((item, i) => {
        const r = element.run(fresh(item));
        p.issues.push(...prefix(i, r.issues));
        return r.value;
      });
      return p;
    },
  });
}

/** Fixed-length tuples of required items (the only kind the core declares). */
export function tuple(items: readonly Schema[]): Schema {
  return make({
    parse: (p) => {
      const input = p.value;
      if (!Array.isArray(input)) return fail(p, { expected: 'tuple', code: 'invalid_type' });
      const n = items.length;
      if (input.length < n)
        return fail(p, { code: 'too_small', minimum: n, inclusive: true, origin: 'array' });
      if (input.length > n)
        fail(p, { code: 'too_big', maximum: n, inclusive: true, origin: 'array' });
      p.value = items.map((item, i) => {
        const r = item.run(fresh(input[i]));
        p.issues.push(...prefix(i, r.issues));
        return r.value;
      });
      return p;
    },
  });
}

export function union(options: readonly Schema[]): Schema {
  return make({
    parse: (p) => {
      if (options.length === 1) return (options[0] as Schema).run(p);
      const results: Payload[] = [];
      for (const option of options) {
        const r = option.run(fresh(p.value));
        if (r.issues.length === 0) return r;
        results.push(r);
      }
      const live = results.filter((r) => !aborted(r));
      if (live.length === 1) return live[0] as Payload;
      return fail(p, { code: 'invalid_union', errors: results.map((r) => finalize(r.issues)) });
    },
    optin: () =>
      options.some((o) => o.optin === 'defaulted')
        ? 'defaulted'
        : options.some((o) => o.optin !== undefined)
          ? 'optional'
          : undefined,
    optout: () => (options.some((o) => o.optout === 'optional') ? 'optional' : undefined),
  });
}

export function discriminatedUnion(discriminator: string, options: readonly Schema[]): Schema {
  let byValue: Map<unknown, Schema> | undefined;
  const lookup = () => {
    if (byValue) return byValue;
    byValue = new Map();
    for (const option of options) {
      for (const v of option.shape?.[discriminator]?.values ?? []) {
        if (byValue.has(v)) throw new Error(`Duplicate discriminator value "${String(v)}"`);
        byValue.set(v, option);
      }
    }
    return byValue;
  };
  return make({
    parse: (p) => {
      const input = p.value;
      if (!isObject(input)) return fail(p, { code: 'invalid_type', expected: 'object' });
      const option = lookup().get(input[discriminator]);
      if (option) return option.run(p);
      return fail(p, {
        code: 'invalid_union',
        errors: [],
        note: 'No matching discriminator',
        discriminator,
        options: [...lookup().keys()],
        path: [discriminator],
      });
    },
  });
}

const isPlainObject = (v: unknown): v is Record<Key, unknown> => {
  if (!isObject(v)) return false;
  const ctor = (v as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const proto: unknown = ctor.prototype;
  return isObject(proto) && Object.prototype.hasOwnProperty.call(proto, 'isPrototypeOf');
};

/** Records keyed by strings (every key schema the core uses is a string schema). */
export function record(keyType: Schema, valueType: Schema): Schema {
  return make({
    parse: (p) => {
      const input = p.value;
      if (!isPlainObject(input)) return fail(p, { expected: 'record', code: 'invalid_type' });
      const out: Record<Key, unknown> = {};
      p.value = out;
      for (const key of Reflect.ownKeys(input)) {
        if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(input, key))
          continue;
        const k = keyType.run(fresh(key));
        if (k.issues.length > 0) {
          fail(p, {
            code: 'invalid_key',
            origin: 'record',
            issues: finalize(k.issues),
            path: [key],
          });
          continue;
        }
        const r = valueType.run(fresh(input[key]));
        p.issues.push(...prefix(key, r.issues));
        out[key] = r.value;
      }
      return p;
    },
  });
}

// Checks. Length checks run even after an earlier issue (zod's `when`); the others do not.
const hasLength = (p: Payload) =>
  p.value !== null &&
  p.value !== undefined &&
  (p.value as { length?: unknown }).length !== undefined;
const lengthOf = (v: unknown) =>
  typeof v === 'string' ? [...v].length : (v as { length: number }).length;
const originOf = (v: unknown) =>
  Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : 'unknown';

export const minLength = (minimum: number): Check => ({
  when: hasLength,
  check: (p) => {
    if (lengthOf(p.value) < minimum)
      p.issues.push({
        origin: originOf(p.value),
        code: 'too_small',
        minimum,
        inclusive: true,
        path: [],
        continue: true,
      });
  },
});
export const maxLength = (maximum: number): Check => ({
  when: hasLength,
  check: (p) => {
    if (lengthOf(p.value) > maximum)
      p.issues.push({
        origin: originOf(p.value),
        code: 'too_big',
        maximum,
        inclusive: true,
        path: [],
        continue: true,
      });
  },
});
export const regex = (pattern: RegExp): Check => ({
  check: (p) => {
    pattern.lastIndex = 0;
    if (!pattern.test(p.value as string))
      p.issues.push({
        origin: 'string',
        code: 'invalid_format',
        format: 'regex',
        pattern: pattern.toString(),
        path: [],
        continue: true,
      });
  },
});
const bound = (code: 'too_small' | 'too_big', limit: number, inclusive: boolean): Check => ({
  check: (p) => {
    const v = p.value as number;
    const ok =
      code === 'too_small'
        ? inclusive
          ? v >= limit
          : v > limit
        : inclusive
          ? v <= limit
          : v < limit;
    if (!ok)
      p.issues.push({
        origin: 'number',
        code,
        [code === 'too_small' ? 'minimum' : 'maximum']: limit,
        inclusive,
        path: [],
        continue: true,
      });
  },
});
export const positive = () => bound('too_small', 0, false);
export const gte = (limit: number) => bound('too_small', limit, true);
export const lte = (limit: number) => bound('too_big', limit, true);
/** zod/mini's `int()` as a check: a safe integer. */
export const int = (): Check => ({
  check: (p) => {
    const v = p.value as number;
    if (!Number.isInteger(v)) {
      p.issues.push({
        expected: 'int',
        format: 'safeint',
        code: 'invalid_type',
        path: [],
        continue: false,
      });
    } else if (!Number.isSafeInteger(v)) {
      const big = v > 0;
      p.issues.push({
        code: big ? 'too_big' : 'too_small',
        [big ? 'maximum' : 'minimum']: big ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER,
        note: 'Integers must be within the safe integer range.',
        origin: 'int',
        inclusive: true,
        path: [],
        continue: true,
      });
    }
  },
});
