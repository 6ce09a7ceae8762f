// evaluateRecord throughput on the default playbook: the card load, the panel render and every
// record of a scan go through it. Target: ≥ 50,000 records per second on one core.
import { applyHandoffAction, evaluateRecord, scopedPlaybook } from '../../shared/dist/src/index.js';
import type { HandoffState, RecordSnapshot, Viewer } from '../../shared/dist/src/index.js';
import { defaultPlaybook } from '../shared/fixtures.js';
import { formatRate, line, measure, section } from './lib.js';

const HOUR = 3_600_000;
const now = Date.UTC(2026, 10, 24, 16);

/** A mix of deals like a portal's: open ones across stages, won ones with handoffs in every state. */
function records(count: number): RecordSnapshot[] {
  const stages = scopedPlaybook(defaultPlaybook(), 'deal').stages.map((s) => s.id);
  const statuses: HandoffState['status'][] = ['in_progress', 'submitted', 'rejected', 'accepted'];
  return Array.from({ length: count }, (_, i) => {
    const stage = stages[i % stages.length] ?? 'qualified';
    const enteredAt = now - ((i * 7) % 120) * HOUR;
    const status = statuses[i % statuses.length] ?? 'in_progress';
    const events: HandoffState['events'] =
      status === 'in_progress'
        ? []
        : [
            { type: 'submitted', at: enteredAt + HOUR, by: 'u1', actionId: `s${i}`, details: {} },
            ...(status === 'rejected'
              ? [
                  {
                    type: 'rejected' as const,
                    at: enteredAt + 2 * HOUR,
                    by: 'u2',
                    actionId: `r${i}`,
                    details: { reason: 'missing_information' },
                  },
                ]
              : []),
            ...(status === 'accepted'
              ? [
                  {
                    type: 'accepted' as const,
                    at: enteredAt + 3 * HOUR,
                    by: 'u2',
                    actionId: `a${i}`,
                    details: {},
                  },
                ]
              : []),
          ];
    const snapshot: RecordSnapshot = {
      crm: 'hubspot',
      objectType: 'deal',
      recordId: String(i),
      stage,
      fields: {
        amount: String(1000 + i),
        pain: i % 3 ? 'Manual reporting' : '',
        close_date: '2026-12-15',
        arr: i % 5 ? 12000 : '',
        contract_start: '2027-01-01',
      },
      stageHistory: [
        { stage: 'appointment_scheduled', enteredAt: enteredAt - 200 * HOUR },
        { stage, enteredAt },
      ],
      handoffs:
        stage === 'closed_won'
          ? {
              sales_to_cs: {
                status,
                version: events.length,
                items: { champion: { value: 'Dana', done: true, by: 'u1', at: enteredAt } },
                events,
              },
            }
          : {},
      ownerId: 'u1',
    };
    return snapshot;
  });
}

/**
 * Contacts like a marketing team's: leads, MQLs (some touched, some not, some with their brief
 * submitted, rejected or accepted) and SQLs, judged by the contact lifecycle of the same playbook.
 */
function contacts(count: number): RecordSnapshot[] {
  const stages = ['lead', 'mql', 'mql', 'sql'];
  const statuses: HandoffState['status'][] = ['in_progress', 'submitted', 'rejected', 'accepted'];
  return Array.from({ length: count }, (_, i) => {
    const stage = stages[i % stages.length] ?? 'mql';
    const enteredAt = now - ((i * 7) % 120) * HOUR;
    const status = statuses[(i >> 2) % statuses.length] ?? 'in_progress';
    const submitted = { type: 'submitted' as const, at: enteredAt + HOUR, by: 'm1', details: {} };
    const events: HandoffState['events'] =
      status === 'in_progress'
        ? []
        : [
            { ...submitted, actionId: `s${i}` },
            ...(status === 'rejected'
              ? [
                  {
                    type: 'rejected' as const,
                    at: enteredAt + 2 * HOUR,
                    by: 'u2',
                    actionId: `r${i}`,
                    details: { reason: 'not_ready' },
                  },
                ]
              : []),
            ...(status === 'accepted'
              ? [
                  {
                    type: 'accepted' as const,
                    at: enteredAt + 3 * HOUR,
                    by: 'u2',
                    actionId: `a${i}`,
                    details: {},
                  },
                ]
              : []),
          ];
    const handoffs: RecordSnapshot['handoffs'] =
      stage === 'lead'
        ? {}
        : {
            mql_to_sales: {
              status,
              version: events.length,
              items: { source: { value: 'Webinar', done: true, by: 'm1', at: enteredAt } },
              events,
            },
          };
    return {
      crm: 'hubspot',
      objectType: 'contacts',
      recordId: String(i),
      stage,
      fields: { job_title: i % 3 ? 'VP Operations' : '', company_name: 'Acme' },
      stageHistory: [
        { stage: 'lead', enteredAt: enteredAt - 200 * HOUR },
        ...(stage === 'lead' ? [] : [{ stage: 'mql', enteredAt }]),
        ...(stage === 'sql' ? [{ stage: 'sql', enteredAt: enteredAt + 4 * HOUR }] : []),
      ],
      activities: i % 2 ? [enteredAt + 90 * 60_000] : [],
      handoffs,
      ownerId: 'u1',
    };
  });
}

export default function (): void {
  const playbook = defaultPlaybook();
  const sample = records(1024);
  const rep: Viewer = { userId: 'u1', roles: ['sales_rep'] };
  section('Record view (default playbook, 1,024 varied deals, one core)');
  const view = measure(
    'evaluateRecord',
    (i) => evaluateRecord(playbook, sample[i & 1023] as RecordSnapshot, rep, now),
    2000,
  );
  line('evaluateRecord', `${formatRate(view.opsPerSecond)} records/s (target ≥ 50,000)`);
  // The bar: a contact is judged as fast as a deal (same playbook, its contact lifecycle).
  const people = contacts(1024);
  const contactView = measure(
    'evaluateRecord (contacts)',
    (i) => evaluateRecord(playbook, people[i & 1023] as RecordSnapshot, rep, now),
    2000,
  );
  line(
    'evaluateRecord on contacts (1,024 leads, MQLs, SQLs)',
    `${formatRate(contactView.opsPerSecond)} records/s, ${(contactView.opsPerSecond / view.opsPerSecond).toFixed(2)}× the deals' rate measured just before`,
  );
  const action = measure(
    'applyHandoffAction (set_item)',
    (i) =>
      applyHandoffAction(
        playbook,
        sample[(i % 146) * 7 + 5] as RecordSnapshot,
        {
          handoffId: 'sales_to_cs',
          actionId: `b${i}`,
          action: { type: 'set_item', itemId: 'risks', value: 'None' },
        },
        rep,
        now,
      ),
    1000,
  );
  line('applyHandoffAction (set_item on a won deal)', formatRate(action.opsPerSecond));
}
