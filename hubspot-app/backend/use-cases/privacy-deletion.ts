// A contact deleted in HubSpot "to follow privacy laws" (webhook `contact.privacyDeletion`): what
// Handoff holds about that contact goes, and one audit line says the request was handled.
//
// What Handoff holds about a contact: since the marketing → sales handoff lives on contacts, the
// contact's handoffs and their recorded actions, its record summary, the escalations recorded for it
// and the writes queued for it (store/erasure.ts deletes them all in one transaction). Contacts'
// properties are read from HubSpot on each view, never kept. A deal's contact associations are not
// read. test/hubspot-app/backend/privacy-deletion.test.ts checks that the delivery leaves the
// contact's id in no row and no log line.
//
// What can still name the person: free-text checklist answers a user typed on a deal ("Champion:
// Dana Lee"), their history in the handoff's events and the mirrored notes. They are kept. The
// event names only the contact's id, and HubSpot is deleting the record that holds the name and
// email, so there is nothing reliable to look for; guessing by name would miss (nicknames, typos)
// and hit other people of the same name, and erasing every answer on every deal would destroy the
// portal's records for a request about one person. Those answers are the portal's deal records,
// entered by its users: the account (the controller) decides what to erase there, as it does in
// HubSpot's own deal properties and notes, which a contact's privacy deletion leaves in place too.
import type { Deps } from '../deps.js';
import { forgetPicture } from './portal-picture.js';

export interface PrivacyDeletion {
  portalId: string;
  contactId: string;
  /** HubSpot's ids of the delivery, so the audit line can be matched with HubSpot's records. */
  eventId: string;
  occurredAt: number;
}

/** Erases what Handoff keeps about the contact (see above) and audits the request. */
export async function forgetContact(deps: Deps, request: PrivacyDeletion): Promise<void> {
  const installation = await deps.store.getInstallation(request.portalId);
  const erasedRows = await deps.store.forgetContact(request.portalId, request.contactId);
  // The queue and dashboard keep the portal evaluated in memory: this instance's copy goes now
  // (another instance's is rebuilt within PICTURE_TTL_MS).
  forgetPicture(deps, request.portalId);
  // The audit line names the portal and HubSpot's event, never the contact's id.
  deps.log.info(
    {
      audit: 'privacy_deletion',
      portalId: request.portalId,
      eventId: request.eventId,
      occurredAt: request.occurredAt,
      portalKnown: installation !== null,
      erasedRows,
    },
    'contact deleted for privacy in HubSpot: its handoffs, actions, escalations and queued writes erased',
  );
}
