// What the org does on a write beyond storing it: validation rules run for the writing user,
// Opportunity stage changes are tracked in OpportunityHistory and LastStageChangeDate (as
// Salesforce does for every StageName change), Lead Status changes in LeadHistory (as an org with
// field history tracking on Lead Status does), and an all-or-none batch is undone when one record
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
    // A Lead is created unconverted; only a conversion sets IsConverted (a read-only field, refused
    // in the caller's values as any read-only field is).
    const lead = object.name === 'Lead';
    if (lead) this.store.coerce(type, values);
    const record = lead
      ? this.store.insert(type, { ...values, IsConverted: false }, { system: true })
      : this.store.insert(type, values);
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
    if (this.store.object(type).name === 'Lead' && before.Status !== after.Status)
      this.#leadHistory(after, before.Status, undo);
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

  /**
   * A tracked field's change: Field names it, OldValue and NewValue its values
   * (https://developer.salesforce.com/docs/atlas.en-us.192.0.api.meta/api/sforce_api_objects_leadhistory.htm).
   */
  #leadHistory(lead: StoredRecord, oldStatus: unknown, undo?: Undo[]): void {
    const entry = this.store.insert(
      'LeadHistory',
      {
        LeadId: lead.Id,
        Field: 'Status',
        OldValue: typeof oldStatus === 'string' ? oldStatus : null,
        NewValue: lead.Status,
      },
      { system: true },
    );
    undo?.push(() => this.store.delete('LeadHistory', entry.Id as string));
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
