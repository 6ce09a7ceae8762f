// The Salesforce half of `startSandbox`: the org on the sandbox's clock and data file, seeded from
// the HubSpot half on first start (or the first start after this half existed), then scanned at the
// seeded instant as the HubSpot portal was.
import type { Store } from '../../../hubspot-app/backend/store/index.js';
import type { ManualClock } from '../../emulators/plumbing/clock.js';
import type { CrmReader } from '../crm-reader.js';
import { SandboxError } from '../errors.js';
import type { SandboxMeta } from '../meta.js';
import { readPortal } from '../portal-view.js';
import { dealPlans } from '../seed/deals.js';
import { COMPANY_NAMES } from '../seed/run.js';
import { startSalesforceOrg, type SalesforceOrg } from './org.js';
import { defaultPlaybook } from './package.js';
import { seedSalesforce } from './seed.js';

export async function startSalesforceHalf(options: {
  clock: ManualClock;
  dbFile: string;
  meta: SandboxMeta;
  store: Store;
  reader: CrmReader;
}): Promise<{ org: SalesforceOrg; meta: SandboxMeta }> {
  const org = await startSalesforceOrg({
    clock: options.clock,
    dbFile: options.dbFile,
    deployed: defaultPlaybook(),
  });
  let meta = options.meta;
  try {
    if (!meta.salesforce) {
      // A start that died while seeding Salesforce left records the meta does not know.
      if (org.emulator.records('User').length > 0)
        throw new SandboxError(
          'handoff: the Salesforce half of the data folder was left half-seeded; start over with npm start -- --reset.',
        );
      const portal = await readPortal(
        options.store,
        options.reader,
        meta.portalId,
        options.clock.now(),
      );
      const salesforce = seedSalesforce({
        emulator: org.emulator,
        playbook: portal.playbook,
        people: meta.people,
        companies: COMPANY_NAMES,
        plans: dealPlans(),
        deals: meta.deals,
        snapshots: portal.snapshots,
        now: options.clock.now(),
      });
      meta = { ...meta, salesforce };
      org.attach(salesforce);
      await org.scan();
    } else org.attach(meta.salesforce);
  } catch (error) {
    await org.close();
    throw error;
  }
  return { org, meta };
}
