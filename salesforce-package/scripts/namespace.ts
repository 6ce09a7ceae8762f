// The package's namespace prefix and how its names look from outside the package. The prefix lives in
// one place, sfdx-project.json ("handoff": the committed project is the managed package);
// HANDOFF_SF_NAMESPACE overrides it (empty for a namespace-free scratch org). Source inside the
// package never carries the prefix: packaging adds it to every component's API name
// [https://developer.salesforce.com/docs/atlas.en-us.pkg2_dev.meta/pkg2_dev/sfdx_dev_dev2gp_plan_namespaces.htm],
// and an installed org's API names are `namespace__Name__c`
// [https://developer.salesforce.com/docs/platform/apex-dev/references/apex-dev/apex-classes-namespace-prefix.html].
// What runs outside the package (the jsforce tools, the admin's generated playbook metadata, the
// emulated subscriber org) qualifies the package's names through here.
import { readFileSync } from 'node:fs';
import { CUSTOM_PERMISSIONS, OBJECTS, userObject, type ObjectModel } from './model.js';

const PROJECT = new URL('../sfdx-project.json', import.meta.url);

/** A namespace is 1–15 letters, digits or single underscores, starting with a letter. */
const NAMESPACE = /^(?:[A-Za-z](?:[A-Za-z0-9]|_(?!_)){0,14})?$/;

export function namespacePrefix(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.HANDOFF_SF_NAMESPACE;
  const project = JSON.parse(readFileSync(PROJECT, 'utf8')) as { namespace?: unknown };
  const namespace =
    override !== undefined
      ? override.trim()
      : typeof project.namespace === 'string'
        ? project.namespace
        : '';
  if (!NAMESPACE.test(namespace) || namespace.endsWith('_')) {
    throw new Error(
      `${override !== undefined ? 'HANDOFF_SF_NAMESPACE' : 'salesforce-package/sfdx-project.json "namespace"'} is "${namespace}": a namespace is 1–15 letters, digits or single underscores, starting with a letter (or empty for no namespace).`,
    );
  }
  return namespace;
}

function namesOf(object: ObjectModel): string[] {
  return object.fields.flatMap((f) => {
    const relationship =
      f.type.kind === 'Lookup' || f.type.kind === 'MasterDetail'
        ? [f.name.replace(/__c$/, '__r'), `${f.type.relationshipName}__r`]
        : [];
    return [f.name, ...relationship];
  });
}

/**
 * Every API name the package defines: its objects, their fields, lookups' parent and child
 * relationships, its fields on User, its custom permissions. Only these take the prefix: an admin's
 * own fields (the playbook's Opportunity fields) keep their names.
 */
export const PACKAGE_NAMES: ReadonlySet<string> = new Set([
  ...OBJECTS.map((o) => o.name),
  ...OBJECTS.flatMap(namesOf),
  ...namesOf(userObject({ roles: {} } as Parameters<typeof userObject>[0])),
  ...Object.keys(CUSTOM_PERMISSIONS),
]);

/** `Handoff__c` → `ns__Handoff__c` for the package's own names; anything else as it is. */
export function qualify(apiName: string, namespace: string = namespacePrefix()): string {
  if (namespace === '' || !PACKAGE_NAMES.has(apiName)) return apiName;
  return `${namespace}__${apiName}`;
}

/** `ns__Handoff__c` → `Handoff__c`: the name as the package's source says it. */
export function unqualify(apiName: string, namespace: string): string {
  const prefix = `${namespace}__`;
  if (namespace === '' || !apiName.startsWith(prefix)) return apiName;
  const local = apiName.slice(prefix.length);
  return PACKAGE_NAMES.has(local) ? local : apiName;
}

/**
 * Each identifier of a formula (or a dotted path such as `Handoff__r.Status__c`,
 * `$User.Handoff_Roles__c`, `$Permission.Handoff_Admin_Config`) renamed segment by segment; string
 * literals and comments are left alone.
 */
function renameFormula(formula: string, rename: (name: string) => string): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const c = formula.charAt(i);
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < formula.length && formula.charAt(j) !== c) j += formula.charAt(j) === '\\' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else if (formula.startsWith('/*', i)) {
      const end = formula.indexOf('*/', i + 2);
      const j = end < 0 ? formula.length : end + 2;
      out += formula.slice(i, j);
      i = j;
    } else if (/[$A-Za-z_]/.test(c)) {
      const match = /^[$A-Za-z_][A-Za-z0-9_]*(?:\.[$A-Za-z_][A-Za-z0-9_]*)*/.exec(formula.slice(i));
      const path = match?.[0] ?? c;
      out += path.split('.').map(rename).join('.');
      i += path.length;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/**
 * A validation rule formula from the package's source as the installed org holds it: every name
 * the package defines prefixed. Names already prefixed are left alone (never `ns__ns__X__c`).
 */
export function qualifyFormula(formula: string, namespace: string): string {
  return renameFormula(formula, (name) => qualify(name, namespace));
}

/** The reverse: an installed org's formula as the package's source says it. */
export function unqualifyFormula(formula: string, namespace: string): string {
  return renameFormula(formula, (name) => unqualify(name, namespace));
}

/** A custom object, field or relationship name that names no namespace: `X__c`, not `ns__X__c`. */
function unprefixedCustom(name: string): boolean {
  return /__[cr]$/.test(name) && name.split('__').length === 2;
}

/**
 * A GraphQL query of a packaged Lightning web component as the platform runs it in an org with the
 * package's namespace: every custom object and field without a namespace gets the package's, and
 * in selections the original name stays as an alias, so the response body keeps the names the
 * source uses ("Use a Namespace Prefix",
 * https://developer.salesforce.com/docs/platform/graphql/guide/graphql-wire-lwc-namespace.html).
 * Argument objects (`where`, `orderBy`) take the prefixed name alone: their keys are input fields.
 */
export function qualifyGraphql(query: string, namespace: string): string {
  if (namespace === '') return query;
  let out = '';
  let depth = 0;
  /** The last significant character outside strings and comments. */
  let previous = '';
  let i = 0;
  while (i < query.length) {
    const c = query.charAt(i);
    if (query.startsWith('"""', i)) {
      const end = query.indexOf('"""', i + 3);
      const j = end < 0 ? query.length : end + 3;
      out += query.slice(i, j);
      i = j;
      previous = '"';
    } else if (c === '"') {
      let j = i + 1;
      while (j < query.length && query.charAt(j) !== '"') j += query.charAt(j) === '\\' ? 2 : 1;
      out += query.slice(i, j + 1);
      i = j + 1;
      previous = '"';
    } else if (c === '#') {
      const end = query.indexOf('\n', i);
      const j = end < 0 ? query.length : end;
      out += query.slice(i, j);
      i = j;
    } else if (/[A-Za-z_$]/.test(c)) {
      const name = /^[$A-Za-z_][A-Za-z0-9_]*/.exec(query.slice(i))?.[0] ?? c;
      i += name.length;
      const next = /^\s*(.)/.exec(query.slice(i))?.[1];
      if (!name.startsWith('$') && unprefixedCustom(name)) {
        const prefixed = `${namespace}__${name}`;
        const isAlias = next === ':' && depth === 0;
        const aliased = previous === ':' && depth === 0;
        out += isAlias ? name : depth > 0 || aliased ? prefixed : `${name}: ${prefixed}`;
      } else out += name;
      previous = 'a';
    } else {
      if (c === '(') depth += 1;
      if (c === ')') depth -= 1;
      if (!/\s/.test(c)) previous = c;
      out += c;
      i += 1;
    }
  }
  return out;
}
