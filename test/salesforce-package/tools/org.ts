// A Salesforce emulator holding the package's objects and the default playbook's Opportunity fields,
// a connected app with a fresh key pair, the tools' user and people with Handoff roles on their User records.
// The package is installed under its namespace (`handoff__Handoff__c`), as in a subscriber org: the
// tools name it that way (tools/names.ts), and `q` spells a package name as the org does.
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
  packageCustomFields,
} from '../../../sandbox/server/salesforce/package.js';
import { packageSeeder } from '../../../sandbox/server/salesforce/seed.js';
import {
  namespacePrefix,
  qualify,
  unqualify,
} from '../../../salesforce-package/scripts/namespace.js';

/**
 * The playbook the tools' expected escalations were worked out on (test/fixtures/scanner-playbook.yaml):
 * the scan is what these tests check, not the default playbook's content.
 */
export { scannerPlaybook as defaultPlaybook } from '../../fixtures/scanner-playbook.js';
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
  /** A name the package defines as this org spells it (`Handoff__c` → `handoff__Handoff__c`). */
  q(name: string): string;
  /** The emulator's seeding door in the org's names. */
  seed: ReturnType<typeof packageSeeder>;
  /** Stored rows of an object named as in the package's source, their fields named so too. */
  records(object: string): Record<string, unknown>[];
  close(): Promise<void>;
}

export async function startTestOrg(
  options: Partial<SalesforceEmulatorOptions> & { start?: number } = {},
): Promise<TestOrg> {
  const clock = new ManualClock(options.start ?? Date.UTC(2026, 2, 2, 14));
  const namespace = namespacePrefix();
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const emulator = await startSalesforceEmulator({
    clock,
    apiVersion: API_VERSION,
    customObjects: packageObjects(namespace),
    customFields: packageCustomFields(defaultPlaybook(), namespace),
    connectedApps: [
      {
        consumerKey: CONSUMER_KEY,
        publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      },
    ],
    ...options,
  });
  const seed = packageSeeder(emulator, namespace);
  const person = (Username: string, role: string) =>
    seed.user({ Username, Handoff_Roles__c: role });
  const owner = person('ae@example.com', 'sales_rep');
  const csManagers = [
    person('csm1@example.com', 'cs_manager'),
    person('csm2@example.com', 'cs_manager'),
  ];
  const admins = [person('revops@example.com', 'admin')];
  // The tools' user is an admin here, so escalations to admins reach it as well (the expected tasks count it).
  const tools = person(TOOLS_USER, 'admin');
  // Someone who left: an inactive user keeps their roles but gets no escalation.
  seed.user({
    Username: 'gone@example.com',
    Handoff_Roles__c: 'cs_manager;admin',
    IsActive: false,
  });
  emulator.seed.permissionSet('Handoff_User', [owner, ...csManagers]);
  emulator.seed.permissionSet('Handoff_Admin', [tools, ...admins]);
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
    q: (name) => qualify(name, namespace),
    seed,
    records: (object) =>
      emulator
        .records(qualify(object, namespace))
        .map((row) =>
          Object.fromEntries(Object.entries(row).map(([f, v]) => [unqualify(f, namespace), v])),
        ),
    close: () => emulator.close(),
  };
}

export async function orgApi(org: TestOrg, maxShare = 1): Promise<OrgApi> {
  return new OrgApi(await connect(org.auth, API_VERSION, org.clock), maxShare);
}
