// The package's data model, declared once. Objects, fields and field-level security are generated
// from it, so a field cannot ship without an access decision for every permission set.
import { HandoffStatus, type Playbook } from '@handoff/shared';

export type PermissionSetName = 'Handoff_User' | 'Handoff_Admin' | 'Handoff_Playbook_Fields';
export type CustomPermissionName = 'Handoff_Admin_Config';
export type Access = 'read' | 'edit';
type AccessBySet = Partial<Record<PermissionSetName, Access>>;

export type FieldType =
  | { kind: 'Text'; length: number; key?: boolean }
  | { kind: 'LongTextArea'; length: number }
  | { kind: 'Number'; precision: number; scale: number }
  | { kind: 'Checkbox' }
  | { kind: 'Date' }
  | { kind: 'DateTime' }
  | { kind: 'Picklist'; values: readonly string[] }
  | {
      kind: 'MultiPicklist';
      values: readonly string[];
      /** Labels by value; a value without one is labelled from its id. */
      labels?: Readonly<Record<string, string>>;
      visibleLines: number;
    }
  | { kind: 'Lookup'; to: string; relationshipName: string }
  | {
      kind: 'MasterDetail';
      to: string;
      relationshipName: string;
      /**
       * Read access to the master is enough to create, edit and delete its details (Salesforce's
       * "Read Only" sharing setting of the relationship), as opposed to Read/Write access
       * [https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customfield.htm].
       */
      writeRequiresMasterRead: boolean;
    }
  | { kind: 'Summary'; child: string; via: string; filters: Readonly<Record<string, boolean>> };

export interface FieldModel {
  name: string;
  label: string;
  description: string;
  type: FieldType;
  /** Master-detail fields take no field-level security: the object permission decides. */
  access: AccessBySet;
  /** Set when the record is created and never changed (a validation rule holds it). */
  fixed?: boolean;
}

export interface ObjectModel {
  name: string;
  label: string;
  pluralLabel: string;
  description: string;
  nameField: { label: string; autoNumber?: string };
  /**
   * Organization-wide default: details inherit from their master (ControlledByParent); the others
   * are Private (only owners and View All) or Read (everyone reads, owners and Modify All edit)
   * [https://help.salesforce.com/s/articleView?id=sf.security_owd_about.htm].
   */
  sharingModel: 'Private' | 'Read' | 'ReadWrite' | 'ControlledByParent';
  fields: readonly FieldModel[];
}

export interface ObjectAccess {
  create: boolean;
  read: boolean;
  edit: boolean;
  delete: boolean;
  /** Read every record whatever the sharing ("View All"). */
  viewAll?: boolean;
  /** Edit and delete every record whatever the sharing ("Modify All"). */
  modifyAll?: boolean;
}

export interface PermissionSetModel {
  name: PermissionSetName;
  label: string;
  description: string;
  customPermissions: readonly CustomPermissionName[];
  objects: Readonly<Record<string, ObjectAccess>>;
}

/** The core's timer states, as the scanner writes them back for reports (`TimerState` in the core). */
const TIMER_STATES = ['pending', 'running', 'paused', 'at_risk', 'breached', 'met', 'met_late'];
/** handoffSlaOutcome's outcomes: `breached` only while still waiting, `met_late` once accepted late. */
const SLA_OUTCOMES = ['met', 'met_late', 'breached'];
const ACTIONS = ['set_item', 'submit', 'withdraw', 'accept', 'reject', 'reopen'];

/**
 * Everyone who works handoffs holds Handoff_User, whatever their playbook roles: one person may submit
 * one handoff and accept another (an AE accepts the SDR's handoff and submits the one to CS). What
 * each may do is decided by the Handoff roles on their User record, through the validation rules.
 */
const everyoneEdits: AccessBySet = { Handoff_User: 'edit', Handoff_Admin: 'edit' };
/** Written only by Handoff's own tools, which run as a user with the admin set. */
const toolsWrite: AccessBySet = { Handoff_User: 'read', Handoff_Admin: 'edit' };
const everyoneReads: AccessBySet = { Handoff_User: 'read', Handoff_Admin: 'read' };
const adminEdits: AccessBySet = { Handoff_User: 'read', Handoff_Admin: 'edit' };

const user = (relationshipName: string): FieldType => ({
  kind: 'Lookup',
  to: 'User',
  relationshipName,
});

export const HANDOFF: ObjectModel = {
  name: 'Handoff__c',
  label: 'Handoff',
  pluralLabel: 'Handoffs',
  description: 'One handoff of one record: its state in the playbook state machine.',
  nameField: { label: 'Handoff number', autoNumber: 'H-{000000}' },
  /**
   * A handoff (its checklist answers) is seen by exactly those who see its opportunity: the detail of
   * a master-detail relationship takes its master's sharing
   * [https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/relationships_among_objects.htm].
   * Who may act on it is the playbook's roles, through the validation rules.
   */
  sharingModel: 'ControlledByParent',
  fields: [
    {
      name: 'Opportunity__c',
      label: 'Opportunity',
      description: 'The record being handed off; the handoff is visible to whoever sees it.',
      // Anyone who reads the opportunity may work its handoff (a CS manager accepts the AE's): the
      // roles decide what they may do, not edit access to the opportunity.
      type: {
        kind: 'MasterDetail',
        to: 'Opportunity',
        relationshipName: 'Handoffs',
        writeRequiresMasterRead: true,
      },
      access: {},
      fixed: true,
    },
    {
      name: 'Account__c',
      label: 'Account',
      description: "The opportunity's account, for account-level reports.",
      type: { kind: 'Lookup', to: 'Account', relationshipName: 'Handoffs' },
      access: everyoneEdits,
    },
    {
      name: 'Lead__c',
      label: 'Lead',
      // Lead conversion does not move custom objects' lookups to the Lead: the handoff keeps
      // pointing at the converted Lead, whose ConvertedOpportunityId leads on to the deal.
      description:
        'The Lead handed from marketing to sales; it stays on the Lead after conversion.',
      type: { kind: 'Lookup', to: 'Lead', relationshipName: 'Handoffs' },
      access: everyoneEdits,
      fixed: true,
    },
    {
      name: 'Handoff_Id__c',
      label: 'Playbook handoff',
      description: "The handoff's id in the playbook, e.g. sales_to_cs.",
      type: { kind: 'Text', length: 64 },
      access: everyoneEdits,
      fixed: true,
    },
    {
      name: 'Record_Key__c',
      label: 'Record key',
      description: 'Opportunity id and playbook handoff id: one handoff per record and handoff.',
      type: { kind: 'Text', length: 255, key: true },
      access: everyoneEdits,
      fixed: true,
    },
    {
      name: 'Status__c',
      label: 'Status',
      description: 'The handoff status; validation rules allow only the transitions of the core.',
      type: { kind: 'Picklist', values: HandoffStatus.options },
      access: everyoneEdits,
    },
    {
      name: 'Action__c',
      label: 'Last action',
      description: 'The action that made the last change; every status change names one.',
      type: { kind: 'Picklist', values: ACTIONS },
      access: everyoneEdits,
    },
    {
      name: 'Action_Id__c',
      label: 'Last action id',
      description: 'Unique per attempt: a new id marks a new action, a repeated one a retry.',
      type: { kind: 'Text', length: 200 },
      access: everyoneEdits,
    },
    {
      name: 'Version__c',
      label: 'Version',
      description: 'Rises by one with every action.',
      type: { kind: 'Number', precision: 18, scale: 0 },
      access: everyoneEdits,
    },
    {
      name: 'Submitted_By__c',
      label: 'Submitted by',
      description: 'Who submitted the handoff last.',
      type: user('Handoffs_Submitted'),
      access: everyoneEdits,
    },
    {
      name: 'Submitted_At__c',
      label: 'Submitted at',
      description: 'When the handoff was submitted last.',
      type: { kind: 'DateTime' },
      access: everyoneEdits,
    },
    {
      name: 'Accepted_By__c',
      label: 'Accepted by',
      description: 'Who accepted the handoff.',
      type: user('Handoffs_Accepted'),
      access: everyoneEdits,
    },
    {
      name: 'Accepted_At__c',
      label: 'Accepted at',
      description: 'When the handoff was accepted.',
      type: { kind: 'DateTime' },
      access: everyoneEdits,
    },
    {
      name: 'Rejected_By__c',
      label: 'Rejected by',
      description: 'Who rejected the handoff last; set by the reject action only.',
      type: user('Handoffs_Rejected'),
      access: everyoneEdits,
    },
    {
      name: 'Rejected_At__c',
      label: 'Rejected at',
      description:
        'When the handoff was rejected last; set by the reject action only. SLAs pause from here until the next submission.',
      type: { kind: 'DateTime' },
      access: everyoneEdits,
    },
    {
      name: 'Rejection_Reason__c',
      label: 'Rejection reason',
      description: "The id of one of the playbook handoff's reject reasons.",
      type: { kind: 'Text', length: 64 },
      access: everyoneEdits,
    },
    {
      name: 'Rejection_Comment__c',
      label: 'Rejection comment',
      description: 'What the receiver asks the submitter to fix.',
      type: { kind: 'LongTextArea', length: 2000 },
      access: everyoneEdits,
    },
    {
      name: 'Assigned_CSM__c',
      label: 'Assigned CSM',
      description: 'The customer success manager who takes the account over.',
      type: user('Handoffs_Assigned'),
      access: everyoneEdits,
    },
    {
      name: 'SLA_Status__c',
      label: 'SLA status',
      description: "The handoff timer's state, written by Handoff's scanner for reports.",
      type: { kind: 'Picklist', values: TIMER_STATES },
      access: toolsWrite,
    },
    {
      name: 'SLA_Next_Due__c',
      label: 'SLA next due',
      description: "When the handoff's next timer is due, written by Handoff's scanner.",
      type: { kind: 'DateTime' },
      access: toolsWrite,
    },
    // The accept SLA's outcome (handoffSlaOutcome in the core), so a report counts it without a
    // formula over business hours. The panel writes it with the acceptance (as the accepting user,
    // hence everyone's edit access); the scanner writes the rest (breached while open, a stop by
    // another event) and corrects any value that disagrees with the core.
    {
      name: 'SLA_Id__c',
      label: 'Accept SLA',
      description:
        "The playbook SLA that waits for this handoff's acceptance, e.g. cs_accepts_won_deal.",
      type: { kind: 'Text', length: 64 },
      access: everyoneEdits,
    },
    {
      name: 'SLA_Outcome__c',
      label: 'SLA outcome',
      description:
        'Met, met late, or breached while still waiting; blank before the clock starts and while it runs on time.',
      type: { kind: 'Picklist', values: SLA_OUTCOMES },
      access: everyoneEdits,
    },
    {
      name: 'SLA_Completed_At__c',
      label: 'SLA completed at',
      description: 'When the accept SLA stopped (the acceptance, or another stop of the SLA).',
      type: { kind: 'DateTime' },
      access: everyoneEdits,
    },
    {
      name: 'Business_Minutes_To_Accept__c',
      label: 'Business minutes to accept',
      description:
        "From the first submission to the acceptance, in whole minutes of the accept SLA's business hours.",
      type: { kind: 'Number', precision: 9, scale: 0 },
      access: everyoneEdits,
    },
    {
      name: 'Required_Items__c',
      label: 'Required items',
      description:
        "How many required typed-in items the playbook's checklist has, set on creation.",
      type: { kind: 'Number', precision: 4, scale: 0 },
      access: everyoneEdits,
      fixed: true,
    },
    {
      name: 'Done_Required_Items__c',
      label: 'Done required items',
      description: 'Required checklist items done; submission needs all of them.',
      type: {
        kind: 'Summary',
        child: 'Handoff_Item__c',
        via: 'Handoff__c',
        filters: { Required__c: true, Done__c: true },
      },
      access: everyoneReads,
    },
    {
      name: 'Open_Required_Items__c',
      label: 'Open required items',
      description: 'Required checklist items not done yet; submission needs zero.',
      type: {
        kind: 'Summary',
        child: 'Handoff_Item__c',
        via: 'Handoff__c',
        filters: { Required__c: true, Done__c: false },
      },
      access: everyoneReads,
    },
  ],
};

export const HANDOFF_ITEM: ObjectModel = {
  name: 'Handoff_Item__c',
  label: 'Handoff item',
  pluralLabel: 'Handoff items',
  description:
    'One checklist item of one handoff, so people completing different items never collide.',
  nameField: { label: 'Item number', autoNumber: 'HI-{0000000}' },
  sharingModel: 'ControlledByParent',
  fields: [
    {
      name: 'Handoff__c',
      label: 'Handoff',
      description: 'The handoff this item belongs to.',
      // Whoever may work the handoff may answer its items (the rules decide which).
      type: {
        kind: 'MasterDetail',
        to: 'Handoff__c',
        relationshipName: 'Items',
        writeRequiresMasterRead: true,
      },
      access: {},
    },
    {
      name: 'Item_Id__c',
      label: 'Playbook item',
      description: "The item's id in the playbook checklist.",
      type: { kind: 'Text', length: 64 },
      access: everyoneEdits,
      fixed: true,
    },
    {
      name: 'Item_Key__c',
      label: 'Item key',
      description: 'Handoff id and item id: one record per item of a handoff.',
      type: { kind: 'Text', length: 255, key: true },
      access: everyoneEdits,
      fixed: true,
    },
    {
      name: 'Required__c',
      label: 'Required',
      description: 'Copied from the playbook when the item is created; counted by the handoff.',
      type: { kind: 'Checkbox' },
      access: everyoneEdits,
      fixed: true,
    },
    {
      name: 'Done__c',
      label: 'Done',
      description: 'Whether the value completes the item.',
      type: { kind: 'Checkbox' },
      access: everyoneEdits,
    },
    {
      name: 'Value__c',
      label: 'Value',
      description: 'The answer as text (dates as YYYY-MM-DD, checks as true or false).',
      type: { kind: 'LongTextArea', length: 5000 },
      access: everyoneEdits,
    },
    {
      name: 'Done_By__c',
      label: 'Done by',
      description: 'Who last set the item.',
      type: user('Handoff_Items_Done'),
      access: everyoneEdits,
    },
    {
      name: 'Done_At__c',
      label: 'Done at',
      description: 'When the item was last set.',
      type: { kind: 'DateTime' },
      access: everyoneEdits,
    },
  ],
};

export const HANDOFF_ESCALATION: ObjectModel = {
  name: 'Handoff_Escalation__c',
  label: 'Handoff escalation',
  pluralLabel: 'Handoff escalations',
  description:
    'An escalation, recorded under its unique key before its Task is created, so it happens once.',
  nameField: { label: 'Escalation number', autoNumber: 'HE-{0000000}' },
  /** Written and owned by Handoff's tools; admins see them all (View All in Handoff_Admin). */
  sharingModel: 'Private',
  fields: [
    {
      name: 'Escalation_Key__c',
      label: 'Escalation key',
      description: 'Record, SLA and level: the unique key that makes an escalation happen once.',
      type: { kind: 'Text', length: 255, key: true },
      access: toolsWrite,
    },
    {
      name: 'Opportunity__c',
      label: 'Opportunity',
      description: 'The record whose timer escalated.',
      type: { kind: 'Lookup', to: 'Opportunity', relationshipName: 'Handoff_Escalations' },
      access: toolsWrite,
    },
    {
      name: 'Lead__c',
      label: 'Lead',
      description: 'The Lead whose timer escalated (speed to lead, the MQL decision).',
      type: { kind: 'Lookup', to: 'Lead', relationshipName: 'Handoff_Escalations' },
      access: toolsWrite,
    },
    {
      name: 'Handoff__c',
      label: 'Handoff',
      description: 'The handoff the timer belongs to, when it belongs to one.',
      type: { kind: 'Lookup', to: 'Handoff__c', relationshipName: 'Escalations' },
      access: toolsWrite,
    },
    {
      name: 'SLA_Id__c',
      label: 'Playbook SLA',
      description: "The SLA's id in the playbook.",
      type: { kind: 'Text', length: 64 },
      access: toolsWrite,
    },
    {
      name: 'Level__c',
      label: 'Level',
      description: "The escalation's position in the SLA's escalation list.",
      type: { kind: 'Number', precision: 3, scale: 0 },
      access: toolsWrite,
    },
    {
      name: 'When__c',
      label: 'When',
      description: 'Whether the timer was at risk or breached.',
      type: { kind: 'Picklist', values: ['at_risk', 'breached'] },
      access: toolsWrite,
    },
    {
      name: 'Target__c',
      label: 'Target',
      description: 'Who was escalated to: the owner, a user id or a playbook role.',
      type: { kind: 'Text', length: 255 },
      access: toolsWrite,
    },
    {
      name: 'Action__c',
      label: 'Action',
      description: 'What the escalation did.',
      type: { kind: 'Picklist', values: ['task', 'note', 'reassign'] },
      access: toolsWrite,
    },
    {
      name: 'Task_Id__c',
      label: 'Task id',
      description:
        'The Task it created (custom objects cannot look up to Task, so the id is kept).',
      type: { kind: 'Text', length: 18 },
      access: toolsWrite,
    },
    {
      name: 'Executed_At__c',
      label: 'Executed at',
      description: 'When the escalation was carried out.',
      type: { kind: 'DateTime' },
      access: toolsWrite,
    },
    {
      name: 'Closed_At__c',
      label: 'Closed at',
      description:
        'When its open Tasks were completed: the SLA was met, or a later level superseded it.',
      type: { kind: 'DateTime' },
      access: toolsWrite,
    },
  ],
};

export const HANDOFF_PLAYBOOK: ObjectModel = {
  name: 'Handoff_Playbook__c',
  label: 'Handoff playbook',
  pluralLabel: 'Handoff playbooks',
  description:
    'The playbook text. A record, not custom metadata, because Lightning Data Service reads records.',
  nameField: { label: 'Playbook name' },
  /** Everyone's panel reads the active playbook; admins edit it (Modify All in Handoff_Admin). */
  sharingModel: 'Read',
  fields: [
    {
      name: 'Playbook_Text__c',
      label: 'Playbook',
      description: 'The playbook as YAML or JSON.',
      type: { kind: 'LongTextArea', length: 131072 },
      access: adminEdits,
    },
    {
      name: 'Active__c',
      label: 'Active',
      description: 'The playbook in force; Handoff reads the active one.',
      type: { kind: 'Checkbox' },
      access: adminEdits,
    },
  ],
};

export const OBJECTS: readonly ObjectModel[] = [
  HANDOFF,
  HANDOFF_ITEM,
  HANDOFF_ESCALATION,
  HANDOFF_PLAYBOOK,
];

export const CUSTOM_PERMISSIONS: Readonly<Record<CustomPermissionName, string>> = {
  Handoff_Admin_Config: 'Change the Handoff playbook.',
};

/**
 * Salesforce has no teams: a person's playbook roles are listed on their User record, named exactly as
 * in the playbook (`sdr`, `sales_rep`, …), as HubSpot teams are mapped to them. The values are the
 * default playbook's role ids; an admin who adds a role to the playbook adds its id here too.
 * Restricted: "only an admin can add or change values; users can't load or remove values through the
 * API" [https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_picklist.htm].
 * Uncertain: that a subscriber may add values to this packaged picklist (not tried on an install).
 */
export const USER_ROLES_FIELD = 'Handoff_Roles__c';

export function userObject(playbook: Playbook): ObjectModel {
  return {
    name: 'User',
    label: 'User',
    pluralLabel: 'Users',
    description: 'Standard object: only the fields are generated.',
    nameField: { label: 'Full Name' },
    sharingModel: 'ReadWrite',
    fields: [
      {
        name: USER_ROLES_FIELD,
        label: 'Handoff roles',
        description:
          "The person's roles in the Handoff playbook (its role ids): they decide which handoff actions the person may take.",
        type: {
          kind: 'MultiPicklist',
          values: Object.keys(playbook.roles),
          labels: Object.fromEntries(
            Object.entries(playbook.roles).map(([id, role]) => [id, `${role.label} (${id})`]),
          ),
          visibleLines: 4,
        },
        access: { Handoff_User: 'read', Handoff_Admin: 'edit' },
      },
    ],
  };
}

const none: ObjectAccess = { create: false, read: false, edit: false, delete: false };
const readOnly: ObjectAccess = { ...none, read: true };
const createEdit: ObjectAccess = { create: true, read: true, edit: true, delete: false };
const full: ObjectAccess = { create: true, read: true, edit: true, delete: true };
const everything: ObjectAccess = { ...full, viewAll: true, modifyAll: true };

export const PERMISSION_SETS: readonly PermissionSetModel[] = [
  {
    name: 'Handoff_User',
    label: 'Handoff User',
    description:
      'Everyone who works handoffs: fill in checklists and act on handoffs as the Handoff roles on their User record allow.',
    customPermissions: [],
    objects: {
      Handoff__c: createEdit,
      Handoff_Item__c: createEdit,
      Handoff_Escalation__c: readOnly,
      Handoff_Playbook__c: readOnly,
    },
  },
  {
    name: 'Handoff_Admin',
    label: 'Handoff Admin',
    description:
      "RevOps admins and Handoff's own tools: the playbook, people's Handoff roles, SLA upkeep.",
    customPermissions: ['Handoff_Admin_Config'],
    objects: {
      Handoff__c: full,
      Handoff_Item__c: full,
      Handoff_Escalation__c: everything,
      Handoff_Playbook__c: everything,
    },
  },
];
