// Validation rules on every write, as the org runs them: each rule's error condition formula is
// evaluated with the package's own evaluator (salesforce-package/scripts/formula.ts, the one the
// metadata tests use) over the record as it would be saved, its prior values, its parents' fields
// the writing user's custom permissions (from the permission sets assigned to them) and the writing
// user's own User record (`$User.<field>`, `$User.Id` its id) and the org's clock (`NOW()`).
// https://help.salesforce.com/s/articleView?id=sf.fields_about_field_validation.htm
import {
  evaluate,
  parseFormula,
  references,
  type Node,
  type Value,
} from '../../../salesforce-package/scripts/formula.js';
import type { AccessPermissionSet } from './access.js';
import { SalesforceFault, type SalesforceError } from './errors.js';
import type { ObjectDef, Schema } from './schema.js';
import type { RecordStore, StoredRecord } from './store.js';
import { withSummaries } from './summaries.js';

export interface ValidationRuleDef {
  object: string;
  name: string;
  errorConditionFormula: string;
  errorMessage: string;
  /** The field the message is shown under; without one it is shown at the top of the page. */
  errorDisplayField?: string;
}

export interface PermissionSetDef {
  name: string;
  customPermissions: readonly string[];
  /** Object permissions and field-level security, enforced when the emulator enforces access. */
  objects?: AccessPermissionSet['objects'];
  fields?: AccessPermissionSet['fields'];
}

export interface ValidationSetup {
  rules: readonly ValidationRuleDef[];
  permissionSets: readonly PermissionSetDef[];
}

interface CompiledRule extends ValidationRuleDef {
  formula: Node;
}

/** A save refused by one or more rules; every firing rule is reported, as Salesforce does. */
export class ValidationFault extends SalesforceFault {
  constructor(readonly errors: readonly SalesforceError[]) {
    const first = errors[0] as SalesforceError;
    super(400, first.errorCode, first.message, first.fields);
  }

  override toResponse() {
    return { status: 400, body: this.errors.map((e) => ({ ...e, fields: e.fields ?? [] })) };
  }
}

export const FIELD_CUSTOM_VALIDATION_EXCEPTION = 'FIELD_CUSTOM_VALIDATION_EXCEPTION';

export class Validator {
  readonly #rules = new Map<string, CompiledRule[]>();
  readonly #known = new Map<string, Set<string>>();
  readonly #permissionSets: ReadonlyMap<string, readonly string[]>;

  constructor(
    private readonly schema: Schema,
    private readonly store: RecordStore,
    setup: ValidationSetup,
    /** The org's clock, for NOW(). */
    private readonly now: () => number,
  ) {
    this.#permissionSets = new Map(setup.permissionSets.map((p) => [p.name, p.customPermissions]));
    const permissions = new Set(setup.permissionSets.flatMap((p) => p.customPermissions));
    for (const rule of setup.rules) {
      const object = schema.get(rule.object);
      if (!object)
        throw new Error(
          `validation rule ${rule.object}.${rule.name}: the org has no ${rule.object}`,
        );
      let formula: Node;
      try {
        formula = parseFormula(rule.errorConditionFormula);
      } catch (error) {
        throw new Error(`validation rule ${rule.object}.${rule.name}: ${(error as Error).message}`);
      }
      const known = this.#knownOf(object, permissions);
      const unknown = references(formula).filter((name) => !known.has(name));
      // A real deploy refuses such a rule; here the emulator refuses to start.
      if (unknown.length > 0)
        throw new Error(
          `validation rule ${rule.object}.${rule.name} names ${unknown.join(', ')}, which the org does not have`,
        );
      const list = this.#rules.get(object.name) ?? [];
      list.push({ ...rule, formula });
      this.#rules.set(object.name, list);
    }
  }

  #knownOf(object: ObjectDef, permissions: ReadonlySet<string>): Set<string> {
    let known = this.#known.get(object.name);
    if (known) return known;
    known = new Set(object.fields.map((f) => f.name));
    for (const field of object.fields) {
      const parent = field.referenceTo ? this.schema.get(field.referenceTo) : undefined;
      if (!parent || field.kind !== 'reference') continue;
      const relationship = field.name.endsWith('__c')
        ? field.name.replace(/__c$/, '__r')
        : field.name.replace(/Id$/, '');
      for (const f of parent.fields) known.add(`${relationship}.${f.name}`);
    }
    for (const p of permissions) known.add(`$Permission.${p}`);
    for (const f of this.schema.get('User')?.fields ?? []) known.add(`$User.${f.name}`);
    this.#known.set(object.name, known);
    return known;
  }

  /** The custom permissions a user holds through their permission set assignments. */
  permissionsOf(userId: string): Set<string> {
    const held = new Set<string>();
    for (const assignment of this.store.all('PermissionSetAssignment')) {
      if (assignment.AssigneeId !== userId) continue;
      const set = this.store.get('PermissionSet', String(assignment.PermissionSetId));
      for (const p of this.#permissionSets.get(String(set?.Name)) ?? []) held.add(p);
    }
    return held;
  }

  /** Throws a ValidationFault when a rule of the object fires for this save. */
  check(type: string, before: StoredRecord | undefined, after: StoredRecord, userId: string): void {
    const object = this.store.object(type);
    const rules = this.#rules.get(object.name);
    if (!rules || rules.length === 0) return;
    const context = {
      after: this.#values(object, after),
      before: before ? this.#values(object, before) : {},
      isNew: before === undefined,
      permissions: this.permissionsOf(userId),
      user: this.store.get('User', userId) ?? {},
      knownFields: this.#known.get(object.name) ?? new Set<string>(),
      now: this.now(),
    };
    const firing = rules.filter((rule) => evaluate(rule.formula, context) === true);
    if (firing.length === 0) return;
    throw new ValidationFault(
      firing.map((rule) => ({
        message: rule.errorMessage,
        errorCode: FIELD_CUSTOM_VALIDATION_EXCEPTION,
        fields: rule.errorDisplayField ? [rule.errorDisplayField] : [],
      })),
    );
  }

  /** The record with roll-up summaries, booleans defaulted and its parents' fields as `X__r.Field`. */
  #values(object: ObjectDef, record: StoredRecord): Record<string, Value> {
    const out: Record<string, Value> = { ...withSummaries(this.store, object, record) };
    for (const field of object.fields) {
      // Date/times are instants (ms) in the store and date/times in formulas.
      const stored = out[field.name];
      if (field.kind === 'datetime' && typeof stored === 'number')
        out[field.name] = new Date(stored);
      if (field.kind === 'boolean' && (out[field.name] === undefined || out[field.name] === null))
        out[field.name] = false;
      const parentId = record[field.name];
      if (field.kind !== 'reference' || typeof parentId !== 'string' || !field.referenceTo)
        continue;
      const parentObject = this.schema.get(field.referenceTo);
      const parent = parentObject ? this.store.get(parentObject.name, parentId) : undefined;
      if (!parentObject || !parent) continue;
      const relationship = field.name.endsWith('__c')
        ? field.name.replace(/__c$/, '__r')
        : field.name.replace(/Id$/, '');
      const full = withSummaries(this.store, parentObject, parent);
      for (const [name, value] of Object.entries(full)) {
        const kind = this.schema.field(parentObject, name)?.kind;
        out[`${relationship}.${name}`] =
          kind === 'datetime' && typeof value === 'number' ? new Date(value) : value;
      }
    }
    return out;
  }
}
