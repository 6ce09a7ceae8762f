// Turns zod's structural issues into sentences an admin can act on.
// zod/mini ships no message locale (that keeps bundles small), so the wording lives here.
import type * as z from 'zod/mini';
import {
  describeValue,
  didYouMean,
  formatPath,
  isReservedName,
  reservedNameMessage,
  type PathSegment,
  type PlaybookIssue,
} from './issues.js';

type ZodIssue = z.core.$ZodIssue;

const FORMAT_BY_PATTERN: Record<string, string> = {
  '/^(?!constructor$)[a-z][a-z0-9_]{0,63}$/':
    'an id: lower-case letters, digits and underscores, starting with a letter (at most 64)',
  '/^\\d{2}:\\d{2}$/': 'a time written "HH:MM"',
  '/^\\d{4}-\\d{2}-\\d{2}$/': 'a date written "YYYY-MM-DD"',
};

export function valueAt(input: unknown, path: readonly PathSegment[]): unknown {
  let current: unknown = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

export function zodIssuesToPlaybookIssues(
  issues: readonly ZodIssue[],
  input: unknown,
  prefix: readonly PathSegment[] = [],
): PlaybookIssue[] {
  return issues.flatMap((issue) => describeIssue(issue, input, prefix));
}

function describeIssue(
  issue: ZodIssue,
  input: unknown,
  prefix: readonly PathSegment[],
): PlaybookIssue[] {
  const path = [...prefix, ...(issue.path as PathSegment[])];
  const at = formatPath(path);
  const value = valueAt(input, path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return [{ path: at, message: 'is required but missing.' }];
      return [
        { path: at, message: `must be ${article(issue.expected)}, not ${describeValue(value)}.` },
      ];
    case 'invalid_format': {
      if (isReservedName(value)) return [{ path: at, message: reservedNameMessage(value) }];
      const pattern = 'pattern' in issue ? String(issue.pattern) : '';
      const wanted = FORMAT_BY_PATTERN[pattern] ?? `in the format ${issue.format}`;
      return [{ path: at, message: `must be ${wanted}, not ${describeValue(value)}.` }];
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v));
      const hint =
        typeof value === 'string' ? didYouMean(value, issue.values.map(String)) : undefined;
      const message =
        value === undefined
          ? `is required: ${options.length === 1 ? `it must be ${options[0]}` : `one of ${options.join(', ')}`}.`
          : options.length === 1
            ? `must be ${options[0]}, not ${describeValue(value)}.`
            : `must be one of ${options.join(', ')}, not ${describeValue(value)}.`;
      return [withHint({ path: at, message }, hint)];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: formatPath([...path, key]),
        message: 'is not a setting the playbook knows; remove it or check its spelling.',
      }));
    case 'too_small':
      return [{ path: at, message: tooSmall(issue) }];
    case 'too_big':
      return [
        { path: at, message: `must be at most ${String(issue.maximum)} ${unitOf(issue.origin)}.` },
      ];
    case 'invalid_union':
      return describeUnion(issue, input, path);
    case 'invalid_key': {
      // A record's key (a field, role or calendar id): the key is the last segment of the path.
      const key = path[path.length - 1];
      if (isReservedName(key)) return [{ path: at, message: reservedNameMessage(key) }];
      const [first] = zodIssuesToPlaybookIssues(issue.issues, { key }, ['key']);
      return [
        { path: at, message: `is not a usable name: it ${first?.message ?? 'is not valid.'}` },
      ];
    }
    default:
      return [{ path: at, message: 'is not valid here.' }];
  }
}

function describeUnion(
  issue: Extract<ZodIssue, { code: 'invalid_union' }>,
  input: unknown,
  path: readonly PathSegment[],
): PlaybookIssue[] {
  const value = valueAt(input, path);
  if ('discriminator' in issue && typeof issue.discriminator === 'string') {
    const options = ('options' in issue ? (issue.options as unknown[]) : []).map(String);
    const hint = typeof value === 'string' ? didYouMean(value, options) : undefined;
    return [
      withHint(
        {
          path: formatPath(path),
          message:
            value === undefined
              ? `is required: one of ${options.join(', ')}.`
              : `must be one of ${options.join(', ')}, not ${describeValue(value)}.`,
        },
        hint,
      ),
    ];
  }
  // Several shapes were possible: report the one the admin most likely meant. A branch whose fixed
  // word (`unit: business_days`) differs from what was written is a worse guess than one missing a key.
  const branches = issue.errors.filter((branch) => branch.length > 0);
  if (branches.length === 0) return [{ path: formatPath(path), message: 'is not valid here.' }];
  const allAtRoot = branches.every((b) =>
    b.every((i) => i.path.length === 0 && i.code === 'invalid_type'),
  );
  if (allAtRoot) {
    return [
      {
        path: formatPath(path),
        message: `has the wrong form: ${describeValue(value)} is not accepted here.`,
      },
    ];
  }
  const score = (branch: readonly ZodIssue[]): number =>
    branch.reduce((sum, i) => {
      const written = valueAt(input, [...path, ...(i.path as PathSegment[])]) !== undefined;
      return sum + (i.code === 'invalid_value' && written ? 10 : 1);
    }, 0);
  const closest = branches.reduce((a, b) => (score(b) < score(a) ? b : a));
  return zodIssuesToPlaybookIssues(closest, input, path);
}

function tooSmall(issue: Extract<ZodIssue, { code: 'too_small' }>): string {
  const minimum = Number(issue.minimum);
  if (issue.origin === 'string' && minimum <= 1) return 'must not be empty.';
  if (issue.origin === 'array')
    return `must have at least ${minimum} ${minimum === 1 ? 'entry' : 'entries'}.`;
  if (issue.origin === 'number')
    return `must be ${issue.inclusive ? 'at least' : 'more than'} ${minimum}.`;
  return `must be at least ${minimum} ${unitOf(issue.origin)}.`;
}

function unitOf(origin: string): string {
  if (origin === 'string') return 'characters';
  if (origin === 'array') return 'entries';
  return '';
}

function article(expected: string): string {
  const words: Record<string, string> = {
    object: 'a group of settings',
    array: 'a list',
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    record: 'a group of named entries',
  };
  return words[expected] ?? expected;
}

function withHint(issue: PlaybookIssue, hint: string | undefined): PlaybookIssue {
  return hint === undefined ? issue : { ...issue, hint };
}
