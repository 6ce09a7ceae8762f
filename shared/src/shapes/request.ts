import * as z from 'zod/mini';
import { ItemValueSchema } from './handoff-state.js';

export const HandoffActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('set_item'), itemId: z.string(), value: ItemValueSchema }),
  z.object({ type: z.literal('submit') }),
  z.object({ type: z.literal('withdraw') }),
  z.object({
    type: z.literal('accept'),
    assigneeId: z.optional(z.string()),
    /** The record the accepted handoff became or was linked to (an expansion's deal). */
    linkedRecordId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  }),
  z.object({
    type: z.literal('reject'),
    reason: z.string(),
    comment: z.optional(z.string().check(z.maxLength(2000))),
  }),
  z.object({ type: z.literal('reopen') }),
]);
export type HandoffAction = z.infer<typeof HandoffActionSchema>;
export type HandoffActionType = HandoffAction['type'];

export const HandoffRequestSchema = z.object({
  handoffId: z.string(),
  /** Unique per attempt: a store answers a repeated actionId with the recorded result. */
  actionId: z.string().check(z.minLength(1), z.maxLength(200)),
  expectedVersion: z.optional(z.number().check(z.int())),
  action: HandoffActionSchema,
});
export type HandoffRequest = z.infer<typeof HandoffRequestSchema>;

export const RefusalCode = z.enum([
  'not_allowed',
  'items_missing',
  'criteria_failing',
  'conflict',
  'invalid_value',
  'unknown_handoff',
  'closed',
]);
export type RefusalCode = z.infer<typeof RefusalCode>;

/** Why an action was not taken: a sentence for a person, and the items or criteria it concerns. */
export const RefusalSchema = z.object({
  code: RefusalCode,
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type Refusal = z.infer<typeof RefusalSchema>;
