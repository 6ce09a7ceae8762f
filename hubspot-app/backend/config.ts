// Service configuration from the environment, validated once at start: a bad setting stops the
// service with a sentence naming the setting, never a stack trace.
import * as z from 'zod/mini';
import {
  DEFAULT_KEY_ID,
  parseTokenKeys,
  tokenKeyProblem,
  type TokenKey,
} from './installations/vault.js';

const Url = z.string().check(z.url());

export const ConfigSchema = z.object({
  HUBSPOT_CLIENT_SECRET: z.string().check(z.minLength(16)),
  HUBSPOT_CLIENT_ID: z.string().check(z.minLength(1)),
  /** 32 random bytes, base64: seals OAuth tokens at rest (AES-256-GCM). Checked by tokenKeyProblem. */
  HANDOFF_TOKEN_KEY: z.optional(z.string()),
  /** Instead of HANDOFF_TOKEN_KEY, for rotation: `id:key,id:key`, newest first (vault.ts). */
  HANDOFF_TOKEN_KEYS: z.optional(z.string()),
  HUBSPOT_AUTHORIZE_URL: z._default(Url, 'https://app.hubspot.com/oauth/authorize'),
  /** The URL HubSpot calls (the app's permittedUrls.fetch), used to rebuild what HubSpot signed behind a proxy. */
  PUBLIC_URL: Url,
  HUBSPOT_API_BASE: z._default(Url, 'https://api.hubapi.com'),
  DATABASE_URL: z.optional(z.string().check(z.startsWith('postgres'))),
  HANDOFF_DATA_DIR: z._default(z.string(), '.handoff-data'),
  HOST: z._default(z.string(), '127.0.0.1'),
  PORT: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(65535)), 8080),
  /** Prometheus text on GET /metrics at METRICS_HOST:METRICS_PORT (kept off the public port). */
  METRICS_PORT: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(65535)), 9464),
  METRICS_HOST: z._default(z.string(), '127.0.0.1'),
  /** Days webhook events (stage transitions) are kept; unset keeps them (timers may start from them). */
  HANDOFF_RETAIN_EVENTS_DAYS: z.optional(z.coerce.number().check(z.int(), z.gte(1))),
  /** Days outbox items already written to HubSpot are kept. */
  HANDOFF_RETAIN_OUTBOX_DAYS: z._default(z.coerce.number().check(z.int(), z.gte(1)), 30),
  /** Days the data of a portal that uninstalled from HubSpot's side is kept before it is deleted. */
  HANDOFF_RETAIN_UNINSTALLED_DAYS: z._default(z.coerce.number().check(z.int(), z.gte(1)), 30),
  LOG_LEVEL: z._default(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    'info',
  ),
});
export type Config = z.infer<typeof ConfigSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

const WHAT: Record<string, string> = {
  HUBSPOT_CLIENT_SECRET:
    "the app's client secret from the HubSpot developer account (at least 16 characters)",
  PUBLIC_URL:
    'the public https URL HubSpot calls (http only on 127.0.0.1 or localhost), e.g. https://api.handoff.example',
  HUBSPOT_CLIENT_ID: "the app's client id from the HubSpot developer account",
  HANDOFF_TOKEN_KEY:
    '32 random bytes in base64 (e.g. `openssl rand -base64 32`), the key that seals OAuth tokens',
  HUBSPOT_AUTHORIZE_URL: 'an https URL (http only on 127.0.0.1 or localhost)',
  HUBSPOT_API_BASE: 'an https URL (http only on 127.0.0.1 or localhost)',
  DATABASE_URL: 'a postgres:// connection URL',
  HANDOFF_TOKEN_KEYS:
    'id:key pairs separated by commas, the newest key first, e.g. k2:<openssl rand -base64 32>,k1:<the old key>',
  METRICS_PORT: 'a port number from 0 to 65535',
  HANDOFF_RETAIN_EVENTS_DAYS: 'a whole number of days, 1 or more',
  HANDOFF_RETAIN_OUTBOX_DAYS: 'a whole number of days, 1 or more',
  HANDOFF_RETAIN_UNINSTALLED_DAYS: 'a whole number of days, 1 or more',
  PORT: 'a port number from 0 to 65535',
  LOG_LEVEL: 'one of fatal, error, warn, info, debug, trace, silent',
};

/** Hosts where plain http is allowed: this machine only (the sandbox, tests, a local proxy). */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https, or http on this machine; nothing else (`javascript:`, `ftp:`, http to another host). */
export function isSafeServiceUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const scheme =
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  return scheme && url.username === '' && url.password === '';
}

/** Checks beyond the schema's: each answers a reason, or undefined when the value is accepted. */
const CHECKS: Partial<Record<keyof Config, (value: string) => string | undefined>> = {
  HANDOFF_TOKEN_KEY: tokenKeyProblem,
  HANDOFF_TOKEN_KEYS: (v) => {
    const read = parseTokenKeys(v);
    return 'problem' in read ? read.problem : undefined;
  },
  PUBLIC_URL: (v) => (isSafeServiceUrl(v) ? undefined : `it must be ${WHAT.PUBLIC_URL}`),
  HUBSPOT_API_BASE: (v) =>
    isSafeServiceUrl(v) ? undefined : `it must be ${WHAT.HUBSPOT_API_BASE}`,
  HUBSPOT_AUTHORIZE_URL: (v) =>
    isSafeServiceUrl(v) ? undefined : `it must be ${WHAT.HUBSPOT_AUTHORIZE_URL}`,
};

export function readConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const picked = Object.fromEntries(
    Object.keys(ConfigSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = ConfigSchema.safeParse(picked);
  const failed = new Set(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0])));
  const problems: string[] = [];
  for (const name of Object.keys(ConfigSchema.shape)) {
    if (failed.has(name)) {
      problems.push(
        picked[name] === undefined
          ? `${name} is not set: it must be ${WHAT[name] ?? 'set'}.`
          : `${name} is not valid: it must be ${WHAT[name] ?? 'valid'}.`,
      );
      continue;
    }
    const value = parsed.success ? parsed.data[name as keyof Config] : picked[name];
    const reason = typeof value === 'string' ? CHECKS[name as keyof Config]?.(value) : undefined;
    if (reason) problems.push(`${name} is not valid: ${reason}.`);
  }
  if (picked.HANDOFF_TOKEN_KEY === undefined && picked.HANDOFF_TOKEN_KEYS === undefined)
    problems.unshift(`HANDOFF_TOKEN_KEY is not set: it must be ${WHAT.HANDOFF_TOKEN_KEY}.`);
  if (picked.HANDOFF_TOKEN_KEY !== undefined && picked.HANDOFF_TOKEN_KEYS !== undefined)
    problems.unshift(
      'HANDOFF_TOKEN_KEY and HANDOFF_TOKEN_KEYS are both set: set only HANDOFF_TOKEN_KEYS, listing every key with its id, newest first.',
    );
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, config: parsed.data };
}

/** The sealing keys the configuration sets, newest first, and the variable they came from. */
export function tokenKeysOf(config: Config): { keys: TokenKey[]; setting: string } {
  if (config.HANDOFF_TOKEN_KEYS) {
    const read = parseTokenKeys(config.HANDOFF_TOKEN_KEYS);
    if ('keys' in read) return { keys: read.keys, setting: 'HANDOFF_TOKEN_KEYS' };
  }
  return {
    keys: [{ id: DEFAULT_KEY_ID, key: config.HANDOFF_TOKEN_KEY ?? '' }],
    setting: 'HANDOFF_TOKEN_KEY',
  };
}
