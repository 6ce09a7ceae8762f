// The 60 deals: where each stands and the 90 days of stage history behind it. Every number here is
// chosen so the dashboard's figures can be worked out by hand (test/sandbox/dashboard.test.ts).
import { DAY, HOUR, ny } from './time.js';

export type HubSpotStage =
  | 'appointmentscheduled'
  | 'qualifiedtobuy'
  | 'presentationscheduled'
  | 'decisionmakerboughtin'
  | 'contractsent'
  | 'closedwon'
  | 'closedlost';

export interface DealPlan {
  key: string;
  name: string;
  company: number;
  owner: string;
  properties: Record<string, string>;
  history: { stage: HubSpotStage; at: number }[];
}

/** Days spent in each stage on the way to a win (the appointment stage: 3 hours, see below). */
export const STAY_DAYS = {
  qualifiedtobuy: 7,
  presentationscheduled: 10,
  decisionmakerboughtin: 14,
  contractsent: 7,
} as const;
const PATH = [
  'qualifiedtobuy',
  'presentationscheduled',
  'decisionmakerboughtin',
  'contractsent',
] as const;
/** Deals the AE accepted through the card wait a day in the appointment stage; the rest move on after 3 hours. */
export const APPOINTMENT_STAY_MS = 3 * HOUR;
export const ACCEPTED_APPOINTMENT_STAY_MS = DAY;

const COMPANIES = 15;
const REP_KEYS = ['rep1', 'rep2', 'rep3', 'rep4'];

/** History walking the path from the appointment stage, entering `until` at `enteredAt`. */
function historyUntil(
  until: HubSpotStage,
  enteredAt: number,
  appointmentStay = APPOINTMENT_STAY_MS,
): DealPlan['history'] {
  if (until === 'appointmentscheduled') return [{ stage: until, at: enteredAt }];
  const steps: DealPlan['history'] = [{ stage: until, at: enteredAt }];
  let at = enteredAt;
  const last = until === 'closedwon' ? PATH.length : PATH.indexOf(until as (typeof PATH)[number]);
  for (let i = last - 1; i >= 0; i--) {
    const stage = PATH[i] as (typeof PATH)[number];
    at -= STAY_DAYS[stage] * DAY;
    steps.unshift({ stage, at });
  }
  steps.unshift({ stage: 'appointmentscheduled', at: at - appointmentStay });
  return steps;
}

let counter = 0;
function deal(
  prefix: string,
  history: DealPlan['history'],
  extra: Record<string, string> = {},
): DealPlan {
  const n = counter++;
  const amount = String(6_000 + ((n * 7_919) % 40) * 1_000);
  return {
    key: `${prefix}${n}`,
    name: `${NAMES[n % NAMES.length] ?? 'Deal'} ${['pilot', 'rollout', 'expansion', 'renewal'][n % 4] ?? ''}`,
    company: n % COMPANIES,
    owner: REP_KEYS[n % REP_KEYS.length] ?? 'rep1',
    properties: { dealname: '', amount, ...extra },
    history,
  };
}

const NAMES = [
  'Northwind',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Vandelay',
  'Stark',
  'Wayne',
  'Acme',
  'Soylent',
  'Tyrell',
  'Cyberdyne',
  'Wonka',
  'Gekko',
  'Oscorp',
];

/** Won deals: the won instant of each, in New York time (keys w0…w21). */
export const WON_AT: readonly number[] = [
  ny('2026-11-02', '10:00'),
  ny('2026-11-03', '10:00'),
  ny('2026-11-04', '10:00'),
  ny('2026-11-05', '10:00'),
  ny('2026-11-06', '10:00'),
  ny('2026-11-09', '10:00'),
  ny('2026-11-10', '10:00'),
  ny('2026-11-02', '10:00'),
  ny('2026-11-03', '10:00'),
  ny('2026-11-04', '10:00'),
  // w10–w13 not started, w14–w16 in progress, w17–w19 submitted, w20–w21 rejected.
  ny('2026-11-16', '11:30'),
  ny('2026-11-16', '12:00'),
  ny('2026-11-12', '10:00'),
  ny('2026-11-17', '09:00'),
  ny('2026-11-16', '12:30'),
  ny('2026-11-13', '10:00'),
  ny('2026-11-17', '09:30'),
  ny('2026-11-16', '14:00'),
  ny('2026-11-12', '10:00'),
  ny('2026-11-16', '12:15'),
  ny('2026-11-12', '10:00'),
  ny('2026-11-13', '10:00'),
];

/**
 * Won deals whose company became a customer the day they were won (HubSpot's lifecycle stage
 * `customer`, the playbook's Customer stage): where CS raises the CS → sales expansion. w7's CS
 * handoff is accepted (scripts.ts), so its company, Wayne Foods, is onboarded and ready for more.
 */
export const CUSTOMER_DEALS: readonly string[] = ['w7'];

/** Deals in the appointment stage (keys a0…a9): when each entered it. */
export const APPOINTMENT_AT: readonly number[] = [
  ny('2026-11-16', '10:00'),
  ny('2026-11-16', '15:30'),
  ny('2026-11-16', '16:45'),
  ny('2026-11-13', '14:00'),
  ny('2026-11-16', '15:15'),
  ny('2026-11-12', '10:00'),
  ny('2026-11-16', '15:45'),
  ny('2026-11-16', '11:00'),
  ny('2026-11-16', '15:20'),
  ny('2026-11-13', '10:00'),
];

/** Qualified deals (q0…q6) the AE accepted after these many business hours from submission. */
export const AE_WAIT_HOURS: readonly number[] = [1, 1, 2, 2, 3, 3, 5];
/** …each entering the appointment stage at 10:00 New York on these days. */
export const QUALIFIED_APPOINTMENT_AT: readonly number[] = [
  ny('2026-11-02', '10:00'),
  ny('2026-11-03', '10:00'),
  ny('2026-11-04', '10:00'),
  ny('2026-11-05', '10:00'),
  ny('2026-11-06', '10:00'),
  ny('2026-11-09', '10:00'),
  ny('2026-11-10', '10:00'),
];

function wonFields(i: number): Record<string, string> {
  return {
    handoff_arr: String(12_000 + i * 1_000),
    handoff_contract_start: `2026-12-${String(1 + (i % 28)).padStart(2, '0')}`,
  };
}

export function dealPlans(): DealPlan[] {
  counter = 0;
  const plans: DealPlan[] = [];
  const keyed = (key: string, plan: DealPlan) => plans.push({ ...plan, key });
  WON_AT.forEach((at, i) => keyed(`w${i}`, deal('w', historyUntil('closedwon', at), wonFields(i))));
  APPOINTMENT_AT.forEach((at, i) =>
    keyed(`a${i}`, deal('a', historyUntil('appointmentscheduled', at))),
  );
  QUALIFIED_APPOINTMENT_AT.forEach((at, i) =>
    keyed(
      `q${i}`,
      deal('q', [
        { stage: 'appointmentscheduled', at },
        { stage: 'qualifiedtobuy', at: at + ACCEPTED_APPOINTMENT_STAY_MS },
      ]),
    ),
  );
  // Open deals further along (entered their stage on these days), then five lost ones.
  const open: [HubSpotStage, number, number][] = [
    ['presentationscheduled', 6, 2],
    ['decisionmakerboughtin', 5, 3],
    ['contractsent', 5, 4],
  ];
  for (const [stage, count, firstDay] of open) {
    for (let i = 0; i < count; i++) {
      const at = ny(`2026-11-${String(firstDay + i).padStart(2, '0')}`, '10:00');
      keyed(`${stage.slice(0, 3)}${i}`, deal('o', historyUntil(stage, at)));
    }
  }
  const lostFrom: HubSpotStage[] = [
    'qualifiedtobuy',
    'qualifiedtobuy',
    'presentationscheduled',
    'presentationscheduled',
    'decisionmakerboughtin',
  ];
  lostFrom.forEach((from, i) => {
    const left = ny(`2026-11-${String(9 + i).padStart(2, '0')}`, '10:00');
    const before = historyUntil(from, left - STAY_DAYS[from as keyof typeof STAY_DAYS] * DAY);
    keyed(
      `l${i}`,
      deal('l', [...before, { stage: 'closedlost', at: left }], {
        closed_lost_reason: ['No budget', 'Chose a competitor', 'Timing'][i % 3] ?? '',
      }),
    );
  });
  return plans.map((p) => ({
    ...p,
    properties: { ...p.properties, dealname: `${p.name}`.trim(), closedate: closeDate(p.history) },
  }));
}

/**
 * A closed deal closed the day it was won or lost; an open one is expected to close 30 days after
 * entering its stage. Salesforce requires a close date, so both CRMs carry the same one.
 */
function closeDate(history: DealPlan['history']): string {
  const last = history[history.length - 1];
  const closed = last?.stage === 'closedwon' || last?.stage === 'closedlost';
  return new Date((last?.at ?? 0) + (closed ? 0 : 30 * DAY)).toISOString().slice(0, 10);
}
