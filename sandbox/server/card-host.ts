// A local stand-in for HubSpot's card host. In HubSpot, `hubspot.fetch` leaves the browser for
// HubSpot, which adds the portal and the signed-in user to the query and signs the request (v3)
// with the app's client secret before calling the backend. The preview page does the same through
// this host, so the backend verifies every request for real. The card's production URL is mapped
// to the local backend, as `hs project dev` maps it to localhost.
import { Signature } from '@hubspot/api-client';
import type { Clock } from '../emulators/plumbing/clock.js';

export const CARD_BACKEND_URL = 'https://api.handoff.example';

export interface HostRequest {
  url: string;
  method: string;
  body?: unknown;
  userId: string;
}

export interface CardHost {
  fetch(request: HostRequest): Promise<{ status: number; body: unknown }>;
}

export function createCardHost(options: {
  backendUrl: string;
  clientSecret: string;
  portalId: string;
  appId: number;
  clock: Clock;
}): CardHost {
  return {
    async fetch(request) {
      if (!request.url.startsWith(`${CARD_BACKEND_URL}/`))
        return { status: 403, body: { error: 'The card may only call its permitted URL.' } };
      const path = request.url.slice(CARD_BACKEND_URL.length);
      const separator = path.includes('?') ? '&' : '?';
      const signedPath = `${path}${separator}portalId=${options.portalId}&userId=${encodeURIComponent(request.userId)}&appId=${options.appId}`;
      const body = request.body === undefined ? '' : JSON.stringify(request.body);
      const timestamp = options.clock.now();
      const signature = Signature.getSignature(request.method, 'v3', {
        clientSecret: options.clientSecret,
        url: `${options.backendUrl}${signedPath}`,
        requestBody: body,
        timestamp,
        signature: '',
      });
      const response = await fetch(`${options.backendUrl}${signedPath}`, {
        method: request.method,
        headers: {
          'content-type': 'application/json',
          'x-hubspot-signature-v3': signature,
          'x-hubspot-request-timestamp': String(timestamp),
        },
        ...(body === '' ? {} : { body }),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
    },
  };
}
