import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backtestPlaybooks } from '../../../shared/src/preview/index.js';
import { EXPORTED_AT, historyArb, playbooks } from './arbitraries.js';
import { exportLines } from './history.js';

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
