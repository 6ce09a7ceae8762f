// Service configuration from the environment, validated once at start: a bad setting stops the
// service with a sentence naming the setting, never a stack trace.
import * as z from 'zod/mini';

const Url = z.string().check(z.url());

export const ConfigSchema = z.object({
  HUBSPOT_CLIENT_SECRET: z.string().check(z.minLength(16)),
  HUBSPOT_CLIENT_ID: z.string().check(z.minLength(1)),
  /** 32 random bytes, base64: seals OAuth tokens at rest (AES-256-GCM). */
  HANDOFF_TOKEN_KEY: z.string().check(z.refine((v) => Buffer.from(v, 'base64').length === 32)),
  HUBSPOT_AUTHORIZE_URL: z._default(Url, 'https://app.hubspot.com/oauth/authorize'),
  /** The URL HubSpot calls (the app's permittedUrls.fetch), used to rebuild what HubSpot signed behind a proxy. */
  PUBLIC_URL: Url,
  HUBSPOT_API_BASE: z._default(Url, 'https://api.hubapi.com'),
  DATABASE_URL: z.optional(z.string().check(z.startsWith('postgres'))),
  HANDOFF_DATA_DIR: z._default(z.string(), '.handoff-data'),
  HOST: z._default(z.string(), '127.0.0.1'),
  PORT: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(65535)), 8080),
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
  PUBLIC_URL: 'the public https URL HubSpot calls, e.g. https://api.handoff.example',
  HUBSPOT_CLIENT_ID: "the app's client id from the HubSpot developer account",
  HANDOFF_TOKEN_KEY:
    '32 random bytes in base64 (e.g. `openssl rand -base64 32`), the key that seals OAuth tokens',
  HUBSPOT_AUTHORIZE_URL: 'a URL',
  HUBSPOT_API_BASE: 'a URL',
  DATABASE_URL: 'a postgres:// connection URL',
  PORT: 'a port number from 0 to 65535',
  LOG_LEVEL: 'one of fatal, error, warn, info, debug, trace, silent',
};

export function readConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const picked = Object.fromEntries(
    Object.keys(ConfigSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = ConfigSchema.safeParse(picked);
  if (parsed.success) return { ok: true, config: parsed.data };
  const names = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
  return {
    ok: false,
    problems: names.map((name) =>
      picked[name] === undefined
        ? `${name} is not set: it must be ${WHAT[name] ?? 'set'}.`
        : `${name} is not valid: it must be ${WHAT[name] ?? 'valid'}.`,
    ),
  };
}
