import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/deals/index.js';
import { expectHubSpotError, failure, fastBackoff, setup, START, type Setup } from './helpers.js';

let env: Setup;
beforeEach(async () => {
  env = await setup();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await env.emulator.close();
});

type Filter = {
  propertyName: string;
  operator: FilterOperatorEnum;
  value?: string;
  values?: string[];
};

function seedDeals(): void {
  const deals: Array<[string, string | undefined, string]> = [
    ['Alpha', '100', 'qualifiedtobuy'],
    ['Bravo', '250', 'contractsent'],
    ['Charlie', undefined, 'qualifiedtobuy'],
    ['Delta', '900', 'closedwon'],
  ];
  for (const [dealname, amount, dealstage] of deals) {
    env.emulator.seed.deal(env.portal.portalId, {
      properties: { dealname, dealstage, ...(amount ? { amount } : {}) },
    });
  }
}

async function names(filters: Filter[], sorts: string[] = []): Promise<string[]> {
  const page = await env.client().crm.deals.searchApi.doSearch({
    filterGroups: [{ filters }],
    sorts,
    properties: ['dealname'],
    limit: 200,
  });
  return page.results.map((deal) => deal.properties.dealname ?? '');
}

describe('CRM search', () => {
  it.each<[string, Filter[], string[]]>([
    [
      'EQ is case-insensitive',
      [{ propertyName: 'dealname', operator: FilterOperatorEnum.Eq, value: 'alpha' }],
      ['Alpha'],
    ],
    [
      'NEQ includes empty values',
      [{ propertyName: 'amount', operator: FilterOperatorEnum.Neq, value: '100' }],
      ['Bravo', 'Charlie', 'Delta'],
    ],
    [
      'GT compares numbers, not text',
      [{ propertyName: 'amount', operator: FilterOperatorEnum.Gt, value: '250' }],
      ['Delta'],
    ],
    [
      'GTE',
      [{ propertyName: 'amount', operator: FilterOperatorEnum.Gte, value: '250' }],
      ['Bravo', 'Delta'],
    ],
    ['LT', [{ propertyName: 'amount', operator: FilterOperatorEnum.Lt, value: '250' }], ['Alpha']],
    [
      'LTE',
      [{ propertyName: 'amount', operator: FilterOperatorEnum.Lte, value: '250' }],
      ['Alpha', 'Bravo'],
    ],
    [
      'HAS_PROPERTY',
      [{ propertyName: 'amount', operator: FilterOperatorEnum.HasProperty }],
      ['Alpha', 'Bravo', 'Delta'],
    ],
    [
      'NOT_HAS_PROPERTY',
      [{ propertyName: 'amount', operator: FilterOperatorEnum.NotHasProperty }],
      ['Charlie'],
    ],
    [
      'IN',
      [
        {
          propertyName: 'dealstage',
          operator: FilterOperatorEnum.In,
          values: ['contractsent', 'closedwon'],
        },
      ],
      ['Bravo', 'Delta'],
    ],
    [
      'filters in a group are ANDed',
      [
        { propertyName: 'dealstage', operator: FilterOperatorEnum.Eq, value: 'qualifiedtobuy' },
        { propertyName: 'amount', operator: FilterOperatorEnum.HasProperty },
      ],
      ['Alpha'],
    ],
  ])(
    'when filtering with %s, then only matching deals return',
    async (_name, filters, expected) => {
      seedDeals();
      expect(await names(filters)).toEqual(expected);
    },
  );

  it('when filter groups are given, then they are ORed; sorts order the results', async () => {
    seedDeals();
    const page = await env.client().crm.deals.searchApi.doSearch({
      filterGroups: [
        {
          filters: [{ propertyName: 'dealname', operator: FilterOperatorEnum.Eq, value: 'Alpha' }],
        },
        {
          filters: [
            { propertyName: 'dealstage', operator: FilterOperatorEnum.Eq, value: 'closedwon' },
          ],
        },
      ],
      sorts: ['-amount'],
      properties: ['dealname'],
      limit: 10,
    });
    expect(page.total).toBe(2);
    expect(page.results.map((deal) => deal.properties.dealname)).toEqual(['Delta', 'Alpha']);
  });

  it('when sorting by an object sort, then direction is honoured and empty values come last', async () => {
    seedDeals();
    const sorts = [{ propertyName: 'amount', direction: 'ASCENDING' }] as unknown as string[];
    expect(await names([], sorts)).toEqual(['Alpha', 'Bravo', 'Delta', 'Charlie']);
  });

  it('when a datetime filter is given in epoch ms, then stage dates are compared as times', async () => {
    env.emulator.seed.deal(env.portal.portalId, {
      properties: { dealname: 'Old' },
      stageHistory: [{ stage: 'qualifiedtobuy', at: START - 10 * 86_400_000 }],
    });
    env.emulator.seed.deal(env.portal.portalId, {
      properties: { dealname: 'New' },
      stageHistory: [{ stage: 'qualifiedtobuy', at: START - 86_400_000 }],
    });
    const cutoff = String(START - 5 * 86_400_000);
    expect(
      await names([
        {
          propertyName: 'hs_v2_date_entered_qualifiedtobuy',
          operator: FilterOperatorEnum.Lt,
          value: cutoff,
        },
      ]),
    ).toEqual(['Old']);
  });

  it('when results exceed a page, then `after` pages through them; limit over 200 is a 400', async () => {
    for (let index = 0; index < 450; index += 1)
      env.emulator.seed.deal(env.portal.portalId, { properties: { dealname: `D${index}` } });
    const client = env.client();
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await client.crm.deals.searchApi.doSearch({
        filterGroups: [],
        limit: 200,
        ...(after ? { after } : {}),
      });
      expect(page.total).toBe(450);
      seen.push(...page.results.map((deal) => deal.id));
      after = page.paging?.next?.after;
      env.clock.advance(1_000);
    } while (after);
    expect(seen).toHaveLength(450);
    expect(new Set(seen).size).toBe(450);

    const error = await failure(
      client.crm.deals.searchApi.doSearch({ filterGroups: [], limit: 201 }),
    );
    expect(error.code).toBe(400);
    expectHubSpotError(error.body, 'VALIDATION_ERROR');
  });

  it('when paging past 10,000 results, then HubSpot answers 400, and the last page offers no next cursor', async () => {
    for (let index = 0; index < 10_050; index += 1)
      env.emulator.seed.company(env.portal.portalId, { name: `C${index}` });
    const client = env.client();
    const last = await client.crm.companies.searchApi.doSearch({
      filterGroups: [],
      limit: 200,
      after: '9800',
    });
    expect(last.total).toBe(10_050);
    expect(last.results).toHaveLength(200);
    expect(last.paging).toBeUndefined();
    const past = await failure(
      client.crm.companies.searchApi.doSearch({ filterGroups: [], limit: 200, after: '10000' }),
    );
    expect(past.code).toBe(400);
    expectHubSpotError(past.body, 'VALIDATION_ERROR');
  });

  it('when there are too many filter groups or filters, then 400', async () => {
    const filter = { propertyName: 'dealname', operator: FilterOperatorEnum.HasProperty };
    const client = env.client();
    const sixGroups = Array.from({ length: 6 }, () => ({ filters: [filter] }));
    expect(
      (await failure(client.crm.deals.searchApi.doSearch({ filterGroups: sixGroups }))).code,
    ).toBe(400);
    const sevenFilters = [{ filters: Array.from({ length: 7 }, () => filter) }];
    expect(
      (await failure(client.crm.deals.searchApi.doSearch({ filterGroups: sevenFilters }))).code,
    ).toBe(400);
    const nineteen = [6, 6, 6, 1].map((count) => ({
      filters: Array.from({ length: count }, () => filter),
    }));
    expect(
      (await failure(client.crm.deals.searchApi.doSearch({ filterGroups: nineteen }))).code,
    ).toBe(400);
  });

  it('when a portal makes a sixth search within a second, then 429 with the secondly-limit body; a second later it passes', async () => {
    const client = env.client();
    for (let index = 0; index < 5; index += 1)
      await client.crm.deals.searchApi.doSearch({ filterGroups: [] });
    const limited = await failure(client.crm.deals.searchApi.doSearch({ filterGroups: [] }));
    expect(limited.code).toBe(429);
    expect(limited.body).toMatchObject({
      status: 'error',
      message: 'You have reached your secondly limit.',
      errorType: 'RATE_LIMIT',
      policyName: 'SECONDLY',
    });
    // Searches do not spend the ten-second budget.
    const other = await client.crm.deals.basicApi.getPage(1);
    expect(other.results).toEqual([]);
    env.clock.advance(1_000);
    await expect(client.crm.deals.searchApi.doSearch({ filterGroups: [] })).resolves.toMatchObject({
      total: 0,
    });
  });

  it('when the SDK retries a secondly 429, then it waits 1 s × attempt (here on the emulator clock) and succeeds', async () => {
    const waits = fastBackoff(env.clock);
    const client = env.client({ numberOfApiCallRetries: 3 });
    const search = client.crm.deals.searchApi;
    for (let index = 0; index < 5; index += 1) await search.doSearch({ filterGroups: [] });
    await expect(search.doSearch({ filterGroups: [] })).resolves.toMatchObject({ total: 0 });
    expect(waits).toEqual([1_000]);
    expect(env.emulator.requestLog.count({ route: 'crm.objects.search', status: 429 })).toBe(1);
  });
});
