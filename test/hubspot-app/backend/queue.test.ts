// The queue and dashboard pages' API (issue 23): answered from the store's record summaries (no
// CRM call per row), roles checked on the server, actions through the card's own action route.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  parsePlaybookText,
  type DashboardResponse,
  type Playbook,
  type QueueResponse,
} from '@handoff/shared';
import { hubspotCrm } from '../../../hubspot-app/backend/hubspot/crm.js';
import { refreshRecordSummaries } from '../../../hubspot-app/backend/use-cases/record-summaries.js';
import { requiredScopes } from '../../../hubspot-app/scopes.js';
import { CS_CHECKLIST_ANSWERS } from './answers.js';
import { startHarness, type Harness } from './harness.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let h: Harness;
let breached: string;
let running: string;
let unsubmitted: string;
let actions = 0;

const act = (dealId: string, as: string, action: Record<string, unknown>, version?: number) =>
  h.call('POST', `/v1/hubspot/records/deals/${dealId}/actions`, {
    as,
    body: {
      handoffId: 'sales_to_cs',
      actionId: `q-${++actions}`,
      action,
      ...(version !== undefined ? { expectedVersion: version } : {}),
    },
  });

async function submitted(): Promise<string> {
  const deal = await h.seedWonDeal();
  for (const [itemId, value] of Object.entries(CS_CHECKLIST_ANSWERS))
    expect((await act(deal, h.users.rep, { type: 'set_item', itemId, value })).status).toBe(200);
  expect((await act(deal, h.users.rep, { type: 'submit' })).status).toBe(200);
  return deal;
}

/** HubSpot's access tokens last 30 minutes: after moving the clock by days, install a fresh one. */
async function renewToken(): Promise<void> {
  const installation = await h.store.getInstallation(h.portalId);
  const token = h.emulator.issueToken(h.portalId, { scopes: requiredScopes });
  if (!installation) throw new Error('the harness portal is not installed');
  await h.store.putInstallation({
    ...installation,
    accessToken: token.accessToken,
    refreshToken: token.refreshToken,
    expiresAt: h.clock.now() + 30 * 60_000,
  });
}

const queue = async (as: string, query = '') => {
  const answer = await h.call('GET', `/v1/hubspot/queue${query}`, { as });
  return answer as { status: number; body: QueueResponse };
};

beforeEach(async () => {
  h = await startHarness();
  // Monday 10:00 New York: submitted now, CS has one business day — breached by Wednesday 10:00.
  breached = await submitted();
  h.clock.advance(2 * DAY);
  await renewToken();
  running = await submitted();
  unsubmitted = await h.seedWonDeal();
  expect(
    (await h.call('GET', `/v1/hubspot/records/deals/${unsubmitted}`, { as: h.users.rep })).status,
  ).toBe(200);
});
afterEach(async () => {
  await h.close();
});

describe('the queue', () => {
  it('when a CS manager opens their queue, then the handoffs waiting for their acceptance come breached first, with what each row shows', async () => {
    const { status, body } = await queue(h.users.csManager);
    expect(status).toBe(200);
    expect(body.rows.map((r) => [r.recordId, r.timer?.state])).toEqual([
      [breached, 'breached'],
      [running, 'running'],
    ]);
    expect(body.rows[0]).toMatchObject({
      recordName: 'Acme expansion',
      stage: { id: 'closed_won', label: 'Closed won' },
      handoffId: 'sales_to_cs',
      status: 'submitted',
      ball: { action: 'accept', roles: ['cs_manager', 'admin'] },
      submittedByName: 'Riley Rep',
      viewerMayAct: true,
      checklist: { done: expect.any(Number), total: expect.any(Number) },
      timer: { slaId: 'cs_accepts_won_deal', remainingMs: -8 * HOUR },
    });
    expect(body.total).toBe(2);
    expect(body.counts.byTimer).toMatchObject({ breached: 1, running: 1, at_risk: 0 });
    expect(body.freshness.records).toBe(3);
  });

  it('when the queue is opened again, then it makes no CRM call at all (names and stages come from the store)', async () => {
    await queue(h.users.csManager);
    const before = h.crmCalls();
    await queue(h.users.csManager, '?scope=team');
    await queue(h.users.csManager, '?offset=1&limit=1');
    expect(h.crmCalls() - before).toBe(0);
  });

  it("when a rep opens theirs, then it holds the handoff they must submit, and none of CS's", async () => {
    const { body } = await queue(h.users.rep);
    expect(body.rows.map((r) => [r.recordId, r.ball.action])).toEqual([[unsubmitted, 'submit']]);
  });

  it("when a rep crafts a request for the CS team's queue or everyone's, then it is refused with 403", async () => {
    for (const query of ['?scope=team&role=cs_manager', '?scope=everyone']) {
      const { status, body } = await queue(h.users.rep, query);
      expect(status).toBe(403);
      expect(body).toMatchObject({ error: { code: 'forbidden' } });
    }
    expect((await queue(h.users.guest)).status).toBe(403);
  });

  it("when an admin asks for everyone's queue, then every open handoff is counted, paged and filtered", async () => {
    const all = await queue(h.users.admin, '?scope=everyone');
    expect(all.body.total).toBe(3);
    const page = await queue(h.users.admin, '?scope=everyone&offset=1&limit=1');
    // The unsubmitted deal's rep has 7 business hours left, CS 8 on the other: least time left first.
    expect(page.body.rows.map((r) => r.recordId)).toEqual([unsubmitted]);
    expect(page.body.total).toBe(3);
    const late = await queue(h.users.admin, '?scope=everyone&state=breached');
    expect(late.body.rows.map((r) => r.recordId)).toEqual([breached]);
    expect(late.body.counts.byHandoff.sales_to_cs).toBe(1);
    const toSubmit = await queue(
      h.users.admin,
      '?scope=everyone&state=not_started&handoff=sales_to_cs',
    );
    expect(toSubmit.body.rows.map((r) => r.recordId)).toEqual([unsubmitted]);
  });

  it.each([
    ['?scope=all', 'The queue parameter "scope" must be one of mine, team, everyone.'],
    ['?limit=1000', 'The queue parameter "limit" must be a whole number from 1 to 100.'],
    [
      '?offset=-1',
      'The queue parameter "offset" must be a whole number from 0 to 9007199254740991.',
    ],
    ['?handoff=nope', 'The queue parameter "handoff" names no handoff of the playbook.'],
    ['?state=late', expect.stringMatching(/^The queue parameter "state" must be one of /)],
  ])(
    'when the query says %s, then it is refused with 400 and names the parameter',
    async (query, message) => {
      const { status, body } = await queue(h.users.admin, query);
      expect(status).toBe(400);
      expect(body).toEqual({ error: { code: 'bad_request', message } });
    },
  );

  it('when a CS manager accepts from a row (the card action route, the row version), then the row leaves the queue', async () => {
    const [top] = (await queue(h.users.csManager)).body.rows;
    expect(top?.recordId).toBe(breached);
    expect((await act(breached, h.users.csManager, { type: 'accept' }, top?.version)).status).toBe(
      200,
    );
    const after = await queue(h.users.csManager);
    expect(after.body.rows.map((r) => r.recordId)).toEqual([running]);
  });

  it('when a row is acted on with a stale version, then the card route refuses it as a conflict', async () => {
    const [top] = (await queue(h.users.csManager)).body.rows;
    expect(
      (await act(breached, h.users.csManager, { type: 'accept' }, (top?.version ?? 0) - 1)).status,
    ).toBe(409);
  });
});

describe('the dashboard', () => {
  const dashboard = async (as: string, query = '') =>
    (await h.call('GET', `/v1/hubspot/dashboard${query}`, { as })) as {
      status: number;
      body: DashboardResponse;
    };

  it('shows what needs attention now (open timers) apart from attainment (finished timers), and attainment moves when a late handoff is accepted', async () => {
    const before = await dashboard(h.users.csManager, '?period=last_30_days');
    expect(before.status).toBe(200);
    const cs = (b: DashboardResponse) => b.metrics.slas.find((s) => s.id === 'cs_accepts_won_deal');
    const open = before.body.attention.bySla.find((s) => s.id === 'cs_accepts_won_deal');
    expect([open?.breached, open?.records.map((r) => r.recordId)]).toEqual([1, [breached]]);
    expect(cs(before.body)).toMatchObject({ completed: 0, attainment: null });

    const [top] = (await queue(h.users.csManager)).body.rows;
    await act(breached, h.users.csManager, { type: 'accept' }, top?.version);
    const after = await dashboard(h.users.csManager, '?period=last_30_days');
    // Accepted 8 business hours late: one finished timer, not met on time.
    expect(cs(after.body)).toMatchObject({ completed: 1, metOnTime: 0, attainment: 0 });
    expect(after.body.attention.bySla.find((s) => s.id === 'cs_accepts_won_deal')?.breached).toBe(
      0,
    );
    const week = after.body.weekly.slas.find((s) => s.id === 'cs_accepts_won_deal')?.weeks.at(-1);
    expect([week?.completed, week?.metOnTime]).toEqual([1, 0]);
  });

  it('when the period is not one it knows, or the caller holds no Handoff role, then it is refused', async () => {
    expect(await dashboard(h.users.admin, '?period=forever')).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining('"period"') } },
    });
    expect((await dashboard(h.users.guest)).status).toBe(403);
  });
});

describe('record summaries', () => {
  it('when deals nobody has opened are refreshed from HubSpot (a search page per 200 deals), then they join the queue', async () => {
    const fresh = await h.seedWonDeal();
    expect((await queue(h.users.admin, '?scope=everyone')).body.total).toBe(3);
    const token = (await h.store.getInstallation(h.portalId))?.accessToken ?? '';
    const stored = await h.store.getPlaybook(h.portalId);
    const parsed = parsePlaybookText(stored?.text ?? '');
    const playbook = (parsed.ok ? parsed.playbook : undefined) as Playbook;
    const result = await refreshRecordSummaries(
      { store: h.store, clock: h.clock },
      hubspotCrm(h.emulator.url, token),
      h.portalId,
      playbook,
    );
    expect(result).toEqual({ deals: 4, calls: 1 });
    const all = await queue(h.users.admin, '?scope=everyone');
    expect(all.body.rows.map((r) => r.recordId)).toContain(fresh);
    expect(all.body.total).toBe(4);
  });
});
