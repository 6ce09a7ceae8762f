// Small builders so each test states only what matters to it.
import type { CalendarDef } from '../../shared/src/clock/index.js';
import type { HandoffState, RecordSnapshot, Viewer } from '../../shared/src/shapes/index.js';

export const rep: Viewer = { userId: 'u-rep', roles: ['sales_rep'] };
export const csManager: Viewer = { userId: 'u-cs', roles: ['cs_manager'] };
export const sdr: Viewer = { userId: 'u-sdr', roles: ['sdr'] };
export const nobody: Viewer = { userId: 'u-guest', roles: [] };

/** 2026-11-23 (a Monday) 10:00 in New York. */
export const MONDAY_10AM_NY = Date.UTC(2026, 10, 23, 15, 0);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Office hours Monday to Friday, 09:00–17:00: the week most clock and SLA tests run on. */
export const NINE_TO_FIVE: CalendarDef['weekly'] = {
  mon: [['09:00', '17:00']],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']],
  fri: [['09:00', '17:00']],
};

export function deal(overrides: Partial<RecordSnapshot> = {}): RecordSnapshot {
  return {
    crm: 'hubspot',
    objectType: 'deal',
    recordId: 'd-1',
    stage: 'closed_won',
    fields: { amount: '12000', arr: 12000, contract_start: '2026-12-01' },
    stageHistory: [
      { stage: 'appointment_scheduled', enteredAt: MONDAY_10AM_NY - 30 * DAY },
      { stage: 'closed_won', enteredAt: MONDAY_10AM_NY },
    ],
    handoffs: {},
    ownerId: 'u-rep',
    ...overrides,
  };
}

/** The CS handoff checklist with every required typed-in item answered. */
export function completeCsItems(at = MONDAY_10AM_NY): HandoffState['items'] {
  const answers: Record<string, string | boolean> = {
    customer_goals: 'Cut onboarding time by half',
    promises: 'Quarterly business reviews',
    champion: 'Dana Lee',
    executive_sponsor: 'Sam Ortiz, CFO',
    renewal_date: '2027-12-01',
    implementation: 'SSO, Salesforce sync',
    complexity: 'Medium',
    kickoff_date: '2026-12-03',
  };
  return Object.fromEntries(
    Object.entries(answers).map(([id, value]) => [id, { value, done: true, by: 'u-rep', at }]),
  );
}

export function handoffState(
  status: HandoffState['status'],
  overrides: Partial<HandoffState> = {},
): HandoffState {
  return {
    status,
    version: 3,
    items: status === 'not_started' ? {} : completeCsItems(),
    events: [],
    ...overrides,
  };
}
