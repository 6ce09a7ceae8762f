// Which record each part of the playbook lives on. One playbook holds three lifecycles — deals,
// contacts (HubSpot contacts, Salesforce Leads) and companies (HubSpot companies, Salesforce
// Accounts) — and a record is judged by its own object's stages, handoffs and SLAs only. The scoped
// playbook has the same shape as the whole one, so every rule of the core applies to it unchanged.
import type {
  CriterionDef,
  HandoffDef,
  Playbook,
  RecordObject,
  Rule,
  SlaDef,
  StageDef,
} from './schema.js';

/** A stage's object: omitted means a deal stage (playbooks written before objects existed). */
export function objectOfStage(stage: Pick<StageDef, 'object'>): RecordObject {
  return stage.object ?? 'deal';
}

/** A handoff lives on the object of the stage that opens it. */
export function objectOfHandoff(playbook: Playbook, handoff: HandoffDef): RecordObject {
  const stage = playbook.stages.find((s) => s.id === handoff.opensAt);
  return stage ? objectOfStage(stage) : 'deal';
}

/**
 * An SLA runs on the object its start names (the stage entered, or the handoff's stage); a timer
 * started by a date field runs on deals, as it always has.
 */
export function objectOfSla(playbook: Playbook, sla: SlaDef): RecordObject {
  const start = sla.start;
  if (start.on === 'stage_entered') {
    const stage = playbook.stages.find((s) => s.id === start.stage);
    return stage ? objectOfStage(stage) : 'deal';
  }
  if (start.on === 'field_date') return 'deal';
  const handoff = playbook.handoffs.find((h) => h.id === start.handoff);
  return handoff ? objectOfHandoff(playbook, handoff) : 'deal';
}

/** The objects the playbook has stages for, deals first. */
export function objectsOf(playbook: Playbook): RecordObject[] {
  const present = new Set(playbook.stages.map(objectOfStage));
  return (['deal', 'contact', 'company'] as const).filter((o) => present.has(o));
}

const scoped = new WeakMap<Playbook, Map<RecordObject, Playbook>>();

/**
 * The playbook as one object's records see it: that object's stages, the handoffs that open at
 * them, the SLAs that start on them, and their checklists. Computed once per playbook and object;
 * the playbook itself when it only has that object (every playbook written before objects).
 */
export function scopedPlaybook(playbook: Playbook, object: RecordObject): Playbook {
  let byObject = scoped.get(playbook);
  if (!byObject) scoped.set(playbook, (byObject = new Map()));
  const known = byObject.get(object);
  if (known) return known;
  const only = playbook.stages.every((s) => objectOfStage(s) === object);
  const result = only ? playbook : scope(playbook, object);
  byObject.set(object, result);
  return result;
}

function scope(playbook: Playbook, object: RecordObject): Playbook {
  const parts = partsOf(playbook, object);
  // A field lives on the objects whose parts read it; one no part reads stays on deals, where
  // every field lived before objects (a deal card shows it, a deal scan reads it).
  const used = fieldsReadBy(parts);
  const readElsewhere = new Set(
    (['deal', 'contact', 'company'] as const)
      .filter((o) => o !== object)
      .flatMap((o) => [...fieldsReadBy(partsOf(playbook, o))]),
  );
  const fields = Object.fromEntries(
    Object.entries(playbook.fields).filter(
      ([id]) => used.has(id) || (object === 'deal' && !readElsewhere.has(id)),
    ),
  );
  return { ...playbook, ...parts, fields };
}

type Parts = Pick<Playbook, 'stages' | 'handoffs' | 'checklists' | 'slas'>;

function partsOf(playbook: Playbook, object: RecordObject): Parts {
  const handoffs = playbook.handoffs.filter((h) => objectOfHandoff(playbook, h) === object);
  const checklists = new Set(handoffs.map((h) => h.checklist));
  return {
    stages: playbook.stages.filter((s) => objectOfStage(s) === object),
    handoffs,
    checklists: playbook.checklists.filter((c) => checklists.has(c.id)),
    slas: playbook.slas.filter((sla) => objectOfSla(playbook, sla) === object),
  };
}

/** The fields the parts' rules, checklist items and date-started SLAs read. */
function fieldsReadBy(parts: Parts): Set<string> {
  const out = new Set<string>();
  const criteria = (list: readonly CriterionDef[]) => {
    for (const c of list) ruleFields(c.rule, out);
  };
  for (const stage of parts.stages) {
    criteria(stage.entry);
    criteria(stage.exit);
  }
  for (const handoff of parts.handoffs) criteria(handoff.criteria);
  for (const list of parts.checklists)
    for (const item of list.items) if (item.field !== undefined) out.add(item.field);
  for (const sla of parts.slas) if (sla.start.on === 'field_date') out.add(sla.start.field);
  return out;
}

function ruleFields(rule: Rule, out: Set<string>): void {
  if (rule.op === 'all' || rule.op === 'any') for (const r of rule.rules) ruleFields(r, out);
  else if (rule.op === 'not') ruleFields(rule.rule, out);
  else if ('field' in rule) out.add(rule.field);
}

// The CRMs' names for each object: HubSpot's object type names and ids (0-1 contacts, 0-2
// companies, 0-3 deals), Salesforce's sObject names (a Lead is the contact before conversion).
const CRM_OBJECTS: Record<string, RecordObject> = {
  deal: 'deal',
  deals: 'deal',
  '0-3': 'deal',
  opportunity: 'deal',
  contact: 'contact',
  contacts: 'contact',
  '0-1': 'contact',
  lead: 'contact',
  company: 'company',
  companies: 'company',
  '0-2': 'company',
  account: 'company',
};

/** The core's object for a CRM's object type name; undefined for one Handoff does not follow. */
export function recordObjectOf(objectType: string): RecordObject | undefined {
  const key = objectType.toLowerCase();
  return Object.hasOwn(CRM_OBJECTS, key) ? CRM_OBJECTS[key] : undefined;
}

/** A record's object in words, for sentences ("the contact", "the deal"). */
export function objectWord(object: RecordObject): string {
  return object;
}

/** A deal stage's HubSpot pipeline stages; undefined for a contact or company stage. */
export function pipelineStagesOf(
  stage: Pick<StageDef, 'hubspot'>,
): { pipelineId: string; stageIds: string[] } | undefined {
  return stage.hubspot && 'pipelineId' in stage.hubspot ? stage.hubspot : undefined;
}

/** A deal stage's Opportunity stage names; none for a Lead or Account stage. */
export function opportunityStageNamesOf(stage: Pick<StageDef, 'salesforce'>): string[] {
  return stage.salesforce && 'stageNames' in stage.salesforce ? stage.salesforce.stageNames : [];
}

/** The playbook as this record sees it (an unknown object type is judged as a deal). */
export function playbookForRecord(playbook: Playbook, record: { objectType: string }): Playbook {
  return scopedPlaybook(playbook, recordObjectOf(record.objectType) ?? 'deal');
}

/** The fields a record of this object reads (see scope: unread fields stay on deals). */
export function fieldsOn(playbook: Playbook, object: RecordObject): Playbook['fields'] {
  return scopedPlaybook(playbook, object).fields;
}
