// The generated Handoff__c / Handoff_Item__c rules against the core: every action × state × role of
// the core's table, for each handoff of the default playbook, run through the validation rules as
// Salesforce would, must agree with applyHandoffAction (allowed ↔ no rule fires, and the same
// resulting status). Roles come from the saving user's User record (Handoff_Roles__c), as the
// playbook names them.
import { describe, expect, it } from 'vitest';
import { applyHandoffAction, checklistOf, transitionFor } from '../../shared/src/handoff/index.js';
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

/** Who saves: the Handoff roles on their User record, and custom permissions from their sets. */
function savedBy(
  roles: readonly string[],
  sets: readonly string[] = [],
): Pick<Save, 'user' | 'permissions'> {
  return {
    user: { Handoff_Roles__c: roles.length > 0 ? roles.join(';') : null },
    permissions: permissionsOf(sets),
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
  Rejected_At__c: '2026-11-23T16:00:00.000Z',
  Rejected_By__c: 'u-csm',
};
/** …and with a submission and an acceptance. */
const MILESTONES: Record<string, Record<string, Value>> = {
  reject: REJECTION,
  submit: { Submitted_At__c: '2026-11-23T16:00:00.000Z', Submitted_By__c: 'u-sub2' },
  accept: { Accepted_At__c: '2026-11-23T16:00:00.000Z', Accepted_By__c: 'u-acc2' },
};

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
    const parent = { 'Handoff__r.Status__c': status, 'Handoff__r.Handoff_Id__c': handoff.id };
    const item = { Item_Id__c: handoff.item.id, Required__c: true, Done__c: false, ...parent };
    blocked.push(
      ...firingRules({
        object: 'Handoff_Item__c',
        ...(status === 'not_started' ? {} : { before: item }),
        after: {
          ...item,
          Done__c: true,
          Value__c: 'Answered',
          Done_By__c: viewer.userId,
          Done_At__c: '2026-11-23T16:00:00.000Z',
        },
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
        deal({
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
    const before = { ...handoffRecord('in_progress'), Handoff_Id__c: 'renamed_handoff' };
    const after = {
      ...before,
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
        after: { ...handoffRecord('not_started'), Accepted_By__c: 'u-acc' },
        ...savedBy(['admin']),
      }),
    ).toEqual(['Acceptance_Only_By_Accept']);
  });

  describe('item rows', () => {
    const row = (status: HandoffState['status'], handoff = salesToCs) => ({
      Item_Id__c: handoff.item.id,
      Item_Key__c: `k:${handoff.item.id}`,
      Required__c: true,
      Done__c: false,
      'Handoff__r.Status__c': status,
      'Handoff__r.Handoff_Id__c': handoff.id,
    });

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
      const answered = { ...row('in_progress'), Done__c: true, Value__c: 'Grow seats' };
      expect(
        firingRules({ object: 'Handoff_Item__c', after: answered, ...savedBy(['cs_manager']) }),
      ).toEqual(['Sales_To_Cs_Item_Roles']);
      expect(
        firingRules({
          object: 'Handoff_Item__c',
          before: row('in_progress'),
          after: answered,
          ...savedBy(['cs_manager']),
        }),
      ).toEqual(['Sales_To_Cs_Item_Roles']);
    });

    it('when a row of an accepted handoff is answered, then it is refused even for an admin', () => {
      expect(
        firingRules({
          object: 'Handoff_Item__c',
          before: row('accepted'),
          after: { ...row('accepted'), Value__c: 'Late answer' },
          ...savedBy(['admin']),
        }),
      ).toEqual(['Item_Handoff_Status']);
    });
  });

  it('when a handoff is created, then only as not started', () => {
    const create = (status: string) =>
      firingRules({
        object: 'Handoff__c',
        after: { ...handoffRecord('not_started'), Status__c: status },
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
        Rejected_By__c: 'u-csm',
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
          },
          ...admin,
        }),
      ).toEqual([]);
    });

    it('when a handoff is created with a rejection time, then it is refused', () => {
      expect(
        firingRules({
          object: 'Handoff__c',
          after: { ...handoffRecord('not_started'), Rejected_At__c: '2026-11-20T15:00:00.000Z' },
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
        after: { ...before, Handoff_Id__c: 'sdr_to_ae' },
        ...admin,
      }),
    ).toEqual(['Keys_Are_Fixed']);
    const item = { Item_Id__c: 'risks', Required__c: false, 'Handoff__r.Status__c': 'in_progress' };
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
