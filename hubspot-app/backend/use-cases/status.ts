// What the settings page shows about the installation: tokens, playbook, provisioning, outbox.
// Read only by people with a Handoff role (see access.ts).
import type { InstallStatus } from '@handoff/shared';
import type { Deps } from '../deps.js';
import {
  HUBSPOT_OBJECT_TYPE,
  mirroredObjects,
  mirrorProperties,
} from '../provisioning/properties.js';
import { mirroredIn } from '../store/index.js';
import { requireRole } from './access.js';
import type { Caller } from './context.js';
import { portalPlaybook } from './context.js';

export async function getStatus(deps: Deps, caller: Caller): Promise<InstallStatus> {
  await requireRole(deps, caller, "read the installation's status");
  const installation = await deps.store.getInstallation(caller.portalId);
  const installed = installation !== null && installation.uninstalledAt === null;
  const playbook = await portalPlaybook(deps, caller.portalId);
  const settings = await deps.store.getSettings(caller.portalId);
  const outbox = await deps.store.outboxOf(caller.portalId);
  const provisioned = settings?.provisionedAt != null;
  // Deals' properties by name; a contact's or company's prefixed with its object type. An object
  // provisioning skipped (a portal installed before Handoff asked for its scopes) is missing too.
  const missing = !playbook
    ? []
    : mirroredObjects(playbook)
        .filter((object) => !provisioned || !mirroredIn(settings).includes(object))
        .flatMap((object) =>
          mirrorProperties(playbook, object).map((p) =>
            object === 'deal' ? p.name : `${HUBSPOT_OBJECT_TYPE[object]}.${p.name}`,
          ),
        );
  return {
    portalId: caller.portalId,
    installed,
    playbookConfigured: playbook !== null,
    properties: { created: provisioned && missing.length === 0, missing },
    // The subscription to deal stage changes is part of the app itself: active wherever it is installed.
    webhooks: { active: installed },
    outbox: {
      pending: outbox.filter((e) => e.status === 'pending').length,
      failed: outbox
        .filter((e) => e.status === 'failed')
        .map((e) => ({
          id: e.key,
          what: describe(e.kind, e.key),
          error: e.lastError ?? 'unknown error',
          at: e.nextAttemptAt,
        })),
    },
  };
}

function describe(kind: string, key: string): string {
  if (kind === 'mirror')
    return `Update the record's Handoff properties (${key.split(':')[1] ?? ''})`;
  if (kind === 'complete-tasks') return 'Mark Handoff tasks completed in HubSpot';
  if (kind === 'contact-move') return "Move the contact's lifecycle stage in HubSpot";
  return key.startsWith('task:') ? 'Create a task in HubSpot' : 'Add a note in HubSpot';
}
