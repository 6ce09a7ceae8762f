// A contact deleted in HubSpot "to follow privacy laws" (webhook `contact.privacyDeletion`): what
// Handoff holds about that contact goes, and one audit line says the request was handled.
//
// What Handoff holds about a contact, as built: nothing keyed to one. The HubSpot adapter reads
// deals, companies, owners (users, not contacts), pipelines and properties, and writes deal
// properties, notes and tasks associated with deals only; no table has a contact id, a contact's
// properties or a deal's contact associations (test/hubspot-app/backend/privacy-deletion.test.ts
// checks that the delivery leaves the contact's id in no row and no log line; a read that starts
// keeping contact ids must erase them here, with a test of its own).
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

export interface PrivacyDeletion {
  portalId: string;
  contactId: string;
  /** HubSpot's ids of the delivery, so the audit line can be matched with HubSpot's records. */
  eventId: string;
  occurredAt: number;
}

/**
 * Nothing to delete today (see above): the use case exists so the request is verified, answered
 * and audited, and so the day a table keeps contact ids, erasing them has its one place here.
 */
export async function forgetContact(deps: Deps, request: PrivacyDeletion): Promise<void> {
  const installation = await deps.store.getInstallation(request.portalId);
  // The audit line names the portal and HubSpot's event, never the contact's id.
  deps.log.info(
    {
      audit: 'privacy_deletion',
      portalId: request.portalId,
      eventId: request.eventId,
      occurredAt: request.occurredAt,
      portalKnown: installation !== null,
      erasedRows: 0,
    },
    'contact deleted for privacy in HubSpot: Handoff keeps no data keyed to a contact',
  );
}
