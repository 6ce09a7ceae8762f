// An admin asks for the writes to HubSpot that keep failing to be tried again now (they are also
// retried on their own, at most hourly), e.g. after fixing what HubSpot refused.
import { defaultPlaybook } from '../default-playbook.js';
import type { Deps } from '../deps.js';
import { portalPlaybook, requireCrm, type Caller } from './context.js';
import { UseCaseError } from './errors.js';

export async function retryFailedWrites(deps: Deps, caller: Caller): Promise<{ retried: number }> {
  await requireCrm(deps, caller.portalId);
  const playbook = (await portalPlaybook(deps, caller.portalId)) ?? defaultPlaybook();
  const roles = await deps.roles.rolesOf(caller.portalId, caller.userId, playbook);
  if (!roles.includes('admin'))
    throw new UseCaseError(403, 'forbidden', 'Only Handoff admins may retry failed writes.');
  const retried = await deps.store.outboxRetryFailed(caller.portalId, deps.clock.now());
  if (retried > 0) deps.afterCommit?.(caller.portalId);
  return { retried };
}
