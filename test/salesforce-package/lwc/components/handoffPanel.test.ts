import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import Panel from 'c/handoffPanel';
import { createRecord, getRecord, updateRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { graphql } from 'lightning/graphql';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import {
  ACCOUNT_ID,
  HEADER_ID,
  MODIFIED,
  OPP_ID,
  PLAYBOOK_JSON,
  graph,
  header,
  itemNodes,
  opportunity,
  type Status,
} from './fixtures.js';
import {
  byName,
  enabledActions,
  expectAccessible,
  flush,
  mount,
  query,
  queryAll,
  text,
  USER_ID,
  type Role,
} from './harness.js';
import { openPanel } from './panel.js';

const USER = '005000000000001AAA';

beforeEach(() => {
  vi.mocked(createRecord).mockReset();
  vi.mocked(updateRecord).mockReset();
  vi.mocked(updateRecord).mockResolvedValue({});
});

/** A Closed Won opportunity whose Sales → CS handoff is in `status`. */
const panel = (role: Role, status: Status | 'none', itemsDone = true) =>
  openPanel(role, status, { itemsDone });

/** Opens a settled handoff's details (it shows one line until then). */
async function openDetails(el: Element) {
  (query(el, '[data-id="details-toggle"]') as HTMLElement | undefined)?.click();
  await flush();
}

/** The open modal: LightningModal shows it at the end of the document, outside the panel. */
function modal(): HTMLElement | undefined {
  return document.body.querySelector<HTMLElement>('lightning-modal-dialog') ?? undefined;
}

/** The focused element, through shadow roots. */
function deepFocus(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

describe('handoffPanel: what each role may do in each state', () => {
  const cases: [Role, Status, boolean, string[]][] = [
    ['sales_rep', 'in_progress', true, ['submit']],
    ['sales_rep', 'in_progress', false, []],
    ['sales_rep', 'submitted', true, ['withdraw']],
    ['sales_rep', 'accepted', true, []],
    ['sales_rep', 'rejected', true, ['reopen']],
    ['cs_manager', 'in_progress', true, []],
    ['cs_manager', 'submitted', true, ['accept', 'reject']],
    ['cs_manager', 'accepted', true, []],
    ['cs_manager', 'rejected', true, []],
    ['admin', 'in_progress', true, ['submit']],
    ['admin', 'submitted', true, ['accept', 'reject', 'withdraw']],
    ['admin', 'accepted', true, []],
    ['admin', 'rejected', true, ['reopen']],
    ['read_only', 'in_progress', true, []],
    ['read_only', 'submitted', true, []],
    ['read_only', 'accepted', true, []],
  ];
  it.each(cases)(
    'when a %s views a %s handoff (items done: %s), then the actions are %j',
    async (role, status, done, actions) => {
      const el = await panel(role, status, done);
      expect(text(el)).toContain('Sales → CS');
      expect(enabledActions(el)).toEqual(actions);
      await expectAccessible(el);
    },
  );

  it('when required items are open, then Submit is disabled and says why', async () => {
    const el = await panel('sales_rep', 'in_progress', false);
    const submit = byName(el, 'lightning-button', 'submit') as HTMLElement & { disabled: boolean };
    expect(submit.disabled).toBe(true);
    expect(query(el, '[data-reason="submit"]')?.textContent).toMatch(/\w/);
    await expectAccessible(el);
  });

  it('when the handoff is submitted or accepted, then nobody can edit its items', async () => {
    for (const status of ['submitted', 'accepted'] as const) {
      const el = await panel('admin', status);
      // An accepted handoff is settled: one line until its details are opened.
      if (status === 'accepted') await openDetails(el);
      const inputs = queryAll(
        el,
        '[data-id="items"] lightning-input, [data-id="items"] lightning-combobox',
      );
      expect(inputs.length).toBeGreaterThan(0);
      expect(inputs.every((i) => (i as HTMLElement & { disabled: boolean }).disabled)).toBe(true);
      await expectAccessible(el);
      el.remove();
    }
  });

  it('when rejected, then the reason and comment show, and the history lists the events', async () => {
    const el = await panel('sales_rep', 'rejected');
    expect(query(el, '[data-id="rejection"]')?.textContent).toBe(
      'Rejected by Casey Manager on Nov 20, 2026, 9:30 AM: Missing or vague information — “Add the champion”',
    );
    // The rejection's own time (Rejected_At__c, 09:30 New York), not the header's last change (10:00).
    expect(query(el, '[data-id="history"]')?.textContent).toMatch(
      /Nov 20, 2026, 9:00 AM — Submitted by Riley Rep.*Nov 20, 2026, 9:30 AM — Rejected by Casey Manager/,
    );
    await expectAccessible(el);
  });

  it('when a rejected handoff’s deal went back to Negotiation, then it is folded and its folded line says who rejected it, when and why; opened, it is not said twice', async () => {
    const el = await openPanel('sales_rep', 'rejected', { stageName: 'Negotiation/Review' });
    const cs = (selector: string) => queryAll(el, `[data-handoff="sales_to_cs"] ${selector}`);
    expect(cs('[data-id="settled"]')[0]?.textContent).toBe(
      'Rejected — No longer due: the record is at Contract sent.',
    );
    expect(cs('[data-id="items"]')).toHaveLength(0);
    expect(cs('[data-id="rejection"]').map((p) => p.textContent?.trim())).toEqual([
      'Rejected by Casey Manager on Nov 20, 2026, 9:30 AM: Missing or vague information — “Add the champion”',
    ]);
    await expectAccessible(el);
    (cs('[data-id="details-toggle"]')[0] as HTMLElement).click();
    await flush();
    expect(cs('[data-id="items"]')).toHaveLength(1);
    expect(cs('[data-id="rejection"]')).toHaveLength(1);
    await expectAccessible(el);
  });

  it('when the header and items carry the people’s names, then milestones, history and items say who, "you" for the viewer', async () => {
    const el = mount('c-handoff-panel', Panel, 'cs_manager', {
      recordId: OPP_ID,
      objectApiName: 'Opportunity',
    });
    const items = itemNodes(true).map((node, n) =>
      n === 0 ? { ...node, Done_By__c: { value: USER_ID }, Done_By__r: null } : node,
    );
    const accepted = header('accepted');
    // The viewer accepted it.
    accepted.fields.Accepted_By__c = { value: USER_ID, displayValue: null };
    graphql.emit(graph(PLAYBOOK_JSON, items));
    getRecord.emit(opportunity());
    getRelatedListRecords.emit({ records: [accepted] });
    await flush();
    expect(query(el, '[data-id="settled"]')?.textContent).toBe(
      'Accepted by you on Nov 20, 2026, 10:00 AM',
    );
    await openDetails(el);
    expect(queryAll(el, '[data-id="milestones"] li').map((li) => li.textContent)).toEqual([
      'Submitted by Riley Rep on Nov 20, 2026, 9:00 AM',
      'Accepted by you on Nov 20, 2026, 10:00 AM',
    ]);
    expect(query(el, '[data-id="history"]')?.textContent).toMatch(
      /Nov 20, 2026, 9:00 AM — Submitted by Riley Rep.*Nov 20, 2026, 10:00 AM — Accepted by you/,
    );
    const done = (id: string) =>
      query(el, `[data-item="${id}"] .slds-text-color_weak`)?.textContent;
    expect(done('customer_goals')).toBe('Done by you on Nov 20, 2026, 8:00 AM');
    expect(done('promises')).toBe('Done by Riley Rep on Nov 20, 2026, 8:00 AM');
    await expectAccessible(el);
  });

  it('when the names could not be read (optional fields left out), then the times show alone', async () => {
    const el = mount('c-handoff-panel', Panel, 'sales_rep', {
      recordId: OPP_ID,
      objectApiName: 'Opportunity',
    });
    const items = itemNodes(true).map((node) => ({ ...node, Done_By__r: null }));
    graphql.emit(graph(PLAYBOOK_JSON, items));
    getRecord.emit(opportunity());
    getRelatedListRecords.emit({ records: [header('rejected', 3, false)] });
    await flush();
    expect(query(el, '[data-id="rejection"]')?.textContent).toBe(
      'Rejected on Nov 20, 2026, 9:30 AM: Missing or vague information — “Add the champion”',
    );
    expect(queryAll(el, '[data-id="milestones"] li').map((li) => li.textContent)).toEqual([
      'Submitted on Nov 20, 2026, 9:00 AM',
    ]);
    expect(query(el, '[data-id="history"]')?.textContent).toMatch(
      /Nov 20, 2026, 9:00 AM — Submitted.*Nov 20, 2026, 9:30 AM — Rejected/,
    );
    expect(query(el, '[data-item="promises"] .slds-text-color_weak')?.textContent).toBe(
      'Done Nov 20, 2026, 8:00 AM',
    );
    await expectAccessible(el);
  });
});

describe('handoffPanel: writes through Lightning Data Service', () => {
  it('when a sales rep submits, then the header is updated with the action, a fresh id and ifUnmodifiedSince', async () => {
    const el = await panel('sales_rep', 'in_progress');
    byName(el, 'lightning-button', 'submit')?.click();
    await flush();
    expect(updateRecord).toHaveBeenCalledTimes(1);
    const [input, options] = vi.mocked(updateRecord).mock.calls[0] ?? [];
    expect(input.fields).toMatchObject({
      Id: HEADER_ID,
      Status__c: 'submitted',
      Action__c: 'submit',
      Version__c: 4,
      Submitted_By__c: USER,
    });
    expect(input.fields.Action_Id__c).toMatch(/\S{6,}/);
    expect(options).toEqual({ ifUnmodifiedSince: MODIFIED });
    await expectAccessible(el);
  });

  it('when two submits happen, then each carries its own action id', async () => {
    const el = await panel('sales_rep', 'in_progress');
    byName(el, 'lightning-button', 'submit')?.click();
    await flush();
    byName(el, 'lightning-button', 'submit')?.click();
    await flush();
    const ids = vi.mocked(updateRecord).mock.calls.map(([input]) => input.fields.Action_Id__c);
    expect(new Set(ids).size).toBe(2);
  });

  it('when a CS manager accepts, then the header becomes accepted by them', async () => {
    const el = await panel('cs_manager', 'submitted');
    byName(el, 'lightning-button', 'accept')?.click();
    await flush();
    const [input] = vi.mocked(updateRecord).mock.calls[0] ?? [];
    expect(input.fields).toMatchObject({
      Status__c: 'accepted',
      Action__c: 'accept',
      Accepted_By__c: USER,
    });
  });

  it('when a CS manager rejects, then a modal asks for a reason and a comment before writing', async () => {
    // Only Date is faked: the engine's microtasks must keep running.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-23T15:00:00.000Z') });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const el = await panel('cs_manager', 'submitted');
    byName(el, 'lightning-button', 'reject')?.click();
    await flush();
    const dialog = modal();
    expect(dialog?.getAttribute('role')).toBe('dialog');
    expect(dialog?.getAttribute('aria-label')).toBe('Reject Sales → CS');
    const confirm = byName(
      dialog as HTMLElement,
      'lightning-button',
      'confirm-reject',
    ) as HTMLElement & {
      disabled: boolean;
    };
    expect(confirm.disabled).toBe(true);
    await expectAccessible(dialog as HTMLElement);
    byName(dialog as HTMLElement, 'lightning-combobox', 'reason')?.dispatchEvent(
      new CustomEvent('change', { detail: { value: 'promises_unclear' } }),
    );
    byName(dialog as HTMLElement, 'lightning-textarea', 'comment')?.dispatchEvent(
      new CustomEvent('change', { detail: { value: ' Which discount? ' } }),
    );
    await flush();
    expect(confirm.disabled).toBe(false);
    confirm.click();
    await flush();
    const [input, options] = vi.mocked(updateRecord).mock.calls[0] ?? [];
    expect(input.fields).toMatchObject({
      Status__c: 'rejected',
      Action__c: 'reject',
      Rejected_By__c: USER,
      Rejected_At__c: '2026-11-23T15:00:00.000Z',
      Rejection_Reason__c: 'promises_unclear',
      Rejection_Comment__c: 'Which discount?',
    });
    expect(options).toEqual({ ifUnmodifiedSince: MODIFIED });
    expect(modal()).toBeUndefined();
  });

  it('when the reject modal is open, then focus is inside it; Escape closes it without writing and focus returns to the Reject button', async () => {
    const el = await panel('cs_manager', 'submitted');
    const reject = byName(el, 'lightning-button', 'reject') as HTMLElement;
    const button = reject.shadowRoot?.querySelector('button') as HTMLElement;
    button.focus();
    expect(deepFocus()).toBe(button);
    reject.click();
    await flush();
    const dialog = modal() as HTMLElement;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    // Focus is in the dialog (the document sees its host), on its first button (Cancel).
    expect(document.activeElement).toBe(dialog);
    expect(deepFocus()?.getAttribute('aria-label')).toBe('Cancel');
    await expectAccessible(dialog);
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flush();
    expect(modal()).toBeUndefined();
    expect(deepFocus()).toBe(button);
    expect(updateRecord).not.toHaveBeenCalled();
    await expectAccessible(el);
  });

  it('when a sales rep fills an item, then only its row is written (no header write, no conflict)', async () => {
    const el = await panel('sales_rep', 'in_progress', false);
    const input = byName(el, 'lightning-input', 'champion') as HTMLElement & { value: string };
    input.value = 'Dana Diaz';
    input.dispatchEvent(new CustomEvent('commit'));
    await flush();
    expect(updateRecord).toHaveBeenCalledTimes(1);
    const [write] = vi.mocked(updateRecord).mock.calls[0] ?? [];
    expect(write.fields).toMatchObject({ Value__c: 'Dana Diaz', Done__c: true, Done_By__c: USER });
    expect(write.fields.Id).toMatch(/^a02/);
  });

  it('when a sales rep picks a date, then it is saved from the change event (a date input commits before it takes the value)', async () => {
    const el = await panel('sales_rep', 'in_progress', false);
    const input = byName(el, 'lightning-input', 'kickoff_date') as HTMLElement & { value: string };
    // What lightning-input does for a date: commit first, with the old value still in place…
    input.dispatchEvent(new CustomEvent('commit'));
    await flush();
    expect(updateRecord).not.toHaveBeenCalled();
    // …then change, carrying the picked date.
    input.dispatchEvent(new CustomEvent('change', { detail: { value: '2026-12-03' } }));
    await flush();
    expect(updateRecord).toHaveBeenCalledTimes(1);
    const [write] = vi.mocked(updateRecord).mock.calls[0] ?? [];
    expect(write.fields).toMatchObject({ Value__c: '2026-12-03', Done__c: true });
  });

  it('when an item is ticked on a rejected handoff, then the header moves back to in progress too', async () => {
    const el = await panel('sales_rep', 'rejected');
    byName(el, 'lightning-input', 'intro_call')?.dispatchEvent(
      new CustomEvent('change', { detail: { checked: true } }),
    );
    await flush();
    const writes = vi.mocked(updateRecord).mock.calls.map(([input]) => input.fields);
    expect(writes[0]).toMatchObject({ Value__c: 'true', Done__c: true });
    expect(writes[1]).toMatchObject({
      Id: HEADER_ID,
      Status__c: 'in_progress',
      Action__c: 'set_item',
    });
  });

  it('when a validation rule refuses the write, then its message shows as a sentence', async () => {
    vi.mocked(updateRecord).mockRejectedValue({
      body: {
        message: 'An error occurred while trying to update the record. Please try again.',
        output: {
          errors: [
            {
              errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
              message:
                'The handoff cannot be submitted yet: required checklist items are still to do.',
            },
          ],
          fieldErrors: {},
        },
      },
    });
    const el = await panel('sales_rep', 'in_progress');
    byName(el, 'lightning-button', 'submit')?.click();
    await flush(10);
    const alert = query(el, '[data-id="action-error"]');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent).toBe(
      'The handoff cannot be submitted yet: required checklist items are still to do.',
    );
    await expectAccessible(el);
  });
});

describe('handoffPanel: creating a handoff when its stage is reached', () => {
  it('when no Handoff__c exists at Closed Won, then the header and every typed-in item are created', async () => {
    vi.mocked(createRecord).mockImplementation(
      async (input: { apiName: string; fields: Record<string, unknown> }) => ({
        id: input.apiName === 'Handoff__c' ? HEADER_ID : 'a02000000000099AAA',
        fields: Object.fromEntries(Object.entries(input.fields).map(([k, v]) => [k, { value: v }])),
      }),
    );
    const el = await panel('sales_rep', 'none');
    await flush(20);
    const calls = vi.mocked(createRecord).mock.calls.map(([input]) => input);
    expect(calls[0]).toMatchObject({
      apiName: 'Handoff__c',
      fields: {
        Opportunity__c: OPP_ID,
        Account__c: ACCOUNT_ID,
        Handoff_Id__c: 'sales_to_cs',
        Record_Key__c: `${OPP_ID}:sales_to_cs`,
        Status__c: 'not_started',
        Required_Items__c: 8,
      },
    });
    const items = calls.slice(1);
    expect(items).toHaveLength(10);
    expect(
      items.every((i) => i.apiName === 'Handoff_Item__c' && i.fields.Handoff__c === HEADER_ID),
    ).toBe(true);
    expect(items.filter((i) => i.fields.Required__c).length).toBe(8);
    await expectAccessible(el);
  });

  it('when an earlier creation stopped half-way, then only the missing items are created', async () => {
    vi.mocked(createRecord).mockResolvedValue({ id: 'a02000000000098AAA', fields: {} });
    mount('c-handoff-panel', Panel, 'sales_rep', {
      recordId: OPP_ID,
      objectApiName: 'Opportunity',
    });
    graphql.emit(graph(PLAYBOOK_JSON, itemNodes(false).slice(0, 4)));
    getRecord.emit(opportunity());
    getRelatedListRecords.emit({ records: [header('not_started', 0)] });
    await flush(20);
    const keys = vi.mocked(createRecord).mock.calls.map(([input]) => input.fields.Item_Id__c);
    expect(keys).toHaveLength(6);
    expect(keys).not.toContain('customer_goals');
  });

  it('when the viewer holds no Handoff permission, then nothing is created', async () => {
    const el = await panel('read_only', 'none');
    await flush(10);
    expect(createRecord).not.toHaveBeenCalled();
    await expectAccessible(el);
  });
});

describe('handoffPanel: roles from the playbook, read from the viewer’s User record', () => {
  /** A first-stage (Prospecting) opportunity whose SDR → AE handoff is submitted. */
  async function sdrToAe(role: Role) {
    const el = mount('c-handoff-panel', Panel, role, {
      recordId: OPP_ID,
      objectApiName: 'Opportunity',
    });
    const submitted = header('submitted');
    graphql.emit(graph(PLAYBOOK_JSON));
    getRecord.emit(opportunity('Prospecting'));
    getRelatedListRecords.emit({
      records: [
        {
          ...submitted,
          fields: {
            ...submitted.fields,
            Handoff_Id__c: { value: 'sdr_to_ae', displayValue: null },
            Record_Key__c: { value: `${OPP_ID}:sdr_to_ae`, displayValue: null },
          },
        },
      ],
    });
    await flush();
    return el;
  }

  it.each([
    ['sales_rep', ['accept', 'reject']],
    ['sdr', ['withdraw']],
    ['cs_manager', []],
    ['admin', ['accept', 'reject', 'withdraw']],
  ] as const)(
    'when %s views a submitted SDR → AE handoff, then the actions are %j (the AE accepts what the SDR submits)',
    async (role, actions) => {
      const el = await sdrToAe(role);
      expect(text(el)).toContain('SDR → AE');
      expect(enabledActions(el)).toEqual(actions);
      await expectAccessible(el);
    },
  );

  it('when the User record has not arrived, then the panel waits, then shows the roles’ actions', async () => {
    const el = mount(
      'c-handoff-panel',
      Panel,
      'cs_manager',
      { recordId: OPP_ID, objectApiName: 'Opportunity' },
      { emitUser: false },
    );
    graphql.emit(graph(PLAYBOOK_JSON, itemNodes(true)));
    getRecord.emit(opportunity());
    getRelatedListRecords.emit({ records: [header('submitted')] });
    await flush();
    expect(query(el, '[data-id="loading"] lightning-spinner')).toBeDefined();
    expect(enabledActions(el)).toEqual([]);
    getRecord.emit({
      id: USER_ID,
      apiName: 'User',
      fields: { Handoff_Roles__c: { value: 'cs_manager', displayValue: 'cs_manager' } },
    });
    await flush();
    expect(query(el, '[data-id="loading"]')).toBeUndefined();
    expect(enabledActions(el)).toEqual(['accept', 'reject']);
    await expectAccessible(el);
  });

  it('when the User record cannot be read, then the panel says so instead of guessing the roles', async () => {
    const el = mount(
      'c-handoff-panel',
      Panel,
      'cs_manager',
      { recordId: OPP_ID, objectApiName: 'Opportunity' },
      { emitUser: false },
    );
    graphql.emit(graph(PLAYBOOK_JSON, itemNodes(true)));
    getRecord.emit(opportunity());
    getRelatedListRecords.emit({ records: [header('submitted')] });
    getRecord.emitError(
      { body: { message: 'You do not have access to the User record.' }, status: 403 },
      (config) => config.recordId === USER_ID,
    );
    await flush();
    const error = query(el, '[data-id="load-error"]')?.textContent;
    expect(error).toContain('Your Handoff roles could not be read.');
    expect(error).toContain('You do not have access to the User record.');
    expect(enabledActions(el)).toEqual([]);
    await expectAccessible(el);
  });
});

describe('handoffPanel: loading, errors and configuration', () => {
  it('when LDS has not answered yet, then a labelled spinner shows', async () => {
    const el = mount('c-handoff-panel', Panel, 'sales_rep', {
      recordId: OPP_ID,
      objectApiName: 'Opportunity',
    });
    await flush();
    expect(query(el, '[data-id="loading"] lightning-spinner')).toBeDefined();
    await expectAccessible(el);
  });

  it('when the record cannot be read, then the error shows as a sentence', async () => {
    const el = mount('c-handoff-panel', Panel, 'sales_rep', {
      recordId: OPP_ID,
      objectApiName: 'Opportunity',
    });
    graphql.emit(graph(PLAYBOOK_JSON));
    getRecord.error({ message: 'You do not have access to this record.' }, 403, 'Forbidden');
    await flush();
    expect(query(el, '[data-id="load-error"]')?.textContent).toContain(
      'You do not have access to this record.',
    );
    await expectAccessible(el);
  });

  it('when no playbook is active, then the panel says Handoff is not configured', async () => {
    const el = mount('c-handoff-panel', Panel, 'admin', {
      recordId: OPP_ID,
      objectApiName: 'Opportunity',
    });
    graphql.emit(graph(null));
    getRecord.emit(opportunity());
    getRelatedListRecords.emit({ records: [] });
    await flush();
    expect(query(el, '[data-id="not-configured"]')?.textContent).toContain('no playbook yet');
    expect(createRecord).not.toHaveBeenCalled();
    await expectAccessible(el);
  });

  it('when the stored playbook is invalid, then its issues show with their paths', async () => {
    const el = mount('c-handoff-panel', Panel, 'admin', {
      recordId: OPP_ID,
      objectApiName: 'Opportunity',
    });
    const broken = JSON.parse(PLAYBOOK_JSON);
    broken.handoffs[1].opensAt = 'closed_wonn';
    graphql.emit(graph(JSON.stringify(broken)));
    getRecord.emit(opportunity());
    getRelatedListRecords.emit({ records: [] });
    await flush();
    expect(query(el, '[data-id="broken-playbook"]')?.textContent).toContain('handoffs[1].opensAt');
    await expectAccessible(el);
  });

  it('when the stage is not mapped, then the problem is named and nothing breaks', async () => {
    const el = mount('c-handoff-panel', Panel, 'sales_rep', {
      recordId: OPP_ID,
      objectApiName: 'Opportunity',
    });
    graphql.emit(graph(PLAYBOOK_JSON));
    getRecord.emit(opportunity('Custom Stage'));
    getRelatedListRecords.emit({ records: [] });
    await flush();
    expect(query(el, '[data-id="problems"]')?.textContent).toContain('Custom Stage');
    await expectAccessible(el);
  });

  it('when on a stage with exit criteria, then each shows its verdict and reason', async () => {
    const el = mount('c-handoff-panel', Panel, 'sales_rep', {
      recordId: OPP_ID,
      objectApiName: 'Opportunity',
    });
    graphql.emit(graph(PLAYBOOK_JSON));
    getRecord.emit(opportunity('Negotiation/Review', { NextStep: null }));
    getRelatedListRecords.emit({ records: [] });
    await flush();
    const criteria = query(el, '[data-id="exit-criteria"]');
    expect(criteria?.textContent).toContain('Next step written down');
    const icons = queryAll(el, '[data-id="exit-criteria"] lightning-icon').map(
      (i) => (i as HTMLElement & { alternativeText: string }).alternativeText,
    );
    expect(icons).toEqual(['Passes', 'Passes', 'Warning']);
    await expectAccessible(el);
  });

  it('when the next stage has entry criteria, then they show under its name, as on the HubSpot card', async () => {
    const el = mount('c-handoff-panel', Panel, 'sales_rep', {
      recordId: OPP_ID,
      objectApiName: 'Opportunity',
    });
    graphql.emit(graph(PLAYBOOK_JSON));
    getRecord.emit(opportunity('Prospecting', { Pain__c: null }));
    getRelatedListRecords.emit({ records: [] });
    await flush();
    const entry = query(el, '[data-id="entry-criteria"]');
    expect(entry?.closest('section')?.querySelector('h2')?.textContent).toBe(
      'To enter Qualified to buy',
    );
    expect(entry?.textContent).toContain('Pain identified');
    expect(entry?.textContent).toContain('must be filled in');
    await expectAccessible(el);
  });

  it('with an App Builder handoff id, then only that handoff shows', async () => {
    const el = mount('c-handoff-panel', Panel, 'sales_rep', {
      recordId: OPP_ID,
      objectApiName: 'Opportunity',
      handoffId: 'sdr_to_ae',
    });
    graphql.emit(graph(PLAYBOOK_JSON, itemNodes(true)));
    getRecord.emit(opportunity());
    getRelatedListRecords.emit({ records: [header('submitted')] });
    await flush();
    expect(text(el)).not.toContain('Sales → CS');
  });
});

describe('handoffPanel on an Account', () => {
  it("shows the handoffs of the account's opportunities, linked to each opportunity", async () => {
    const el = mount('c-handoff-panel', Panel, 'cs_manager', {
      recordId: ACCOUNT_ID,
      objectApiName: 'Account',
    });
    const forAccount = (config: Record<string, unknown>) =>
      (config.variables as { accountId?: string } | undefined)?.accountId === ACCOUNT_ID;
    graphql.emit(graph(PLAYBOOK_JSON), (config) => !forAccount(config));
    await flush();
    const list = (id: string) => (config: Record<string, unknown>) =>
      config.parentRecordId === ACCOUNT_ID && config.relatedListId === id;
    getRelatedListRecords.emit(
      { records: [opportunity('Closed Won', { Name: 'Acme renewal' })] },
      list('Opportunities'),
    );
    getRelatedListRecords.emit({ records: [header('submitted')] }, list('Handoffs__r'));
    graphql.emit(graph(null, itemNodes(true)), forAccount);
    await flush();
    const shown = query(el, '[data-id="account-handoffs"]');
    expect(shown?.textContent).toContain('Acme renewal');
    expect(shown?.textContent).toContain('Sales → CS');
    expect(shown?.textContent).toContain('Submitted');
    expect(query(el, '[data-id="account-handoffs"] a')?.getAttribute('href')).toBe(
      `/lightning/r/Opportunity/${OPP_ID}/view`,
    );
    expect(getRecord.getLastConfig().recordId).toBeUndefined();
    await expectAccessible(el);
  });
});

describe('handoffPanel on a Lead', () => {
  it('when it is placed on a Lead page, then it says what runs on the Lead instead of failing to read it as an opportunity', async () => {
    const el = mount('c-handoff-panel', Panel, 'sdr', {
      recordId: '00Q000000000001AAA',
      objectApiName: 'Lead',
    });
    graphql.emit(graph(PLAYBOOK_JSON, []));
    await flush();
    expect(query(el, '[data-id="load-error"]')).toBeUndefined();
    expect(query(el, '[data-id="lead-note"]')?.textContent).toContain(
      'Speed to lead runs on this Lead',
    );
    // No opportunity read: a Lead id given to the Opportunity wires would fail.
    expect(getRecord.getLastConfig().recordId).not.toBe('00Q000000000001AAA');
    await expectAccessible(el);
  });
});

describe('handoffPanel: SLA timers', () => {
  it.each([
    // Submitted Friday 20 November 09:00 New York: CS's clock starts there.
    ['2026-11-20T16:00:00.000Z', 'On track', /left\./],
    ['2026-11-25T16:00:00.000Z', 'Breached', /Was due/],
  ])('when it is %s, then the won-deal timer reads %s', async (now, state, detail) => {
    // Only Date is faked: the engine's microtasks must keep running.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(now) });
    try {
      const el = await panel('cs_manager', 'submitted');
      const timers = query(el, '[data-id="timers"]');
      expect(timers?.textContent).toContain('CS accepts the handoff');
      expect(timers?.textContent).toContain(state);
      expect(timers?.textContent).toMatch(detail);
      await expectAccessible(el);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('handoffPanel: SLA timers while a handoff is rejected', () => {
  // Submitted Friday 09:00 New York, rejected 09:30: half an hour of CS's 8 business hours used.
  // The header's last change (Friday 10:00) would have used an hour.
  it('when the handoff is rejected, then the won-deal timer is paused at Rejected_At__c, not at the header’s last change', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-25T16:00:00.000Z') });
    try {
      const el = await panel('cs_manager', 'rejected');
      const timers = query(el, '[data-id="timers"]');
      expect(timers?.textContent).toContain('Paused');
      expect(timers?.textContent).toContain('Paused with 7 h 30 min of business time left.');
      await expectAccessible(el);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('handoffPanel: stage labels from the org', () => {
  const MASTER = '012000000000000AAA';
  /** StageName as an org with renamed (here: German) labels has it; API values stay English. */
  const PICKLIST = {
    controllerValues: {},
    defaultValue: null,
    values: [
      ['Prospecting', 'Akquise'],
      ['Qualification', 'Qualifizierung'],
      ['Needs Analysis', 'Bedarfsanalyse'],
      ['Closed Won', 'Gewonnen'],
      ['Closed Lost', 'Verloren'],
    ].map(([value, label]) => ({ attributes: null, label, validFor: [], value })),
  };
  const steps = (el: Element) =>
    queryAll(el, 'lightning-progress-step').map(
      (s) => (s as HTMLElement & { label: string }).label,
    );

  async function panelAt(stageName: string, recordTypeId?: string) {
    const el = mount('c-handoff-panel', Panel, 'sales_rep', {
      recordId: OPP_ID,
      objectApiName: 'Opportunity',
    });
    graphql.emit(graph(PLAYBOOK_JSON));
    getRecord.emit({ ...opportunity(stageName), ...(recordTypeId ? { recordTypeId } : {}) });
    getRelatedListRecords.emit({ records: [] });
    getObjectInfo.emit({ apiName: 'Opportunity', defaultRecordTypeId: MASTER });
    await flush();
    return el;
  }

  it("when the org's picklist answers, then the stages and the current stage read its labels", async () => {
    const el = await panelAt('Needs Analysis');
    expect(getObjectInfo.getLastConfig()).toEqual({
      objectApiName: { objectApiName: 'Opportunity' },
    });
    expect(getPicklistValues.getLastConfig()).toEqual({
      recordTypeId: MASTER,
      fieldApiName: { objectApiName: 'Opportunity', fieldApiName: 'StageName' },
    });
    getPicklistValues.emit(PICKLIST);
    await flush();
    expect(steps(el)).toContain('Qualifizierung / Bedarfsanalyse');
    expect(steps(el)).toContain('Gewonnen');
    // Stages whose StageNames the org does not have keep the playbook's names.
    expect(steps(el)).toContain('Contract sent');
    const current = query(el, '[data-id="current-stage"]')?.textContent;
    expect(current).toContain('Stage: Bedarfsanalyse.');
    expect(current).not.toContain('Qualified to buy');
    await expectAccessible(el);
  });

  it("when the record has its own record type, then that type's picklist is read", async () => {
    await panelAt('Closed Won', '012000000000002AAA');
    expect(getPicklistValues.getLastConfig().recordTypeId).toBe('012000000000002AAA');
  });

  it("when the labels are still loading, then the playbook's stage names show", async () => {
    const el = await panelAt('Needs Analysis');
    expect(steps(el)).toContain('Qualified to buy');
    // The path prints the current step's name; the panel's own line does not repeat it.
    expect(query(el, '[data-id="current-stage"]')?.textContent).not.toContain('Stage:');
    await expectAccessible(el);
  });

  it("when the picklist cannot be read, then the playbook's stage names show and the panel still works", async () => {
    const el = await panelAt('Needs Analysis');
    getPicklistValues.emit(PICKLIST);
    await flush();
    getPicklistValues.error({ message: 'No access to StageName' }, 403, 'Forbidden');
    await flush();
    expect(steps(el)).toContain('Qualified to buy');
    expect(steps(el)).not.toContain('Qualifizierung / Bedarfsanalyse');
    // The path prints the current step's name; the panel's own line does not repeat it.
    expect(query(el, '[data-id="current-stage"]')?.textContent).not.toContain('Stage:');
    expect(query(el, '[data-id="load-error"]')).toBeUndefined();
    await expectAccessible(el);
  });
});
