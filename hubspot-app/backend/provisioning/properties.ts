// The deal properties that mirror Handoff's state into HubSpot, so native reports, lists and
// workflows can use it. Names are derived from playbook ids; HubSpot never sees our store.
import { fieldsOn, type Playbook } from '@handoff/shared';
import { KEY_PROPERTY, type PropertySpec } from '../hubspot/crm.js';

export const GROUP = 'handoff';

const HANDOFF_STATUSES = ['not_started', 'in_progress', 'submitted', 'accepted', 'rejected'];
const TIMER_STATES = ['pending', 'running', 'at_risk', 'paused', 'breached', 'met', 'met_late'];

export const handoffProperty = (handoffId: string, what: string) => `handoff_${handoffId}_${what}`;
export const slaProperty = (slaId: string, what: string) => `handoff_sla_${slaId}_${what}`;

const options = (values: readonly string[]) =>
  values.map((value, displayOrder) => ({ label: value.replace(/_/g, ' '), value, displayOrder }));

export function mirrorProperties(playbook: Playbook): PropertySpec[] {
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
  specs.push(when('handoff_next_due_at', 'Handoff: next SLA due at'));
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
