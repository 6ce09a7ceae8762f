import { describe, expect, it } from 'vitest';
import { applyHandoffAction } from '../../../shared/src/handoff/index.js';
import type {
  HandoffAction,
  HandoffState,
  RefusalCode,
  Viewer,
} from '../../../shared/src/shapes/index.js';
import { csManager, deal, handoffState, MONDAY_10AM_NY, nobody, rep } from '../builders.js';
import { defaultPlaybook } from '../fixtures.js';

const playbook = defaultPlaybook();
const now = MONDAY_10AM_NY + 3_600_000;

function apply(
  state: HandoffState | undefined,
  action: HandoffAction,
  viewer: Viewer,
  expectedVersion?: number,
) {
  const snapshot = deal({ handoffs: state ? { sales_to_cs: state } : {} });
  return applyHandoffAction(
    playbook,
    snapshot,
    {
      handoffId: 'sales_to_cs',
      actionId: `a-${Math.random()}`,
      action,
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    },
    viewer,
    now,
  );
}

type Expected = HandoffState['status'] | RefusalCode;
const states = ['not_started', 'in_progress', 'submitted', 'accepted', 'rejected'] as const;
const actions: Record<string, HandoffAction> = {
  set_item: { type: 'set_item', itemId: 'customer_goals', value: 'Grow seats' },
  submit: { type: 'submit' },
  withdraw: { type: 'withdraw' },
  accept: { type: 'accept', assigneeId: 'u-csm' },
  reject: { type: 'reject', reason: 'missing_information', comment: 'No kickoff owner' },
  reopen: { type: 'reopen' },
};

// Rows: action × role; columns: the handoff's status before the action. A status is the status after
// success; a refusal code is what the core answers. (not_started has no answers yet, hence items_missing.)
const table: Array<[string, string, Viewer, Record<(typeof states)[number], Expected>]> = [
  [
    'set_item',
    'rep',
    rep,
    {
      not_started: 'in_progress',
      in_progress: 'in_progress',
      submitted: 'not_allowed',
      accepted: 'closed',
      rejected: 'in_progress',
    },
  ],
  [
    'set_item',
    'cs manager',
    csManager,
    {
      not_started: 'not_allowed',
      in_progress: 'not_allowed',
      submitted: 'not_allowed',
      accepted: 'closed',
      rejected: 'not_allowed',
    },
  ],
  [
    'set_item',
    'no role',
    nobody,
    {
      not_started: 'not_allowed',
      in_progress: 'not_allowed',
      submitted: 'not_allowed',
      accepted: 'closed',
      rejected: 'not_allowed',
    },
  ],
  [
    'submit',
    'rep',
    rep,
    {
      not_started: 'items_missing',
      in_progress: 'submitted',
      submitted: 'not_allowed',
      accepted: 'closed',
      rejected: 'not_allowed',
    },
  ],
  [
    'submit',
    'cs manager',
    csManager,
    {
      not_started: 'not_allowed',
      in_progress: 'not_allowed',
      submitted: 'not_allowed',
      accepted: 'closed',
      rejected: 'not_allowed',
    },
  ],
  [
    'submit',
    'no role',
    nobody,
    {
      not_started: 'not_allowed',
      in_progress: 'not_allowed',
      submitted: 'not_allowed',
      accepted: 'closed',
      rejected: 'not_allowed',
    },
  ],
  [
    'withdraw',
    'rep',
    rep,
    {
      not_started: 'not_allowed',
      in_progress: 'not_allowed',
      submitted: 'in_progress',
      accepted: 'closed',
      rejected: 'not_allowed',
    },
  ],
  [
    'withdraw',
    'cs manager',
    csManager,
    {
      not_started: 'not_allowed',
      in_progress: 'not_allowed',
      submitted: 'not_allowed',
      accepted: 'closed',
      rejected: 'not_allowed',
    },
  ],
  [
    'withdraw',
    'no role',
    nobody,
    {
      not_started: 'not_allowed',
      in_progress: 'not_allowed',
      submitted: 'not_allowed',
      accepted: 'closed',
      rejected: 'not_allowed',
    },
  ],
  [
    'accept',
    'rep',
    rep,
    {
      not_started: 'not_allowed',
      in_progress: 'not_allowed',
      submitted: 'not_allowed',
      accepted: 'closed',
      rejected: 'not_allowed',
    },
  ],
  [
    'accept',
    'cs manager',
    csManager,
    {
      not_started: 'not_allowed',
      in_progress: 'not_allowed',
      submitted: 'accepted',
      accepted: 'closed',
      rejected: 'not_allowed',
    },
  ],
  [
    'accept',
    'no role',
    nobody,
    {
      not_started: 'not_allowed',
      in_progress: 'not_allowed',
      submitted: 'not_allowed',
      accepted: 'closed',
      rejected: 'not_allowed',
    },
  ],
  [
    'reject',
    'rep',
    rep,
    {
      not_started: 'not_allowed',
      in_progress: 'not_allowed',
      submitted: 'not_allowed',
      accepted: 'closed',
      rejected: 'not_allowed',
    },
  ],
  [
    'reject',
    'cs manager',
    csManager,
    {
      not_started: 'not_allowed',
      in_progress: 'not_allowed',
      submitted: 'rejected',
      accepted: 'closed',
      rejected: 'not_allowed',
    },
  ],
  [
    'reject',
    'no role',
    nobody,
    {
      not_started: 'not_allowed',
      in_progress: 'not_allowed',
      submitted: 'not_allowed',
      accepted: 'closed',
      rejected: 'not_allowed',
    },
  ],
  [
    'reopen',
    'rep',
    rep,
    {
      not_started: 'not_allowed',
      in_progress: 'not_allowed',
      submitted: 'not_allowed',
      accepted: 'closed',
      rejected: 'in_progress',
    },
  ],
  [
    'reopen',
    'cs manager',
    csManager,
    {
      not_started: 'not_allowed',
      in_progress: 'not_allowed',
      submitted: 'not_allowed',
      accepted: 'closed',
      rejected: 'not_allowed',
    },
  ],
  [
    'reopen',
    'no role',
    nobody,
    {
      not_started: 'not_allowed',
      in_progress: 'not_allowed',
      submitted: 'not_allowed',
      accepted: 'closed',
      rejected: 'not_allowed',
    },
  ],
];

describe('applyHandoffAction: every action × state × role', () => {
  const cases = table.flatMap(([action, role, viewer, byState]) =>
    states.map((state) => [action, state, role, viewer, byState[state]] as const),
  );
  it.each(cases)('%s on a %s handoff by a %s → %s', (action, state, _role, viewer, expected) => {
    const result = apply(
      state === 'not_started' ? undefined : handoffState(state),
      actions[action] as HandoffAction,
      viewer,
    );
    if (result.ok) expect(result.state.status).toBe(expected);
    else expect(result.refusal.code).toBe(expected);
  });
});

describe('applyHandoffAction', () => {
  it('when a rep submits a complete checklist, then the state moves on, the version rises and the event carries the actionId', () => {
    const result = applyHandoffAction(
      playbook,
      deal({ handoffs: { sales_to_cs: handoffState('in_progress') } }),
      {
        handoffId: 'sales_to_cs',
        actionId: 'submit-1',
        expectedVersion: 3,
        action: { type: 'submit' },
      },
      rep,
      now,
    );
    expect(result).toMatchObject({
      ok: true,
      state: { status: 'submitted', version: 4 },
      events: [{ type: 'submitted', at: now, by: 'u-rep', actionId: 'submit-1', details: {} }],
    });
  });

  it('when required items are missing, then submit is refused naming each one', () => {
    const state = handoffState('in_progress');
    delete state.items.champion;
    delete state.items.kickoff_date;
    const result = apply(state, { type: 'submit' }, rep);
    expect(result).toEqual({
      ok: false,
      refusal: {
        code: 'items_missing',
        message: 'Sales → CS cannot be submitted yet: Champion, Kickoff date are still to do.',
        details: { handoffId: 'sales_to_cs', items: ['champion', 'kickoff_date'] },
      },
    });
  });

  it("when a field-bound item's CRM field is empty, then it counts as missing", () => {
    const result = applyHandoffAction(
      playbook,
      deal({
        fields: { amount: 100, arr: '', contract_start: '2026-12-01' },
        handoffs: { sales_to_cs: handoffState('in_progress') },
      }),
      { handoffId: 'sales_to_cs', actionId: 'x', action: { type: 'submit' } },
      rep,
      now,
    );
    expect(result.ok ? undefined : result.refusal.details).toEqual({
      handoffId: 'sales_to_cs',
      items: ['arr'],
    });
  });

  it("when the handoff's criteria fail, then submit is refused with the criterion's reason", () => {
    const result = applyHandoffAction(
      playbook,
      deal({
        fields: { amount: '0', arr: 5, contract_start: '2026-12-01' },
        handoffs: { sales_to_cs: handoffState('in_progress') },
      }),
      { handoffId: 'sales_to_cs', actionId: 'x', action: { type: 'submit' } },
      rep,
      now,
    );
    expect(result).toEqual({
      ok: false,
      refusal: {
        code: 'criteria_failing',
        message: 'Sales → CS cannot be submitted yet: Amount is 0; it must be more than 0.',
        details: { handoffId: 'sales_to_cs', criteria: ['amount'] },
      },
    });
  });

  it('when the expected version is stale on a transition, then it is a conflict', () => {
    const result = apply(handoffState('submitted'), { type: 'accept' }, csManager, 2);
    expect(result).toMatchObject({
      ok: false,
      refusal: { code: 'conflict', details: { expectedVersion: 2, currentVersion: 3 } },
    });
    expect(result.ok ? '' : result.refusal.message).toBe(
      'Someone else changed Sales → CS while you were looking at it. Refresh to see the latest version.',
    );
  });

  it('when two people set different items from the same version, then both succeed', () => {
    const start = handoffState('in_progress');
    const first = applyHandoffAction(
      playbook,
      deal({ handoffs: { sales_to_cs: start } }),
      {
        handoffId: 'sales_to_cs',
        actionId: 'a',
        expectedVersion: 3,
        action: { type: 'set_item', itemId: 'risks', value: 'Budget freeze' },
      },
      rep,
      now,
    );
    if (!first.ok) throw new Error(first.refusal.message);
    const second = applyHandoffAction(
      playbook,
      deal({ handoffs: { sales_to_cs: first.state } }),
      {
        handoffId: 'sales_to_cs',
        actionId: 'b',
        expectedVersion: 3,
        action: { type: 'set_item', itemId: 'intro_call', value: true },
      },
      { userId: 'u-rep-2', roles: ['sales_rep'] },
      now + 1,
    );
    expect(second).toMatchObject({ ok: true, state: { version: 5 } });
    if (!second.ok) return;
    expect(second.state.items.risks).toEqual({
      value: 'Budget freeze',
      done: true,
      by: 'u-rep',
      at: now,
    });
    expect(second.state.items.intro_call).toEqual({
      value: true,
      done: true,
      by: 'u-rep-2',
      at: now + 1,
    });
  });

  it('when the same actionId arrives twice, then the second is a no-op', () => {
    const state = handoffState('in_progress');
    const request = {
      handoffId: 'sales_to_cs',
      actionId: 'same',
      action: { type: 'submit' as const },
    };
    const first = applyHandoffAction(
      playbook,
      deal({ handoffs: { sales_to_cs: state } }),
      request,
      rep,
      now,
    );
    if (!first.ok) throw new Error(first.refusal.message);
    const again = applyHandoffAction(
      playbook,
      deal({ handoffs: { sales_to_cs: first.state } }),
      request,
      rep,
      now + 5,
    );
    expect(again).toEqual({ ok: true, state: first.state, events: [], duplicate: true });
  });

  it('when a CS manager rejects, then the reason must be one of the playbook reasons', () => {
    expect(
      apply(handoffState('submitted'), { type: 'reject', reason: 'lazy' }, csManager),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'invalid_value', details: { reason: 'lazy' } },
    });
    const result = apply(
      handoffState('submitted'),
      { type: 'reject', reason: 'wrong_contacts', comment: '  Champion left  ' },
      csManager,
    );
    expect(result.ok && result.events[0]).toMatchObject({
      type: 'rejected',
      details: { reason: 'wrong_contacts', comment: 'Champion left' },
    });
  });

  it('when a rep edits a rejected checklist, then the rework is recorded before the edit', () => {
    const result = apply(
      handoffState('rejected'),
      { type: 'set_item', itemId: 'risks', value: 'None' },
      rep,
    );
    expect(result.ok && result.events.map((e) => e.type)).toEqual(['reworked', 'item_set']);
  });

  it.each([
    [
      'a check item given text',
      'intro_call',
      'yes',
      'Intro call between customer and CSM scheduled is a checkbox: it takes true or false.',
    ],
    [
      'a date item given a non-date',
      'kickoff_date',
      'next week',
      'Kickoff date takes a date written YYYY-MM-DD.',
    ],
    [
      'a choice item given an unknown option',
      'complexity',
      'Extreme',
      'Implementation complexity takes one of: Low, Medium, High.',
    ],
    ['a field-bound item', 'arr', 1000, "ARR comes from the record's ARR field; change it there."],
    ['an unknown item', 'budget', 'x', 'Sales → CS has no checklist item "budget".'],
  ])('when setting %s, then it is refused as invalid_value', (_what, itemId, value, message) => {
    const result = apply(handoffState('in_progress'), { type: 'set_item', itemId, value }, rep);
    expect(result).toMatchObject({ ok: false, refusal: { code: 'invalid_value', message } });
  });

  it('when the handoff has not opened yet, then every action is closed with the stage that opens it', () => {
    const result = applyHandoffAction(
      playbook,
      deal({
        stage: 'contract_sent',
        stageHistory: [{ stage: 'contract_sent', enteredAt: now - 1 }],
      }),
      {
        handoffId: 'sales_to_cs',
        actionId: 'x',
        action: { type: 'set_item', itemId: 'risks', value: 'x' },
      },
      rep,
      now,
    );
    expect(result).toMatchObject({
      ok: false,
      refusal: { code: 'closed', message: 'Sales → CS opens when the record reaches Closed won.' },
    });
  });

  it('when the handoff is unknown or the request malformed, then the refusal says so', () => {
    const unknown = applyHandoffAction(
      playbook,
      deal(),
      { handoffId: 'nope', actionId: 'x', action: { type: 'submit' } },
      rep,
      now,
    );
    expect(unknown).toMatchObject({
      ok: false,
      refusal: {
        code: 'unknown_handoff',
        message: 'There is no handoff called "nope" in the playbook.',
      },
    });
    const malformed = applyHandoffAction(
      playbook,
      deal(),
      { handoffId: 'sales_to_cs', actionId: '', action: { type: 'fly' } } as never,
      rep,
      now,
    );
    expect(malformed).toMatchObject({ ok: false, refusal: { code: 'invalid_value' } });
  });

  it('when a role may not act, then the refusal names who may', () => {
    expect(apply(handoffState('submitted'), { type: 'accept' }, rep)).toMatchObject({
      ok: false,
      refusal: {
        code: 'not_allowed',
        message: 'Only CS manager or RevOps admin may accept Sales → CS.',
      },
    });
  });
});
