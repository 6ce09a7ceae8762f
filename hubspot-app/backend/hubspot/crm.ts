// Calls to one portal's HubSpot through the official client. Every call is made with that
// portal's own token, so a request can never read another portal's records.
import { Client } from '@hubspot/api-client';
import type { Playbook } from '@handoff/shared';
import {
  contactHistoryProperties,
  contactProperties,
  type HubSpotContact,
} from './contact-mapping.js';
import {
  companyHistoryProperties,
  companyProperties,
  type HubSpotCompany,
} from './company-mapping.js';
import type { HistoryEntry, HubSpotObjectWithHistory } from './lifecycle-mapping.js';
import { dealProperties, type HubSpotObject } from './mapping.js';
import { NEXT_DUE } from './mirror-names.js';
import type { OwnerTeams } from './roles.js';

export type EngagementType = 'notes' | 'tasks';
/** The records an engagement can be about: the scanner escalates on deals, contacts and companies. */
export type EngagementTarget = 'deals' | 'contacts' | 'companies';

/**
 * Contacts read with property history per call: HubSpot refuses more ("The maximum number of inputs
 * supported in a batch request for property histories is 50", its error quoted in
 * https://github.com/PipedreamHQ/pipedream/pull/8462); without history a batch read takes 100.
 */
export const HISTORY_BATCH = 50;

export interface PropertySpec {
  name: string;
  label: string;
  type: 'string' | 'number' | 'datetime' | 'date' | 'enumeration';
  fieldType: 'text' | 'number' | 'date' | 'select';
  groupName: string;
  options?: { label: string; value: string; displayOrder: number }[];
}

/** A page of contacts or companies by the values of their stage property, paged by id. */
export interface StageValuesQuery {
  property: string;
  values: readonly string[];
  aboveId: string;
  properties: readonly string[];
  limit: number;
}

export interface Crm {
  getDeal(
    dealId: string,
    playbook: Playbook,
    extraProperties?: readonly string[],
  ): Promise<HubSpotObject | null>;
  /** A contact with the history of its stage property and of its touches (null when HubSpot has none). */
  getContact(contactId: string, playbook: Playbook): Promise<HubSpotContact | null>;
  /** A company with the history of its stage property (null when HubSpot has none). */
  getCompany(companyId: string, playbook: Playbook): Promise<HubSpotCompany | null>;
  /** The id of the deal tagged with `key` in its `handoff_key` property, if one exists. */
  findDealByKey(key: string): Promise<string | null>;
  /** Creates a deal associated with a company as its primary company, tagged with `key`. */
  createCompanyDeal(
    companyId: string,
    properties: Record<string, string>,
    key: string,
  ): Promise<string>;
  /**
   * The ids of a company's deals, 500 per call, at most `max` of them (null when HubSpot has no
   * such company); `complete` is false when there are more than `max`.
   */
  companyDealIds(
    companyId: string,
    max: number,
  ): Promise<{ ids: string[]; complete: boolean } | null>;
  getOwners(): Promise<OwnerTeams[]>;
  updateDeal(dealId: string, properties: Record<string, string>): Promise<void>;
  /** Writes properties of a contact (an empty string clears one). */
  updateContact(contactId: string, properties: Record<string, string>): Promise<void>;
  /** Writes properties of a company (an expansion escalation's reassignment). */
  updateCompany(companyId: string, properties: Record<string, string>): Promise<void>;
  /**
   * Creates a note or task on a deal (or, with `on: 'contacts'`, on a contact), tagged with `key`
   * in the `handoff_key` property.
   */
  createEngagement(
    type: EngagementType,
    recordId: string,
    properties: Record<string, string>,
    key: string,
    on?: EngagementTarget,
  ): Promise<string>;
  /** The id of the note or task tagged with `key`, if one exists (exactly once, even after a crash). */
  findEngagement(type: EngagementType, key: string): Promise<string | null>;
  /** Marks the open tasks tagged with these keys completed; answers how many it closed. */
  completeTasks(keys: readonly string[]): Promise<number>;
  /** completeTasks' first step: the ids of the tasks tagged with these keys (at most 100) still open. */
  openTaskIds(keys: readonly string[]): Promise<string[]>;
  /** completeTasks' second step: marks up to 100 tasks completed in one call. */
  markTasksCompleted(ids: readonly string[]): Promise<void>;
  /**
   * One page of deals in these stages with an id above `aboveId`, by ascending id. Paging by id
   * rather than by `after` keeps every query under HubSpot's 10,000-results-per-query cap.
   */
  searchDeals(query: {
    pipeline: string;
    stageIds: readonly string[];
    aboveId: string;
    properties: readonly string[];
    limit: number;
  }): Promise<HubSpotObject[]>;
  /**
   * One page of the portal's deals modified at or after `since` (hs_lastmodifieddate, which every
   * property change moves), with an id above `aboveId`, by ascending id: what changed since a scan.
   */
  searchChangedDeals(query: {
    since: number;
    aboveId: string;
    properties: readonly string[];
    limit: number;
  }): Promise<HubSpotObject[]>;
  /**
   * One page of deals HubSpot shows with a live Handoff clock (`handoff_next_due_at` set) that
   * stand in none of `stageIds` (the stages where a clock may run): deals that left them since
   * their SLA properties were written. Paged by id as searchDeals is.
   */
  searchStaleDeals(query: {
    stageIds: readonly string[];
    aboveId: string;
    properties: readonly string[];
    limit: number;
  }): Promise<HubSpotObject[]>;
  /**
   * One page of contacts whose `property` (the playbook's contact stage property) holds one of
   * `values`, with an id above `aboveId`, by ascending id — paged as searchDeals is, so every query
   * stays under HubSpot's 10,000-results-per-query cap.
   */
  searchContacts(query: StageValuesQuery): Promise<HubSpotObject[]>;
  /**
   * Up to HISTORY_BATCH contacts by id in one call, with the history of their stage property and
   * of their touches (what contactSnapshot reads); ids HubSpot no longer has are left out.
   */
  readContacts(ids: readonly string[], playbook: Playbook): Promise<HubSpotContact[]>;
  /** One page of companies whose stage property holds one of `values`, as searchContacts. */
  searchCompanies(query: StageValuesQuery): Promise<HubSpotObject[]>;
  /** Up to HISTORY_BATCH companies by id in one call, with their stage property's history. */
  readCompanies(ids: readonly string[], playbook: Playbook): Promise<HubSpotCompany[]>;
  /** Up to 100 deals by id in one call; ids HubSpot no longer has are left out. */
  readDeals(ids: readonly string[], properties: readonly string[]): Promise<HubSpotObject[]>;
  /** Updates up to 100 deals in one call. */
  batchUpdateDeals(
    inputs: readonly { id: string; properties: Record<string, string> }[],
  ): Promise<void>;
  /** Updates up to 100 contacts or companies in one call (their mirror properties). */
  batchUpdateRecords(
    objectType: 'contacts' | 'companies',
    inputs: readonly { id: string; properties: Record<string, string> }[],
  ): Promise<void>;
  propertyNames(objectType: string): Promise<Set<string>>;
  groupNames(objectType: string): Promise<Set<string>>;
  createGroup(objectType: string, name: string, label: string): Promise<void>;
  createProperty(objectType: string, spec: PropertySpec): Promise<void>;
}

/** Writes properties of a deal, contact or company, by HubSpot's object type. */
export function updateRecord(
  crm: Pick<Crm, 'updateDeal' | 'updateContact' | 'updateCompany'>,
  objectType: EngagementTarget,
  id: string,
  properties: Record<string, string>,
): Promise<void> {
  if (objectType === 'contacts') return crm.updateContact(id, properties);
  if (objectType === 'companies') return crm.updateCompany(id, properties);
  return crm.updateDeal(id, properties);
}

/** The property on notes and tasks that carries Handoff's idempotency key. */
export const KEY_PROPERTY = 'handoff_key';

// HubSpot-defined association type ids from an engagement to a deal, and "Deal to primary company"
// (5; 341 is the unlabeled "Deal to company"), from the table of association type ids in
// https://developers.hubspot.com/docs/api-reference/latest/crm/associations/associate-records/guide
const DEAL_ASSOCIATION: Record<EngagementType, number> = { notes: 214, tasks: 216 };
// And to a contact: note → contact 202, task → contact 204
// (https://developers.hubspot.com/docs/api/crm/associations/v4#association-type-id-values).
const CONTACT_ASSOCIATION: Record<EngagementType, number> = { notes: 202, tasks: 204 };
// And to a company: note → company 190, task → company 192 (the same page).
const COMPANY_ASSOCIATION: Record<EngagementType, number> = { notes: 190, tasks: 192 };
const ENGAGEMENT_ASSOCIATION: Record<EngagementTarget, Record<EngagementType, number>> = {
  deals: DEAL_ASSOCIATION,
  contacts: CONTACT_ASSOCIATION,
  companies: COMPANY_ASSOCIATION,
};
export const DEAL_TO_PRIMARY_COMPANY = 5;

export class CrmError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** What HubSpot said to wait (Retry-After), when it said. */
    readonly retryAfterMs?: number,
    /** The status HubSpot answered, for callers that retry by kind. */
    readonly upstreamStatus?: number,
  ) {
    super(message);
  }
}

/** What a HubSpot call may take, retries included, unless the caller says otherwise. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * `retries` is the client's own total attempts on 5xx and HubSpot's named 429s: card requests keep
 * the client's retries; the outbox passes 1 and schedules its own, honouring Retry-After.
 * `timeoutMs` bounds each method (its retries and pages included): a hung HubSpot answers a
 * CrmError with upstream status 504 then, which callers treat as transient.
 */
export function hubspotCrm(
  basePath: string,
  accessToken: string,
  options: { retries?: number; timeoutMs?: number } = {},
): Crm {
  return withTimeout(
    untimedCrm(basePath, accessToken, options.retries ?? 3),
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  );
}

/**
 * Every method of `crm` raced against a timer. The SDK's fetch takes no abort signal, so a hung
 * request is abandoned rather than cancelled; its socket closes when HubSpot (or the OS) drops it.
 */
export function withTimeout(crm: Crm, timeoutMs: number): Crm {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(crm)) {
    if (typeof fn !== 'function') continue;
    wrapped[name] = (...args: unknown[]) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new CrmError(
                504,
                `HubSpot did not answer within ${timeoutMs / 1000} s; try again.`,
                undefined,
                504,
              ),
            ),
          timeoutMs,
        );
      });
      const call = Promise.resolve((fn as (...a: unknown[]) => unknown).apply(crm, args));
      return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
    };
  }
  return wrapped as unknown as Crm;
}

function untimedCrm(basePath: string, accessToken: string, retries: number): Crm {
  const client = new Client({ accessToken, basePath, numberOfApiCallRetries: retries });
  // One attempt only, for creates no key can deduplicate within the call: a 5xx after HubSpot
  // created the record, retried by the client, would create it twice. The caller finds it by key.
  const once = new Client({ accessToken, basePath, numberOfApiCallRetries: 1 });
  async function openTaskIds(keys: readonly string[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const open = await call(() =>
      client.crm.objects.tasks.searchApi.doSearch({
        filterGroups: [
          {
            filters: [
              { propertyName: KEY_PROPERTY, operator: 'IN' as never, values: [...keys] },
              { propertyName: 'hs_task_status', operator: 'NEQ' as never, value: 'COMPLETED' },
            ],
          },
        ],
        properties: [KEY_PROPERTY],
        limit: 100,
        after: '0',
        sorts: [],
      }),
    );
    return open.results.map((task) => task.id);
  }

  async function markTasksCompleted(ids: readonly string[]): Promise<void> {
    await call(() =>
      client.crm.objects.tasks.batchApi.update({
        inputs: ids.map((id) => ({ id, properties: { hs_task_status: 'COMPLETED' } })),
      }),
    );
  }

  return {
    async getDeal(dealId, playbook, extra = []) {
      try {
        const deal = await client.crm.deals.basicApi.getById(dealId, [
          ...dealProperties(playbook),
          ...extra,
        ]);
        return { id: deal.id, properties: deal.properties };
      } catch (error) {
        if (statusOf(error) === 404) return null;
        throw asCrmError(error);
      }
    },

    getContact: (contactId, playbook) =>
      withHistory(
        client.crm.contacts.basicApi,
        contactId,
        contactProperties(playbook),
        contactHistoryProperties(playbook),
      ),

    getCompany: (companyId, playbook) =>
      withHistory(
        client.crm.companies.basicApi,
        companyId,
        companyProperties(playbook),
        companyHistoryProperties(playbook),
      ),

    async findDealByKey(key) {
      const found = await call(() =>
        client.crm.deals.searchApi.doSearch({
          filterGroups: [
            { filters: [{ propertyName: KEY_PROPERTY, operator: 'EQ' as never, value: key }] },
          ],
          properties: [KEY_PROPERTY],
          limit: 1,
          after: '0',
          sorts: [],
        }),
      );
      return found.results[0]?.id ?? null;
    },

    async createCompanyDeal(companyId, properties, key) {
      const created = await call(() =>
        once.crm.deals.basicApi.create({
          properties: { ...properties, [KEY_PROPERTY]: key },
          associations: [
            {
              to: { id: companyId },
              types: [
                {
                  associationCategory: 'HUBSPOT_DEFINED' as never,
                  associationTypeId: DEAL_TO_PRIMARY_COMPANY,
                },
              ],
            },
          ],
        }),
      );
      return created.id;
    },

    async companyDealIds(companyId, max) {
      try {
        const ids: string[] = [];
        let after: string | undefined;
        do {
          const page = await client.crm.associations.v4.basicApi.getPage(
            'companies',
            companyId,
            'deals',
            after,
            500,
          );
          ids.push(...page.results.map((r) => String(r.toObjectId)));
          after = page.paging?.next?.after;
        } while (after && ids.length < max);
        return { ids: ids.slice(0, max), complete: !after && ids.length <= max };
      } catch (error) {
        if (statusOf(error) === 404) return null;
        throw asCrmError(error);
      }
    },

    async getOwners() {
      const owners: OwnerTeams[] = [];
      let after: string | undefined;
      do {
        const page = await call(() =>
          client.crm.owners.ownersApi.getPage(undefined, after, 500, false),
        );
        for (const o of page.results) {
          if (o.userId === undefined) continue;
          owners.push({
            userId: String(o.userId),
            ownerId: o.id,
            name: [o.firstName, o.lastName].filter(Boolean).join(' ') || o.email || '',
            teams: (o.teams ?? []).map((t) => ({ id: t.id, name: t.name })),
          });
        }
        after = page.paging?.next?.after;
      } while (after);
      return owners;
    },

    async updateDeal(dealId, properties) {
      await call(() => client.crm.deals.basicApi.update(dealId, { properties }));
    },

    async updateContact(contactId, properties) {
      await call(() => client.crm.contacts.basicApi.update(contactId, { properties }));
    },

    async updateCompany(companyId, properties) {
      await call(() => client.crm.companies.basicApi.update(companyId, { properties }));
    },

    async createEngagement(type, recordId, properties, key, on = 'deals') {
      const input = {
        properties: { ...properties, [KEY_PROPERTY]: key },
        associations: [
          {
            to: { id: recordId },
            types: [
              {
                associationCategory: 'HUBSPOT_DEFINED' as never,
                associationTypeId: ENGAGEMENT_ASSOCIATION[on][type],
              },
            ],
          },
        ],
      };
      const created = await call(() =>
        type === 'notes'
          ? client.crm.objects.notes.basicApi.create(input)
          : client.crm.objects.tasks.basicApi.create(input),
      );
      return created.id;
    },

    async findEngagement(type, key) {
      const request = {
        filterGroups: [
          { filters: [{ propertyName: KEY_PROPERTY, operator: 'EQ' as never, value: key }] },
        ],
        properties: [KEY_PROPERTY],
        limit: 1,
        after: '0',
        sorts: [],
      };
      const found = await call(() =>
        type === 'notes'
          ? client.crm.objects.notes.searchApi.doSearch(request)
          : client.crm.objects.tasks.searchApi.doSearch(request),
      );
      return found.results[0]?.id ?? null;
    },

    async completeTasks(keys) {
      if (keys.length === 0) return 0;
      // One search for the still-open ones, one batch update: a task someone already closed (or
      // a second run of the same item) is left alone.
      const ids = await openTaskIds(keys);
      if (ids.length > 0) await markTasksCompleted(ids);
      return ids.length;
    },

    openTaskIds,
    markTasksCompleted,

    async searchDeals(query) {
      return idSlice((request) => client.crm.deals.searchApi.doSearch(request), query, [
        { propertyName: 'pipeline', operator: 'EQ' as never, value: query.pipeline },
        { propertyName: 'dealstage', operator: 'IN' as never, values: [...query.stageIds] },
      ]);
    },

    async searchStaleDeals(query) {
      return idSlice((request) => client.crm.deals.searchApi.doSearch(request), query, [
        { propertyName: NEXT_DUE, operator: 'HAS_PROPERTY' as never },
        { propertyName: 'dealstage', operator: 'NOT_IN' as never, values: [...query.stageIds] },
      ]);
    },

    async searchChangedDeals(query) {
      return idSlice((request) => client.crm.deals.searchApi.doSearch(request), query, [
        // Datetimes are compared as epoch milliseconds.
        {
          propertyName: 'hs_lastmodifieddate',
          operator: 'GTE' as never,
          value: String(query.since),
        },
      ]);
    },

    searchContacts: (query) =>
      idSlice((request) => client.crm.contacts.searchApi.doSearch(request), query, valuesIn(query)),

    searchCompanies: (query) =>
      idSlice(
        (request) => client.crm.companies.searchApi.doSearch(request),
        query,
        valuesIn(query),
      ),

    readContacts: (ids, playbook) =>
      batchWithHistory(
        (request) => client.crm.contacts.batchApi.read(request),
        ids,
        contactProperties(playbook),
        contactHistoryProperties(playbook),
      ),

    readCompanies: (ids, playbook) =>
      batchWithHistory(
        (request) => client.crm.companies.batchApi.read(request),
        ids,
        companyProperties(playbook),
        companyHistoryProperties(playbook),
      ),

    async readDeals(ids, properties) {
      if (ids.length === 0) return [];
      const batch = await call(() =>
        client.crm.deals.batchApi.read({
          inputs: ids.map((id) => ({ id })),
          properties: [...properties],
          propertiesWithHistory: [],
        }),
      );
      return batch.results.map((d) => ({ id: d.id, properties: d.properties }));
    },

    async batchUpdateDeals(inputs) {
      await call(() =>
        client.crm.deals.batchApi.update({
          inputs: inputs.map((i) => ({ id: i.id, properties: i.properties })),
        }),
      );
    },

    async batchUpdateRecords(objectType, inputs) {
      const batch = { inputs: inputs.map((i) => ({ id: i.id, properties: i.properties })) };
      await call(() =>
        objectType === 'contacts'
          ? client.crm.contacts.batchApi.update(batch)
          : client.crm.companies.batchApi.update(batch),
      );
    },

    async propertyNames(objectType) {
      const all = await call(() => client.crm.properties.coreApi.getAll(objectType));
      return new Set(all.results.map((p) => p.name));
    },

    async groupNames(objectType) {
      const all = await call(() => client.crm.properties.groupsApi.getAll(objectType));
      return new Set(all.results.map((g) => g.name));
    },

    async createGroup(objectType, name, label) {
      await call(() =>
        client.crm.properties.groupsApi.create(objectType, { name, label, displayOrder: -1 }),
      );
    },

    async createProperty(objectType, spec) {
      await call(() => client.crm.properties.coreApi.create(objectType, spec as never));
    },
  };
}

/** The read both a contact and a company take: properties, the history of some, null on a 404. */
async function withHistory(
  api: {
    getById(
      id: string,
      properties?: string[],
      history?: string[],
    ): Promise<{
      id: string;
      properties: Record<string, string | null>;
      propertiesWithHistory?: Parameters<typeof historyOf>[0];
    }>;
  },
  id: string,
  properties: string[],
  history: string[],
): Promise<HubSpotObjectWithHistory | null> {
  try {
    const found = await api.getById(id, properties, history);
    return {
      id: found.id,
      properties: found.properties,
      propertiesWithHistory: historyOf(found.propertiesWithHistory),
    };
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw asCrmError(error);
  }
}

/** The filter of a StageValuesQuery: its property holds one of its values. */
function valuesIn(query: StageValuesQuery): SearchFilter[] {
  return [{ propertyName: query.property, operator: 'IN' as never, values: [...query.values] }];
}

/** A batch read of contacts or companies with the history of some properties; gone ids are left out. */
async function batchWithHistory(
  read: (request: {
    inputs: { id: string }[];
    properties: string[];
    propertiesWithHistory: string[];
  }) => Promise<{
    results: {
      id: string;
      properties: Record<string, string | null>;
      propertiesWithHistory?: Parameters<typeof historyOf>[0];
    }[];
  }>,
  ids: readonly string[],
  properties: string[],
  history: string[],
): Promise<HubSpotObjectWithHistory[]> {
  if (ids.length === 0) return [];
  const batch = await call(() =>
    read({
      inputs: ids.map((id) => ({ id })),
      properties,
      propertiesWithHistory: history,
    }),
  );
  return batch.results.map((found) => ({
    id: found.id,
    properties: found.properties,
    propertiesWithHistory: historyOf(found.propertiesWithHistory),
  }));
}

/** The SDK's property histories (Date timestamps) as ISO strings, as the mappings read them. */
function historyOf(
  history: Record<string, readonly { value?: string | null; timestamp: Date }[]> | undefined,
): Record<string, HistoryEntry[]> {
  return Object.fromEntries(
    Object.entries(history ?? {}).map(([name, entries]) => [
      name,
      entries.map((e) => ({ value: e.value ?? null, timestamp: e.timestamp.toISOString() })),
    ]),
  );
}

interface SearchFilter {
  propertyName: string;
  operator: never;
  value?: string;
  values?: string[];
}

/**
 * One search page of records above `aboveId`, by ascending id, always from the query's first result
 * (`after: 0`): the caller pages by raising `aboveId` to the last id it got, so no query asks past
 * HubSpot's 10,000 results per query however many records match. Deals and contacts alike.
 */
async function idSlice(
  doSearch: (request: {
    filterGroups: { filters: SearchFilter[] }[];
    sorts: never[];
    properties: string[];
    limit: number;
    after: string;
  }) => Promise<{ results: { id: string; properties: Record<string, string | null> }[] }>,
  query: { aboveId: string; properties: readonly string[]; limit: number },
  filters: SearchFilter[],
): Promise<HubSpotObject[]> {
  const found = await call(() =>
    doSearch({
      filterGroups: [
        {
          filters: [
            ...filters,
            { propertyName: 'hs_object_id', operator: 'GT' as never, value: query.aboveId },
          ],
        },
      ],
      sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' } as never],
      properties: [...query.properties],
      limit: query.limit,
      after: '0',
    }),
  );
  return found.results.map((d) => ({ id: d.id, properties: d.properties }));
}

async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw asCrmError(error);
  }
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'number'
    ? error.code
    : undefined;
}

function asCrmError(error: unknown): CrmError {
  if (error instanceof CrmError) return error;
  const status = statusOf(error);
  const headers =
    typeof error === 'object' && error !== null && 'headers' in error
      ? (error.headers as Record<string, string>)
      : {};
  const retryAfter = Number(headers['retry-after'] ?? headers['Retry-After']);
  const retryAfterMs =
    Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined;
  if (status === 429)
    return new CrmError(
      429,
      'HubSpot is busy (rate limit); try again in a few seconds.',
      retryAfterMs,
      429,
    );
  if (status === 401 || status === 403) {
    return new CrmError(
      502,
      'HubSpot refused our access to this portal; an admin may need to reinstall Handoff.',
      undefined,
      status,
    );
  }
  return new CrmError(502, 'HubSpot did not answer as expected; try again.', retryAfterMs, status);
}
