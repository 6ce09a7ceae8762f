// OAuth 2.0 JWT bearer flow for server-to-server integration, as the token endpoint documents it:
// https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm
// The assertion is an RS256 JWT signed with the connected app's key: iss = consumer key, sub = username,
// aud = the login URL, exp in the future. Sessions live for `sessionLifetimeMs` on the emulator clock.
import { createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import type { Clock } from '../plumbing/clock.js';
import type { EmulatorResponse, Route } from '../plumbing/router.js';
import type { RecordStore } from './store.js';

export interface ConnectedApp {
  consumerKey: string;
  /** The certificate's public key, PEM: what an admin uploads to the connected app. */
  publicKeyPem: string;
}

interface Session {
  username: string;
  userId: string;
  expiresAt: number;
}

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const AUDIENCES = ['https://login.salesforce.com', 'https://test.salesforce.com'];
export const ORG_ID = '00D000000000001EAA';

function oauthError(error: string, description: string): EmulatorResponse {
  return { status: 400, body: { error, error_description: description } };
}

export class Sessions {
  readonly #sessions = new Map<string, Session>();
  readonly #apps: { consumerKey: string; key: KeyObject }[];
  /** Counts tokens minted through the JWT flow, so tests can see a re-mint. */
  minted = 0;

  constructor(
    private readonly clock: Clock,
    private readonly store: RecordStore,
    apps: readonly ConnectedApp[],
    private readonly lifetimeMs: number,
    private readonly instanceUrl: () => string,
  ) {
    this.#apps = apps.map((app) => ({
      consumerKey: app.consumerKey,
      key: createPublicKey(app.publicKeyPem),
    }));
  }

  issue(username: string): string {
    const user = [...this.store.all('User')].find((u) => u.Username === username);
    if (!user) throw new Error(`no user ${username} in the emulated org`);
    const token = `${ORG_ID}!${randomBytes(24).toString('base64url')}`;
    this.#sessions.set(token, {
      username,
      userId: user.Id as string,
      expiresAt: this.clock.now() + this.lifetimeMs,
    });
    return token;
  }

  resolve(token: string): Session | undefined {
    const session = this.#sessions.get(token);
    if (!session || session.expiresAt <= this.clock.now()) return undefined;
    return session;
  }

  /** The switch for "the admin revoked sessions" / "the session timed out". */
  expireAll(): void {
    this.#sessions.clear();
  }

  routes(): Route[] {
    return [
      {
        name: 'oauth.token',
        method: 'POST',
        path: '/services/oauth2/token',
        docs: 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm',
        handler: (request) => {
          const body = (request.body ?? {}) as Record<string, string>;
          if (body.grant_type !== JWT_BEARER)
            return oauthError('unsupported_grant_type', 'grant type not supported');
          return this.#jwt(body.assertion ?? '');
        },
      },
    ];
  }

  #jwt(assertion: string): EmulatorResponse {
    const [header = '', payload = '', signature = ''] = assertion.split('.');
    let claims: Record<string, unknown>;
    let alg: unknown;
    try {
      alg = (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown })
        .alg;
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
        string,
        unknown
      >;
    } catch {
      return oauthError('invalid_grant', 'invalid assertion');
    }
    const app = this.#apps.find((a) => a.consumerKey === claims.iss);
    if (!app) return oauthError('invalid_client_id', 'client identifier invalid');
    const signed = Buffer.from(`${header}.${payload}`);
    if (
      alg !== 'RS256' ||
      !verify('RSA-SHA256', signed, app.key, Buffer.from(signature, 'base64url'))
    )
      return oauthError('invalid_grant', 'invalid assertion');
    const audiences = [...AUDIENCES, this.instanceUrl()];
    if (typeof claims.aud !== 'string' || !audiences.includes(claims.aud))
      return oauthError('invalid_grant', 'audience is invalid');
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= this.clock.now())
      return oauthError('invalid_grant', 'expired authorization code');
    const user = [...this.store.all('User')].find((u) => u.Username === claims.sub);
    if (!user || user.IsActive === false)
      return oauthError('invalid_grant', "user hasn't approved this consumer");
    this.minted++;
    const token = this.issue(String(claims.sub));
    return {
      status: 200,
      body: {
        access_token: token,
        scope: 'api',
        instance_url: this.instanceUrl(),
        id: `${this.instanceUrl()}/id/${ORG_ID}/${String(user.Id)}`,
        token_type: 'Bearer',
      },
    };
  }
}
