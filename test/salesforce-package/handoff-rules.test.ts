// The generated Handoff__c / Handoff_Item__c rules against the core: every action × state × role of
// the core's table, for each handoff of the default playbook, run through the validation rules as
// Salesforce would, must agree with applyHandoffAction (allowed ↔ no rule fires, and the same
// resulting status). Roles come from the saving user's User record (Handoff_Roles__c), as the
// playbook names them.
import { describe, expect, it } from 'vitest';
import { applyHandoffAction, checklistOf, transitionFor } from '../../shared/src/handoff/index.js';
import { objectOfHandoff } from '../../shared/src/playbook/index.js';
import { TRANSITIONS } from '../../shared/src/handoff/transitions.js';
import type { HandoffAction, HandoffState, Viewer } from '../../shared/src/shapes/index.js';
import {
  csManager,
  deal,
  handoffState,
  MONDAY_10AM_NY,
  nobody,
  rep,
  sdr,
} from '../shared/builders.js';
import { defaultPlaybook } from '../shared/fixtures.js';
import type { Value } from './formula.js';
import { firingRules, permissionsOf, type Save } from './org.js';

const playbook = defaultPlaybook();
const now = MONDAY_10AM_NY + 3_600_000;
const admin: Viewer = { userId: 'u-admin', roles: ['admin'] };
const states = ['not_started', 'in_progress', 'submitted', 'accepted', 'rejected'] as const;
const viewers: Array<[string, Viewer]> = [
  ['an SDR', sdr],
  ['an AE', rep],
  ['a CS manager', csManager],
  ['an admin', admin],
  ['an SDR who is also a CS manager', { userId: 'u-both', roles: ['sdr', 'cs_manager'] }],
  ['someone with no role', nobody],
];

/** The saving user's id ($User.Id) and the instant of every save (NOW()). */
const SAVER = '005000000000009AAA';
const SAVE_AT = Date.parse('2026-11-23T16:00:00.000Z');
const SAVED_AT = new Date(SAVE_AT).toISOString();
/** The opportunity every header belongs to; its key is the opportunity and the handoff. */
const OPPORTUNITY = '006000000000001AAA';

/** Who saves and when: their id and Handoff roles (User record), custom permissions from their sets. */
function savedBy(
  roles: readonly string[],
  sets: readonly string[] = [],
): Pick<Save, 'user' | 'permissions' | 'now'> {
  return {
    user: { Id: SAVER, Handoff_Roles__c: roles.length > 0 ? roles.join(';') : null },
    permissions: permissionsOf(sets),
    now: SAVE_AT,
  };
}

/** What each handoff's first typed-in item is answered with, and its rejection reason. */
const HANDOFFS = playbook.handoffs.map((handoff) => {
  const typed = (checklistOf(playbook, handoff)?.items ?? []).filter((i) => i.field === undefined);
  const answer = (kind: string, options?: readonly string[]): string | boolean | number =>
    kind === 'check'
      ? true
      : kind === 'date'
        ? '2026-12-01'
        : kind === 'number'
          ? 1
          : kind === 'choice'
            ? (options?.[0] ?? 'x')
            : 'Answered';
  const first = typed.find((i) => i.required) ?? typed[0];
  if (!first) throw new Error(`${handoff.id} has no typed-in item`);
  return {
    id: handoff.id,
    item: first,
    required: typed.filter((i) => i.required).length,
    items: Object.fromEntries(
      typed.map((i) => [
        i.id,
        { value: answer(i.kind, i.options), done: true, by: 'u-x', at: MONDAY_10AM_NY },
      ]),
    ) as HandoffState['items'],
    actions: {
      set_item: { type: 'set_item', itemId: first.id, value: answer(first.kind, first.options) },
      submit: { type: 'submit' },
      withdraw: { type: 'withdraw' },
      accept: { type: 'accept' },
      reject: { type: 'reject', reason: handoff.rejectReasons[0]?.id ?? 'x', comment: 'Not yet' },
      reopen: { type: 'reopen' },
    } as Record<string, HandoffAction>,
  };
});
const sdrToAe = HANDOFFS.find((h) => h.id === 'sdr_to_ae') as (typeof HANDOFFS)[number];
const salesToCs = HANDOFFS.find((h) => h.id === 'sales_to_cs') as (typeof HANDOFFS)[number];
const REQUIRED_ITEMS = salesToCs.required;

/** The Handoff__c record the core's `handoffState(status)` builder stands for. */
function handoffRecord(
  status: HandoffState['status'],
  handoff: (typeof HANDOFFS)[number] = salesToCs,
): Record<string, Value> {
  const itemsDone = status === 'not_started' ? 0 : handoff.required;
  return {
    Opportunity__c: OPPORTUNITY,
    'Opportunity__r.StageName': 'Closed Won',
    Record_Key__c: `${OPPORTUNITY}:${handoff.id}`,
    Status__c: status,
    Action__c: status === 'not_started' ? null : 'set_item',
    Action_Id__c: status === 'not_started' ? null : 'a-0',
    Version__c: 3,
    Handoff_Id__c: handoff.id,
    Required_Items__c: handoff.required,
    Done_Required_Items__c: itemsDone,
    Open_Required_Items__c: 0,
    Submitted_At__c: ['submitted', 'accepted', 'rejected'].includes(status)
      ? '2026-11-20T14:00:00.000Z'
      : null,
    Submitted_By__c: ['submitted', 'accepted', 'rejected'].includes(status) ? 'u-sub' : null,
    Accepted_At__c: status === 'accepted' ? '2026-11-20T16:00:00.000Z' : null,
    Accepted_By__c: status === 'accepted' ? 'u-acc' : null,
    Rejection_Reason__c: status === 'rejected' ? 'wrong_contacts' : null,
    Rejected_At__c: status === 'rejected' ? '2026-11-20T15:00:00.000Z' : null,
    Rejected_By__c: status === 'rejected' ? 'u-csm-before' : null,
  };
}

/** What the panel writes with a rejection, beside the status: a reason, the time and the user. */
const REJECTION: Record<string, Value> = {
  Rejection_Reason__c: 'missing_information',
  Rejected_At__c: SAVED_AT,
  Rejected_By__c: SAVER,
};
/** …and with a submission and an acceptance: who saves, when they save. */
const MILESTONES: Record<string, Record<string, Value>> = {
  reject: REJECTION,
  submit: { Submitted_At__c: SAVED_AT, Submitted_By__c: SAVER },
  accept: { Accepted_At__c: SAVED_AT, Accepted_By__c: SAVER },
};

const OBJECT_TYPES = { deal: 'deal', contact: 'contacts', company: 'companies' } as const;

/**
 * A record of the handoff's own object that has reached its opening stage: a won deal for the
 * deal handoffs, an MQL contact for marketing → sales, a customer company for expansion.
 */
function recordAtOpening(handoffId: string, overrides: Parameters<typeof deal>[0]) {
  const handoff = playbook.handoffs.find((h) => h.id === handoffId);
  if (!handoff) throw new Error(`no handoff ${handoffId}`);
  const object = objectOfHandoff(playbook, handoff);
  if (object === 'deal') return deal(overrides);
  return deal({
    objectType: OBJECT_TYPES[object],
    stage: handoff.opensAt,
    fields: {},
    stageHistory: [{ stage: handoff.opensAt, enteredAt: MONDAY_10AM_NY }],
    ...overrides,
  });
}

/** A header as the panel creates it: not started, at version 0. */
function newHeader(handoff: (typeof HANDOFFS)[number] = salesToCs): Record<string, Value> {
  return { ...handoffRecord('not_started', handoff), Version__c: 0 };
}

/** An item row of the handoff, keyed under its header, as the panel creates it. */
function itemRow(
  status: HandoffState['status'],
  handoff: (typeof HANDOFFS)[number] = salesToCs,
  item: { id: string; required: boolean } = handoff.item,
): Record<string, Value> {
  const key = `${OPPORTUNITY}:${handoff.id}`;
  return {
    Item_Id__c: item.id,
    Item_Key__c: `${key}:${item.id}`,
    Required__c: item.required,
    Done__c: false,
    'Handoff__r.Status__c': status,
    'Handoff__r.Handoff_Id__c': handoff.id,
    'Handoff__r.Record_Key__c': key,
  };
}

/** An answer as the panel writes it: the value, done, by the saver, now. */
function answered(value: Value): Record<string, Value> {
  return { Value__c: value, Done__c: true, Done_By__c: SAVER, Done_At__c: SAVED_AT };
}

/** The writes the Salesforce panel makes for an action, and the rules each of them trips. */
function salesforceAttempt(
  handoff: (typeof HANDOFFS)[number],
  actionType: string,
  status: HandoffState['status'],
  viewer: Viewer,
) {
  const who = savedBy(viewer.roles);
  const blocked: string[] = [];
  if (actionType === 'set_item') {
    // Items of a not-started handoff are created on first edit.
    const item = itemRow(status, handoff);
    const action = handoff.actions.set_item as Extract<HandoffAction, { type: 'set_item' }>;
    blocked.push(
      ...firingRules({
        object: 'Handoff_Item__c',
        ...(status === 'not_started' ? {} : { before: item }),
        after: { ...item, ...answered(String(action.value)) },
        ...who,
      }),
    );
  }
  const before = handoffRecord(status, handoff);
  const to = transitionFor(actionType as HandoffAction['type']).to;
  const after: Record<string, Value> = {
    ...before,
    Status__c: to,
    Action__c: actionType,
    Action_Id__c: 'a-1',
    Version__c: 4,
    ...(MILESTONES[actionType] ?? {}),
  };
  blocked.push(...firingRules({ object: 'Handoff__c', before, after, ...who }));
  return { allowed: blocked.length === 0, status: to, blocked };
}

describe.each(HANDOFFS.map((h) => [h.id, h] as const))(
  'generated rules for %s: every action × state × role agrees with the core',
  (handoffId, handoff) => {
    const cases = Object.keys(handoff.actions).flatMap((action) =>
      states.flatMap((state) =>
        viewers.map(([who, viewer]) => [action, state, who, viewer] as const),
      ),
    );
    it.each(cases)('%s on a %s handoff by %s', (action, state, _who, viewer) => {
      const core = applyHandoffAction(
        playbook,
        recordAtOpening(handoffId, {
          handoffs:
            state === 'not_started'
              ? {}
              : { [handoffId]: handoffState(state, { items: handoff.items }) },
        }),
        { handoffId, actionId: `a-${action}`, action: handoff.actions[action] as HandoffAction },
        viewer,
        now,
      );
      const salesforce = salesforceAttempt(handoff, action, state, viewer);
      expect({
        allowed: salesforce.allowed,
        status: salesforce.allowed ? salesforce.status : null,
      }).toEqual({
        allowed: core.ok,
        status: core.ok ? core.state.status : null,
      });
    });
  },
);

describe('the SDR → AE handoff on Salesforce (the playbook: submit sdr, admin; accept and reject sales_rep, admin)', () => {
  const attempt = (action: string, status: HandoffState['status'], viewer: Viewer) =>
    salesforceAttempt(sdrToAe, action, status, viewer).blocked;

  it('when the SDR submits, then it is saved; when an AE submits, then the role rule refuses', () => {
    expect(attempt('submit', 'in_progress', sdr)).toEqual([]);
    expect(attempt('submit', 'in_progress', rep)).toEqual(['Sdr_To_Ae_Submit_Roles']);
  });

  it('when the AE accepts or rejects, then it is saved; when a CS manager accepts, then the role rule refuses', () => {
    expect(attempt('accept', 'submitted', rep)).toEqual([]);
    expect(attempt('reject', 'submitted', rep)).toEqual([]);
    expect(attempt('accept', 'submitted', csManager)).toEqual(['Sdr_To_Ae_Accept_Roles']);
    expect(attempt('accept', 'submitted', sdr)).toEqual(['Sdr_To_Ae_Accept_Roles']);
  });

  it('when an AE answers an SDR item, then the item rule refuses it', () => {
    // The item write and the header's (the attempt writes both) are each refused.
    expect(attempt('set_item', 'in_progress', rep)).toEqual([
      'Sdr_To_Ae_Item_Roles',
      'Sdr_To_Ae_Set_Item_Roles',
    ]);
    expect(attempt('set_item', 'in_progress', sdr)).toEqual([]);
  });
});

describe('generated handoff rules: writes that name no action, or the wrong one', () => {
  const roleSets = [[], ['sdr'], ['sales_rep'], ['cs_manager'], ['admin']];
  const choices = [null, ...Object.keys(salesToCs.actions)];
  const cases = HANDOFFS.flatMap((handoff) =>
    states.flatMap((from) =>
      states.flatMap((to) =>
        choices.flatMap((action) =>
          roleSets.map((roles) => [handoff, from, to, action, roles] as const),
        ),
      ),
    ),
  );

  it(`when any status is written with any action by any role (${cases.length} saves), then only the transitions of the table pass, for the roles the playbook names`, () => {
    const disagreements = cases.filter(([handoff, from, to, action, roles]) => {
      const def = playbook.handoffs.find((h) => h.id === handoff.id);
      // Items done and a reason given, so only the status, the action and the roles decide.
      const before = {
        ...handoffRecord(from, handoff),
        Done_Required_Items__c: handoff.required,
        Rejection_Reason__c: 'duplicate',
      };
      const after = action
        ? {
            ...before,
            Status__c: to,
            Action__c: action,
            Action_Id__c: 'a-new',
            Version__c: 4,
            ...(MILESTONES[action] ?? {}),
          }
        : { ...before, Status__c: to };
      const saved =
        firingRules({ object: 'Handoff__c', before, after, ...savedBy(roles) }).length === 0;
      const expected =
        from === to && action === null
          ? true
          : TRANSITIONS.some(
              (t) =>
                t.action === action &&
                t.from.includes(from) &&
                t.to === to &&
                roles.some((r) => def?.[t.by].includes(r)),
            );
      return saved !== expected;
    });
    expect(disagreements.map(([h, ...rest]) => [h.id, ...rest])).toEqual([]);
  });

  it('when an action names a handoff the deployed playbook does not have, then it is refused even for an admin', () => {
    const before = {
      ...handoffRecord('in_progress'),
      Handoff_Id__c: 'renamed_handoff',
      Record_Key__c: `${OPPORTUNITY}:renamed_handoff`,
    };
    const after = {
      ...before,
      Version__c: 4,
      Status__c: 'submitted',
      Action__c: 'submit',
      Action_Id__c: 'a-9',
      ...MILESTONES.submit,
    };
    expect(firingRules({ object: 'Handoff__c', before, after, ...savedBy(['admin']) })).toEqual([
      'Handoff_In_Playbook',
    ]);
  });

  it('when submission or acceptance fields change outside their action, then it is refused, even for an admin', () => {
    const accepted = handoffRecord('accepted');
    const edits: Record<string, Value>[] = [
      { Submitted_By__c: 'u-other' },
      { Accepted_At__c: '2026-11-24T09:00:00.000Z' },
    ];
    for (const edit of edits) {
      const fired = firingRules({
        object: 'Handoff__c',
        before: accepted,
        after: { ...accepted, ...edit },
        ...savedBy(['admin']),
      });
      expect(fired).toHaveLength(1);
      expect(fired[0]).toMatch(/^(Submission_Only_By_Submit|Acceptance_Only_By_Accept)$/);
    }
    expect(
      firingRules({
        object: 'Handoff__c',
        after: { ...newHeader(), Accepted_By__c: 'u-acc' },
        ...savedBy(['admin']),
      }),
    ).toEqual(['Acceptance_Only_By_Accept']);
  });

  describe('item rows', () => {
    const row = (status: HandoffState['status']) => itemRow(status);

    it.each(states)(
      'when a CS manager opens a %s handoff whose rows are missing, then the panel may create the empty rows',
      (status) => {
        expect(
          firingRules({
            object: 'Handoff_Item__c',
            after: row(status),
            ...savedBy(['cs_manager']),
          }),
        ).toEqual([]);
      },
    );

    it('when someone with no Handoff role creates a row, then it is refused', () => {
      expect(
        firingRules({ object: 'Handoff_Item__c', after: row('in_progress'), ...savedBy([]) }),
      ).toEqual(['Item_Needs_A_Handoff_Role']);
    });

    it('when a CS manager creates a row with an answer, or answers one, then the role rule refuses it', () => {
      const answer = { ...row('in_progress'), ...answered('Grow seats') };
      expect(
        firingRules({ object: 'Handoff_Item__c', after: answer, ...savedBy(['cs_manager']) }),
      ).toEqual(['Sales_To_Cs_Item_Roles']);
      expect(
        firingRules({
          object: 'Handoff_Item__c',
          before: row('in_progress'),
          after: answer,
          ...savedBy(['cs_manager']),
        }),
      ).toEqual(['Sales_To_Cs_Item_Roles']);
    });

    it('when a row of an accepted handoff is answered, then it is refused even for an admin', () => {
      expect(
        firingRules({
          object: 'Handoff_Item__c',
          before: row('accepted'),
          after: { ...row('accepted'), ...answered('Late answer') },
          ...savedBy(['admin']),
        }),
      ).toEqual(['Item_Handoff_Status']);
    });
  });

  it('when a handoff is created, then only as not started', () => {
    const create = (status: string) =>
      firingRules({
        object: 'Handoff__c',
        after: { ...newHeader(), Status__c: status },
        ...savedBy(['admin']),
      });
    expect(create('not_started')).toEqual([]);
    expect(create('accepted')).toEqual(['Starts_Not_Started']);
  });

  it('when required items are open or were never recorded, then submit is refused', () => {
    const submit = (changes: Record<string, Value>) => {
      const before = { ...handoffRecord('in_progress'), ...changes };
      const after = {
        ...before,
        ...MILESTONES.submit,
        Status__c: 'submitted',
        Action__c: 'submit',
        Action_Id__c: 'a-9',
        Version__c: 4,
      };
      return firingRules({ object: 'Handoff__c', before, after, ...savedBy(['sales_rep']) });
    };
    expect(submit({})).toEqual([]);
    expect(submit({ Open_Required_Items__c: 1 })).toEqual(['Submit_Needs_Required_Items']);
    expect(submit({ Done_Required_Items__c: REQUIRED_ITEMS - 1 })).toEqual([
      'Submit_Needs_Required_Items',
    ]);
  });

  it('when a rejection has no reason, then it is refused', () => {
    const before = handoffRecord('submitted');
    const after = {
      ...before,
      ...REJECTION,
      Rejection_Reason__c: null,
      Status__c: 'rejected',
      Action__c: 'reject',
      Action_Id__c: 'a-9',
      Version__c: 4,
    };
    expect(
      firingRules({
        object: 'Handoff__c',
        before,
        after,
        ...savedBy(['cs_manager']),
      }),
    ).toEqual(['Reject_Needs_Reason']);
  });

  describe('when and by whom a handoff was rejected (Rejected_At__c, Rejected_By__c)', () => {
    const csm = savedBy(['cs_manager']);
    const admin = savedBy(['admin']);
    const reject = (before: Record<string, Value>, changes: Record<string, Value>) =>
      firingRules({
        object: 'Handoff__c',
        before,
        after: {
          ...before,
          ...REJECTION,
          Status__c: 'rejected',
          Action__c: 'reject',
          Action_Id__c: 'a-9',
          Version__c: 4,
          ...changes,
        },
        ...csm,
      });

    it('when a rejection records its time and user, then it is saved', () => {
      expect(reject(handoffRecord('submitted'), {})).toEqual([]);
    });

    it('when a rejection leaves the time or the user out, then it is refused', () => {
      const submitted = handoffRecord('submitted');
      expect(reject(submitted, { Rejected_At__c: null })).toEqual(['Reject_Records_Time_And_User']);
      expect(reject(submitted, { Rejected_By__c: null })).toEqual(['Reject_Records_Time_And_User']);
    });

    it('when a second rejection keeps the first one’s time, then it is refused (the pause would start too early)', () => {
      // Rejected once, reworked and resubmitted: the header still holds the first rejection.
      const resubmitted = {
        ...handoffRecord('submitted'),
        Rejected_At__c: '2026-11-20T15:00:00.000Z',
        Rejected_By__c: SAVER,
      };
      expect(reject(resubmitted, { Rejected_At__c: '2026-11-20T15:00:00.000Z' })).toEqual([
        'Reject_Records_Time_And_User',
      ]);
      // The same person rejecting again at a new time is fine.
      expect(reject(resubmitted, {})).toEqual([]);
    });

    it('when any other action or a plain edit changes them, then it is refused, even for an admin', () => {
      const rejected = handoffRecord('rejected');
      const edits: Record<string, Value>[] = [
        { Rejected_At__c: '2026-11-21T09:00:00.000Z' },
        { Rejected_By__c: 'u-someone-else' },
        { Rejected_At__c: null, Rejected_By__c: null },
      ];
      for (const edit of edits) {
        expect(
          firingRules({
            object: 'Handoff__c',
            before: rejected,
            after: { ...rejected, ...edit },
            ...admin,
          }),
        ).toEqual(['Rejection_Time_Only_By_Reject']);
        expect(
          firingRules({
            object: 'Handoff__c',
            before: rejected,
            after: {
              ...rejected,
              ...edit,
              Status__c: 'in_progress',
              Action__c: 'reopen',
              Action_Id__c: 'a-9',
              Version__c: 4,
            },
            ...admin,
          }),
        ).toEqual(['Rejection_Time_Only_By_Reject']);
      }
      // Reworking without touching them keeps the last rejection on record.
      expect(
        firingRules({
          object: 'Handoff__c',
          before: rejected,
          after: {
            ...rejected,
            Status__c: 'in_progress',
            Action__c: 'reopen',
            Action_Id__c: 'a-9',
            Version__c: 4,
          },
          ...admin,
        }),
      ).toEqual([]);
    });

    it('when a handoff is created with a rejection time, then it is refused', () => {
      expect(
        firingRules({
          object: 'Handoff__c',
          after: { ...newHeader(), Rejected_At__c: '2026-11-20T15:00:00.000Z' },
          ...admin,
        }),
      ).toEqual(['Rejection_Time_Only_By_Reject']);
    });
  });

  it('when a key or playbook reference changes after creation, then it is refused', () => {
    const admin = savedBy(['admin']);
    const before = handoffRecord('in_progress');
    expect(
      firingRules({
        object: 'Handoff__c',
        before,
        after: { ...before, Handoff_Id__c: 'sdr_to_ae', Record_Key__c: `${OPPORTUNITY}:sdr_to_ae` },
        ...admin,
      }),
    ).toEqual(['Keys_Are_Fixed']);
    const item = itemRow('in_progress', salesToCs, { id: 'risks', required: false });
    expect(
      firingRules({
        object: 'Handoff_Item__c',
        before: item,
        after: { ...item, Required__c: true },
        ...admin,
      }),
    ).toEqual(['Keys_Are_Fixed']);
  });

  it('when someone without Handoff_Admin_Config edits the playbook, then it is refused', () => {
    const edit = (sets: string[], roles: string[]) =>
      firingRules({
        object: 'Handoff_Playbook__c',
        before: { Playbook_Text__c: 'a' },
        after: { Playbook_Text__c: 'b' },
        ...savedBy(roles, sets),
      });
    // The admin role alone does not open the playbook: the permission set's custom permission does.
    expect(edit(['Handoff_User'], ['admin'])).toEqual(['Needs_Admin_Config']);
    expect(edit(['Handoff_Admin'], [])).toEqual([]);
  });
});

describe('who did it and when: the saving user, now (issue 17, item 16)', () => {
  const minutes = (n: number) => new Date(SAVE_AT + n * 60_000).toISOString();
  const act = (action: 'submit' | 'accept' | 'reject', stamp: Record<string, Value>) => {
    const from = action === 'submit' ? 'in_progress' : 'submitted';
    const before = handoffRecord(from);
    const roles = action === 'submit' ? ['sales_rep'] : ['cs_manager'];
    return firingRules({
      object: 'Handoff__c',
      before,
      after: {
        ...before,
        ...MILESTONES[action],
        Status__c: transitionFor(action).to,
        Action__c: action,
        Action_Id__c: 'a-9',
        Version__c: 4,
        ...stamp,
      },
      ...savedBy(roles),
    });
  };

  it.each([
    ['submit', 'Submitted_By__c', 'Submitted_At__c', 'Submit_Records_You_And_Now'],
    ['accept', 'Accepted_By__c', 'Accepted_At__c', 'Accept_Records_You_And_Now'],
    ['reject', 'Rejected_By__c', 'Rejected_At__c', 'Reject_Records_Time_And_User'],
  ] as const)(
    'when %s names someone else, or a time in 2020, 2099 or 6 minutes off, then it is refused; 4 minutes off (clock skew) is saved',
    (action, by, at, rule) => {
      expect(act(action, {})).toEqual([]);
      expect(act(action, { [by]: '005000000000077AAA' })).toEqual([rule]);
      expect(act(action, { [at]: '2020-01-01T00:00:00.000Z' })).toEqual([rule]);
      expect(act(action, { [at]: '2099-01-01T00:00:00.000Z' })).toEqual([rule]);
      expect(act(action, { [at]: minutes(6) })).toEqual([rule]);
      expect(act(action, { [at]: minutes(-6) })).toEqual([rule]);
      expect(act(action, { [at]: minutes(4) })).toEqual([]);
      expect(act(action, { [at]: minutes(-4) })).toEqual([]);
    },
  );

  it('when an answer names someone else or another time, then it is refused', () => {
    const answer = (stamp: Record<string, Value>) =>
      firingRules({
        object: 'Handoff_Item__c',
        before: itemRow('in_progress'),
        after: { ...itemRow('in_progress'), ...answered('Grow seats'), ...stamp },
        ...savedBy(['sales_rep']),
      });
    expect(answer({})).toEqual([]);
    expect(answer({ Done_By__c: '005000000000077AAA' })).toEqual(['Item_Records_You_And_Now']);
    expect(answer({ Done_At__c: '2020-01-01T00:00:00.000Z' })).toEqual([
      'Item_Records_You_And_Now',
    ]);
    expect(answer({ Done_At__c: null })).toEqual(['Item_Records_You_And_Now']);
  });
});

describe('checklist counts and flags come from the playbook, not the rep (issue 17, item 15)', () => {
  const rep = savedBy(['sales_rep']);
  const risks = { id: 'risks', required: false };

  it('when a rep creates a header whose required count is not the playbook’s (0), then it is refused', () => {
    expect(firingRules({ object: 'Handoff__c', after: newHeader(), ...rep })).toEqual([]);
    expect(
      firingRules({
        object: 'Handoff__c',
        after: { ...newHeader(), Required_Items__c: 0 },
        ...rep,
      }),
    ).toEqual(['Required_Items_From_Playbook']);
  });

  it('when a rep creates a row that is not a playbook item, or flips its Required flag, then it is refused', () => {
    const create = (row: Record<string, Value>) =>
      firingRules({ object: 'Handoff_Item__c', after: row, ...rep });
    expect(create(itemRow('in_progress'))).toEqual([]);
    expect(create(itemRow('in_progress', salesToCs, risks))).toEqual([]);
    expect(create(itemRow('in_progress', salesToCs, { id: 'invented', required: true }))).toEqual([
      'Sales_To_Cs_Items_From_Playbook',
    ]);
    expect(create(itemRow('in_progress', salesToCs, { id: 'risks', required: true }))).toEqual([
      'Sales_To_Cs_Items_From_Playbook',
    ]);
    expect(
      create(itemRow('in_progress', salesToCs, { id: salesToCs.item.id, required: false })),
    ).toEqual(['Sales_To_Cs_Items_From_Playbook']);
  });

  it('when a row’s key names another item or handoff, then it is refused (the unique key keeps one row per item)', () => {
    expect(
      firingRules({
        object: 'Handoff_Item__c',
        after: { ...itemRow('in_progress'), Item_Key__c: `${OPPORTUNITY}:sales_to_cs:risks` },
        ...rep,
      }),
    ).toEqual(['Item_Key_Names_Its_Item']);
  });

  it('when an item is marked done with no answer, or one not of its type, then it is refused', () => {
    const mark = (itemId: string, value: Value) => {
      const item = { id: itemId, required: itemId !== 'risks' && itemId !== 'intro_call' };
      const row = itemRow('in_progress', salesToCs, item);
      return firingRules({
        object: 'Handoff_Item__c',
        before: row,
        after: { ...row, ...answered(value) },
        ...rep,
      });
    };
    expect(mark('customer_goals', 'Grow seats')).toEqual([]);
    expect(mark('customer_goals', null)).toEqual([
      'Done_Needs_A_Value',
      'Sales_To_Cs_Answer_Types',
    ]);
    expect(mark('customer_goals', '   ')).toEqual(['Sales_To_Cs_Answer_Types']);
    expect(mark('renewal_date', '2027-01-31')).toEqual([]);
    expect(mark('renewal_date', 'next year')).toEqual(['Sales_To_Cs_Answer_Types']);
    expect(mark('intro_call', 'true')).toEqual([]);
    expect(mark('intro_call', 'false')).toEqual(['Sales_To_Cs_Answer_Types']);
    expect(mark('complexity', 'Medium')).toEqual([]);
    expect(mark('complexity', 'Enormous')).toEqual(['Sales_To_Cs_Answer_Types']);
  });
});

describe('rep-side writes no action explains (issue 17, item 19)', () => {
  const rep = savedBy(['sales_rep']);

  it('when the rejection comment or the version is edited with no action, then it is refused', () => {
    const rejected = handoffRecord('rejected');
    const edit = (changes: Record<string, Value>) =>
      firingRules({
        object: 'Handoff__c',
        before: rejected,
        after: { ...rejected, ...changes },
        ...rep,
      }).sort();
    expect(edit({ Rejection_Comment__c: 'They said it was fine' })).toEqual([
      'Changes_Name_An_Action',
      'Rejection_Only_By_Reject',
    ]);
    expect(edit({ Version__c: 99 })).toEqual(['Changes_Name_An_Action']);
  });

  it('when an action does not raise the version by exactly one, then it is refused', () => {
    const before = handoffRecord('in_progress');
    const submit = (version: Value) =>
      firingRules({
        object: 'Handoff__c',
        before,
        after: {
          ...before,
          ...MILESTONES.submit,
          Status__c: 'submitted',
          Action__c: 'submit',
          Action_Id__c: 'a-9',
          Version__c: version,
        },
        ...rep,
      });
    expect(submit(4)).toEqual([]);
    expect(submit(3)).toEqual(['Version_Rises_By_One']);
    expect(submit(10)).toEqual(['Version_Rises_By_One']);
  });

  it('when a header is created for a handoff the playbook does not have, then it is refused', () => {
    expect(
      firingRules({
        object: 'Handoff__c',
        after: {
          ...newHeader(),
          Handoff_Id__c: 'invented',
          Record_Key__c: `${OPPORTUNITY}:invented`,
        },
        ...rep,
      }).sort(),
    ).toEqual(['Handoff_In_Playbook', 'Required_Items_From_Playbook']);
  });

  it('when a header’s key is not its opportunity and handoff (a way round the unique key), then it is refused', () => {
    expect(
      firingRules({
        object: 'Handoff__c',
        after: { ...newHeader(), Record_Key__c: `${OPPORTUNITY}:sales_to_cs:2` },
        ...rep,
      }),
    ).toEqual(['Record_Key_Names_Its_Handoff']);
  });

  it('when sales_to_cs is submitted while the opportunity is in Prospecting, then it is refused', () => {
    const before = { ...handoffRecord('in_progress'), 'Opportunity__r.StageName': 'Prospecting' };
    expect(
      firingRules({
        object: 'Handoff__c',
        before,
        after: {
          ...before,
          ...MILESTONES.submit,
          Status__c: 'submitted',
          Action__c: 'submit',
          Action_Id__c: 'a-9',
          Version__c: 4,
        },
        ...rep,
      }),
    ).toEqual(['Sales_To_Cs_Submit_After_Opening']);
  });
});

describe('Handoff roles on the User record (issue 17, item 17)', () => {
  const save = (
    before: Record<string, Value> | undefined,
    after: Record<string, Value>,
    sets: string[],
  ) =>
    firingRules({
      object: 'User',
      ...(before ? { before } : {}),
      after,
      ...savedBy(['sales_rep'], sets),
    });

  it('when a user adds a role to their own record, then it is refused; a Handoff_Admin_Config holder may', () => {
    const me = { Handoff_Roles__c: 'sales_rep', Name: 'Rep' };
    const promoted = { ...me, Handoff_Roles__c: 'sales_rep;cs_manager' };
    expect(save(me, promoted, ['Handoff_User'])).toEqual(['Handoff_Roles_Need_Admin_Config']);
    expect(save(me, promoted, ['Handoff_Admin'])).toEqual([]);
    expect(save(me, { ...me, Name: 'Rep Renamed' }, ['Handoff_User'])).toEqual([]);
  });

  it('when a user is created with Handoff roles by someone without the permission, then it is refused', () => {
    expect(save(undefined, { Handoff_Roles__c: 'admin' }, [])).toEqual([
      'Handoff_Roles_Need_Admin_Config',
    ]);
    expect(save(undefined, { Handoff_Roles__c: null }, [])).toEqual([]);
  });
});
