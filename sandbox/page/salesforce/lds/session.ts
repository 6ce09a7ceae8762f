// The Salesforce session of the viewer this frame runs as, read once by the frame's bootstrap
// (boot.ts) from `/sf/session` before any component module is evaluated: `@salesforce/user/Id`,
// `@salesforce/i18n/timeZone` and `@salesforce/customPermission/*` are static imports in LWC.
export interface SalesforceSession {
  /** The page's viewer key (rep1, cs1, admin…); the page server authenticates `/sf/api` by it. */
  viewer: string;
  userId: string;
  timeZone: string;
  customPermissions: string[];
  apiVersion: string;
  /** Handoff roles the frame shows on the user's own User record instead of the stored ones. */
  pretendRoles?: string[];
}

const KEY = '__handoffSalesforceSession';

export function setSession(session: SalesforceSession): void {
  (globalThis as Record<string, unknown>)[KEY] = Object.freeze({ ...session });
}

export function session(): SalesforceSession {
  const found = (globalThis as Record<string, unknown>)[KEY] as SalesforceSession | undefined;
  if (!found) throw new Error('The Salesforce session is read before the components load.');
  return found;
}

export function hasPermission(name: string): boolean {
  return session().customPermissions.includes(name);
}

/** What LDS rejects with and what error-provisioned wires carry: Salesforce's FetchResponse. */
export interface FetchResponse {
  ok: false;
  status: number;
  statusText: string;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * One call to the UI API through the page server's `/sf/api` (forwarded to the Salesforce
 * emulator as the viewer's Salesforce user). Resolves with the JSON body or rejects with a
 * FetchResponse whose body is the API's own error body, as Lightning Data Service does.
 */
export async function uiApi<T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/sf/api/${path.replace(/^\//, '')}`, {
      method: init.method ?? 'GET',
      headers: {
        'X-Handoff-Viewer': session().viewer,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (e) {
    throw failure(0, 'Network error', { message: `The sandbox did not answer: ${String(e)}` });
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    // Not JSON: the text itself is the most useful body.
  }
  if (!response.ok) throw failure(response.status, response.statusText, body);
  return body as T;
}

function failure(status: number, statusText: string, body: unknown): FetchResponse {
  return { ok: false, status, statusText, body, headers: {} };
}

/** Lightning Data Service hands out read-only data. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
