// An org of opportunities in ten situations, 1/10 each, at "now" = Monday 2 March 2026 13:30 in
// New York (18:30 UTC; the default playbook's calendar: 9–17 weekdays, America/New_York, EST).
import type { TestOrg } from './org.js';

export const NOW = Date.UTC(2026, 2, 2, 18, 30);
const est = (day: number, hour: number, month = 2) => Date.UTC(2026, month, day, hour + 5);

export type Situation =
  | 'fresh_prospect'
  | 'at_risk_prospect'
  | 'breached_prospect'
  | 'accepted_prospect'
  | 'moved_on'
  | 'won_friday'
  | 'won_thursday'
  | 'won_accepted'
  | 'lost'
  | 'won_just_now';

export const SITUATIONS: readonly Situation[] = [
  'fresh_prospect',
  'at_risk_prospect',
  'breached_prospect',
  'accepted_prospect',
  'moved_on',
  'won_friday',
  'won_thursday',
  'won_accepted',
  'lost',
  'won_just_now',
];

interface Setup {
  history: { stage: string; at: number }[];
  handoff?: {
    id: 'sdr_to_ae' | 'sales_to_cs';
    status: string;
    submittedAt?: number;
    acceptedAt?: number;
  };
}

/** Stage entries in New York time; the comment says what the default playbook makes of it at NOW. */
export const SETUPS: Record<Situation, Setup> = {
  // Entered 13:00: 30 of 240 business minutes used — running.
  fresh_prospect: {
    history: [{ stage: 'Prospecting', at: est(2, 13) }],
    handoff: { id: 'sdr_to_ae', status: 'in_progress' },
  },
  // Entered 10:00: due 14:00, at risk from 13:00.
  at_risk_prospect: {
    history: [{ stage: 'Prospecting', at: est(2, 10) }],
    handoff: { id: 'sdr_to_ae', status: 'in_progress' },
  },
  // Entered 09:00: due 13:00 — breached.
  breached_prospect: {
    history: [{ stage: 'Prospecting', at: est(2, 9) }],
    handoff: { id: 'sdr_to_ae', status: 'submitted', submittedAt: est(2, 9) },
  },
  // Accepted at 10:00, before it was due — met.
  accepted_prospect: {
    history: [{ stage: 'Prospecting', at: est(2, 9) }],
    handoff: {
      id: 'sdr_to_ae',
      status: 'accepted',
      submittedAt: est(2, 9),
      acceptedAt: est(2, 10),
    },
  },
  // Left Prospecting at 10:00 — met; and Needs Analysis is a stage no SLA runs in, so never read.
  moved_on: {
    history: [
      { stage: 'Prospecting', at: est(2, 9) },
      { stage: 'Needs Analysis', at: est(2, 10) },
    ],
  },
  // Won Friday 10:00: one business day → due Monday 10:00 — breached, but not yet 4 business hours past.
  won_friday: {
    history: [
      { stage: 'Negotiation/Review', at: est(20, 9, 1) },
      { stage: 'Closed Won', at: est(27, 10, 1) },
    ],
    handoff: { id: 'sales_to_cs', status: 'submitted', submittedAt: est(27, 11, 1) },
  },
  // Won Thursday 09:00: due Friday 09:00, 4 business hours past at Friday 13:00 — every level.
  won_thursday: {
    history: [{ stage: 'Closed Won', at: est(26, 9, 1) }],
    handoff: { id: 'sales_to_cs', status: 'submitted', submittedAt: est(26, 9, 1) },
  },
  // Accepted an hour after winning — met.
  won_accepted: {
    history: [{ stage: 'Closed Won', at: est(26, 9, 1) }],
    handoff: {
      id: 'sales_to_cs',
      status: 'accepted',
      submittedAt: est(26, 9, 1),
      acceptedAt: est(26, 10, 1),
    },
  },
  // Closed lost: no SLA runs — never read.
  lost: {
    history: [
      { stage: 'Prospecting', at: est(2, 9) },
      { stage: 'Closed Lost', at: est(2, 9) + 60_000 },
    ],
  },
  // Won at 13:00 — running.
  won_just_now: { history: [{ stage: 'Closed Won', at: est(2, 13) }] },
};

export interface Seeded {
  id: string;
  situation: Situation;
  handoffId?: string;
}

export function seedOpportunities(org: TestOrg, count: number): Seeded[] {
  const seeded: Seeded[] = [];
  for (let i = 0; i < count; i++) {
    const situation = SITUATIONS[i % SITUATIONS.length] as Situation;
    const setup = SETUPS[situation];
    const id = org.seed.opportunity(
      {
        Name: `Deal ${i}`,
        StageName: setup.history[setup.history.length - 1]?.stage ?? 'Prospecting',
        CloseDate: '2026-03-31',
        Amount: 1000 + i,
        OwnerId: org.users.owner,
      },
      setup.history,
    );
    const entry: Seeded = { id, situation };
    if (setup.handoff) {
      const h = setup.handoff;
      entry.handoffId = org.seed.record('Handoff__c', {
        Opportunity__c: id,
        Handoff_Id__c: h.id,
        Record_Key__c: `${id}:${h.id}`,
        Status__c: h.status,
        Version__c: 1,
        ...(h.submittedAt
          ? {
              Submitted_At__c: new Date(h.submittedAt).toISOString(),
              Submitted_By__c: org.users.owner,
            }
          : {}),
        ...(h.acceptedAt
          ? {
              Accepted_At__c: new Date(h.acceptedAt).toISOString(),
              Accepted_By__c: org.users.csManagers[0],
            }
          : {}),
      });
    }
    seeded.push(entry);
  }
  return seeded;
}
