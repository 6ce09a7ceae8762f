// The marketing → sales seam on HubSpot contacts: eight people, one in every state the MQL handoff
// and its two clocks (speed to lead, sales decides) can stand in at the seeded instant. Each
// contact's lifecycle history is HubSpot data; what people did afterwards — marketing's brief, the
// SDR's logged calls, the accept and the recycle — is replayed in time order like the deals'
// actions (run.ts), so the lifecycle moves are the card's own outbox writes.
import type { HandoffAction } from '@handoff/shared';
import { HOUR, ny } from './time.js';

export interface ContactPlan {
  key: string;
  properties: Record<string, string>;
  /** Lifecycle stages as HubSpot recorded them, oldest first. */
  lifecycle: { stage: string; at: number }[];
  /** The company it works at (an index into COMPANY_NAMES). */
  company: number;
}

/** A card action on a contact's MQL handoff, or a call the SDR logged in HubSpot. */
export type ContactStep =
  | { at: number; as: string; contact: string; action: HandoffAction }
  | { at: number; contact: string; touch: true };

const MIN = 60_000;

const person = (
  key: string,
  first: string,
  last: string,
  title: string | null,
  company: number,
  lifecycle: ContactPlan['lifecycle'],
): ContactPlan => ({
  key,
  properties: {
    firstname: first,
    lastname: last,
    email: `${first.toLowerCase()}.${last.toLowerCase()}@example.com`,
    ...(title ? { jobtitle: title } : {}),
  },
  lifecycle,
  company,
});

/** When each contact became an MQL (the speed-to-lead clock starts there), New York time. */
export const MQL_AT = {
  // Tuesday 9:30: 1.5 of 4 business hours gone at the seeded instant (Tuesday 11:00).
  untouched: ny('2026-11-17', '09:30'),
  // Monday 10:00: 9 business hours untouched by Tuesday 11:00 — breached.
  breaching: ny('2026-11-16', '10:00'),
  // Monday 14:00, called at 15:00: speed to lead met in one hour.
  touched: ny('2026-11-16', '14:00'),
  // Monday 16:00, brief submitted 16:10, called 16:30: waiting for sales to decide.
  submitted: ny('2026-11-16', '16:00'),
  // Thursday 12 November 10:00, brief 10:30, called 11:00 (1 h), accepted 14:00.
  accepted: ny('2026-11-12', '10:00'),
  // Friday 13 November 10:00, brief 10:20, called 10:30 (0.5 h), recycled 15:00 as not ready.
  recycled: ny('2026-11-13', '10:00'),
  // Tuesday 10:00 with no job title: the MQL's entry criteria show unmet.
  noTitle: ny('2026-11-17', '10:00'),
} as const;

/** Business hours from MQL to the first call for the touched contacts (speed to lead met). */
export const FIRST_TOUCH_HOURS = { touched: 1, submitted: 0.5, accepted: 1, recycled: 0.5 };

const lead = (at: number) => [
  { stage: 'subscriber', at: at - 20 * 24 * HOUR },
  { stage: 'lead', at: at - 10 * 24 * HOUR },
];
const mql = (at: number) => [...lead(at), { stage: 'marketingqualifiedlead', at }];

export function contactPlans(): ContactPlan[] {
  return [
    person('c0', 'Lena', 'Fischer', 'Operations manager', 0, lead(ny('2026-11-10', '10:00'))),
    person('c1', 'Marco', 'Rossi', 'Head of Operations', 1, mql(MQL_AT.untouched)),
    person('c2', 'Nina', 'Kowalski', 'VP Finance', 2, mql(MQL_AT.breaching)),
    person('c3', 'Omar', 'Haddad', 'IT director', 3, mql(MQL_AT.touched)),
    person('c4', 'Paula', 'Santos', 'COO', 4, mql(MQL_AT.submitted)),
    person('c5', 'Quinn', 'Baker', 'CFO', 5, mql(MQL_AT.accepted)),
    person('c6', 'Rita', 'Moreno', 'Office manager', 6, mql(MQL_AT.recycled)),
    person('c7', 'Sam', 'Lee', null, 7, mql(MQL_AT.noTitle)),
  ];
}

const BRIEF: [string, string][] = [
  ['source', 'Webinar: closing the quarter without spreadsheets'],
  ['engaged_with', 'Pricing page twice, the ROI calculator'],
  ['fit', 'Good'],
  ['company_size', '51-200'],
  ['timing', 'This quarter'],
];

/** Marketing's brief on `contact`, one answer a minute from `from`, then submitted. */
function brief(contact: string, from: number): ContactStep[] {
  return [
    ...BRIEF.map(([itemId, value], i) => ({
      at: from + i * MIN,
      as: 'mkt1',
      contact,
      action: { type: 'set_item', itemId, value } as const,
    })),
    { at: from + BRIEF.length * MIN, as: 'mkt1', contact, action: { type: 'submit' } as const },
  ];
}

export function contactSteps(): ContactStep[] {
  const touch = (contact: string, at: number): ContactStep => ({ at, contact, touch: true });
  const steps: ContactStep[] = [
    touch('c3', MQL_AT.touched + FIRST_TOUCH_HOURS.touched * HOUR),
    ...brief('c4', MQL_AT.submitted + 5 * MIN),
    touch('c4', MQL_AT.submitted + FIRST_TOUCH_HOURS.submitted * HOUR),
    ...brief('c5', MQL_AT.accepted + 20 * MIN),
    touch('c5', MQL_AT.accepted + FIRST_TOUCH_HOURS.accepted * HOUR),
    { at: MQL_AT.accepted + 4 * HOUR, as: 'sdr1', contact: 'c5', action: { type: 'accept' } },
    ...brief('c6', MQL_AT.recycled + 10 * MIN),
    touch('c6', MQL_AT.recycled + FIRST_TOUCH_HOURS.recycled * HOUR),
    {
      at: MQL_AT.recycled + 5 * HOUR,
      as: 'sdr1',
      contact: 'c6',
      action: {
        type: 'reject',
        reason: 'not_ready',
        comment: 'Budget opens in Q2; asked us to call back in March.',
      },
    },
  ];
  return steps.sort((a, b) => a.at - b.at);
}
