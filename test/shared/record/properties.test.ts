import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyHandoffAction } from '../../../shared/src/handoff/index.js';
import { evaluateRecord } from '../../../shared/src/record/index.js';
import type {
  HandoffEvent,
  HandoffRequest,
  HandoffState,
  RecordSnapshot,
  Viewer,
} from '../../../shared/src/shapes/index.js';
import { deal, MONDAY_10AM_NY } from '../builders.js';
import { defaultPlaybook } from '../fixtures.js';

const playbook = defaultPlaybook();
const stageIds = playbook.stages.map((s) => s.id);
const instant = fc.integer({ min: 0, max: 4_102_444_800_000 });
const status = fc.constantFrom<HandoffState['status']>(
  'not_started',
  'in_progress',
  'submitted',
  'accepted',
  'rejected',
);
const eventType = fc.constantFrom<HandoffEvent['type']>(
  'item_set',
  'submitted',
  'withdrawn',
  'accepted',
  'rejected',
  'reworked',
);
const scalar = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null));

const handoffStateArb: fc.Arbitrary<HandoffState> = fc.record({
  status,
  version: fc.nat(50),
  items: fc.dictionary(
    fc.constantFrom('champion', 'risks', 'intro_call', 'kickoff_date', 'bogus'),
    fc.record({ value: scalar, done: fc.boolean(), by: fc.string(), at: instant }),
  ),
  events: fc.array(
    fc.record({
      type: eventType,
      at: instant,
      by: fc.string(),
      actionId: fc.string(),
      details: fc.dictionary(fc.string(), scalar),
    }),
    { maxLength: 8 },
  ),
});

/** Snapshots that are well-formed in shape but arbitrary in content: unknown stages, odd values, odd histories. */
const snapshotArb: fc.Arbitrary<RecordSnapshot> = fc.record({
  crm: fc.constantFrom('hubspot' as const, 'salesforce' as const),
  objectType: fc.string(),
  recordId: fc.string(),
  stage: fc.oneof(fc.constantFrom(...stageIds), fc.string()),
  fields: fc.dictionary(fc.constantFrom(...Object.keys(playbook.fields), 'other'), fc.anything()),
  stageHistory: fc.array(
    fc.record({ stage: fc.oneof(fc.constantFrom(...stageIds), fc.string()), enteredAt: instant }),
    { maxLength: 6 },
  ),
  handoffs: fc.dictionary(fc.constantFrom('sales_to_cs', 'sdr_to_ae', 'other'), handoffStateArb),
});

const viewerArb: fc.Arbitrary<Viewer> = fc.record({
  userId: fc.string({ minLength: 1 }),
  roles: fc.subarray(['sdr', 'sales_rep', 'cs_manager', 'admin', 'other']),
});

const requestArb = fc.record({
  handoffId: fc.constantFrom('sales_to_cs', 'sdr_to_ae', 'nope'),
  actionId: fc.string({ minLength: 1 }),
  expectedVersion: fc.option(fc.nat(50), { nil: undefined }),
  action: fc.oneof(
    fc.record({
      type: fc.constant('set_item' as const),
      itemId: fc.constantFrom('champion', 'intro_call', 'kickoff_date', 'complexity', 'arr', 'x'),
      value: scalar,
    }),
    fc.constantFrom(
      { type: 'submit' as const },
      { type: 'withdraw' as const },
      { type: 'reopen' as const },
      { type: 'accept' as const },
    ),
    fc.record({
      type: fc.constant('reject' as const),
      reason: fc.constantFrom('missing_information', 'not_qualified', 'x'),
      comment: fc.option(fc.string(), { nil: undefined }),
    }),
  ),
});

describe('the core on arbitrary input', () => {
  it('when evaluateRecord gets any well-shaped snapshot and viewer, then it never throws and the view is JSON', () => {
    fc.assert(
      fc.property(snapshotArb, viewerArb, instant, (snapshot, viewer, now) => {
        const view = evaluateRecord(playbook, snapshot, viewer, now);
        expect(JSON.parse(JSON.stringify(view)).record.recordId).toBe(snapshot.recordId);
      }),
      { numRuns: 300 },
    );
  });

  it('when evaluateRecord gets anything at all, then it never throws and reports a problem', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (snapshot, viewer) => {
        const view = evaluateRecord(
          playbook,
          snapshot as RecordSnapshot,
          viewer as Viewer,
          MONDAY_10AM_NY,
        );
        expect(view.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('when applyHandoffAction gets arbitrary snapshots and requests, then it answers a result or a refusal, never a throw', () => {
    fc.assert(
      fc.property(snapshotArb, requestArb, viewerArb, instant, (snapshot, request, viewer, now) => {
        const result = applyHandoffAction(
          playbook,
          snapshot,
          request as HandoffRequest,
          viewer,
          now,
        );
        if (result.ok) expect(result.state.version).toBeGreaterThanOrEqual(0);
        else expect(result.refusal.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (snapshot, request) => {
        const result = applyHandoffAction(
          playbook,
          snapshot as RecordSnapshot,
          request as HandoffRequest,
          { userId: 'u', roles: ['admin'] },
          0,
        );
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

/** The smallest store that keeps the contract: the latest state per record, serialised actions. */
class MemoryStore {
  private readonly states = new Map<string, HandoffState>();
  apply(snapshot: RecordSnapshot, request: HandoffRequest, viewer: Viewer, now: number) {
    const current = this.states.get(request.handoffId);
    const result = applyHandoffAction(
      playbook,
      { ...snapshot, handoffs: current ? { [request.handoffId]: current } : {} },
      request,
      viewer,
      now,
    );
    if (result.ok) this.states.set(request.handoffId, result.state);
    return result;
  }
  events(handoffId: string): HandoffEvent[] {
    return this.states.get(handoffId)?.events ?? [];
  }
}

describe('idempotent actions', () => {
  it('when the same request is applied twice with the same actionId, then one set of events is recorded', () => {
    fc.assert(
      fc.property(requestArb, fc.nat(10_000), (request, later) => {
        const store = new MemoryStore();
        const admin: Viewer = { userId: 'u-admin', roles: ['admin'] };
        const first = store.apply(deal(), request as HandoffRequest, admin, MONDAY_10AM_NY);
        const eventsAfterFirst = store.events(request.handoffId).length;
        const second = store.apply(
          deal(),
          request as HandoffRequest,
          admin,
          MONDAY_10AM_NY + later,
        );
        expect(store.events(request.handoffId).length).toBe(eventsAfterFirst);
        if (first.ok) expect(second).toMatchObject({ ok: true, events: [], duplicate: true });
      }),
      { numRuns: 300 },
    );
  });
});
