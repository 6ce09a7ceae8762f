// After each scan the sandbox refreshes the backend's record summaries from the HubSpot emulator
// (every mapped deal, a search page per 200), so the app pages' queue and dashboard — which read
// only the store — cover every seeded deal, as a production refresh would.
import { parsePlaybookText } from '@handoff/shared';
import { hubspotCrm } from '../../hubspot-app/backend/hubspot/crm.js';
import type { Service } from '../../hubspot-app/backend/service.js';
import type { Store } from '../../hubspot-app/backend/store/index.js';
import { refreshRecordSummaries } from '../../hubspot-app/backend/use-cases/record-summaries.js';
import type { Clock } from '../emulators/plumbing/clock.js';

export async function refreshSandboxSummaries(options: {
  store: Store;
  service: Service;
  clock: Clock;
  apiBase: string;
  portalId: string;
}): Promise<void> {
  const stored = await options.store.getPlaybook(options.portalId);
  const parsed = stored ? parsePlaybookText(stored.text) : undefined;
  const token = await options.service.tokens.accessToken(options.portalId);
  if (!parsed?.ok || !token) return;
  await refreshRecordSummaries(
    { store: options.store, clock: options.clock },
    hubspotCrm(options.apiBase, token),
    options.portalId,
    parsed.playbook,
  );
}
