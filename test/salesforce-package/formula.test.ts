// The formula evaluator's $User merge fields and INCLUDES on a multi-select picklist, as Salesforce
// reads them: INCLUDES matches one selected value exactly, never a part of one.
import { describe, expect, it } from 'vitest';
import { includes, or, user } from '../../salesforce-package/scripts/formula.js';
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
