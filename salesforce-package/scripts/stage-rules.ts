// The playbook's blocking exit criteria as validation rules on the record each stage lives on:
// leaving a stage for a later one (on the path to a win, for deals) needs the stage's exit criteria
// to hold, in the API and Data Loader too — an Opportunity's StageName, a Lead's Status, an
// Account's Type. Criteria a formula cannot decide (handoff states, checklists, text patterns) stay
// with the panel and are reported as skipped.
import {
  opportunityStageNamesOf,
  scopedPlaybook,
  type CriterionDef,
  type FieldDef,
  type Playbook,
  type RecordObject,
  type Rule,
  type StageDef,
} from '@handoff/shared';
import {
  and,
  compare,
  isBlank,
  isChanged,
  isPickval,
  not,
  number,
  or,
  pickvalIn,
  priorValue,
  text,
  type Formula,
} from './formula.js';
import { shortRuleName, titleCase, type ValidationRuleModel } from './rules.js';

export interface SkippedCriterion {
  stage: string;
  criterion: string;
  reason: string;
}

export interface StageRules {
  rules: ValidationRuleModel[];
  skipped: SkippedCriterion[];
}

/**
 * Standard picklists (Opportunity's and Lead's): formulas must read them with ISPICKVAL, never `=`
 * or ISBLANK.
 */
const STANDARD_PICKLISTS = new Set([
  'StageName',
  'LeadSource',
  'Type',
  'ForecastCategoryName',
  'Status',
  'Industry',
  'Rating',
]);

/** The sObject each object's records are, in Salesforce (a contact is a Lead until converted). */
const SOBJECTS: Record<RecordObject, string> = {
  deal: 'Opportunity',
  contact: 'Lead',
  company: 'Account',
};

class Unsupported extends Error {}

export function stageRules(whole: Playbook): StageRules {
  const rules: ValidationRuleModel[] = [];
  const skipped: SkippedCriterion[] = [];
  // Each object's stages are values of its own picklist, judged on its own fields.
  for (const object of ['deal', 'contact', 'company'] as const) {
    const playbook = scopedPlaybook(whole, object);
    const sobject = SOBJECTS[object];
    playbook.stages.forEach((stage, index) => {
      const own = picklistOf(stage);
      if (!own || own.values.length === 0) return;
      const later = laterValues(playbook.stages.slice(index + 1), own.field);
      for (const criterion of stage.exit) {
        if (criterion.severity !== 'block') continue;
        try {
          rules.push(exitRule(playbook, sobject, stage, own, later, criterion));
        } catch (error) {
          if (!(error instanceof Unsupported)) throw error;
          skipped.push({ stage: stage.id, criterion: criterion.id, reason: error.message });
        }
      }
    });
  }
  return { rules, skipped };
}

interface StagePicklist {
  /** StageName on an Opportunity; the field the stage names on a Lead or Account (Status, Type). */
  field: string;
  values: readonly string[];
}

function picklistOf(stage: StageDef): StagePicklist | undefined {
  const sf = stage.salesforce;
  if (!sf) return undefined;
  if ('stageNames' in sf) return { field: 'StageName', values: opportunityStageNamesOf(stage) };
  return { field: sf.field, values: sf.values };
}

/** Moving on means towards a win: going back, or to a lost stage, is never held up. */
function laterValues(stages: readonly StageDef[], field: string): string[] {
  return stages
    .filter((s) => s.outcome !== 'lost')
    .flatMap((s) => {
      const own = picklistOf(s);
      return own?.field === field ? own.values : [];
    });
}

function exitRule(
  playbook: Playbook,
  sobject: string,
  stage: StageDef,
  own: StagePicklist,
  later: readonly string[],
  criterion: CriterionDef,
): ValidationRuleModel {
  const fields = fieldsOf(criterion.rule);
  const only = fields.length === 1 ? playbook.fields[fields[0] as string]?.salesforce : undefined;
  return {
    object: sobject,
    name: ruleName(stage.id, criterion.id),
    description: `Generated from the playbook "${playbook.name}" (version ${playbook.version}): exit criterion ${criterion.id} of stage ${stage.id}.`,
    formula: and(
      isChanged(own.field),
      pickvalIn(priorValue(own.field), own.values),
      pickvalIn(own.field, later),
      not(holds(playbook, criterion.rule, sobject)),
    ),
    message: `${criterion.label} is needed to move on from ${stage.label}.`,
    ...(only ? { field: only } : {}),
  };
}

/** `Exit_<Stage>_<Criterion>`, shortened with a stable hash when Salesforce's 40 characters run out. */
function ruleName(stageId: string, criterionId: string): string {
  return shortRuleName(`Exit_${titleCase(stageId)}_${titleCase(criterionId)}`);
}

function fieldsOf(rule: Rule): string[] {
  if (rule.op === 'all' || rule.op === 'any') return [...new Set(rule.rules.flatMap(fieldsOf))];
  if (rule.op === 'not') return fieldsOf(rule.rule);
  return 'field' in rule ? [rule.field] : [];
}

/** A formula true exactly when the core's verdict would be `pass`; blanks fail as they do in the core. */
function holds(playbook: Playbook, rule: Rule, sobject: string): Formula {
  switch (rule.op) {
    case 'all':
      return and(...rule.rules.map((r) => holds(playbook, r, sobject)));
    case 'any':
      return or(...rule.rules.map((r) => holds(playbook, r, sobject)));
    case 'not':
      return not(holds(playbook, rule.rule, sobject));
    case 'present':
    case 'absent': {
      const present = isPresent(field(playbook, rule.field));
      return rule.op === 'present' ? present : not(present);
    }
    case 'eq':
      return equals(field(playbook, rule.field), rule.value);
    case 'neq':
      return not(equals(field(playbook, rule.field), rule.value));
    case 'in': {
      const f = field(playbook, rule.field);
      return or(...rule.values.map((v) => equals(f, v)));
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const f = field(playbook, rule.field);
      if (f.def.type !== 'number' || typeof rule.value !== 'number') {
        throw new Unsupported(`${rule.op} is compiled for number fields only`);
      }
      const op = ({ gt: '>', gte: '>=', lt: '<', lte: '<=' } as const)[rule.op];
      return and(not(isBlank(f.name)), compare(f.name, op, number(rule.value)));
    }
    default:
      throw new Unsupported(
        `${rule.op} cannot be decided by ${/^[AEIOU]/.test(sobject) ? 'an' : 'a'} ${sobject} formula`,
      );
  }
}

interface SalesforceField {
  name: string;
  def: FieldDef;
  picklist: boolean;
}

function field(playbook: Playbook, id: string): SalesforceField {
  const def = playbook.fields[id];
  if (!def?.salesforce) throw new Unsupported(`field ${id} has no Salesforce field`);
  const picklist = def.type === 'choice' || STANDARD_PICKLISTS.has(def.salesforce);
  return { name: def.salesforce, def, picklist };
}

function isPresent(f: SalesforceField): Formula {
  // A checkbox always has a value, as a boolean always does in the core.
  if (f.def.type === 'boolean') return 'TRUE';
  return f.picklist ? not(isPickval(f.name, '')) : not(isBlank(f.name));
}

function equals(f: SalesforceField, value: string | number | boolean): Formula {
  if (f.picklist) return isPickval(f.name, String(value));
  switch (f.def.type) {
    case 'boolean':
      if (typeof value !== 'boolean')
        throw new Unsupported('a checkbox compares with true or false');
      return value ? f.name : not(f.name);
    case 'number':
      if (typeof value !== 'number') throw new Unsupported('a number compares with a number');
      return and(not(isBlank(f.name)), compare(f.name, '=', number(value)));
    case 'text':
      return compare(f.name, '=', text(String(value)));
    default:
      throw new Unsupported(`equality on ${f.def.type} fields is not compiled`);
  }
}
