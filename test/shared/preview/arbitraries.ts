// Random records with histories for the preview's property and differential tests: stages, both
// handoffs in any status with items and events, field values and field changes around the window.
import fc from 'fast-check';
import type {
  HandoffEvent,
  HandoffState,
  RecordSnapshot,
} from '../../../shared/src/shapes/index.js';
import { DAY, MONDAY_10AM_NY } from '../builders.js';
import { defaultPlaybook } from '../fixtures.js';
import {
  budgetOwnerRequired,
  edited,
  mondayHoliday,
  nextStepToWin,
  tighterCsSla,
} from './change.js';
import type { RecordWithHistory } from './history.js';

export const EXPORTED_AT = MONDAY_10AM_NY + 10 * DAY;
const HOUR = 3_600_000;
type Instants = fc.Arbitrary<number>;
// A record's instants: within a few hours, days, or anywhere from 120 days before the export
// (some before the 90-day window) to the export, so timers run, stop, warn and breach.
const instants: fc.Arbitrary<Instants> = fc
  .constantFrom(8 * HOUR, 3 * DAY, 120 * DAY)
  .chain((spread) =>
    fc
      // Half the short histories in the last 12 days, over the edits' Monday holiday.
      .oneof(
        fc.integer({ min: EXPORTED_AT - 120 * DAY, max: EXPORTED_AT - spread }),
        fc.integer({ min: EXPORTED_AT - Math.max(12 * DAY, spread), max: EXPORTED_AT - spread }),
      )
      .map((base) => fc.integer({ min: base, max: base + spread })),
  );
const stageIds = defaultPlaybook().stages.map((s) => s.id);
const eventTypes: HandoffEvent['type'][] = [
  'item_set',
  'submitted',
  'withdrawn',
  'accepted',
  'rejected',
  'reworked',
];
// Items people answer (not mirrored from a field), over every checklist.
const answeredIds = defaultPlaybook().checklists.flatMap((c) =>
  c.items.filter((i) => i.field === undefined).map((i) => i.id),
);
const itemIds = [
  'customer_goals',
  'promises',
  'champion',
  'executive_sponsor',
  'source',
  'budget_owner',
];

const eventArb = (instant: Instants): fc.Arbitrary<HandoffEvent> =>
  fc.record({
    type: fc.constantFrom(...eventTypes),
    at: instant,
    by: fc.constantFrom('u-rep', 'u-cs', 'u-sdr'),
    actionId: fc.string({ maxLength: 4 }),
    details: fc.record({
      itemId: fc.constantFrom(...itemIds),
      value: fc.oneof(fc.constant('yes'), fc.constant(true), fc.constant(null)),
      reason: fc.constant('missing_information'),
    }),
  });

const handoffArb = (instant: Instants, maxEvents: number): fc.Arbitrary<HandoffState> =>
  fc.record({
    status: fc.constantFrom(
      'not_started' as const,
      'in_progress' as const,
      'submitted' as const,
      'accepted' as const,
      'rejected' as const,
    ),
    version: fc.nat(9),
    items: fc.oneof(
      // Mostly every item answered, so a new required item or criterion can block a submission.
      {
        weight: 3,
        arbitrary: instant.map((at) =>
          Object.fromEntries(
            answeredIds.map((id) => [id, { value: 'yes', done: true, by: 'u-rep', at }]),
          ),
        ),
      },
      {
        weight: 1,
        arbitrary: fc.dictionary(
          fc.constantFrom(...itemIds),
          fc.record({
            value: fc.constantFrom('yes', true, null),
            done: fc.boolean(),
            by: fc.constant('u-rep'),
            at: instant,
          }),
          { maxKeys: 6 },
        ),
      },
    ),
    events: fc.array(eventArb(instant), { maxLength: maxEvents }),
  });

export const snapshotArb = (recordId: string): fc.Arbitrary<RecordSnapshot> =>
  instants.chain((instant) => snapshotAt(recordId, instant));

const snapshotAt = (recordId: string, instant: Instants): fc.Arbitrary<RecordSnapshot> =>
  fc.record(
    {
      crm: fc.constant('hubspot' as const),
      objectType: fc.constant('deal'),
      recordId: fc.constant(recordId),
      stage: fc.constantFrom(...stageIds),
      fields: fc.record({
        amount: fc.constantFrom(12000, 12000, 0, '12k'),
        arr: fc.constantFrom(0, 5000),
        next_step: fc.constantFrom(undefined, 'Kickoff'),
        contract_start: fc.constantFrom('2026-12-01', '2026-12-01', undefined),
        renewal_date: fc.constantFrom('2027-12-01', '2027-12-01', undefined),
      }),
      stageHistory: fc.array(
        fc.record({ stage: fc.constantFrom(...stageIds), enteredAt: instant }),
        { maxLength: 5 },
      ),
      handoffs: fc.record(
        { sdr_to_ae: handoffArb(instant, 5), sales_to_cs: handoffArb(instant, 6) },
        { requiredKeys: [] },
      ),
      ownerId: fc.constantFrom('u-rep', 'u-ae'),
    },
    {
      requiredKeys: [
        'crm',
        'objectType',
        'recordId',
        'stage',
        'fields',
        'stageHistory',
        'handoffs',
      ],
    },
  ) as fc.Arbitrary<RecordSnapshot>;

export const recordArb = (recordId: string): fc.Arbitrary<RecordWithHistory> =>
  instants.chain((instant) =>
    fc.record({
      record: snapshotAt(recordId, instant),
      fields: fc.array(
        fc.record({
          field: fc.constantFrom('amount', 'next_step', 'arr', 'contract_start'),
          value: fc.constantFrom(null, 1, 'x', '2026-12-01'),
          at: instant,
        }),
        { maxLength: 4 },
      ),
    }),
  );

export const historyArb = fc
  .integer({ min: 0, max: 6 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => recordArb(`r${i}`))));

/** The default playbook and the hand-computed examples' edits of it. */
export const playbooks = [
  defaultPlaybook(),
  edited(tighterCsSla),
  edited(mondayHoliday),
  edited(budgetOwnerRequired),
  edited(nextStepToWin),
];
