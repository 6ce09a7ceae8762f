// Previewing an edited playbook: the core's previewPlaybookChange over every record the store holds
// (as the scanner and the card last read them), under the saved playbook and the edited one. The
// settings page only shows the answer; saving asks the same question before it writes (guard rail).
import {
  parsePlaybookText,
  previewPlaybookChange,
  type Playbook,
  type PlaybookPreview,
} from '@handoff/shared';
import { defaultPlaybook } from '../default-playbook.js';
import type { Deps } from '../deps.js';
import { requireRole } from './access.js';
import { portalPlaybook, requireCrm, type Caller } from './context.js';
import { UseCaseError } from './errors.js';
import { portalPicture } from './portal-picture.js';

export async function previewPlaybook(deps: Deps, caller: Caller, body: unknown) {
  await requireCrm(deps, caller.portalId);
  await requireRole(deps, caller, 'preview playbook changes', ['admin']);
  const result = parsePlaybookText(playbookText(body));
  if (!result.ok) return { status: 422, body: { issues: result.issues } };
  return { status: 200, body: await previewAgainstSaved(deps, caller.portalId, result.playbook) };
}

/** What saving `next` would change now, against the saved playbook (the default before the first save). */
export async function previewAgainstSaved(
  deps: Deps,
  portalId: string,
  next: Playbook,
): Promise<PlaybookPreview> {
  const current = (await portalPlaybook(deps, portalId)) ?? defaultPlaybook();
  const picture = await portalPicture(deps, portalId, current);
  return previewPlaybookChange({
    old: current,
    new: next,
    // Deals, and the contacts and companies the picture holds: a speed-to-lead change shows too.
    records: picture.snapshots,
    now: deps.clock.now(),
  });
}

export function playbookText(body: unknown): string {
  const text =
    typeof body === 'object' && body !== null && 'text' in body && typeof body.text === 'string'
      ? body.text
      : undefined;
  if (text === undefined)
    throw new UseCaseError(
      400,
      'bad_request',
      'Send the playbook as { "text": "<YAML or JSON>" }.',
    );
  return text;
}

/** The admin's explicit yes to a save that raises more escalations at once than the playbook allows. */
export function confirmed(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'confirm' in body && body.confirm === true;
}

/** Refuses (409) a save over the escalation limit that the admin has not confirmed. */
export function requireConfirmation(preview: PlaybookPreview, body: unknown): void {
  if (!preview.needsConfirmation || confirmed(body)) return;
  throw new UseCaseError(
    409,
    'confirmation_needed',
    `Saving would raise ${preview.escalationCount} escalations at once, more than this playbook allows without confirmation (${preview.escalationLimit}). Review the preview and confirm to save.`,
    {
      escalationCount: preview.escalationCount,
      escalationLimit: preview.escalationLimit,
      summary: preview.summary,
    },
  );
}
