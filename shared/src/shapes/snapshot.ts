import * as z from 'zod/mini';
import { HandoffStateSchema } from './handoff-state.js';

/** A CRM-neutral picture of one record. Adapters build it; the core never sees a CRM field name. */
export const RecordSnapshotSchema = z.object({
  crm: z.enum(['hubspot', 'salesforce']),
  objectType: z.string(),
  recordId: z.string(),
  /** The playbook's stage id (the adapter maps CRM stage ids and names). */
  stage: z.string(),
  /** Raw CRM values by logical field name; the core coerces them by the playbook's field types. */
  fields: z.record(z.string(), z.unknown()),
  stageHistory: z.array(z.object({ stage: z.string(), enteredAt: z.number() })),
  handoffs: z.record(z.string(), HandoffStateSchema),
  ownerId: z.optional(z.string()),
  /**
   * When sales activities (logged calls, emails, meetings; a Lead's conversion) happened on the
   * record, for `first_activity` stops. Adapters may send only those since the record's last
   * stage change; absent means none known.
   */
  activities: z.optional(z.array(z.number())),
});
export type RecordSnapshot = z.infer<typeof RecordSnapshotSchema>;
