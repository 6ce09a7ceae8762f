// Who is calling, from the query string of a signed card request (hubspot.fetch adds portalId and
// userId and signs them). Read from the raw query, once each: a repeated parameter would otherwise
// reach the code as an array, and which copy counts would depend on the parser.
import type { Caller } from '../use-cases/context.js';

export type CallerResult = { ok: true; caller: Caller } | { ok: false; message: string };

export function callerOf(url: string): CallerResult {
  const at = url.indexOf('?');
  const params = new URLSearchParams(at === -1 ? '' : url.slice(at + 1));
  const names = [...params.keys()];
  const repeated = [...new Set(names.filter((name, i) => names.indexOf(name) !== i))];
  if (repeated.length > 0)
    return {
      ok: false,
      message: `The request repeats the query parameter ${repeated.join(', ')}; a signed request names each once.`,
    };
  const portalId = params.get('portalId');
  const userId = params.get('userId');
  if (!portalId || !userId)
    return { ok: false, message: 'The request names no HubSpot account or user.' };
  return { ok: true, caller: { portalId, userId } };
}
