// Who may take each handoff action, from the playbook: one validation rule per handoff and action on
// Handoff__c, and one per handoff on its items, reading the Handoff roles on the saving user's User
// record (`$User.Handoff_Roles__c`, a multi-select picklist of the playbook's role ids). The same
// lists the core reads (`submit`, `accept`, `reject`, and an item's `owner`), so a playbook that
// renames or adds roles drives Salesforce as it drives HubSpot. A handoff the deployed rules do not
// know is refused, so a playbook changed without regenerating fails closed.
import {
  checklistOf,
  TRANSITIONS,
  type HandoffDef,
  type Playbook,
  type Transition,
} from '@handoff/shared';
import { itemValueChanges } from './handoff-rules.js';
import {
  and,
  compare,
  includes,
  isChanged,
  isNew,
  isPickval,
  not,
  or,
  text,
  user,
  type Formula,
} from './formula.js';
import { USER_ROLES_FIELD } from './model.js';
import { shortRuleName, titleCase, type ValidationRuleModel } from './rules.js';

const HANDOFF = 'Handoff__c';
const ITEM = 'Handoff_Item__c';
const newAction = isChanged('Action_Id__c');

export function roleRules(playbook: Playbook): ValidationRuleModel[] {
  return [
    ...knownHandoffRules(playbook),
    ...playbook.handoffs.flatMap((handoff) => [
      ...TRANSITIONS.map((t) => actionRule(playbook, handoff, t)),
      itemRule(playbook, handoff),
    ]),
  ];
}

/** The user's Handoff roles include one of these (none listed: nobody). */
export function holdsAnyRole(roles: readonly string[]): Formula {
  return or(...roles.map((role) => includes(user(USER_ROLES_FIELD), role)));
}

function ownersOf(playbook: Playbook, handoff: HandoffDef) {
  return (checklistOf(playbook, handoff)?.items ?? []).flatMap((item) =>
    item.owner && !handoff.submit.includes(item.owner) ? [{ id: item.id, owner: item.owner }] : [],
  );
}

function actionRule(playbook: Playbook, handoff: HandoffDef, t: Transition): ValidationRuleModel {
  // The header records an item edit only as a whole, so any item's owner passes here; the item
  // rule below holds each owner to their own items.
  const roles =
    t.action === 'set_item'
      ? [...new Set([...handoff.submit, ...ownersOf(playbook, handoff).map((o) => o.owner)])]
      : handoff[t.by];
  return {
    object: HANDOFF,
    name: shortRuleName(`${titleCase(handoff.id)}_${titleCase(t.action)}_Roles`),
    description: `Generated from the playbook "${playbook.name}" (version ${playbook.version}): ${t.action} on ${handoff.id} is for ${roles.join(', ') || 'nobody'}.`,
    formula: and(
      newAction,
      isPickval('Action__c', t.action),
      compare('Handoff_Id__c', '=', text(handoff.id)),
      not(holdsAnyRole(roles)),
    ),
    message: `Only ${labels(playbook, roles)} may ${verb(t.action)} ${handoff.label}: add the role to the Handoff roles on your User record.`,
    field: 'Status__c',
  };
}

function itemRule(playbook: Playbook, handoff: HandoffDef): ValidationRuleModel {
  const owners = ownersOf(playbook, handoff);
  return {
    object: ITEM,
    name: shortRuleName(`${titleCase(handoff.id)}_Item_Roles`),
    description: `Generated from the playbook "${playbook.name}" (version ${playbook.version}): the items of ${handoff.id} are answered by ${handoff.submit.join(', ') || 'nobody'}${owners.length > 0 ? ' and each item by its owner' : ''}; creating empty rows is open to every Handoff role.`,
    formula: and(
      itemValueChanges(),
      compare('Handoff__r.Handoff_Id__c', '=', text(handoff.id)),
      not(
        or(
          holdsAnyRole(handoff.submit),
          ...owners.map((o) =>
            and(compare('Item_Id__c', '=', text(o.id)), holdsAnyRole([o.owner])),
          ),
        ),
      ),
    ),
    message: `Only ${labels(playbook, handoff.submit)}${owners.length > 0 ? " (or the item's owner)" : ''} may edit the checklist of ${handoff.label}: add the role to the Handoff roles on your User record.`,
  };
}

function knownHandoffRules(playbook: Playbook): ValidationRuleModel[] {
  const ids = playbook.handoffs.map((h) => h.id);
  const known = (field: string) => or(...ids.map((id) => compare(field, '=', text(id))));
  const message = `This handoff is not in the playbook whose rules are deployed ("${playbook.name}", version ${playbook.version}); regenerate and deploy them.`;
  return [
    {
      object: HANDOFF,
      name: 'Handoff_In_Playbook',
      description: `Generated from the playbook "${playbook.name}" (version ${playbook.version}): headers and actions only for its handoffs (${ids.join(', ')}), whose role rules exist.`,
      // A header for a handoff the playbook does not have is refused when it is created, too.
      formula: and(or(isNew(), newAction), not(known('Handoff_Id__c'))),
      message,
      field: 'Status__c',
    },
    {
      object: ITEM,
      name: 'Item_Handoff_In_Playbook',
      description: `Generated from the playbook "${playbook.name}" (version ${playbook.version}): item answers only on its handoffs (${ids.join(', ')}), whose role rules exist.`,
      formula: and(itemValueChanges(), not(known('Handoff__r.Handoff_Id__c'))),
      message,
    },
  ];
}

function labels(playbook: Playbook, roles: readonly string[]): string {
  const names = roles.map((r) => playbook.roles[r]?.label ?? r);
  if (names.length === 0) return 'nobody';
  return names.length === 1
    ? (names[0] as string)
    : `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;
}

/** The core's verbs, so both faces refuse in the same words. */
function verb(action: Transition['action']): string {
  return action === 'set_item' ? 'edit the checklist of' : action === 'reopen' ? 'rework' : action;
}
