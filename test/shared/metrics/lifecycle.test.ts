import { describe, expect, it } from 'vitest';
import { computeMetrics, seamOf } from '../../../shared/src/metrics/index.js';
import type {
  HandoffEvent,
  HandoffState,
  RecordSnapshot,
} from '../../../shared/src/shapes/index.js';
import { deal, HOUR } from '../builders.js';
import { dealsOnlyPlaybook, defaultPlaybook, defaultPlaybookInput } from '../fixtures.js';
import { parsePlaybook } from '../../../shared/src/playbook/index.js';

// People and customers counted by hand against the default playbook: speed to lead in its
// us_business calendar (New York, Mon–Fri 09:00–17:00; Thanksgiving 26 Nov closed all day, the
// day after closed from 13:00, Christmas 25 Dec closed). New York is UTC−5 all of Nov–Dec 2026.
const playbook = defaultPlaybook();
const utc = (month: number, day: number, hour: number, minute = 0) =>
  Date.UTC(2026, month - 1, day, hour, minute);
const ev = (
  type: HandoffEvent['type'],
  at: number,
  details: HandoffEvent['details'] = {},
): HandoffEvent => ({ type, at, by: 'u', actionId: `${type}-${at}`, details });
const state = (status: HandoffState['status'], events: HandoffEvent[]): HandoffState => ({
  status,
  version: events.length,
  items: {},
  events,
});
const contact = (
  recordId: string,
  mqlAt: number,
  activities: number[],
  mql: HandoffEvent[],
): RecordSnapshot => ({
  crm: 'hubspot',
  objectType: 'contacts',
  recordId,
  stage: 'mql',
  fields: {},
  stageHistory: [
    { stage: 'lead', enteredAt: mqlAt - 10 * 24 * HOUR },
    { stage: 'mql', enteredAt: mqlAt },
  ],
  handoffs: { mql_to_sales: state('submitted', mql) },
  activities,
});
const company = (recordId: string, expansion: HandoffEvent[]): RecordSnapshot => ({
  crm: 'hubspot',
  objectType: 'companies',
  recordId,
  stage: 'customer',
  fields: {},
  stageHistory: [{ stage: 'customer', enteredAt: utc(6, 1, 14) }],
  handoffs: { expansion: state('submitted', expansion) },
});

const people = [
  // MQL Wed 25 Nov 16:00; first call Mon 30 Nov 10:00: Wed 16–17 (1 h) + Thanksgiving (0) + Fri
  // 09–13 (4 h, closed from 13:00) + the weekend (0) + Mon 09–10 (1 h) = 6 business hours.
  contact(
    'c1',
    utc(11, 25, 21),
    [utc(11, 30, 15)],
    [ev('submitted', utc(11, 25, 21)), ev('accepted', utc(11, 30, 16))],
  ),
  // MQL Thu 24 Dec 15:00; first email Mon 28 Dec 09:30: Thu 15–17 (2 h) + Christmas and the
  // weekend (0) + Mon 09:00–09:30 = 2.5 business hours. Recycled: not ready.
  contact(
    'c2',
    utc(12, 24, 20),
    [utc(12, 28, 14, 30)],
    [ev('submitted', utc(12, 24, 20)), ev('rejected', utc(12, 28, 15), { reason: 'not_ready' })],
  ),
  // MQL Tue 1 Dec 10:00, called at 11:00: 1 business hour. The call in November, before the
  // MQL, is not its first touch.
  contact(
    'c3',
    utc(12, 1, 15),
    [utc(11, 20, 15), utc(12, 1, 17), utc(12, 1, 16)],
    [ev('submitted', utc(12, 1, 15)), ev('accepted', utc(12, 1, 17))],
  ),
  // MQL Fri 4 Dec 16:00, never touched: still untouched now; recycled without a call.
  contact(
    'c4',
    utc(12, 4, 21),
    [],
    [ev('submitted', utc(12, 4, 21)), ev('rejected', utc(12, 7, 15), { reason: 'not_ready' })],
  ),
  // All in October, before the window: neither touched in it nor untouched now.
  contact(
    'c5',
    utc(10, 28, 14),
    [utc(10, 28, 15)],
    [ev('submitted', utc(10, 28, 14)), ev('rejected', utc(10, 29, 14), { reason: 'bad_fit' })],
  ),
];

const customers = [
  // Accepted and linked to d9, since won: converted to revenue.
  company('co1', [
    ev('submitted', utc(12, 2, 15)),
    ev('accepted', utc(12, 3, 15), { linkedRecordId: 'd9' }),
  ]),
  // Accepted and linked to d10, still being qualified: not converted yet.
  company('co2', [
    ev('submitted', utc(12, 8, 15)),
    ev('accepted', utc(12, 9, 15), { linkedRecordId: 'd10' }),
  ]),
  company('co3', [
    ev('submitted', utc(12, 10, 15)),
    ev('rejected', utc(12, 10, 18), { reason: 'no_budget' }),
  ]),
  // Accepted with no deal linked: not converted.
  company('co4', [ev('submitted', utc(12, 11, 15)), ev('accepted', utc(12, 14, 15))]),
];
const deals = [
  deal({ recordId: 'd9', stage: 'closed_won' }),
  deal({ recordId: 'd10', stage: 'qualified' }),
  // Won, but a Salesforce record: co1's d9 is a HubSpot id, so this one never matches.
  deal({ crm: 'salesforce', recordId: 'd10', stage: 'closed_won' }),
];

const window = { from: utc(11, 1, 0), to: Date.UTC(2027, 0, 1) };
const metrics = computeMetrics(playbook, [...people, ...customers, ...deals], window, window.to);

describe('speed to lead over November–December 2026', () => {
  it('when people were touched across a holiday and a weekend, then median and p90 are in business hours', () => {
    expect(metrics.speedToLead).toEqual([
      {
        slaId: 'speed_to_lead',
        label: 'Speed to lead',
        object: 'contact',
        touched: 3, // c1 6 h, c2 2.5 h, c3 1 h
        medianMs: 2.5 * HOUR,
        p90Ms: 6 * HOUR, // nearest rank: the 3rd of 3
        timeZone: 'America/New_York',
        untouchedNow: 1, // c4
      },
    ]);
  });

  it('when the SLA has another id, then it is found by its first-activity stop', () => {
    const input = defaultPlaybookInput();
    const sla = (input.slas as { id: string }[]).find((s) => s.id === 'speed_to_lead');
    if (sla) sla.id = 'first_call';
    const parsed = parsePlaybook(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const renamed = computeMetrics(parsed.playbook, people, window, window.to);
    expect(renamed.speedToLead.map((s) => [s.slaId, s.touched, s.medianMs])).toEqual([
      ['first_call', 3, 2.5 * HOUR],
    ]);
    expect(renamed.seams.marketingToSales?.speedToLead?.slaId).toBe('first_call');
  });

  it('when now is before the first touch, then the person counts as untouched, not touched', () => {
    const early = computeMetrics(playbook, people, window, utc(11, 27, 15));
    // At Fri 27 Nov 10:00 only c1 (MQL Wed) and c5 (October, touched) had started.
    expect(early.speedToLead[0]).toMatchObject({ touched: 0, medianMs: null, untouchedNow: 1 });
  });
});

describe('the seams of the lifecycle', () => {
  it('when MQLs were accepted and recycled, then marketing → sales shows the acceptance rate and the recycle reasons', () => {
    const mql = metrics.seams.marketingToSales;
    expect(mql).toMatchObject({
      id: 'marketing_to_sales',
      label: 'Marketing → sales',
      handoffIds: ['mql_to_sales'],
      submitted: 4, // c1–c4; c5's was in October
      accepted: 2,
      rejected: 2,
      acceptanceRate: 0.5,
      recycleReasons: [{ id: 'not_ready', label: 'Not ready to buy yet', count: 2 }],
    });
    expect(mql?.recycleReasons).toEqual(
      metrics.handoffs.find((h) => h.id === 'mql_to_sales')?.rejectionReasons,
    );
    expect(mql?.speedToLead).toEqual(metrics.speedToLead[0]);
  });

  it('when expansions were raised, then accepted, rejected and converted to revenue are counted', () => {
    expect(metrics.seams.expansion).toEqual({
      id: 'expansion',
      label: 'Customer success → sales (expansion)',
      handoffIds: ['expansion'],
      submitted: 4,
      raised: 4,
      accepted: 3,
      rejected: 1,
      acceptanceRate: 0.75,
      rejectionReasons: [{ id: 'no_budget', label: 'No budget this year', count: 1 }],
      converted: 1, // co1 → d9, won
    });
  });

  it('when the playbook has deal handoffs, then they sit on SDR → AE and sales → CS by the stage they open at', () => {
    expect(metrics.seams.sdrToAe).toMatchObject({ handoffIds: ['sdr_to_ae'], submitted: 0 });
    expect(metrics.seams.salesToCs).toMatchObject({
      label: 'Sales → customer success',
      handoffIds: ['sales_to_cs'],
      acceptanceRate: null,
    });
    expect(playbook.handoffs.map((h) => [h.id, seamOf(playbook, h)])).toEqual([
      ['sdr_to_ae', 'sdr_to_ae'],
      ['sales_to_cs', 'sales_to_cs'],
      ['mql_to_sales', 'marketing_to_sales'],
      ['expansion', 'expansion'],
    ]);
  });

  it('when the playbook has deals only, then there is no marketing → sales, expansion or speed to lead', () => {
    const deals = computeMetrics(dealsOnlyPlaybook(), [...people, ...customers], window, window.to);
    expect(deals.speedToLead).toEqual([]);
    expect(deals.seams.marketingToSales).toBeNull();
    expect(deals.seams.expansion).toBeNull();
    expect(deals.seams.salesToCs?.handoffIds).toEqual(['sales_to_cs']);
  });
});
