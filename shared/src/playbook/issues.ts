// Playbook problems as data: a path in the admin's words, a sentence, and maybe a hint.
export interface PlaybookIssue {
  /** Where the problem is, e.g. `stages[3].exit[0].rule.field`. Empty for the whole playbook. */
  path: string;
  message: string;
  hint?: string;
  /** Where the path is in the admin's text, 1-based, when the issue was read from text. */
  line?: number;
  column?: number;
}

export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** The segments of a path `formatPath` wrote: `slas[0].target` → `['slas', 0, 'target']`. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const pattern = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([A-Za-z_][A-Za-z0-9_]*)/gy;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < path.length && (match = pattern.exec(path)) !== null) {
    if (match[1] !== undefined) segments.push(Number(match[1]));
    else if (match[2] !== undefined) segments.push(JSON.parse(match[2]) as string);
    else if (match[3] !== undefined) segments.push(match[3]);
  }
  return segments;
}

/**
 * Whether `name` is one every plain JavaScript object already has (`constructor`, `toString`,
 * `__proto__`…): looked up in a record keyed by ids, it would find the inherited member.
 */
export function isReservedName(name: unknown): name is string {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(Object.prototype, name);
}

export function reservedNameMessage(name: string): string {
  return `is reserved: every JavaScript object already has a \`${name}\`, so Handoff could mistake one for the other; use another name.`;
}

/** Suggests the closest known word when an admin mistypes one ("did you mean `closedwon`?"). */
export function didYouMean(word: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const candidate of known) {
    // "blocking" for "block": a known word the admin extended reads as a typo too.
    if (lower.startsWith(candidate.toLowerCase()) || candidate.toLowerCase().startsWith(lower)) {
      return `did you mean \`${candidate}\`?`;
    }
  }
  for (const candidate of known) {
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  if (best === undefined) return undefined;
  const tolerance = Math.max(1, Math.floor(Math.max(word.length, best.length) / 3));
  return bestDistance <= tolerance ? `did you mean \`${best}\`?` : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Describes a value for a message: `the text "abc"`, `the number 3`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `the value ${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
