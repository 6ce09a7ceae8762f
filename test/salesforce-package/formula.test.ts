// The formula evaluator's $User merge fields and INCLUDES on a multi-select picklist, as Salesforce
// reads them (INCLUDES matches one selected value exactly, never a part of one), and NOW(), $User.Id,
// date/time arithmetic, &, CASESAFEID and REGEX as the who-did-it and key rules use them.
import { describe, expect, it } from 'vitest';
import {
  caseSafeId,
  includes,
  join,
  or,
  regex,
  text,
  user,
  withinMinutesOfNow,
} from '../../salesforce-package/scripts/formula.js';
import { evaluate, parseFormula, type SaveContext, type Value } from './formula.js';

const ROLES = '$User.Handoff_Roles__c';

function run(formula: string, roles: Value, known: string[] = [ROLES]): Value {
  const context: SaveContext = {
    after: {},
    before: {},
    isNew: false,
    permissions: new Set(),
    user: { Handoff_Roles__c: roles },
    knownFields: new Set(known),
    now: 0,
  };
  return evaluate(parseFormula(formula), context);
}

describe('formula evaluator: $User and INCLUDES', () => {
  const mayAccept = or(
    includes(user('Handoff_Roles__c'), 'sales_rep'),
    includes(user('Handoff_Roles__c'), 'admin'),
  );

  it('when the builders write a role check, then it reads as Salesforce formula text', () => {
    expect(includes(user('Handoff_Roles__c'), 'sdr')).toBe(
      'INCLUDES($User.Handoff_Roles__c, "sdr")',
    );
  });

  it.each([
    ['sales_rep', true],
    ['sdr;sales_rep', true],
    ['cs_manager;admin', true],
    ['sdr', false],
    ['cs_manager', false],
    ['sales_rep_lead', false],
    ['', false],
    [null, false],
  ] as const)('when the user holds "%s", then the role check says %s', (roles, expected) => {
    expect(run(mayAccept, roles)).toBe(expected);
  });

  it('when a formula names a user field the org does not have, then it is an error', () => {
    expect(() => run('INCLUDES($User.Team__c, "sdr")', 'sdr')).toThrow(
      'unknown user field $User.Team__c',
    );
  });

  it('when INCLUDES compares with an empty or non-literal value, then it is an error', () => {
    expect(() => run(`INCLUDES(${ROLES}, "")`, 'sdr')).toThrow('text literal');
    expect(() => run(`INCLUDES(${ROLES}, ${ROLES})`, 'sdr')).toThrow('text literal');
    expect(() => includes(user('Handoff_Roles__c'), ' ')).toThrow('not empty');
  });

  it('when INCLUDES reads something that is not a picklist value, then it is an error', () => {
    expect(() => run(`INCLUDES(${ROLES}, "sdr")`, 3)).toThrow('multi-select picklist');
  });
});

describe('formula evaluator: NOW(), $User.Id, date/time arithmetic, & and CASESAFEID', () => {
  const at = Date.parse('2026-11-23T16:00:00.000Z');
  const evalAt = (formula: string, after: Record<string, Value>, known: string[]) =>
    evaluate(parseFormula(formula), {
      after,
      before: {},
      isNew: false,
      permissions: new Set(),
      user: { Id: '005000000000009AAA' },
      knownFields: new Set(known),
      now: at,
    });

  it('when a date/time is compared with NOW() plus or minus minutes, then days are the unit', () => {
    const within = withinMinutesOfNow('At__c', 5);
    const check = (iso: string | null) =>
      evalAt(within, { At__c: iso === null ? null : new Date(iso) }, ['At__c']);
    expect(check('2026-11-23T16:04:59.000Z')).toBe(true);
    expect(check('2026-11-23T15:55:00.000Z')).toBe(true);
    expect(check('2026-11-23T16:05:01.000Z')).toBe(false);
    expect(check('2020-01-01T00:00:00.000Z')).toBe(false);
    expect(check(null)).toBe(false);
    expect(evalAt('NOW() - At__c', { At__c: new Date(at - 86_400_000 / 2) }, ['At__c'])).toBe(0.5);
  });

  it('when a lookup is compared with $User.Id, then the saving user’s id decides', () => {
    const mine = (by: string) => evalAt('By__c = $User.Id', { By__c: by }, ['By__c', '$User.Id']);
    expect(mine('005000000000009AAA')).toBe(true);
    expect(mine('005000000000077AAA')).toBe(false);
  });

  it('when texts are joined with & and an id made case-safe, then the key reads as the APIs write it', () => {
    const key = join(caseSafeId('Opp__c'), text(':'), 'Handoff_Id__c');
    expect(
      evalAt(key, { Opp__c: '006000000000001', Handoff_Id__c: 'sales_to_cs' }, [
        'Opp__c',
        'Handoff_Id__c',
      ]),
    ).toBe('006000000000001AAA:sales_to_cs');
    expect(evalAt(caseSafeId('Opp__c'), { Opp__c: '001Dn00000AbCdE' }, ['Opp__c'])).toBe(
      '001Dn00000AbCdEIAV',
    );
  });

  it('when REGEX reads a text, then the whole text must match', () => {
    const date = regex('V__c', '\\d{4}-\\d{2}-\\d{2}');
    expect(evalAt(date, { V__c: '2027-01-31' }, ['V__c'])).toBe(true);
    expect(evalAt(date, { V__c: 'on 2027-01-31' }, ['V__c'])).toBe(false);
    expect(evalAt(date, { V__c: null }, ['V__c'])).toBe(false);
  });
});
