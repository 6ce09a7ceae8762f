// The panel's next-step strip, its collapsed settled handoffs and the stage history it reads, on
// the fixtures' Closed Won opportunity (won Thursday 19 Nov 10:00 New York, submitted Friday 09:00),
// then on Leads: an untouched MQL and a recycled one.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import Record from 'c/handoffRecord';
import { updateRecord } from 'lightning/uiRecordApi';
import {
  evaluateRecord,
  panelModel,
} from '../../../../salesforce-package/scripts/handoff-core/entry.js';
import { PLAYBOOK, type Status } from './fixtures.js';
import { expectAccessible, flush, mount, query, queryAll, text, type Role } from './harness.js';
import { openPanel } from './panel.js';

beforeEach(() => {
  vi.mocked(updateRecord).mockReset();
  vi.mocked(updateRecord).mockResolvedValue({});
});

/** OpportunityHistory rows: appointment a month before the win, then Closed Won. */
const HISTORY = [
  ['Prospecting', '2026-10-19T14:00:00.000Z'],
  ['Prospecting', '2026-10-20T14:00:00.000Z'], // an amount change: same stage, no new entry
  ['Qualification', '2026-10-20T18:00:00.000Z'],
  ['Closed Won', '2026-11-19T15:00:00.000Z'],
].map(([stage, at], n) => ({
  id: `008${n}`,
  fields: { StageName: { value: stage }, CreatedDate: { value: at } },
}));

/** The panel at `now` (New York time on the fixtures' dates), Stage History read when asked. */
async function panel(role: Role, status: Status, now: string, history = false) {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(now) });
  return openPanel(role, status, history ? { history: HISTORY } : {});
}

describe('handoffPanel: the next step first', () => {
  it('when a CS manager opens a submitted won deal, then the strip says it is their move, what and by when, and its Accept accepts', async () => {
    try {
      const el = await panel('cs_manager', 'submitted', '2026-11-20T16:00:00.000Z');
      const strip = query(el, '[data-id="next-step"]');
      expect(text(strip as Element)).toBe(
        'Your move On track Due today, 5:00 PM Review the Sales → CS handoff: accept or reject it',
      );
      // The strip is the first thing the panel shows.
      expect(queryAll(el, '[data-id]')[0]?.getAttribute('data-id')).toBe('next-step');
      const accept = query(el, '[data-id="next-step-action"]') as HTMLElement & {
        label: string;
        variant: string;
      };
      expect([accept.label, accept.variant]).toEqual(['Accept', 'brand']);
      await expectAccessible(el);
      accept.click();
      await flush();
      expect(vi.mocked(updateRecord).mock.calls[0]?.[0]).toMatchObject({
        fields: { Status__c: 'accepted' },
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('when the rep opens it, then it is waiting on the CS manager and the rep has no button', async () => {
    try {
      const el = await panel('sales_rep', 'submitted', '2026-11-20T16:00:00.000Z');
      expect(query(el, '[data-id="next-step-whose"]')?.textContent).toBe(
        'Waiting on the CS manager',
      );
      expect(query(el, '[data-id="next-step-action"]')).toBeUndefined();
      await expectAccessible(el);
    } finally {
      vi.useRealTimers();
    }
  });

  it('when the handoff is accepted, then nobody needs to act and it collapses to one line that opens', async () => {
    try {
      const el = await panel('cs_manager', 'accepted', '2026-11-20T16:00:00.000Z');
      expect(query(el, '[data-id="next-step-none"]')).toBeDefined();
      expect(query(el, '[data-id="settled"]')?.textContent).toMatch(
        /^Accepted by Casey Manager on Nov 20, 2026/,
      );
      expect(query(el, '[data-id="items"]')).toBeUndefined();
      const toggle = query(el, '[data-id="details-toggle"]') as HTMLElement & { label: string };
      expect(toggle.label).toBe('Show details');
      toggle.click();
      await flush();
      expect(query(el, '[data-id="items"]')).toBeDefined();
      await expectAccessible(el);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('handoffPanel: timers of earlier stages, from the stage history', () => {
  it('when the Stage History related list is read, then the SDR’s timer from the first stage is listed as on the HubSpot card; without it only the won deal’s timers', async () => {
    try {
      const withHistory = await panel('sales_rep', 'submitted', '2026-11-20T16:00:00.000Z', true);
      const listed = (el: Element) =>
        queryAll(el, '[data-id="timers"] li > span:first-child').map((s) => s.textContent);
      expect(listed(withHistory)).toEqual([
        'SDR submits the new deal',
        'Rep submits the CS handoff',
        'CS accepts the handoff',
      ]);
      // Prospecting 09:00 → Qualification 13:00 New York: 4 business hours, met on the dot.
      expect(text(withHistory)).toContain('SDR submits the new deal Met');
      withHistory.remove();
      const without = await panel('sales_rep', 'submitted', '2026-11-20T16:00:00.000Z');
      expect(listed(without)).toEqual(['Rep submits the CS handoff', 'CS accepts the handoff']);
    } finally {
      vi.useRealTimers();
    }
  });
});

// A Lead became Marketing Qualified Monday 2026-11-23 09:30 New York and marketing submitted its
// brief at 09:45; at 10:00 nobody has called. Speed to lead (4 business hours) is due 13:30, the
// decision (1 business day) Tuesday 09:45.
const ny = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 5, minute);
const lead = {
  crm: 'salesforce' as const,
  objectType: 'Lead',
  recordId: '00QA',
  stage: 'mql',
  fields: { job_title: 'VP Operations', company_name: 'Acme' },
  stageHistory: [{ stage: 'mql', enteredAt: ny(23, 9, 30) }],
  handoffs: {
    mql_to_sales: {
      status: 'submitted' as const,
      version: 2,
      items: {},
      events: [
        {
          type: 'submitted' as const,
          at: ny(23, 9, 45),
          by: 'u-mkt',
          actionId: 's-1',
          details: {},
        },
      ],
    },
  },
};

describe('handoffRecord: a move made in Salesforce', () => {
  it('when the SDR opens an untouched MQL, then the strip says to make first contact by 1:30 PM, before the decision due tomorrow, and has no button', async () => {
    const view = evaluateRecord(PLAYBOOK, lead, { userId: 'u-sdr', roles: ['sdr'] }, ny(23, 10));
    const el = mount('c-handoff-record', Record, 'sdr', {
      model: panelModel(view, 'America/New_York'),
    });
    await flush();
    expect(text(query(el, '[data-id="next-step"]') as Element)).toBe(
      'Your move On track Due today, 1:30 PM Speed to lead: make first contact (log a call, email or meeting)',
    );
    expect(query(el, '[data-id="next-step-action"]')).toBeUndefined();
    await expectAccessible(el);
  });
});

describe('handoffRecord: a recycled Lead, for marketing', () => {
  it('when marketing opens a Lead an SDR recycled (rejected, back at Lead), then the folded handoff says who rejected it, when, why and the comment, without opening it', async () => {
    const recycled = {
      ...lead,
      recordId: '00QB',
      stage: 'lead',
      stageHistory: [
        { stage: 'mql', enteredAt: ny(23, 9, 30) },
        { stage: 'lead', enteredAt: ny(23, 11) },
      ],
      handoffs: {
        mql_to_sales: {
          ...lead.handoffs.mql_to_sales,
          status: 'rejected' as const,
          version: 3,
          events: [
            ...lead.handoffs.mql_to_sales.events,
            {
              type: 'rejected' as const,
              at: ny(23, 11),
              by: 'u-sdr',
              actionId: 'r-1',
              details: { reason: 'not_ready', comment: 'Budget opens in April.' },
            },
          ],
        },
      },
    };
    const view = evaluateRecord(
      PLAYBOOK,
      recycled,
      { userId: 'u-mkt', roles: ['marketing'] },
      ny(23, 12),
    );
    view.people = { 'u-sdr': 'Iris Novak' };
    const el = mount('c-handoff-record', Record, 'read_only', {
      model: panelModel(view, 'America/New_York'),
    });
    await flush();
    expect(query(el, '[data-id="settled"]')?.textContent).toBe(
      'Rejected — No longer due: the record is at Lead.',
    );
    expect(query(el, '[data-id="rejection"]')?.textContent).toBe(
      'Rejected by Iris Novak on Nov 23, 2026, 11:00 AM: Not ready to buy yet — “Budget opens in April.”',
    );
    expect(query(el, '[data-id="items"]')).toBeUndefined();
    await expectAccessible(el);
  });
});

describe('handoffRecord: no handoff open', () => {
  it('when an opportunity stands where no handoff opens, then the strip says no handoff is open (as the card does), not that nobody needs to act on one', async () => {
    const opportunity = {
      crm: 'salesforce' as const,
      objectType: 'Opportunity',
      recordId: '006Q',
      stage: 'qualified',
      fields: {},
      stageHistory: [{ stage: 'qualified', enteredAt: ny(23, 9) }],
      handoffs: {},
    };
    const view = evaluateRecord(
      PLAYBOOK,
      opportunity,
      { userId: 'u-ae', roles: ['sales_rep'] },
      ny(23, 10),
    );
    expect(view.handoffs).toEqual([]);
    const el = mount('c-handoff-record', Record, 'sales_rep', {
      model: panelModel(view, 'America/New_York'),
    });
    await flush();
    expect(query(el, '[data-id="next-step-none"]')?.textContent).toBe(
      'No handoff is open for this opportunity at its stage.',
    );
    await expectAccessible(el);
  });
});
