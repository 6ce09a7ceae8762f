import * as z from 'zod/mini';
import { HandoffStatus } from '../playbook/schema.js';

export const ItemValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type ItemValue = z.infer<typeof ItemValueSchema>;

export const ItemStateSchema = z.object({
  value: ItemValueSchema,
  done: z.boolean(),
  by: z.string(),
  at: z.number(),
});
export type ItemState = z.infer<typeof ItemStateSchema>;

export const HandoffEventType = z.enum([
  'item_set',
  'submitted',
  'withdrawn',
  'accepted',
  'rejected',
  'reworked',
]);
export type HandoffEventType = z.infer<typeof HandoffEventType>;

/** What happened, when and by whom: SLA pauses and metrics are computed from these. */
export const HandoffEventSchema = z.object({
  type: HandoffEventType,
  at: z.number(),
  by: z.string(),
  actionId: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type HandoffEvent = z.infer<typeof HandoffEventSchema>;

export const HandoffStateSchema = z.object({
  status: HandoffStatus,
  version: z.number().check(z.int(), z.gte(0)),
  items: z.record(z.string(), ItemStateSchema),
  events: z.array(HandoffEventSchema),
});
export type HandoffState = z.infer<typeof HandoffStateSchema>;
