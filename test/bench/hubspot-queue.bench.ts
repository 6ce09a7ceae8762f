// The app pages' API over a large portal (issue 23): 10,000 deals with an open Sales → CS handoff
// each (10 events per handoff: 100,000 handoff events) in the store, as the scanner and the card
// leave them. Queue views through HTTP (signature, roles, the portal picture, paging): cold (the
// picture rebuilt: every record evaluated by the core) and warm (kept); CRM calls per view; the
// dashboard through HTTP, and the core's dashboard metrics alone over the same 100,000 events.
import { performance } from 'node:perf_hooks';
import {
  computeMetrics,
  evaluateRecord,
  needsAttention,
  parsePlaybookText,
  weeklyAttainment,
  type HandoffEvent,
  type HandoffState,
  type RecordSnapshot,
} from '@handoff/shared';
import { startHarness } from '../hubspot-app/backend/harness.js';
import { PICTURE_TTL_MS } from '../../hubspot-app/backend/use-cases/portal-picture.js';
import { line, section } from './lib.js';

const DEALS = 10_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ITEMS = [
  'customer_goals',
  'promises',
  'champion',
  'executive_sponsor',
  'renewal_date',
  'implementation',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const ms = (sorted: number[]) =>
  `${percentile(sorted, 50).toFixed(1)} ms / ${percentile(sorted, 95).toFixed(1)} ms`;

/** Ten events: six items set, submitted, rejected, reworked, submitted again (still open). */
function handoff(i: number, now: number): HandoffState {
  const wonAt = now - ((i % 40) + 1) * 6 * HOUR;
  const ev = (type: HandoffEvent['type'], at: number, details: HandoffEvent['details'] = {}) => ({
    type,
    at,
    by: 'u-rep',
    actionId: `${type}-${i}-${at}`,
    details,
  });
  return {
    status: 'submitted',
    version: 10,
    items: {},
    events: [
      ...ITEMS.map((item, n) => ev('item_set', wonAt + n * 60_000, { itemId: item })),
      ev('submitted', wonAt + HOUR),
      ev('rejected', wonAt + 2 * HOUR, {
        reason: i % 2 ? 'missing_information' : 'promises_unclear',
      }),
      ev('reworked', wonAt + 3 * HOUR),
      ev('submitted', wonAt + 4 * HOUR),
    ],
  };
}

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await run();
  return [performance.now() - start, value];
}

export default async function (): Promise<void> {
  const h = await startHarness({ rateLimits: false });
  try {
    const stored = await h.store.getPlaybook(h.portalId);
    const parsed = parsePlaybookText(stored?.text ?? '');
    if (!parsed.ok) throw new Error('the harness playbook does not parse');
    const playbook = parsed.playbook;
    const now = h.clock.now();
    const snapshots: RecordSnapshot[] = [];
    const summaries = [];
    for (let i = 0; i < DEALS; i++) {
      const recordId = String(50_000_000 + i);
      const state = handoff(i, now);
      const wonAt = state.events[0]?.at ?? now;
      const snapshot: RecordSnapshot = {
        crm: 'hubspot',
        objectType: 'deal',
        recordId,
        stage: 'closed_won',
        fields: { amount: '1000', arr: 1000, contract_start: '2026-12-01' },
        stageHistory: [
          { stage: 'appointment_scheduled', enteredAt: wonAt - 30 * DAY },
          { stage: 'closed_won', enteredAt: wonAt },
        ],
        handoffs: { sales_to_cs: state },
        ownerId: `o-${i % 25}`,
      };
      snapshots.push(snapshot);
      summaries.push({ objectType: 'deal', recordId, name: `Deal ${i}`, snapshot });
      await h.store.applyAction(
        { portalId: h.portalId, objectType: 'deal', recordId },
        'sales_to_cs',
        `seed-${i}`,
        now,
        () => ({ kind: 'store', state, response: () => ({ status: 200, body: null }) }),
      );
    }
    await h.store.putRecordSummaries(h.portalId, summaries, now);
    const events = snapshots.reduce((n, s) => n + (s.handoffs.sales_to_cs?.events.length ?? 0), 0);

    const view = (query: string) => async () => {
      const answer = await h.call('GET', `/v1/hubspot/queue${query}`, { as: h.users.admin });
      if (answer.status !== 200) throw new Error(`queue view failed: ${answer.status}`);
      return answer.body as { total: number; rows: unknown[] };
    };
    // Cold: the clock moves past the picture's lifetime before each view, so each one rebuilds it.
    const cold: number[] = [];
    let total = 0;
    for (let i = 0; i < 6; i++) {
      h.clock.advance(PICTURE_TTL_MS + 1);
      const [t, body] = await timed(view('?scope=everyone&limit=100'));
      if (i > 0) cold.push(t);
      total = body.total;
    }
    cold.sort((a, b) => a - b);
    const warm: number[] = [];
    const before = h.crmCalls();
    const VIEWS = 200;
    for (let i = 0; i < VIEWS; i++) {
      const [t] = await timed(view(`?scope=everyone&offset=${(i * 100) % DEALS}&limit=100`));
      warm.push(t);
    }
    const crmCalls = h.crmCalls() - before;
    warm.sort((a, b) => a - b);

    // Right after an action on one record: that record is evaluated again, the rest kept.
    const afterAction: number[] = [];
    for (let i = 0; i < 50; i++) {
      const recordId = String(50_000_000 + i);
      await h.store.applyAction(
        { portalId: h.portalId, objectType: 'deal', recordId },
        'sales_to_cs',
        `touch-${i}`,
        h.clock.now(),
        (current) => ({
          kind: 'store',
          state: { ...(current ?? handoff(i, now)), version: (current?.version ?? 10) + 1 },
          response: () => ({ status: 200, body: null }),
        }),
      );
      h.clock.advance(1);
      const [t] = await timed(view('?scope=everyone&limit=100'));
      afterAction.push(t);
    }
    afterAction.sort((a, b) => a - b);

    const dashboardCold: number[] = [];
    for (let i = 0; i < 4; i++) {
      h.clock.advance(PICTURE_TTL_MS + 1);
      const [t] = await timed(async () => {
        const answer = await h.call('GET', '/v1/hubspot/dashboard?period=last_90_days', {
          as: h.users.admin,
        });
        if (answer.status !== 200) throw new Error(`dashboard failed: ${answer.status}`);
      });
      if (i > 0) dashboardCold.push(t);
    }
    dashboardCold.sort((a, b) => a - b);

    const at = h.clock.now();
    const window = { from: at - 90 * DAY, to: at + 1 };
    const [metricsMs] = await timed(async () => {
      computeMetrics(playbook, snapshots, window, at);
      weeklyAttainment(playbook, snapshots, window, at);
    });
    const everyone = { userId: 'bench', roles: Object.keys(playbook.roles) };
    const [attentionMs] = await timed(async () =>
      needsAttention(
        playbook,
        snapshots.map((s) => ({
          view: evaluateRecord(playbook, s, everyone, at),
          name: s.recordId,
        })),
        at,
      ),
    );

    section(
      `HubSpot app pages API (${DEALS.toLocaleString('en-US')} open handoffs, ${events.toLocaleString('en-US')} handoff events, SQLite store)`,
    );
    line('queue view, cold (picture rebuilt) p50 / p95', ms(cold));
    line(
      '  records evaluated per second (cold)',
      `${Math.round((DEALS / percentile(cold, 50)) * 1000).toLocaleString('en-US')} rows/s`,
    );
    line(`queue view, warm (${VIEWS} pages of 100) p50 / p95`, ms(warm));
    line(
      '  rows answered per second (warm)',
      `${Math.round((100 / percentile(warm, 50)) * 1000).toLocaleString('en-US')} rows/s`,
    );
    line('queue view right after an action on one record p50 / p95', ms(afterAction));
    line('queue total counted', total.toLocaleString('en-US'));
    line('CRM calls per queue view (warm, owners cached)', (crmCalls / VIEWS).toFixed(2));
    line('dashboard view, cold (picture + metrics) p50 / p95', ms(dashboardCold));
    line('core: computeMetrics + weeklyAttainment, 90 days', `${metricsMs.toFixed(0)} ms`);
    line('core: evaluate 10,000 records + needsAttention', `${attentionMs.toFixed(0)} ms`);
  } finally {
    await h.close();
  }
}
