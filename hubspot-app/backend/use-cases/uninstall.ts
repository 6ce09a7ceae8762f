// An admin removes Handoff's data for their portal: tokens, playbook, handoffs, outbox and history.
// HubSpot keeps its own copies (mirror properties, notes, tasks); those are the portal's data.
import type { Deps } from '../deps.js';
import { portalPlaybook, type Caller } from './context.js';
import { UseCaseError } from './errors.js';

export async function deletePortalData(deps: Deps, caller: Caller): Promise<{ deleted: true }> {
  const playbook = await portalPlaybook(deps, caller.portalId);
  const roles = playbook ? await deps.roles.rolesOf(caller.portalId, caller.userId, playbook) : [];
  if (!roles.includes('admin'))
    throw new UseCaseError(
      403,
      'forbidden',
      "Only Handoff admins may delete this account's Handoff data.",
    );
  await deps.store.deletePortal(caller.portalId);
  deps.log.info({ portalId: caller.portalId }, 'portal data deleted');
  return { deleted: true };
}
