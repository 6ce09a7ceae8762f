// Playbook export tokens. The Salesforce deploy tool runs in an admin's terminal, not in a HubSpot
// iframe, so it cannot send HubSpot's request signature; instead an admin asks the settings page (a
// signed request, role checked on the server) for a token, and the tool presents it. The token is
// stateless: an HMAC over its claims with a key derived from the app's client secret (a leaked token
// does not reveal the secret; rotating the secret voids every token), bound to one portal, to the
// admin who asked and to the fingerprint of the playbook saved then, and valid for 15 minutes.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const EXPORT_TOKEN_TTL_MS = 15 * 60_000;
const PREFIX = 'hpx1';

export interface ExportClaims {
  portalId: string;
  userId: string;
  fingerprint: string;
  expiresAt: number;
}

export type ExportTokenVerdict =
  { ok: true; claims: ExportClaims } | { ok: false; reason: 'malformed' | 'mismatch' | 'expired' };

export interface ExportTokens {
  issue(claims: ExportClaims): string;
  read(token: string, now: number): ExportTokenVerdict;
}

export function exportTokens(clientSecret: string): ExportTokens {
  // A key of its own, so a token's MAC is never a MAC a HubSpot signature could also be.
  const key = createHmac('sha256', clientSecret).update('handoff playbook export v1').digest();
  const mac = (payload: string) =>
    createHmac('sha256', key).update(`${PREFIX}.${payload}`).digest('base64url');
  return {
    issue(claims) {
      const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
      return `${PREFIX}.${payload}.${mac(payload)}`;
    },
    read(token, now) {
      const [prefix, payload, given, ...rest] = token.split('.');
      if (prefix !== PREFIX || !payload || !given || rest.length > 0)
        return { ok: false, reason: 'malformed' };
      const expected = Buffer.from(mac(payload), 'utf8');
      const presented = Buffer.from(given, 'utf8');
      if (expected.length !== presented.length || !timingSafeEqual(expected, presented))
        return { ok: false, reason: 'mismatch' };
      const claims = parseClaims(Buffer.from(payload, 'base64url').toString('utf8'));
      if (!claims) return { ok: false, reason: 'malformed' };
      return now < claims.expiresAt ? { ok: true, claims } : { ok: false, reason: 'expired' };
    },
  };
}

function parseClaims(json: string): ExportClaims | undefined {
  try {
    const c = JSON.parse(json) as Partial<ExportClaims>;
    return typeof c.portalId === 'string' &&
      typeof c.userId === 'string' &&
      typeof c.fingerprint === 'string' &&
      typeof c.expiresAt === 'number'
      ? {
          portalId: c.portalId,
          userId: c.userId,
          fingerprint: c.fingerprint,
          expiresAt: c.expiresAt,
        }
      : undefined;
  } catch {
    return undefined;
  }
}
