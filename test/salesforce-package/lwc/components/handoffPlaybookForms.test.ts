// The Salesforce admin panel's forms (issue 18 item 6): each writes its change into the JSON text
// with the core's editPlaybookJson and hands the text to the panel, which shows it and saves it
// only on Save.
import { describe, expect, it } from 'vitest';
import Forms from 'c/handoffPlaybookForms';
import Admin from 'c/handoffAdmin';
import { graphql } from 'lightning/graphql';
import { PLAYBOOK, PLAYBOOK_JSON, graph } from './fixtures.js';
import { byName, expectAccessible, flush, mount, query, queryAll } from './harness.js';

type Edited = { text: string };

async function forms() {
  const el = mount('c-handoff-playbook-forms', Forms, 'admin', { playbookText: PLAYBOOK_JSON });
  const edits: Edited[] = [];
  el.addEventListener('playbookedit', (e) => edits.push((e as CustomEvent<Edited>).detail));
  await flush();
  return { el, edits };
}

function change(el: HTMLElement, tag: string, name: string, value: unknown) {
  byName(el, tag, name)?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function click(el: HTMLElement, name: string) {
  (byName(el, 'lightning-button', name) as HTMLElement).click();
}

const latest = (edits: Edited[]) => JSON.parse(edits.at(-1)?.text ?? 'null');

/** The fixture's entry at `index`, which the test relies on being there. */
function at<T>(list: readonly T[], index: number): T {
  const entry = list[index];
  if (entry === undefined) throw new Error(`the fixture playbook has no entry ${index}`);
  return entry;
}

describe('handoffPlaybookForms', () => {
  it("when the admin changes an SLA's target and calendar, then the panel gets the playbook with exactly that change", async () => {
    const { el, edits } = await forms();
    const sla = at(PLAYBOOK.slas, 1);
    change(el, 'lightning-combobox', 'sla', sla.id);
    await flush();
    change(el, 'lightning-input', 'amount', '90');
    change(el, 'lightning-combobox', 'unit', 'business_minutes');
    change(el, 'lightning-combobox', 'calendar', '-');
    await flush();
    click(el, 'write-target');
    await flush();
    const written = latest(edits);
    const expected = structuredClone(PLAYBOOK);
    const sla1 = { ...at(expected.slas, 1), target: { unit: 'business_minutes', amount: 90 } };
    delete sla1.calendar;
    expected.slas[1] = sla1 as (typeof expected.slas)[number];
    expect(written).toEqual(expected);
    expect(query(el, '[data-id="form-done"]')?.textContent).toContain(
      `${sla.label}: target and calendar: written into the playbook text below.`,
    );
    await expectAccessible(el);
  });

  it('when the target is 0, then the form says so and will not write', async () => {
    const { el } = await forms();
    change(el, 'lightning-input', 'amount', '0');
    await flush();
    expect(query(el, '[data-id="amount-error"]')?.textContent).toBe('Write a target above 0.');
    expect(
      (byName(el, 'lightning-button', 'write-target') as { disabled?: boolean }).disabled,
    ).toBe(true);
  });

  it('when the admin adds an escalation to a role and removes the first, then the SLA has those escalations', async () => {
    const { el, edits } = await forms();
    const sla = at(PLAYBOOK.slas, 0);
    const kept = sla.escalations.slice(1);
    const added = kept.length + 1;
    click(el, 'add-escalation');
    await flush();
    change(el, 'lightning-combobox', `esc-when-${added}`, 'breached');
    change(el, 'lightning-combobox', `esc-to-${added}`, 'role:admin');
    change(el, 'lightning-combobox', `esc-action-${added}`, 'note');
    await flush();
    click(el, 'esc-remove-0');
    await flush();
    click(el, 'write-escalations');
    await flush();
    expect(latest(edits).slas[0].escalations).toEqual([
      ...kept,
      { when: 'breached', to: { role: 'admin' }, action: 'note' },
    ]);
  });

  it("when the admin maps a role to two teams, then the role's HubSpot teams are those two", async () => {
    const { el, edits } = await forms();
    change(el, 'lightning-combobox', 'role', 'cs_manager');
    await flush();
    change(el, 'lightning-input', 'teams', 'Customer Success, Onboarding');
    await flush();
    click(el, 'write-teams');
    await flush();
    expect(latest(edits).roles.cs_manager.hubspotTeams).toEqual(['Customer Success', 'Onboarding']);
  });
});

describe('handoffPlaybookForms: checklist items and stage criteria', () => {
  it('when the admin adds a required choice item, then it is the last item of that checklist', async () => {
    const { el, edits } = await forms();
    const list = at(PLAYBOOK.checklists, 0);
    change(el, 'lightning-combobox', 'checklist', list.id);
    await flush();
    change(el, 'lightning-input', 'item-id', 'budget_range');
    change(el, 'lightning-input', 'item-label', 'Budget range');
    change(el, 'lightning-combobox', 'item-kind', 'choice');
    await flush();
    change(el, 'lightning-input', 'item-options', 'Under 10k, 10k-50k, Over 50k');
    change(el, 'lightning-combobox', 'item-owner', 'sdr');
    byName(el, 'lightning-input', 'item-required')?.dispatchEvent(
      new CustomEvent('change', { detail: { checked: true } }),
    );
    await flush();
    click(el, 'write-item');
    await flush();
    expect(latest(edits).checklists[0].items.at(-1)).toEqual({
      id: 'budget_range',
      label: 'Budget range',
      kind: 'choice',
      required: true,
      owner: 'sdr',
      options: ['Under 10k', '10k-50k', 'Over 50k'],
    });
  });

  it('when the admin relabels an existing item, then that item changes in place and keeps its other settings', async () => {
    const { el, edits } = await forms();
    const list = at(PLAYBOOK.checklists, 0);
    const item = at(list.items, 1);
    change(el, 'lightning-combobox', 'item', item.id);
    await flush();
    expect(byName(el, 'lightning-input', 'item-id')).toBeUndefined();
    change(el, 'lightning-input', 'item-label', 'Renamed');
    await flush();
    click(el, 'write-item');
    await flush();
    const items = latest(edits).checklists[0].items;
    expect(items.length).toBe(list.items.length);
    expect(items[1]).toEqual({ ...item, label: 'Renamed' });
  });

  it('when the admin adds an exit criterion on a number field, then the stage has it with a numeric value', async () => {
    const { el, edits } = await forms();
    const stage = at(PLAYBOOK.stages, 1);
    change(el, 'lightning-combobox', 'stage', stage.id);
    await flush();
    change(el, 'lightning-input', 'criterion-id', 'amount_over_1000');
    change(el, 'lightning-input', 'criterion-label', 'Amount over 1,000');
    change(el, 'lightning-combobox', 'criterion-severity', 'warn');
    change(el, 'lightning-combobox', 'rule-field', 'amount');
    change(el, 'lightning-combobox', 'rule-op', 'gt');
    await flush();
    change(el, 'lightning-input', 'rule-value', '1000');
    await flush();
    click(el, 'write-criterion');
    await flush();
    expect(latest(edits).stages[1].exit.at(-1)).toEqual({
      id: 'amount_over_1000',
      label: 'Amount over 1,000',
      severity: 'warn',
      rule: { op: 'gt', field: 'amount', value: 1000 },
    });
    await expectAccessible(el);
  });
});

describe('handoffAdmin with its forms', () => {
  it('when an admin writes a change with a form, then the text shows it (to save as any edit), and a non-admin sees no forms', async () => {
    const el = mount('c-handoff-admin', Admin, 'admin');
    graphql.emit(graph(PLAYBOOK_JSON));
    await flush();
    const form = query(el, 'c-handoff-playbook-forms') as HTMLElement;
    change(form, 'lightning-input', 'teams', 'SDR, Marketing');
    await flush();
    click(form, 'write-teams');
    await flush();
    const area = query(el, 'textarea[name="playbook"]') as HTMLTextAreaElement;
    const firstRole = Object.keys(PLAYBOOK.roles)[0] as string;
    expect(JSON.parse(area.value).roles[firstRole].hubspotTeams).toEqual(['SDR', 'Marketing']);
    expect(query(el, '[data-id="summary"]')?.textContent).toMatch(/stages, 4 handoffs/);

    const rep = mount('c-handoff-admin', Admin, 'sales_rep');
    graphql.emit(graph(PLAYBOOK_JSON));
    await flush();
    expect(queryAll(rep, 'c-handoff-playbook-forms')).toEqual([]);
  });
});
