import * as z from 'zod/mini';
import { HandoffStatus, ItemKind, Severity } from '../playbook/schema.js';
import { HandoffEventSchema, ItemValueSchema } from './handoff-state.js';
import { RefusalCode } from './request.js';

export const Outcome = z.enum(['pass', 'fail', 'unknown']);
export type Outcome = z.infer<typeof Outcome>;

export const VerdictSchema = z.object({
  id: z.string(),
  label: z.string(),
  outcome: Outcome,
  severity: Severity,
  reason: z.string(),
});
export type Verdict = z.infer<typeof VerdictSchema>;

export const StageProgressSchema = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(['done', 'current', 'upcoming']),
  outcome: z.optional(z.enum(['won', 'lost'])),
});
export type StageProgress = z.infer<typeof StageProgressSchema>;

export const ItemViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  help: z.optional(z.string()),
  kind: ItemKind,
  options: z.optional(z.array(z.string())),
  required: z.boolean(),
  owner: z.optional(z.string()),
  /** Set when the item mirrors a CRM field: read from the record, never typed in. */
  field: z.optional(z.string()),
  value: ItemValueSchema,
  done: z.boolean(),
  by: z.optional(z.string()),
  at: z.optional(z.number()),
  editable: z.boolean(),
});
export type ItemView = z.infer<typeof ItemViewSchema>;

export const ActionAvailabilitySchema = z.object({
  type: z.enum(['submit', 'withdraw', 'accept', 'reject', 'reopen']),
  allowed: z.boolean(),
  /** Why the action is unavailable, as the refusal the core would give. */
  reason: z.optional(z.object({ code: RefusalCode, message: z.string() })),
});
export type ActionAvailability = z.infer<typeof ActionAvailabilitySchema>;

export const HandoffViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  checklistLabel: z.string(),
  status: HandoffStatus,
  version: z.number(),
  items: z.array(ItemViewSchema),
  progress: z.object({
    done: z.number(),
    total: z.number(),
    requiredDone: z.number(),
    required: z.number(),
  }),
  criteria: z.array(VerdictSchema),
  actions: z.array(ActionAvailabilitySchema),
  rejectReasons: z.array(z.object({ id: z.string(), label: z.string() })),
  submitted: z.optional(z.object({ by: z.string(), at: z.number() })),
  accepted: z.optional(
    z.object({ by: z.string(), at: z.number(), assigneeId: z.optional(z.string()) }),
  ),
  rejected: z.optional(
    z.object({
      by: z.string(),
      at: z.number(),
      reason: z.string(),
      reasonLabel: z.string(),
      comment: z.optional(z.string()),
    }),
  ),
  history: z.array(HandoffEventSchema),
});
export type HandoffView = z.infer<typeof HandoffViewSchema>;

export const TimerState = z.enum([
  'pending',
  'running',
  'paused',
  'at_risk',
  'breached',
  'met',
  'met_late',
]);

export const TimerViewSchema = z.object({
  slaId: z.string(),
  label: z.string(),
  state: TimerState,
  paused: z.boolean(),
  startedAt: z.number(),
  dueAt: z.nullable(z.number()),
  warningAt: z.nullable(z.number()),
  completedAt: z.nullable(z.number()),
  targetMs: z.number(),
  consumedMs: z.number(),
  remainingMs: z.number(),
  /** Indexes of the SLA's escalations whose moment has come (at risk, breached, breached + after). */
  escalationsReached: z.array(z.number()),
  /** How many escalations have been reached: 0 none. */
  escalationLevel: z.number(),
  calendarTimeZone: z.nullable(z.string()),
});
export type TimerView = z.infer<typeof TimerViewSchema>;

export const RecordViewSchema = z.object({
  playbook: z.object({ name: z.string(), version: z.string() }),
  record: z.object({
    crm: z.string(),
    objectType: z.string(),
    recordId: z.string(),
    ownerId: z.optional(z.string()),
  }),
  viewer: z.object({ userId: z.string(), roles: z.array(z.string()) }),
  evaluatedAt: z.number(),
  /** What is wrong with the record or its data, in sentences; the rest of the view is best effort. */
  problems: z.array(z.string()),
  stages: z.array(StageProgressSchema),
  currentStage: z.nullable(z.object({ id: z.string(), label: z.string() })),
  exitCriteria: z.array(VerdictSchema),
  nextStage: z.nullable(z.object({ id: z.string(), label: z.string() })),
  nextEntryCriteria: z.array(VerdictSchema),
  mayAdvance: z.boolean(),
  handoffs: z.array(HandoffViewSchema),
  timers: z.array(TimerViewSchema),
  /**
   * Display names of the people the view mentions, by user id. The core knows only ids; the CRM
   * adapter fills this from its user directory. A missing name is shown as the id.
   */
  people: z.optional(z.record(z.string(), z.string())),
});
export type RecordView = z.infer<typeof RecordViewSchema>;
