// The preview's `hubspot` object: `extend` registers the entry's render function; `fetch` goes to
// the sandbox's card host, which adds the portal and the viewer and signs as HubSpot does.
import { extend, session } from './session.js';

async function hubspotFetch(
  url: string,
  options: { method?: string; body?: unknown } = {},
): Promise<Response> {
  const response = await fetch('/host/fetch', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      url,
      method: options.method ?? 'GET',
      body: options.body,
      userId: session.viewerId,
    }),
  });
  if (!response.ok) throw new Error(`The card host failed (${response.status}).`);
  const answer = (await response.json()) as { status: number; body: unknown };
  // The page around the card (deal list, HubSpot activity) refreshes after the card changed something.
  if ((options.method ?? 'GET') !== 'GET') window.dispatchEvent(new Event('card-changed'));
  return new Response(answer.body === null ? null : JSON.stringify(answer.body), {
    status: answer.status,
    headers: { 'content-type': 'application/json' },
  });
}

export const hubspot = {
  extend,
  fetch: hubspotFetch,
  serverless: () => Promise.reject(new Error('Marketplace apps cannot run serverless functions.')),
};
