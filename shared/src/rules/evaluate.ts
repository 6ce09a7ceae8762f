// Criterion → verdict with a reason a person understands. Three-valued: a value that cannot be read
// is `unknown`, never an exception, so one bad CRM value cannot break a card.
import type { CriterionDef, FieldDef, Playbook, Rule } from '../playbook/schema.js';
import { checklistOf, itemStatus, missingRequiredItems } from '../handoff/items.js';
import type { HandoffState } from '../shapes/handoff-state.js';
import type { Outcome, Verdict } from '../shapes/view.js';
import { coerce } from './coerce.js';
import { formatValue } from './format.js';
import { longestMatchable, PatternError, patternOf, testPattern } from './pattern.js';

export interface RuleContext {
  playbook: Playbook;
  fields: Readonly<Record<string, unknown>>;
  handoffs: Readonly<Record<string, HandoffState>>;
}

interface Result {
  outcome: Outcome;
  reason: string;
}

export function evaluateCriterion(criterion: CriterionDef, context: RuleContext): Verdict {
  const { outcome, reason } = evaluateRule(criterion.rule, context);
  return {
    id: criterion.id,
    label: criterion.label,
    outcome,
    severity: criterion.severity,
    reason,
  };
}

export function evaluateRule(rule: Rule, context: RuleContext): Result {
  switch (rule.op) {
    case 'all':
    case 'any':
      return combine(
        rule.op,
        rule.rules.map((r) => evaluateRule(r, context)),
      );
    case 'not': {
      const inner = evaluateRule(rule.rule, context);
      const outcome =
        inner.outcome === 'unknown' ? 'unknown' : inner.outcome === 'pass' ? 'fail' : 'pass';
      return {
        outcome,
        reason: outcome === 'fail' ? `It must not hold that: ${inner.reason}` : inner.reason,
      };
    }
    case 'checklist_complete':
      return checklistComplete(rule.handoff, context);
    case 'item_done':
      return itemDone(rule.handoff, rule.item, context);
    case 'handoff_status': {
      const handoff = context.playbook.handoffs.find((h) => h.id === rule.handoff);
      const status = context.handoffs[rule.handoff]?.status ?? 'not_started';
      const label = handoff?.label ?? rule.handoff;
      const wanted = rule.in.map(words).join(' or ');
      return rule.in.includes(status)
        ? { outcome: 'pass', reason: `${label} is ${words(status)}.` }
        : { outcome: 'fail', reason: `${label} is ${words(status)}; it must be ${wanted}.` };
    }
    default:
      return fieldRule(rule, context);
  }
}

type FieldRule = Extract<Rule, { field: string }>;

function fieldRule(rule: FieldRule, context: RuleContext): Result {
  const def = context.playbook.fields[rule.field];
  if (!def)
    return { outcome: 'unknown', reason: `The field \`${rule.field}\` is not in the playbook.` };
  const requirement = describeRequirement(rule, def);
  const value = coerce(def, context.fields[rule.field]);
  if (value.kind === 'invalid') {
    return { outcome: 'unknown', reason: `${def.label} could not be read: ${value.reason}.` };
  }
  if (value.kind === 'empty') {
    const outcome: Outcome = rule.op === 'absent' || rule.op === 'neq' ? 'pass' : 'fail';
    return {
      outcome,
      reason:
        outcome === 'pass'
          ? `${def.label} is empty, as required.`
          : `${def.label} is empty; it ${requirement}.`,
    };
  }
  const shown = formatValue(def.type, value.value);
  if (rule.op === 'matches') {
    const pattern = patternOf(rule.pattern);
    const text = String(value.value);
    if (!(pattern instanceof PatternError) && text.length > longestMatchable(pattern)) {
      return {
        outcome: 'unknown',
        reason: `${def.label} is too long (${text.length} characters) to check against the pattern /${rule.pattern}/; it is checked up to ${longestMatchable(pattern)}.`,
      };
    }
  }
  const holds = compare(rule, def, value.value);
  if (holds === undefined) {
    return {
      outcome: 'unknown',
      reason: `${def.label} is ${shown}, which cannot be checked: the rule's value does not fit a ${def.type} field.`,
    };
  }
  return holds
    ? { outcome: 'pass', reason: `${def.label} is ${shown}.` }
    : { outcome: 'fail', reason: `${def.label} is ${shown}; it ${requirement}.` };
}

function compare(
  rule: FieldRule,
  def: FieldDef,
  actual: number | string | boolean,
): boolean | undefined {
  switch (rule.op) {
    case 'present':
      return true;
    case 'absent':
      return false;
    case 'eq':
    case 'neq': {
      const expected = ruleValue(def, rule.value);
      if (expected === undefined) return undefined;
      return (expected === actual) === (rule.op === 'eq');
    }
    case 'in':
      return rule.values.some((v) => ruleValue(def, v) === actual);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const expected = ruleValue(def, rule.value);
      if (typeof expected !== 'number' || typeof actual !== 'number') return undefined;
      if (rule.op === 'gt') return actual > expected;
      if (rule.op === 'gte') return actual >= expected;
      if (rule.op === 'lt') return actual < expected;
      return actual <= expected;
    }
    case 'contains':
      return String(actual).toLowerCase().includes(rule.value.toLowerCase());
    case 'matches': {
      // Linear time whatever the pattern: an admin's `^(a+)+$` must not stall the service.
      const pattern = patternOf(rule.pattern);
      return pattern instanceof PatternError ? undefined : testPattern(pattern, String(actual));
    }
  }
}

function ruleValue(def: FieldDef, raw: unknown): number | string | boolean | undefined {
  const coerced = coerce(def, raw);
  return coerced.kind === 'value' ? coerced.value : undefined;
}

/** The requirement as the end of a sentence: "must be more than 0". */
export function describeRequirement(rule: FieldRule, def: FieldDef): string {
  const dated = def.type === 'date' || def.type === 'datetime';
  const show = (raw: unknown): string => {
    const v = ruleValue(def, raw);
    return v === undefined ? JSON.stringify(raw) : formatValue(def.type, v);
  };
  switch (rule.op) {
    case 'present':
      return 'must be filled in';
    case 'absent':
      return 'must be empty';
    case 'eq':
      return `must be ${show(rule.value)}`;
    case 'neq':
      return `must not be ${show(rule.value)}`;
    case 'in':
      return `must be one of ${rule.values.map(show).join(', ')}`;
    case 'gt':
      return `must be ${dated ? 'after' : 'more than'} ${show(rule.value)}`;
    case 'gte':
      return `must be ${dated ? 'on or after' : 'at least'} ${show(rule.value)}`;
    case 'lt':
      return `must be ${dated ? 'before' : 'less than'} ${show(rule.value)}`;
    case 'lte':
      return `must be ${dated ? 'on or before' : 'at most'} ${show(rule.value)}`;
    case 'contains':
      return `must contain "${rule.value}"`;
    case 'matches':
      return `must match the pattern /${rule.pattern}/`;
  }
}

function checklistComplete(handoffId: string, context: RuleContext): Result {
  const handoff = context.playbook.handoffs.find((h) => h.id === handoffId);
  if (!handoff)
    return { outcome: 'unknown', reason: `The handoff \`${handoffId}\` is not in the playbook.` };
  const missing = missingRequiredItems(
    context.playbook,
    handoff,
    context.handoffs[handoffId],
    context.fields,
  );
  if (missing.length === 0)
    return { outcome: 'pass', reason: `Every required item of ${handoff.label} is done.` };
  const names = missing.map((item) => item.label);
  return {
    outcome: 'fail',
    reason: `${handoff.label} has ${missing.length} required ${missing.length === 1 ? 'item' : 'items'} to do: ${names.join(', ')}.`,
  };
}

function itemDone(handoffId: string, itemId: string, context: RuleContext): Result {
  const handoff = context.playbook.handoffs.find((h) => h.id === handoffId);
  const item = handoff
    ? checklistOf(context.playbook, handoff)?.items.find((i) => i.id === itemId)
    : undefined;
  if (!handoff || !item)
    return {
      outcome: 'unknown',
      reason: `The item \`${itemId}\` of \`${handoffId}\` is not in the playbook.`,
    };
  const status = itemStatus(context.playbook, item, context.handoffs[handoffId], context.fields);
  return status.done
    ? { outcome: 'pass', reason: `${item.label} (${handoff.label}) is done.` }
    : { outcome: 'fail', reason: `${item.label} (${handoff.label}) is not done.` };
}

function combine(op: 'all' | 'any', results: Result[]): Result {
  const failing = results.filter((r) => r.outcome === 'fail');
  const unknown = results.filter((r) => r.outcome === 'unknown');
  const passing = results.filter((r) => r.outcome === 'pass');
  const join = (rs: Result[]): string => rs.map((r) => r.reason).join(' ');
  if (op === 'all') {
    if (failing.length > 0) return { outcome: 'fail', reason: join(failing) };
    if (unknown.length > 0) return { outcome: 'unknown', reason: join(unknown) };
    return { outcome: 'pass', reason: join(passing) };
  }
  if (passing.length > 0) return { outcome: 'pass', reason: join(passing.slice(0, 1)) };
  if (unknown.length > 0) return { outcome: 'unknown', reason: join(unknown) };
  return { outcome: 'fail', reason: `None of these holds: ${join(failing)}` };
}

function words(status: string): string {
  return status.replace('_', ' ');
}
