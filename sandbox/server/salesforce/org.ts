// The sandbox's Salesforce org: the emulator with the Handoff package installed (objects, the
// default playbook's Opportunity fields, validation rules, permission sets) under the package's
// namespace (sfdx-project.json), as a subscriber org has it, on the sandbox's clock
// and data file; a session per seeded person; and the jsforce scanner run against it.
import { Connection } from 'jsforce';
import { parsePlaybookText, type Playbook } from '@handoff/shared';
import type { ManualClock } from '../../emulators/plumbing/clock.js';
import {
  startSalesforceEmulator,
  type SalesforceEmulator,
} from '../../emulators/salesforce/index.js';
import { OrgApi } from '../../../salesforce-package/tools/api.js';
import { scan, type ScanReport } from '../../../salesforce-package/tools/scan.js';
import { packageCustomFields, packageObjects, packageValidation } from './package.js';
import { orgNames } from '../../../salesforce-package/tools/names.js';
import type { SalesforceMeta } from './seed.js';

export const API_VERSION = '66.0';
/** The sandbox clock jumps by days at a click; sessions outlive any demo. */
const SESSION_LIFETIME_MS = 10 * 365 * 24 * 3_600_000;

export interface SalesforceOrg {
  emulator: SalesforceEmulator;
  /** A session for a seeded person (by the page's viewer key), issued once and reused. */
  tokenFor(viewer: string, fresh?: boolean): string | undefined;
  /** The scanner, as `handoff-salesforce scan` runs it, at the clock's instant. */
  scan(): Promise<ScanReport>;
  /** The tools' door to the org as the scanner's user (Handoff Admin), e.g. for the playbook push. */
  toolsApi(): OrgApi;
  attach(meta: SalesforceMeta): void;
  close(): Promise<void>;
}

export async function startSalesforceOrg(options: {
  clock: ManualClock;
  dbFile: string;
  /** The playbook whose Opportunity fields are deployed (the default playbook's). */
  deployed: Playbook;
}): Promise<SalesforceOrg> {
  const emulator = await startSalesforceEmulator({
    clock: options.clock,
    dbFile: options.dbFile,
    apiVersion: API_VERSION,
    customObjects: packageObjects(),
    customFields: packageCustomFields(options.deployed),
    validation: packageValidation(),
    sessionLifetimeMs: SESSION_LIFETIME_MS,
  });
  let meta: SalesforceMeta | undefined;
  const tokens = new Map<string, string>();
  const tokenFor = (viewer: string, fresh = false) => {
    const username = viewer === 'scanner' ? meta?.scannerUsername : meta?.usernames[viewer];
    if (!username) return undefined;
    let token = tokens.get(viewer);
    if (!token || fresh) {
      token = emulator.issueToken(username);
      tokens.set(viewer, token);
    }
    return token;
  };

  const toolsApi = (fresh = false) => {
    const accessToken = tokenFor('scanner', fresh);
    if (!accessToken) throw new Error('the Salesforce org is not seeded yet');
    return new OrgApi(
      new Connection({ instanceUrl: emulator.url, accessToken, version: API_VERSION }),
      1,
    );
  };

  let scanning: Promise<ScanReport> | undefined;
  const runScan = async (): Promise<ScanReport> => {
    // A new day's worth of API calls for every scan: the sandbox clock jumps past midnights.
    emulator.limits.used = 0;
    const api = toolsApi(true);
    return scan({
      api,
      playbook: await activePlaybook(api, options.deployed),
      clock: options.clock,
    });
  };

  return {
    emulator,
    tokenFor,
    toolsApi: () => toolsApi(),
    attach: (m) => {
      meta = m;
    },
    async scan() {
      while (scanning) await scanning.catch(() => undefined);
      scanning = runScan();
      try {
        return await scanning;
      } finally {
        scanning = undefined;
      }
    },
    close: () => emulator.close(),
  };
}

/** The org's active Handoff_Playbook__c, which the admin panel edits; the deployed one otherwise. */
async function activePlaybook(api: OrgApi, fallback: Playbook): Promise<Playbook> {
  const q = orgNames().field;
  const [row] = await api.queryAll(
    `SELECT ${q('Playbook_Text__c')} FROM ${q('Handoff_Playbook__c')} WHERE ${q('Active__c')} = true ORDER BY LastModifiedDate DESC LIMIT 1`,
  );
  const text = row?.[q('Playbook_Text__c')];
  if (typeof text !== 'string') return fallback;
  const parsed = parsePlaybookText(text);
  return parsed.ok ? parsed.playbook : fallback;
}
