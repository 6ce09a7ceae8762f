import { describe, expect, it } from 'vitest';
import type { CriterionDef, Playbook, Rule } from '../../../shared/src/playbook/index.js';
import { evaluateCriterion } from '../../../shared/src/rules/index.js';
import type { HandoffState } from '../../../shared/src/shapes/index.js';
import { handoffState } from '../builders.js';
import { defaultPlaybook } from '../fixtures.js';

const base = defaultPlaybook();
const playbook: Playbook = {
  ...base,
  fields: {
    ...base.fields,
    vip: { type: 'boolean', label: 'VIP' },
    tier: { type: 'choice', label: 'Tier', options: ['Gold', 'Silver'] },
    signed_at: { type: 'datetime', label: 'Signed at' },
  },
};

function verdict(
  rule: Rule,
  fields: Record<string, unknown>,
  handoffs: Record<string, HandoffState> = {},
  severity: CriterionDef['severity'] = 'block',
) {
  return evaluateCriterion({ id: 'c', label: 'C', severity, rule }, { playbook, fields, handoffs });
}

describe('criteria on field values', () => {
  it.each<[string, Rule, Record<string, unknown>, 'pass' | 'fail' | 'unknown', string]>([
    [
      'a number above the bound',
      { op: 'gt', field: 'amount', value: 0 },
      { amount: '5000' },
      'pass',
      'Amount is 5,000.',
    ],
    [
      'an empty number',
      { op: 'gt', field: 'amount', value: 0 },
      { amount: '' },
      'fail',
      'Amount is empty; it must be more than 0.',
    ],
    [
      'a missing number',
      { op: 'gt', field: 'amount', value: 0 },
      {},
      'fail',
      'Amount is empty; it must be more than 0.',
    ],
    [
      'a zero number',
      { op: 'gt', field: 'amount', value: 0 },
      { amount: 0 },
      'fail',
      'Amount is 0; it must be more than 0.',
    ],
    [
      'a malformed number',
      { op: 'gt', field: 'amount', value: 0 },
      { amount: '12k' },
      'unknown',
      'Amount could not be read: "12k" is not a number.',
    ],
    [
      'an object where a number belongs',
      { op: 'gte', field: 'amount', value: 10 },
      { amount: { v: 1 } },
      'unknown',
      'Amount could not be read: an object is not a number.',
    ],
    [
      'a number at the inclusive bound',
      { op: 'gte', field: 'amount', value: 10 },
      { amount: 10 },
      'pass',
      'Amount is 10.',
    ],
    [
      'a number above an upper bound',
      { op: 'lte', field: 'amount', value: 10 },
      { amount: 10.5 },
      'fail',
      'Amount is 10.5; it must be at most 10.',
    ],
    [
      'a present text',
      { op: 'present', field: 'pain' },
      { pain: 'Churn' },
      'pass',
      'Pain identified is "Churn".',
    ],
    [
      'a blank text',
      { op: 'present', field: 'pain' },
      { pain: '   ' },
      'fail',
      'Pain identified is empty; it must be filled in.',
    ],
    [
      'an absent text that must be absent',
      { op: 'absent', field: 'lost_reason' },
      {},
      'pass',
      'Closed lost reason is empty, as required.',
    ],
    [
      'a present text that must be absent',
      { op: 'absent', field: 'lost_reason' },
      { lost_reason: 'Price' },
      'fail',
      'Closed lost reason is "Price"; it must be empty.',
    ],
    [
      'a HubSpot epoch date after the bound',
      { op: 'gt', field: 'close_date', value: '2026-01-01' },
      { close_date: '1790812800000' },
      'pass',
      'Close date is 2026-10-01.',
    ],
    [
      'a Salesforce ISO date before the bound',
      { op: 'gte', field: 'close_date', value: '2026-01-01' },
      { close_date: '2025-12-31' },
      'fail',
      'Close date is 2025-12-31; it must be on or after 2026-01-01.',
    ],
    [
      'a malformed date',
      { op: 'lt', field: 'close_date', value: '2026-01-01' },
      { close_date: 'soon' },
      'unknown',
      'Close date could not be read: "soon" is not a date.',
    ],
    [
      'a date after year 9999 (epoch milliseconds)',
      { op: 'lt', field: 'close_date', value: '2026-01-01' },
      { close_date: '300000000000000' },
      'unknown',
      'Close date could not be read: "300000000000000" is not a date.',
    ],
    [
      'a datetime',
      { op: 'lt', field: 'signed_at', value: '2026-01-01' },
      { signed_at: '2025-06-01T10:30:00Z' },
      'pass',
      'Signed at is 2025-06-01 10:30 UTC.',
    ],
    [
      'a boolean from HubSpot text',
      { op: 'eq', field: 'vip', value: true },
      { vip: 'true' },
      'pass',
      'VIP is true.',
    ],
    [
      'a malformed boolean',
      { op: 'eq', field: 'vip', value: true },
      { vip: 'yes' },
      'unknown',
      'VIP could not be read: "yes" is not true or false.',
    ],
    [
      'a choice in the set',
      { op: 'in', field: 'tier', values: ['Gold', 'Silver'] },
      { tier: 'Silver' },
      'pass',
      'Tier is "Silver".',
    ],
    [
      'a choice outside the set',
      { op: 'in', field: 'tier', values: ['Gold'] },
      { tier: 'Silver' },
      'fail',
      'Tier is "Silver"; it must be one of "Gold".',
    ],
    [
      'neq on an empty value',
      { op: 'neq', field: 'tier', value: 'Gold' },
      {},
      'pass',
      'Tier is empty, as required.',
    ],
    [
      'contains, ignoring case',
      { op: 'contains', field: 'next_step', value: 'demo' },
      { next_step: 'Book DEMO' },
      'pass',
      'Next step is "Book DEMO".',
    ],
    [
      'matches a pattern',
      { op: 'matches', field: 'decision_maker', pattern: '^[A-Z][a-z]+ [A-Z]' },
      { decision_maker: 'dana' },
      'fail',
      'Decision maker is "dana"; it must match the pattern /^[A-Z][a-z]+ [A-Z]/.',
    ],
  ])(
    'when the rule meets %s, then the verdict and reason are exact',
    (_case, rule, fields, outcome, reason) => {
      expect(verdict(rule, fields)).toEqual({
        id: 'c',
        label: 'C',
        outcome,
        severity: 'block',
        reason,
      });
    },
  );
});

describe('combinations', () => {
  const amount: Rule = { op: 'gt', field: 'amount', value: 0 };
  const pain: Rule = { op: 'present', field: 'pain' };

  it('when all hold, then all passes; when one fails, then the failing reason is given', () => {
    expect(verdict({ op: 'all', rules: [amount, pain] }, { amount: 5, pain: 'x' }).outcome).toBe(
      'pass',
    );
    expect(verdict({ op: 'all', rules: [amount, pain] }, { amount: 5 })).toMatchObject({
      outcome: 'fail',
      reason: 'Pain identified is empty; it must be filled in.',
    });
  });

  it('when one part cannot be read and none fails, then all is unknown (three-valued)', () => {
    expect(verdict({ op: 'all', rules: [amount, pain] }, { amount: 'x', pain: 'y' }).outcome).toBe(
      'unknown',
    );
    expect(verdict({ op: 'all', rules: [amount, pain] }, { amount: 'x' }).outcome).toBe('fail');
  });

  it('when any part holds, then any passes; when none does, then the reasons are listed', () => {
    expect(verdict({ op: 'any', rules: [amount, pain] }, { pain: 'x' }).outcome).toBe('pass');
    expect(verdict({ op: 'any', rules: [amount, pain] }, {})).toMatchObject({
      outcome: 'fail',
      reason:
        'None of these holds: Amount is empty; it must be more than 0. Pain identified is empty; it must be filled in.',
    });
  });

  it('when not wraps a passing rule, then it fails; an unknown stays unknown', () => {
    expect(verdict({ op: 'not', rule: pain }, { pain: 'x' })).toMatchObject({
      outcome: 'fail',
      reason: 'It must not hold that: Pain identified is "x".',
    });
    expect(verdict({ op: 'not', rule: amount }, { amount: 'x' }).outcome).toBe('unknown');
  });

  it('when the criterion only warns, then the severity is carried to the verdict', () => {
    expect(verdict(pain, {}, {}, 'warn')).toMatchObject({ outcome: 'fail', severity: 'warn' });
  });
});

describe('criteria on handoffs', () => {
  it('when the checklist has open required items, then checklist_complete fails naming them', () => {
    const state = handoffState('in_progress');
    delete state.items.promises;
    expect(
      verdict(
        { op: 'checklist_complete', handoff: 'sales_to_cs' },
        { arr: 5, contract_start: '2026-12-01' },
        { sales_to_cs: state },
      ),
    ).toMatchObject({
      outcome: 'fail',
      reason: 'Sales → CS has 1 required item to do: Promises made during the sale.',
    });
  });

  it('when every required item is done, including field-bound ones, then checklist_complete passes', () => {
    expect(
      verdict(
        { op: 'checklist_complete', handoff: 'sales_to_cs' },
        { arr: 5, contract_start: '2026-12-01' },
        { sales_to_cs: handoffState('in_progress') },
      ).outcome,
    ).toBe('pass');
  });

  it('when an item is done or not, then item_done says which', () => {
    const rule: Rule = { op: 'item_done', handoff: 'sales_to_cs', item: 'intro_call' };
    expect(verdict(rule, {}, { sales_to_cs: handoffState('in_progress') })).toMatchObject({
      outcome: 'fail',
      reason: 'Intro call between customer and CSM scheduled (Sales → CS) is not done.',
    });
  });

  it('when the handoff has no state yet, then handoff_status sees not started', () => {
    expect(
      verdict({ op: 'handoff_status', handoff: 'sdr_to_ae', in: ['accepted'] }, {}),
    ).toMatchObject({
      outcome: 'fail',
      reason: 'SDR → AE is not started; it must be accepted.',
    });
  });
});
