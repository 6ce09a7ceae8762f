// The generated Handoff__c / Handoff_Item__c rules against the core: every action × state × role of
// the core's table, run through the validation rules as Salesforce would, must agree with
// applyHandoffAction (allowed ↔ no rule fires, and the same resulting status).
import { describe, expect, it } from 'vitest';
import { applyHandoffAction, transitionFor } from '../../shared/src/handoff/index.js';
import { TRANSITIONS } from '../../shared/src/handoff/transitions.js';
import type { HandoffAction, HandoffState, Viewer } from '../../shared/src/shapes/index.js';
import {
  PERMISSION_FOR_ROLE_LIST,
  PERMISSION_SETS,
} from '../../salesforce-package/scripts/model.js';
import { csManager, deal, handoffState, MONDAY_10AM_NY, nobody, rep } from '../shared/builders.js';
import { defaultPlaybook } from '../shared/fixtures.js';
import type { Value } from './formula.js';
import { firingRules, permissionsOf } from './org.js';

const playbook = defaultPlaybook();
const now = MONDAY_10AM_NY + 3_600_000;
const admin: Viewer = { userId: 'u-admin', roles: ['admin'] };
const states = ['not_started', 'in_progress', 'submitted', 'accepted', 'rejected'] as const;
const actions: Record<string, HandoffAction> = {
  set_item: { type: 'set_item', itemId: 'customer_goals', value: 'Grow seats' },
  submit: { type: 'submit' },
  withdraw: { type: 'withdraw' },
  accept: { type: 'accept', assigneeId: 'u-csm' },
  reject: { type: 'reject', reason: 'missing_information', comment: 'No kickoff owner' },
  reopen: { type: 'reopen' },
};
const viewers: Array<[string, Viewer]> = [
  ['rep', rep],
  ['cs manager', csManager],
  ['admin', admin],
  ['no role', nobody],
];

/** Salesforce has no teams: a viewer's roles are the permission sets standing for them. */
function permissionsOfViewer(viewer: Viewer): Set<string> {
  const sets = PERMISSION_SETS.filter((s) => s.role && viewer.roles.includes(s.role));
  return permissionsOf(sets.map((s) => s.name));
}

/** Required items typed in by people: the ones with an item record (field-bound ones live on the deal). */
const REQUIRED_ITEMS = playbook.checklists
  .find((c) => c.id === 'cs_handoff')
  ?.items.filter((i) => i.required && i.field === undefined).length as number;

/** The Handoff__c record the core's `handoffState(status)` builder stands for. */
function handoffRecord(status: HandoffState['status']): Record<string, Value> {
  const itemsDone = status === 'not_started' ? 0 : REQUIRED_ITEMS;
  return {
    Status__c: status,
    Action__c: status === 'not_started' ? null : 'set_item',
    Action_Id__c: status === 'not_started' ? null : 'a-0',
    Version__c: 3,
    Handoff_Id__c: 'sales_to_cs',
    Required_Items__c: REQUIRED_ITEMS,
    Done_Required_Items__c: itemsDone,
    Open_Required_Items__c: 0,
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

/** The writes the Salesforce panel makes for an action, and the rules each of them trips. */
function salesforceAttempt(actionType: string, status: HandoffState['status'], viewer: Viewer) {
  const permissions = permissionsOfViewer(viewer);
  const blocked: string[] = [];
  if (actionType === 'set_item') {
    // Items of a not-started handoff are created on first edit.
    const item = { Item_Id__c: 'customer_goals', Required__c: true, Done__c: false };
    blocked.push(
      ...firingRules({
        object: 'Handoff_Item__c',
        ...(status === 'not_started'
          ? {}
          : { before: { ...item, 'Handoff__r.Status__c': status } }),
        after: { ...item, Done__c: true, Value__c: 'Grow seats', 'Handoff__r.Status__c': status },
        permissions,
      }),
    );
  }
  const before = handoffRecord(status);
  const to = transitionFor(actionType as HandoffAction['type']).to;
  const after: Record<string, Value> = {
    ...before,
    Status__c: to,
    Action__c: actionType,
    Action_Id__c: 'a-1',
    Version__c: 4,
    ...(actionType === 'reject' ? REJECTION : {}),
  };
  blocked.push(...firingRules({ object: 'Handoff__c', before, after, permissions }));
  return { allowed: blocked.length === 0, status: to, blocked };
}

describe('generated handoff rules: every action × state × role agrees with the core', () => {
  const cases = Object.keys(actions).flatMap((action) =>
    states.flatMap((state) =>
      viewers.map(([role, viewer]) => [action, state, role, viewer] as const),
    ),
  );
  it.each(cases)('%s on a %s handoff by %s', (action, state, _role, viewer) => {
    const core = applyHandoffAction(
      playbook,
      deal({ handoffs: state === 'not_started' ? {} : { sales_to_cs: handoffState(state) } }),
      {
        handoffId: 'sales_to_cs',
        actionId: `a-${action}`,
        action: actions[action] as HandoffAction,
      },
      viewer,
      now,
    );
    const salesforce = salesforceAttempt(action, state, viewer);
    expect({
      allowed: salesforce.allowed,
      status: salesforce.allowed ? salesforce.status : null,
    }).toEqual({
      allowed: core.ok,
      status: core.ok ? core.state.status : null,
    });
  });
});

describe('generated handoff rules: writes that name no action, or the wrong one', () => {
  const sets = [[], ['Handoff_Sales_Rep'], ['Handoff_CS_Manager'], ['Handoff_Admin']];
  const choices = [null, ...Object.keys(actions)];
  const cases = states.flatMap((from) =>
    states.flatMap((to) =>
      choices.flatMap((action) => sets.map((set) => [from, to, action, set] as const)),
    ),
  );

  it(`when any status is written with any action by any permission set (${cases.length} saves), then only the transitions of the table pass`, () => {
    const disagreements = cases.filter(([from, to, action, set]) => {
      const permissions = permissionsOf(set);
      // Items done and a reason given, so only the status, the action and the permission decide.
      const before = {
        ...handoffRecord(from),
        Done_Required_Items__c: REQUIRED_ITEMS,
        Rejection_Reason__c: 'duplicate',
      };
      const after = action
        ? {
            ...before,
            Status__c: to,
            Action__c: action,
            Action_Id__c: 'a-new',
            ...(action === 'reject' ? REJECTION : {}),
          }
        : { ...before, Status__c: to };
      const saved = firingRules({ object: 'Handoff__c', before, after, permissions }).length === 0;
      const expected =
        from === to && action === null
          ? true
          : TRANSITIONS.some(
              (t) =>
                t.action === action &&
                t.from.includes(from) &&
                t.to === to &&
                permissions.has(PERMISSION_FOR_ROLE_LIST[t.by]),
            );
      return saved !== expected;
    });
    expect(disagreements).toEqual([]);
  });

  it('when a handoff is created, then only as not started', () => {
    const permissions = permissionsOf(['Handoff_Admin']);
    const create = (status: string) =>
      firingRules({
        object: 'Handoff__c',
        after: { ...handoffRecord('not_started'), Status__c: status },
        permissions,
      });
    expect(create('not_started')).toEqual([]);
    expect(create('accepted')).toEqual(['Starts_Not_Started']);
  });

  it('when required items are open or were never recorded, then submit is refused', () => {
    const permissions = permissionsOf(['Handoff_Sales_Rep']);
    const submit = (changes: Record<string, Value>) => {
      const before = { ...handoffRecord('in_progress'), ...changes };
      const after = { ...before, Status__c: 'submitted', Action__c: 'submit', Action_Id__c: 'a-9' };
      return firingRules({ object: 'Handoff__c', before, after, permissions });
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
        permissions: permissionsOf(['Handoff_CS_Manager']),
      }),
    ).toEqual(['Reject_Needs_Reason']);
  });

  describe('when and by whom a handoff was rejected (Rejected_At__c, Rejected_By__c)', () => {
    const csm = permissionsOf(['Handoff_CS_Manager']);
    const admin = permissionsOf(['Handoff_Admin']);
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
        permissions: csm,
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
            permissions: admin,
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
            permissions: admin,
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
          permissions: admin,
        }),
      ).toEqual([]);
    });

    it('when a handoff is created with a rejection time, then it is refused', () => {
      expect(
        firingRules({
          object: 'Handoff__c',
          after: { ...handoffRecord('not_started'), Rejected_At__c: '2026-11-20T15:00:00.000Z' },
          permissions: admin,
        }),
      ).toEqual(['Rejection_Time_Only_By_Reject']);
    });
  });

  it('when a key or playbook reference changes after creation, then it is refused', () => {
    const permissions = permissionsOf(['Handoff_Admin']);
    const before = handoffRecord('in_progress');
    expect(
      firingRules({
        object: 'Handoff__c',
        before,
        after: { ...before, Handoff_Id__c: 'sdr_to_ae' },
        permissions,
      }),
    ).toEqual(['Keys_Are_Fixed']);
    const item = { Item_Id__c: 'risks', Required__c: false, 'Handoff__r.Status__c': 'in_progress' };
    expect(
      firingRules({
        object: 'Handoff_Item__c',
        before: item,
        after: { ...item, Required__c: true },
        permissions,
      }),
    ).toEqual(['Keys_Are_Fixed']);
  });

  it('when someone without Handoff_Admin_Config edits the playbook, then it is refused', () => {
    const edit = (sets: string[]) =>
      firingRules({
        object: 'Handoff_Playbook__c',
        before: { Playbook_Text__c: 'a' },
        after: { Playbook_Text__c: 'b' },
        permissions: permissionsOf(sets),
      });
    expect(edit(['Handoff_Sales_Rep', 'Handoff_CS_Manager'])).toEqual(['Needs_Admin_Config']);
    expect(edit(['Handoff_Admin'])).toEqual([]);
  });
});
