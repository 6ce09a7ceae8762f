// Who is asking, about which portal, under which playbook — resolved on the server from the signed
// request, never from anything the card sends in its body.
import { parsePlaybookText, type Playbook, type Viewer } from '@handoff/shared';
import type { Deps } from '../deps.js';
import type { Crm } from '../hubspot/crm.js';
import { UseCaseError } from './errors.js';

export interface Caller {
  portalId: string;
  userId: string;
}

export interface PortalContext {
  crm: Crm;
  playbook: Playbook;
  viewer: Viewer;
}

const parsed = new Map<string, { text: string; playbook: Playbook }>();

/** The portal's saved playbook, parsed once per saved text. Null before the first save. */
export async function portalPlaybook(deps: Deps, portalId: string): Promise<Playbook | null> {
  const stored = await deps.store.getPlaybook(portalId);
  if (!stored) return null;
  const cached = parsed.get(portalId);
  if (cached?.text === stored.text) return cached.playbook;
  const result = parsePlaybookText(stored.text);
  // Only valid playbooks are ever saved; a failure here means the stored row was edited by hand.
  if (!result.ok)
    throw new UseCaseError(
      500,
      'internal',
      'The saved playbook could not be read; an admin should save it again.',
    );
  parsed.set(portalId, { text: stored.text, playbook: result.playbook });
  return result.playbook;
}

export async function requireCrm(deps: Deps, portalId: string): Promise<Crm> {
  const crm = await deps.crmFor(portalId);
  if (!crm)
    throw new UseCaseError(403, 'forbidden', 'Handoff is not installed in this HubSpot account.');
  return crm;
}

export async function resolveContext(deps: Deps, caller: Caller): Promise<PortalContext> {
  const crm = await requireCrm(deps, caller.portalId);
  const playbook = await portalPlaybook(deps, caller.portalId);
  if (!playbook) {
    throw new UseCaseError(
      409,
      'not_configured',
      'Handoff is installed but no playbook is configured yet. An admin can set one up in the app settings.',
    );
  }
  const roles = await deps.roles.rolesOf(caller.portalId, caller.userId, playbook);
  return { crm, playbook, viewer: { userId: caller.userId, roles } };
}
