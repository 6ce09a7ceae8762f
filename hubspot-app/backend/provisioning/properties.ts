// The properties that mirror Handoff's state into HubSpot, so native reports, lists and workflows
// can use it: on deals, and on contacts and companies for the handoffs and SLAs that live there (a
// marketing manager's list of "MQLs whose speed to lead breached" is a contact list). Names are
// derived from playbook ids; HubSpot never sees our store.
import {
  fieldsOn,
  objectOfHandoff,
  objectOfSla,
  objectsOf,
  type Playbook,
  type RecordObject,
} from '@handoff/shared';
import { KEY_PROPERTY, type PropertySpec } from '../hubspot/crm.js';
import { handoffProperty, NEXT_DUE, slaProperty } from '../hubspot/mirror-names.js';

export { handoffProperty, NEXT_DUE, slaMirrorNames, slaProperty } from '../hubspot/mirror-names.js';

export const GROUP = 'handoff';

const HANDOFF_STATUSES = ['not_started', 'in_progress', 'submitted', 'accepted', 'rejected'];
const TIMER_STATES = ['pending', 'running', 'at_risk', 'paused', 'breached', 'met', 'met_late'];

const options = (values: readonly string[]) =>
  values.map((value, displayOrder) => ({ label: value.replace(/_/g, ' '), value, displayOrder }));

/** HubSpot's object type for each of the playbook's objects (the properties API's path). */
export const HUBSPOT_OBJECT_TYPE = {
  deal: 'deals',
  contact: 'contacts',
  company: 'companies',
} as const satisfies Record<RecordObject, string>;

/** The objects that carry mirror properties: deals always, contacts and companies the playbook has. */
export function mirroredObjects(playbook: Playbook): RecordObject[] {
  return [...new Set<RecordObject>(['deal', ...objectsOf(playbook)])];
}

/** The mirror properties of one object's records: its handoffs' and its SLAs'. */
export function mirrorProperties(
  playbook: Playbook,
  object: RecordObject = 'deal',
): PropertySpec[] {
  const specs: PropertySpec[] = [];
  const text = (name: string, label: string): PropertySpec => ({
    name,
    label,
    type: 'string',
    fieldType: 'text',
    groupName: GROUP,
  });
  const when = (name: string, label: string): PropertySpec => ({
    name,
    label,
    type: 'datetime',
    fieldType: 'date',
    groupName: GROUP,
  });
  for (const h of playbook.handoffs) {
    if (objectOfHandoff(playbook, h) !== object) continue;
    specs.push(
      {
        name: handoffProperty(h.id, 'status'),
        label: `${h.label}: status`,
        type: 'enumeration',
        fieldType: 'select',
        groupName: GROUP,
        options: options(HANDOFF_STATUSES),
      },
      when(handoffProperty(h.id, 'submitted_at'), `${h.label}: submitted at`),
      text(handoffProperty(h.id, 'submitted_by'), `${h.label}: submitted by`),
      when(handoffProperty(h.id, 'accepted_at'), `${h.label}: accepted at`),
      text(handoffProperty(h.id, 'accepted_by'), `${h.label}: accepted by`),
      text(handoffProperty(h.id, 'rejection_reason'), `${h.label}: rejection reason`),
    );
  }
  for (const sla of playbook.slas) {
    if (objectOfSla(playbook, sla) !== object) continue;
    specs.push(
      {
        name: slaProperty(sla.id, 'status'),
        label: `${sla.label}: SLA status`,
        type: 'enumeration',
        fieldType: 'select',
        groupName: GROUP,
        options: options(TIMER_STATES),
      },
      when(slaProperty(sla.id, 'due_at'), `${sla.label}: due at`),
    );
  }
  specs.push(when(NEXT_DUE, 'Handoff: next SLA due at'));
  return specs;
}

/** Playbook fields that name a HubSpot property the portal may not have yet (custom fields). */
export function fieldProperties(playbook: Playbook): PropertySpec[] {
  return Object.values(fieldsOn(playbook, 'deal')).flatMap((field): PropertySpec[] => {
    if (!field.hubspot) return [];
    if (field.type === 'number')
      return [
        {
          name: field.hubspot,
          label: field.label,
          type: 'number',
          fieldType: 'number',
          groupName: GROUP,
        },
      ];
    if (field.type === 'date')
      return [
        {
          name: field.hubspot,
          label: field.label,
          type: 'date',
          fieldType: 'date',
          groupName: GROUP,
        },
      ];
    if (field.type === 'datetime')
      return [
        {
          name: field.hubspot,
          label: field.label,
          type: 'datetime',
          fieldType: 'date',
          groupName: GROUP,
        },
      ];
    return [
      {
        name: field.hubspot,
        label: field.label,
        type: 'string',
        fieldType: 'text',
        groupName: GROUP,
      },
    ];
  });
}

export const ENGAGEMENT_KEY_PROPERTY: PropertySpec = {
  name: KEY_PROPERTY,
  label: 'Handoff key',
  type: 'string',
  fieldType: 'text',
  groupName: GROUP,
};
