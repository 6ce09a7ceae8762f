import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Account from 'c/handoffAccount';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { graphql } from 'lightning/graphql';
import { ACCOUNT_ID, OPP_ID, PLAYBOOK, header, itemNodes, opportunity } from './fixtures.js';
import { byName, expectAccessible, flush, mount, query, queryAll } from './harness.js';

// Wednesday 2026-11-25, 16:00 UTC. The fixtures' deal was submitted on Friday the 20th, so its
// one-business-day "CS accepts the handoff" timer is breached unless CS accepted.
const NOW = '2026-11-25T16:00:00.000Z';
const RENEWAL_ID = '006000000000002AAA';
const LOST_ID = '006000000000003AAA';

const expansion = opportunity('Closed Won', { Name: 'Acme expansion' });
const renewal = {
  ...opportunity('Closed Won', {
    Name: 'Acme renewal',
    LastStageChangeDate: '2026-11-25T15:00:00.000Z',
  }),
  id: RENEWAL_ID,
};
const lost = { ...opportunity('Closed Lost', { Name: 'Acme pilot' }), id: LOST_ID };

const list = (id: string) => (config: Record<string, unknown>) => config.relatedListId === id;
const items = (nodes: unknown[]) => ({
  uiapi: { query: { Handoff_Item__c: { edges: nodes.map((node) => ({ node })) } } },
});

async function account(opportunities: unknown[], handoffs: unknown[], itemRows: unknown[] = []) {
  const el = mount('c-handoff-account', Account, 'cs_manager', {
    recordId: ACCOUNT_ID,
    playbook: PLAYBOOK,
  });
  // Wires receive their config in a microtask; the emits below pick wires by it.
  await flush();
  getRelatedListRecords.emit({ records: opportunities }, list('Opportunities'));
  getRelatedListRecords.emit({ records: handoffs }, list('Handoffs__r'));
  graphql.emit(items(itemRows));
  await flush();
  return el;
}

const rows = (el: Element) => queryAll(el, '[data-id="account-opportunity"]');

beforeEach(() => {
  // Only Date is faked: the engine's microtasks must keep running.
  vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(NOW) });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("handoffAccount: the handoffs of an account's opportunities", () => {
  it("when LDS answers, then it reads the account's opportunities (with the playbook's fields), handoffs and items", async () => {
    await account([], []);
    const configs = { opportunities: {}, handoffs: {} } as Record<string, Record<string, unknown>>;
    getRelatedListRecords.emit({ records: [] }, (config) => {
      if (config.relatedListId === 'Opportunities') configs.opportunities = config;
      if (config.relatedListId === 'Handoffs__r') configs.handoffs = config;
      return false;
    });
    expect(configs.opportunities).toMatchObject({ parentRecordId: ACCOUNT_ID });
    expect(configs.opportunities?.fields).toEqual(
      expect.arrayContaining(['Opportunity.Name', 'Opportunity.StageName']),
    );
    expect(configs.opportunities?.optionalFields).toEqual(
      expect.arrayContaining(['Opportunity.ARR__c']),
    );
    expect(configs.handoffs).toMatchObject({ parentRecordId: ACCOUNT_ID });
    expect(configs.handoffs?.fields).toEqual(expect.arrayContaining(['Handoff__c.Opportunity__c']));
    expect(graphql.getLastConfig().variables).toEqual({ accountId: ACCOUNT_ID, after: null });
  });

  it('when opportunities have handoffs open, then each shows its status, progress and live timers, breached first, linked to the opportunity', async () => {
    const el = await account([renewal, lost, expansion], [header('submitted')], itemNodes(true));
    const shown = rows(el);
    expect(shown.map((r) => r.querySelector('a')?.textContent)).toEqual([
      'Acme expansion',
      'Acme renewal',
    ]);
    expect(shown.map((r) => r.querySelector('a')?.getAttribute('href'))).toEqual([
      `/lightning/r/Opportunity/${OPP_ID}/view`,
      `/lightning/r/Opportunity/${RENEWAL_ID}/view`,
    ]);

    const [first, second] = shown.map((r) => r.textContent ?? '');
    expect(first).toContain('Stage: Closed won');
    expect(first).toContain('Sales → CS');
    expect(first).toContain('Submitted');
    expect(first).toContain('10 of 10 required items done');
    expect(first).toContain('CS accepts the handoff');
    expect(first).toContain('Breached');
    const bar = shown[0]?.querySelector('lightning-progress-bar') as HTMLElement & {
      value: number;
    };
    // One progress measure on both faces: required items done over required items.
    expect(bar.value).toBe(100);

    expect(second).toContain('Not started');
    // Items mirroring opportunity fields count as soon as the fields are set.
    expect(second).toContain('2 of 10 required items done');
    expect(second).toContain('On track');
    await expectAccessible(el);
  });

  it('when the handoff was accepted, then its timer is done and no longer listed', async () => {
    const el = await account([expansion], [header('accepted')], itemNodes(true));
    const text = rows(el)[0]?.textContent ?? '';
    expect(text).toContain('Accepted');
    expect(query(el, '[data-id="account-timers"]')).toBeUndefined();
    await expectAccessible(el);
  });

  it('when no opportunity has a handoff open, then it says so', async () => {
    const el = await account([lost], []);
    expect(rows(el)).toHaveLength(0);
    expect(query(el, '[data-id="account-empty"]')?.textContent).toContain('has a handoff open');
    await expectAccessible(el);
  });

  it('when LDS has not answered yet, then a labelled spinner shows', async () => {
    const el = mount('c-handoff-account', Account, 'cs_manager', {
      recordId: ACCOUNT_ID,
      playbook: PLAYBOOK,
    });
    await flush();
    const spinner = query(el, 'lightning-spinner') as HTMLElement & { alternativeText: string };
    expect(spinner.alternativeText).toBe("Loading the account's handoffs");
    await expectAccessible(el);
  });

  it('when a list cannot be read, then the error shows as a sentence', async () => {
    const el = mount('c-handoff-account', Account, 'cs_manager', {
      recordId: ACCOUNT_ID,
      playbook: PLAYBOOK,
    });
    getRelatedListRecords.error(
      { message: 'You do not have access to Handoff.' },
      403,
      'Forbidden',
    );
    await flush();
    const error = query(el, '[data-id="account-error"]');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toContain('You do not have access to Handoff.');
    expect(query(el, 'lightning-spinner')).toBeUndefined();
    await expectAccessible(el);
  });
});

describe('handoffAccount: a large account is read to its last page', () => {
  // 2,500 opportunities won an hour ago (their timers on track), in two related-list pages.
  // Two opportunities won last week (their timers breached) are on the second page; the second of
  // them has its handoff header and checklist items on the second page of their lists too.
  const COUNT = 2500;
  const id = (n: number) => `006${String(n).padStart(15, '0')}`;
  const BREACHED = 2200;
  const WITH_ITEMS = 2300;
  const opportunities = Array.from({ length: COUNT }, (_, n) => ({
    ...opportunity('Closed Won', {
      Name: `Deal ${String(n).padStart(4, '0')}`,
      LastStageChangeDate:
        n === BREACHED || n === WITH_ITEMS
          ? '2026-11-19T15:00:00.000Z'
          : '2026-11-25T15:00:00.000Z',
    }),
    id: id(n),
  }));
  const headerOf = (n: number) => {
    const h = header('in_progress');
    return {
      ...h,
      id: `a01${String(n).padStart(15, '0')}`,
      fields: { ...h.fields, Opportunity__c: { value: id(n), displayValue: null } },
    };
  };
  const itemsOf = (n: number) =>
    itemNodes(true).map((node, i) => ({
      ...node,
      Id: `a02${String(n * 100 + i).padStart(15, '0')}`,
      Handoff__c: { value: headerOf(n).id, displayValue: null },
    }));
  const page = (records: unknown[], token: string, next: string | null) => ({
    records,
    count: records.length,
    currentPageToken: token,
    nextPageToken: next,
  });
  const itemPage = (nodes: unknown[], hasNextPage: boolean, endCursor: string | null) => ({
    uiapi: {
      query: {
        Handoff_Item__c: {
          edges: nodes.map((node) => ({ node })),
          pageInfo: { hasNextPage, endCursor },
        },
      },
    },
  });
  const at =
    (relatedListId: string, pageToken: string | undefined) => (config: Record<string, unknown>) =>
      config.relatedListId === relatedListId && config.pageToken === pageToken;

  it('when it has 2,500 opportunities, then every page of every list is read, the most urgent row comes first and the rest are counted', async () => {
    const el = mount('c-handoff-account', Account, 'cs_manager', {
      recordId: ACCOUNT_ID,
      playbook: PLAYBOOK,
    });
    await flush();
    getRelatedListRecords.emit(
      page(opportunities.slice(0, 1999), '0', '1999'),
      at('Opportunities', undefined),
    );
    getRelatedListRecords.emit(page([headerOf(0)], '0', 'h2'), at('Handoffs__r', undefined));
    graphql.emit(itemPage(itemsOf(0), true, 'c1'));
    await flush();
    // Nothing is shown from a part of the account.
    expect(query(el, 'lightning-spinner')).toBeDefined();
    expect(rows(el)).toHaveLength(0);

    expect(graphql.getLastConfig().variables).toEqual({ accountId: ACCOUNT_ID, after: 'c1' });
    getRelatedListRecords.emit(
      page(opportunities.slice(1999), '1999', null),
      at('Opportunities', '1999'),
    );
    getRelatedListRecords.emit(page([headerOf(WITH_ITEMS)], 'h2', null), at('Handoffs__r', 'h2'));
    graphql.emit(itemPage(itemsOf(WITH_ITEMS), false, null));
    await flush();

    const shown = rows(el);
    expect(shown).toHaveLength(50);
    expect(shown[0]?.querySelector('a')?.textContent).toBe(`Deal ${BREACHED}`);
    expect(shown[0]?.textContent).toContain('Breached');
    expect(shown[1]?.querySelector('a')?.textContent).toBe(`Deal ${WITH_ITEMS}`);
    expect(shown[1]?.textContent).toContain('10 of 10 required items done');
    expect(query(el, '[data-id="account-more"]')?.textContent).toContain(
      'and 2450 more opportunities with a handoff open',
    );
    await expectAccessible(el);

    (byName(el, 'lightning-button', 'more') as HTMLElement).click();
    await flush();
    expect(rows(el)).toHaveLength(100);
    expect(query(el, '[data-id="account-more"]')?.textContent).toContain('and 2400 more');
    // The core evaluates 2,500 records here: more than vitest's default 5 s on a loaded machine.
  }, 60_000);

  it('when a list asks for its next page, then it passes the token or cursor LDS gave (1,999 records a related-list page, 2,000 a GraphQL page)', async () => {
    const el = mount('c-handoff-account', Account, 'cs_manager', {
      recordId: ACCOUNT_ID,
      playbook: PLAYBOOK,
    });
    await flush();
    const configs: Record<string, unknown>[] = [];
    getRelatedListRecords.emit(page([], '0', 'next'), (config) => {
      configs.push(config);
      return config.relatedListId === 'Opportunities';
    });
    await flush();
    expect(configs.map((c) => [c.relatedListId, c.pageSize, c.pageToken])).toEqual([
      ['Opportunities', 1999, undefined],
      ['Handoffs__r', 1999, undefined],
    ]);
    expect(getRelatedListRecords.getLastConfig()).toMatchObject({
      relatedListId: 'Opportunities',
      pageToken: 'next',
    });
    expect(graphql.getLastConfig().query).toMatch(
      /first: 2000\s+after: \$after\s+upperBound: 10000/,
    );
    expect(graphql.getLastConfig().variables).toEqual({ accountId: ACCOUNT_ID, after: null });
    expect(el).toBeDefined();
  });
});
