// What people did on the card, in order: every handoff state of the seed is reached by these
// actions, sent through the real card API at the moment they happened (see run.ts).
import type { HandoffAction } from '@handoff/shared';
import { AE_WAIT_HOURS, APPOINTMENT_AT, QUALIFIED_APPOINTMENT_AT, WON_AT } from './deals.js';
import { HOUR, ny } from './time.js';

export interface Step {
  at: number;
  as: string;
  deal: string;
  handoffId: 'sdr_to_ae' | 'sales_to_cs';
  action: HandoffAction;
}

const MIN = 60_000;
const set = (itemId: string, value: string | boolean) =>
  ({ type: 'set_item', itemId, value }) as const;

/** The rep's answers to the CS checklist; `count` of them, one a minute from `from`. */
function csItems(deal: string, as: string, from: number, count = CS_ANSWERS.length): Step[] {
  return CS_ANSWERS.slice(0, count).map(([itemId, value], i) => ({
    at: from + i * MIN,
    as,
    deal,
    handoffId: 'sales_to_cs',
    action: set(itemId, value),
  }));
}
const CS_ANSWERS: [string, string | boolean][] = [
  ['customer_goals', 'Cut onboarding time for new hires from 6 weeks to 3.'],
  ['promises', '10% discount in year one; SSO by Q1.'],
  ['champion', 'Priya Raman, Head of Ops'],
  ['executive_sponsor', 'Tom Becker, COO'],
  ['renewal_date', '2027-12-01'],
  ['implementation', 'SSO with Okta; import of 3 years of records.'],
  ['complexity', 'Medium'],
  ['kickoff_date', '2026-12-07'],
];

function aeItems(deal: string, from: number, count = 3): Step[] {
  const answers: [string, string | boolean][] = [
    ['source', true],
    ['pain_summary', 'Spreadsheets break every quarter-end.'],
    ['meeting_booked', '2026-11-20'],
  ];
  return answers.slice(0, count).map(([itemId, value], i) => ({
    at: from + i * MIN,
    as: 'admin',
    deal,
    handoffId: 'sdr_to_ae',
    action: set(itemId, value),
  }));
}

const step = (
  at: number,
  as: string,
  deal: string,
  handoffId: Step['handoffId'],
  action: HandoffAction,
): Step => ({ at, as, deal, handoffId, action });

const day = (at: number) => new Date(at - 5 * HOUR).toISOString().slice(0, 10);

/** The next business day's date (the seed's weeks have no holidays before the seeded instant). */
function nextBusinessDay(at: number, n = 1): string {
  let t = at;
  for (let left = n; left > 0;) {
    t += 24 * HOUR;
    const weekday = new Date(t - 5 * HOUR).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return day(t);
}

export function seedSteps(ownerOf: (deal: string) => string): Step[] {
  const steps: Step[] = [];
  const cs = (i: number) => (i % 2 === 0 ? 'cs1' : 'cs2');
  const won = (i: number) => WON_AT[i] ?? 0;
  const submitCs = (i: number, at: number) =>
    steps.push(step(at, ownerOf(`w${i}`), `w${i}`, 'sales_to_cs', { type: 'submit' }));
  const fill = (i: number, from: number, count?: number) =>
    steps.push(...csItems(`w${i}`, ownerOf(`w${i}`), from, count));

  // w0–w9 accepted: filled from 11:00, submitted at 12:00, accepted after the waits the
  // dashboard test names (w5 and w6 rejected once first; the rep reworked and resubmitted).
  const acceptAt: Record<number, number> = {
    0: ny(day(won(0)), '13:00'),
    1: ny(day(won(1)), '14:00'),
    2: ny(day(won(2)), '15:00'),
    3: ny(day(won(3)), '16:00'),
    4: ny(nextBusinessDay(won(4)), '09:30'),
    5: ny(nextBusinessDay(won(5)), '13:00'),
    6: ny(nextBusinessDay(won(6)), '11:00'),
    7: ny(nextBusinessDay(won(7), 2), '12:00'),
    8: ny(nextBusinessDay(won(8), 3), '12:00'),
    9: ny(nextBusinessDay(won(9), 2), '16:00'),
  };
  for (let i = 0; i <= 9; i++) {
    fill(i, won(i) + HOUR);
    submitCs(i, won(i) + 2 * HOUR);
    if (i === 5 || i === 6) {
      const d = day(won(i));
      const [rejectAt, reworkAt, resubmitAt] =
        i === 5
          ? [
              ny(d, '14:00'),
              ny(nextBusinessDay(won(i)), '10:00'),
              ny(nextBusinessDay(won(i)), '11:00'),
            ]
          : [ny(d, '13:00'), ny(d, '15:00'), ny(d, '16:00')];
      const reason = i === 5 ? 'missing_information' : 'promises_unclear';
      steps.push(
        step(rejectAt, cs(i), `w${i}`, 'sales_to_cs', {
          type: 'reject',
          reason,
          comment: 'Please add detail before we take this on.',
        }),
      );
      steps.push(step(reworkAt, ownerOf(`w${i}`), `w${i}`, 'sales_to_cs', { type: 'reopen' }));
      submitCs(i, resubmitAt);
    }
    steps.push(step(acceptAt[i] ?? 0, cs(i), `w${i}`, 'sales_to_cs', { type: 'accept' }));
  }
  // w14–w16 in progress (three answers), w17–w19 submitted, w20–w21 rejected.
  for (const i of [14, 15, 16]) fill(i, won(i) + 10 * MIN, 3);
  for (const i of [17, 18, 19, 20, 21]) {
    fill(i, won(i) + 5 * MIN);
    submitCs(i, won(i) + 15 * MIN);
  }
  steps.push(
    step(won(20) + 4 * HOUR, 'cs1', 'w20', 'sales_to_cs', {
      type: 'reject',
      reason: 'wrong_contacts',
      comment: 'The champion left the company last week.',
    }),
  );
  steps.push(
    step(won(21) + 4 * HOUR, 'cs2', 'w21', 'sales_to_cs', {
      type: 'reject',
      reason: 'missing_information',
    }),
  );

  // The AE handoff: q0–q6 accepted after AE_WAIT_HOURS; a5–a6 in progress, a7–a8 submitted, a9 rejected.
  QUALIFIED_APPOINTMENT_AT.forEach((at, i) => {
    steps.push(...aeItems(`q${i}`, at + 10 * MIN));
    steps.push(step(at + 30 * MIN, 'admin', `q${i}`, 'sdr_to_ae', { type: 'submit' }));
    steps.push(
      step(at + 30 * MIN + (AE_WAIT_HOURS[i] ?? 0) * HOUR, ownerOf(`q${i}`), `q${i}`, 'sdr_to_ae', {
        type: 'accept',
      }),
    );
  });
  const appointment = (i: number) => APPOINTMENT_AT[i] ?? 0;
  for (const i of [5, 6]) steps.push(...aeItems(`a${i}`, appointment(i) + 5 * MIN, 2));
  for (const i of [7, 8, 9]) {
    steps.push(...aeItems(`a${i}`, appointment(i) + 2 * MIN));
    steps.push(step(appointment(i) + 8 * MIN, 'admin', `a${i}`, 'sdr_to_ae', { type: 'submit' }));
  }
  steps.push(
    step(appointment(9) + 2 * HOUR, ownerOf('a9'), 'a9', 'sdr_to_ae', {
      type: 'reject',
      reason: 'not_qualified',
      comment: 'No budget until next fiscal year.',
    }),
  );
  return steps.sort((a, b) => a.at - b.at);
}
