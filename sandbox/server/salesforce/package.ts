// The Handoff package as an installed org sees it: its objects (from the package model), its Handoff
// roles field on User, the default playbook's Opportunity fields, and — read from the metadata XML that would be deployed —
// its validation rules and the custom permissions each permission set grants. Installed under the
// package's namespace by default (`handoff__Handoff__c`, `$User.handoff__Handoff_Roles__c`), as a
// subscriber org has it; `namespace: ''` is a namespace-free scratch org.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { fieldsOn, type Playbook } from '@handoff/shared';
import type {
  FieldDef,
  ObjectDef,
  PermissionSetDef,
  ValidationRuleDef,
  ValidationSetup,
} from '../../emulators/salesforce/index.js';
import { OBJECTS, userObject, type FieldModel } from '../../../salesforce-package/scripts/model.js';
import {
  namespacePrefix,
  qualify,
  qualifyFormula,
  unqualify,
  unqualifyFormula,
} from '../../../salesforce-package/scripts/namespace.js';

const PACKAGE_DIR = fileURLToPath(new URL('../../../salesforce-package/', import.meta.url));
export const SOURCE_DIRS = ['force-app', 'default-playbook'].map((d) => join(PACKAGE_DIR, d));
const PREFIXES = ['a00', 'a01', 'a02', 'a03', 'a04'];

function fieldDef(field: FieldModel, namespace: string): FieldDef {
  const type = field.type;
  const q = (name: string) => qualify(name, namespace);
  const base = { name: q(field.name), label: field.label };
  switch (type.kind) {
    case 'Text':
      return {
        ...base,
        kind: 'string',
        length: type.length,
        ...(type.key ? { unique: true } : {}),
      };
    case 'LongTextArea':
      return { ...base, kind: 'textarea', length: type.length };
    case 'Number':
      return { ...base, kind: 'double' };
    case 'Checkbox':
      return { ...base, kind: 'boolean' };
    case 'Date':
      return { ...base, kind: 'date' };
    case 'DateTime':
      return { ...base, kind: 'datetime' };
    case 'Picklist':
      return { ...base, kind: 'picklist', picklistValues: type.values };
    case 'MultiPicklist':
      return { ...base, kind: 'multipicklist', picklistValues: type.values };
    case 'Lookup':
    case 'MasterDetail':
      return {
        ...base,
        kind: 'reference',
        referenceTo: q(type.to),
        childRelationship: q(`${type.relationshipName}__r`),
        // The detail's sharing comes from its master (access.ts in the emulator).
        ...(type.kind === 'MasterDetail'
          ? { masterDetail: { writeRequiresMasterRead: type.writeRequiresMasterRead } }
          : {}),
      };
    case 'Summary':
      return {
        ...base,
        kind: 'double',
        readOnly: true,
        summary: {
          child: q(type.child),
          via: q(type.via),
          filters: Object.fromEntries(Object.entries(type.filters).map(([f, v]) => [q(f), v])),
        },
      };
  }
}

/** The package's custom objects, with system fields and their name field. */
export function packageObjects(namespace: string = namespacePrefix()): ObjectDef[] {
  return OBJECTS.map((object, index) => ({
    name: qualify(object.name, namespace),
    label: object.label,
    labelPlural: object.pluralLabel,
    keyPrefix: PREFIXES[index] ?? `a1${index}`,
    sharingModel: object.sharingModel,
    fields: [
      { name: 'Id', kind: 'id', readOnly: true },
      // Details have no owner: their master's sharing decides (ControlledByParent).
      ...(object.sharingModel === 'ControlledByParent'
        ? []
        : [{ name: 'OwnerId', kind: 'reference', referenceTo: 'User' } as FieldDef]),
      {
        name: 'Name',
        kind: 'string',
        label: object.nameField.label,
        readOnly: object.nameField.autoNumber !== undefined,
      },
      { name: 'CreatedDate', kind: 'datetime', readOnly: true },
      { name: 'LastModifiedDate', kind: 'datetime', readOnly: true },
      { name: 'SystemModstamp', kind: 'datetime', readOnly: true },
      ...object.fields.map((f) => fieldDef(f, namespace)),
    ],
  }));
}

/**
 * The fields the package and the deployed playbook add to standard objects: the Handoff roles on
 * User (values from the playbook's roles) and the playbook's Opportunity fields.
 */
export function packageCustomFields(
  playbook: Playbook,
  namespace: string = namespacePrefix(),
): Record<string, FieldDef[]> {
  return {
    Opportunity: playbookFields(playbook),
    User: userObject(playbook).fields.map((f) => fieldDef(f, namespace)),
  };
}

/** The playbook's custom Opportunity fields (the default playbook deploys them from default-playbook/). */
export function playbookFields(playbook: Playbook): FieldDef[] {
  return Object.values(fieldsOn(playbook, 'deal'))
    .filter((f) => f.salesforce?.endsWith('__c'))
    .map((f) => ({
      name: f.salesforce ?? '',
      label: f.label,
      kind:
        f.type === 'number'
          ? 'double'
          : f.type === 'date'
            ? 'date'
            : f.type === 'boolean'
              ? 'boolean'
              : 'string',
    }));
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) =>
    name === 'customPermissions' || name === 'objectPermissions' || name === 'fieldPermissions',
});

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

type Xml = Record<string, unknown>;

/**
 * The validation rules and permission sets of every source folder, as the org holds them. The
 * package's source names its own objects, fields and permissions without the namespace and
 * packaging adds it; the admin's generated playbook metadata (default-playbook/, not packaged) is
 * written with it. Both end up fully qualified in a subscriber org, and without any prefix in a
 * namespace-free one (the playbook's prefix, which names the package, dropped).
 */
export function packageValidation(
  dirs: readonly string[] = SOURCE_DIRS,
  namespace: string = namespacePrefix(),
): ValidationSetup {
  // The committed playbook metadata is written with the project's namespace, whatever the environment says.
  const project = namespacePrefix({});
  const orgNames = (formula: string) =>
    qualifyFormula(unqualifyFormula(formula, project), namespace);
  const orgName = (name: string) => qualify(unqualify(name, project), namespace);
  const all = dirs.flatMap(files);
  const rules: ValidationRuleDef[] = all
    .filter((f) => f.endsWith('.validationRule-meta.xml'))
    .map((path) => {
      const xml = (parser.parse(readFileSync(path, 'utf8')) as Xml).ValidationRule as Xml;
      if (String(xml.active) === 'false') return undefined;
      const display = xml.errorDisplayField;
      return {
        object: orgName(path.split('/objects/')[1]?.split('/')[0] ?? ''),
        name: basename(path, '.validationRule-meta.xml'),
        errorConditionFormula: orgNames(String(xml.errorConditionFormula)),
        errorMessage: String(xml.errorMessage),
        ...(typeof display === 'string' && display !== ''
          ? { errorDisplayField: orgName(display) }
          : {}),
      };
    })
    .filter((rule): rule is ValidationRuleDef => rule !== undefined);
  const permissionSets: PermissionSetDef[] = all
    .filter((f) => f.endsWith('.permissionset-meta.xml'))
    .map((path) => {
      const xml = (parser.parse(readFileSync(path, 'utf8')) as Xml).PermissionSet as Xml;
      const granted = (xml.customPermissions ?? []) as Xml[];
      const yes = (v: unknown) => String(v) === 'true';
      // `Object.Field` with each part as the org names it.
      const fieldName = (f: string) => f.split('.').map(orgName).join('.');
      return {
        name: basename(path, '.permissionset-meta.xml'),
        customPermissions: granted
          .filter((c) => yes(c.enabled))
          .map((c) => orgName(String(c.name))),
        // Object permissions and field-level security, which the emulator enforces (access.ts).
        objects: Object.fromEntries(
          ((xml.objectPermissions ?? []) as Xml[]).map((o) => [
            orgName(String(o.object)),
            {
              create: yes(o.allowCreate),
              read: yes(o.allowRead),
              edit: yes(o.allowEdit),
              delete: yes(o.allowDelete),
              viewAll: yes(o.viewAllRecords),
              modifyAll: yes(o.modifyAllRecords),
            },
          ]),
        ),
        fields: Object.fromEntries(
          ((xml.fieldPermissions ?? []) as Xml[])
            .filter((f) => yes(f.readable))
            .map((f) => [
              fieldName(String(f.field)),
              yes(f.editable) ? ('edit' as const) : ('read' as const),
            ]),
        ),
      };
    });
  return { rules, permissionSets };
}

/** The default playbook, whose Opportunity fields the package's default-playbook/ folder deploys. */
export { defaultPlaybook } from '../../../hubspot-app/backend/default-playbook.js';
