// The Salesforce admin panel's change preview (c/handoffChangePreview), with counts worked out by
// hand on the default playbook's "CS accepts the handoff" (1 business day, elapsed, us_business
// 09:00–17:00 New York, warn at 75% consumed) tightened to 4 business hours.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Preview from 'c/handoffChangePreview';
import Admin from 'c/handoffAdmin';
import { updateRecord } from 'lightning/uiRecordApi';
import { graphql } from 'lightning/graphql';
import { PLAYBOOK, PLAYBOOK_JSON, REP_ID } from './fixtures.js';
import { byName, expectAccessible, flush, mount, query, queryAll } from './harness.js';

// Wednesday 2026-11-25, 16:00 UTC = 11:00 in New York (2 business hours into the day).
const NOW = '2026-11-25T16:00:00.000Z';
const f = (value: unknown) => ({ value });

/** The same playbook with "CS accepts the handoff" at 4 business hours, and an optional guard rail. */
function tightened(guardRails?: { maxEscalationsOnSave: number }): string {
  const playbook = structuredClone(PLAYBOOK) as unknown as {
    slas: { id: string; target: unknown }[];
    guardRails?: unknown;
  };
  const sla = playbook.slas.find((s) => s.id === 'cs_accepts_won_deal')!;
  sla.target = { unit: 'business_hours', amount: 4 };
  if (guardRails) playbook.guardRails = guardRails;
  return JSON.stringify(playbook);
}

const opp = (n: number, name: string) => ({
  Id: `00600000000000${n}AAA`,
  Name: f(name),
  StageName: f('Closed Won'),
  OwnerId: f(REP_ID),
  AccountId: f('001000000000001AAA'),
  CreatedDate: f('2026-10-01T12:00:00.000Z'),
  LastStageChangeDate: f('2026-11-23T14:00:00.000Z'),
});
const header = (n: number, submittedAt: string, acceptedAt?: string) => ({
  Id: `a0100000000000${n}AAA`,
  Handoff_Id__c: f('sales_to_cs'),
  Status__c: f(acceptedAt ? 'accepted' : 'submitted'),
  Version__c: f(acceptedAt ? 2 : 1),
  Opportunity__c: f(`00600000000000${n}AAA`),
  Submitted_By__c: f(REP_ID),
  Submitted_At__c: f(submittedAt),
  Accepted_By__c: f(acceptedAt ? '005000000000003AAA' : null),
  Accepted_At__c: f(acceptedAt ?? null),
  Rejected_By__c: f(null),
  Rejected_At__c: f(null),
  Rejection_Reason__c: f(null),
});

// By hand, business hours of "CS accepts the handoff" used by 11:00 New York on Wednesday:
// - Beta, submitted Tue 16:00: 1 h Tuesday + 2 h Wednesday = 3 h. 1 day (8 h): 37.5%, on track;
//   4 h: 75%, at risk → the at-risk task (level 1) is new.
// - Acme, submitted Tue 12:00: 5 h + 2 h = 7 h. 8 h: 87.5%, at risk (its task already due);
//   4 h: breached at Tue 16:00 → the breach note (level 2) is new; level 3 (4 h after the breach,
//   Wed 12:00) is not due yet.
// - Gamma, submitted Tue 09:00, accepted Tue 15:00: 6 h. Met under 8 h, met late under 4 h.
// - Delta has no handoff: nothing changes.
const OPPORTUNITIES = [
  opp(1, 'Acme expansion'),
  opp(2, 'Beta renewal'),
  opp(3, 'Gamma pilot'),
  opp(4, 'Delta new'),
];
const HANDOFFS = [
  header(1, '2026-11-24T17:00:00.000Z'),
  header(2, '2026-11-24T21:00:00.000Z'),
  header(3, '2026-11-24T14:00:00.000Z', '2026-11-24T20:00:00.000Z'),
];

const nameOf = (config: Record<string, unknown>) => String(config.query).match(/query (\w+)/)?.[1];
function answer(objectApiName: string, nodes: unknown[], endCursor: string | null = null) {
  return {
    uiapi: {
      query: {
        [objectApiName]: {
          edges: nodes.map((node) => ({ node })),
          pageInfo: { hasNextPage: endCursor !== null, endCursor },
        },
      },
    },
  };
}
function answerAll(opportunities = OPPORTUNITIES) {
  graphql.emit(
    answer('Opportunity', opportunities),
    (c: Record<string, unknown>) => nameOf(c) === 'handoffPreviewOpportunities',
  );
  graphql.emit(
    answer('Handoff__c', HANDOFFS),
    (c: Record<string, unknown>) => nameOf(c) === 'handoffPreviewHandoffs',
  );
  graphql.emit(
    answer('Handoff_Item__c', []),
    (c: Record<string, unknown>) => nameOf(c) === 'handoffPreviewItems',
  );
}

async function preview(newText: string) {
  const el = mount('c-handoff-change-preview', Preview, 'admin', {
    oldText: PLAYBOOK_JSON,
    newText,
  });
  await flush();
  answerAll();
  await flush();
  return el;
}

const lines = (el: Element) =>
  queryAll(el, '[data-id="preview-line"]').map((line) => ({
    text: line.querySelector('[data-id="preview-line-text"]')?.textContent?.trim(),
    records: line.querySelector('[data-id="preview-line-records"]')?.textContent?.trim(),
  }));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(NOW) });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('handoffChangePreview: what saving changes', () => {
  it('when the edited playbook is the active one, then it shows nothing', async () => {
    const el = await preview(PLAYBOOK_JSON);
    expect(query(el, '[data-id="change-preview"]')).toBeUndefined();
    expect((el as unknown as { saveBlocker: () => unknown }).saveBlocker()).toBeUndefined();
  });

  it('when CS acceptance is tightened to 4 business hours, then it names the change and the opportunities whose timers move, with the new escalations and whom they reach', async () => {
    const el = await preview(tightened());
    expect(query(el, '[data-id="preview-changes-title"]')?.textContent?.trim()).toBe(
      '1 change from the saved playbook',
    );
    expect(query(el, '[data-id="preview-changes"]')?.textContent).toContain(
      'CS accepts the handoff: 1 business day → 4 business hours',
    );
    expect(query(el, '[data-id="preview-records-title"]')?.textContent?.trim()).toBe(
      'On 4 opportunities now',
    );
    expect(lines(el)).toEqual([
      {
        text: '1 record goes from at risk to breached: CS accepts the handoff',
        records: 'Opportunities: Acme expansion',
      },
      {
        text: '1 record goes from on track to at risk: CS accepts the handoff',
        records: 'Opportunities: Beta renewal',
      },
      {
        text: '1 record goes from met to met late: CS accepts the handoff',
        records: 'Opportunities: Gamma pilot',
      },
      expect.objectContaining({ records: 'Opportunities: Beta renewal' }),
      expect.objectContaining({ records: 'Opportunities: Acme expansion' }),
    ]);
    const [level1, level2] = lines(el).slice(3);
    expect(level1?.text).toMatch(/level 1.*, reaching every CS manager$/);
    expect(level2?.text).toMatch(/level 2.*, reaching every CS manager$/);
    expect(query(el, '[data-id="preview-escalations"]')?.textContent?.trim()).toBe(
      '2 escalations on the next scan (confirmation needed above 25).',
    );
    expect((el as unknown as { saveBlocker: () => unknown }).saveBlocker()).toBeUndefined();
    await expectAccessible(el);
  });

  it('when the change raises more escalations than the guard rail allows, then saving waits for the explicit confirmation, given again after a new edit', async () => {
    const text = tightened({ maxEscalationsOnSave: 1 });
    const el = await preview(text);
    const blocker = () =>
      (el as unknown as { saveBlocker: () => string | undefined }).saveBlocker();
    expect(query(el, '[data-id="preview-confirm"]')?.textContent).toContain(
      'Saving raises 2 escalations at once; this playbook allows 1 without confirmation.',
    );
    expect(blocker()).toMatch(/^Saving raises 2 escalations at once/);
    const box = query(el, '[data-id="preview-confirm-box"]') as HTMLInputElement;
    box.checked = true;
    box.dispatchEvent(new CustomEvent('change'));
    await flush();
    expect(blocker()).toBeUndefined();
    (el as unknown as { newText: string }).newText = tightened({ maxEscalationsOnSave: 0 });
    await flush();
    expect(blocker()).toMatch(/^Saving raises 2 escalations at once; this playbook allows 0/);
    await expectAccessible(el);
  });

  it('when opportunities come in pages, then it asks for each page after the endCursor and counts them all', async () => {
    const el = mount('c-handoff-change-preview', Preview, 'admin', {
      oldText: PLAYBOOK_JSON,
      newText: tightened(),
    });
    await flush();
    graphql.emit(
      answer('Opportunity', OPPORTUNITIES.slice(0, 2), 'c-2'),
      (c: Record<string, unknown>) => nameOf(c) === 'handoffPreviewOpportunities',
    );
    graphql.emit(
      answer('Handoff__c', HANDOFFS),
      (c: Record<string, unknown>) => nameOf(c) === 'handoffPreviewHandoffs',
    );
    graphql.emit(
      answer('Handoff_Item__c', []),
      (c: Record<string, unknown>) => nameOf(c) === 'handoffPreviewItems',
    );
    await flush();
    expect(query(el, '[data-id="preview-loading"]')).toBeDefined();
    const asked: unknown[] = [];
    graphql.emit(answer('Opportunity', OPPORTUNITIES.slice(2)), (c: Record<string, unknown>) => {
      const mine = nameOf(c) === 'handoffPreviewOpportunities';
      if (mine) asked.push(c.variables);
      return mine;
    });
    await flush();
    expect(asked).toEqual([{ after: 'c-2' }]);
    expect(query(el, '[data-id="preview-records-title"]')?.textContent?.trim()).toBe(
      'On 4 opportunities now',
    );
  });

  it('when the admin panel saves past the guard rail unconfirmed, then nothing is written and it says why', async () => {
    vi.mocked(updateRecord).mockReset();
    const el = mount('c-handoff-admin', Admin, 'admin');
    await flush();
    graphql.emit(
      answer('Handoff_Playbook__c', [
        { Id: 'a03000000000001AAA', Playbook_Text__c: f(PLAYBOOK_JSON) },
      ]),
      (c: Record<string, unknown>) => nameOf(c) === 'handoffAdmin',
    );
    await flush();
    const area = query(el, 'textarea') as HTMLTextAreaElement;
    area.value = tightened({ maxEscalationsOnSave: 1 });
    area.dispatchEvent(new CustomEvent('input'));
    await flush();
    answerAll();
    await flush();
    (byName(el, 'lightning-button', 'save') as HTMLElement).click();
    await flush();
    expect(updateRecord).not.toHaveBeenCalled();
    expect(query(el, '[data-id="save-error"]')?.textContent).toContain(
      'Saving raises 2 escalations at once; this playbook allows 1 without confirmation.',
    );
  });
});
