// The tools' settings, from the environment: one of two ways to sign in, the API version, and the
// scanner's knobs. A bad setting is a sentence naming it; secrets are never part of a message.
import { readFileSync } from 'node:fs';
import { QUERY_BATCH } from './api.js';
import { DEFAULT_BULK_THRESHOLD } from './read.js';

export type Auth =
  | {
      kind: 'jwt';
      loginUrl: string;
      clientId: string;
      username: string;
      /** The connected app certificate's private key, PEM. */
      privateKey: string;
    }
  | { kind: 'token'; instanceUrl: string; accessToken: string };

export interface ToolConfig {
  auth: Auth;
  apiVersion: string;
  /** Stop before the org's daily API usage passes this share (0–1). */
  maxApiShare: number;
  /** Above this many candidate opportunities the scanner reads through Bulk API 2.0. */
  bulkThreshold: number;
}

export class ConfigError extends Error {}

const API_VERSION = '66.0';

export function readConfig(env: NodeJS.ProcessEnv = process.env): ToolConfig {
  const apiVersion = env.SF_API_VERSION ?? API_VERSION;
  if (!/^\d{2}\.0$/.test(apiVersion))
    throw new ConfigError(`SF_API_VERSION must look like ${API_VERSION}, not "${apiVersion}"`);
  return {
    auth: readAuth(env),
    apiVersion,
    maxApiShare: share(env.HANDOFF_SCAN_MAX_API_SHARE, 0.5),
    bulkThreshold: threshold(env.HANDOFF_SCAN_BULK_THRESHOLD),
  };
}

function readAuth(env: NodeJS.ProcessEnv): Auth {
  if (env.SF_ACCESS_TOKEN) {
    if (!env.SF_INSTANCE_URL) throw new ConfigError('SF_ACCESS_TOKEN needs SF_INSTANCE_URL too');
    return {
      kind: 'token',
      instanceUrl: url('SF_INSTANCE_URL', env.SF_INSTANCE_URL),
      accessToken: env.SF_ACCESS_TOKEN,
    };
  }
  const missing = ['SF_CLIENT_ID', 'SF_USERNAME'].filter((name) => !env[name]);
  if (!env.SF_JWT_KEY && !env.SF_JWT_KEY_FILE) missing.push('SF_JWT_KEY_FILE (or SF_JWT_KEY)');
  if (missing.length > 0)
    throw new ConfigError(
      `Sign-in is not configured: set ${missing.join(', ')} for the JWT bearer flow, or SF_ACCESS_TOKEN and SF_INSTANCE_URL`,
    );
  // A key pasted into one environment line keeps its newlines as \n.
  let privateKey = (env.SF_JWT_KEY ?? '').replace(/\\n/g, '\n');
  if (!privateKey) {
    try {
      privateKey = readFileSync(env.SF_JWT_KEY_FILE ?? '', 'utf8');
    } catch {
      throw new ConfigError(`SF_JWT_KEY_FILE cannot be read: ${env.SF_JWT_KEY_FILE ?? ''}`);
    }
  }
  if (!privateKey.includes('PRIVATE KEY'))
    throw new ConfigError('the JWT key is not a PEM private key (SF_JWT_KEY or SF_JWT_KEY_FILE)');
  return {
    kind: 'jwt',
    loginUrl: url('SF_LOGIN_URL', env.SF_LOGIN_URL ?? 'https://login.salesforce.com'),
    clientId: env.SF_CLIENT_ID ?? '',
    username: env.SF_USERNAME ?? '',
    privateKey,
  };
}

function url(name: string, value: string): string {
  try {
    return new URL(value).origin;
  } catch {
    throw new ConfigError(`${name} must be a URL, not "${value}"`);
  }
}

function share(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(n > 0 && n <= 1))
    throw new ConfigError(`HANDOFF_SCAN_MAX_API_SHARE must be in (0, 1], not "${value}"`);
  return n;
}

/** The first SOQL page (2,000) is always read, so a smaller threshold would mean nothing. */
function threshold(value: string | undefined): number {
  if (value === undefined) return DEFAULT_BULK_THRESHOLD;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < QUERY_BATCH)
    throw new ConfigError(
      `HANDOFF_SCAN_BULK_THRESHOLD must be a whole number of opportunities, ${QUERY_BATCH} or more, not "${value}"`,
    );
  return n;
}
