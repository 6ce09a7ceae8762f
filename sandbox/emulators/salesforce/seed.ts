// Setting up an org without the API (no limits, no log): users, permission sets, opportunities with
// a stage history in the past, business hours and holidays. Values are validated as API writes are.
import type { Org } from './org.js';
import type { RecordStore } from './store.js';

export class Seeder {
  constructor(
    private readonly org: Org,
    private readonly store: RecordStore,
  ) {}

  user(values: Record<string, unknown> & { Username: string }): string {
    // Every user has a time zone (TimeZoneSidKey is required); an org's default here.
    return this.store.insert('User', {
      IsActive: true,
      Name: values.Username,
      TimeZoneSidKey: 'America/New_York',
      ...values,
    }).Id as string;
  }

  permissionSet(name: string, assignees: readonly string[]): string {
    const id = this.store.insert('PermissionSet', { Name: name, Label: name.replace(/_/g, ' ') })
      .Id as string;
    for (const userId of assignees)
      this.store.insert('PermissionSetAssignment', { AssigneeId: userId, PermissionSetId: id });
    return id;
  }

  /**
   * An opportunity whose stage history is given (oldest first, instants in ms); its current stage is
   * the last entry's. Without a history it enters its stage now.
   */
  opportunity(
    values: Record<string, unknown> & { StageName: string },
    history: readonly { stage: string; at: number }[] = [],
  ): string {
    if (history.length === 0) return this.org.insert('Opportunity', values).Id as string;
    const first = history[0];
    const opportunity = this.store.insert(
      'Opportunity',
      {
        ...values,
        StageName: history[history.length - 1]?.stage ?? values.StageName,
        CreatedDate: new Date(first?.at ?? 0).toISOString(),
        ...(history.length > 1
          ? { LastStageChangeDate: new Date(history[history.length - 1]?.at ?? 0).toISOString() }
          : {}),
      },
      { system: true },
    );
    for (const entry of history)
      this.store.insert(
        'OpportunityHistory',
        {
          OpportunityId: opportunity.Id,
          StageName: entry.stage,
          CreatedDate: new Date(entry.at).toISOString(),
        },
        { system: true },
      );
    return opportunity.Id as string;
  }

  /**
   * A Lead whose Status history is given (oldest first, instants in ms): created with the first
   * status, a LeadHistory row for each later one; its current Status is the last entry's.
   */
  lead(
    values: Record<string, unknown> & { LastName: string },
    history: readonly { status: string; at: number }[],
  ): string {
    const first = history[0];
    const lead = this.store.insert(
      'Lead',
      {
        IsConverted: false,
        ...values,
        Status: history[history.length - 1]?.status ?? values.Status,
        CreatedDate: new Date(first?.at ?? 0).toISOString(),
      },
      { system: true },
    );
    history.slice(1).forEach((entry, i) =>
      this.store.insert(
        'LeadHistory',
        {
          LeadId: lead.Id,
          Field: 'Status',
          OldValue: history[i]?.status ?? null,
          NewValue: entry.status,
          CreatedDate: new Date(entry.at).toISOString(),
        },
        { system: true },
      ),
    );
    return lead.Id as string;
  }

  /** Any other record (Handoff__c, BusinessHours, Holiday, …); `CreatedDate` may be set. */
  record(type: string, values: Record<string, unknown>): string {
    return this.store.insert(type, values, { system: true }).Id as string;
  }
}
