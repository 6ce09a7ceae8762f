// What the org does on a write beyond storing it: Opportunity stage changes are tracked in
// OpportunityHistory (as Salesforce does for every StageName change), and an all-or-none batch
// is undone when one record fails.
import { SalesforceFault } from './errors.js';
import type { RecordStore, StoredRecord } from './store.js';

type Undo = () => void;

export class Org {
  constructor(readonly store: RecordStore) {}

  insert(type: string, values: Record<string, unknown>, undo?: Undo[]): StoredRecord {
    const record = this.store.insert(type, values);
    undo?.push(() => this.store.delete(type, record.Id as string));
    if (this.store.object(type).name === 'Opportunity') this.#history(record, undo);
    return record;
  }

  update(
    type: string,
    id: string,
    values: Record<string, unknown>,
    undo?: Undo[],
    unmodifiedSince?: number,
  ): StoredRecord {
    const current = this.store.get(type, id);
    if (current && unmodifiedSince !== undefined) {
      // HTTP dates have whole seconds; a change within the same second counts as unmodified.
      const modified = Math.floor(Number(current.LastModifiedDate) / 1000);
      if (modified > Math.floor(unmodifiedSince / 1000))
        throw new SalesforceFault(
          412,
          'PRECONDITION_FAILED',
          'The requested resource has been modified since the If-Unmodified-Since date.',
        );
    }
    const { before, after } = this.store.update(type, id, values);
    undo?.push(() => this.store.update(type, id, before, { system: true }));
    if (this.store.object(type).name === 'Opportunity' && before.StageName !== after.StageName)
      this.#history(after, undo);
    return after;
  }

  #history(opportunity: StoredRecord, undo?: Undo[]): void {
    const entry = this.store.insert(
      'OpportunityHistory',
      {
        OpportunityId: opportunity.Id,
        StageName: opportunity.StageName,
        Amount: opportunity.Amount,
        CloseDate: opportunity.CloseDate,
      },
      { system: true },
    );
    undo?.push(() => this.store.delete('OpportunityHistory', entry.Id as string));
  }
}
