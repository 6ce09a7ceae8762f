// HubSpot's dated OAuth token endpoint, called directly: the client library wraps only the v1
// endpoints, which stop working in February 2027.
import { CrmError } from '../hubspot/crm.js';

export interface TokenGrant {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
  portalId: string;
}

export class OAuthRefused extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
  ) {
    super(`HubSpot refused the token request (${status} ${error})`);
  }
}

/** The uninstall runs inside an admin's hubspot.fetch request, which HubSpot gives 15 s. */
const UNINSTALL_TIMEOUT_MS = 10_000;

export interface OAuthClientOptions {
  apiBase: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /**
   * What one token request may take. A refresh can sit inside a card request, which HubSpot gives
   * 15 s, in front of the record read's own timeout; so it gets the card's timeout by default.
   */
  timeoutMs?: number;
}

/** A token request's timeout unless the service sets one (the card's HubSpot timeout). */
export const TOKEN_TIMEOUT_MS = 5_000;

export class OAuthClient {
  constructor(private readonly options: OAuthClientOptions) {}

  exchangeCode(code: string, now: number): Promise<TokenGrant> {
    return this.token(
      { grant_type: 'authorization_code', code, redirect_uri: this.options.redirectUri },
      now,
    );
  }

  refresh(refreshToken: string, now: number): Promise<TokenGrant> {
    return this.token(
      {
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        redirect_uri: this.options.redirectUri,
      },
      now,
    );
  }

  /**
   * HubSpot's app uninstall API: the app leaves the account (its cards and webhooks go, the
   * account's Super Admins get an email). 204 on success; a 401 means the token no longer works.
   * https://developers.hubspot.com/docs/api-reference/latest/app-management/app-uninstalls/guide
   */
  async uninstallApp(accessToken: string): Promise<void> {
    const response = await fetch(
      `${this.options.apiBase.replace(/\/$/, '')}/appinstalls/2026-03/external-install`,
      {
        method: 'DELETE',
        headers: { authorization: `Bearer ${accessToken}` },
        signal: AbortSignal.timeout(UNINSTALL_TIMEOUT_MS),
      },
    );
    await response.arrayBuffer();
    if (!response.ok) throw new OAuthRefused(response.status, 'uninstall_refused');
  }

  private async token(fields: Record<string, string>, now: number): Promise<TokenGrant> {
    const body = new URLSearchParams({
      ...fields,
      client_id: this.options.clientId,
      client_secret: this.options.clientSecret,
    });
    const response = await postOnce(
      `${this.options.apiBase.replace(/\/$/, '')}/oauth/2026-03/token`,
      body,
      this.options.timeoutMs ?? TOKEN_TIMEOUT_MS,
    );
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok)
      throw new OAuthRefused(response.status, String(json.error ?? json.category ?? 'unknown'));
    const accessToken = json.access_token;
    const refreshToken = json.refresh_token;
    const hubId = json.hub_id;
    if (
      typeof accessToken !== 'string' ||
      typeof refreshToken !== 'string' ||
      hubId === undefined
    ) {
      throw new OAuthRefused(response.status, 'malformed_token_response');
    }
    return {
      accessToken,
      refreshToken,
      expiresAt: now + Number(json.expires_in ?? 1800) * 1000,
      portalId: String(hubId),
    };
  }
}

/**
 * A POST, tried again once when the connection was reset before any answer: a pooled keep-alive
 * connection the server had just closed. A token request is safe to repeat when none arrived.
 */
async function postOnce(url: string, body: URLSearchParams, timeoutMs: number): Promise<Response> {
  // One deadline for both tries: a hung token endpoint must not hold a card request (or a
  // refresh every other request of the portal waits on) past it.
  const signal = AbortSignal.timeout(timeoutMs);
  const send = () =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      signal,
    });
  try {
    try {
      return await send();
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET') throw error;
      return await send();
    }
  } catch (error) {
    if (!signal.aborted) throw error;
    // Like a hung CRM call (hubspot/crm.ts): a 504 the callers treat as transient, with a sentence.
    throw new CrmError(
      504,
      `HubSpot's token endpoint did not answer within ${timeoutMs / 1000} s; try again.`,
      undefined,
      504,
    );
  }
}
