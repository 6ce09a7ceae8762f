// The two copies of the playbook the sandbox sees at once — HubSpot's (the backend's store) and
// Salesforce's (the org's active Handoff_Playbook__c) — and the push of HubSpot's to Salesforce, done
// as `npm run salesforce:deploy -- --playbook-from <url>` does it: an export token from the backend
// (asked for as the viewer, so only an admin gets one), then the deploy tool's read and record write.
// The sandbox org's validation rules come from its seed; this push does not redeploy metadata.
import {
  parsePlaybookText,
  paths,
  playbookDrift,
  playbookFingerprint,
  playbookLabel,
  type Playbook,
  type PlaybookExportTicket,
} from '@handoff/shared';
import type { Store } from '../../hubspot-app/backend/store/index.js';
import type { OrgApi } from '../../salesforce-package/tools/api.js';
import { ConfigError } from '../../salesforce-package/tools/config.js';
import {
  activatePlaybook,
  EXPORT_TOKEN_VARIABLE,
  loadPushedPlaybook,
  readOrgPlaybook,
} from '../../salesforce-package/tools/playbook-push.js';
import { CARD_BACKEND_URL, type CardHost } from './card-host.js';
import { SandboxError } from './errors.js';

export interface PlaybookCopy {
  name: string;
  version: string;
  fingerprint: string;
  label: string;
}

export interface PlaybookCopies {
  hubspot: PlaybookCopy | null;
  salesforce: PlaybookCopy | null;
  /** The warning both copies call for, or null when they are the same playbook. */
  drift: string | null;
}

function copyOf(playbook: Playbook | undefined): PlaybookCopy | null {
  if (!playbook) return null;
  const fingerprint = playbookFingerprint(playbook);
  return {
    name: playbook.name,
    version: playbook.version,
    fingerprint,
    label: playbookLabel({ version: playbook.version, fingerprint }),
  };
}

export async function readCopies(
  store: Store,
  portalId: string,
  org: OrgApi,
): Promise<PlaybookCopies> {
  const stored = await store.getPlaybook(portalId);
  const parsed = stored ? parsePlaybookText(stored.text) : undefined;
  const hubspot = copyOf(parsed?.ok ? parsed.playbook : undefined);
  const salesforce = copyOf((await readOrgPlaybook(org)).playbook);
  return {
    hubspot,
    salesforce,
    drift: playbookDrift(
      { where: 'HubSpot', stamp: hubspot },
      { where: 'Salesforce', stamp: salesforce },
    ),
  };
}

export async function pushToSalesforce(host: CardHost, org: OrgApi, userId: string): Promise<void> {
  const answer = await host.fetch({
    url: `${CARD_BACKEND_URL}${paths.playbookExport}`,
    method: 'POST',
    body: {},
    userId,
  });
  if (answer.status !== 200) {
    const message = (answer.body as { error?: { message?: string } } | null)?.error?.message;
    throw new SandboxError(message ?? `The HubSpot backend refused the export (${answer.status}).`);
  }
  const ticket = answer.body as PlaybookExportTicket;
  try {
    const pushed = await loadPushedPlaybook(['--playbook-from', ticket.url], {
      [EXPORT_TOKEN_VARIABLE]: ticket.token,
    });
    if (!pushed) throw new SandboxError('The HubSpot backend exported no playbook.');
    await activatePlaybook(org, await readOrgPlaybook(org), pushed.playbook);
  } catch (error) {
    // The deploy tool's sentences (a refused export, a refused record) are the person's to read.
    if (error instanceof ConfigError) throw new SandboxError(error.message);
    throw error;
  }
}
