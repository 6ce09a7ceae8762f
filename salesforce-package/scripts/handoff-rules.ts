// The core's state machine (TRANSITIONS) as validation rules on Handoff__c and Handoff_Item__c.
// Every action writes Action__c and a fresh Action_Id__c with the status it produces; the rules then
// hold each action to its `from` statuses and its `to` status. Who may take it depends on the
// playbook's roles, so those rules are generated from the playbook (role-rules.ts).
import { TRANSITIONS, transitionFor, type Transition } from '@handoff/shared';
import {
  and,
  caseSafeId,
  compare,
  isChanged,
  isNew,
  isPickval,
  join,
  not,
  or,
  permission,
  pickvalIn,
  priorValue,
  isBlank,
  text,
  user,
  userId,
  withinMinutesOfNow,
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
/**
 * How far a who-did-it time may be from the server's clock at the save. The panel stamps the
 * browser's time, which may be off by a little; a forged "2020" or "2099" is off by years.
 */
export const STAMP_TOLERANCE_MINUTES = 5;

/** The saving user, now: a who-did-it pair that names anyone else or another time is refused. */
function stampedNow(byField: string, atField: string): Formula {
  return and(compare(byField, '=', userId()), withinMinutesOfNow(atField, STAMP_TOLERANCE_MINUTES));
}

export function handoffRules(): ValidationRuleModel[] {
  return [
    startsNotStarted(),
    changesNameAnAction(),
    versionRisesByOne(),
    recordKeyNamesItsHandoff(),
    ...TRANSITIONS.map(statusRule),
    submitNeedsItems(),
    rejectNeedsReason(),
    ...rejectionMilestoneRules(),
    ...milestoneRules(),
    ...itemRules(),
    ...OBJECTS.flatMap(fixedFieldsRule),
    playbookNeedsAdmin(),
    rolesNeedAdmin(),
  ];
}

function rule(object: string, name: string, rest: Omit<ValidationRuleModel, 'object' | 'name'>) {
  return { object, name: checkRuleName(name), ...rest };
}

function startsNotStarted(): ValidationRuleModel {
  return rule(HANDOFF, 'Starts_Not_Started', {
    description:
      'A handoff is created not started at version 0, like the INITIAL_STATE of the core.',
    formula: and(
      isNew(),
      or(not(isPickval(STATUS, 'not_started')), isBlank(VERSION), compare(VERSION, '<>', '0')),
    ),
    message: 'A new handoff starts as not started, at version 0.',
    field: STATUS,
  });
}

const VERSION = 'Version__c';
/** Fields only an action changes: its status, its name, the version it counts and the rejection it records. */
const ACTION_FIELDS = [
  STATUS,
  ACTION,
  VERSION,
  'Rejection_Reason__c',
  'Rejection_Comment__c',
] as const;

function changesNameAnAction(): ValidationRuleModel {
  return rule(HANDOFF, 'Changes_Name_An_Action', {
    description:
      'Status, version and rejection change only through an action: a new action id and the action it is, so the rules below can check it.',
    formula: or(
      and(or(...ACTION_FIELDS.map(isChanged)), not(newAction)),
      and(newAction, isPickval(ACTION, '')),
    ),
    message:
      'Change a handoff through its actions (submit, accept, reject, …), not by editing its status.',
    field: STATUS,
  });
}

function versionRisesByOne(): ValidationRuleModel {
  return rule(HANDOFF, 'Version_Rises_By_One', {
    description:
      "Every action raises the version by exactly one, as the core's does (item edits that leave the status as it is are counted on their items, not here).",
    formula: and(
      newAction,
      or(isBlank(VERSION), compare(VERSION, '<>', `${priorValue(VERSION)} + 1`)),
    ),
    message: 'Someone else changed this handoff meanwhile: reload it and try again.',
    field: STATUS,
  });
}

/**
 * The record key is the opportunity's 18-character id and the playbook handoff id. The key is a
 * unique external id, so a second header for the same opportunity and handoff is a duplicate
 * [https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customfield.htm].
 */
function recordKeyNamesItsHandoff(): ValidationRuleModel {
  return rule(HANDOFF, 'Record_Key_Names_Its_Handoff', {
    description:
      'Record_Key__c is the opportunity id and the handoff id, so the unique key allows one handoff header per opportunity and handoff.',
    formula: compare(
      'Record_Key__c',
      '<>',
      join(caseSafeId('Opportunity__c'), text(':'), 'Handoff_Id__c'),
    ),
    message:
      'The record key must be the opportunity id and the handoff id ("<opportunity>:<handoff>").',
    field: 'Record_Key__c',
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
const REASON = 'Rejection_Reason__c';
const COMMENT = 'Rejection_Comment__c';

function rejectionMilestoneRules(): ValidationRuleModel[] {
  const reject = transitionFor('reject');
  const rejecting = and(newAction, isPickval(ACTION, reject.action));
  return [
    rule(HANDOFF, 'Reject_Records_Time_And_User', {
      description: `A rejection records when (a new Rejected_At__c, within ${STAMP_TOLERANCE_MINUTES} minutes of the save) and by whom (Rejected_By__c, the saving user): SLAs pause from that instant until the next submission.`,
      formula: and(
        rejecting,
        or(not(isChanged(REJECTED_AT)), not(stampedNow(REJECTED_BY, REJECTED_AT))),
      ),
      message:
        'A rejection must record that you made it, now (Rejected by: you; Rejected at: the current time).',
      field: REJECTED_AT,
    }),
    rule(HANDOFF, 'Rejection_Only_By_Reject', {
      description:
        'Only the reject action sets the rejection reason and comment; a new handoff has neither.',
      formula: or(
        and(isNew(), or(not(isBlank(REASON)), not(isBlank(COMMENT)))),
        and(or(isChanged(REASON), isChanged(COMMENT)), not(rejecting)),
      ),
      message: 'The rejection reason and comment change only when the handoff is rejected.',
      field: REASON,
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
  const stamped = (action: 'submit' | 'accept', by: string, at: string, name: string) =>
    rule(HANDOFF, name, {
      description: `The ${action} action records the saving user ($User.Id) in ${by} and a time within ${STAMP_TOLERANCE_MINUTES} minutes of the save in ${at}: they drive SLA pauses and metrics.`,
      formula: and(
        newAction,
        isPickval(ACTION, transitionFor(action).action),
        not(stampedNow(by, at)),
      ),
      message: `${action === 'submit' ? 'A submission' : 'An acceptance'} must record that you made it, now.`,
      field: at,
    });
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
    stamped('submit', 'Submitted_By__c', 'Submitted_At__c', 'Submit_Records_You_And_Now'),
    stamped('accept', 'Accepted_By__c', 'Accepted_At__c', 'Accept_Records_You_And_Now'),
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
    rule(ITEM, 'Item_Records_You_And_Now', {
      description: `An answer records who gave it (Done_By__c, the saving user) and when (Done_At__c, within ${STAMP_TOLERANCE_MINUTES} minutes of the save).`,
      formula: and(itemValueChanges(), not(stampedNow('Done_By__c', 'Done_At__c'))),
      message:
        'An answer must record that you gave it, now (Done by: you; Done at: the current time).',
      field: 'Done_At__c',
    }),
    rule(ITEM, 'Done_Needs_A_Value', {
      description:
        "An item is done only with an answer; the playbook's rules check the answer's type (a check is done only when ticked).",
      formula: and('Done__c', isBlank('Value__c')),
      message: 'A checklist item can be marked done only with an answer.',
      field: 'Done__c',
    }),
    rule(ITEM, 'Item_Key_Names_Its_Item', {
      description:
        "Item_Key__c is the handoff's record key and the item id, so the unique key allows one row per item of a handoff and the roll-ups count each item once.",
      formula: compare(
        'Item_Key__c',
        '<>',
        join('Handoff__r.Record_Key__c', text(':'), 'Item_Id__c'),
      ),
      message: "The item key must be the handoff's record key and the item id.",
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

/**
 * Handoff roles are permissions: nobody may give themselves one. A user may edit parts of their own
 * User record, so the field's security alone does not hold it; this rule does, through every channel.
 * Validation rules on a standard object are packageable with it
 * [https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_validationrules.htm].
 */
function rolesNeedAdmin(): ValidationRuleModel {
  const roles = USER_ROLES_FIELD;
  return rule('User', 'Handoff_Roles_Need_Admin_Config', {
    description:
      'Only holders of the Handoff_Admin_Config custom permission give or take Handoff roles.',
    formula: and(
      or(isChanged(roles), and(isNew(), not(isBlank(roles)))),
      not(permission('Handoff_Admin_Config')),
    ),
    message: 'Changing Handoff roles needs the Handoff Admin Config permission.',
    field: roles,
  });
}

function actionLabel(t: Transition): string {
  const label = words(t.action === 'set_item' ? 'editing an item' : t.action);
  return label.charAt(0).toUpperCase() + label.slice(1);
}
