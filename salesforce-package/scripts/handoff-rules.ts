// The core's state machine (TRANSITIONS) as validation rules on Handoff__c and Handoff_Item__c.
// Every action writes Action__c and a fresh Action_Id__c with the status it produces; the rules then
// hold each action to its `from` statuses and its `to` status. Who may take it depends on the
// playbook's roles, so those rules are generated from the playbook (role-rules.ts).
import { TRANSITIONS, transitionFor, type Transition } from '@handoff/shared';
import {
  and,
  compare,
  isChanged,
  isNew,
  isPickval,
  not,
  or,
  permission,
  pickvalIn,
  priorValue,
  isBlank,
  user,
  type Formula,
} from './formula.js';
import { OBJECTS, USER_ROLES_FIELD, type ObjectModel } from './model.js';
import { checkRuleName, listWords, titleCase, words, type ValidationRuleModel } from './rules.js';

const HANDOFF = 'Handoff__c';
const ITEM = 'Handoff_Item__c';
const STATUS = 'Status__c';
const ACTION = 'Action__c';
const ACTION_ID = 'Action_Id__c';
const newAction = isChanged(ACTION_ID);

export function handoffRules(): ValidationRuleModel[] {
  return [
    startsNotStarted(),
    changesNameAnAction(),
    ...TRANSITIONS.map(statusRule),
    submitNeedsItems(),
    rejectNeedsReason(),
    ...rejectionMilestoneRules(),
    ...milestoneRules(),
    ...itemRules(),
    ...OBJECTS.flatMap(fixedFieldsRule),
    playbookNeedsAdmin(),
  ];
}

function rule(object: string, name: string, rest: Omit<ValidationRuleModel, 'object' | 'name'>) {
  return { object, name: checkRuleName(name), ...rest };
}

function startsNotStarted(): ValidationRuleModel {
  return rule(HANDOFF, 'Starts_Not_Started', {
    description: 'A handoff is created not started, like the INITIAL_STATE of the core.',
    formula: and(isNew(), not(isPickval(STATUS, 'not_started'))),
    message: 'A new handoff starts as not started.',
    field: STATUS,
  });
}

function changesNameAnAction(): ValidationRuleModel {
  return rule(HANDOFF, 'Changes_Name_An_Action', {
    description:
      'Status changes only through an action: a new action id and the action it is, so the rules below can check it.',
    formula: or(
      and(or(isChanged(STATUS), isChanged(ACTION)), not(newAction)),
      and(newAction, isPickval(ACTION, '')),
    ),
    message:
      'Change a handoff through its actions (submit, accept, reject, …), not by editing its status.',
    field: STATUS,
  });
}

function statusRule(t: Transition): ValidationRuleModel {
  return rule(HANDOFF, `${titleCase(t.action)}_Status`, {
    description: `Generated from the core's transition table: ${t.action} goes from ${t.from.join(', ')} to ${t.to}.`,
    formula: and(
      newAction,
      isPickval(ACTION, t.action),
      not(and(pickvalIn(priorValue(STATUS), t.from), isPickval(STATUS, t.to))),
    ),
    message: `${actionLabel(t)} is possible only when the handoff is ${listWords(t.from)}, and it makes the handoff ${words(t.to)}.`,
    field: STATUS,
  });
}

function submitNeedsItems(): ValidationRuleModel {
  const submit = transitionFor('submit');
  return rule(HANDOFF, 'Submit_Needs_Required_Items', {
    description:
      'Required items must all be done: none open (the roll-up), and one done record per required item, so items never created count as missing.',
    formula: and(
      newAction,
      isPickval(ACTION, submit.action),
      or(
        compare('Open_Required_Items__c', '>', '0'),
        compare('Done_Required_Items__c', '<', 'Required_Items__c'),
      ),
    ),
    message: 'The handoff cannot be submitted yet: required checklist items are still to do.',
    field: STATUS,
  });
}

function rejectNeedsReason(): ValidationRuleModel {
  const reject = transitionFor('reject');
  return rule(HANDOFF, 'Reject_Needs_Reason', {
    description: 'A rejection names one of the playbook reasons, as the core requires.',
    formula: and(newAction, isPickval(ACTION, reject.action), isBlank('Rejection_Reason__c')),
    message: 'Choose a reason for rejecting the handoff.',
    field: 'Rejection_Reason__c',
  });
}

/**
 * When and by whom a handoff was rejected: SLAs pause from that instant until the next submission, so
 * it must be exact. Every new rejection writes both fields, and nothing else may touch them.
 */
const REJECTED_AT = 'Rejected_At__c';
const REJECTED_BY = 'Rejected_By__c';

function rejectionMilestoneRules(): ValidationRuleModel[] {
  const reject = transitionFor('reject');
  const rejecting = and(newAction, isPickval(ACTION, reject.action));
  return [
    rule(HANDOFF, 'Reject_Records_Time_And_User', {
      description:
        'A rejection records when (a new Rejected_At__c) and by whom (Rejected_By__c): SLAs pause from that instant until the next submission.',
      formula: and(
        rejecting,
        or(not(isChanged(REJECTED_AT)), isBlank(REJECTED_AT), isBlank(REJECTED_BY)),
      ),
      message: 'A rejection must record when and by whom it was made (Rejected at, Rejected by).',
      field: REJECTED_AT,
    }),
    rule(HANDOFF, 'Rejection_Time_Only_By_Reject', {
      description:
        'Only the reject action sets Rejected_At__c and Rejected_By__c; a new handoff has neither.',
      formula: or(
        and(isNew(), or(not(isBlank(REJECTED_AT)), not(isBlank(REJECTED_BY)))),
        and(or(isChanged(REJECTED_AT), isChanged(REJECTED_BY)), not(rejecting)),
      ),
      message: 'Rejected at and Rejected by change only when the handoff is rejected.',
      field: REJECTED_AT,
    }),
  ];
}

/**
 * Submission and acceptance are recorded by their own actions only: every Handoff user may edit the
 * header (one person submits one handoff and accepts another), so the rules, not field-level
 * security, keep these milestones honest.
 */
function milestoneRules(): ValidationRuleModel[] {
  const only = (action: 'submit' | 'accept', fields: string[], name: string, label: string) =>
    rule(HANDOFF, name, {
      description: `Only the ${action} action sets ${fields.join(' and ')}; a new handoff has neither.`,
      formula: or(
        and(isNew(), or(...fields.map((f) => not(isBlank(f))))),
        and(
          or(...fields.map(isChanged)),
          not(and(newAction, isPickval(ACTION, transitionFor(action).action))),
        ),
      ),
      message: `${label} change only when the handoff is ${action === 'submit' ? 'submitted' : 'accepted'}.`,
      field: fields[0] as string,
    });
  return [
    only(
      'submit',
      ['Submitted_At__c', 'Submitted_By__c'],
      'Submission_Only_By_Submit',
      'Submitted at and Submitted by',
    ),
    only(
      'accept',
      ['Accepted_At__c', 'Accepted_By__c'],
      'Acceptance_Only_By_Accept',
      'Accepted at and Accepted by',
    ),
  ];
}

/** An item's answer changes (or a row is created with one); creating an empty row is not a change. */
export function itemValueChanges(): Formula {
  const answer = ['Value__c', 'Done__c', 'Done_By__c', 'Done_At__c'];
  return or(
    ...answer.map(isChanged),
    and(
      isNew(),
      or('Done__c', ...answer.filter((f) => f !== 'Done__c').map((f) => not(isBlank(f)))),
    ),
  );
}

function itemRules(): ValidationRuleModel[] {
  const setItem = transitionFor('set_item');
  return [
    rule(ITEM, 'Item_Handoff_Status', {
      description: `Generated from the core's transition table: answers change only while the handoff is ${setItem.from.join(', ')}; accepted handoffs are final. Empty rows may be created at any time (the panel completes a handoff's missing rows).`,
      // Read as the handoff is now, before this item is saved.
      formula: and(itemValueChanges(), not(pickvalIn(`Handoff__r.${STATUS}`, setItem.from))),
      message: `Checklist items can change only while the handoff is ${listWords(setItem.from)}. Withdraw a submitted handoff first; an accepted one is final.`,
    }),
    rule(ITEM, 'Item_Needs_A_Handoff_Role', {
      description:
        "Anyone with a Handoff role on their User record may create a handoff's item rows; whose answers they may change, the playbook's rules decide.",
      formula: and(isNew(), isBlank(user(USER_ROLES_FIELD))),
      message: 'Creating checklist items needs a Handoff role on your User record.',
    }),
  ];
}

function fixedFieldsRule(object: ObjectModel): ValidationRuleModel[] {
  const fixed = object.fields.filter((f) => f.fixed).map((f) => f.name);
  if (fixed.length === 0) return [];
  return [
    rule(object.name, 'Keys_Are_Fixed', {
      description:
        'Keys and playbook references are set when the record is created and never change.',
      formula: and(not(isNew()), or(...fixed.map(isChanged))),
      message: `${fixed.map((f) => f.replace(/__c$/, '').replace(/_/g, ' ')).join(', ')} cannot change once the record exists.`,
    }),
  ];
}

function playbookNeedsAdmin(): ValidationRuleModel {
  return rule('Handoff_Playbook__c', 'Needs_Admin_Config', {
    description: 'Only admins with Handoff_Admin_Config change the playbook, through any channel.',
    formula: not(permission('Handoff_Admin_Config')),
    message: 'Changing the Handoff playbook needs the Handoff Admin Config permission.',
  });
}

function actionLabel(t: Transition): string {
  const label = words(t.action === 'set_item' ? 'editing an item' : t.action);
  return label.charAt(0).toUpperCase() + label.slice(1);
}
