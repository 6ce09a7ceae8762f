// The words both faces use for states, statuses, actions and events: one table each, so the HubSpot
// card and the Salesforce panel can never say "Running" on one side and "On track" on the other.
// A tone says how a state should look; each face maps tones to its own styles.
import type { HandoffStatus } from '../playbook/schema.js';
import type { HandoffEventType } from '../shapes/handoff-state.js';
import type { ActionAvailability, Ball, SlaStep, TimerView } from '../shapes/view.js';

export type Tone = 'neutral' | 'info' | 'warning' | 'danger' | 'success';

export interface Word {
  label: string;
  tone: Tone;
}

export const TIMER_STATES: Readonly<Record<TimerView['state'], Word>> = {
  pending: { label: 'Not started', tone: 'neutral' },
  running: { label: 'On track', tone: 'info' },
  paused: { label: 'Paused', tone: 'neutral' },
  at_risk: { label: 'At risk', tone: 'warning' },
  breached: { label: 'Breached', tone: 'danger' },
  met: { label: 'Met', tone: 'success' },
  met_late: { label: 'Met late', tone: 'warning' },
};

export const HANDOFF_STATUSES: Readonly<Record<HandoffStatus, Word>> = {
  not_started: { label: 'Not started', tone: 'neutral' },
  in_progress: { label: 'In progress', tone: 'info' },
  submitted: { label: 'Submitted', tone: 'warning' },
  accepted: { label: 'Accepted', tone: 'success' },
  rejected: { label: 'Rejected', tone: 'danger' },
};

export type ActionType = ActionAvailability['type'];
export type Emphasis = 'primary' | 'secondary' | 'destructive';

export const ACTIONS: Readonly<Record<ActionType, { label: string; emphasis: Emphasis }>> = {
  submit: { label: 'Submit handoff', emphasis: 'primary' },
  withdraw: { label: 'Withdraw', emphasis: 'secondary' },
  accept: { label: 'Accept', emphasis: 'primary' },
  reject: { label: 'Reject…', emphasis: 'destructive' },
  reopen: { label: 'Rework', emphasis: 'secondary' },
};

export const EVENT_VERBS: Readonly<Record<Exclude<HandoffEventType, 'item_set'>, string>> = {
  submitted: 'Submitted',
  withdrawn: 'Withdrawn',
  accepted: 'Accepted',
  rejected: 'Rejected',
  reworked: 'Reopened for rework',
};

/** What the person holding the ball must do, as an instruction. */
export const MOVES: Readonly<Record<Ball['action'], (handoff: string) => string>> = {
  submit: (h) => `Complete and submit the ${h} handoff`,
  accept: (h) => `Review the ${h} handoff: accept or reject it`,
  reopen: (h) => `Rework the ${h} handoff and submit it again`,
};

/**
 * What the person an SLA waits on must do in the CRM to stop its clock, as an instruction: the
 * SLA's stop in words (`target` is the field's or stage's label).
 */
export const CRM_MOVES: Readonly<Record<SlaStep['stop']['on'], (target: string) => string>> = {
  first_activity: () => 'Make first contact (log a call, email or meeting)',
  field_set: (field) => `Fill in ${field}`,
  stage_entered: (stage) => `Move the record to ${stage}`,
  stage_left: (stage) => `Move the record on from ${stage}`,
};
