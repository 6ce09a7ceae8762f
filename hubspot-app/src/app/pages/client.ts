// The pages' only way out: our backend through `hubspot.fetch` (signed by HubSpot). Queue rows act
// through the card's own action route, so a row's Accept is the card's Accept.
import {
  ApiErrorSchema,
  pagePaths,
  paths,
  RefusalResponseSchema,
  type DashboardPeriod,
  type DashboardResponse,
  type HandoffRequest,
  type QueueResponse,
} from '@handoff/shared/runtime';

/** Must match app-hsmeta.json's permittedUrls (a test checks the card's; the same URL). */
export const BACKEND_URL = 'https://api.handoff.example';

export type Answer<T> = { ok: true; value: T } | { ok: false; message: string };

export interface QueueFilters {
  scope: 'mine' | 'team' | 'everyone';
  role?: string;
  handoff?: string;
  state?: string;
  offset: number;
  limit: number;
}

export interface PagesClient {
  queue(filters: QueueFilters): Promise<Answer<QueueResponse>>;
  dashboard(period: DashboardPeriod): Promise<Answer<DashboardResponse>>;
  act(dealId: string, request: HandoffRequest): Promise<Answer<null>>;
}

export type FetchLike = (
  url: string,
  options: { method: 'GET' | 'POST'; body?: Record<string, unknown> },
) => Promise<{ status: number; json(): Promise<unknown> }>;

const NETWORK = 'Handoff could not reach its server. Check your connection and try again.';
const UNREADABLE = "Handoff's server sent an answer this page cannot read. Try again in a moment.";

function query(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** A light check that the answer is the shape this page reads (the contract types say the rest). */
const looksLike = (data: unknown, keys: readonly string[]): boolean =>
  typeof data === 'object' && data !== null && keys.every((k) => k in data);

export function createPagesClient(fetch: FetchLike, baseUrl = BACKEND_URL): PagesClient {
  async function call<T>(
    path: string,
    keys: readonly string[],
    method: 'GET' | 'POST' = 'GET',
    body?: HandoffRequest,
  ): Promise<Answer<T>> {
    let status: number;
    let data: unknown;
    try {
      const response = await fetch(`${baseUrl}${path}`, body ? { method, body } : { method });
      status = response.status;
      data = await response.json().catch(() => undefined);
    } catch {
      return { ok: false, message: NETWORK };
    }
    if (status >= 200 && status < 300)
      return looksLike(data, keys)
        ? { ok: true, value: data as T }
        : { ok: false, message: UNREADABLE };
    const refusal = RefusalResponseSchema.safeParse(data);
    if (refusal.success) return { ok: false, message: refusal.data.refusal.message };
    const error = ApiErrorSchema.safeParse(data);
    if (error.success) return { ok: false, message: error.data.error.message };
    return { ok: false, message: 'Something went wrong on our side. Try again in a moment.' };
  }
  return {
    queue: (f) =>
      call(
        `${pagePaths.queue}${query({ scope: f.scope, role: f.role, handoff: f.handoff, state: f.state, offset: f.offset, limit: f.limit })}`,
        ['rows', 'total', 'counts', 'freshness'],
      ),
    dashboard: (period) =>
      call(`${pagePaths.dashboard}${query({ period })}`, ['metrics', 'weekly', 'attention']),
    act: async (dealId, request) => {
      const answer = await call<unknown>(
        paths.actions('deals', dealId),
        ['handoffs'],
        'POST',
        request,
      );
      return answer.ok ? { ok: true, value: null } : answer;
    },
  };
}

/** Unique per attempt, so a retried request is recognised by the server rather than applied twice. */
export function newActionId(): string {
  return `page-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
