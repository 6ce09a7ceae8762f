// The package's metadata as the tests read it: straight from the XML files on disk, never from the
// generators' model, so the checks judge what would actually be deployed.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { parseFormula, type Node } from './formula.js';
import {
  namespacePrefix,
  unqualify,
  unqualifyFormula,
} from '../../salesforce-package/scripts/namespace.js';

export const PACKAGE_DIR = fileURLToPath(new URL('../../salesforce-package/', import.meta.url));
export const SOURCE_DIRS = ['force-app', 'default-playbook'].map((d) => join(PACKAGE_DIR, d));

const REPEATED = new Set([
  'fieldPermissions',
  'objectPermissions',
  'customPermissions',
  'summaryFilterItems',
  'value',
]);
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => REPEATED.has(name),
});

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

export const metaFiles = (): string[] =>
  SOURCE_DIRS.flatMap(listFiles).filter((f) => f.endsWith('-meta.xml'));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- metadata XML is untyped until read
type Xml = Record<string, any>;

export function readXml(path: string): Xml {
  return parser.parse(readFileSync(path, 'utf8')) as Xml;
}

export interface FieldSource {
  object: string;
  name: string;
  type: string;
  required: boolean;
  referenceTo?: string;
  relationshipName?: string;
}

export interface RuleSource {
  object: string;
  name: string;
  formula: Node;
  path: string;
}

export interface PermissionSetSource {
  name: string;
  customPermissions: string[];
  fields: Array<{ field: string; readable: boolean; editable: boolean }>;
  objects: Array<{
    object: string;
    create: boolean;
    read: boolean;
    edit: boolean;
    delete: boolean;
    viewAll: boolean;
    modifyAll: boolean;
  }>;
}

/**
 * The playbook's metadata (default-playbook/, outside the package) names the package's objects and
 * fields with its namespace; the checks speak the package source's names, so the prefix is dropped.
 */
const NAMESPACE = namespacePrefix({});
const objectOf = (path: string) =>
  unqualify(path.split('/objects/')[1]?.split('/')[0] ?? '', NAMESPACE);
const nameOf = (path: string, suffix: string) => basename(path).slice(0, -suffix.length);
const yes = (v: unknown) => v === 'true';

export function fields(): FieldSource[] {
  return metaFiles()
    .filter((f) => f.endsWith('.field-meta.xml'))
    .map((path) => {
      const x = readXml(path).CustomField as Xml;
      return {
        object: objectOf(path),
        name: nameOf(path, '.field-meta.xml'),
        type: String(x.type),
        required: yes(x.required),
        referenceTo: x.referenceTo as string | undefined,
        relationshipName: x.relationshipName as string | undefined,
      };
    });
}

export function customObjects(): string[] {
  return metaFiles()
    .filter((f) => f.endsWith('.object-meta.xml'))
    .map((f) => nameOf(f, '.object-meta.xml'));
}

export function customPermissions(): string[] {
  return metaFiles()
    .filter((f) => f.endsWith('.customPermission-meta.xml'))
    .map((f) => nameOf(f, '.customPermission-meta.xml'));
}

export function validationRules(): RuleSource[] {
  return metaFiles()
    .filter((f) => f.endsWith('.validationRule-meta.xml'))
    .map((path) => {
      const x = readXml(path).ValidationRule as Xml;
      return {
        object: objectOf(path),
        name: nameOf(path, '.validationRule-meta.xml'),
        formula: parseFormula(unqualifyFormula(String(x.errorConditionFormula), NAMESPACE)),
        path: relative(PACKAGE_DIR, path),
      };
    });
}

export function permissionSets(): PermissionSetSource[] {
  return metaFiles()
    .filter((f) => f.endsWith('.permissionset-meta.xml'))
    .map((path) => {
      const x = readXml(path).PermissionSet as Xml;
      return {
        name: nameOf(path, '.permissionset-meta.xml'),
        customPermissions: ((x.customPermissions ?? []) as Xml[])
          .filter((c) => yes(c.enabled))
          .map((c) => String(c.name)),
        fields: ((x.fieldPermissions ?? []) as Xml[]).map((f) => ({
          field: String(f.field),
          readable: yes(f.readable),
          editable: yes(f.editable),
        })),
        objects: ((x.objectPermissions ?? []) as Xml[]).map((o) => ({
          object: String(o.object),
          create: yes(o.allowCreate),
          read: yes(o.allowRead),
          edit: yes(o.allowEdit),
          delete: yes(o.allowDelete),
          viewAll: yes(o.viewAllRecords),
          modifyAll: yes(o.modifyAllRecords),
        })),
      };
    });
}
