// The CRM object types we emulate, their ids, built-in properties and association type ids.
// https://developers.hubspot.com/docs/api/crm/understanding-the-crm
export type ObjectType = 'contacts' | 'deals' | 'companies' | 'notes' | 'tasks';

const ALIASES: Record<string, ObjectType> = {
  contacts: 'contacts',
  contact: 'contacts',
  '0-1': 'contacts',
  deals: 'deals',
  deal: 'deals',
  '0-3': 'deals',
  companies: 'companies',
  company: 'companies',
  '0-2': 'companies',
  notes: 'notes',
  note: 'notes',
  '0-46': 'notes',
  tasks: 'tasks',
  task: 'tasks',
  '0-27': 'tasks',
};

export const OBJECT_TYPE_IDS: Record<ObjectType, string> = {
  contacts: '0-1',
  deals: '0-3',
  companies: '0-2',
  notes: '0-46',
  tasks: '0-27',
};

export function objectType(name: string | undefined): ObjectType | undefined {
  return name === undefined ? undefined : ALIASES[name.toLowerCase()];
}

export type PropertyType = 'string' | 'number' | 'datetime' | 'date' | 'enumeration' | 'bool';

export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  groupName: string;
  description: string;
  options: Array<{ label: string; value: string; displayOrder: number; hidden: boolean }>;
  displayOrder: number;
  calculated: boolean;
  readOnlyValue: boolean;
  hasUniqueValue: boolean;
  hubspotDefined: boolean;
}

function builtIn(
  name: string,
  type: PropertyType,
  groupName: string,
  readOnlyValue = false,
): PropertyDefinition {
  const fieldType = {
    string: 'text',
    number: 'number',
    datetime: 'date',
    date: 'date',
    enumeration: 'select',
    bool: 'booleancheckbox',
  }[type];
  return {
    name,
    label: name,
    type,
    fieldType,
    groupName,
    description: '',
    options: [],
    displayOrder: -1,
    calculated: readOnlyValue,
    readOnlyValue,
    hasUniqueValue: false,
    hubspotDefined: true,
  };
}

const COMMON = (group: string): PropertyDefinition[] => [
  builtIn('hs_object_id', 'number', group, true),
  builtIn('createdate', 'datetime', group, true),
  builtIn('hs_lastmodifieddate', 'datetime', group, true),
  builtIn('hubspot_owner_id', 'enumeration', group),
];

// HubSpot's default lifecycle stages, in their order (a contact's stage only moves forward unless
// it is cleared first: see crm.ts).
// https://developers.hubspot.com/docs/api-reference/latest/crm/objects/contacts/guide
export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
  'evangelist',
  'other',
] as const;

function withOptions(
  definition: PropertyDefinition,
  values: readonly string[],
): PropertyDefinition {
  return {
    ...definition,
    options: values.map((value, displayOrder) => ({
      label: value,
      value,
      displayOrder,
      hidden: false,
    })),
  };
}

export const BUILT_IN_PROPERTIES: Record<ObjectType, PropertyDefinition[]> = {
  contacts: [
    ...COMMON('contactinformation'),
    builtIn('email', 'string', 'contactinformation'),
    builtIn('firstname', 'string', 'contactinformation'),
    builtIn('lastname', 'string', 'contactinformation'),
    builtIn('jobtitle', 'string', 'contactinformation'),
    builtIn('company', 'string', 'contactinformation'),
    builtIn('lastmodifieddate', 'datetime', 'contactinformation', true),
    withOptions(builtIn('lifecyclestage', 'enumeration', 'contactinformation'), LIFECYCLE_STAGES),
    builtIn('hs_lead_status', 'enumeration', 'contactinformation'),
    // Set by HubSpot when a call, email or meeting is logged: read-only to apps.
    builtIn('notes_last_contacted', 'datetime', 'contactinformation', true),
  ],
  deals: [
    ...COMMON('dealinformation'),
    builtIn('dealname', 'string', 'dealinformation'),
    builtIn('amount', 'number', 'dealinformation'),
    builtIn('closedate', 'datetime', 'dealinformation'),
    builtIn('pipeline', 'enumeration', 'dealinformation'),
    builtIn('dealstage', 'enumeration', 'dealinformation'),
    builtIn('dealtype', 'enumeration', 'dealinformation'),
    builtIn('description', 'string', 'dealinformation'),
  ],
  companies: [
    ...COMMON('companyinformation'),
    builtIn('name', 'string', 'companyinformation'),
    builtIn('domain', 'string', 'companyinformation'),
    builtIn('industry', 'string', 'companyinformation'),
    // Companies have the same Lifecycle stage property and default options as contacts
    // (https://knowledge.hubspot.com/contacts/use-lifecycle-stages: "categorize your contacts and
    // companies"); its history is kept as every property's is (propertiesWithHistory).
    withOptions(builtIn('lifecyclestage', 'enumeration', 'companyinformation'), LIFECYCLE_STAGES),
  ],
  notes: [
    ...COMMON('engagement'),
    builtIn('hs_note_body', 'string', 'engagement'),
    builtIn('hs_timestamp', 'datetime', 'engagement'),
  ],
  tasks: [
    ...COMMON('engagement'),
    builtIn('hs_task_subject', 'string', 'engagement'),
    builtIn('hs_task_body', 'string', 'engagement'),
    builtIn('hs_task_status', 'enumeration', 'engagement'),
    builtIn('hs_task_priority', 'enumeration', 'engagement'),
    builtIn('hs_task_type', 'enumeration', 'engagement'),
    builtIn('hs_timestamp', 'datetime', 'engagement'),
  ],
};

/** What HubSpot returns when a request names no properties. */
export const DEFAULT_PROPERTIES: Record<ObjectType, string[]> = {
  contacts: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
  deals: [
    'amount',
    'closedate',
    'createdate',
    'dealname',
    'dealstage',
    'hs_lastmodifieddate',
    'hs_object_id',
    'pipeline',
  ],
  companies: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
  notes: ['createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  tasks: [
    'createdate',
    'hs_lastmodifieddate',
    'hs_object_id',
    'hs_task_subject',
    'hs_task_status',
    'hs_timestamp',
  ],
};

/** Engagements need hs_timestamp on create. */
export const REQUIRED_ON_CREATE: Partial<Record<ObjectType, string[]>> = {
  notes: ['hs_timestamp'],
  tasks: ['hs_timestamp'],
};

export const STAGE_ENTERED_PREFIX = 'hs_v2_date_entered_';
export const STAGE_EXITED_PREFIX = 'hs_v2_date_exited_';

// HUBSPOT_DEFINED association type ids for the pairs we emulate (both directions).
// https://developers.hubspot.com/docs/api/crm/associations/v4#association-type-id-values
export const ASSOCIATION_TYPES: Array<{ from: ObjectType; to: ObjectType; typeId: number }> = [
  { from: 'contacts', to: 'companies', typeId: 279 },
  { from: 'companies', to: 'contacts', typeId: 280 },
  { from: 'notes', to: 'contacts', typeId: 202 },
  { from: 'contacts', to: 'notes', typeId: 201 },
  { from: 'tasks', to: 'contacts', typeId: 204 },
  { from: 'contacts', to: 'tasks', typeId: 203 },
  { from: 'deals', to: 'companies', typeId: 5 },
  { from: 'companies', to: 'deals', typeId: 6 },
  { from: 'notes', to: 'deals', typeId: 214 },
  { from: 'deals', to: 'notes', typeId: 213 },
  { from: 'notes', to: 'companies', typeId: 190 },
  { from: 'companies', to: 'notes', typeId: 189 },
  { from: 'tasks', to: 'deals', typeId: 216 },
  { from: 'deals', to: 'tasks', typeId: 215 },
  { from: 'tasks', to: 'companies', typeId: 192 },
  { from: 'companies', to: 'tasks', typeId: 191 },
];

export function associationTypeId(from: ObjectType, to: ObjectType): number | undefined {
  return ASSOCIATION_TYPES.find((entry) => entry.from === from && entry.to === to)?.typeId;
}
