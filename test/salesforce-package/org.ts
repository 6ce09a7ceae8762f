// A save in a pretend org: which of the package's validation rules fire for one insert or update.
import { evaluate, type Value } from './formula.js';
import { customPermissions, fields, permissionSets, validationRules } from './source.js';

/** Standard fields our rules may name; Salesforce has them in every org. */
export const STANDARD_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Opportunity: ['Id', 'Name', 'StageName', 'Amount', 'CloseDate', 'NextStep', 'LeadSource', 'Type'],
  User: ['Id', 'Name', 'Username', 'IsActive'],
  // Lead's standard fields the contact stages and the panel read.
  Lead: ['Id', 'Name', 'Status', 'Title', 'Company', 'Email', 'IsConverted', 'LeadSource'],
  Account: ['Id', 'Name', 'Type'],
};

const allFields = fields();
const rules = validationRules();
const permissionNames = customPermissions();
const sets = permissionSets();

/** Every name a formula on this object may use: its fields, its parents' fields, custom permissions, the user's fields. */
export function knownReferences(object: string): Set<string> {
  const own = allFields.filter((f) => f.object === object);
  const known = new Set([...(STANDARD_FIELDS[object] ?? []), ...own.map((f) => f.name)]);
  for (const parent of own.filter((f) => f.referenceTo !== undefined)) {
    const relationship = parent.name.replace(/__c$/, '__r');
    for (const f of allFields.filter((g) => g.object === parent.referenceTo)) {
      known.add(`${relationship}.${f.name}`);
    }
    for (const f of STANDARD_FIELDS[parent.referenceTo ?? ''] ?? [])
      known.add(`${relationship}.${f}`);
  }
  for (const p of permissionNames) known.add(`$Permission.${p}`);
  for (const f of STANDARD_FIELDS.User ?? []) known.add(`$User.${f}`);
  for (const f of allFields.filter((g) => g.object === 'User')) known.add(`$User.${f.name}`);
  return known;
}

export interface Save {
  object: string;
  before?: Record<string, Value>;
  after: Record<string, Value>;
  permissions: ReadonlySet<string>;
  /** The saving user's User record (`$User.<field>`); no fields set when absent. */
  user?: Record<string, Value>;
  /** The instant of the save, for NOW(); date/time fields may be given as ISO text. */
  now?: number;
}

/** ISO text in date/time fields (and their parents' `X__r.Field`) as the Dates formulas compute with. */
function dated(object: string, values: Record<string, Value>): Record<string, Value> {
  const out: Record<string, Value> = { ...values };
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'string') continue;
    const [first, second] = name.split('.');
    const owner =
      second === undefined
        ? object
        : allFields.find((f) => f.object === object && f.name === first?.replace(/__r$/, '__c'))
            ?.referenceTo;
    const field = allFields.find((f) => f.object === owner && f.name === (second ?? first));
    if (field?.type === 'DateTime') out[name] = new Date(value);
  }
  return out;
}

/** The names of the rules that block this save; empty means Salesforce saves it. */
const known = new Map<string, Set<string>>();

export function firingRules(save: Save): string[] {
  const knownFields = known.get(save.object) ?? knownReferences(save.object);
  known.set(save.object, knownFields);
  const context = {
    after: dated(save.object, save.after),
    before: dated(save.object, save.before ?? {}),
    isNew: save.before === undefined,
    permissions: save.permissions,
    user: save.user ?? {},
    knownFields,
    now: save.now ?? 0,
  };
  return rules
    .filter((r) => r.object === save.object && evaluate(r.formula, context) === true)
    .map((r) => r.name);
}

/** The custom permissions a person holding these permission sets has, read from the sets' XML. */
export function permissionsOf(setNames: readonly string[]): Set<string> {
  const held = sets.filter((s) => setNames.includes(s.name));
  if (held.length !== setNames.length) throw new Error(`unknown permission set in ${setNames}`);
  return new Set(held.flatMap((s) => s.customPermissions));
}
