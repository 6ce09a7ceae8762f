// The scanner keeps the queue's record summaries: a deal no one has opened joins the queue after
// a scan, named as HubSpot names it, and the queue view itself calls HubSpot for nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueResponse } from '@handoff/shared';
import { portalWithWonDeal, startServiceHarness, type ServiceHarness } from './service-harness.js';

let h: ServiceHarness;
beforeAll(async () => {
  h = await startServiceHarness();
}, 60_000);
afterAll(async () => h?.close());

describe('the queue after a scan', () => {
  it('when the scanner has read a won deal nobody opened, then it is in the team queue of the reps who must submit it', async () => {
    const { portalId, deal, users } = await portalWithWonDeal(h);
    const queue = () =>
      h.call('GET', '/v1/hubspot/queue?scope=team', portalId, { as: users.rep }) as Promise<{
        status: number;
        body: QueueResponse;
      }>;
    expect((await queue()).body.rows).toEqual([]);
    await h.service.scanner.scanPortal(portalId);
    const after = await queue();
    expect(after.body.rows.map((r) => [r.recordId, r.recordName, r.ball.action])).toEqual([
      [deal, 'Acme', 'submit'],
    ]);
    expect(after.body.freshness.newestReadAt).toBe(h.clock.now());
  });
});
