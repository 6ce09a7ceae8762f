// The model and the rules as Salesforce source-format files (path → XML), as `sf project` lays them out.
import {
  CUSTOM_PERMISSIONS,
  type FieldModel,
  type ObjectModel,
  type PermissionSetModel,
} from './model.js';
import type { ValidationRuleModel } from './rules.js';
import { metadataXml, type XmlNode } from './xml.js';

export type Files = Map<string, string>;

export function objectFiles(root: string, object: ObjectModel): Files {
  const dir = `${root}/objects/${object.name}`;
  const files: Files = new Map([[`${dir}/${object.name}.object-meta.xml`, objectXml(object)]]);
  for (const field of object.fields) {
    files.set(`${dir}/fields/${field.name}.field-meta.xml`, fieldXml(object, field));
  }
  return files;
}

function objectXml(object: ObjectModel): string {
  const { nameField } = object;
  return metadataXml('CustomObject', [
    ['deploymentStatus', 'Deployed'],
    ['description', object.description],
    ['enableActivities', false],
    ['enableBulkApi', true],
    ['enableFeeds', false],
    ['enableHistory', true],
    ['enableReports', true],
    ['enableSearch', true],
    ['enableSharing', true],
    ['enableStreamingApi', true],
    ['label', object.label],
    [
      'nameField',
      nameField.autoNumber
        ? [
            ['displayFormat', nameField.autoNumber],
            ['label', nameField.label],
            ['type', 'AutoNumber'],
          ]
        : [
            ['label', nameField.label],
            ['type', 'Text'],
          ],
    ],
    ['pluralLabel', object.pluralLabel],
    ['sharingModel', object.sharingModel],
    ['visibility', 'Public'],
  ]);
}

export function fieldXml(object: Pick<ObjectModel, 'name'>, field: FieldModel): string {
  const head: XmlNode[] = [
    ['fullName', field.name],
    ['description', field.description],
  ];
  const t = field.type;
  const label: XmlNode = ['label', field.label];
  let body: XmlNode[];
  switch (t.kind) {
    case 'Text':
      body = t.key
        ? [
            ['caseSensitive', false],
            ['externalId', true],
            label,
            ['length', t.length],
            ['required', false],
            ['type', 'Text'],
            ['unique', true],
          ]
        : [label, ['length', t.length], ['required', false], ['type', 'Text'], ['unique', false]];
      break;
    case 'LongTextArea':
      body = [label, ['length', t.length], ['type', 'LongTextArea'], ['visibleLines', 5]];
      break;
    case 'Number':
      body = [
        label,
        ['precision', t.precision],
        ['required', false],
        ['scale', t.scale],
        ['type', 'Number'],
        ['unique', false],
      ];
      break;
    case 'Checkbox':
      body = [['defaultValue', false], label, ['type', 'Checkbox']];
      break;
    case 'Date':
    case 'DateTime':
      body = [label, ['required', false], ['type', t.kind]];
      break;
    case 'Picklist':
      body = [label, ['required', false], ['type', 'Picklist'], ['valueSet', valueSet(t.values)]];
      break;
    case 'MultiPicklist':
      body = [
        label,
        ['required', false],
        ['type', 'MultiselectPicklist'],
        ['valueSet', valueSet(t.values, t.labels)],
        ['visibleLines', t.visibleLines],
      ];
      break;
    case 'Lookup':
      body = [
        ...(t.to === 'User' ? [] : [['deleteConstraint', 'SetNull'] as XmlNode]),
        label,
        ['referenceTo', t.to],
        ['relationshipLabel', object.name.replace(/__c$/, '').replace(/_/g, ' ') + 's'],
        ['relationshipName', t.relationshipName],
        ['required', false],
        ['type', 'Lookup'],
      ];
      break;
    case 'MasterDetail':
      body = [
        label,
        ['referenceTo', t.to],
        ['relationshipLabel', t.relationshipName.replace(/_/g, ' ')],
        ['relationshipName', t.relationshipName],
        ['relationshipOrder', 0],
        ['reparentableMasterDetail', false],
        ['type', 'MasterDetail'],
        ['writeRequiresMasterRead', t.writeRequiresMasterRead],
      ];
      break;
    case 'Summary':
      body = [
        label,
        ...Object.entries(t.filters).map(([name, value]): XmlNode => [
          'summaryFilterItems',
          [
            ['field', `${t.child}.${name}`],
            ['operation', 'equals'],
            ['value', value],
          ],
        ]),
        ['summaryForeignKey', `${t.child}.${t.via}`],
        ['summaryOperation', 'count'],
        ['type', 'Summary'],
      ];
      break;
  }
  return metadataXml('CustomField', [...head, ...body]);
}

/** Restricted, so an API write cannot invent a status; labels are the core's words. */
function valueSet(
  values: readonly string[],
  labels: Readonly<Record<string, string>> = {},
): XmlNode[] {
  return [
    ['restricted', true],
    [
      'valueSetDefinition',
      [
        ['sorted', false],
        ...values.map((value): XmlNode => [
          'value',
          [
            ['fullName', value],
            ['default', false],
            [
              'label',
              labels[value] ?? value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' '),
            ],
          ],
        ]),
      ],
    ],
  ];
}

export function validationRuleFiles(root: string, rules: readonly ValidationRuleModel[]): Files {
  return new Map(
    rules.map((rule) => [
      `${root}/objects/${rule.object}/validationRules/${rule.name}.validationRule-meta.xml`,
      metadataXml('ValidationRule', [
        ['fullName', rule.name],
        ['active', true],
        ['description', rule.description],
        ['errorConditionFormula', rule.formula],
        ...(rule.field ? [['errorDisplayField', rule.field] as XmlNode] : []),
        ['errorMessage', rule.message],
      ]),
    ]),
  );
}

export function customPermissionFiles(root: string): Files {
  return new Map(
    Object.entries(CUSTOM_PERMISSIONS).map(([name, description]) => [
      `${root}/customPermissions/${name}.customPermission-meta.xml`,
      metadataXml('CustomPermission', [
        ['description', description],
        ['isLicensed', false],
        ['label', name.replace(/_/g, ' ')],
      ]),
    ]),
  );
}

/**
 * Field-level security follows each field's access list; a set without read access to an object
 * gets no field access on it, and fields Salesforce computes (roll-ups) are never editable.
 */
export function permissionSetFile(
  root: string,
  set: PermissionSetModel,
  objects: readonly ObjectModel[],
): Files {
  const fieldPermissions: XmlNode[] = [];
  for (const object of objects) {
    // Standard objects are reached through profiles; the package's own through the set.
    const standard = !object.name.endsWith('__c');
    if (!standard && !set.objects[object.name]?.read) continue;
    for (const field of object.fields) {
      const access = field.access[set.name];
      if (!access) continue;
      const editable = access === 'edit' && field.type.kind !== 'Summary';
      fieldPermissions.push([
        'fieldPermissions',
        [
          ['editable', editable],
          ['field', `${object.name}.${field.name}`],
          ['readable', true],
        ],
      ]);
    }
  }
  const objectPermissions = Object.entries(set.objects)
    .filter(([, access]) => access.read)
    .map(([object, access]): XmlNode => [
      'objectPermissions',
      [
        ['allowCreate', access.create],
        ['allowDelete', access.delete],
        ['allowEdit', access.edit],
        ['allowRead', access.read],
        ['modifyAllRecords', access.modifyAll === true],
        ['object', object],
        ['viewAllRecords', access.viewAll === true || access.modifyAll === true],
      ],
    ]);
  const xml = metadataXml('PermissionSet', [
    ...set.customPermissions.map((name): XmlNode => [
      'customPermissions',
      [
        ['enabled', true],
        ['name', name],
      ],
    ]),
    ['description', set.description],
    ...fieldPermissions,
    ['hasActivationRequired', false],
    ['label', set.label],
    ...objectPermissions,
  ]);
  return new Map([[`${root}/permissionsets/${set.name}.permissionset-meta.xml`, xml]]);
}
