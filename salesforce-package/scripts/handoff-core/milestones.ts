// The handoff events a Handoff__c header can tell, in the order they happened. The header keeps the
// latest submission, acceptance and rejection; the panel's adapter and the jsforce scanner both
// read handoffs through this, so the two Salesforce readers cannot order them differently.
import type { HandoffEvent, HandoffStatus } from '@handoff/shared';

export interface Milestone {
  at: number | undefined;
  by: string | undefined;
  details?: HandoffEvent['details'];
}

export interface HeaderMilestones {
  submitted: Milestone;
  accepted: Milestone;
  rejected: Milestone;
}

/** The Handoff__c fields the milestones come from: every reader of headers asks for these. */
export const MILESTONE_FIELDS = [
  'Submitted_By__c',
  'Submitted_At__c',
  'Accepted_By__c',
  'Accepted_At__c',
  'Rejected_By__c',
  'Rejected_At__c',
] as const;

const LIFECYCLE: readonly HandoffEvent['type'][] = ['submitted', 'rejected', 'accepted'];

export function milestoneEvents(status: HandoffStatus, header: HeaderMilestones): HandoffEvent[] {
  const out: HandoffEvent[] = [];
  for (const type of LIFECYCLE) {
    const { at, by, details = {} } = header[type as keyof HeaderMilestones];
    // An acceptance counts only while the handoff is accepted (a reopened one keeps the old field).
    if (at === undefined || (type === 'accepted' && status !== 'accepted')) continue;
    out.push({ type, at, by: by ?? '', actionId: `sf:${type}:${at}`, details });
  }
  // Events at the same instant (a clock standing still, as in the sandbox, or a fast round trip):
  // a submission precedes the rejection of it, and the event that produced the current status comes
  // last — a resubmission at the millisecond of the rejection must not read as still paused.
  const rank = (e: HandoffEvent) =>
    e.type === status ? LIFECYCLE.length : LIFECYCLE.indexOf(e.type);
  return out.sort((a, b) => a.at - b.at || rank(a) - rank(b));
}
