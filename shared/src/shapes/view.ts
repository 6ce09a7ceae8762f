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

const whose = {
  /** The roles that may make the move, as the playbook lists them; the first is who is meant. */
  roles: z.array(z.string()),
  /** The first role's label ("CS manager"). */
  label: z.string(),
  /** The viewer holds one of the roles. */
  viewerMayAct: z.boolean(),
};

/** Who must make a move: the roles that may, the first one's label, and whether the viewer holds one. */
export const WhoseSchema = z.object(whose);
export type Whose = z.infer<typeof WhoseSchema>;

/** Whose move it is on a handoff, what the move is, and whether the viewer may make it. */
export const BallSchema = z.object({
  ...whose,
  /** The move: fill in and submit, review (accept or reject), or rework after a rejection. */
  action: z.enum(['submit', 'accept', 'reopen']),
});
export type Ball = z.infer<typeof BallSchema>;

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
    z.object({
      by: z.string(),
      at: z.number(),
      assigneeId: z.optional(z.string()),
      linkedRecordId: z.optional(z.string()),
    }),
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
  /**
   * Who must act next (the ball is in their court): the submitting roles while the handoff is not
   * started, in progress or rejected, the accepting roles while it is submitted. Absent when
   * nobody must act: it is accepted, or its window has passed (see `settled`).
   */
  next: z.optional(BallSchema),
  /** Set when the handoff needs nobody any more: shown as one line, expandable. */
  settled: z.optional(
    z.object({ reason: z.enum(['accepted', 'window_passed']), summary: z.string() }),
  ),
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
  /** The role whose move stops the clock (the SLA's `waitsOn`, or derived from its stop events). */
  waitsOn: z.optional(z.object({ role: z.string(), label: z.string() })),
});
export type TimerView = z.infer<typeof TimerViewSchema>;

/** The live timer a next step is due by. */
export const StepTimerSchema = z.object({
  slaId: z.string(),
  label: z.string(),
  state: TimerState,
  dueAt: z.nullable(z.number()),
});

/** A move on a handoff, made in the card: submit, accept or reject, rework. */
export const HandoffStepSchema = z.object({
  kind: z.literal('handoff'),
  handoffId: z.string(),
  handoffLabel: z.string(),
  ball: BallSchema,
  /** The live timer that waits on the same people; absent when no SLA does. */
  timer: z.optional(StepTimerSchema),
  /** The viewer's one main action when the move is theirs (possibly not allowed yet, with why). */
  viewerAction: z.optional(ActionAvailabilitySchema),
});
export type HandoffStep = z.infer<typeof HandoffStepSchema>;

/**
 * A move made in the CRM, not in the card, that stops an SLA of no handoff: speed to lead's
 * `first_activity` (log a call, email or meeting), a field to fill in, a stage to move to or on from.
 */
export const SlaStepSchema = z.object({
  kind: z.literal('sla'),
  /** The role the SLA waits on (its `waitsOn`). */
  ball: WhoseSchema,
  /** The SLA's first stop, in the playbook's words; `target` names the field or stage it reads. */
  stop: z.object({
    on: z.enum(['first_activity', 'field_set', 'stage_entered', 'stage_left']),
    target: z.optional(z.object({ id: z.string(), label: z.string() })),
  }),
  timer: StepTimerSchema,
});
export type SlaStep = z.infer<typeof SlaStepSchema>;

export const NextStepSchema = z.discriminatedUnion('kind', [HandoffStepSchema, SlaStepSchema]);
export type NextStep = z.infer<typeof NextStepSchema>;

export const RecordViewSchema = z.object({
  /** Which playbook decided this view: its name, the admin's version label and its fingerprint. */
  playbook: z.object({ name: z.string(), version: z.string(), fingerprint: z.string() }),
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
  /**
   * The viewer's next step: a handoff move or a CRM move an SLA waits on — whose move, what, by when
   * and, for a handoff move that is the viewer's, their one action. The viewer's own moves come
   * first; see nextStepOf for the order. Null when nothing waits on anyone.
   */
  nextStep: z.optional(z.nullable(NextStepSchema)),
});
export type RecordView = z.infer<typeof RecordViewSchema>;
