// Issue 17 item 6: a user cannot fill the database. Identifiers are bounded before anything is
// read or written, a refused action stores nothing (its trace is one log line), a refusal never
// echoes the input, and each user and portal has a request budget.
import { mkdtempSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../hubspot-app/backend/http/rate-limit.js';
import { createStore, openSqlite } from '../../../hubspot-app/backend/store/index.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Bytes of the SQLite database on disk, its write-ahead log included. */
function databaseBytes(file: string): number {
  return [file, `${file}-wal`].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0);
}

describe('storage a request can take', () => {
  it('when a user with no role sends 20 actions with a 900 KB handoffId, then each is refused with 400 without echoing it, and the database grows by at most a few KB', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'handoff-bounds-')), 'handoff.db');
    h = await startHarness({ openStore: () => createStore(openSqlite(file)) });
    const deal = await h.seedWonDeal();
    const huge = 'x'.repeat(900 * 1024);
    const before = databaseBytes(file);
    const callsBefore = h.crmCalls();
    for (let i = 0; i < 20; i++) {
      const answer = await h.call('POST', `/v1/hubspot/records/deals/${deal}/actions`, {
        as: h.users.guest,
        body: { handoffId: huge, actionId: `big-${i}`, action: { type: 'submit' } },
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        error: {
          code: 'bad_request',
          message: "The request's handoffId must be a playbook id (at most 64 characters).",
          details: { field: 'handoffId' },
        },
      });
    }
    // Refused before HubSpot was asked anything.
    expect(h.crmCalls()).toBe(callsBefore);
    expect(databaseBytes(file) - before).toBeLessThan(8 * 1024);
  });

  it('when a user with no role sends 20 well-formed actions, then each gets 403 and nothing is stored for them', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'handoff-bounds-')), 'handoff.db');
    h = await startHarness({ openStore: () => createStore(openSqlite(file)) });
    const deal = await h.seedWonDeal();
    const before = databaseBytes(file);
    for (let i = 0; i < 20; i++) {
      const answer = await h.call('POST', `/v1/hubspot/records/deals/${deal}/actions`, {
        as: h.users.guest,
        body: {
          handoffId: 'sales_to_cs',
          actionId: `x${i}`.repeat(20),
          action: { type: 'accept' },
        },
      });
      expect(answer.status).toBe(403);
    }
    expect(
      await h.store.getHandoffs({ portalId: h.portalId, objectType: 'deal', recordId: deal }),
    ).toEqual({});
    expect(databaseBytes(file) - before).toBeLessThan(8 * 1024);
  });

  it('when ids, texts or the record id exceed their bounds, then 400 names the field and not the value', async () => {
    h = await startHarness();
    const deal = await h.seedWonDeal();
    const act = (body: unknown, dealId = deal) =>
      (h as Harness).call('POST', `/v1/hubspot/records/deals/${dealId}/actions`, {
        as: (h as Harness).users.rep,
        body,
      });
    const base = { handoffId: 'sales_to_cs', actionId: 'a1' };
    const cases: [unknown, string][] = [
      [{ ...base, actionId: 'a'.repeat(201) }, 'actionId'],
      [
        { ...base, action: { type: 'set_item', itemId: 'i'.repeat(65), value: 'v' } },
        'action.itemId',
      ],
      [
        { ...base, action: { type: 'set_item', itemId: 'promises', value: 'v'.repeat(10_001) } },
        'action.value',
      ],
      [{ ...base, action: { type: 'reject', reason: 'r'.repeat(100) } }, 'action.reason'],
      [{ ...base, action: { type: 'accept', assigneeId: '1'.repeat(65) } }, 'action.assigneeId'],
    ];
    for (const [body, field] of cases) {
      const answer = await act(body);
      expect(answer.status).toBe(400);
      expect((answer.body as { error: { details: unknown } }).error.details).toEqual({ field });
      expect(JSON.stringify(answer.body).length).toBeLessThan(300);
    }
    const view = await h.call('GET', `/v1/hubspot/records/deals/${'9'.repeat(2000)}`, {
      as: h.users.rep,
    });
    // Over 100 characters the router itself answers 414 URI Too Long; up to there, our 400.
    expect([400, 414]).toContain(view.status);
    const long = await h.call('GET', `/v1/hubspot/records/deals/${'9'.repeat(65)}`, {
      as: h.users.rep,
    });
    expect(long.status).toBe(400);
    expect(JSON.stringify(view.body)).not.toContain('9999');
  });

  it('when one user sends more requests than their budget, then 429 with a sentence; another user of the portal still gets through', async () => {
    h = await startHarness();
    const deal = await h.seedWonDeal();
    const view = (as: string) =>
      (h as Harness).call('GET', `/v1/hubspot/records/deals/${deal}`, { as });
    const statuses: number[] = [];
    let refused: unknown;
    // The budget is 120 at once, refilled at 2 per second of real time.
    for (let i = 0; i < 400 && refused === undefined; i++) {
      h.emulator.resetRateLimits();
      const answer = await view(h.users.guest);
      statuses.push(answer.status);
      if (answer.status === 429) refused = answer.body;
    }
    expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true);
    expect(refused).toEqual({
      error: {
        code: 'rate_limited',
        message: 'Too many requests from this user or HubSpot account; try again in a few seconds.',
      },
    });
    h.emulator.resetRateLimits();
    expect((await view(h.users.rep)).status).toBe(200);
  });

  it('when a bucket is empty, then it refills at its rate, per user and per portal', () => {
    let now = 0;
    const limiter = new RateLimiter(
      { perUser: { burst: 2, perSecond: 1 }, perPortal: { burst: 3, perSecond: 1 } },
      { now: () => now },
    );
    expect([limiter.take('p', 'u1'), limiter.take('p', 'u1'), limiter.take('p', 'u1')]).toEqual([
      0, 0, 1000,
    ]);
    // u2 has a full bucket, but the portal has one token left.
    expect([limiter.take('p', 'u2'), limiter.take('p', 'u2')]).toEqual([0, 1000]);
    now = 1000;
    expect(limiter.take('p', 'u1')).toBe(0);
  });
});
