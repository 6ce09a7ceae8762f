// An emulated org with the Handoff package as the sandbox installs it, three people with Handoff
// roles on their User records and the package's permission sets, one opportunity with a submitted
// handoff, and a UI API caller per person. Namespace-free (a scratch org created with
// --no-namespace) unless a namespace is given: then the package is installed under it, as in a
// subscriber org, and `q` spells the package's names as that org does.
import { ManualClock } from '../../../sandbox/emulators/plumbing/clock.js';
import {
  startSalesforceEmulator,
  type SalesforceEmulator,
} from '../../../sandbox/emulators/salesforce/index.js';
import {
  defaultPlaybook,
  packageObjects,
  packageValidation,
  packageCustomFields,
} from '../../../sandbox/server/salesforce/package.js';
import { qualify } from '../../../salesforce-package/scripts/namespace.js';

export const VERSION = '66.0';
export const START = Date.UTC(2026, 10, 17, 16);

export interface TestOrg {
  emulator: SalesforceEmulator;
  clock: ManualClock;
  users: { rep: string; cs: string; admin: string };
  /** A name the package defines as this org spells it (`Handoff__c` → `handoff__Handoff__c`). */
  q(name: string): string;
  opportunityId: string;
  handoffId: string;
  /** An HTTP call to /services/data/v66.0/<path> as one of the people. */
  call(
    as: 'rep' | 'cs' | 'admin',
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export async function startTestOrg(options: { namespace?: string } = {}): Promise<TestOrg> {
  const namespace = options.namespace ?? '';
  const q = (name: string) => qualify(name, namespace);
  const clock = new ManualClock(START);
  const emulator = await startSalesforceEmulator({
    clock,
    apiVersion: VERSION,
    customObjects: packageObjects(namespace),
    customFields: packageCustomFields(defaultPlaybook(), namespace),
    validation: packageValidation(undefined, namespace),
  });
  const user = (name: string, role: string) =>
    emulator.seed.user({
      Username: `${name}@example.com`,
      Name: name,
      [q('Handoff_Roles__c')]: role,
    });
  const users = {
    rep: user('rep', 'sales_rep'),
    cs: user('cs', 'cs_manager'),
    admin: user('admin', 'admin'),
  };
  emulator.seed.permissionSet('Handoff_User', [users.rep, users.cs]);
  emulator.seed.permissionSet('Handoff_Admin', [users.admin]);
  const account = emulator.seed.record('Account', { Name: 'Globex' });
  const opportunityId = emulator.seed.opportunity(
    {
      Name: 'Globex rollout',
      StageName: 'Closed Won',
      CloseDate: '2026-11-16',
      Amount: 24000,
      AccountId: account,
      OwnerId: users.rep,
    },
    [
      { stage: 'Negotiation/Review', at: START - 8 * 86_400_000 },
      { stage: 'Closed Won', at: START - 86_400_000 },
    ],
  );
  const handoff: Record<string, unknown> = {
    Opportunity__c: opportunityId,
    Account__c: account,
    Handoff_Id__c: 'sales_to_cs',
    Record_Key__c: `${opportunityId}:sales_to_cs`,
    Status__c: 'submitted',
    Action__c: 'submit',
    Action_Id__c: 'seed-submit',
    Version__c: 9,
    Required_Items__c: 0,
    Submitted_By__c: users.rep,
    Submitted_At__c: new Date(START - 3_600_000).toISOString(),
  };
  const handoffId = emulator.seed.record(q('Handoff__c'), {
    ...Object.fromEntries(Object.entries(handoff).map(([f, v]) => [q(f), v])),
    CreatedDate: new Date(START - 86_400_000).toISOString(),
    LastModifiedDate: new Date(START - 3_600_000).toISOString(),
  });
  const tokens = {
    rep: emulator.issueToken('rep@example.com'),
    cs: emulator.issueToken('cs@example.com'),
    admin: emulator.issueToken('admin@example.com'),
  };
  return {
    emulator,
    clock,
    users,
    q,
    opportunityId,
    handoffId,
    async call(as, method, path, body, headers = {}) {
      const response = await fetch(`${emulator.url}/services/data/v${VERSION}/${path}`, {
        method,
        headers: {
          authorization: `Bearer ${tokens[as]}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
    },
    close: () => emulator.close(),
  };
}
