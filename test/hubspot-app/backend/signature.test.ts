import { Signature } from '@hubspot/api-client';
import { describe, expect, it } from 'vitest';
import {
  decodeSignedUri,
  signV3,
  verifySignatureV3,
} from '../../../hubspot-app/backend/signature.js';

const secret = 'test-client-secret-0123456789';
const now = 1_795_000_000_000;
const uri = 'https://api.handoff.example/v1/hubspot/records/deals/42?portalId=7&userId=9';
const body = '{"handoffId":"sales_to_cs"}';

/** What HubSpot would send, signed by the official SDK: an independent implementation. */
function sdkSigned(method: string, url: string, payload: string, timestamp: number) {
  return Signature.getSignature(method, 'v3', {
    clientSecret: secret,
    url,
    requestBody: payload,
    timestamp,
    signature: '',
  });
}

describe('verifySignatureV3', () => {
  it('when HubSpot signed the request, then it is accepted', () => {
    const signature = sdkSigned('POST', uri, body, now - 1000);
    expect(
      verifySignatureV3({
        secret,
        method: 'POST',
        uri,
        body,
        signature,
        timestamp: String(now - 1000),
        now,
      }),
    ).toEqual({ ok: true });
  });

  it('when one byte of the body changed, then it is refused', () => {
    const signature = sdkSigned('POST', uri, body, now);
    const verdict = verifySignatureV3({
      secret,
      method: 'POST',
      uri,
      body: body.replace('cs', 'cz'),
      signature,
      timestamp: String(now),
      now,
    });
    expect(verdict).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('when the URL or method changed, or another secret signed, then it is refused', () => {
    const signature = sdkSigned('GET', uri, '', now);
    expect(
      verifySignatureV3({
        secret,
        method: 'GET',
        uri: uri.replace('42', '43'),
        body: '',
        signature,
        timestamp: String(now),
        now,
      }).ok,
    ).toBe(false);
    expect(
      verifySignatureV3({
        secret,
        method: 'DELETE',
        uri,
        body: '',
        signature,
        timestamp: String(now),
        now,
      }).ok,
    ).toBe(false);
    expect(
      verifySignatureV3({
        secret: `${secret}x`,
        method: 'GET',
        uri,
        body: '',
        signature,
        timestamp: String(now),
        now,
      }).ok,
    ).toBe(false);
  });

  it('when the timestamp is more than 5 minutes away, then it is refused as stale, even if signed', () => {
    const old = now - 5 * 60 * 1000 - 1;
    expect(
      verifySignatureV3({
        secret,
        method: 'GET',
        uri,
        body: '',
        signature: sdkSigned('GET', uri, '', old),
        timestamp: String(old),
        now,
      }),
    ).toEqual({ ok: false, reason: 'stale' });
    const future = now + 5 * 60 * 1000 + 1;
    expect(
      verifySignatureV3({
        secret,
        method: 'GET',
        uri,
        body: '',
        signature: sdkSigned('GET', uri, '', future),
        timestamp: String(future),
        now,
      }).ok,
    ).toBe(false);
    const edge = now - 5 * 60 * 1000;
    expect(
      verifySignatureV3({
        secret,
        method: 'GET',
        uri,
        body: '',
        signature: sdkSigned('GET', uri, '', edge),
        timestamp: String(edge),
        now,
      }).ok,
    ).toBe(true);
  });

  it('when headers are missing or the timestamp is not a number, then it is refused', () => {
    expect(
      verifySignatureV3({
        secret,
        method: 'GET',
        uri,
        body: '',
        signature: undefined,
        timestamp: String(now),
        now,
      }),
    ).toEqual({ ok: false, reason: 'missing' });
    expect(
      verifySignatureV3({
        secret,
        method: 'GET',
        uri,
        body: '',
        signature: 'x',
        timestamp: 'soon',
        now,
      }),
    ).toEqual({ ok: false, reason: 'missing' });
  });

  it('when the URL carries encoded characters, then they are decoded as HubSpot does before signing', () => {
    const encoded =
      'https://api.handoff.example/v1/hubspot/records/deals/42?userEmail=dana%40example.com&x=a%2Cb%3Ac';
    expect(decodeSignedUri(encoded)).toBe(
      'https://api.handoff.example/v1/hubspot/records/deals/42?userEmail=dana@example.com&x=a,b:c',
    );
    const signature = sdkSigned('GET', decodeSignedUri(encoded), '', now);
    expect(
      verifySignatureV3({
        secret,
        method: 'GET',
        uri: encoded,
        body: '',
        signature,
        timestamp: String(now),
        now,
      }).ok,
    ).toBe(true);
    expect(signV3(secret, 'get', encoded, '', String(now))).toBe(signature);
  });
});
