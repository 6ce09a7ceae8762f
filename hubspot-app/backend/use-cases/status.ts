// What the settings page shows about the installation. Provisioning of mirror properties, webhooks
// and the outbox arrive with part 2 (issue 7); until then they are reported as not set up.
import type { InstallStatus } from '@handoff/shared';
import type { Deps } from '../deps.js';
import type { Caller } from './context.js';

export async function getStatus(deps: Deps, caller: Caller): Promise<InstallStatus> {
  const installation = await deps.store.getInstallation(caller.portalId);
  const playbook = await deps.store.getPlaybook(caller.portalId);
  return {
    portalId: caller.portalId,
    installed: installation !== null && installation.uninstalledAt === null,
    playbookConfigured: playbook !== null,
    properties: { created: false, missing: [] },
    webhooks: { active: false },
    outbox: { pending: 0, failed: [] },
  };
}
