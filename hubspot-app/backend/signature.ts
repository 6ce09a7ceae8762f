// HubSpot request signature v3, checked on every card and webhook request.
// Our own verifier rather than the SDK's: the SDK does not decode the URI, accepts future
// timestamps, throws on stale ones and compares without constant time (see HUBSPOT.md).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_SIGNATURE_AGE_MS = 5 * 60 * 1000;

// The characters HubSpot's request-validation guide says to decode before signing.
const DECODED: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

export function decodeSignedUri(uri: string): string {
  return uri.replace(
    /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi,
    (match) => DECODED[match.toUpperCase()] ?? match,
  );
}

export function signV3(
  secret: string,
  method: string,
  uri: string,
  body: string,
  timestamp: string,
): string {
  return createHmac('sha256', secret)
    .update(`${method.toUpperCase()}${decodeSignedUri(uri)}${body}${timestamp}`, 'utf8')
    .digest('base64');
}

export type SignatureVerdict =
  { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'mismatch' };

export function verifySignatureV3(input: {
  secret: string;
  method: string;
  /** The full URL HubSpot called: scheme, host, path and query, as the public sees it. */
  uri: string;
  body: string;
  signature: string | undefined;
  timestamp: string | undefined;
  now: number;
}): SignatureVerdict {
  const { signature, timestamp } = input;
  if (!signature || !timestamp || !/^\d{1,16}$/.test(timestamp))
    return { ok: false, reason: 'missing' };
  // Past or future: an old request is a replay (hubspot.fetch retries once, within seconds).
  if (Math.abs(input.now - Number(timestamp)) > MAX_SIGNATURE_AGE_MS)
    return { ok: false, reason: 'stale' };
  const expected = Buffer.from(
    signV3(input.secret, input.method, input.uri, input.body, timestamp),
    'utf8',
  );
  const given = Buffer.from(signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given)
    ? { ok: true }
    : { ok: false, reason: 'mismatch' };
}
