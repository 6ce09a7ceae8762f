// Card view latency through HTTP: signature check, one CRM read from the local HubSpot emulator,
// the store, the core. The peer is the bare CRM read through @hubspot/api-client in the same run,
// so the ratio says what Handoff adds on top of the HubSpot call it cannot avoid.
import { Client } from '@hubspot/api-client';
import { performance } from 'node:perf_hooks';
import { startHarness } from '../hubspot-app/backend/harness.js';
import { line, section } from './lib.js';

const SAMPLES = 400;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function timeEach(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 50; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

export default async function (): Promise<void> {
  const h = await startHarness();
  try {
    const deal = await h.seedWonDeal();
    const path = `/v1/hubspot/records/deals/${deal}`;
    const installation = await h.store.getInstallation(h.portalId);
    const client = new Client({
      accessToken: installation?.accessToken ?? '',
      basePath: h.emulator.url,
    });
    // The emulator enforces HubSpot's 110 requests / 10 s; the bench measures latency, not the limit.
    const view = await timeEach(async () => {
      h.emulator.resetRateLimits();
      const answer = await h.call('GET', path, { as: h.users.rep });
      if (answer.status !== 200) throw new Error(`card view failed: ${answer.status}`);
    });
    const bare = await timeEach(async () => {
      h.emulator.resetRateLimits();
      await client.crm.deals.basicApi.getById(deal, ['dealstage']);
    });
    const before = h.crmCalls();
    await h.call('GET', path, { as: h.users.rep });
    const calls = h.crmCalls() - before;

    section(`HubSpot card API (${SAMPLES} sequential card views, local emulator, SQLite store)`);
    line(
      'card view p50 / p95',
      `${percentile(view, 50).toFixed(2)} ms / ${percentile(view, 95).toFixed(2)} ms`,
    );
    line(
      'peer: bare deal read via @hubspot/api-client p50 / p95',
      `${percentile(bare, 50).toFixed(2)} ms / ${percentile(bare, 95).toFixed(2)} ms`,
    );
    line(
      'ratio card view / bare read (p50)',
      `${(percentile(view, 50) / percentile(bare, 50)).toFixed(2)}×`,
    );
    line('CRM calls per card view, roles cached (target ≤ 2)', String(calls));
  } finally {
    await h.close();
  }
}
