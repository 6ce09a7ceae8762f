// Tokens at rest: AES-256-GCM with keys from the environment (several, for rotation), a fresh IV per
// value, and the portal id bound in as associated data so a ciphertext cannot be moved to another
// portal's row.
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

/** One sealing key: its id (written into every seal it makes) and its 32 bytes in base64. */
export interface TokenKey {
  id: string;
  key: string;
}

/** The id HANDOFF_TOKEN_KEY's single key goes by (the same as HANDOFF_TOKEN_KEYS=default:<key>). */
export const DEFAULT_KEY_ID = 'default';

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Reads HANDOFF_TOKEN_KEYS: `id:base64,id:base64,...`, the newest key first (new seals use it; the
 * others only open older seals). Answers the keys, or a reason naming the entry that is wrong.
 */
export function parseTokenKeys(text: string): { keys: TokenKey[] } | { problem: string } {
  const keys: TokenKey[] = [];
  for (const [index, entry] of text.split(',').entries()) {
    const at = entry.indexOf(':');
    const id = entry.slice(0, at).trim();
    const key = entry.slice(at + 1).trim();
    const which = `entry ${index + 1}`;
    if (at < 0 || !KEY_ID.test(id))
      return {
        problem: `${which} must be written id:key, the id made of letters, digits, - or _ (e.g. k2:$(openssl rand -base64 32))`,
      };
    if (keys.some((k) => k.id === id)) return { problem: `the key id "${id}" appears twice` };
    const weak = tokenKeyProblem(key);
    if (weak) return { problem: `key "${id}": ${weak}` };
    keys.push({ id, key });
  }
  return { keys };
}

/**
 * Seals written since key rotation: `v2:<key id>:<iv>:<tag>:<ciphertext>`, sealed with the newest
 * key. Seals from before (`v1:<iv>:<tag>:<ciphertext>`, no key id) are opened with each key in turn.
 */
export class TokenVault {
  private readonly keys: { id: string; key: Buffer }[];

  constructor(keys: string | readonly TokenKey[]) {
    const list = typeof keys === 'string' ? [{ id: DEFAULT_KEY_ID, key: keys }] : keys;
    this.keys = list.map(({ id, key }) => ({ id, key: Buffer.from(key, 'base64') }));
    if (this.keys.length === 0) throw new Error('no token key is set');
    for (const { id, key } of this.keys)
      if (key.length !== 32) throw new Error(`token key "${id}" must be 32 bytes, base64-encoded`);
  }

  /** The key new seals are made with. */
  get newestKeyId(): string {
    return this.keys[0]!.id;
  }

  seal(plaintext: string, portalId: string): string {
    const { id, key } = this.keys[0]!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(portalId, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      'v2',
      id,
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      body.toString('base64'),
    ].join(':');
  }

  /** The key id a seal names (undefined for seals from before rotation, which name none). */
  static keyIdOf(sealed: string): string | undefined {
    const [prefix, id] = sealed.split(':');
    return prefix === 'v2' ? id : undefined;
  }

  open(sealed: string, portalId: string): string {
    const parts = sealed.split(':');
    if (parts[0] === 'v2' && parts.length === 5) {
      const [, id, iv, tag, body] = parts as [string, string, string, string, string];
      const entry = this.keys.find((k) => k.id === id);
      if (!entry) throw new Error(`sealed with key "${id}", which is not among the keys set`);
      return decrypt(entry.key, iv, tag, body, portalId);
    }
    if (parts[0] === PREFIX && parts.length === 4) {
      const [, iv, tag, body] = parts as [string, string, string, string];
      for (const { key } of this.keys) {
        try {
          return decrypt(key, iv, tag, body, portalId);
        } catch {
          // Not this key: try the next one.
        }
      }
      throw new Error('no key set opens this seal');
    }
    throw new Error('not a sealed token');
  }

  /** The seal made with the newest key (the same seal when it already is). */
  reseal(sealed: string, portalId: string): string {
    if (TokenVault.keyIdOf(sealed) === this.newestKeyId) return sealed;
    return this.seal(this.open(sealed, portalId), portalId);
  }
}

function decrypt(key: Buffer, iv: string, tag: string, body: string, portalId: string): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(portalId, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString(
    'utf8',
  );
}
