import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backtestPlaybooks,
  diffPlaybooks,
  previewPlaybookChange,
} from '../../../shared/src/preview/index.js';
import type { RecordSnapshot } from '../../../shared/src/shapes/index.js';
import { DAY } from '../builders.js';
import { EXPORTED_AT, historyArb, playbooks, snapshotArb } from './arbitraries.js';
import { exportLines } from './history.js';
import * as referenceBacktest from './reference/backtest.js';
import * as reference from './reference/now.js';

// Differential tests: the fast paths against the reference implementation kept in ./reference (the
// code before them, evaluating every record in full), over random records, histories and edits.

const recordsArb = fc
  .integer({ min: 0, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => snapshotArb(`r${i}`))))
  .chain((records) =>
    // Now and then a record evaluateRecord cannot read (no crm): both paths only count it.
    fc
      .boolean()
      .map((broken) =>
        broken
          ? [...records, { recordId: 'bad', stage: 'qualified' } as unknown as RecordSnapshot]
          : records,
      ),
  );

/**
 * The preview without what the reference predates: the records by object and each group's object
 * (spelled out in objects.test.ts), so the comparison stays on the counts and the words.
 */
function withoutObjects(preview: ReturnType<typeof previewPlaybookChange>) {
  const strip = <G extends { object: unknown }>(groups: G[]) =>
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- left out on purpose
    groups.map(({ object, ...rest }) => rest);
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- left out on purpose
  const { objects, ...rest } = preview;
  return {
    ...rest,
    timers: strip(rest.timers),
    criteria: strip(rest.criteria),
    submissions: strip(rest.submissions),
    escalations: strip(rest.escalations),
  };
}

describe('previewPlaybookChange, fast path against the reference', () => {
  it('when any two playbooks are previewed over random live records, then the preview equals the reference', () => {
    fc.assert(
      fc.property(
        recordsArb,
        fc.integer({ min: EXPORTED_AT - 100 * DAY, max: EXPORTED_AT + 5 * DAY }),
        fc.option(fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }), { nil: undefined }),
        (records, now, done) => {
          for (const old of playbooks)
            for (const next of playbooks) {
              const input = {
                old,
                new: next,
                records,
                now,
                ...(done ? { alreadyDone: new Set(done) } : {}),
              };
              expect(withoutObjects(previewPlaybookChange(input))).toEqual(
                reference.previewPlaybookChange(input),
              );
            }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('when the random records are previewed under each edit, then every kind of change shows (the comparison above is not vacuous)', () => {
    const records = fc
      .sample(snapshotArb('r'), { numRuns: 300, seed: 20 })
      .map((r, i) => ({ ...r, recordId: `r${i}` }));
    const seen = { timers: 0, criteria: 0, submissions: 0, escalations: 0 };
    for (const next of playbooks.slice(1))
      for (let days = 0; days <= 100; days += 10) {
        const now = EXPORTED_AT - days * DAY;
        const preview = previewPlaybookChange({ old: playbooks[0]!, new: next, records, now });
        for (const kind of Object.keys(seen) as (keyof typeof seen)[])
          seen[kind] += preview[kind].length;
      }
    expect(
      Object.values(seen).every((n) => n > 0),
      JSON.stringify(seen),
    ).toBe(true);
  });
});

describe('backtestPlaybooks, fast path against the reference', () => {
  it('when any two playbooks are backtested over random histories, then the result equals the reference', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, fc.integer({ min: 30, max: 120 }), async (records, days) => {
        const history = exportLines(EXPORTED_AT, records);
        for (const old of playbooks)
          for (const next of playbooks) {
            const input = { old, new: next, history, days };
            expect(await backtestPlaybooks(input)).toEqual(
              await referenceBacktest.backtestPlaybooks(input),
            );
          }
      }),
      { numRuns: 40 },
    );
  });

  it('when random histories are backtested under each edit, then records change outcome (the comparison above is not vacuous)', async () => {
    const records = fc.sample(historyArb, { numRuns: 200, seed: 20 }).flat();
    const history = exportLines(
      EXPORTED_AT,
      records.map((r, i) => ({ ...r, record: { ...r.record, recordId: `r${i}` } })),
    );
    for (const next of playbooks.slice(1)) {
      const result = await backtestPlaybooks({ old: playbooks[0]!, new: next, history });
      expect(result.changedRecords, diffPlaybooks(playbooks[0]!, next)[0]?.text).toBeGreaterThan(0);
    }
  });
});
