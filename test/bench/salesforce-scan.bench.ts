// The Salesforce SLA scanner on 10,000 opportunities in the local Salesforce emulator, through the
// real jsforce over HTTP: wall time for one scan and API calls against the minimum the page (2,000)
// and collection (200) sizes allow.
import { performance } from 'node:perf_hooks';
import { scan } from '../../salesforce-package/tools/scan.js';
import { NOW, seedOpportunities } from '../salesforce-package/tools/dataset.js';
import { defaultPlaybook, orgApi, startTestOrg } from '../salesforce-package/tools/org.js';
import { line, section } from './lib.js';

export default async function (): Promise<void> {
  const org = await startTestOrg();
  try {
    const seeded = seedOpportunities(org, 10_000);
    org.clock.set(NOW);
    const api = await orgApi(org);
    const start = performance.now();
    const report = await scan({ api, playbook: defaultPlaybook(), clock: org.clock });
    const ms = performance.now() - start;
    const requests = org.emulator.requestLog.entries().filter((e) => e.route !== 'oauth.token');
    const minimum =
      Math.ceil(report.opportunities / 2000) +
      Math.ceil(report.escalations / 200) * 2 + // record each escalation, then mark it executed
      Math.ceil(report.tasks / 200) +
      Math.ceil(report.statusWrites / 200) +
      1; // who holds each role
    const second = performance.now();
    const again = await scan({ api, playbook: defaultPlaybook(), clock: org.clock });
    const againMs = performance.now() - second;
    section('Salesforce SLA scanner (10,000 opportunities, jsforce → emulator on this machine)');
    line(
      'opportunities in the org / with a possibly live timer',
      `${seeded.length} / ${report.opportunities}`,
    );
    line('one scan, wall time', `${(ms / 1000).toFixed(2)} s`);
    line('API calls / minimum for pages and collections', `${requests.length} / ${minimum}`);
    line('escalations executed (Tasks created)', `${report.escalations} (${report.tasks})`);
    line('SLA status writes (handoffs)', String(report.statusWrites));
    line(
      'second scan: API calls, escalations, wall time',
      `${again.apiCalls}, ${again.escalations}, ${(againMs / 1000).toFixed(2)} s`,
    );
  } finally {
    await org.close();
  }
}
