import { describe, expect, it } from 'vitest';
import { previewPlaybookChange } from '../../../shared/src/preview/index.js';
import type { RecordSnapshot } from '../../../shared/src/shapes/index.js';
import { completeCsItems, DAY, deal, handoffState, HOUR, MONDAY_10AM_NY } from '../builders.js';
import { defaultPlaybook } from '../fixtures.js';
import { budgetOwnerRequired, edited, nextStepToWin, tighterCsSla } from './change.js';

// Every deal was won on Friday 20 November 2026 at 09:00 New York; the US business calendar is
// Monday–Friday 09:00–17:00. The preview runs on Monday 23 November at 15:00.
const WON = MONDAY_10AM_NY - 3 * DAY - HOUR;
const NOW = MONDAY_10AM_NY + 5 * HOUR;

function submittedAt(recordId: string, at: number): RecordSnapshot {
  return deal({
    recordId,
    stageHistory: [
      { stage: 'contract_sent', enteredAt: WON - 10 * DAY },
      { stage: 'closed_won', enteredAt: WON },
    ],
    handoffs: {
      sales_to_cs: handoffState('submitted', {
        events: [{ type: 'submitted', at, by: 'u-rep', actionId: `s-${recordId}`, details: {} }],
      }),
    },
  });
}

// Business time CS has waited at 15:00 Monday: r1 5 h, r2 3 h, r3 30 min, r4 Friday 7 h + Monday 6 h.
const records = [
  submittedAt('r1', MONDAY_10AM_NY),
  submittedAt('r2', MONDAY_10AM_NY + 2 * HOUR),
  submittedAt('r3', MONDAY_10AM_NY + 4.5 * HOUR),
  submittedAt('r4', MONDAY_10AM_NY - 3 * DAY),
];

describe('previewPlaybookChange', () => {
  it('when nothing changes, then no record moves and nothing is raised', () => {
    const preview = previewPlaybookChange({
      old: defaultPlaybook(),
      new: defaultPlaybook(),
      records,
      now: NOW,
    });
    expect(preview).toMatchObject({ records: 4, timers: [], criteria: [], submissions: [] });
    expect(preview.escalations).toEqual([]);
    expect(preview.summary).toEqual([]);
  });

  it('when CS must accept within 4 business hours instead of 1 business day, then the hand-counted timers change state and escalations fire', () => {
    // 1 business day = 8 h, at risk at 75 % (6 h): every waiting deal is on track except r4 (13 h, breached).
    // 4 h, at risk at 3 h: r1 (5 h) breached, r2 (3 h) at risk, r3 (0.5 h) on track, r4 breached still.
    const preview = previewPlaybookChange({
      old: defaultPlaybook(),
      new: edited(tighterCsSla),
      records,
      now: NOW,
    });
    expect(
      preview.timers.map(({ slaId, from, to, recordIds }) => ({ slaId, from, to, recordIds })),
    ).toEqual([
      { slaId: 'cs_accepts_won_deal', from: 'running', to: 'breached', recordIds: ['r1'] },
      { slaId: 'cs_accepts_won_deal', from: 'running', to: 'at_risk', recordIds: ['r2'] },
    ]);
    // r4's escalations were raised under the current playbook already (same timer, same levels).
    // Level 3 (4 business hours after the breach) is not reached: r1 breached at 14:00.
    expect(
      preview.escalations.map(({ level, when, action, recordIds, reach }) => ({
        level,
        when,
        action,
        recordIds,
        reach,
      })),
    ).toEqual([
      {
        level: 1,
        when: 'at_risk',
        action: 'task',
        recordIds: ['r1', 'r2'],
        reach: { users: [], roles: ['every CS manager'] },
      },
      {
        level: 2,
        when: 'breached',
        action: 'note',
        recordIds: ['r1'],
        reach: { users: [], roles: ['every CS manager'] },
      },
    ]);
    expect(preview).toMatchObject({
      escalationCount: 3,
      escalationLimit: 25,
      needsConfirmation: false,
    });
    expect(preview.changes.map((c) => c.text)).toEqual([
      'CS accepts the handoff: 1 business day → 4 business hours',
    ]);
    expect(preview.summary).toContain(
      '1 record goes from on track to breached: CS accepts the handoff',
    );
    expect(preview.summary).toContain(
      '2 escalations on the next scan: level 1 of CS accepts the handoff (at risk)',
    );
  });

  it('when the playbook allows fewer escalations at once than the change raises, then saving needs confirmation', () => {
    const preview = previewPlaybookChange({
      old: defaultPlaybook(),
      new: edited((raw) => {
        tighterCsSla(raw);
        raw.guardRails = { maxEscalationsOnSave: 2 };
      }),
      records,
      now: NOW,
    });
    expect(preview).toMatchObject({
      escalationCount: 3,
      escalationLimit: 2,
      needsConfirmation: true,
    });
  });

  it('when escalations were already executed, then only the rest would fire', () => {
    const preview = previewPlaybookChange({
      old: defaultPlaybook(),
      new: edited(tighterCsSla),
      records,
      now: NOW,
      alreadyDone: new Set([`hubspot:deal:r1:cs_accepts_won_deal:L1:${MONDAY_10AM_NY}`]),
    });
    // r4 was never escalated in this ledger, so its three levels fire too.
    expect(preview.escalations.map((e) => [e.level, e.recordIds])).toEqual([
      [1, ['r2', 'r4']],
      [2, ['r1', 'r4']],
      [3, ['r4']],
    ]);
  });

  it('when a required item is added to the checklist, then a handoff ready to submit can no longer be', () => {
    const ready = deal({
      recordId: 'r5',
      handoffs: { sales_to_cs: handoffState('in_progress', { items: completeCsItems() }) },
    });
    const submitted = submittedAt('r6', MONDAY_10AM_NY);
    const preview = previewPlaybookChange({
      old: defaultPlaybook(),
      new: edited(budgetOwnerRequired),
      records: [ready, submitted],
      now: NOW,
    });
    expect(preview.submissions).toEqual([
      {
        handoffId: 'sales_to_cs',
        label: 'Sales → CS',
        reasons: ["new required item 'Budget owner'"],
        count: 1,
        recordIds: ['r5'],
        object: 'deal',
        text: "1 handoff (Sales → CS) can no longer be submitted: new required item 'Budget owner'",
      },
    ]);
  });

  it('when a stage gains an entry criterion, then records heading there get a verdict they did not have', () => {
    const noNextStep = deal({
      recordId: 'r7',
      stage: 'contract_sent',
      stageHistory: [{ stage: 'contract_sent', enteredAt: WON }],
    });
    const withNextStep = deal({
      recordId: 'r8',
      stage: 'contract_sent',
      stageHistory: [{ stage: 'contract_sent', enteredAt: WON }],
      fields: { amount: 1, arr: 1, next_step: 'Kickoff call' },
    });
    const preview = previewPlaybookChange({
      old: defaultPlaybook(),
      new: edited(nextStepToWin),
      records: [noNextStep, withNextStep],
      now: NOW,
    });
    expect(
      preview.criteria.map(({ scope, criterionId, from, to, recordIds }) => ({
        scope,
        criterionId,
        from,
        to,
        recordIds,
      })),
    ).toEqual([
      {
        scope: 'entry:closed_won',
        criterionId: 'next_step_won',
        from: 'none',
        to: 'fail',
        recordIds: ['r7'],
      },
      {
        scope: 'entry:closed_won',
        criterionId: 'next_step_won',
        from: 'none',
        to: 'pass',
        recordIds: ['r8'],
      },
    ]);
  });
});
