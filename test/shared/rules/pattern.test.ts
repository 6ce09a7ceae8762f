// `matches` patterns: linear-time matching that agrees with JavaScript's RegExp on the subset it
// accepts, and the playbook refusing what it does not run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlaybook, type Playbook, type Rule } from '../../../shared/src/playbook/index.js';
import { evaluateRule } from '../../../shared/src/rules/index.js';
import {
  compilePattern,
  MAX_MATCH_WORK,
  patternOf,
  testPattern,
} from '../../../shared/src/rules/pattern.js';
import { defaultPlaybook, defaultPlaybookInput } from '../fixtures.js';

const playbook: Playbook = {
  ...defaultPlaybook(),
  fields: { ...defaultPlaybook().fields, code: { type: 'text', label: 'Code' } },
};
const matches = (pattern: string, code: string) =>
  evaluateRule(
    { op: 'matches', field: 'code', pattern },
    { playbook, fields: { code }, handoffs: {} },
  );

describe('matches on a hostile pattern', () => {
  // With JavaScript's backtracking RegExp this criterion took 5 s at 28 characters, doubling with each
  // one more: at 5,000 characters it would never finish (the test would time out).
  it('when `^(a+)+$` meets a long value that almost matches, then the verdict comes back', () => {
    expect(matches('^(a+)+$', `${'a'.repeat(5000)}b`)).toEqual({
      outcome: 'fail',
      reason: `Code is "${'a'.repeat(5000)}b"; it must match the pattern /^(a+)+$/.`,
    });
    expect(matches('^(a+)+$', 'a'.repeat(5000)).outcome).toBe('pass');
  });

  it('when overlapping alternatives repeat, then the verdict comes back too', () => {
    expect(matches('^(a|a|aa)*$', `${'a'.repeat(3000)}!`).outcome).toBe('fail');
    expect(matches('^(\\w+\\s?)*$', `${'word '.repeat(1000)}!`).outcome).toBe('fail');
  });

  it('when a value is longer than the pattern may read, then the verdict is unknown with the limit', () => {
    const pattern = '[a-z]{0,400}x';
    const steps = compilePattern(pattern).next.length;
    const limit = Math.floor(MAX_MATCH_WORK / steps);
    expect(matches(pattern, 'a'.repeat(limit)).outcome).toBe('fail');
    expect(matches(pattern, 'a'.repeat(limit + 1))).toEqual({
      outcome: 'unknown',
      reason: `Code is too long (${limit + 1} characters) to check against the pattern /${pattern}/; it is checked up to ${limit}.`,
    });
  });
});

describe('the matcher agrees with JavaScript', () => {
  it.each<[string, string, boolean]>([
    ['^\\d{3}-\\d{4}$', '555-1234', true],
    ['^\\d{3}-\\d{4}$', '555-12345', false],
    ['\\bACME\\b', 'the ACME deal', true],
    ['\\bACME\\b', 'ACMEcorp', false],
    ['^[A-Z]{2}\\d{2}[A-Z0-9]{4,30}$', 'GB82WEST12345698765432', true],
    ['^(?<user>[^@\\s]+)@(?:[a-z0-9-]+\\.)+[a-z]{2,}$', 'dana@example.co.uk', true],
    ['^.$', '😀', true],
    ['^\\u{1F600}|\\uD83D\\uDE00$', '😀', true],
    ['^[^]*$', 'line\nbreak', true],
    ['^.*$', 'line\nbreak', false],
    ['^\\s+$', '\u00a0\t\u3000', true],
    ['^[\\w-]+$', 'a-b_c', true],
    ['x{2,}?y', 'xxxxy', true],
    ['^$', '', true],
  ])('when /%s/ is tested on %j, then it says %s as RegExp does', (pattern, text, expected) => {
    expect(new RegExp(pattern, 'u').test(text)).toBe(expected);
    expect(testPattern(compilePattern(pattern), text)).toBe(expected);
  });

  // Random patterns from the accepted subset over a small alphabet, so matches are frequent; small,
  // because RegExp (the reference) backtracks exponentially on some of them.
  const atom: fc.Arbitrary<string> = fc.constantFrom(
    'a',
    'b',
    '.',
    '[ab]',
    '[^a]',
    '\\d',
    '\\w',
    '\\s',
    '\\b',
    '^',
    '$',
    '[a-c1]',
  );
  const { pattern } = fc.letrec<{ pattern: string; term: string }>((tie) => ({
    term: fc.oneof(
      { maxDepth: 2, withCrossShrink: true },
      atom,
      fc.tuple(tie('pattern')).map(([p]) => `(?:${p})`),
      fc.tuple(tie('pattern')).map(([p]) => `(${p})`),
    ),
    pattern: fc
      .tuple(
        fc.array(
          fc.tuple(
            tie('term'),
            fc.constantFrom('', '', '*', '+', '?', '{2}', '{1,3}', '{0,}', '*?', '+?'),
          ),
          { minLength: 1, maxLength: 3 },
        ),
        fc.boolean(),
      )
      .map(([parts, alternatives]) =>
        parts.map(([t, q]) => quantify(t, q)).join(alternatives ? '|' : ''),
      ),
  }));

  it('when a pattern of the subset is tested on any text, then the verdict is RegExp#test', () => {
    fc.assert(
      fc.property(pattern, fc.stringMatching(/^[ab1 \n]{0,6}$/), (p, text) => {
        let expected: boolean;
        try {
          expected = new RegExp(p, 'u').test(text);
        } catch {
          return; // e.g. a quantified assertion: not a pattern a playbook can hold
        }
        const compiled = patternOf(p);
        if (compiled instanceof Error) return; // too large once expanded: refused, never run
        expect(testPattern(compiled, text), `/${p}/ on ${JSON.stringify(text)}`).toBe(expected);
      }),
      { numRuns: 1500 },
    );
  });
});

/** Quantifiers on assertions are syntax errors under the `u` flag: leave those bare. */
function quantify(term: string, quantifier: string): string {
  return ['^', '$', '\\b'].includes(term) ? term : `${term}${quantifier}`;
}

describe('patterns the playbook refuses', () => {
  const refusal = (pattern: string) => {
    const input = defaultPlaybookInput();
    input.stages[1].exit[1].rule = { op: 'matches', field: 'decision_maker', pattern } as Rule;
    const result = parsePlaybook(input);
    return result.ok ? [] : result.issues;
  };
  const at = 'stages[1].exit[1].rule.pattern';

  it.each<[string, string]>([
    [
      '(a)\\1',
      "uses a back-reference (`\\1`), which Handoff does not support: it matches patterns in time proportional to the value's length, and back-references cannot be matched that way.",
    ],
    [
      '(?<x>a)\\k<x>',
      "uses a back-reference (`\\k<…>`), which Handoff does not support: it matches patterns in time proportional to the value's length, and back-references cannot be matched that way.",
    ],
    [
      'a(?=b)',
      "uses a lookahead (`(?=…)` or `(?!…)`), which Handoff does not support: it matches patterns in time proportional to the value's length, and lookarounds cannot be matched that way.",
    ],
    [
      '(?<!a)b',
      "uses a lookbehind (`(?<=…)` or `(?<!…)`), which Handoff does not support: it matches patterns in time proportional to the value's length, and lookarounds cannot be matched that way.",
    ],
    [
      '\\p{Lu}',
      'uses a Unicode property escape (`\\p{…}`), which Handoff does not support; list the characters in a class such as `[A-Za-z]` instead.',
    ],
    ['a{1001}', 'repeats a part more than 1000 times; at most 1000 are allowed.'],
    [
      '(\\d{1000}){2}',
      'is too large once its repetitions are written out (more than 1000 steps); use smaller counts.',
    ],
    ['([a-z', 'is not a valid regular expression: "([a-z".'],
  ])('when the pattern is %s, then the playbook is refused at the pattern', (pattern, message) => {
    expect(refusal(pattern)).toEqual([{ path: at, message }]);
  });

  it('when the pattern nests quantifiers, then the playbook accepts it (it runs in linear time)', () => {
    expect(refusal('^(a+)+$')).toEqual([]);
    expect(patternOf('^(a+)+$')).not.toBeInstanceOf(Error);
  });
});
