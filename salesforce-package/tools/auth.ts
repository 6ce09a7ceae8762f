// Signing in through jsforce: the OAuth 2.0 JWT bearer flow, re-minted whenever Salesforce answers
// 401 (jsforce calls `refreshFn` and repeats the request), or a developer's access token.
// The API version is always explicit: jsforce would otherwise use 50.0.
import { createSign } from 'node:crypto';
import { Connection } from 'jsforce';
import type { Clock } from './clock.js';
import type { Auth } from './config.js';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Salesforce accepts an assertion for at most 3 minutes after it was made. */
const ASSERTION_LIFETIME_S = 3 * 60;

interface TokenResponse {
  access_token: string;
  instance_url: string;
}

export function signAssertion(auth: Extract<Auth, { kind: 'jwt' }>, now: number): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = encode({ alg: 'RS256', typ: 'JWT' });
  const payload = encode({
    iss: auth.clientId,
    sub: auth.username,
    aud: auth.loginUrl,
    exp: Math.floor(now / 1000) + ASSERTION_LIFETIME_S,
  });
  const signature = createSign('RSA-SHA256')
    .update(`${header}.${payload}`)
    .sign(auth.privateKey)
    .toString('base64url');
  return `${header}.${payload}.${signature}`;
}

async function mint(auth: Extract<Auth, { kind: 'jwt' }>, clock: Clock): Promise<TokenResponse> {
  const response = await fetch(`${auth.loginUrl}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: JWT_BEARER,
      assertion: signAssertion(auth, clock.now()),
    }),
  });
  const body = (await response.json()) as Partial<TokenResponse> & {
    error?: string;
    error_description?: string;
  };
  if (!response.ok || !body.access_token || !body.instance_url)
    // The error and its description name the cause (invalid_grant, audience…); they carry no secret.
    throw new Error(
      `Salesforce refused the JWT sign-in for ${auth.username}: ${body.error ?? response.status} ${body.error_description ?? ''}`.trim(),
    );
  return { access_token: body.access_token, instance_url: body.instance_url };
}

export async function connect(auth: Auth, apiVersion: string, clock: Clock): Promise<Connection> {
  if (auth.kind === 'token')
    return new Connection({
      instanceUrl: auth.instanceUrl,
      accessToken: auth.accessToken,
      version: apiVersion,
    });
  const first = await mint(auth, clock);
  return new Connection({
    instanceUrl: first.instance_url,
    accessToken: first.access_token,
    version: apiVersion,
    loginUrl: auth.loginUrl,
    refreshFn: (_conn, callback) => {
      mint(auth, clock).then(
        (token) => callback(null, token.access_token),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
}
