// The card's only way out: our backend through `hubspot.fetch`, which HubSpot signs. Answers are
// parsed with the contract's own schemas, so a drifted backend shows as an error, not a crash.
// Tests hand the card a fake `HandoffClient`; the entry file builds the real one.
import {
  ApiErrorSchema,
  CompanyViewSchema,
  paths,
  RecordViewSchema,
  RefusalResponseSchema,
  type ApiErrorCode,
  type CompanyView,
  type HandoffRequest,
  type RecordView,
  type Refusal,
} from '@handoff/shared/runtime';

/** Must match hubspot-app/scopes.ts and app-hsmeta.json's permittedUrls (a test checks both). */
export const BACKEND_URL = 'https://api.handoff.example';

export type ObjectType = 'contacts' | 'deals' | 'companies';
/** The records whose own handoffs the card shows and acts on (a company also lists its deals'). */
export type RecordObjectType = 'deals' | 'contacts' | 'companies';

export type Problem =
  | { kind: 'refusal'; refusal: Refusal; view?: RecordView }
  | { kind: 'error'; code: ApiErrorCode | 'network' | 'unreadable'; message: string };

export type Answer<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export interface HandoffClient {
  dealView(dealId: string): Promise<Answer<RecordView>>;
  contactView(contactId: string): Promise<Answer<RecordView>>;
  companyView(companyId: string): Promise<Answer<CompanyView>>;
  act(
    recordId: string,
    request: HandoffRequest,
    objectType?: RecordObjectType,
  ): Promise<Answer<RecordView>>;
}

/** The part of `hubspot.fetch` the client uses; its body is an object, which HubSpot serialises. */
export type FetchLike = (
  url: string,
  options: { method: 'GET' | 'POST'; body?: Record<string, unknown> },
) => Promise<{ status: number; json(): Promise<unknown> }>;

interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

export function createHandoffClient(fetch: FetchLike, baseUrl = BACKEND_URL): HandoffClient {
  async function call<T>(
    schema: Schema<T>,
    path: string,
    method: 'GET' | 'POST',
    body?: HandoffRequest,
  ): Promise<Answer<T>> {
    let status: number;
    let data: unknown;
    try {
      const response = await fetch(`${baseUrl}${path}`, body ? { method, body } : { method });
      status = response.status;
      data = await response.json().catch(() => undefined);
    } catch {
      return { ok: false, problem: NETWORK };
    }
    if (status >= 200 && status < 300) {
      const parsed = schema.safeParse(data);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: UNREADABLE };
    }
    const refusal = RefusalResponseSchema.safeParse(data);
    if (refusal.success) {
      const { refusal: why, view } = refusal.data;
      return {
        ok: false,
        problem: view ? { kind: 'refusal', refusal: why, view } : { kind: 'refusal', refusal: why },
      };
    }
    return { ok: false, problem: errorProblem(status, data) };
  }

  return {
    dealView: (dealId) => call(RecordViewSchema, paths.record('deals', dealId), 'GET'),
    companyView: (companyId) =>
      call(CompanyViewSchema, paths.record('companies', companyId), 'GET'),
    contactView: (contactId) => call(RecordViewSchema, paths.record('contacts', contactId), 'GET'),
    act: (recordId, request, objectType = 'deals') =>
      call(RecordViewSchema, paths.actions(objectType, recordId), 'POST', request),
  };
}

const NETWORK: Problem = {
  kind: 'error',
  code: 'network',
  message: 'Handoff could not reach its server. Check your connection and try again.',
};
const UNREADABLE: Problem = {
  kind: 'error',
  code: 'unreadable',
  message: "Handoff's server sent an answer this card cannot read. Try again in a moment.",
};

/** The server's sentence when it sent one; otherwise a sentence chosen by the status. */
function errorProblem(status: number, data: unknown): Problem {
  const parsed = ApiErrorSchema.safeParse(data);
  if (parsed.success) {
    return { kind: 'error', code: parsed.data.error.code, message: parsed.data.error.message };
  }
  if (status === 429)
    return {
      kind: 'error',
      code: 'rate_limited',
      message: 'HubSpot is busy. Try again in a minute.',
    };
  return {
    kind: 'error',
    code: 'internal',
    message: 'Something went wrong on our side. Try again in a moment.',
  };
}

/** Unique per attempt, so a retried request is recognised by the server rather than applied twice. */
export function newActionId(): string {
  return `card-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
