// evaluateRecord throughput on the default playbook: the card load, the panel render and every
// record of a scan go through it. Target: ≥ 50,000 records per second on one core.
import { applyHandoffAction, evaluateRecord } from '../../shared/dist/src/index.js';
import type { HandoffState, RecordSnapshot, Viewer } from '../../shared/dist/src/index.js';
import { defaultPlaybook } from '../shared/fixtures.js';
import { formatRate, line, measure, section } from './lib.js';

const HOUR = 3_600_000;
const now = Date.UTC(2026, 10, 24, 16);

/** A mix of deals like a portal's: open ones across stages, won ones with handoffs in every state. */
function records(count: number): RecordSnapshot[] {
  const playbook = defaultPlaybook();
  const stages = playbook.stages.map((s) => s.id);
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
