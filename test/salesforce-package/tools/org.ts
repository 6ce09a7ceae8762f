// A Salesforce emulator holding the package's objects and the default playbook's Opportunity fields,
// a connected app with a fresh key pair, the tools' user and one user per permission set.
import { generateKeyPairSync } from 'node:crypto';
import { ManualClock } from '../../../sandbox/emulators/plumbing/clock.js';
import {
  startSalesforceEmulator,
  type SalesforceEmulator,
  type SalesforceEmulatorOptions,
} from '../../../sandbox/emulators/salesforce/index.js';
// The package's objects exactly as the sandbox's org installs them: one description of the package.
import {
  defaultPlaybook,
  packageObjects,
  playbookFields,
} from '../../../sandbox/server/salesforce/package.js';

export { defaultPlaybook };
import { connect } from '../../../salesforce-package/tools/auth.js';
import { OrgApi } from '../../../salesforce-package/tools/api.js';
import type { Auth } from '../../../salesforce-package/tools/config.js';

export const CONSUMER_KEY = '3MVG9-handoff-test-consumer-key';
export const TOOLS_USER = 'handoff-tools@example.com';
export const API_VERSION = '66.0';

export interface TestOrg {
  emulator: SalesforceEmulator;
  clock: ManualClock;
  auth: Extract<Auth, { kind: 'jwt' }>;
  users: { tools: string; owner: string; csManagers: string[]; admins: string[] };
  close(): Promise<void>;
}

export async function startTestOrg(
  options: Partial<SalesforceEmulatorOptions> & { start?: number } = {},
): Promise<TestOrg> {
  const clock = new ManualClock(options.start ?? Date.UTC(2026, 2, 2, 14));
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const emulator = await startSalesforceEmulator({
    clock,
    apiVersion: API_VERSION,
    customObjects: packageObjects(),
    customFields: { Opportunity: playbookFields(defaultPlaybook()) },
    connectedApps: [
      {
        consumerKey: CONSUMER_KEY,
        publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      },
    ],
    ...options,
  });
  const tools = emulator.seed.user({ Username: TOOLS_USER });
  const owner = emulator.seed.user({ Username: 'ae@example.com' });
  const csManagers = [
    emulator.seed.user({ Username: 'csm1@example.com' }),
    emulator.seed.user({ Username: 'csm2@example.com' }),
  ];
  const admins = [emulator.seed.user({ Username: 'revops@example.com' })];
  emulator.seed.permissionSet('Handoff_CS_Manager', csManagers);
  emulator.seed.permissionSet('Handoff_Admin', [tools, ...admins]);
  emulator.seed.permissionSet('Handoff_Sales_Rep', [owner]);
  return {
    emulator,
    clock,
    auth: {
      kind: 'jwt',
      loginUrl: emulator.url,
      clientId: CONSUMER_KEY,
      username: TOOLS_USER,
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    },
    users: { tools, owner, csManagers, admins },
    close: () => emulator.close(),
  };
}

export async function orgApi(org: TestOrg, maxShare = 1): Promise<OrgApi> {
  return new OrgApi(await connect(org.auth, API_VERSION, org.clock), maxShare);
}
