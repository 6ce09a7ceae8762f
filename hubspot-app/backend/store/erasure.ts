// Erasing one contact from a portal's rows, for HubSpot's privacy deletion (use-cases/privacy-deletion.ts).
// Since issue 19 Handoff keeps rows keyed to a contact: its handoffs and their recorded actions, its
// record summary, the escalations the scanner recorded for it and the writes queued for it in the
// outbox (notes, tasks, its lifecycle-stage moves, the writes of its Handoff properties).
import type { Sql } from './sql.js';

/** The object type names rows use for a contact: the store's 'contact', the card's 'contacts'. */
const CONTACT_TYPES = ['contact', 'contacts'];

/** Deletes every row about one contact of one portal, in one transaction; answers how many went. */
export async function forgetContactRows(
  sql: Sql,
  portalId: string,
  contactId: string,
): Promise<number> {
  return sql.transaction(async (tx) => {
    let erased = 0;
    const count = async (text: string, params: unknown[]) => {
      const rows = await tx.query(`${text} RETURNING 1 AS gone`, params);
      erased += rows.length;
    };
    for (const table of ['handoffs', 'handoff_actions', 'record_summaries'])
      await count(
        `DELETE FROM ${table} WHERE portal_id = $1 AND record_id = $2 AND object_type IN ($3, $4)`,
        [portalId, contactId, ...CONTACT_TYPES],
      );
    // escalationKey: <crm>:<objectType>:<recordId>:<sla>:L<level>:<start>; the scanner's record
    // of a handoff's tasks completed once the contact left its stage: settled:<the same>:…
    const keys = ['', 'settled:'].flatMap((prefix) =>
      CONTACT_TYPES.map((type) => `${prefix}hubspot:${type}:${escapeLike(contactId)}:%`),
    );
    await count(
      `DELETE FROM escalations WHERE portal_id = $1 AND (${keys.map((_, i) => `key LIKE $${i + 2}`).join(' OR ')})`,
      [portalId, ...keys],
    );
    // Outbox payloads name the contact as a move's contactId, an engagement's record on contacts
    // or a mirror's record of object contact.
    await count(
      `DELETE FROM outbox WHERE portal_id = $1 AND (payload LIKE $2 OR (payload LIKE $3 AND (payload LIKE $4 OR payload LIKE $5)))`,
      [
        portalId,
        `%"contactId":"${escapeLike(contactId)}"%`,
        `%"dealId":"${escapeLike(contactId)}"%`,
        '%"on":"contacts"%',
        '%"object":"contact"%',
      ],
    );
    return erased;
  });
}

/** HubSpot ids are digits; LIKE's wildcards, backslashes and quotes are dropped so none widens a pattern. */
function escapeLike(value: string): string {
  return value.replace(/[%_\\"]/g, '');
}
