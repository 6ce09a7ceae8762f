import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../plumbing/clock.js';
import type { Db } from '../plumbing/storage.js';
import type { EmulatorRequest, EmulatorResponse, Route } from '../plumbing/router.js';
import { hubspotError } from './errors.js';
import { ALL_SCOPES } from './scopes.js';

// https://developers.hubspot.com/changelog/upcoming-expiration-of-oauth-access-tokens-is-changing
export const ACCESS_TOKEN_SECONDS = 30 * 60;
/**
 * What a token carries when its issuer names no scopes: every scope the emulator checks. Real
 * HubSpot grants what the install URL asked for; tests of that pass the scopes explicitly.
 */
export const DEFAULT_SCOPES: readonly string[] = [
  'oauth',
  ...ALL_SCOPES.filter((s) => s !== 'oauth'),
];

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}

interface TokenRow {
  token: string;
  kind: 'access' | 'refresh' | 'code';
  portal_id: string;
  user_id: string | null;
  scopes: string;
  expires_at: number | null;
  redirect_uri: string | null;
  revoked: number;
}

export type Resolution =
  { portalId: string; scopes: readonly string[] } | { expiredMsAgo: number } | undefined;

/** An app uninstall as HubSpot records it; HubSpot emails the account's Super Admins about each. */
export interface Uninstall {
  portalId: string;
  at: number;
}

const secret = (prefix: string): string => `${prefix}-${randomBytes(24).toString('base64url')}`;

export class OAuth {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly app: { clientId: string; clientSecret: string; appId: number },
  ) {}

  readonly uninstalls: Uninstall[] = [];

  issueToken(
    portalId: string,
    userId = '1',
    scopes: readonly string[] = DEFAULT_SCOPES,
  ): TokenPair {
    const refreshToken = secret('na1-rt');
    this.insert(refreshToken, 'refresh', portalId, userId, scopes, null, null);
    return { ...this.issueAccess(portalId, userId, scopes), refreshToken };
  }

  issueAuthorizationCode(
    portalId: string,
    redirectUri: string,
    userId = '1',
    scopes: readonly string[] = DEFAULT_SCOPES,
  ): string {
    const code = secret('code');
    // HubSpot's codes are short-lived and single use.
    this.insert(
      code,
      'code',
      portalId,
      userId,
      scopes,
      this.clock.now() + 10 * 60_000,
      redirectUri,
    );
    return code;
  }

  /** Maps a bearer token to its portal; expired tokens are told apart for HubSpot's 401 message. */
  resolve(token: string): Resolution {
    const row = this.row(token, 'access');
    if (!row || row.revoked) return undefined;
    const now = this.clock.now();
    if (row.expires_at !== null && row.expires_at <= now)
      return { expiredMsAgo: now - row.expires_at };
    return { portalId: row.portal_id, scopes: JSON.parse(row.scopes) as string[] };
  }

  /**
   * The app uninstall API: the app leaves the account, so every token of it stops working and its
   * webhooks stop. https://developers.hubspot.com/docs/api-reference/latest/app-management/app-uninstalls/guide
   * and https://developers.hubspot.com/changelog/public-beta-new-api-for-uninstalling-a-public-app-from-a-hubspot-account
   */
  uninstall(portalId: string): void {
    this.db.prepare('UPDATE tokens SET revoked = 1 WHERE portal_id = ?').run(portalId);
    this.uninstalls.push({ portalId, at: this.clock.now() });
  }

  /** Whether the app holds a live grant (a refresh token) in this portal, i.e. is installed there. */
  installedIn(portalId: string): boolean {
    return (
      this.db
        .prepare(
          "SELECT 1 FROM tokens WHERE portal_id = ? AND kind = 'refresh' AND revoked = 0 LIMIT 1",
        )
        .get(portalId) !== undefined
    );
  }

  routes(): Route[] {
    const token = (dated: boolean) => (request: EmulatorRequest) => this.token(request, dated);
    return [
      {
        name: 'oauth.token',
        method: 'POST',
        path: '/oauth/2026-03/token',
        docs: 'https://developers.hubspot.com/docs/api-reference/auth-oauth-v3/guide',
        handler: token(true),
      },
      {
        name: 'oauth.v1.token',
        method: 'POST',
        path: '/oauth/v1/token',
        docs: 'https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/refresh-oauth-token',
        handler: token(false),
      },
      {
        name: 'oauth.v1.accessTokenInfo',
        method: 'GET',
        path: '/oauth/v1/access-tokens/:token',
        docs: 'https://legacydocs.hubspot.com/docs/methods/oauth2/get-access-token-information',
        handler: (request) => this.info(request.params.token ?? ''),
      },
      // Authenticated (and scope-checked) like the CRM routes: the token names the portal.
      {
        name: 'appinstalls.uninstall',
        method: 'DELETE',
        path: '/appinstalls/2026-03/external-install',
        docs: 'https://developers.hubspot.com/docs/api-reference/2026-03/app-management/app-uninstalls/uninstall-app',
        handler: (request) => this.uninstallRoute(request),
      },
      {
        name: 'appinstalls.v3.uninstall',
        method: 'DELETE',
        path: '/appinstalls/v3/external-install',
        docs: 'https://developers.hubspot.com/docs/api-reference/legacy/app-management/app-uninstalls/uninstall-app',
        handler: (request) => this.uninstallRoute(request),
      },
    ];
  }

  /** 204 with no body on success, as the uninstall API documents. */
  private uninstallRoute(request: EmulatorRequest): EmulatorResponse {
    if (!request.portalId) throw new Error('uninstall reached without an authenticated portal');
    this.uninstall(request.portalId);
    return { status: 204 };
  }

  private token(request: EmulatorRequest, dated: boolean): EmulatorResponse {
    const fail = (status: string, message: string, grantError: string): EmulatorResponse => ({
      status: 400,
      body: {
        status,
        message,
        correlationId: randomUUID(),
        // The dated endpoint is OAuth 2.1 based; also carry the RFC 6749 code (uncertain, see README).
        ...(dated ? { error: grantError, error_description: message } : {}),
      },
    });
    if (
      request.headers['content-type']?.split(';')[0]?.trim() !== 'application/x-www-form-urlencoded'
    ) {
      return fail(
        'BAD_REQUEST',
        'the body must be application/x-www-form-urlencoded',
        'invalid_request',
      );
    }
    const form = (request.body ?? {}) as Record<string, string>;
    if (form.client_id !== this.app.clientId)
      return fail('BAD_CLIENT_ID', 'missing or invalid client_id', 'invalid_client');
    if (form.client_secret !== this.app.clientSecret) {
      return fail('BAD_CLIENT_SECRET', 'missing or invalid client_secret', 'invalid_client');
    }
    let grant: TokenRow | undefined;
    if (form.grant_type === 'authorization_code') {
      grant = this.row(form.code ?? '', 'code');
      const usable = grant && !grant.revoked && (grant.expires_at ?? 0) > this.clock.now();
      if (!grant || !usable || grant.redirect_uri !== form.redirect_uri) {
        return fail('BAD_AUTH_CODE', 'missing or unknown auth code', 'invalid_grant');
      }
      this.db.prepare('UPDATE tokens SET revoked = 1 WHERE token = ?').run(grant.token);
    } else if (form.grant_type === 'refresh_token') {
      grant = this.row(form.refresh_token ?? '', 'refresh');
      if (!grant || grant.revoked)
        return fail('BAD_REFRESH_TOKEN', 'missing or invalid refresh token', 'invalid_grant');
    } else {
      return fail('BAD_GRANT_TYPE', 'missing or invalid grant_type', 'unsupported_grant_type');
    }
    const scopes = JSON.parse(grant.scopes) as string[];
    const userId = grant.user_id ?? '1';
    const access = this.issueAccess(grant.portal_id, userId, scopes);
    let refreshToken = grant.token;
    if (grant.kind === 'code') {
      refreshToken = secret('na1-rt');
      this.insert(refreshToken, 'refresh', grant.portal_id, userId, scopes, null, null);
    }
    return {
      status: 200,
      body: {
        token_type: 'bearer',
        access_token: access.accessToken,
        refresh_token: refreshToken,
        expires_in: ACCESS_TOKEN_SECONDS,
        hub_id: Number(grant.portal_id),
        user_id: Number(userId),
        scopes,
      },
    };
  }

  private info(token: string): EmulatorResponse {
    const row = this.row(token, 'access');
    const now = this.clock.now();
    if (!row || row.revoked || (row.expires_at ?? 0) <= now) {
      return hubspotError(
        404,
        'OBJECT_NOT_FOUND',
        'The access token does not exist or has expired',
      );
    }
    const domain = this.db
      .prepare('SELECT domain FROM portals WHERE id = ?')
      .get(row.portal_id) as { domain: string };
    return {
      status: 200,
      body: {
        token,
        token_type: 'access',
        user: `user${row.user_id ?? '1'}@${domain.domain}`,
        user_id: Number(row.user_id ?? '1'),
        hub_domain: domain.domain,
        hub_id: Number(row.portal_id),
        app_id: this.app.appId,
        scopes: JSON.parse(row.scopes) as string[],
        expires_in: Math.floor(((row.expires_at ?? now) - now) / 1000),
      },
    };
  }

  private issueAccess(
    portalId: string,
    userId: string,
    scopes: readonly string[],
  ): { accessToken: string; expiresAt: number } {
    const accessToken = secret('na1-at');
    const expiresAt = this.clock.now() + ACCESS_TOKEN_SECONDS * 1000;
    this.insert(accessToken, 'access', portalId, userId, scopes, expiresAt, null);
    return { accessToken, expiresAt };
  }

  private insert(
    token: string,
    kind: TokenRow['kind'],
    portalId: string,
    userId: string,
    scopes: readonly string[],
    expiresAt: number | null,
    redirectUri: string | null,
  ): void {
    this.db
      .prepare(
        'INSERT INTO tokens (token, kind, portal_id, user_id, scopes, expires_at, redirect_uri) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(token, kind, portalId, userId, JSON.stringify(scopes), expiresAt, redirectUri);
  }

  private row(token: string, kind: TokenRow['kind']): TokenRow | undefined {
    return this.db.prepare('SELECT * FROM tokens WHERE token = ? AND kind = ?').get(token, kind) as
      TokenRow | undefined;
  }
}
