// The OAuth `state` parameter: a random nonce, its expiry and an HMAC, echoed in a cookie so the
// callback only completes the install that this browser started (CSRF).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const STATE_TTL_MS = 10 * 60_000;
export const STATE_COOKIE = 'handoff_oauth_state';

export function issueState(secret: string, now: number): string {
  const nonce = randomBytes(16).toString('base64url');
  const expires = String(now + STATE_TTL_MS);
  return `${nonce}.${expires}.${mac(secret, `${nonce}.${expires}`)}`;
}

export function checkState(
  secret: string,
  state: string | undefined,
  cookie: string | undefined,
  now: number,
): boolean {
  if (!state || !cookie || state !== cookie) return false;
  const [nonce, expires, signature] = state.split('.');
  if (!nonce || !expires || !signature || Number(expires) < now) return false;
  const expected = Buffer.from(mac(secret, `${nonce}.${expires}`));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function mac(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url');
}
