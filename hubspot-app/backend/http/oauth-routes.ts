// The marketplace install: /oauth/install sends the admin to HubSpot's consent screen with a CSRF
// state; /oauth/callback trades the code for tokens (dated endpoint), stores them sealed, provisions.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.js';
import type { TokenGrant } from '../installations/oauth-client.js';
import { checkState, issueState, STATE_COOKIE, STATE_TTL_MS } from '../installations/state.js';

export interface OAuthRoutesOptions {
  clientId: string;
  authorizeUrl: string;
  redirectUri: string;
  scopes: readonly string[];
  stateSecret: string;
  clock: Clock;
  exchange(code: string): Promise<TokenGrant>;
  /** Stores the tokens and provisions the portal; throws when provisioning fails. */
  onInstalled(grant: TokenGrant): Promise<void>;
}

export function registerOAuthRoutes(app: FastifyInstance, options: OAuthRoutesOptions): void {
  app.get('/oauth/install', async (_request, reply) => {
    const state = issueState(options.stateSecret, options.clock.now());
    const url = new URL(options.authorizeUrl);
    url.searchParams.set('client_id', options.clientId);
    url.searchParams.set('scope', options.scopes.join(' '));
    url.searchParams.set('redirect_uri', options.redirectUri);
    url.searchParams.set('state', state);
    reply.header(
      'set-cookie',
      `${STATE_COOKIE}=${state}; Max-Age=${STATE_TTL_MS / 1000}; Path=/oauth; HttpOnly; Secure; SameSite=Lax`,
    );
    return reply.redirect(url.toString(), 302);
  });

  app.get('/oauth/callback', async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    if (query.error)
      return page(reply, 400, 'Handoff was not installed', `HubSpot said: ${query.error}.`);
    if (
      !checkState(
        options.stateSecret,
        query.state,
        cookie(request, STATE_COOKIE),
        options.clock.now(),
      )
    ) {
      return page(
        reply,
        400,
        'Handoff was not installed',
        'This install link expired or was not started here. Start the install again from the marketplace.',
      );
    }
    if (!query.code)
      return page(reply, 400, 'Handoff was not installed', 'HubSpot sent no authorization code.');
    let grant: TokenGrant;
    try {
      grant = await options.exchange(query.code);
    } catch {
      return page(
        reply,
        502,
        'Handoff was not installed',
        'HubSpot did not accept the authorization. Start the install again.',
      );
    }
    try {
      await options.onInstalled(grant);
    } catch (error) {
      request.log.warn(
        { err: { message: (error as Error).message } },
        'provisioning at install failed',
      );
      return page(
        reply,
        502,
        'Handoff is installed, but not set up yet',
        'Creating its deal properties in HubSpot failed; install again to retry — nothing is created twice.',
      );
    }
    reply.header(
      'set-cookie',
      `${STATE_COOKIE}=; Max-Age=0; Path=/oauth; HttpOnly; Secure; SameSite=Lax`,
    );
    return page(
      reply,
      200,
      'Handoff is installed',
      `Account ${grant.portalId} is ready. Next: add the Handoff card to your deal and company record views (Settings → Objects → Deals → Record customization), then open Handoff's settings to configure the playbook.`,
    );
  });
}

function cookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function page(reply: FastifyReply, status: number, title: string, text: string) {
  const escape = (s: string) =>
    s.replace(
      /[&<>"]/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
    );
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><meta charset="utf-8"><title>${escape(title)}</title><h1>${escape(title)}</h1><p>${escape(text)}</p>`,
    );
}
