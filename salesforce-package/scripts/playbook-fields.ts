// The Opportunity fields a playbook names that Salesforce does not have (`…__c`), so its stage rules
// deploy to a fresh org, and a permission set that lets people see and edit them.
import { fieldsOn, type FieldDef, type Playbook } from '@handoff/shared';
import type { FieldModel, FieldType, ObjectModel, PermissionSetModel } from './model.js';

export const PLAYBOOK_FIELDS_SET = 'Handoff_Playbook_Fields' as const;

export function playbookFieldObject(playbook: Playbook): ObjectModel {
  const fields = Object.entries(fieldsOn(playbook, 'deal'))
    .filter(([, def]) => def.salesforce?.endsWith('__c'))
    .map(([id, def]): FieldModel => ({
      name: def.salesforce as string,
      label: def.label,
      description: `The playbook field ${id}.`,
      type: salesforceType(def),
      access: { [PLAYBOOK_FIELDS_SET]: 'edit' },
    }));
  return {
    name: 'Opportunity',
    label: 'Opportunity',
    pluralLabel: 'Opportunities',
    description: 'Standard object: only the fields are generated.',
    nameField: { label: 'Opportunity Name' },
    sharingModel: 'ReadWrite',
    fields,
  };
}

export function playbookFieldSet(): PermissionSetModel {
  return {
    name: PLAYBOOK_FIELDS_SET,
    label: 'Handoff Playbook Fields',
    description: "Read and edit the Opportunity fields the default playbook's criteria use.",
    customPermissions: [],
    // No object access: people reach opportunities through their profiles, as before.
    objects: {},
  };
}

function salesforceType(def: FieldDef): FieldType {
  switch (def.type) {
    case 'number':
      return { kind: 'Number', precision: 16, scale: 2 };
    case 'date':
      return { kind: 'Date' };
    case 'datetime':
      return { kind: 'DateTime' };
    case 'boolean':
      return { kind: 'Checkbox' };
    case 'choice':
      return { kind: 'Picklist', values: def.options ?? [] };
    case 'text':
      return { kind: 'Text', length: 255 };
  }
}
