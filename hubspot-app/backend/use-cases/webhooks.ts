// Deal stage changes from HubSpot's webhooks. Deliveries repeat and arrive out of order, so each
// event is stored once under its identity and history is ordered by when the change happened.
// Contacts deleted for privacy are forgotten (privacy-deletion.ts).
import * as z from 'zod/mini';
import type { Deps } from '../deps.js';
import { UseCaseError } from './errors.js';
import { forgetContact } from './privacy-deletion.js';

const Event = z.object({
  eventId: z.union([z.number(), z.string()]),
  subscriptionId: z.optional(z.union([z.number(), z.string()])),
  portalId: z.union([z.number(), z.string()]),
  objectId: z.union([z.number(), z.string()]),
  occurredAt: z.number(),
  subscriptionType: z.string(),
  propertyName: z.optional(z.string()),
  propertyValue: z.optional(z.string()),
});
const Deliveries = z.array(Event).check(z.maxLength(1000));

export async function receiveWebhook(
  deps: Deps,
  body: unknown,
): Promise<{ stored: number; ignored: number; contactsForgotten: number }> {
  const parsed = Deliveries.safeParse(body);
  if (!parsed.success)
    throw new UseCaseError(400, 'bad_request', 'The webhook body is not a list of HubSpot events.');
  let stored = 0;
  let ignored = 0;
  let contactsForgotten = 0;
  for (const event of parsed.data) {
    // Whether or not the portal is still installed: its data may still be here until retention.
    if (event.subscriptionType === 'contact.privacyDeletion') {
      await forgetContact(deps, {
        portalId: String(event.portalId),
        contactId: String(event.objectId),
        eventId: String(event.eventId),
        occurredAt: event.occurredAt,
      });
      contactsForgotten++;
      continue;
    }
    const isStageChange =
      event.subscriptionType === 'object.propertyChange' &&
      event.propertyName === 'dealstage' &&
      event.propertyValue;
    const portalId = String(event.portalId);
    const installation = isStageChange ? await deps.store.getInstallation(portalId) : null;
    if (!isStageChange || !installation || installation.uninstalledAt !== null) {
      ignored++;
      continue;
    }
    // HubSpot's eventId alone is not unique; with the object, the moment and the value it is.
    const key = [event.eventId, event.objectId, event.occurredAt, event.propertyValue].join(':');
    const fresh = await deps.store.recordTransition(
      portalId,
      key,
      {
        dealId: String(event.objectId),
        pipelineStage: String(event.propertyValue),
        occurredAt: event.occurredAt,
      },
      deps.clock.now(),
    );
    if (fresh) stored++;
    else ignored++;
  }
  return { stored, ignored, contactsForgotten };
}
