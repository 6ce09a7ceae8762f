// The SLA scanner on 12,000 deals in the local HubSpot emulator: wall time for one scan, API calls
// against the minimum the page (200) and batch (100) sizes allow, escalations executed; then the
// escalated deals' handoffs accepted and the scan that completes their tasks, its calls apart.
import { performance } from 'node:perf_hooks';
import { acceptGroups, seedScanPortal } from '../hubspot-app/backend/scan-fixture.js';
import { startServiceHarness } from '../hubspot-app/backend/service-harness.js';
import { line, section } from './lib.js';

export default async function (): Promise<void> {
  const h = await startServiceHarness();
  try {
    const portal = await seedScanPortal(h, { perGroup: 20, inertWon: 10_500, total: 12_000 });
    const start = performance.now();
    const report = await h.service.scanner.scanPortal(portal.portalId);
    const ms = performance.now() - start;
    const minimum =
      Math.ceil((portal.candidates + 1) / 200) +
      Math.ceil(portal.candidates / 100) +
      report.escalations; // one create per escalation: each role has one member here
    section(
      'HubSpot SLA scanner (12,000 deals, emulator on this machine; rate-limit waits move a manual clock)',
    );
    line('one scan, wall time', `${(ms / 1000).toFixed(2)} s`);
    line('deals evaluated', String(report.deals));
    line('API calls / minimum for pages, batches and creates', `${report.apiCalls} / ${minimum}`);
    line('escalations executed', String(report.escalations));
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
}
