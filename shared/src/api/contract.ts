// The HTTP contract between a face (the HubSpot card and settings page) and its backend.
// One module both sides import, so a request the card builds is the request the service parses.
import * as z from 'zod/mini';
import type { PlaybookIssue } from '../playbook/issues.js';
import { HandoffRequestSchema, RefusalSchema, type RefusalCode } from '../shapes/request.js';
import { RecordViewSchema } from '../shapes/view.js';

export const API_PREFIX = '/v1/hubspot';

export const paths = {
  record: (objectType: string, objectId: string) =>
    `${API_PREFIX}/records/${encodeURIComponent(objectType)}/${encodeURIComponent(objectId)}`,
  actions: (objectType: string, objectId: string) =>
    `${API_PREFIX}/records/${encodeURIComponent(objectType)}/${encodeURIComponent(objectId)}/actions`,
  playbook: `${API_PREFIX}/playbook`,
  /** POST (admins): a short-lived token the Salesforce deploy tool reads the playbook with. */
  playbookExport: `${API_PREFIX}/playbook/export`,
  /** POST (admins): a form's change written into the text the page holds; nothing is saved. */
  playbookEdit: `${API_PREFIX}/playbook/edit`,
  status: `${API_PREFIX}/status`,
} as const;

/**
 * GET record on a company: its own view (the expansion handoff), a view per deal for its most urgent deals (hubspot.fetch answers at
 * most 1 MB), and how many of its deals are not listed (`atLeast` when they were not all counted).
 */
export const CompanyViewSchema = z.object({
  /** The company's own record view (its expansion handoff); absent when the playbook does not follow its stage. */
  company: z.optional(RecordViewSchema),
  /** Why the company has no view of its own, as a sentence for the card. */
  companyNote: z.optional(z.string()),
  deals: z.array(RecordViewSchema),
  /** Each listed deal's name as HubSpot shows it, by id (the table names deals, not ids). */
  dealNames: z.optional(z.record(z.string(), z.string())),
  more: z.optional(z.object({ deals: z.number(), atLeast: z.boolean() })),
});
export type CompanyView = z.infer<typeof CompanyViewSchema>;

/** POST actions: the body is a HandoffRequest; 200 answers the new RecordView. */
export const ActionRequestSchema = HandoffRequestSchema;

/** 403 / 409 / 422 answer a refusal, with the current view when the service could build it. */
export const RefusalResponseSchema = z.object({
  refusal: RefusalSchema,
  view: z.optional(RecordViewSchema),
});
export type RefusalResponse = z.infer<typeof RefusalResponseSchema>;

export function refusalStatus(code: RefusalCode): 403 | 409 | 422 {
  if (code === 'not_allowed') return 403;
  if (code === 'conflict') return 409;
  return 422;
}

export const ApiErrorCode = z.enum([
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'payload_too_large',
  /** Installed, but no playbook saved yet. */
  'not_configured',
  /** The record is in a pipeline or stage the playbook does not map. */
  'not_covered',
  'rate_limited',
  'internal',
  /** A playbook save over its escalation limit (guardRails) that the admin has not confirmed. */
  'confirmation_needed',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

/** Every other error: a code the face can branch on and a sentence it can show. */
export const ApiErrorSchema = z.object({
  error: z.object({
    code: ApiErrorCode,
    message: z.string(),
    details: z.optional(z.record(z.string(), z.unknown())),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const PlaybookIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  hint: z.optional(z.string()),
  line: z.optional(z.number()),
  column: z.optional(z.number()),
});
// Keeps the schema and the parser's own type in step.
export type PlaybookIssueWire = z.infer<typeof PlaybookIssueSchema> & PlaybookIssue;

/** GET playbook. `text` is what the admin wrote (YAML or JSON); null before the first save. */
export const PlaybookResponseSchema = z.object({
  text: z.nullable(z.string()),
  version: z.nullable(z.string()),
  updatedAt: z.nullable(z.number()),
  updatedBy: z.nullable(z.string()),
  /** Whether this viewer may change the playbook (holds the admin role); the server checks again on save. */
  editable: z.boolean(),
  /** playbookFingerprint of the saved playbook, to compare with the Salesforce copy's (absent: unknown). */
  fingerprint: z.optional(z.nullable(z.string())),
  /** The latest saves, newest first: who, when, which version, and what the preview said then. */
  saves: z.optional(
    z.array(
      z.object({
        savedAt: z.number(),
        savedBy: z.string(),
        version: z.string(),
        fingerprint: z.string(),
        summary: z.array(z.string()),
        escalations: z.number(),
        confirmed: z.boolean(),
      }),
    ),
  ),
});
export type PlaybookResponse = z.infer<typeof PlaybookResponseSchema>;

/**
 * POST playbookExport: a token for `npm run salesforce:deploy -- --playbook-from <url>`, bound to
 * this portal and to the playbook saved now (version + fingerprint), valid until `expiresAt`.
 */
export const PlaybookExportTicketSchema = z.object({
  token: z.string(),
  expiresAt: z.number(),
  url: z.string(),
  version: z.string(),
  fingerprint: z.string(),
});
export type PlaybookExportTicket = z.infer<typeof PlaybookExportTicketSchema>;

/** GET <url> with `Authorization: Bearer <token>` (outside the signed card API): the saved playbook. */
export const PLAYBOOK_EXPORT_PATH = '/v1/export/playbook';
export const PlaybookExportSchema = z.object({
  portalId: z.string(),
  name: z.string(),
  version: z.string(),
  fingerprint: z.string(),
  /** As the admin saved it (YAML or JSON). */
  text: z.string(),
});
export type PlaybookExport = z.infer<typeof PlaybookExportSchema>;

/** PUT playbook (admins only). 422 answers the parser's issues and keeps the saved playbook. */
export const PlaybookUpdateSchema = z.object({ text: z.string().check(z.maxLength(512 * 1024)) });
export const PlaybookRejectedSchema = z.object({ issues: z.array(PlaybookIssueSchema) });

/** POST playbookEdit answers the new text and its issues (empty when it is valid). */
export const PlaybookEditedSchema = z.object({
  text: z.string(),
  issues: z.array(PlaybookIssueSchema),
});
export type PlaybookEdited = z.infer<typeof PlaybookEditedSchema>;

/** GET status: what the settings page shows about the installation. */
export const InstallStatusSchema = z.object({
  portalId: z.string(),
  installed: z.boolean(),
  playbookConfigured: z.boolean(),
  properties: z.object({ created: z.boolean(), missing: z.array(z.string()) }),
  webhooks: z.object({ active: z.boolean() }),
  outbox: z.object({
    pending: z.number(),
    failed: z.array(
      z.object({ id: z.string(), what: z.string(), error: z.string(), at: z.number() }),
    ),
  }),
});
export type InstallStatus = z.infer<typeof InstallStatusSchema>;
