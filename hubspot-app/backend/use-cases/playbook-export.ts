// Pushing one playbook to both CRMs: an admin asks for an export ticket on the settings page, and the
// Salesforce deploy tool reads the saved playbook with it (see export-token.ts for why a token).
import {
  PLAYBOOK_EXPORT_PATH,
  playbookFingerprint,
  playbookLabel,
  type PlaybookExport,
  type PlaybookExportTicket,
} from '@handoff/shared';
import type { Deps } from '../deps.js';
import { EXPORT_TOKEN_TTL_MS, type ExportClaims, type ExportTokens } from '../export-token.js';
import { requireRole } from './access.js';
import { portalPlaybook, requireCrm, type Caller } from './context.js';
import { UseCaseError } from './errors.js';

export async function issuePlaybookExport(
  deps: Deps,
  caller: Caller,
  tokens: ExportTokens,
  publicUrl: string,
): Promise<PlaybookExportTicket> {
  await requireCrm(deps, caller.portalId);
  await requireRole(deps, caller, 'export the playbook', ['admin']);
  const playbook = await requireSavedPlaybook(deps, caller.portalId);
  const fingerprint = playbookFingerprint(playbook);
  const expiresAt = deps.clock.now() + EXPORT_TOKEN_TTL_MS;
  const token = tokens.issue({ ...caller, fingerprint, expiresAt });
  deps.log.info({ portalId: caller.portalId, userId: caller.userId }, 'playbook export issued');
  return {
    token,
    expiresAt,
    url: `${publicUrl}${PLAYBOOK_EXPORT_PATH}`,
    version: playbook.version,
    fingerprint,
  };
}

/** The token's portal's saved playbook — still the one the admin exported, and they still an admin. */
export async function exportPlaybook(deps: Deps, claims: ExportClaims): Promise<PlaybookExport> {
  const caller = { portalId: claims.portalId, userId: claims.userId };
  await requireCrm(deps, caller.portalId);
  await requireRole(deps, caller, 'export the playbook', ['admin']);
  const playbook = await requireSavedPlaybook(deps, caller.portalId);
  const fingerprint = playbookFingerprint(playbook);
  if (fingerprint !== claims.fingerprint)
    throw new UseCaseError(
      409,
      'bad_request',
      `The playbook was saved again since this export was issued (HubSpot now runs ${playbookLabel({ version: playbook.version, fingerprint })}); issue a new export on the settings page.`,
    );
  const stored = await deps.store.getPlaybook(caller.portalId);
  return {
    portalId: caller.portalId,
    name: playbook.name,
    version: playbook.version,
    fingerprint,
    text: stored?.text ?? '',
  };
}

async function requireSavedPlaybook(deps: Deps, portalId: string) {
  const playbook = await portalPlaybook(deps, portalId);
  if (!playbook)
    throw new UseCaseError(
      409,
      'not_configured',
      'No playbook is saved in HubSpot yet: save one on the settings page first.',
    );
  return playbook;
}
