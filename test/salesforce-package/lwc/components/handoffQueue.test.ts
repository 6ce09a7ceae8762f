import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Queue from 'c/handoffQueue';
import { getRecords, updateRecord } from 'lightning/uiRecordApi';
import { graphql } from 'lightning/graphql';
import {
  HEADER_ID,
  MODIFIED,
  NAMES,
  OPP_ID,
  PLAYBOOK_JSON,
  REP_ID,
  itemNodes,
  opportunity,
} from './fixtures.js';
import { expectAccessible, flush, mount, query, queryAll, USER_ID, type Role } from './harness.js';

// Wednesday 2026-11-25, 16:00 UTC (11:00 New York). "CS accepts the handoff" is one business day
// from the submission: Acme's (Friday the 20th, 09:00) is long breached; Beta's (today 10:00) runs.
const NOW = '2026-11-25T16:00:00.000Z';
const f = (value: unknown) => ({ value });

function node(
  id: string,
  opportunity: { id: string; name: string; stage: string },
  status: string,
  extra: Record<string, unknown> = {},
  handoffId = 'sales_to_cs',
) {
  const submitted = ['submitted', 'rejected'].includes(status);
  return {
    Id: id,
    Handoff_Id__c: f(handoffId),
    Record_Key__c: f(`${opportunity.id}:${handoffId}`),
    Status__c: f(status),
    Version__c: f(3),
    Opportunity__c: f(opportunity.id),
    Submitted_By__c: f(submitted ? REP_ID : null),
    Submitted_At__c: f(submitted ? '2026-11-20T14:00:00.000Z' : null),
    Rejected_By__c: f(status === 'rejected' ? USER_ID : null),
    Rejected_At__c: f(status === 'rejected' ? '2026-11-20T15:00:00.000Z' : null),
    Rejection_Reason__c: f(status === 'rejected' ? 'missing_information' : null),
    LastModifiedDate: f(MODIFIED),
    Submitted_By__r: submitted ? { Name: f(NAMES[REP_ID]) } : null,
    Opportunity__r: {
      Name: f(opportunity.name),
      StageName: f(opportunity.stage),
      OwnerId: f(REP_ID),
      AccountId: f('001000000000001AAA'),
      CreatedDate: f('2026-10-01T12:00:00.000Z'),
      LastStageChangeDate: f('2026-11-19T15:00:00.000Z'),
    },
    ...extra,
  };
}

const ACME = { id: OPP_ID, name: 'Acme expansion', stage: 'Closed Won' };
const BETA = { id: '006000000000002AAA', name: 'Beta renewal', stage: 'Closed Won' };
const GAMMA = { id: '006000000000003AAA', name: 'Gamma pilot', stage: 'Closed Won' };
const acme = node(HEADER_ID, ACME, 'submitted');
const beta = node('a01000000000002AAA', BETA, 'submitted', {
  Submitted_At__c: f('2026-11-25T15:00:00.000Z'),
});
const gamma = node('a01000000000003AAA', GAMMA, 'rejected');

const isItems = (config: Record<string, unknown>) =>
  String(config.query).includes('handoffQueueItems');
const isHandoffs = (config: Record<string, unknown>) => !isItems(config);

function page(nodes: unknown[], endCursor: string | null = null) {
  const edges = (list: unknown[]) => ({ edges: list.map((n) => ({ node: n })) });
  return {
    uiapi: {
      query: {
        Handoff_Playbook__c: edges([
          { Id: 'a03000000000001AAA', Playbook_Text__c: f(PLAYBOOK_JSON) },
        ]),
        Handoff__c: {
          ...edges(nodes),
          totalCount: nodes.length,
          pageInfo: { hasNextPage: endCursor !== null, endCursor },
        },
      },
    },
  };
}
const items = (nodes: unknown[]) => ({
  uiapi: {
    query: {
      Handoff_Item__c: {
        edges: nodes.map((n) => ({ node: n })),
        pageInfo: { hasNextPage: false, endCursor: null },
      },
    },
  },
});

/** getRecords' answer: each asked opportunity with the playbook's fields (ARR, contract start, …). */
function batch(config: Record<string, unknown>) {
  const asked = (config.records as { recordIds: string[] }[]).flatMap((r) => r.recordIds);
  return {
    results: asked.map((id) => ({ statusCode: 200, result: { ...opportunity(), id } })),
  };
}

async function queue(role: Role, nodes: unknown[] = [gamma, beta, acme]) {
  const el = mount('c-handoff-queue', Queue, role);
  await flush();
  graphql.emit(page(nodes), isHandoffs);
  graphql.emit(items(itemNodes(true)), isItems);
  await flush();
  getRecords.emit(batch(getRecords.getLastConfig()));
  await flush();
  return el;
}

const rows = (el: Element) => queryAll(el, '[data-id="queue-row"]');
const names = (el: Element) => rows(el).map((r) => r.querySelector('a')?.textContent);
const within = (row: Element, id: string) => row.querySelector(`[data-id="${id}"]`)?.textContent;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(NOW) });
  vi.mocked(updateRecord).mockReset();
  vi.mocked(updateRecord).mockResolvedValue({});
});
afterEach(() => {
  vi.useRealTimers();
});

describe('handoffQueue: waiting for me', () => {
  it('is exposed on the Home page, app pages and the utility bar', () => {
    // https://developer.salesforce.com/docs/platform/lwc/guide/use-config-for-utility-bar.html
    const here = dirname(fileURLToPath(import.meta.url));
    const meta = readFileSync(
      join(
        here,
        '../../../../salesforce-package/force-app/main/default/lwc/handoffQueue/handoffQueue.js-meta.xml',
      ),
      'utf8',
    );
    expect(meta).toContain('<isExposed>true</isExposed>');
    const targets = [...meta.matchAll(/<target>([^<]+)<\/target>/g)].map((m) => m[1]);
    expect(targets).toEqual(['lightning__HomePage', 'lightning__AppPage', 'lightning__UtilityBar']);
  });

  it('when a CS manager opens it, then the handoffs to accept show, breached first, each with its record, stage, submitter, checklist and timer', async () => {
    const el = await queue('cs_manager');
    expect(names(el)).toEqual(['Acme expansion', 'Beta renewal']);
    const [first] = rows(el);
    expect(first?.querySelector('a')?.getAttribute('href')).toBe(
      `/lightning/r/Opportunity/${OPP_ID}/view`,
    );
    expect(within(first!, 'queue-stage-line')).toBe('Stage: Closed won');
    expect(within(first!, 'queue-status')).toBe('Submitted');
    expect(within(first!, 'queue-submitted')).toBe('Submitted by Riley Rep, Nov 20, 2026, 9:00 AM');
    // The eight typed-in answers, and the two items bound to the opportunity's own fields (ARR,
    // contract start) read with getRecords as the panel reads them: the panel's measure.
    expect(within(first!, 'queue-progress')).toBe('10 of 10 required items done');
    expect(within(first!, 'queue-timer-state')).toBe('Breached');
    expect(within(rows(el)[1]!, 'queue-timer-state')).toBe('On track');
    expect(query(el, '[data-id="queue-count"]')?.textContent).toBe(
      '2 handoffs wait for you, most urgent first.',
    );
    await expectAccessible(el);
  });

  it('when it reads checklist items, then it asks for what makes an item done (its value, who and when)', async () => {
    await queue('cs_manager');
    const asked: string[] = [];
    graphql.emit(items([]), (config: Record<string, unknown>) => {
      if (isItems(config)) asked.push(String(config.query));
      return false;
    });
    expect(asked[0]).toMatch(/Done__c[\s\S]*Value__c[\s\S]*Done_By__c[\s\S]*Done_At__c/);
  });

  it('when a sales rep opens it, then only the rejected handoff they must rework shows, without review buttons', async () => {
    const el = await queue('sales_rep');
    expect(names(el)).toEqual(['Gamma pilot']);
    expect(within(rows(el)[0]!, 'queue-move')).toBe(
      'Rework the Sales → CS handoff and submit it again',
    );
    expect(queryAll(el, '[data-id="queue-accept"]')).toEqual([]);
  });

  it('when a viewer has no Handoff role, then nothing is listed and it says why', async () => {
    const el = await queue('read_only');
    expect(rows(el)).toEqual([]);
    expect(query(el, '[data-id="queue-no-role"]')).toBeDefined();
  });

  it('when the answer has another page, then it asks for it after the endCursor and lists both pages', async () => {
    const el = mount('c-handoff-queue', Queue, 'cs_manager');
    await flush();
    expect(graphql.getLastConfig().variables).toEqual({ after: null });
    graphql.emit(page([beta], 'c-200'), isHandoffs);
    graphql.emit(items(itemNodes(true)), isItems);
    await flush();
    expect(rows(el)).toEqual([]);
    const asked: unknown[] = [];
    graphql.emit(page([acme]), (config: Record<string, unknown>) => {
      if (isHandoffs(config)) asked.push(config.variables);
      return isHandoffs(config);
    });
    await flush();
    expect(asked).toEqual([{ after: 'c-200' }]);
    // Once every page is in, the opportunities of both pages are read in one batch, with the
    // playbook's Opportunity fields as optional fields.
    const config = getRecords.getLastConfig();
    expect(config.records).toEqual([
      {
        recordIds: [OPP_ID, BETA.id],
        optionalFields: expect.arrayContaining([
          'Opportunity.ARR__c',
          'Opportunity.Contract_Start__c',
        ]),
      },
    ]);
    getRecords.emit(batch(config));
    await flush();
    expect(names(el)).toEqual(['Acme expansion', 'Beta renewal']);
  });

  it('when the CS manager accepts from the row, then the panel’s write goes out: accepted, its action, ifUnmodifiedSince, and the SLA outcome', async () => {
    const el = await queue('cs_manager');
    (query(rows(el)[0]!, '[data-id="queue-accept"]') as HTMLElement).click();
    await flush();
    expect(updateRecord).toHaveBeenCalledTimes(1);
    const [input, options] = vi.mocked(updateRecord).mock.calls[0] ?? [];
    expect(input.fields).toMatchObject({
      Id: HEADER_ID,
      Status__c: 'accepted',
      Action__c: 'accept',
      Version__c: 4,
      Accepted_By__c: USER_ID,
      SLA_Id__c: 'cs_accepts_won_deal',
      SLA_Outcome__c: 'met_late',
    });
    expect(options).toEqual({ ifUnmodifiedSince: MODIFIED });
  });

  it('when a validation rule refuses the write, then its sentence shows and the row stays', async () => {
    vi.mocked(updateRecord).mockRejectedValue({
      body: {
        output: {
          errors: [
            {
              errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
              message: 'Only a CS manager may accept.',
            },
          ],
        },
      },
    });
    const el = await queue('cs_manager');
    (query(rows(el)[0]!, '[data-id="queue-accept"]') as HTMLElement).click();
    await flush();
    expect(query(el, '[data-id="queue-action-error"]')?.textContent).toBe(
      'Only a CS manager may accept.',
    );
    expect(names(el)).toEqual(['Acme expansion', 'Beta renewal']);
    await expectAccessible(el);
  });
});
