// The settings page's calls to our backend through `hubspot.fetch`. Kept apart from the card's
// client because HubSpot builds each feature folder on its own (no imports across folders).
import {
  ApiErrorSchema,
  InstallStatusSchema,
  paths,
  PlaybookRejectedSchema,
  PlaybookExportTicketSchema,
  PlaybookResponseSchema,
  type InstallStatus,
  type PlaybookIssue,
  type PlaybookExportTicket,
  type PlaybookResponse,
  PlaybookEditedSchema,
  type PlaybookEdited,
} from '@handoff/shared/runtime';
// Types only: the edit schema stays on the server (it is not in the runtime entry).
import type { PlaybookEdit } from '@handoff/shared/edit';
import type { PlaybookPreview } from '@handoff/shared';

export const BACKEND_URL = 'https://api.handoff.example';

export type Failure =
  { kind: 'error'; code: string; message: string } | { kind: 'issues'; issues: PlaybookIssue[] };
export type Answer<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export interface SettingsClient {
  playbook(): Promise<Answer<PlaybookResponse>>;
  /** `confirm`: the admin's yes to a save over the playbook's escalation limit. */
  savePlaybook(text: string, confirm?: boolean): Promise<Answer<PlaybookResponse>>;
  /** Admins only: what saving `text` would change now (nothing is saved). Optional for test doubles. */
  previewChange?(text: string): Promise<Answer<PlaybookPreview>>;
  status(): Promise<Answer<InstallStatus>>;
  /** Admins only: the writes to HubSpot that keep failing are tried again now. */
  retryFailedWrites(): Promise<Answer<{ retried: number }>>;
  /** Admins only: uninstalls Handoff from the account and deletes its data (DELETE installation). */
  removeData(): Promise<Answer<{ deleted: true }>>;
  /** Admins only: a short-lived token for pushing the saved playbook to Salesforce. */
  exportPlaybook(): Promise<Answer<PlaybookExportTicket>>;
  /** Admins only: a form's change written into `text` by the server (nothing is saved). */
  editPlaybook(text: string, edit: PlaybookEdit): Promise<Answer<PlaybookEdited>>;
}

export type FetchLike = (
  url: string,
  options: { method: 'GET' | 'PUT' | 'POST' | 'DELETE'; body?: Record<string, unknown> },
) => Promise<{ status: number; json(): Promise<unknown> }>;

interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

export function createSettingsClient(fetch: FetchLike, baseUrl = BACKEND_URL): SettingsClient {
  async function call<T>(
    schema: Schema<T>,
    path: string,
    method: 'GET' | 'PUT' | 'POST' | 'DELETE',
    body?: Record<string, unknown>,
  ): Promise<Answer<T>> {
    let status: number;
    let data: unknown;
    try {
      const response = await fetch(`${baseUrl}${path}`, body ? { method, body } : { method });
      status = response.status;
      data = await response.json().catch(() => undefined);
    } catch {
      return failure(
        'network',
        'Handoff could not reach its server. Check your connection and try again.',
      );
    }
    if (status >= 200 && status < 300) {
      const parsed = schema.safeParse(data);
      return parsed.success
        ? { ok: true, value: parsed.data }
        : failure(
            'unreadable',
            "Handoff's server sent an answer this page cannot read. Try again in a moment.",
          );
    }
    const rejected = PlaybookRejectedSchema.safeParse(data);
    if (status === 422 && rejected.success)
      return { ok: false, failure: { kind: 'issues', issues: rejected.data.issues } };
    const error = ApiErrorSchema.safeParse(data);
    if (error.success) return failure(error.data.error.code, error.data.error.message);
    return failure('internal', 'Something went wrong on our side. Try again in a moment.');
  }

  return {
    playbook: () => call(PlaybookResponseSchema, paths.playbook, 'GET'),
    savePlaybook: (text, confirm) =>
      call(PlaybookResponseSchema, paths.playbook, 'PUT', {
        text,
        ...(confirm ? { confirm } : {}),
      }),
    previewChange: (text) => call(PreviewSchema, `${paths.playbook}/preview`, 'POST', { text }),
    status: () => call(InstallStatusSchema, paths.status, 'GET'),
    retryFailedWrites: () =>
      call(RetriedSchema, `${paths.status.replace(/\/status$/, '')}/outbox/retry`, 'POST', {}),
    removeData: () =>
      call(DeletedSchema, `${paths.status.replace(/\/status$/, '')}/installation`, 'DELETE'),
    exportPlaybook: () => call(PlaybookExportTicketSchema, paths.playbookExport, 'POST', {}),
    editPlaybook: (text, edit) =>
      call(PlaybookEditedSchema, paths.playbookEdit, 'POST', { text, edit }),
  };
}

/** POST /v1/hubspot/playbook/preview answers the core's PlaybookPreview (its shape checked loosely). */
const PreviewSchema: Schema<PlaybookPreview> = {
  safeParse: (data) => {
    const p = data as Partial<PlaybookPreview> | null;
    return typeof p === 'object' &&
      p !== null &&
      Array.isArray(p.changes) &&
      Array.isArray(p.timers) &&
      Array.isArray(p.criteria) &&
      Array.isArray(p.submissions) &&
      Array.isArray(p.escalations) &&
      Array.isArray(p.summary) &&
      typeof p.escalationCount === 'number'
      ? { success: true, data: p as PlaybookPreview }
      : { success: false };
  },
};

/** POST /v1/hubspot/outbox/retry answers `{ retried }`. */
const RetriedSchema: Schema<{ retried: number }> = {
  safeParse: (data) =>
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { retried?: unknown }).retried === 'number'
      ? { success: true, data: { retried: (data as { retried: number }).retried } }
      : { success: false },
};

/** DELETE /v1/hubspot/installation answers `{ deleted: true }`. */
const DeletedSchema: Schema<{ deleted: true }> = {
  safeParse: (data) =>
    typeof data === 'object' && data !== null && (data as { deleted?: unknown }).deleted === true
      ? { success: true, data: { deleted: true } }
      : { success: false },
};

function failure(code: string, message: string): { ok: false; failure: Failure } {
  return { ok: false, failure: { kind: 'error', code, message } };
}
