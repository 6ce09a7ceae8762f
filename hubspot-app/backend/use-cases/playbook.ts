// Reading and saving the portal's playbook. Reading needs a Handoff role, saving the admin role,
// both checked here on the server.
import { parsePlaybookText, playbookFingerprint, type PlaybookResponse } from '@handoff/shared';
import { defaultPlaybook } from '../default-playbook.js';
import type { Deps } from '../deps.js';
import { requireRole } from './access.js';
import { portalPlaybook, requireCrm, type Caller } from './context.js';
import { UseCaseError } from './errors.js';
import { playbookText, previewAgainstSaved, requireConfirmation } from './playbook-preview.js';

/** Audit lines the settings page lists. */
const SAVES_LISTED = 20;

export async function getPlaybook(deps: Deps, caller: Caller): Promise<PlaybookResponse> {
  await requireCrm(deps, caller.portalId);
  const held = await requireRole(deps, caller, 'read the playbook');
  // The page keeps the editor read-only for everyone else; putPlaybook refuses them regardless.
  const editable = held.includes('admin');
  const stored = await deps.store.getPlaybook(caller.portalId);
  const playbook = stored ? await portalPlaybook(deps, caller.portalId) : null;
  return stored
    ? {
        text: stored.text,
        version: stored.version,
        updatedAt: stored.updatedAt,
        updatedBy: stored.updatedBy,
        editable,
        fingerprint: playbook ? playbookFingerprint(playbook) : null,
        saves: await deps.store.playbookSaves(caller.portalId, SAVES_LISTED),
      }
    : {
        text: null,
        version: null,
        updatedAt: null,
        updatedBy: null,
        editable,
        fingerprint: null,
      };
}

export async function putPlaybook(deps: Deps, caller: Caller, body: unknown) {
  await requireCrm(deps, caller.portalId);
  const text = playbookText(body);
  const current = (await portalPlaybook(deps, caller.portalId)) ?? defaultPlaybook();
  const roles = await deps.roles.rolesOf(caller.portalId, caller.userId, current);
  if (!roles.includes('admin'))
    throw new UseCaseError(403, 'forbidden', 'Only Handoff admins may change the playbook.');
  const result = parsePlaybookText(text);
  if (!result.ok) return { status: 422, body: { issues: result.issues } };
  const preview = await previewAgainstSaved(deps, caller.portalId, result.playbook);
  requireConfirmation(preview, body);
  const saved = {
    text,
    version: result.playbook.version,
    updatedAt: deps.clock.now(),
    updatedBy: caller.userId,
  };
  await deps.store.putPlaybook(caller.portalId, saved);
  await deps.store.addPlaybookSave(caller.portalId, {
    savedAt: saved.updatedAt,
    savedBy: caller.userId,
    version: saved.version,
    fingerprint: playbookFingerprint(result.playbook),
    summary: preview.summary,
    escalations: preview.escalationCount,
    confirmed: preview.needsConfirmation,
  });
  // New handoffs or SLAs need their mirror properties; a HubSpot hiccup must not lose the save.
  await deps.provision?.(caller.portalId).catch((error: unknown) => {
    deps.log.warn(
      { err: { message: (error as Error).message } },
      'provisioning after a playbook save failed',
    );
  });
  return {
    status: 200,
    body: { ...saved, editable: true, fingerprint: playbookFingerprint(result.playbook) },
  };
}
