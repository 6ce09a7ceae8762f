import { describe, expect, it } from 'vitest';
import { backtestPlaybooks, HistoryError } from '../../../shared/src/preview/index.js';
import type { RecordSnapshot } from '../../../shared/src/shapes/index.js';
import { completeCsItems, DAY, deal, handoffState, HOUR, MONDAY_10AM_NY } from '../builders.js';
import { defaultPlaybook } from '../fixtures.js';
import {
  budgetOwnerRequired,
  edited,
  mondayHoliday,
  nextStepToWin,
  tighterCsSla,
} from './change.js';
import { event, exportLines } from './history.js';

// Exported on Thursday 3 December 2026; the default window is the 90 days before. The US business
// calendar is Monday–Friday 09:00–17:00 New York; MONDAY_10AM_NY is Monday 23 November.
const EXPORTED_AT = MONDAY_10AM_NY + 10 * DAY;
const FRIDAY_10AM = MONDAY_10AM_NY - 3 * DAY;

/** A deal won at `wonAt` whose CS handoff was submitted at `submitted` and accepted at `accepted`. */
function wonDeal(
  recordId: string,
  wonAt: number,
  submitted: number,
  accepted?: number,
): RecordSnapshot {
  const events = [
    event('submitted', submitted),
    ...(accepted ? [event('accepted', accepted, 'u-cs')] : []),
  ];
  return deal({
    recordId,
    stageHistory: [
      { stage: 'contract_sent', enteredAt: wonAt - 5 * DAY },
      { stage: 'closed_won', enteredAt: wonAt },
    ],
    handoffs: {
      sales_to_cs: handoffState(accepted ? 'accepted' : 'submitted', {
        items: completeCsItems(submitted - HOUR),
        events,
      }),
    },
  });
}

function sla(side: Awaited<ReturnType<typeof backtestPlaybooks>>['old'], id: string) {
  return side.slas.find((s) => s.id === id);
}

describe('backtestPlaybooks', () => {
  it('when CS must accept within 4 business hours instead of 1 business day, then the 6-hour acceptance is late and escalates twice', async () => {
    // Both won Monday 09:00 and submitted 10:00; accepted after 3 and 6 business hours.
    const result = await backtestPlaybooks({
      old: defaultPlaybook(),
      new: edited(tighterCsSla),
      history: exportLines(EXPORTED_AT, [
        {
          record: wonDeal('fast', MONDAY_10AM_NY - HOUR, MONDAY_10AM_NY, MONDAY_10AM_NY + 3 * HOUR),
        },
        {
          record: wonDeal('slow', MONDAY_10AM_NY - HOUR, MONDAY_10AM_NY, MONDAY_10AM_NY + 6 * HOUR),
        },
      ]),
    });
    expect(result.window).toEqual({ from: EXPORTED_AT - 90 * DAY, to: EXPORTED_AT });
    expect(result.records).toBe(2);
    expect(sla(result.old, 'cs_accepts_won_deal')).toMatchObject({
      completed: 2,
      metOnTime: 2,
      attainment: 1,
      breaches: 0,
      escalations: [0, 0, 0],
    });
    // At risk at 3 h (75 % of 4 h) and breached at 4 h, both before the acceptance at 6 h; level 3
    // (4 h after the breach) never came. The fast one was accepted exactly at its warning: not at risk.
    expect(sla(result.new, 'cs_accepts_won_deal')).toMatchObject({
      completed: 2,
      metOnTime: 1,
      attainment: 0.5,
      breaches: 1,
      escalations: [1, 1, 0],
    });
    expect(result.new.escalationsRaised).toBe(2);
    // The wait itself is history: the same under both playbooks (same calendar).
    const wait = { count: 2, medianMs: 4.5 * HOUR, p90Ms: 6 * HOUR, histogram: [0, 1, 1, 0, 0, 0] };
    expect(result.old.handoffs.find((h) => h.id === 'sales_to_cs')?.timeToAccept).toEqual(wait);
    expect(result.new.handoffs.find((h) => h.id === 'sales_to_cs')?.timeToAccept).toEqual(wait);
    expect(result.changedRecords).toBe(1);
    expect(result.changes).toEqual([
      {
        recordId: 'slow',
        changes: ['CS accepts the handoff: Met → Met late', 'escalations raised: 0 → 2'],
      },
    ]);
  });

  it('when Monday becomes a holiday, then a handoff submitted Friday 15:00 and accepted Tuesday 13:00 was on time after all', async () => {
    // Business time waited: Friday 2 h + Monday 8 h + Tuesday 4 h = 14 h (late against 8 h);
    // without Monday, 6 h. Under the current calendar all three levels were raised before Tuesday 13:00.
    const result = await backtestPlaybooks({
      old: defaultPlaybook(),
      new: edited(mondayHoliday),
      history: exportLines(EXPORTED_AT, [
        {
          record: wonDeal(
            'd',
            FRIDAY_10AM - HOUR,
            FRIDAY_10AM + 5 * HOUR,
            MONDAY_10AM_NY + DAY + 3 * HOUR,
          ),
        },
      ]),
    });
    expect(sla(result.old, 'cs_accepts_won_deal')).toMatchObject({
      metOnTime: 0,
      breaches: 1,
      escalations: [1, 1, 1],
    });
    expect(sla(result.new, 'cs_accepts_won_deal')).toMatchObject({
      metOnTime: 1,
      breaches: 0,
      escalations: [0, 0, 0],
    });
    const waited = (side: typeof result.old) =>
      side.handoffs.find((h) => h.id === 'sales_to_cs')?.timeToAccept;
    expect(waited(result.old)).toMatchObject({
      medianMs: 14 * HOUR,
      histogram: [0, 0, 0, 1, 0, 0],
    });
    expect(waited(result.new)).toMatchObject({ medianMs: 6 * HOUR, histogram: [0, 0, 1, 0, 0, 0] });
    expect(result.changes).toEqual([
      {
        recordId: 'd',
        changes: ['CS accepts the handoff: Met late → Met', 'escalations raised: 3 → 0'],
      },
    ]);
  });

  it('when the checklist gains a required item, then the recorded submissions without it would have been refused', async () => {
    const withBudgetOwner = wonDeal('answered', MONDAY_10AM_NY - HOUR, MONDAY_10AM_NY);
    const state = withBudgetOwner.handoffs.sales_to_cs!;
    state.items.budget_owner = {
      value: 'Pat (CFO)',
      done: true,
      by: 'u-rep',
      at: MONDAY_10AM_NY - HOUR,
    };
    const result = await backtestPlaybooks({
      old: defaultPlaybook(),
      new: edited(budgetOwnerRequired),
      history: exportLines(EXPORTED_AT, [
        { record: wonDeal('unanswered', MONDAY_10AM_NY - HOUR, MONDAY_10AM_NY) },
        { record: withBudgetOwner },
      ]),
    });
    const refused = (side: typeof result.old) =>
      side.handoffs.find((h) => h.id === 'sales_to_cs')?.refusedSubmissions;
    expect(refused(result.old)).toBe(0);
    expect(refused(result.new)).toBe(1);
    expect(result.changes).toEqual([
      {
        recordId: 'unanswered',
        changes: ['submission of Sales → CS at 2026-11-23 15:00 UTC would have been refused'],
      },
    ]);
  });

  it('when winning needs a next step, then moves to Closed won without one at that instant would have been blocked', async () => {
    // "late" wrote its next step the day after it was won: at the move the field was empty.
    const moved = (recordId: string) =>
      deal({
        recordId,
        stageHistory: [
          { stage: 'contract_sent', enteredAt: MONDAY_10AM_NY - 5 * DAY },
          { stage: 'closed_won', enteredAt: MONDAY_10AM_NY },
        ],
        fields: { amount: 5, arr: 5, contract_start: '2026-12-01', next_step: 'Kickoff' },
      });
    const result = await backtestPlaybooks({
      old: defaultPlaybook(),
      new: edited(nextStepToWin),
      history: exportLines(EXPORTED_AT, [
        {
          record: moved('early'),
          fields: [{ field: 'next_step', value: 'Kickoff', at: MONDAY_10AM_NY - HOUR }],
        },
        {
          record: moved('late'),
          fields: [{ field: 'next_step', value: 'Kickoff', at: MONDAY_10AM_NY + DAY }],
        },
        {
          record: {
            ...moved('never'),
            fields: { amount: 5, arr: 5, contract_start: '2026-12-01' },
          },
        },
      ]),
    });
    expect(result.old.blockedStageMoves).toBe(0);
    expect(result.new.blockedStageMoves).toBe(2);
    expect(result.changes.map((c) => c.recordId)).toEqual(['late', 'never']);
    expect(result.changes[0]?.changes).toEqual([
      'move to Closed won at 2026-11-23 15:00 UTC would have been blocked',
    ]);
    expect(result.recordsWithFieldHistory).toBe(2);
    expect(result.unknowable.join(' ')).toContain('1 of 3 records have no field history');
  });

  it('when history comes as JSON text, sync or async, then it is read the same way as parsed lines', async () => {
    const lines = exportLines(EXPORTED_AT, [
      { record: wonDeal('a', MONDAY_10AM_NY - HOUR, MONDAY_10AM_NY, MONDAY_10AM_NY + 6 * HOUR) },
    ]);
    async function* text() {
      for (const line of lines) yield `${JSON.stringify(line)}\n`;
    }
    const args = { old: defaultPlaybook(), new: edited(tighterCsSla) };
    const parsed = await backtestPlaybooks({ ...args, history: lines });
    const streamed = await backtestPlaybooks({ ...args, history: text() });
    expect(streamed).toEqual(parsed);
    expect(parsed.changedRecords).toBe(1);
  });

  it('when a line is broken or out of place, then the error names the line and what was wrong', async () => {
    const run = (history: unknown[]) =>
      backtestPlaybooks({
        old: defaultPlaybook(),
        new: defaultPlaybook(),
        history,
        window: { to: EXPORTED_AT },
      });
    await expect(run(['{"type":"snapshot"'])).rejects.toThrow(
      'history line 1: is not JSON (one JSON object per line).',
    );
    await expect(
      run([{ type: 'stage', recordId: 'x', stage: 'closed_won', at: 1 }]),
    ).rejects.toThrow(
      'history line 1: is an event of record "x", which is not the record whose snapshot came last: each record\'s events follow its snapshot.',
    );
    await expect(
      run([
        { type: 'snapshot', record: deal() },
        { type: 'field', recordId: 'd-1', field: 'amount', at: 'yesterday' },
      ]),
    ).rejects.toThrow(new HistoryError(2, 'field line needs at as epoch milliseconds.'));
  });

  it('when the window is longer than two years or has no end, then it says so', async () => {
    const run = (window: { from?: number; to?: number }) =>
      backtestPlaybooks({ old: defaultPlaybook(), new: defaultPlaybook(), history: [], window });
    await expect(run({ from: 0, to: 800 * DAY })).rejects.toThrow(
      'The backtest window is 800 days; it may be at most 731 (two years).',
    );
    await expect(run({})).rejects.toThrow('The backtest needs the end of its window');
  });
});
