// The SLA scanner on 12,000 deals in the local HubSpot emulator: wall time for one scan, API calls
// against the minimum the page (200) and batch (100) sizes allow, escalations executed; then the
// escalated deals' handoffs accepted and the scan that completes their tasks, its calls apart. Then
// the same on 10,480 contacts (MQLs: the contact stage where speed to lead and the MQL decision may run), and
// on 1,000 customer companies, 60 of them with an expansion waiting for an AE.
import { performance } from 'node:perf_hooks';
import { seedContactPortal } from '../hubspot-app/backend/scan-contacts-fixture.js';
import { acceptGroups, ny, seedScanPortal } from '../hubspot-app/backend/scan-fixture.js';
import { startServiceHarness } from '../hubspot-app/backend/service-harness.js';
import { line, section } from './lib.js';

export default async function (): Promise<void> {
  const h = await startServiceHarness();
  try {
    const portal = await seedScanPortal(h, { perGroup: 20, inertWon: 10_500, total: 12_000 });
    const logged = h.emulator.requestLog.entries().length;
    const start = performance.now();
    const report = await h.service.scanner.scanPortal(portal.portalId);
    const ms = performance.now() - start;
    // One create per task the escalations open (each role has one member here; a level a later one
    // supersedes records its escalation and opens none), counted where HubSpot received them.
    const creates = h.emulator.requestLog
      .entries()
      .slice(logged)
      .filter((e) => e.route === 'crm.objects.create').length;
    // + 1: a full scan's search for deals HubSpot still shows with a live clock outside the
    // clocks' stages (moved since their SLA properties were written; none here).
    const minimum =
      Math.ceil((portal.candidates + 1) / 200) + Math.ceil(portal.candidates / 100) + creates + 1;
    section(
      'HubSpot SLA scanner (12,000 deals, emulator on this machine; rate-limit waits move a manual clock)',
    );
    line('one scan, wall time', `${(ms / 1000).toFixed(2)} s`);
    line('deals evaluated', String(report.deals));
    line(
      'API calls / minimum for pages, batches, creates and the stale-deal search',
      `${report.apiCalls} / ${minimum}`,
    );
    line('escalations executed (tasks created)', `${report.escalations} (${creates})`);
    line('SLA status writes (deals)', String(report.statusWrites));
    line('completion calls (nothing met yet)', String(report.completionCalls));

    // Every escalated deal's handoff accepted: the next scan completes their tasks.
    h.clock.advance(60 * 60_000);
    await acceptGroups(h, portal, ['A1', 'A2', 'C1', 'C2'], h.clock.now());
    h.clock.advance(60_000);
    h.emulator.resetRateLimits();
    const closing = await h.service.scanner.scanPortal(portal.portalId);
    line(
      'accepted: completion calls / min. (2 per 100 tasks)',
      `${closing.completionCalls} / ${2 * Math.ceil(closing.tasksCompleted / 100)}`,
    );
    line('accepted: tasks completed', String(closing.tasksCompleted));
    line(
      'accepted: other calls (pages, status writes)',
      String(closing.apiCalls - closing.completionCalls),
    );
  } finally {
    await h.close();
  }
  // A harness of its own: its clock starts where the fixture's timers were worked out.
  const c = await startServiceHarness();
  try {
    await contactRows(c);
  } finally {
    await c.close();
  }
  const k = await startServiceHarness();
  try {
    await companyRows(k);
  } finally {
    await k.close();
  }
}

/**
 * The scanner on companies: the store names the companies holding an open handoff (the expansion's
 * clock starts when CS raises it), so no search is made whatever the number of customers. The
 * minimum: one batch read per 50 of those (with their stage's history), one create per task and
 * one batch update per 100 companies whose SLA properties change (all of them, the first time).
 */
async function companyRows(h: Awaited<ReturnType<typeof startServiceHarness>>): Promise<void> {
  const customers = 1_000;
  // Two people raise them (a CS manager and the admin): 3 requests each stays within the card
  // API's burst of 120 per user.
  const open = 60;
  const portalId = h.emulator.portals.create().portalId;
  await h.install(portalId);
  const users = await h.setUp(portalId);
  const ids = Array.from({ length: customers }, (_, i) =>
    h.emulator.seed.company(portalId, { name: `Customer ${i}` }, [
      { stage: 'customer', at: ny(2, 10) },
    ]),
  );
  // Half raised last Wednesday (2 business days gone: breached), half this morning (running).
  const scanAt = h.clock.now();
  for (const [i, id] of ids.slice(0, open).entries()) {
    // Two seconds apart: the card API's per-user budget refills 2 requests a second.
    h.clock.set((i < open / 2 ? ny(18, 10) : ny(23, 9)) + (i % (open / 2)) * 2_000);
    const brief = [
      { type: 'set_item', itemId: 'wants', value: '40 more seats' },
      { type: 'set_item', itemId: 'contact', value: 'Ana, VP Ops' },
      { type: 'submit' },
    ];
    h.emulator.resetRateLimits();
    for (const [n, action] of brief.entries()) {
      const answer = await h.call('POST', `/v1/hubspot/records/companies/${id}/actions`, portalId, {
        as: i % 2 === 0 ? users.csManager : users.admin,
        body: { handoffId: 'expansion', actionId: `raise-${id}-${n}`, action },
      });
      if (answer.status !== 200) throw new Error(`raising an expansion answered ${answer.status}`);
    }
  }
  h.clock.set(scanAt);
  h.emulator.resetRateLimits();
  const before = h.emulator.requestLog.entries().length;
  const start = performance.now();
  const report = await h.service.scanner.scanPortal(portalId);
  const ms = performance.now() - start;
  const made = h.emulator.requestLog.entries().slice(before);
  const creates = made.filter((e) => e.route === 'crm.objects.create').length;
  const searches = made.filter(
    (e) => e.route === 'crm.objects.search' && e.path.includes('compan'),
  );
  section(
    `HubSpot SLA scanner on companies (${customers.toLocaleString('en-US')} customers, ${open} expansions waiting for an AE)`,
  );
  line('one scan, wall time', `${(ms / 1000).toFixed(2)} s`);
  line('companies evaluated', String(report.companies));
  line(
    'API calls / minimum (history reads of 50, creates, property writes of 100, + the empty deal, stale-deal and contact searches)',
    `${report.apiCalls} / ${Math.ceil(open / 50) + creates + Math.ceil(open / 100) + 3}`,
  );
  line('company searches', String(searches.length));
  line('escalations executed (tasks created)', `${report.escalations} (${creates})`);
  h.emulator.resetRateLimits();
  const again = await h.service.scanner.scanPortal(portalId);
  line('second scan: escalations / API calls', `${again.escalations} / ${again.apiCalls}`);
}

/**
 * The scanner on contacts: more candidates than one search may return (10,000), so the id-paged
 * search is what reaches them all. The minimum: one search page per 200 candidates (and the short
 * page that ends the list), one batch read per 50 (HubSpot reads property history — which the
 * timers start and stop by — for at most 50 records per call), one create per escalation task and
 * one batch update per 100 contacts whose SLA properties change (every one, the first time).
 */
async function contactRows(h: Awaited<ReturnType<typeof startServiceHarness>>): Promise<void> {
  const perGroup = 20;
  const portal = await seedContactPortal(h, { perGroup, inertMql: 10_400, leads: 100 });
  const start = performance.now();
  const report = await h.service.scanner.scanPortal(portal.portalId);
  const ms = performance.now() - start;
  // Tasks: S1's admin task (breached) and S2's SDR task (at risk), one each; S1's superseded
  // at-risk level creates nothing.
  const creates = 2 * perGroup;
  // + 2: the deal searches a full scan makes whatever the portal holds (candidates, and deals
  // still shown with a live clock outside the clocks' stages): empty here.
  const minimum =
    Math.ceil((portal.candidates + 1) / 200) +
    Math.ceil(portal.candidates / 50) +
    creates +
    Math.ceil(portal.candidates / 100) +
    2;
  const searches = h.emulator.requestLog
    .entries()
    .filter((e) => e.route === 'crm.objects.search' && e.path.includes('contacts'));
  section(
    `HubSpot SLA scanner on contacts (${portal.candidates.toLocaleString('en-US')} MQL contacts, 100 leads)`,
  );
  line('one scan, wall time', `${(ms / 1000).toFixed(2)} s`);
  line('contacts evaluated', String(report.contacts));
  line(
    'API calls / minimum (pages of 200, history reads of 50, creates, property writes of 100, the 2 deal searches)',
    `${report.apiCalls} / ${minimum}`,
  );
  line(
    'contact searches (all 200: past the 10,000-result cap)',
    `${searches.length} (${searches.filter((e) => e.status === 200).length} answered 200)`,
  );
  line('escalations executed (tasks created)', `${report.escalations} (${creates})`);
  h.emulator.resetRateLimits();
  const again = await h.service.scanner.scanPortal(portal.portalId);
  line('second scan: escalations / API calls', `${again.escalations} / ${again.apiCalls}`);
}
