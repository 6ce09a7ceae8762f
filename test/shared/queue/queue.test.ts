import { describe, expect, it } from 'vitest';
import { needsAttention } from '../../../shared/src/metrics/index.js';
import {
  compareQueueEntries,
  mayAct,
  queueEntriesOf,
  type QueueEntry,
} from '../../../shared/src/queue/index.js';
import { evaluateRecord } from '../../../shared/src/record/index.js';
import type { HandoffState, RecordSnapshot, Viewer } from '../../../shared/src/shapes/index.js';
import { csManager, DAY, deal, HOUR, MONDAY_10AM_NY, rep } from '../builders.js';
import { defaultPlaybook } from '../fixtures.js';

const playbook = defaultPlaybook();
const everyone: Viewer = { userId: 'queue', roles: Object.keys(playbook.roles) };
// Wednesday 10:00 in New York; business hours 09:00–17:00 on weekdays.
const now = MONDAY_10AM_NY + 2 * DAY;
const MONDAY_11AM = MONDAY_10AM_NY + HOUR;

const submitted = (at: number): HandoffState => ({
  status: 'submitted',
  version: 1,
  items: {},
  events: [{ type: 'submitted', at, by: 'u-rep', actionId: `s-${at}`, details: {} }],
});
const won = (recordId: string, wonAt: number, extra: Partial<RecordSnapshot> = {}) =>
  deal({
    recordId,
    stageHistory: [
      { stage: 'appointment_scheduled', enteredAt: wonAt - 30 * DAY },
      { stage: 'closed_won', enteredAt: wonAt },
    ],
    ...extra,
  });

const deals: Record<string, RecordSnapshot> = {
  // Won Monday 10:00, never submitted: the rep's 8 business hours ran out Tuesday 10:00.
  d10: won('d10', MONDAY_10AM_NY, { ownerId: 'o-ann' }),
  // Submitted Monday 11:00: CS had one business day, until Tuesday 11:00.
  d11: won('d11', MONDAY_10AM_NY, {
    ownerId: 'o-bob',
    handoffs: { sales_to_cs: submitted(MONDAY_11AM) },
  }),
  // Won Tuesday 12:00: 6 of the rep's 8 hours used, past the 75 % warning.
  d12: won('d12', MONDAY_10AM_NY + DAY + 2 * HOUR, { ownerId: 'o-ann' }),
  // Won Wednesday 09:30: half an hour used.
  d13: won('d13', now - HOUR / 2, { ownerId: 'o-bob' }),
  // Accepted: nobody's move any more.
  d14: won('d14', MONDAY_10AM_NY, {
    handoffs: {
      sales_to_cs: {
        status: 'accepted',
        version: 2,
        items: {},
        events: [
          { type: 'submitted', at: MONDAY_11AM, by: 'u-rep', actionId: 'a', details: {} },
          { type: 'accepted', at: MONDAY_11AM + HOUR, by: 'u-cs', actionId: 'b', details: {} },
        ],
      },
    },
  }),
};
const views = Object.values(deals).map((s) => evaluateRecord(playbook, s, everyone, now));
const queue: QueueEntry[] = views
  .flatMap((v) => queueEntriesOf(playbook, v, `Deal ${v.record.recordId}`))
  .filter((e) => e.handoffId === 'sales_to_cs')
  .sort(compareQueueEntries);

describe('the handoff queue', () => {
  it('lists every open handoff someone must move, breached first, the longest overdue first, then by time left', () => {
    expect(queue.map((e) => [e.recordId, e.timer?.state])).toEqual([
      ['d10', 'breached'],
      ['d11', 'breached'],
      ['d12', 'at_risk'],
      ['d13', 'running'],
    ]);
    // Business time: d10 is 8 hours past due (Tue 10–17, Wed 9–10), d11 7 hours.
    expect(queue.slice(0, 2).map((e) => e.timer?.remainingMs)).toEqual([-8 * HOUR, -7 * HOUR]);
  });

  it('says whose move it is, as the card does: the CS manager accepts a submitted handoff, the rep submits the others', () => {
    expect(queue.map((e) => e.ball.action)).toEqual(['submit', 'accept', 'submit', 'submit']);
    expect(queue.filter((e) => mayAct(e, csManager)).map((e) => e.recordId)).toEqual(['d11']);
    expect(queue.filter((e) => mayAct(e, rep)).map((e) => e.recordId)).toEqual([
      'd10',
      'd12',
      'd13',
    ]);
  });

  it('carries what a row shows: the record name, stage, submitter, checklist progress, version', () => {
    const row = queue.find((e) => e.recordId === 'd11');
    expect(row).toMatchObject({
      recordName: 'Deal d11',
      stage: { id: 'closed_won' },
      submitted: { by: 'u-rep', at: MONDAY_11AM },
      version: 1,
      status: 'submitted',
      timer: { slaId: 'cs_accepts_won_deal', state: 'breached' },
    });
    expect(row?.checklist.total).toBeGreaterThan(0);
    expect(row?.rejectReasons.map((r) => r.id)).toContain('missing_information');
  });

  it('leaves out accepted handoffs', () => {
    expect(queue.some((e) => e.recordId === 'd14')).toBe(false);
  });
});

describe('what needs attention now', () => {
  const attention = needsAttention(
    playbook,
    views.map((view) => ({ view, name: `Deal ${view.record.recordId}` })),
    now,
  );

  it('counts the open timers breached and at risk at this instant, by SLA', () => {
    const bySla = Object.fromEntries(
      attention.bySla.map((s) => [s.id, [s.breached, s.atRisk, s.records.map((r) => r.recordId)]]),
    );
    expect(bySla.rep_submits_cs_handoff).toEqual([1, 1, ['d10', 'd12']]);
    expect(bySla.cs_accepts_won_deal).toEqual([1, 0, ['d11']]);
    expect(bySla.sdr_submits_new_deal).toEqual([0, 0, []]);
  });

  it('and by the record owner, most breaches first', () => {
    expect(attention.byOwner.map((o) => [o.ownerId, o.breached, o.atRisk])).toEqual([
      ['o-ann', 1, 1],
      ['o-bob', 1, 0],
    ]);
  });
});
