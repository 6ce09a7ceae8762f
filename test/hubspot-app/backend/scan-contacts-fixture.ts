// Contacts laid out for the scanner on the default playbook: MQLs whose speed-to-lead timers are, at
// Monday 23 November 2026 16:00 New York, breached, at risk, running or met, MQLs already touched
// (searched, nothing to do) and plain leads (never searched). Expected escalations are counted by
// hand in the tests from these groups, never by the code under test.
import { ny, SCAN_NOW } from './scan-fixture.js';
import type { ServiceHarness } from './service-harness.js';

export interface ContactPortal {
  portalId: string;
  contactsOf: Record<string, string[]>;
  /** Contacts the scanner's search returns (MQLs: where speed to lead and the MQL decision may run). */
  candidates: number;
  /** The HubSpot owner id of the portal's one SDR. */
  sdrOwner: string;
}

export async function seedContactPortal(
  h: ServiceHarness,
  sizes: { perGroup: number; inertMql: number; leads: number },
): Promise<ContactPortal> {
  const portal = h.emulator.portals.create();
  const portalId = portal.portalId;
  // The SDR first: setUp resolves the portal's people, and they are cached for a while.
  const sdr = h.emulator.seed.owner(portalId, {
    email: 'sdr@example.com',
    firstName: 'Sid',
    lastName: 'Sdr',
    teams: [{ name: 'SDR' }],
  });
  await h.install(portalId);
  await h.setUp(portalId); // Sales, Customer Success and RevOps owners; the default playbook
  const contactsOf: Record<string, string[]> = {};
  const seed = (
    group: string,
    count: number,
    lifecycle: { stage: string; at: number }[],
    touches: number[] = [],
  ) => {
    contactsOf[group] = Array.from({ length: count }, (_, i) =>
      h.emulator.seed.contact(portalId, {
        properties: {
          firstname: group,
          lastname: String(i),
          email: `${group.toLowerCase()}-${i}@example.com`,
          jobtitle: 'Buyer',
          company: 'Acme',
        },
        lifecycle,
        touches,
      }),
    );
  };
  const lead = { stage: 'lead', at: ny(16, 10) };
  const mql = (at: number) => [lead, { stage: 'marketingqualifiedlead', at }];
  const { perGroup, inertMql, leads } = sizes;
  seed('S1', perGroup, mql(ny(20, 9))); // MQL Friday 9:00: 15 of 4 business hours → breached
  seed('S2', perGroup, mql(ny(23, 12, 30))); // 3.5 of 4 h → at risk (1 h before due)
  seed('S3', perGroup, mql(ny(23, 15))); // 1 h → running
  seed('S4', perGroup, mql(ny(23, 9)), [ny(23, 10)]); // called at 10:00 → met
  // MQLs touched within the hour and not submitted: searched (they are MQLs), nothing runs. (SQLs
  // are never searched: both contact clocks stop when the contact leaves MQL.)
  seed('M', inertMql, mql(ny(20, 9)), [ny(20, 10)]);
  seed('L', leads, [lead]); // not an MQL: no timer, never searched
  h.clock.set(SCAN_NOW);
  h.emulator.requestLog.clear();
  h.emulator.resetRateLimits();
  return {
    portalId,
    contactsOf,
    candidates: 4 * perGroup + inertMql,
    sdrOwner: sdr.id,
  };
}
