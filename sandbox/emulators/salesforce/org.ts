// What the org does on a write beyond storing it: validation rules run for the writing user,
// Opportunity stage changes are tracked in OpportunityHistory and LastStageChangeDate (as
// Salesforce does for every StageName change), and an all-or-none batch is undone when one record
// fails.
import { insufficient, type Access } from './access.js';
import { SalesforceFault } from './errors.js';
import type { RecordStore, StoredRecord } from './store.js';
import type { Validator } from './validation.js';

type Undo = () => void;

export class Org {
  constructor(
    readonly store: RecordStore,
    private readonly validator?: Validator,
    private readonly access?: Access,
  ) {}

  /** `userId` is the session's user: validation rules run for API writes, not for seeding. */
  insert(
    type: string,
    values: Record<string, unknown>,
    undo?: Undo[],
    userId?: string,
  ): StoredRecord {
    const object = this.store.object(type);
    if (this.access && userId !== undefined) {
      this.access.checkWrite(userId, object, values, 'create');
      this.access.checkMaster(userId, object, this.store.coerce(type, values));
      // The creating user owns what they create, as in an org (objects with an owner only).
      if (object.fields.some((f) => f.name === 'OwnerId') && values.OwnerId === undefined)
        values = { ...values, OwnerId: userId };
    }
    if (this.validator && userId !== undefined)
      this.validator.check(type, undefined, this.store.coerce(type, values), userId);
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
    userId?: string,
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
    if (current && this.access && userId !== undefined) {
      const object = this.store.object(type);
      const level = this.access.record(userId, object, current);
      if (level === 'none')
        throw new SalesforceFault(404, 'NOT_FOUND', 'The requested resource does not exist');
      this.access.checkWrite(userId, object, values, 'edit');
      if (level !== 'edit') throw insufficient(String(current.Id));
    }
    if (current && this.validator && userId !== undefined)
      this.validator.check(
        type,
        current,
        { ...current, ...this.store.coerce(type, values) },
        userId,
      );
    const { before, after } = this.store.update(type, id, values);
    undo?.push(() => this.store.update(type, id, before, { system: true }));
    if (this.store.object(type).name === 'Opportunity' && before.StageName !== after.StageName) {
      this.#history(after, undo);
      return this.store.update(
        type,
        id,
        { LastStageChangeDate: Number(after.LastModifiedDate) },
        { system: true },
      ).after;
    }
    return after;
  }

  /** Deletes for the session's user: the object's delete permission and edit access to the record. */
  delete(type: string, id: string, userId?: string): void {
    const current = this.store.get(type, id);
    if (current && this.access && userId !== undefined) {
      const object = this.store.object(type);
      const level = this.access.record(userId, object, current);
      if (level === 'none')
        throw new SalesforceFault(404, 'NOT_FOUND', 'The requested resource does not exist');
      if (!this.access.object(userId, object).delete || level !== 'edit')
        throw insufficient(String(current.Id));
    }
    this.store.delete(type, id);
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
