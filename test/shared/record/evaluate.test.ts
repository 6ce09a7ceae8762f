import { describe, expect, it } from 'vitest';
import { evaluateRecord } from '../../../shared/src/record/index.js';
import type { HandoffEvent, RecordSnapshot } from '../../../shared/src/shapes/index.js';
import { csManager, deal, handoffState, HOUR, MONDAY_10AM_NY, nobody, rep } from '../builders.js';
import { defaultPlaybook } from '../fixtures.js';

const playbook = defaultPlaybook();
const now = MONDAY_10AM_NY + 2 * HOUR;

function actionsOf(view: ReturnType<typeof evaluateRecord>, handoffId: string) {
  const handoff = view.handoffs.find((h) => h.id === handoffId);
  return Object.fromEntries(
    (handoff?.actions ?? []).map((a) => [a.type, a.allowed ? 'allowed' : a.reason?.code]),
  );
}

describe('evaluateRecord for a sales rep', () => {
  const open: RecordSnapshot = deal({
    stage: 'qualified',
    fields: { amount: '', pain: 'Slow onboarding' },
    stageHistory: [
      { stage: 'appointment_scheduled', enteredAt: MONDAY_10AM_NY - 2 * 24 * HOUR },
      { stage: 'qualified', enteredAt: MONDAY_10AM_NY },
    ],
  });

  it('when the deal is open, then the stages show where it stands', () => {
    const view = evaluateRecord(playbook, open, rep, now);
    expect(view.stages.map((s) => `${s.id}:${s.status}`)).toEqual([
      'appointment_scheduled:done',
      'qualified:current',
      'presentation_scheduled:upcoming',
      'decision_maker_bought_in:upcoming',
      'contract_sent:upcoming',
      'closed_won:upcoming',
      'closed_lost:upcoming',
    ]);
    expect(view.currentStage).toEqual({ id: 'qualified', label: 'Qualified to buy' });
    expect(view.nextStage).toEqual({
      id: 'presentation_scheduled',
      label: 'Presentation scheduled',
    });
  });

  it('when exit criteria fail, then each says why and the deal may not advance', () => {
    const view = evaluateRecord(playbook, open, rep, now);
    expect(view.exitCriteria).toEqual([
      {
        id: 'amount',
        label: 'Amount estimated',
        outcome: 'fail',
        severity: 'block',
        reason: 'Amount is empty; it must be more than 0.',
      },
      {
        id: 'decision_maker',
        label: 'Decision maker named',
        outcome: 'fail',
        severity: 'block',
        reason: 'Decision maker is empty; it must be filled in.',
      },
    ]);
    expect(view.mayAdvance).toBe(false);
  });

  it('when blocking criteria pass and only a warning fails, then the deal may advance', () => {
    const view = evaluateRecord(
      playbook,
      deal({
        stage: 'contract_sent',
        fields: { contract_start: '2026-12-01', arr: '24000', amount: 24000 },
        stageHistory: [{ stage: 'contract_sent', enteredAt: MONDAY_10AM_NY }],
      }),
      rep,
      now,
    );
    expect(view.exitCriteria.map((v) => `${v.id}:${v.outcome}:${v.severity}`)).toEqual([
      'contract_start:pass:block',
      'arr:pass:block',
      'next_step:fail:warn',
    ]);
    expect(view.nextEntryCriteria.map((v) => `${v.id}:${v.outcome}`)).toEqual(['arr:pass']);
    expect(view.mayAdvance).toBe(true);
  });

  it('when the deal is won, then the CS handoff is open with its checklist, progress and Submit reasons', () => {
    const view = evaluateRecord(playbook, deal(), rep, now);
    const cs = view.handoffs.find((h) => h.id === 'sales_to_cs');
    expect(cs?.status).toBe('not_started');
    expect(cs?.progress).toEqual({ done: 2, total: 12, requiredDone: 2, required: 10 });
    expect(cs?.items.find((i) => i.id === 'arr')).toMatchObject({
      value: 12000,
      done: true,
      editable: false,
      field: 'arr',
    });
    expect(cs?.items.find((i) => i.id === 'champion')).toMatchObject({
      value: null,
      done: false,
      editable: true,
      required: true,
    });
    expect(actionsOf(view, 'sales_to_cs')).toEqual({
      submit: 'items_missing',
      withdraw: 'not_allowed',
      accept: 'not_allowed',
      reject: 'not_allowed',
      reopen: 'not_allowed',
    });
    expect(cs?.actions.find((a) => a.type === 'submit')?.reason?.message).toMatch(
      /^Sales → CS cannot be submitted yet: Customer goals and success criteria, /,
    );
    expect(view.nextStage).toBeNull();
  });

  it('when the checklist is complete, then Submit is allowed', () => {
    const view = evaluateRecord(
      playbook,
      deal({ handoffs: { sales_to_cs: handoffState('in_progress') } }),
      rep,
      now,
    );
    expect(actionsOf(view, 'sales_to_cs').submit).toBe('allowed');
  });
});

describe('evaluateRecord for a CS manager', () => {
  const submittedAt = MONDAY_10AM_NY + HOUR;
  const submitted = deal({
    handoffs: {
      sales_to_cs: handoffState('submitted', {
        events: [{ type: 'submitted', at: submittedAt, by: 'u-rep', actionId: 's1', details: {} }],
      }),
    },
  });

  it('when the handoff is submitted, then the checklist is read-only, the submitter shown, and Accept / Reject offered', () => {
    const view = evaluateRecord(playbook, submitted, csManager, now);
    const cs = view.handoffs.find((h) => h.id === 'sales_to_cs');
    expect(cs?.items.every((i) => !i.editable)).toBe(true);
    expect(cs?.submitted).toEqual({ by: 'u-rep', at: submittedAt });
    expect(actionsOf(view, 'sales_to_cs')).toEqual({
      submit: 'not_allowed',
      withdraw: 'not_allowed',
      accept: 'allowed',
      reject: 'allowed',
      reopen: 'not_allowed',
    });
    expect(cs?.rejectReasons.map((r) => r.id)).toEqual([
      'missing_information',
      'promises_unclear',
      'wrong_contacts',
      'not_closed',
    ]);
  });

  it('when the handoff was rejected and then accepted, then history and who accepted are shown', () => {
    const events: HandoffEvent[] = [
      { type: 'submitted', at: submittedAt, by: 'u-rep', actionId: 's1', details: {} },
      {
        type: 'rejected',
        at: submittedAt + HOUR,
        by: 'u-cs',
        actionId: 'r1',
        details: { reason: 'promises_unclear', comment: 'Which discount?' },
      },
      {
        type: 'reworked',
        at: submittedAt + 2 * HOUR,
        by: 'u-rep',
        actionId: 'w1',
        details: {},
      },
      {
        type: 'item_set',
        at: submittedAt + 2 * HOUR,
        by: 'u-rep',
        actionId: 'w1',
        details: { itemId: 'promises', value: '10% off year one' },
      },
      {
        type: 'submitted',
        at: submittedAt + 3 * HOUR,
        by: 'u-rep',
        actionId: 's2',
        details: {},
      },
      {
        type: 'accepted',
        at: submittedAt + 4 * HOUR,
        by: 'u-cs',
        actionId: 'a1',
        details: { assigneeId: 'u-csm' },
      },
    ];
    const view = evaluateRecord(
      playbook,
      deal({ handoffs: { sales_to_cs: handoffState('accepted', { events }) } }),
      csManager,
      now + 5 * HOUR,
    );
    const cs = view.handoffs.find((h) => h.id === 'sales_to_cs');
    expect(cs?.history.map((e) => e.type)).toEqual([
      'submitted',
      'rejected',
      'reworked',
      'submitted',
      'accepted',
    ]);
    expect(cs?.accepted).toEqual({ by: 'u-cs', at: submittedAt + 4 * HOUR, assigneeId: 'u-csm' });
    expect(cs?.rejected).toEqual({
      by: 'u-cs',
      at: submittedAt + HOUR,
      reason: 'promises_unclear',
      reasonLabel: 'Promises made are unclear or unrealistic',
      comment: 'Which discount?',
    });
    expect(Object.values(actionsOf(view, 'sales_to_cs'))).toEqual([
      'closed',
      'closed',
      'closed',
      'closed',
      'closed',
    ]);
  });
});

describe('evaluateRecord for a viewer with no role', () => {
  it('when someone without a role looks, then everything is visible and nothing is actionable', () => {
    const view = evaluateRecord(
      playbook,
      deal({ handoffs: { sales_to_cs: handoffState('in_progress') } }),
      nobody,
      now,
    );
    const cs = view.handoffs.find((h) => h.id === 'sales_to_cs');
    expect(cs?.items.some((i) => i.editable)).toBe(false);
    expect(Object.values(actionsOf(view, 'sales_to_cs'))).toEqual([
      'not_allowed',
      'not_allowed',
      'not_allowed',
      'not_allowed',
      'not_allowed',
    ]);
  });
});

describe('evaluateRecord on bad data', () => {
  it('when the stage is not in the playbook, then the view says so', () => {
    const view = evaluateRecord(playbook, deal({ stage: 'renewal' }), rep, now);
    expect(view.problems).toEqual(['The record\'s stage "renewal" is not part of the playbook.']);
    expect(view.currentStage).toBeNull();
    expect(view.mayAdvance).toBe(false);
  });

  it('when the snapshot is malformed, then the view names the broken parts instead of throwing', () => {
    const view = evaluateRecord(
      playbook,
      { ...deal(), stageHistory: 'yesterday', handoffs: null } as never,
      rep,
      now,
    );
    expect(view.problems).toEqual([
      "The record's data could not be read (stageHistory, handoffs); Handoff shows only what it can.",
    ]);
    expect(view.handoffs).toEqual([]);
  });

  it('when the view is serialised, then it survives JSON unchanged', () => {
    const view = evaluateRecord(
      playbook,
      deal({ handoffs: { sales_to_cs: handoffState('in_progress') } }),
      rep,
      now,
    );
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });
});

describe('checklist items that mirror CRM fields', () => {
  it('when a date field is held as epoch milliseconds (HubSpot), then the item reads as a day like a typed-in date', () => {
    const view = evaluateRecord(
      playbook,
      deal({ fields: { amount: 5, arr: '24000', contract_start: '1796083200000' } }),
      rep,
      now,
    );
    const item = view.handoffs
      .find((h) => h.id === 'sales_to_cs')
      ?.items.find((i) => i.id === 'contract_start');
    expect(item).toMatchObject({ value: '2026-12-01', done: true, editable: false });
  });
});
