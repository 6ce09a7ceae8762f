// The app pages rendered with HubSpot's own test renderer ('pages' location, its page-location
// mock for routing) and a fake client: what a CS manager sees and what a row's Accept sends.
import { describe, expect, it, vi } from 'vitest';
import { BarChart, Button, LineChart, Select } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import {
  computeMetrics,
  needsAttention,
  weeklyAttainment,
  type DashboardResponse,
  type QueueResponse,
  type QueueRow,
} from '@handoff/shared';
import type { PagesClient } from '../../../hubspot-app/src/app/pages/client.js';
import { HandoffPages } from '../../../hubspot-app/src/app/pages/HandoffPages.js';
import { screenText } from '../card/harness.js';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 25, 15);

const row = (recordId: string, state: 'breached' | 'running', remainingMs: number): QueueRow => ({
  objectType: 'deal',
  recordId,
  recordName: `Deal ${recordId}`,
  stage: { id: 'closed_won', label: 'Closed won' },
  ownerId: 'o1',
  handoffId: 'sales_to_cs',
  handoffLabel: 'Sales → CS',
  status: 'submitted',
  version: 9,
  ball: { roles: ['cs_manager', 'admin'], label: 'CS manager', action: 'accept' },
  submitted: { by: 'u-rep', at: NOW - 50 * HOUR },
  checklist: { done: 10, total: 12, requiredDone: 9, required: 10 },
  timer: {
    slaId: 'cs_accepts_won_deal',
    label: 'CS accepts the handoff',
    state,
    dueAt: NOW,
    remainingMs,
  },
  rejectReasons: [{ id: 'missing_information', label: 'Missing or vague information' }],
  ownerName: 'Riley Rep',
  submittedByName: 'Riley Rep',
  viewerMayAct: true,
});

const queueAnswer = (rows: QueueRow[]): QueueResponse => ({
  scope: 'mine',
  role: null,
  viewer: { roles: [{ id: 'cs_manager', label: 'CS manager' }], admin: false },
  total: rows.length,
  counts: {
    byTimer: { breached: 1, at_risk: 0, running: rows.length - 1, paused: 0, none: 0 },
    byHandoff: { sales_to_cs: rows.length },
  },
  offset: 0,
  limit: 25,
  rows,
  handoffs: [{ id: 'sales_to_cs', label: 'Sales → CS' }],
  freshness: { computedAt: NOW, records: 2, oldestReadAt: NOW - HOUR, newestReadAt: NOW },
});

function fakeClient(queue: QueueResponse, dashboard?: DashboardResponse) {
  return {
    queue: vi.fn<PagesClient['queue']>(async () => ({ ok: true, value: queue })),
    dashboard: vi.fn<PagesClient['dashboard']>(async () =>
      dashboard ? { ok: true, value: dashboard } : { ok: false, message: 'no dashboard' },
    ),
    act: vi.fn<PagesClient['act']>(async () => ({ ok: true, value: null })),
  };
}

function render(client: PagesClient, path = '/') {
  const renderer = createRenderer('pages');
  renderer.mocks.setPageLocation({ path, params: {} });
  renderer.render(
    <HandoffPages
      client={client}
      portalId={42}
      timeZone="America/New_York"
      newActionId={() => 'a-1'}
    />,
  );
  return renderer;
}

describe('the queue page', () => {
  it('when a CS manager opens it, then the rows show record, stage, submitter, checklist and the timer, breached first as the server sorted them', async () => {
    const client = fakeClient(
      queueAnswer([row('7', 'breached', -8 * HOUR), row('8', 'running', 5 * HOUR)]),
    );
    const page = render(client);
    await page.waitFor(() => expect(screenText(page)).toContain('Deal 7'));
    const text = screenText(page);
    expect(text.indexOf('Deal 7')).toBeLessThan(text.indexOf('Deal 8'));
    expect(text).toContain('2 open handoffs · 1 breached · 0 at risk');
    expect(text).toContain('CS accepts the handoff: 8 h overdue');
    // The one progress measure both faces use: required items.
    expect(text).toContain('9 of 10 required items done');
    expect(text).toContain('Riley Rep');
    expect(text).toMatch(/2 records as last read from HubSpot, between/);
    expect(client.queue).toHaveBeenCalledWith({ scope: 'mine', offset: 0, limit: 25 });
  });

  it("when Accept is pressed on a row, then the card's action is sent with the row's version and the queue is read again", async () => {
    const client = fakeClient(queueAnswer([row('7', 'breached', -8 * HOUR)]));
    const page = render(client);
    await page.waitFor(() => expect(screenText(page)).toContain('Deal 7'));
    page.findByTestId(Button, 'accept:7:sales_to_cs').trigger('onClick');
    await page.waitFor(() => expect(client.queue).toHaveBeenCalledTimes(2));
    expect(client.act).toHaveBeenCalledWith('7', {
      handoffId: 'sales_to_cs',
      actionId: 'a-1',
      expectedVersion: 9,
      action: { type: 'accept' },
    });
    expect(screenText(page)).toContain('Accepted Sales → CS on Deal 7.');
  });

  it('when a filter changes, then the queue is asked again from its first row', async () => {
    const client = fakeClient(queueAnswer([row('7', 'breached', -8 * HOUR)]));
    const page = render(client);
    await page.waitFor(() => expect(screenText(page)).toContain('Deal 7'));
    page.find(Select, { name: 'state' }).trigger('onChange', 'breached' as never);
    await page.waitFor(() =>
      expect(client.queue).toHaveBeenLastCalledWith({
        scope: 'mine',
        state: 'breached',
        offset: 0,
        limit: 25,
      }),
    );
  });
});

describe('the dashboard page', () => {
  const emptyDashboard = (): DashboardResponse => {
    const window = { from: NOW - 30 * 24 * HOUR, to: NOW + 1 };
    // An empty portal still answers every SLA and handoff of a playbook; one is enough here.
    const playbook = {
      slas: [{ id: 'cs_accepts_won_deal', label: 'CS accepts the handoff' }],
      handoffs: [],
      stages: [],
    } as unknown as Parameters<typeof computeMetrics>[0];
    return {
      period: 'last_30_days',
      metrics: computeMetrics({ ...playbook, slas: [] } as typeof playbook, [], window, NOW),
      weekly: weeklyAttainment({ ...playbook, slas: [] } as typeof playbook, [], window, NOW),
      attention: needsAttention(playbook, [], NOW),
      ownerNames: {},
      freshness: { computedAt: NOW, records: 0, oldestReadAt: null, newestReadAt: null },
    };
  };

  it("when opened, then what needs attention now comes first, said to count open timers, and the charts are HubSpot's own", async () => {
    const client = fakeClient(queueAnswer([]), emptyDashboard());
    const page = render(client, '/dashboard');
    await page.waitFor(() => expect(screenText(page)).toContain('Needs attention now'));
    const text = screenText(page);
    expect(text).toMatch(
      /Open timers breached or at risk at .*They are not in the attainment below, which counts finished timers only\./,
    );
    expect(text.indexOf('Needs attention now')).toBeLessThan(
      text.indexOf('finished timers and handoff events'),
    );
    expect(page.findByTestId(LineChart, 'chart-attainment')).toBeDefined();
    expect(page.findByTestId(BarChart, 'chart-time-to-accept')).toBeDefined();
    expect(client.dashboard).toHaveBeenCalledWith('last_30_days');
  });

  it('when the playbook has deal handoffs only, then there is no marketing → sales or expansion block', async () => {
    const page = render(fakeClient(queueAnswer([]), emptyDashboard()), '/dashboard');
    await page.waitFor(() => expect(screenText(page)).toContain('Needs attention now'));
    expect(screenText(page)).not.toContain('Marketing → sales');
    expect(screenText(page)).not.toContain('Expansion');
  });

  it('when the playbook has the MQL and expansion handoffs, then their blocks show speed to lead, acceptance, recycle reasons and expansions converted', async () => {
    const answer = emptyDashboard();
    const reasons = [{ id: 'not_ready', label: 'Not ready to buy yet', count: 2 }];
    const seam = { submitted: 4, accepted: 2, rejected: 2, rejectionReasons: reasons };
    const speedToLead = {
      slaId: 'speed_to_lead',
      label: 'Speed to lead',
      object: 'contact' as const,
      touched: 3,
      medianMs: 2.5 * HOUR,
      p90Ms: 6 * HOUR,
      timeZone: 'America/New_York',
      untouchedNow: 1,
    };
    answer.metrics.seams = {
      ...answer.metrics.seams,
      marketingToSales: {
        ...seam,
        id: 'marketing_to_sales',
        label: 'Marketing → sales',
        handoffIds: ['mql_to_sales'],
        acceptanceRate: 0.5,
        recycleReasons: reasons,
        speedToLead,
      },
      expansion: {
        id: 'expansion',
        label: 'Customer success → sales (expansion)',
        handoffIds: ['expansion'],
        submitted: 4,
        raised: 4,
        accepted: 3,
        rejected: 1,
        acceptanceRate: 0.75,
        rejectionReasons: [],
        converted: 1,
      },
    };
    const page = render(fakeClient(queueAnswer([]), answer), '/dashboard');
    await page.waitFor(() => expect(screenText(page)).toContain('Marketing → sales'));
    const text = screenText(page);
    expect(text).toContain('Speed to lead: MQL to first touch, median · p90');
    expect(text).toContain('2.5 h · 6 h');
    expect(text).toContain('3 touched in the period, 1 not touched yet');
    expect(text).toMatch(/MQL → SQL acceptance\s*50 %\s*2 accepted of 4 decided/);
    expect(text).toMatch(/Not ready to buy yet\s*2/);
    expect(text).toContain('Expansion (customer success → sales)');
    expect(text).toMatch(/Raised\s*4/);
    expect(text).toMatch(/Accepted by sales\s*3\s*75 % of decided/);
    expect(text).toMatch(/Converted to revenue\s*1/);
    expect(text.indexOf('Marketing → sales')).toBeLessThan(text.indexOf('Expansion'));
  });

  it('when another period is picked, then the dashboard is asked for it', async () => {
    const client = fakeClient(queueAnswer([]), emptyDashboard());
    const page = render(client, '/dashboard');
    await page.waitFor(() => expect(screenText(page)).toContain('Needs attention now'));
    page.find(Select, { name: 'period' }).trigger('onChange', 'this_quarter' as never);
    await page.waitFor(() => expect(client.dashboard).toHaveBeenLastCalledWith('this_quarter'));
  });
});
