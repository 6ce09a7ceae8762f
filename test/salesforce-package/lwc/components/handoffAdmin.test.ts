import { beforeEach, describe, expect, it, vi } from 'vitest';
import Admin from 'c/handoffAdmin';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { graphql } from 'lightning/graphql';
import { PLAYBOOK_JSON, graph } from './fixtures.js';
import { byName, expectAccessible, flush, mount, query, queryAll } from './harness.js';

beforeEach(() => {
  vi.mocked(createRecord).mockReset();
  vi.mocked(updateRecord).mockReset();
});

async function admin(role: 'admin' | 'sales_rep', stored: string | null) {
  const el = mount('c-handoff-admin', Admin, role);
  graphql.emit(graph(stored));
  await flush();
  return el;
}

const area = (el: HTMLElement) => query(el, 'textarea[name="playbook"]') as HTMLTextAreaElement;

function type(el: HTMLElement, text: string) {
  area(el).value = text;
  area(el).dispatchEvent(new Event('input'));
}

const save = (el: HTMLElement) =>
  byName(el, 'lightning-button', 'save') as HTMLElement & { disabled: boolean };

describe('handoffAdmin', () => {
  it('when someone without Handoff Admin Config opens it, then the playbook is shown read-only with the reason and no Save', async () => {
    const el = await admin('sales_rep', PLAYBOOK_JSON);
    expect(query(el, '[data-id="denied"]')?.textContent).toContain(
      'Read-only: changing the Handoff playbook needs the Handoff Admin Config permission',
    );
    expect(area(el).readOnly).toBe(true);
    expect(area(el).value).toBe(PLAYBOOK_JSON);
    expect(save(el)).toBeUndefined();
    await expectAccessible(el);
  });

  it('when an admin opens it, then the text is editable', async () => {
    const el = await admin('admin', PLAYBOOK_JSON);
    expect(area(el).readOnly).toBe(false);
  });

  it('when the playbook holds four problems of mixed kinds, then all four are listed in text order with line and column, and a click selects the spot in the text and scrolls to it', async () => {
    const el = await admin('admin', PLAYBOOK_JSON);
    const broken = JSON.parse(PLAYBOOK_JSON);
    broken.stages[0].exit[0].rule.field = 'amuont';
    delete broken.stages[1].label;
    broken.handoffs[0].opensAt = 'nowhere';
    broken.slas[0].target.amount = 0;
    const text = JSON.stringify(broken, null, 2);
    type(el, text);
    await flush();
    expect(query(el, '[data-id="summary"]')?.textContent).toBe(
      '4 problems: the playbook cannot be saved yet.',
    );
    const items = queryAll(el, '[data-id="issues"] li');
    const lines = text.split('\n');
    const listed = items.map((li) => {
      const [, line, column] = /Line (\d+), column (\d+)/.exec(li.textContent ?? '') ?? [];
      return {
        path: li.querySelector('code')?.textContent,
        at: lines[Number(line) - 1]?.slice(Number(column) - 1, Number(column) + 9),
      };
    });
    expect(listed).toEqual([
      { path: 'stages[0].exit[0].rule.field', at: '"field": "' },
      { path: 'stages[1].label', at: '{' },
      { path: 'handoffs[0].opensAt', at: '"opensAt":' },
      { path: 'slas[0].target.amount', at: '"amount": ' },
    ]);
    expect(items[0]?.querySelector('[data-id="excerpt"]')?.textContent).toBe('"field": "amuont"');
    (items[2]?.querySelector('button') as HTMLButtonElement).click();
    const start = text.indexOf('"opensAt"');
    const textarea = area(el);
    expect([textarea.selectionStart, textarea.selectionEnd]).toEqual([
      start,
      start + '"opensAt"'.length,
    ]);
    // Scrolled to two lines above the problem's line (20 px a line where no style is computed).
    const line = text.slice(0, start).split('\n').length;
    expect(textarea.scrollTop).toBe((line - 3) * 20);
    await expectAccessible(el);
  });

  it('when an admin opens it, then the active playbook is summarised and can be saved', async () => {
    const el = await admin('admin', PLAYBOOK_JSON);
    expect(query(el, '[data-id="summary"]')?.textContent).toMatch(/stages, 4 handoffs/);
    expect(save(el).disabled).toBe(false);
    await expectAccessible(el);
  });

  it('when the admin breaks a reference, then the issue shows with its path and saving is off', async () => {
    const el = await admin('admin', PLAYBOOK_JSON);
    const broken = JSON.parse(PLAYBOOK_JSON);
    broken.stages[0].exit[0].rule.field = 'amountt';
    type(el, JSON.stringify(broken));
    await flush();
    expect(query(el, '[data-id="issues"]')?.textContent).toContain('stages[0].exit[0].rule');
    expect(query(el, '[data-id="summary"]')?.textContent).toBe(
      '1 problem: the playbook cannot be saved yet.',
    );
    expect(save(el).disabled).toBe(true);
    await expectAccessible(el);
  });

  it('when the text is YAML, then it says the playbook must be JSON', async () => {
    const el = await admin('admin', PLAYBOOK_JSON);
    type(el, 'name: Default\nversion: 1');
    await flush();
    expect(query(el, '[data-id="issues"]')?.textContent).toContain('not valid JSON');
    await expectAccessible(el);
  });

  it('when saved over the active playbook, then that record is updated', async () => {
    vi.mocked(updateRecord).mockResolvedValue({});
    const el = await admin('admin', PLAYBOOK_JSON);
    save(el).click();
    await flush();
    expect(updateRecord).toHaveBeenCalledWith({
      fields: { Id: 'a03000000000001AAA', Playbook_Text__c: PLAYBOOK_JSON },
    });
    expect(query(el, '[data-id="saved"]')).toBeDefined();
    await expectAccessible(el);
  });

  it('when there is no playbook yet, then saving creates the active one', async () => {
    vi.mocked(createRecord).mockResolvedValue({ id: 'a03000000000002AAA', fields: {} });
    const el = await admin('admin', null);
    type(el, PLAYBOOK_JSON);
    await flush();
    save(el).click();
    await flush();
    const [input] = vi.mocked(createRecord).mock.calls[0] ?? [];
    expect(input).toMatchObject({
      apiName: 'Handoff_Playbook__c',
      fields: { Playbook_Text__c: PLAYBOOK_JSON, Active__c: true },
    });
  });

  it('when the save is refused, then the reason shows as a sentence', async () => {
    vi.mocked(updateRecord).mockRejectedValue({
      body: {
        output: {
          errors: [
            { message: 'Changing the Handoff playbook needs the Handoff Admin Config permission.' },
          ],
          fieldErrors: {},
        },
      },
    });
    const el = await admin('admin', PLAYBOOK_JSON);
    save(el).click();
    await flush(10);
    expect(query(el, '[data-id="save-error"]')?.textContent).toContain(
      'needs the Handoff Admin Config',
    );
    await expectAccessible(el);
  });
});
