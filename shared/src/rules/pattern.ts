// `matches` patterns, run in time linear in the value: an admin's pattern is compiled to a Thompson
// NFA and simulated one state set per character, so `^(a+)+$` costs what `^a+$` costs. The JavaScript
// engine backtracks (exponential on such patterns, and one slow criterion stalls every tenant of a
// service), and a linear-time library was too large for the Lightning bundle (re2js: 150 KB
// minified). Syntax is JavaScript's (`u` flag) minus what no linear matcher can do: back-references,
// lookarounds and Unicode property escapes are refused when the playbook is parsed.

/** Counted repetitions above this (`a{1001}`) are refused, as RE2 does. */
export const MAX_REPEAT = 1000;
/** Program size after counted repetitions are expanded: bounds the work per character. */
export const MAX_PATTERN_STEPS = 1000;
/**
 * Work per match is at most (program size × value length); values longer than this budget allows
 * are not matched (the verdict is unknown). About a millisecond at most, so an admin's worst
 * pattern costs a card view what an ordinary one does (issue 17 item 3, `npm run bench`): a
 * 20-step pattern still reads 5,000 characters, the largest allowed one about 100.
 */
export const MAX_MATCH_WORK = 100_000;

/** The longest value (in UTF-16 units) `pattern` is run on. */
export const longestMatchable = (pattern: Pattern): number =>
  Math.floor(MAX_MATCH_WORK / pattern.test.length);

/** Sorted, disjoint inclusive code point ranges: [from, to, from, to, …]. */
type Ranges = number[];
type Node =
  | { t: 'set'; r: Ranges }
  | { t: 'cat' | 'alt'; n: Node[] }
  | { t: 'rep'; n: Node; min: number; max: number }
  | { t: 'at'; k: Assertion };
/** `^`, `$`, `\b`, `\B` (no flags: input start and end, ASCII word characters). */
type Assertion = '^' | '$' | 'b' | 'B';

/**
 * The program as parallel arrays (monomorphic, so the matching loop stays fast). State `s` reads
 * a character in `test[s]` and goes to `next[s]`, or forks to `next[s]` and `other[s]`, or holds
 * the assertion `test[s]` and goes to `next[s]`; state 0 is the match.
 */
export interface Pattern {
  test: (Ranges | Assertion | null)[];
  next: number[];
  other: number[];
  start: number;
}

export class PatternError extends Error {}

const MAX_CODE_POINT = 0x10ffff;
const DIGIT: Ranges = [48, 57];
const WORD: Ranges = [48, 57, 65, 90, 95, 95, 97, 122];
// ECMAScript WhiteSpace and LineTerminator: what `\s` matches.
const SPACE: Ranges = [
  9, 13, 32, 32, 160, 160, 5760, 5760, 8192, 8202, 8232, 8233, 8239, 8239, 8287, 8287, 12288, 12288,
  65279, 65279,
];
// `.` without the `s` flag: anything but a line terminator.
const DOT = complement([10, 10, 13, 13, 8232, 8233]);
const SYNTAX = '^$\\.*+?()[]{}|/';

function complement(r: Ranges): Ranges {
  const out: Ranges = [];
  let from = 0;
  for (let i = 0; i < r.length; i += 2) {
    if ((r[i] as number) > from) out.push(from, (r[i] as number) - 1);
    from = (r[i + 1] as number) + 1;
  }
  if (from <= MAX_CODE_POINT) out.push(from, MAX_CODE_POINT);
  return out;
}

const one = (c: string): Ranges => {
  const code = c.codePointAt(0) as number;
  return [code, code];
};

function union(parts: readonly Ranges[]): Ranges {
  const pairs: [number, number][] = [];
  for (const r of parts)
    for (let i = 0; i < r.length; i += 2) pairs.push([r[i] as number, r[i + 1] as number]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: Ranges = [];
  for (const [from, to] of pairs) {
    const last = out.length - 1;
    if (last > 0 && from <= (out[last] as number) + 1)
      out[last] = Math.max(out[last] as number, to);
    else out.push(from, to);
  }
  return out;
}

const inRanges = (r: Ranges, c: number): boolean => {
  for (let i = 0; i < r.length && (r[i] as number) <= c; i += 2)
    if (c <= (r[i + 1] as number)) return true;
  return false;
};

/**
 * Compiles a pattern that `new RegExp(pattern, 'u')` accepts; throws PatternError, whose message
 * ends a sentence about the pattern, for what the linear matcher refuses.
 */
export function compilePattern(source: string): Pattern {
  const chars = Array.from(source);
  let i = 0;
  const peek = (): string | undefined => chars[i];
  const eat = (c: string): boolean => (chars[i] === c ? (i++, true) : false);
  const refuse = (message: string): never => {
    throw new PatternError(message);
  };
  const unsupported = (what: string, kind: string): never =>
    refuse(
      `uses ${what}, which Handoff does not support: it matches patterns in time proportional to the value's length, and ${kind} cannot be matched that way.`,
    );

  function digits(): number {
    let n = '';
    while (/\d/.test(peek() ?? '')) n += chars[i++];
    return n === '' ? -1 : Number(n);
  }
  function hex(count: number): number {
    const text = chars.slice(i, i + count).join('');
    i += count;
    return parseInt(text, 16);
  }

  /** After a backslash: a set of characters, or an assertion outside a class. */
  function escape(inClass: boolean): Ranges | Assertion {
    const c = chars[i++] as string;
    switch (c) {
      case 'd':
        return DIGIT;
      case 'D':
        return complement(DIGIT);
      case 'w':
        return WORD;
      case 'W':
        return complement(WORD);
      case 's':
        return SPACE;
      case 'S':
        return complement(SPACE);
      case 'b':
        return inClass ? [8, 8] : 'b';
      case 'B':
        return 'B';
      case 't':
        return [9, 9];
      case 'n':
        return [10, 10];
      case 'v':
        return [11, 11];
      case 'f':
        return [12, 12];
      case 'r':
        return [13, 13];
      case '0':
        return [0, 0];
      case '-':
        return [45, 45];
      case 'c': {
        const code = (chars[i++] as string).charCodeAt(0) % 32;
        return [code, code];
      }
      case 'x': {
        const code = hex(2);
        return [code, code];
      }
      case 'u': {
        let code: number;
        if (eat('{')) {
          const end = chars.indexOf('}', i);
          code = parseInt(chars.slice(i, end).join(''), 16);
          i = end + 1;
        } else {
          code = hex(4);
          // `\uD83D\uDE00` is one code point under the `u` flag.
          if (code >= 0xd800 && code <= 0xdbff && chars[i] === '\\' && chars[i + 1] === 'u') {
            const low = parseInt(chars.slice(i + 2, i + 6).join(''), 16);
            if (low >= 0xdc00 && low <= 0xdfff) {
              i += 6;
              code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
            }
          }
        }
        return [code, code];
      }
      case 'k':
        return unsupported('a back-reference (`\\k<…>`)', 'back-references');
      case 'p':
      case 'P':
        return refuse(
          `uses a Unicode property escape (\`\\${c}{…}\`), which Handoff does not support; list the characters in a class such as \`[A-Za-z]\` instead.`,
        );
      default:
        if (/[1-9]/.test(c)) return unsupported(`a back-reference (\`\\${c}\`)`, 'back-references');
        if (SYNTAX.includes(c)) return one(c);
        return refuse(`uses the escape \`\\${c}\`, which Handoff does not support.`);
    }
  }

  function classAtom(): Ranges {
    const c = chars[i++] as string;
    if (c !== '\\') return one(c);
    return escape(true) as Ranges;
  }

  function characterClass(): Ranges {
    const negated = eat('^');
    const parts: Ranges[] = [];
    while (peek() !== ']') {
      const from = classAtom();
      if (peek() === '-' && chars[i + 1] !== ']' && from.length === 2 && from[0] === from[1]) {
        i++;
        const to = classAtom();
        parts.push([from[0] as number, to[1] as number]);
      } else parts.push(from);
    }
    i++;
    const set = union(parts);
    return negated ? complement(set) : set;
  }

  function atom(): Node {
    const c = chars[i++] as string;
    switch (c) {
      case '^':
      case '$':
        return { t: 'at', k: c };
      case '.':
        return { t: 'set', r: DOT };
      case '[':
        return { t: 'set', r: characterClass() };
      case '\\': {
        const e = escape(false);
        return typeof e === 'string' ? { t: 'at', k: e } : { t: 'set', r: e };
      }
      case '(': {
        if (eat('?')) {
          if (peek() === '=' || peek() === '!')
            unsupported('a lookahead (`(?=…)` or `(?!…)`)', 'lookarounds');
          if (peek() === '<' && (chars[i + 1] === '=' || chars[i + 1] === '!'))
            unsupported('a lookbehind (`(?<=…)` or `(?<!…)`)', 'lookarounds');
          if (eat('<'))
            i = chars.indexOf('>', i) + 1; // a named group groups like any other
          else if (!eat(':'))
            refuse('uses a group modifier (`(?i:…)`), which Handoff does not support.');
        }
        const inner = alternation();
        i++; // `)`
        return inner;
      }
      default:
        return { t: 'set', r: one(c) };
    }
  }

  function quantified(): Node {
    const node = atom();
    let min: number;
    let max: number;
    const q = peek();
    if (q === '*' || q === '+' || q === '?') {
      i++;
      [min, max] = q === '*' ? [0, Infinity] : q === '+' ? [1, Infinity] : [0, 1];
    } else if (q === '{') {
      // With the `u` flag a `{` after an atom can only open a counted repetition.
      i++;
      min = digits();
      max = eat(',') ? digits() : min;
      if (max < 0) max = Infinity;
      i++;
      if (Math.max(min, max === Infinity ? 0 : max) > MAX_REPEAT)
        refuse(`repeats a part more than ${MAX_REPEAT} times; at most ${MAX_REPEAT} are allowed.`);
    } else return node;
    eat('?'); // lazy or greedy: the same verdict when only "is there a match" is asked
    return { t: 'rep', n: node, min, max };
  }

  function sequence(): Node {
    const n: Node[] = [];
    while (i < chars.length && peek() !== '|' && peek() !== ')') n.push(quantified());
    return { t: 'cat', n };
  }

  function alternation(): Node {
    const n = [sequence()];
    while (eat('|')) n.push(sequence());
    return n.length === 1 ? (n[0] as Node) : { t: 'alt', n };
  }

  const tree = alternation();
  const program: Pattern = { test: [null], next: [0], other: [-1], start: 0 };
  const add = (test: Ranges | Assertion | null, next: number, other = -1): number => {
    if (program.test.push(test) > MAX_PATTERN_STEPS)
      refuse(
        `is too large once its repetitions are written out (more than ${MAX_PATTERN_STEPS} steps); use smaller counts.`,
      );
    program.next.push(next);
    program.other.push(other);
    return program.test.length - 1;
  };
  // Built back to front: each part is compiled knowing the state that follows it.
  const emit = (node: Node, next: number): number => {
    switch (node.t) {
      case 'set':
        return add(node.r, next);
      case 'at':
        return add(node.k, next);
      case 'cat':
        return node.n.reduceRight((after, part) => emit(part, after), next);
      case 'alt':
        return node.n
          .map((part) => emit(part, next))
          .reduceRight((rest, entry) => add(null, entry, rest));
      case 'rep': {
        let entry = next;
        if (node.max === Infinity) {
          entry = add(null, -1, next);
          program.next[entry] = emit(node.n, entry);
        } else {
          for (let k = node.min; k < node.max; k++) entry = add(null, emit(node.n, entry), next);
        }
        for (let k = 0; k < node.min; k++) entry = emit(node.n, entry);
        return entry;
      }
    }
  };
  program.start = emit(tree, 0);
  return program;
}

const isWord = (c: number | undefined): boolean => c !== undefined && inRanges(WORD, c);

/** Whether the pattern matches anywhere in `text` (RegExp#test with the `u` flag). */
export function testPattern(pattern: Pattern, text: string): boolean {
  const { test, next, other, start } = pattern;
  const input = Array.from(text, (c) => c.codePointAt(0) as number);
  const seen = new Int32Array(test.length).fill(-1);
  let current: number[] = [];
  let following: number[] = [];
  const stack: number[] = [];
  // Adds `s` and every state reachable from it without reading a character at `pos`.
  const reach = (s: number, pos: number, into: number[]): boolean => {
    stack.push(s);
    while (stack.length > 0) {
      const id = stack.pop() as number;
      if (seen[id] === pos) continue;
      seen[id] = pos;
      if (id === 0) {
        stack.length = 0;
        return true;
      }
      const t = test[id];
      if (t === null) stack.push(other[id] as number, next[id] as number);
      else if (typeof t !== 'string') into.push(id);
      else if (
        t === '^'
          ? pos === 0
          : t === '$'
            ? pos === input.length
            : (isWord(input[pos - 1]) !== isWord(input[pos])) === (t === 'b')
      )
        stack.push(next[id] as number);
    }
    return false;
  };
  for (let pos = 0; ; pos++) {
    if (reach(start, pos, current)) return true;
    if (pos === input.length) return false;
    const c = input[pos] as number;
    for (const id of current) {
      if (inRanges(test[id] as Ranges, c) && reach(next[id] as number, pos + 1, following))
        return true;
    }
    [current, following] = [following, current];
    following.length = 0;
  }
}

const compiled = new Map<string, Pattern | PatternError>();

/** The compiled pattern, kept per source (a playbook has a handful); the refusal when it has one. */
export function patternOf(source: string): Pattern | PatternError {
  let entry = compiled.get(source);
  if (entry === undefined) {
    try {
      new RegExp(source, 'u');
      entry = compilePattern(source);
    } catch (error) {
      entry =
        error instanceof PatternError
          ? error
          : new PatternError(`is not a valid regular expression: ${JSON.stringify(source)}.`);
    }
    // Bounded: an admin pasting many versions of a pattern must not grow the process forever.
    if (compiled.size >= 256) compiled.clear();
    compiled.set(source, entry);
  }
  return entry;
}
