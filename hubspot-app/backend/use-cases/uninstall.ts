// An admin removes Handoff from their portal: HubSpot's app uninstall API first (the app leaves the
// account: cards, settings and webhooks go), then our data — tokens, playbook, handoffs, outbox and
// history. HubSpot keeps its own copies (mirror properties, notes, tasks); those are the portal's.
import type { Deps } from '../deps.js';
import { requireRole } from './access.js';
import type { Caller } from './context.js';
import { UseCaseError } from './errors.js';

export async function deletePortalData(deps: Deps, caller: Caller): Promise<{ deleted: true }> {
  await requireRole(deps, caller, "delete this account's Handoff data", ['admin']);
  try {
    await deps.uninstallApp?.(caller.portalId);
  } catch (error) {
    deps.log.warn(
      { portalId: caller.portalId, err: { message: (error as Error).message } },
      'app uninstall failed',
    );
    // Nothing is deleted while the app stays installed, so the admin can simply try again.
    throw new UseCaseError(
      502,
      'internal',
      'HubSpot did not confirm that Handoff was uninstalled, so nothing was deleted; try again in a minute.',
    );
  }
  await deps.store.deletePortal(caller.portalId);
  deps.log.info({ portalId: caller.portalId }, 'app uninstalled and portal data deleted');
  return { deleted: true };
}
