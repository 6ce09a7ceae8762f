// A Salesforce emulator holding the package's objects and the default playbook's Opportunity fields,
// a connected app with a fresh key pair, the tools' user and one user per permission set.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parsePlaybookText, type Playbook } from '@handoff/shared';
import { ManualClock } from '../../../sandbox/emulators/plumbing/clock.js';
import {
  startSalesforceEmulator,
  type FieldDef,
  type ObjectDef,
  type SalesforceEmulator,
  type SalesforceEmulatorOptions,
} from '../../../sandbox/emulators/salesforce/index.js';
import { OBJECTS, type FieldModel } from '../../../salesforce-package/scripts/model.js';
import { connect } from '../../../salesforce-package/tools/auth.js';
import { OrgApi } from '../../../salesforce-package/tools/api.js';
import type { Auth } from '../../../salesforce-package/tools/config.js';

export const CONSUMER_KEY = '3MVG9-handoff-test-consumer-key';
export const TOOLS_USER = 'handoff-tools@example.com';
export const API_VERSION = '66.0';

const PREFIXES = ['a00', 'a01', 'a02', 'a03', 'a04'];

function fieldDef(field: FieldModel): FieldDef {
  const type = field.type;
  switch (type.kind) {
    case 'Text':
      return {
        name: field.name,
        kind: 'string',
        length: type.length,
        ...(type.key ? { unique: true } : {}),
      };
    case 'LongTextArea':
      return { name: field.name, kind: 'textarea', length: type.length };
    case 'Number':
      return { name: field.name, kind: 'double' };
    case 'Checkbox':
      return { name: field.name, kind: 'boolean' };
    case 'Date':
      return { name: field.name, kind: 'date' };
    case 'DateTime':
      return { name: field.name, kind: 'datetime' };
    case 'Picklist':
      return { name: field.name, kind: 'picklist', picklistValues: type.values };
    case 'Lookup':
    case 'MasterDetail':
      return {
        name: field.name,
        kind: 'reference',
        referenceTo: type.to,
        childRelationship: `${type.relationshipName}__r`,
      };
    case 'Summary':
      return { name: field.name, kind: 'double', readOnly: true };
  }
}

/** The package's objects as the org describes them once the package is installed. */
export function packageObjects(): ObjectDef[] {
  return OBJECTS.map((object, index) => ({
    name: object.name,
    keyPrefix: PREFIXES[index] ?? `a1${index}`,
    fields: [
      { name: 'Id', kind: 'id', readOnly: true },
      { name: 'Name', kind: 'string', readOnly: object.nameField.autoNumber !== undefined },
      { name: 'CreatedDate', kind: 'datetime', readOnly: true },
      { name: 'LastModifiedDate', kind: 'datetime', readOnly: true },
      { name: 'SystemModstamp', kind: 'datetime', readOnly: true },
      ...object.fields.map(fieldDef),
    ],
  }));
}

let cachedPlaybook: Playbook | undefined;
export function defaultPlaybook(): Playbook {
  if (!cachedPlaybook) {
    const file = createRequire(import.meta.url).resolve('@handoff/shared/playbooks/default.yaml');
    const result = parsePlaybookText(readFileSync(file, 'utf8'));
    if (!result.ok) throw new Error('the default playbook is invalid');
    cachedPlaybook = result.playbook;
  }
  return cachedPlaybook;
}

/** The default playbook's custom Opportunity fields (deployed from default-playbook/). */
export function playbookFields(playbook: Playbook): FieldDef[] {
  return Object.values(playbook.fields)
    .filter((f) => f.salesforce?.endsWith('__c'))
    .map((f) => ({
      name: f.salesforce ?? '',
      kind:
        f.type === 'number'
          ? 'double'
          : f.type === 'date'
            ? 'date'
            : f.type === 'boolean'
              ? 'boolean'
              : 'string',
    }));
}

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
