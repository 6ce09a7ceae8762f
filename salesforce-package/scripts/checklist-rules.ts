// What a rep may not decide for themselves, from the playbook: how many required items a handoff has,
// which item rows it has and whether each is required, what type of answer completes an item, and the
// stage a handoff opens at. The submit rule counts done required items with roll-up summaries over
// the item rows (computed by Salesforce); these rules make the rows and the count the header is
// compared with come from the playbook, not from whoever creates them.
import {
  checklistOf,
  type ChecklistItemDef,
  type HandoffDef,
  type Playbook,
  objectOfHandoff,
  opportunityStageNamesOf,
  scopedPlaybook,
} from '@handoff/shared';
import {
  and,
  compare,
  isChanged,
  isNew,
  isPickval,
  not,
  number,
  or,
  pickvalIn,
  regex,
  text,
  type Formula,
} from './formula.js';
import { shortRuleName, titleCase, type ValidationRuleModel } from './rules.js';

const HANDOFF = 'Handoff__c';
const ITEM = 'Handoff_Item__c';

export function checklistRules(playbook: Playbook): ValidationRuleModel[] {
  return [
    requiredItemsFromPlaybook(playbook),
    ...playbook.handoffs.flatMap((handoff) => [
      ...itemsFromPlaybook(playbook, handoff),
      ...answerTypes(playbook, handoff),
      ...submitAfterOpening(playbook, handoff),
    ]),
  ];
}

/** Items people type in have a row each; items mirroring a CRM field are read from the record. */
export function typedItems(playbook: Playbook, handoff: HandoffDef): ChecklistItemDef[] {
  return (checklistOf(playbook, handoff)?.items ?? []).filter((i) => i.field === undefined);
}

const source = (playbook: Playbook) =>
  `Generated from the playbook "${playbook.name}" (version ${playbook.version})`;

function requiredItemsFromPlaybook(playbook: Playbook): ValidationRuleModel {
  const counts = playbook.handoffs.map((h) => ({
    id: h.id,
    required: typedItems(playbook, h).filter((i) => i.required).length,
  }));
  return {
    object: HANDOFF,
    name: 'Required_Items_From_Playbook',
    description: `${source(playbook)}: a new header counts the playbook's required typed-in items (${counts.map((c) => `${c.id} ${c.required}`).join(', ')}); submission compares the done ones with it.`,
    formula: and(
      isNew(),
      not(
        or(
          ...counts.map((c) =>
            and(
              compare('Handoff_Id__c', '=', text(c.id)),
              compare('Required_Items__c', '=', number(c.required)),
            ),
          ),
        ),
      ),
    ),
    message:
      "Required items must be the playbook's number of required checklist items for this handoff.",
    field: 'Required_Items__c',
  };
}

/** A new row is one of the handoff's typed-in items, required exactly when the playbook says so. */
function itemsFromPlaybook(playbook: Playbook, handoff: HandoffDef): ValidationRuleModel[] {
  const items = typedItems(playbook, handoff);
  return [
    {
      object: ITEM,
      name: shortRuleName(`${titleCase(handoff.id)}_Items_From_Playbook`),
      description: `${source(playbook)}: the rows of ${handoff.id} are its typed-in items (${items.map((i) => `${i.id}${i.required ? ' required' : ''}`).join(', ') || 'none'}), with Required__c as the playbook sets it.`,
      formula: and(
        isNew(),
        compare('Handoff__r.Handoff_Id__c', '=', text(handoff.id)),
        not(
          or(
            ...items.map((i) =>
              and(
                compare('Item_Id__c', '=', text(i.id)),
                i.required ? 'Required__c' : not('Required__c'),
              ),
            ),
          ),
        ),
      ),
      message: `This row is not an item of ${handoff.label}'s checklist as the playbook defines it (its id, or whether it is required).`,
      field: 'Item_Id__c',
    },
  ];
}

/** The answer (Value__c, as the panel writes it) that completes an item of this kind. */
function completes(item: ChecklistItemDef): Formula {
  switch (item.kind) {
    case 'check':
      return regex('Value__c', 'true');
    case 'text':
      return regex('Value__c', '[\\s\\S]*\\S[\\s\\S]*');
    case 'date':
      return regex('Value__c', '\\d{4}-\\d{2}-\\d{2}');
    case 'number':
      return regex('Value__c', '-?\\d+(\\.\\d+)?');
    case 'choice':
      return regex(
        'Value__c',
        (item.options ?? []).map((o) => o.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|') ||
          '(?!)',
      );
  }
}

/** An item may be marked done only with an answer of its type (the core's `completes`). */
function answerTypes(playbook: Playbook, handoff: HandoffDef): ValidationRuleModel[] {
  const items = typedItems(playbook, handoff);
  if (items.length === 0) return [];
  return [
    {
      object: ITEM,
      name: shortRuleName(`${titleCase(handoff.id)}_Answer_Types`),
      description: `${source(playbook)}: an item of ${handoff.id} is done only with an answer of its kind (${items.map((i) => `${i.id}: ${i.kind}`).join(', ')}).`,
      formula: and(
        or(isNew(), isChanged('Done__c'), isChanged('Value__c')),
        'Done__c',
        compare('Handoff__r.Handoff_Id__c', '=', text(handoff.id)),
        not(or(...items.map((i) => and(compare('Item_Id__c', '=', text(i.id)), completes(i))))),
      ),
      message:
        'This answer does not complete the item: a check must be ticked, a date written as YYYY-MM-DD, a number as digits, a choice one of its options.',
      field: 'Value__c',
    },
  ];
}

/**
 * The stages before the handoff's opening stage on the playbook's path. Later stages are left alone,
 * whatever their outcome: the core opens a handoff for a record that reached the opening stage once
 * (its stage history), which a formula cannot see.
 */
export function stagesBeforeOpening(playbook: Playbook, handoff: HandoffDef): string[] {
  // Only an Opportunity's stages order a deal handoff; a Lead's or Account's handoff opens on a
  // picklist value of its own record, which this rule (on the Opportunity lookup) cannot read.
  if (objectOfHandoff(playbook, handoff) !== 'deal') return [];
  const stages = scopedPlaybook(playbook, 'deal').stages;
  const opening = stages.findIndex((s) => s.id === handoff.opensAt);
  return stages.slice(0, Math.max(0, opening)).flatMap((s) => opportunityStageNamesOf(s));
}

/**
 * A handoff is submitted only once its opportunity has reached the opening stage. Salesforce sees
 * the opportunity's current stage only, so a deal that reached the stage and then moved back before
 * it is refused here where the core (reading the stage history) would allow it.
 */
function submitAfterOpening(playbook: Playbook, handoff: HandoffDef): ValidationRuleModel[] {
  const before = stagesBeforeOpening(playbook, handoff);
  if (before.length === 0) return [];
  const opens = playbook.stages.find((s) => s.id === handoff.opensAt)?.label ?? handoff.opensAt;
  return [
    {
      object: HANDOFF,
      name: shortRuleName(`${titleCase(handoff.id)}_Submit_After_Opening`),
      description: `${source(playbook)}: ${handoff.id} is submitted only once the opportunity has reached ${handoff.opensAt} (not at ${before.join(', ')}).`,
      formula: and(
        isChanged('Action_Id__c'),
        isPickval('Action__c', 'submit'),
        compare('Handoff_Id__c', '=', text(handoff.id)),
        pickvalIn('Opportunity__r.StageName', before),
      ),
      message: `${handoff.label} can be submitted once the opportunity reaches ${opens}.`,
      field: 'Status__c',
    },
  ];
}
