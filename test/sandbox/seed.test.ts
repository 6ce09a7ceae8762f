// The seed as the README states it, and the dashboard's numbers for it, worked out by hand from
// the plan in sandbox/server/seed (deals.ts, scripts.ts) — not read back from the code.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '@handoff/shared';
import { CARD_BACKEND_URL } from '../../sandbox/server/card-host.js';
import { startSandbox, type Sandbox } from '../../sandbox/server/sandbox.js';
import { SEEDED_AT } from '../../sandbox/server/seed/time.js';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Row {
  handoffs: { id: string; status: string }[];
  timers: { id: string; state: string }[];
}

describe('the sandbox seed', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'handoff-seed-'));
  let sandbox: Sandbox;
  let deals: Row[];
  let metrics: Record<string, unknown>;
  beforeAll(async () => {
    sandbox = await startSandbox({
      dataDir,
      port: 0,
    });
    const state = (await (await fetch(`${sandbox.url}/api/state`)).json()) as {
      deals: Row[];
      now: number;
    };
    deals = state.deals;
    metrics = (await (await fetch(`${sandbox.url}/api/metrics`)).json()) as Record<string, unknown>;
  }, 60_000);
  afterAll(async () => {
    await sandbox?.close();
  });

  const count = (pick: (row: Row) => { state?: string; status?: string }[], value: string) =>
    deals.flatMap(pick).filter((x) => (x.state ?? x.status) === value).length;

  it('when first started, then it stands at the seeded instant with 60 deals, 15 companies and 10 people', () => {
    expect(sandbox.seeded).toBe(true);
    expect(sandbox.clock.now()).toBe(SEEDED_AT);
    expect(deals).toHaveLength(60);
    expect(new Set(Object.values(sandbox.meta.deals)).size).toBe(60);
    const roles = sandbox.meta.people.map((p) => p.role).sort();
    expect(roles).toEqual([
      'admin',
      'cs_manager',
      'cs_manager',
      'marketing',
      'none',
      'sales_rep',
      'sales_rep',
      'sales_rep',
      'sales_rep',
      'sdr',
    ]);
  });

  // The plan in seed/contacts.ts, read at Tuesday 17 November 11:00 through the card as the SDR.
  // c1 became an MQL at 9:30 today (1.5 of 4 business hours), c7 at 10:00 without a job title; c2
  // on Monday at 10:00 (7 hours Monday + 2 today = 9 > 4: breached); c3 was called an hour after
  // its MQL; marketing submitted c4's brief and the SDR called; the SDR accepted c5 (SQL) and
  // recycled c6 to lead as not ready, so the decision clock pauses there.
  it('then 8 contacts stand in every state of the marketing → sales handoff', async () => {
    const sdr = sandbox.meta.people.find((p) => p.role === 'sdr')?.userId ?? '';
    const read = async (key: string) => {
      const id = sandbox.meta.contacts?.[key] ?? 'missing';
      const answer = (await (
        await fetch(`${sandbox.url}/host/fetch`, {
          method: 'POST',
          body: JSON.stringify({
            url: `${CARD_BACKEND_URL}${paths.record('contacts', id)}`,
            method: 'GET',
            userId: sdr,
          }),
        })
      ).json()) as {
        body: {
          currentStage?: { id: string };
          handoffs: { status: string }[];
          timers: { slaId: string; state: string }[];
        };
      };
      const view = answer.body;
      return [
        view.currentStage?.id,
        view.handoffs.map((h) => h.status).join(),
        view.timers.map((t) => `${t.slaId}:${t.state}`).join(),
      ];
    };
    expect(Object.keys(sandbox.meta.contacts ?? {})).toHaveLength(8);
    expect(await read('c0')).toEqual(['lead', '', '']);
    expect(await read('c1')).toEqual(['mql', 'not_started', 'speed_to_lead:running']);
    expect(await read('c2')).toEqual(['mql', 'not_started', 'speed_to_lead:breached']);
    expect(await read('c3')).toEqual(['mql', 'not_started', 'speed_to_lead:met']);
    expect(await read('c4')).toEqual([
      'mql',
      'submitted',
      'speed_to_lead:met,sales_decides_mql:running',
    ]);
    expect(await read('c5')).toEqual([
      'sql',
      'accepted',
      'speed_to_lead:met,sales_decides_mql:met',
    ]);
    expect(await read('c6')).toEqual([
      'lead',
      'rejected',
      'speed_to_lead:met,sales_decides_mql:met',
    ]);
    expect(await read('c7')).toEqual(['mql', 'not_started', 'speed_to_lead:running']);
  });

  it('when a call is logged on a contact the sandbox does not have, then it answers a sentence and logs nothing', async () => {
    const answer = await fetch(`${sandbox.url}/api/contacts/call`, {
      method: 'POST',
      body: JSON.stringify({ contactId: '99999999' }),
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({
      error: 'No contact "99999999" in this sandbox to log a call on.',
    });
  });

  it('then handoffs stand in every state: 52 not started, 5 in progress, 5 submitted, 3 rejected, 17 accepted', () => {
    const h = (row: Row) => row.handoffs;
    expect(count(h, 'not_started')).toBe(52);
    expect(count(h, 'in_progress')).toBe(5);
    expect(count(h, 'submitted')).toBe(5);
    expect(count(h, 'rejected')).toBe(3);
    expect(count(h, 'accepted')).toBe(17);
  });

  // Worked out at Tuesday 11:00 on who holds the ball. At risk: the SDR's a1, a4, a6 (3.5, 3.75 and
  // 3.25 of 4 h), the AE's a8 (3.5 h since submission), the reps' w10, w11, w14 (7.5, 7, 6.5 of 8 h,
  // at risk from 6) and CS's w19 (6.5 h since submission). Breached: the SDR's a0, a3, a5, the AE's
  // a7, the reps' w12, w15 and CS's w18. a9, w20 and w21 are rejected: CS's and the AE's clocks wait.
  it('then 8 timers are at risk and 7 breached', () => {
    expect(count((r) => r.timers, 'at_risk')).toBe(8);
    expect(count((r) => r.timers, 'breached')).toBe(7);
  });

  it('then the dashboard shows the hand-computed numbers', () => {
    expect(metrics).toMatchObject({
      handoffs: [
        {
          id: 'sdr_to_ae',
          submitted: 10, // q0–q6, a7, a8, a9
          accepted: 7,
          rejected: 1,
          rejectionRate: 1 / 8,
          // Waits of 1, 1, 2, 2, 3, 3 and 5 business hours: median 2, nearest-rank p90 the 7th.
          timeToAccept: { count: 7, medianMs: 2 * HOUR, p90Ms: 5 * HOUR },
        },
        {
          id: 'sales_to_cs',
          submitted: 17, // w0–w9, the resubmissions of w5 and w6, w17–w21
          accepted: 10,
          rejected: 4,
          rejectionRate: 4 / 14,
          rejectionReasons: [
            { id: 'missing_information', count: 2 },
            { id: 'promises_unclear', count: 1 },
            { id: 'wrong_contacts', count: 1 },
          ],
          // 1, 2, 3, 4, 5.5, 7, 9, 16, 20, 24 business hours from first submission.
          timeToAccept: { count: 10, medianMs: 6.25 * HOUR, p90Ms: 20 * HOUR },
        },
        {
          id: 'mql_to_sales',
          submitted: 3, // Paula, Quinn and Rita's briefs
          accepted: 1, // Quinn
          rejected: 1, // Rita, recycled as not ready
          rejectionRate: 1 / 2,
          // Quinn's brief went in at 10:25, the SDR accepted at 14:00 the same Thursday.
          timeToAccept: { count: 1, medianMs: 3 * HOUR + 35 * MIN },
        },
        { id: 'expansion', submitted: 0, rejectionRate: null },
      ],
      stages: [
        // 43 deals left after 3 hours, the 7 the AE accepted after a day.
        { id: 'appointment_scheduled', exits: 50, medianMs: 3 * HOUR },
        { id: 'qualified', exits: 43, medianMs: 7 * DAY },
        { id: 'presentation_scheduled', exits: 35, medianMs: 10 * DAY },
        { id: 'decision_maker_bought_in', exits: 28, medianMs: 14 * DAY },
        { id: 'contract_sent', exits: 22, medianMs: 7 * DAY },
        { id: 'closed_won', exits: 0, medianMs: null },
        { id: 'closed_lost', exits: 0, medianMs: null },
        // The seven who became MQLs, each a lead (subscriber counts as lead) for 20 days before.
        { id: 'lead', exits: 7, medianMs: 20 * DAY },
        // Quinn left MQL for SQL after 4 hours, Rita went back to lead after 5.
        { id: 'mql', exits: 2, medianMs: 4.5 * HOUR },
        { id: 'sql', exits: 0, medianMs: null },
        { id: 'customer', exits: 0, medianMs: null },
      ],
      // 3 hours + 7 + 10 + 14 + 7 days for every won deal.
      leadToCustomer: { count: 22, medianMs: 38 * DAY + 3 * HOUR },
      slas: [
        // The SDR's clock: 43 deals moved on after 3 hours (the clock stops there), q0–q6 were
        // submitted after half an hour and a7–a9 after 8 minutes — all within 4 business hours.
        { id: 'sdr_submits_new_deal', completed: 53, metOnTime: 53, attainment: 1 },
        // The AE's clock runs from the SDR's submission: only q6 (5 business hours) missed its 4.
        { id: 'ae_accepts_new_deal', completed: 7, metOnTime: 6, attainment: 6 / 7 },
        // w0–w9 submitted 2 hours after the win, w17–w21 after 15 minutes: all within 8.
        { id: 'rep_submits_cs_handoff', completed: 15, metOnTime: 15, attainment: 1 },
        // From the first submission: w7, w8 and w9 waited two or three business days.
        { id: 'cs_accepts_won_deal', completed: 10, metOnTime: 7, attainment: 0.7 },
        // Omar, Paula, Quinn and Rita were called within 1 business hour; nobody else was.
        { id: 'speed_to_lead', completed: 4, metOnTime: 4, attainment: 1 },
        // Quinn accepted 3 h 35 min after the brief, Rita recycled 4 h 45 min after it: both
        // within the business day sales has.
        { id: 'sales_decides_mql', completed: 2, metOnTime: 2, attainment: 1 },
        { id: 'ae_answers_expansion', completed: 0, attainment: null },
      ],
      // First touches after 1, 0.5, 1 and 0.5 business hours: median 0.75 h, nearest-rank p90 1 h;
      // Marco, Nina and Sam are MQLs nobody has called yet.
      speedToLead: [
        { slaId: 'speed_to_lead', touched: 4, medianMs: 0.75 * HOUR, p90Ms: HOUR, untouchedNow: 3 },
      ],
      seams: {
        marketingToSales: {
          handoffIds: ['mql_to_sales'],
          acceptanceRate: 1 / 2,
          recycleReasons: [{ id: 'not_ready', count: 1 }],
          speedToLead: { slaId: 'speed_to_lead', touched: 4, untouchedNow: 3 },
        },
        sdrToAe: { handoffIds: ['sdr_to_ae'], accepted: 7, rejected: 1, acceptanceRate: 7 / 8 },
        salesToCs: {
          handoffIds: ['sales_to_cs'],
          accepted: 10,
          rejected: 4,
          acceptanceRate: 10 / 14,
        },
        expansion: { handoffIds: ['expansion'], raised: 0, accepted: 0, converted: 0 },
      },
    });
  });

  it('when started again on the same folder, then it keeps the data and the clock without seeding; --reset seeds again', async () => {
    const moved = await fetch(`${sandbox.url}/api/clock`, {
      method: 'POST',
      body: JSON.stringify({ by: 'hour' }),
    });
    expect(moved.status).toBe(200);
    const deals = sandbox.meta.deals;
    await sandbox.close();
    sandbox = await startSandbox({ dataDir, port: 0 });
    expect(sandbox.seeded).toBe(false);
    expect(sandbox.clock.now()).toBe(SEEDED_AT + HOUR);
    expect(sandbox.meta.deals).toEqual(deals);
    await sandbox.close();
    sandbox = await startSandbox({ dataDir, port: 0, reset: true });
    expect(sandbox.seeded).toBe(true);
    expect(sandbox.clock.now()).toBe(SEEDED_AT);
  }, 60_000);
});
