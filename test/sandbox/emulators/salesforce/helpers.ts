import { Connection } from 'jsforce';
import { ManualClock } from '../../../../sandbox/emulators/plumbing/clock.js';
import {
  startSalesforceEmulator,
  type SalesforceEmulator,
  type SalesforceEmulatorOptions,
} from '../../../../sandbox/emulators/salesforce/index.js';

export const VERSION = '66.0';

export interface Emulated {
  emulator: SalesforceEmulator;
  clock: ManualClock;
  userId: string;
  conn: Connection;
}

/** An org with one user, an access token for it, and a jsforce connection at API 66.0. */
export async function emulated(
  options: Partial<SalesforceEmulatorOptions> = {},
): Promise<Emulated> {
  const clock = new ManualClock(Date.UTC(2026, 2, 2, 14));
  const emulator = await startSalesforceEmulator({
    clock,
    customObjects: [
      {
        name: 'Handoff_Escalation__c',
        keyPrefix: 'a02',
        fields: [
          { name: 'Id', kind: 'id', readOnly: true },
          { name: 'CreatedDate', kind: 'datetime', readOnly: true },
          { name: 'LastModifiedDate', kind: 'datetime', readOnly: true },
          { name: 'Escalation_Key__c', kind: 'string', length: 255, unique: true },
          {
            name: 'Opportunity__c',
            kind: 'reference',
            referenceTo: 'Opportunity',
            childRelationship: 'Handoff_Escalations__r',
          },
          { name: 'When__c', kind: 'picklist', picklistValues: ['at_risk', 'breached'] },
        ],
      },
    ],
    ...options,
  });
  const userId = emulator.seed.user({ Username: 'dev@example.com', Name: 'Dev Eloper' });
  const conn = new Connection({
    instanceUrl: emulator.url,
    accessToken: emulator.issueToken('dev@example.com'),
    version: VERSION,
  });
  return { emulator, clock, userId, conn };
}
