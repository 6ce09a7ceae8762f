// The handoff state machine as data. The core applies it; the Salesforce generators turn the same
// table into validation rules, so the two faces cannot drift apart.
import type { HandoffStatus } from '../playbook/schema.js';
import type { HandoffActionType } from '../shapes/request.js';

export interface Transition {
  action: HandoffActionType;
  from: readonly HandoffStatus[];
  to: HandoffStatus;
  /** Which of the handoff's role lists may take the action. */
  by: 'submit' | 'accept' | 'reject';
  /** The event recorded when the action changes the status. */
  event: 'item_set' | 'submitted' | 'withdrawn' | 'accepted' | 'rejected' | 'reworked';
}

export const TRANSITIONS: readonly Transition[] = [
  {
    action: 'set_item',
    from: ['not_started', 'in_progress', 'rejected'],
    to: 'in_progress',
    by: 'submit',
    event: 'item_set',
  },
  {
    action: 'submit',
    from: ['not_started', 'in_progress'],
    to: 'submitted',
    by: 'submit',
    event: 'submitted',
  },
  { action: 'withdraw', from: ['submitted'], to: 'in_progress', by: 'submit', event: 'withdrawn' },
  { action: 'accept', from: ['submitted'], to: 'accepted', by: 'accept', event: 'accepted' },
  { action: 'reject', from: ['submitted'], to: 'rejected', by: 'reject', event: 'rejected' },
  { action: 'reopen', from: ['rejected'], to: 'in_progress', by: 'submit', event: 'reworked' },
];

export function transitionFor(action: HandoffActionType): Transition {
  const transition = TRANSITIONS.find((t) => t.action === action);
  if (!transition) throw new Error(`no transition for ${action}`);
  return transition;
}
