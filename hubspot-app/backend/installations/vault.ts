// Tokens at rest: AES-256-GCM with a key from the environment, a fresh IV per value, and the
// portal id bound in as associated data so a ciphertext cannot be moved to another portal's row.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'v1';

/**
 * Why a HANDOFF_TOKEN_KEY is refused, or undefined when it is accepted. The accepted format: exactly
 * 32 bytes written in standard base64 — 44 characters ending in `=`, as `openssl rand -base64 32`
 * prints — and bytes that look random. Refused as weak, in this order:
 * - base64 of text (every byte a printable ASCII character), i.e. a passphrase encoded as a key:
 *   random bytes are all printable with a probability under 1 in 10¹³;
 * - fewer than 20 different byte values among the 32 (all zero, one repeated byte, a short pattern):
 *   32 random bytes have fewer with a probability of about 4 in a billion;
 * - key text made mostly of letters of one case (36 or more of its 43 significant characters), i.e.
 *   a passphrase typed in place of a key: random base64 does that with a probability under 1 in 10⁷.
 */
export function tokenKeyProblem(text: string): string | undefined {
  const key = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/]{43}=$/.test(text) || key.length !== 32 || key.toString('base64') !== text)
    return 'it must be 32 random bytes in base64, 44 characters ending in "=" (e.g. `openssl rand -base64 32`)';
  if (key.every((byte) => byte >= 0x20 && byte < 0x7f))
    return 'it is base64 of text (a passphrase), not of random bytes; use `openssl rand -base64 32`';
  if (new Set(key).size < 20)
    return 'it is too weak: its bytes repeat (all zero, one byte, or a short pattern); use `openssl rand -base64 32`';
  const body = text.slice(0, 43);
  if ((body.match(/[a-z]/g)?.length ?? 0) >= 36 || (body.match(/[A-Z]/g)?.length ?? 0) >= 36)
    return 'it reads as a passphrase, not as random bytes; use `openssl rand -base64 32`';
  return undefined;
}

export class TokenVault {
  private readonly key: Buffer;

  constructor(keyBase64: string) {
    this.key = Buffer.from(keyBase64, 'base64');
    if (this.key.length !== 32)
      throw new Error('HANDOFF_TOKEN_KEY must be 32 bytes, base64-encoded');
  }

  seal(plaintext: string, portalId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(portalId, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      PREFIX,
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      body.toString('base64'),
    ].join(':');
  }

  open(sealed: string, portalId: string): string {
    const [prefix, iv, tag, body] = sealed.split(':');
    if (prefix !== PREFIX || !iv || !tag || body === undefined)
      throw new Error('not a sealed token');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(portalId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  }
}
