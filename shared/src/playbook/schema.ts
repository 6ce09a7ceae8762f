// The playbook: the admin's whole configuration, one schema for both CRMs.
// zod/mini keeps the runtime bundle small enough for Lightning components and HubSpot cards;
// types are derived from the schemas so code and configuration cannot drift apart.
import * as z from 'zod/mini';

/**
 * Ids are the admin's words in paths and references: lower snake case, stable across edits. Not
 * `constructor`, the one such word every JavaScript object already has: records keyed by ids
 * (fields, handoff states, checklist answers) would read it as a function, not as a missing entry.
 */
export const Id = z.string().check(z.regex(/^(?!constructor$)[a-z][a-z0-9_]{0,63}$/));
const Text = z.string().check(z.minLength(1), z.maxLength(500));
const Time = z.string().check(z.regex(/^\d{2}:\d{2}$/));
const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const FieldType = z.enum(['text', 'number', 'date', 'datetime', 'boolean', 'choice']);
export type FieldType = z.infer<typeof FieldType>;

/** A logical field: the core speaks `amount`; the adapters know `amount` / `Amount`. */
export const FieldDef = z.strictObject({
  type: FieldType,
  label: Text,
  options: z.optional(z.array(Text).check(z.minLength(1))),
  hubspot: z.optional(z.string().check(z.minLength(1))),
  salesforce: z.optional(z.string().check(z.minLength(1))),
});
export type FieldDef = z.infer<typeof FieldDef>;

/** Holidays per calendar: see "SLA bounds" in the README. */
export const MAX_HOLIDAYS = 1000;

const Window = z.tuple([Time, Time]);
export const CalendarDefSchema = z.strictObject({
  timeZone: z.string().check(z.minLength(1)),
  weekly: z.strictObject({
    mon: z.optional(z.array(Window)),
    tue: z.optional(z.array(Window)),
    wed: z.optional(z.array(Window)),
    thu: z.optional(z.array(Window)),
    fri: z.optional(z.array(Window)),
    sat: z.optional(z.array(Window)),
    sun: z.optional(z.array(Window)),
  }),
  // Decades of public holidays; more would only close a calendar for years (see bounds.ts).
  holidays: z.optional(
    z
      .array(
        z.strictObject({
          date: IsoDate,
          from: z.optional(Time),
          to: z.optional(Time),
          name: z.optional(Text),
        }),
      )
      .check(z.maxLength(MAX_HOLIDAYS)),
  ),
  hoursPerDay: z.optional(z.number()),
});
export type PlaybookCalendar = z.infer<typeof CalendarDefSchema>;

export const RoleDef = z.strictObject({
  label: Text,
  /** HubSpot team names or ids whose members hold this role. Salesforce uses the package's fixed permission sets. */
  hubspotTeams: z.optional(z.array(z.string().check(z.minLength(1)))),
});
export type RoleDef = z.infer<typeof RoleDef>;

export const HandoffStatus = z.enum([
  'not_started',
  'in_progress',
  'submitted',
  'accepted',
  'rejected',
]);
export type HandoffStatus = z.infer<typeof HandoffStatus>;

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

// Rules are a tree discriminated by `op`, so an unknown operator is reported at `rule.op`
// and a broken branch at its own path.
const PresenceRule = z.strictObject({ op: z.enum(['present', 'absent']), field: Id });
const EqualityRule = z.strictObject({ op: z.enum(['eq', 'neq']), field: Id, value: Scalar });
const InRule = z.strictObject({ op: z.literal('in'), field: Id, values: z.array(Scalar) });
const CompareRule = z.strictObject({
  op: z.enum(['gt', 'gte', 'lt', 'lte']),
  field: Id,
  value: z.union([z.number(), IsoDate, z.string()]),
});
const ContainsRule = z.strictObject({ op: z.literal('contains'), field: Id, value: Text });
const MatchesRule = z.strictObject({ op: z.literal('matches'), field: Id, pattern: Text });
const ChecklistCompleteRule = z.strictObject({ op: z.literal('checklist_complete'), handoff: Id });
const ItemDoneRule = z.strictObject({ op: z.literal('item_done'), handoff: Id, item: Id });
const HandoffStatusRule = z.strictObject({
  op: z.literal('handoff_status'),
  handoff: Id,
  in: z.array(HandoffStatus).check(z.minLength(1)),
});

export type Rule =
  | z.infer<typeof PresenceRule>
  | z.infer<typeof EqualityRule>
  | z.infer<typeof InRule>
  | z.infer<typeof CompareRule>
  | z.infer<typeof ContainsRule>
  | z.infer<typeof MatchesRule>
  | z.infer<typeof ChecklistCompleteRule>
  | z.infer<typeof ItemDoneRule>
  | z.infer<typeof HandoffStatusRule>
  | { op: 'all'; rules: Rule[] }
  | { op: 'any'; rules: Rule[] }
  | { op: 'not'; rule: Rule };

const AllRule = z.strictObject({
  op: z.enum(['all', 'any']),
  get rules(): z.ZodMiniArray<z.ZodMiniType<Rule>> {
    return z.array(RuleSchema);
  },
});
const NotRule = z.strictObject({
  op: z.literal('not'),
  get rule(): z.ZodMiniType<Rule> {
    return RuleSchema;
  },
});

export const RuleSchema: z.ZodMiniType<Rule> = z.discriminatedUnion('op', [
  PresenceRule,
  EqualityRule,
  InRule,
  CompareRule,
  ContainsRule,
  MatchesRule,
  ChecklistCompleteRule,
  ItemDoneRule,
  HandoffStatusRule,
  AllRule,
  NotRule,
]);

export const Severity = z.enum(['block', 'warn']);
export type Severity = z.infer<typeof Severity>;

export const CriterionDef = z.strictObject({
  id: Id,
  label: Text,
  severity: z._default(Severity, 'block'),
  rule: RuleSchema,
});
export type CriterionDef = z.infer<typeof CriterionDef>;

/**
 * The record a lifecycle lives on, in the core's words: a deal (HubSpot deal, Salesforce
 * Opportunity), a contact (HubSpot contact, Salesforce Lead) or a company (HubSpot company,
 * Salesforce Account). Each has its own stages, handoffs and SLAs in the one playbook.
 */
export const RecordObject = z.enum(['deal', 'contact', 'company']);
export type RecordObject = z.infer<typeof RecordObject>;

const CrmValue = z.string().check(z.minLength(1));
const CrmValues = z.array(CrmValue).check(z.minLength(1));

/** A deal stage in HubSpot: stage ids of one deal pipeline. */
export const HubSpotPipelineStages = z.strictObject({ pipelineId: CrmValue, stageIds: CrmValues });
/**
 * A contact or company stage in HubSpot: values of an enumeration property of the record, such
 * as `lifecyclestage` or `hs_lead_status` (HubSpot has no pipelines for contacts and companies).
 * The first value is the one written when a handoff's onAccept / onReject moves a record there.
 */
export const HubSpotPropertyValues = z.strictObject({ property: CrmValue, values: CrmValues });
/** A deal stage in Salesforce: Opportunity StageName values. */
export const SalesforceStageNames = z.strictObject({ stageNames: CrmValues });
/** A Lead or Account stage in Salesforce: values of a picklist field (Lead `Status`, Account `Type`). */
export const SalesforceFieldValues = z.strictObject({ field: CrmValue, values: CrmValues });

export const StageDef = z.strictObject({
  id: Id,
  label: Text,
  /**
   * The record this stage belongs to. Optional and without a default, so a playbook written
   * before it parses (and fingerprints) exactly as it did: omitted means a deal stage.
   */
  object: z.optional(RecordObject),
  /** Closed stages end the lifecycle; `won` is what lead-to-customer time measures to. */
  outcome: z.optional(z.enum(['won', 'lost'])),
  hubspot: z.optional(z.union([HubSpotPipelineStages, HubSpotPropertyValues])),
  salesforce: z.optional(z.union([SalesforceStageNames, SalesforceFieldValues])),
  entry: z._default(z.array(CriterionDef), []),
  exit: z._default(z.array(CriterionDef), []),
});
export type StageDef = z.infer<typeof StageDef>;

export const ItemKind = z.enum(['check', 'text', 'date', 'number', 'choice']);
export type ItemKind = z.infer<typeof ItemKind>;

export const ChecklistItemDef = z.strictObject({
  id: Id,
  label: Text,
  help: z.optional(Text),
  required: z._default(z.boolean(), false),
  kind: ItemKind,
  options: z.optional(z.array(Text).check(z.minLength(1))),
  /** Role expected to fill the item; any role that may submit the handoff can still edit it. */
  owner: z.optional(Id),
  /** When set, the item mirrors a CRM field: its value is read from the record, not typed in. */
  field: z.optional(Id),
  /** On a handoff whose accept creates a deal (the expansion): the deal field the answer fills. */
  dealField: z.optional(Id),
});
export type ChecklistItemDef = z.infer<typeof ChecklistItemDef>;

export const ChecklistDef = z.strictObject({
  id: Id,
  label: Text,
  items: z.array(ChecklistItemDef).check(z.minLength(1)),
});
export type ChecklistDef = z.infer<typeof ChecklistDef>;

export const RejectReason = z.strictObject({ id: Id, label: Text });
export type RejectReason = z.infer<typeof RejectReason>;

export const HandoffDef = z.strictObject({
  id: Id,
  label: Text,
  checklist: Id,
  /** The stage whose entry opens the handoff (as `not_started`). */
  opensAt: Id,
  submit: z.array(Id).check(z.minLength(1)),
  accept: z.array(Id).check(z.minLength(1)),
  reject: z.array(Id).check(z.minLength(1)),
  rejectReasons: z.array(RejectReason).check(z.minLength(1)),
  /** Must pass, besides the required items, before the handoff may be submitted. */
  criteria: z._default(z.array(CriterionDef), []),
  /**
   * Where the record goes when the handoff is accepted (an MQL becomes an SQL) and when it is
   * rejected (a recycled lead goes back to marketing): a stage of the handoff's own object. The
   * CRM adapters move the record; omitted, the record stays where it is. Optional without a default,
   * so a playbook written before parses (and fingerprints) exactly as it did.
   */
  onAccept: z.optional(z.strictObject({ stage: Id })),
  onReject: z.optional(z.strictObject({ stage: Id })),
});
export type HandoffDef = z.infer<typeof HandoffDef>;

export const BusinessDuration = z.union([
  z.strictObject({
    unit: z.enum(['business_minutes', 'business_hours', 'calendar_hours']),
    amount: z.number().check(z.positive()),
  }),
  z.strictObject({
    unit: z.literal('business_days'),
    amount: z.number().check(z.positive()),
    mode: z.enum(['elapsed', 'end_of_day']),
  }),
]);
export type BusinessDuration = z.infer<typeof BusinessDuration>;

export const SlaStart = z.discriminatedUnion('on', [
  z.strictObject({ on: z.literal('stage_entered'), stage: Id }),
  z.strictObject({ on: z.enum(['handoff_opened', 'handoff_submitted']), handoff: Id }),
  z.strictObject({ on: z.literal('field_date'), field: Id }),
]);
export type SlaStart = z.infer<typeof SlaStart>;

export const SlaStop = z.discriminatedUnion('on', [
  z.strictObject({ on: z.literal('stage_entered'), stage: Id }),
  /** The record moved on from the stage (to any other): the work the SLA waited for happened anyway. */
  z.strictObject({ on: z.literal('stage_left'), stage: Id }),
  z.strictObject({ on: z.literal('handoff_accepted'), handoff: Id }),
  /** The handoff's first submission: the clock of whoever fills the checklist in. */
  z.strictObject({ on: z.literal('handoff_submitted'), handoff: Id }),
  z.strictObject({ on: z.literal('field_set'), field: Id }),
  /**
   * The first sales activity on the record after the timer started (a logged call, email or
   * meeting; a converted Lead counts): speed to lead. The adapters read the activities.
   */
  z.strictObject({ on: z.literal('first_activity') }),
]);
export type SlaStop = z.infer<typeof SlaStop>;

/** An SLA's stop events as a list, whichever way the playbook wrote them. */
export function stopsOf(sla: { stop: SlaStop | SlaStop[] }): SlaStop[] {
  return Array.isArray(sla.stop) ? sla.stop : [sla.stop];
}

/**
 * The role an SLA waits on: its `waitsOn`, else the role that must act for its first stop that
 * names one — the first accepting role for `handoff_accepted`, the first submitting role for
 * `handoff_submitted`. Undefined when no stop names a role (a stage change, a field).
 */
export function slaWaitsOn(
  playbook: { handoffs: readonly HandoffDef[] },
  sla: { waitsOn?: string | undefined; stop: SlaStop | SlaStop[] },
): string | undefined {
  if (sla.waitsOn !== undefined) return sla.waitsOn;
  for (const stop of stopsOf(sla)) {
    if (stop.on !== 'handoff_accepted' && stop.on !== 'handoff_submitted') continue;
    const handoff = playbook.handoffs.find((h) => h.id === stop.handoff);
    const role = (stop.on === 'handoff_accepted' ? handoff?.accept : handoff?.submit)?.[0];
    if (role !== undefined) return role;
  }
  return undefined;
}

/** Paused from each rejection of the handoff until the next submission (sales is reworking it). */
export const SlaPause = z.strictObject({ on: z.literal('handoff_rejected'), handoff: Id });
export type SlaPause = z.infer<typeof SlaPause>;

export const WarnDef = z.union([
  z.strictObject({ before: BusinessDuration }),
  z.strictObject({ consumedPercent: z.number().check(z.positive(), z.lte(100)) }),
]);
export type WarnDef = z.infer<typeof WarnDef>;

export const EscalationTarget = z.union([
  z.literal('owner'),
  z.strictObject({ user: z.string().check(z.minLength(1)) }),
  z.strictObject({ role: Id }),
]);
export type EscalationTarget = z.infer<typeof EscalationTarget>;

export const EscalationDef = z.strictObject({
  when: z.enum(['at_risk', 'breached']),
  /** Only for `breached`: wait this much more business time after the breach. */
  after: z.optional(BusinessDuration),
  /** Omitted: whoever the SLA waits on (its `waitsOn` role), the people who can stop the clock. */
  to: z.optional(EscalationTarget),
  action: z.enum(['task', 'note', 'reassign']),
});
export type EscalationDef = z.infer<typeof EscalationDef>;

export const SlaDef = z.strictObject({
  id: Id,
  label: Text,
  start: SlaStart,
  /** One event, or several: the first that happens stops the timer. */
  stop: z.union([SlaStop, z.array(SlaStop).check(z.minLength(1))]),
  pause: z._default(z.array(SlaPause), []),
  target: BusinessDuration,
  /** A calendar id; omitted means calendar time (24×7). */
  calendar: z.optional(Id),
  warn: z.optional(WarnDef),
  escalations: z._default(z.array(EscalationDef), []),
  /**
   * The role whose move stops the clock, shown beside the timer and escalated to by default.
   * Omitted: derived from the stop events (the accepting role for `handoff_accepted`, the
   * submitting role for `handoff_submitted`); see slaWaitsOn.
   */
  waitsOn: z.optional(Id),
});
export type SlaDef = z.infer<typeof SlaDef>;

export const PlaybookSchema = z.strictObject({
  schemaVersion: z.literal(1),
  name: Text,
  /** The admin's label for this revision, shown on every record view. */
  version: z.string().check(z.minLength(1), z.maxLength(40)),
  fields: z.record(Id, FieldDef),
  calendars: z._default(z.record(Id, CalendarDefSchema), {}),
  roles: z.record(Id, RoleDef),
  stages: z.array(StageDef).check(z.minLength(1)),
  checklists: z._default(z.array(ChecklistDef), []),
  handoffs: z._default(z.array(HandoffDef), []),
  slas: z._default(z.array(SlaDef), []),
  /**
   * Limits on what one save may do. Optional and without a default, so a playbook written before
   * it parses (and fingerprints) exactly as it did.
   */
  guardRails: z.optional(
    z.strictObject({
      /** Escalations one save may raise at once before the admin must confirm (default 25). */
      maxEscalationsOnSave: z.optional(z.number().check(z.int(), z.gte(0), z.lte(100_000))),
    }),
  ),
});
export type Playbook = z.infer<typeof PlaybookSchema>;
