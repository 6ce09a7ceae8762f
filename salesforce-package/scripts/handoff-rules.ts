// The core's state machine (TRANSITIONS) as validation rules on Handoff__c and Handoff_Item__c.
// Every action writes Action__c and a fresh Action_Id__c with the status it produces; the rules then
// hold each action to its `from` statuses, its `to` status and the custom permission of its role list.
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
} from './formula.js';
import { OBJECTS, PERMISSION_FOR_ROLE_LIST, type ObjectModel } from './model.js';
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
    ...TRANSITIONS.flatMap((t) => [statusRule(t), permissionRule(t)]),
    submitNeedsItems(),
    rejectNeedsReason(),
    ...rejectionMilestoneRules(),
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

function permissionRule(t: Transition): ValidationRuleModel {
  const needed = PERMISSION_FOR_ROLE_LIST[t.by];
  return rule(HANDOFF, `${titleCase(t.action)}_Permission`, {
    description: `Generated from the core's transition table: ${t.action} is for the ${t.by} roles, which hold ${needed}.`,
    formula: and(newAction, isPickval(ACTION, t.action), not(permission(needed))),
    message: `${actionLabel(t)} needs the ${words(needed)} permission.`,
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

function itemRules(): ValidationRuleModel[] {
  const setItem = transitionFor('set_item');
  const needed = PERMISSION_FOR_ROLE_LIST[setItem.by];
  return [
    rule(ITEM, 'Item_Handoff_Status', {
      description: `Generated from the core's transition table: items change only while the handoff is ${setItem.from.join(', ')}; accepted handoffs are final.`,
      // Read as the handoff is now, before this item is saved.
      formula: not(pickvalIn(`Handoff__r.${STATUS}`, setItem.from)),
      message: `Checklist items can change only while the handoff is ${listWords(setItem.from)}. Withdraw a submitted handoff first; an accepted one is final.`,
    }),
    rule(ITEM, 'Item_Permission', {
      description: `Generated from the core's transition table: ${setItem.action} is for the ${setItem.by} roles, which hold ${needed}.`,
      formula: not(permission(needed)),
      message: `Changing checklist items needs the ${words(needed)} permission.`,
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
