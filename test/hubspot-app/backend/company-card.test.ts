// Issue 17 item 10: a company with 5,000 deals. The company card answers within hubspot.fetch's
// limits (1 MB, https://developers.hubspot.com/docs/guides/crm/public-apps/fetching-data)
// with a bounded number of HubSpot calls: the most urgent handoffs first, then how many more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompanyView } from '@handoff/shared';
import { COMPANY_SHOWN } from '../../../hubspot-app/backend/use-cases/record-view.js';
import { startHarness, type Harness } from './harness.js';
import { CS_CHECKLIST_ANSWERS } from './answers.js';

const DEALS = 5_000;
const URGENCY = ['breached', 'at_risk', 'running', 'paused', 'pending', 'met_late', 'met'];
let h: Harness;
let company: string;
let submittedDeal: string;

beforeAll(async () => {
  h = await startHarness();
  company = h.emulator.seed.company(h.portalId, { name: 'Big Co' });
  const day = 24 * 3_600_000;
  const ids: string[] = [];
  for (let i = 0; i < DEALS; i++) {
    ids.push(
      h.emulator.seed.deal(h.portalId, {
        properties: {
          dealname: `Deal ${i}`,
          amount: '1000',
          handoff_arr: '1000',
          handoff_contract_start: '2026-12-01',
        },
        stageHistory: [{ stage: 'closedwon', at: h.clock.now() - (i % 5) * day }],
        companyIds: [company],
      }),
    );
  }
  // One deal in the middle waits for CS: its handoff was submitted.
  submittedDeal = ids[2_500] as string;
  let n = 0;
  const act = (action: Record<string, unknown>) =>
    h.call('POST', `/v1/hubspot/records/deals/${submittedDeal}/actions`, {
      as: h.users.rep,
      body: { handoffId: 'sales_to_cs', actionId: `s${++n}`, action },
    });
  for (const [itemId, value] of Object.entries(CS_CHECKLIST_ANSWERS))
    await act({ type: 'set_item', itemId, value });
  expect((await act({ type: 'submit' })).status).toBe(200);
}, 240_000);
afterAll(async () => h.close());

describe('the company card with 5,000 deals', () => {
  it('when it is opened, then it costs at most 12 HubSpot calls, answers well under 1 MB, lists the most urgent handoffs first and counts the rest', async () => {
    h.emulator.resetRateLimits();
    // Owners are cached by the actions above, as they are for any user who just opened a deal.
    const before = h.crmCalls();
    const answer = await h.call('GET', `/v1/hubspot/records/companies/${company}`, {
      as: h.users.csManager,
    });
    const calls = h.crmCalls() - before;
    expect(answer.status).toBe(200);
    const view = answer.body as CompanyView;
    const bytes = Buffer.byteLength(JSON.stringify(view));
    // The company itself (its lifecycle stage, for its own expansion), 10 pages of 500
    // association ids, one batch read of the 100 candidates.
    expect(calls).toBeLessThanOrEqual(12);
    expect(bytes).toBeLessThan(256 * 1024);
    expect(view.deals).toHaveLength(COMPANY_SHOWN);
    // The list runs from breached timers down (here the reps' overdue submissions outrank the
    // one handoff already waiting for CS, whose timer still runs).
    const rank = (d: (typeof view.deals)[number]) =>
      Math.min(9, ...d.timers.map((t) => URGENCY.indexOf(t.state)).filter((r) => r >= 0));
    const ranks = view.deals.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(view.deals[0]?.timers.some((t) => t.state === 'breached')).toBe(true);
    expect(view.more).toEqual({ deals: DEALS - COMPANY_SHOWN, atLeast: false });
    // A second view right after stays within HubSpot's 110 calls per 10 s for the portal.
    expect(
      (await h.call('GET', `/v1/hubspot/records/companies/${company}`, { as: h.users.csManager }))
        .status,
    ).toBe(200);
  });
});
