import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backtestPlaybooks } from '../../../shared/src/preview/index.js';
import type { HandoffEvent, RecordSnapshot } from '../../../shared/src/shapes/index.js';
import { DAY, MONDAY_10AM_NY } from '../builders.js';
import { defaultPlaybook } from '../fixtures.js';
import {
  budgetOwnerRequired,
  edited,
  mondayHoliday,
  nextStepToWin,
  tighterCsSla,
} from './change.js';
import { exportLines, type RecordWithHistory } from './history.js';

const EXPORTED_AT = MONDAY_10AM_NY + 10 * DAY;
// Instants from 120 days before the export (some before the 90-day window) to the export.
const instant = fc.integer({ min: EXPORTED_AT - 120 * DAY, max: EXPORTED_AT });
const stageIds = defaultPlaybook().stages.map((s) => s.id);
const eventTypes: HandoffEvent['type'][] = [
  'item_set',
  'submitted',
  'withdrawn',
  'accepted',
  'rejected',
  'reworked',
];

const eventArb: fc.Arbitrary<HandoffEvent> = fc.record({
  type: fc.constantFrom(...eventTypes),
  at: instant,
  by: fc.constantFrom('u-rep', 'u-cs', 'u-sdr'),
  actionId: fc.string({ maxLength: 4 }),
  details: fc.record({
    itemId: fc.constantFrom('customer_goals', 'champion', 'source', 'budget_owner'),
    value: fc.oneof(fc.constant('yes'), fc.constant(true), fc.constant(null)),
    reason: fc.constant('missing_information'),
  }),
});

const recordArb = (recordId: string): fc.Arbitrary<RecordWithHistory> =>
  fc.record({
    record: fc.record({
      crm: fc.constant('hubspot' as const),
      objectType: fc.constant('deal'),
      recordId: fc.constant(recordId),
      stage: fc.constantFrom(...stageIds),
      fields: fc.record({
        amount: fc.oneof(fc.constant(0), fc.constant(12000), fc.constant('12k')),
        arr: fc.constantFrom(0, 5000),
        next_step: fc.constantFrom(undefined, 'Kickoff'),
        contract_start: fc.constantFrom(undefined, '2026-12-01'),
      }),
      stageHistory: fc.array(
        fc.record({ stage: fc.constantFrom(...stageIds), enteredAt: instant }),
        {
          maxLength: 5,
        },
      ),
      handoffs: fc.record({
        sdr_to_ae: fc.record({
          status: fc.constant('in_progress' as const),
          version: fc.nat(9),
          items: fc.constant({}),
          events: fc.array(eventArb, { maxLength: 5 }),
        }),
        sales_to_cs: fc.record({
          status: fc.constant('submitted' as const),
          version: fc.nat(9),
          items: fc.constant({}),
          events: fc.array(eventArb, { maxLength: 6 }),
        }),
      }),
      ownerId: fc.constant('u-rep'),
    }) as fc.Arbitrary<RecordSnapshot>,
    fields: fc.array(
      fc.record({
        field: fc.constantFrom('amount', 'next_step', 'arr'),
        value: fc.constantFrom(null, 1, 'x'),
        at: instant,
      }),
      { maxLength: 4 },
    ),
  });

const historyArb = fc
  .integer({ min: 0, max: 6 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => recordArb(`r${i}`))));

const playbooks = [
  defaultPlaybook(),
  edited(tighterCsSla),
  edited(mondayHoliday),
  edited(budgetOwnerRequired),
  edited(nextStepToWin),
];

describe('backtestPlaybooks over random histories', () => {
  it('when a playbook is backtested against itself, then nothing changes and both sides are equal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...playbooks), historyArb, async (playbook, records) => {
        const result = await backtestPlaybooks({
          old: playbook,
          new: playbook,
          history: exportLines(EXPORTED_AT, records),
        });
        expect(result.records).toBe(records.length);
        expect(result.changedRecords).toBe(0);
        expect(result.changes).toEqual([]);
        expect(result.new).toEqual(result.old);
      }),
      { numRuns: 60 },
    );
  });

  it('when two different playbooks are compared, then swapping them swaps the sides and lists the same records', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, async (records) => {
        const history = exportLines(EXPORTED_AT, records);
        const [a, b] = [playbooks[0]!, playbooks[1]!];
        const forth = await backtestPlaybooks({ old: a, new: b, history });
        const back = await backtestPlaybooks({ old: b, new: a, history });
        expect(back.old).toEqual(forth.new);
        expect(back.new).toEqual(forth.old);
        expect(back.changes.map((c) => c.recordId)).toEqual(forth.changes.map((c) => c.recordId));
      }),
      { numRuns: 30 },
    );
  });
});
