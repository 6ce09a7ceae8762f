// The org's object definitions: the standard objects Handoff's tools touch, plus custom objects the
// caller declares (the package's model). Writes and queries naming anything else fail as in an org.
export type FieldKind =
  | 'id'
  | 'string'
  | 'textarea'
  | 'double'
  | 'currency'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'time'
  | 'picklist'
  /** A multi-select picklist: selected values joined by `;` through the API. */
  | 'multipicklist'
  | 'reference';

export interface FieldDef {
  name: string;
  kind: FieldKind;
  /** For references: the parent object, and the name of the child relationship on it. */
  referenceTo?: string;
  childRelationship?: string;
  unique?: boolean;
  /** Set by the platform (Id, CreatedDate, …): a write naming it fails. */
  readOnly?: boolean;
  picklistValues?: readonly string[];
  /** Standard picklists accept any value through the API; custom ones here are restricted. */
  unrestricted?: boolean;
  /** The master of a master-detail relationship: the record's sharing comes from it. */
  masterDetail?: { writeRequiresMasterRead: boolean };
  /** A roll-up summary: COUNT of `child` rows whose `via` points here and that match `filters`. */
  summary?: { child: string; via: string; filters: Readonly<Record<string, boolean>> };
  label?: string;
  length?: number;
}

export interface ObjectDef {
  name: string;
  /** The 3-character id prefix, e.g. 006 for Opportunity. */
  keyPrefix: string;
  fields: readonly FieldDef[];
  /** Standard objects that Salesforce writes itself (OpportunityHistory) refuse API inserts. */
  createable?: boolean;
  /** Custom objects' organization-wide default (standard objects take theirs from the org's access setup). */
  sharingModel?: 'Private' | 'Read' | 'ReadWrite' | 'ControlledByParent';
  label?: string;
  labelPlural?: string;
}

/** A standard org's Opportunity stages (labels equal their API names there). */
export const OPPORTUNITY_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost',
] as const;

const system: FieldDef[] = [
  { name: 'Id', kind: 'id', readOnly: true },
  { name: 'CreatedDate', kind: 'datetime', readOnly: true },
  { name: 'LastModifiedDate', kind: 'datetime', readOnly: true },
  { name: 'SystemModstamp', kind: 'datetime', readOnly: true },
];

const text = (name: string, length = 255): FieldDef => ({ name, kind: 'string', length });
const ref = (name: string, referenceTo: string, childRelationship?: string): FieldDef => ({
  name,
  kind: 'reference',
  referenceTo,
  ...(childRelationship ? { childRelationship } : {}),
});
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const STANDARD_OBJECTS: readonly ObjectDef[] = [
  {
    name: 'User',
    keyPrefix: '005',
    fields: [
      ...system,
      text('Username'),
      text('Name'),
      text('Email'),
      { name: 'IsActive', kind: 'boolean' },
      ref('UserRoleId', 'UserRole'),
      // The user's own time zone, an IANA id ("America/Los_Angeles"); required on every user.
      // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_user.htm
      { name: 'TimeZoneSidKey', kind: 'picklist', unrestricted: true, length: 40 },
    ],
  },
  {
    name: 'UserRole',
    keyPrefix: '00E',
    fields: [...system, text('Name', 80), ref('ParentRoleId', 'UserRole')],
  },
  {
    name: 'Account',
    keyPrefix: '001',
    fields: [...system, text('Name'), ref('OwnerId', 'User')],
  },
  {
    name: 'Opportunity',
    keyPrefix: '006',
    fields: [
      ...system,
      text('Name', 120),
      {
        name: 'StageName',
        kind: 'picklist',
        length: 40,
        picklistValues: OPPORTUNITY_STAGES,
        unrestricted: true,
      },
      // Set by the platform on every stage change (API 52 and later).
      { name: 'LastStageChangeDate', kind: 'datetime', readOnly: true },
      { name: 'Amount', kind: 'currency' },
      { name: 'CloseDate', kind: 'date' },
      text('NextStep'),
      text('LeadSource', 40),
      text('Type', 40),
      ref('OwnerId', 'User'),
      ref('AccountId', 'Account', 'Opportunities'),
    ],
  },
  {
    name: 'OpportunityHistory',
    keyPrefix: '008',
    createable: false,
    fields: [
      ...system,
      ref('OpportunityId', 'Opportunity', 'OpportunityHistories'),
      text('StageName', 40),
      { name: 'Amount', kind: 'currency' },
      { name: 'CloseDate', kind: 'date' },
    ],
  },
  // A Lead: the person marketing hands to sales, until it is converted into an Account, a Contact
  // and (optionally) an Opportunity; the Converted… fields name what it became. Status is a standard
  // picklist, so the API takes any value as it does StageName.
  // https://developer.salesforce.com/docs/atlas.en-us.api.meta/object_ref/sforce_api_calls_convertlead.htm
  // https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_standard_objects_lead_conversion.htm
  {
    name: 'Lead',
    keyPrefix: '00Q',
    fields: [
      ...system,
      text('Name', 121),
      text('LastName', 80),
      text('Company'),
      text('Title', 128),
      { name: 'Email', kind: 'string', length: 80 },
      { name: 'Status', kind: 'picklist', length: 40, unrestricted: true },
      text('LeadSource', 40),
      ref('OwnerId', 'User'),
      { name: 'IsConverted', kind: 'boolean', readOnly: true },
      { name: 'ConvertedDate', kind: 'date', readOnly: true },
      { ...ref('ConvertedAccountId', 'Account'), readOnly: true },
      { ...ref('ConvertedContactId', 'Contact'), readOnly: true },
      { ...ref('ConvertedOpportunityId', 'Opportunity'), readOnly: true },
    ],
  },
  // Changes of a Lead's tracked fields (here Status): Field names the field, NewValue its value.
  // https://developer.salesforce.com/docs/atlas.en-us.192.0.api.meta/api/sforce_api_objects_leadhistory.htm
  {
    name: 'LeadHistory',
    keyPrefix: '017',
    createable: false,
    fields: [
      ...system,
      ref('LeadId', 'Lead', 'Histories'),
      text('Field', 255),
      text('OldValue', 255),
      text('NewValue', 255),
    ],
  },
  {
    name: 'Contact',
    keyPrefix: '003',
    fields: [...system, text('LastName', 80), text('Email', 80), ref('AccountId', 'Account')],
  },
  {
    name: 'Task',
    keyPrefix: '00T',
    fields: [
      ...system,
      text('Subject'),
      ref('WhatId', 'Opportunity', 'Tasks'),
      // The person the task is about: a Lead (or Contact; one Lead here).
      // http://www.salesforce.com/us/developer/docs/api/Content/sforce_api_objects_task.htm
      ref('WhoId', 'Lead', 'Tasks'),
      ref('OwnerId', 'User'),
      text('Status', 40),
      text('Priority', 40),
      { name: 'ActivityDate', kind: 'date' },
      { name: 'Description', kind: 'textarea', length: 32000 },
    ],
  },
  // A meeting on a Lead: ActivityDateTime is when it starts (not all-day events).
  // https://developer.salesforce.com/docs/atlas.en-us.224.0.object_reference.meta/object_reference/sforce_api_objects_event.htm
  {
    name: 'Event',
    keyPrefix: '00U',
    fields: [
      ...system,
      text('Subject'),
      ref('WhoId', 'Lead', 'Events'),
      ref('OwnerId', 'User'),
      { name: 'ActivityDateTime', kind: 'datetime' },
      { name: 'DurationInMinutes', kind: 'double' },
    ],
  },
  {
    name: 'PermissionSet',
    keyPrefix: '0PS',
    fields: [...system, text('Name', 80), text('Label', 80)],
  },
  {
    name: 'PermissionSetAssignment',
    keyPrefix: '0Pa',
    fields: [
      ...system,
      ref('AssigneeId', 'User'),
      ref('PermissionSetId', 'PermissionSet', 'Assignments'),
    ],
  },
  {
    name: 'BusinessHours',
    keyPrefix: '01m',
    fields: [
      ...system,
      text('Name', 80),
      { name: 'IsActive', kind: 'boolean' },
      { name: 'IsDefault', kind: 'boolean' },
      text('TimeZoneSidKey', 40),
      ...weekdays.flatMap((day): FieldDef[] => [
        { name: `${day}StartTime`, kind: 'time' },
        { name: `${day}EndTime`, kind: 'time' },
      ]),
    ],
  },
  {
    name: 'Holiday',
    keyPrefix: '0C0',
    fields: [
      ...system,
      text('Name', 80),
      text('Description'),
      { name: 'ActivityDate', kind: 'date' },
      { name: 'IsAllDay', kind: 'boolean' },
      { name: 'StartTimeInMinutes', kind: 'double' },
      { name: 'EndTimeInMinutes', kind: 'double' },
      { name: 'IsRecurrence', kind: 'boolean' },
      // Yearly recurrences only ("RecursYearly": a month name and a day), the kind holidays use.
      text('RecurrenceType', 40),
      text('RecurrenceMonthOfYear', 40),
      { name: 'RecurrenceDayOfMonth', kind: 'double' },
      { name: 'RecurrenceStartDate', kind: 'date' },
      { name: 'RecurrenceEndDateOnly', kind: 'date' },
    ],
  },
];

export class Schema {
  readonly #objects = new Map<string, ObjectDef>();

  constructor(custom: readonly ObjectDef[] = [], extraFields: Record<string, FieldDef[]> = {}) {
    for (const object of [...STANDARD_OBJECTS, ...custom]) {
      const extra = extraFields[object.name] ?? [];
      this.#objects.set(object.name.toLowerCase(), {
        ...object,
        fields: [...object.fields, ...extra],
      });
    }
  }

  get(name: string): ObjectDef | undefined {
    return this.#objects.get(name.toLowerCase());
  }

  field(object: ObjectDef, name: string): FieldDef | undefined {
    const lower = name.toLowerCase();
    return object.fields.find((f) => f.name.toLowerCase() === lower);
  }

  byPrefix(id: string): ObjectDef | undefined {
    return [...this.#objects.values()].find((o) => id.startsWith(o.keyPrefix));
  }

  /** The child object and its reference field behind a relationship name on `parent`. */
  childRelationship(
    parent: ObjectDef,
    relationship: string,
  ): { child: ObjectDef; field: FieldDef } | undefined {
    const lower = relationship.toLowerCase();
    for (const child of this.#objects.values()) {
      for (const field of child.fields) {
        if (
          field.referenceTo?.toLowerCase() === parent.name.toLowerCase() &&
          field.childRelationship?.toLowerCase() === lower
        )
          return { child, field };
      }
    }
    return undefined;
  }

  list(): ObjectDef[] {
    return [...this.#objects.values()];
  }
}
