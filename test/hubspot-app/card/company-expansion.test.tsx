// Issue 19: the card on a HubSpot company — its own CS → sales expansion with the same components
// as on deals and contacts (StageSection, TimerList, HandoffSection), above its deals' handoffs,
// acting on the company; once the AE accepts, the expansion opens the deal it became.
import { describe, expect, it } from 'vitest';
import { Button, Table } from '@hubspot/ui-extensions';
import { CrmActionLink } from '@hubspot/ui-extensions/crm';
import type { HandoffState, RecordSnapshot, Viewer } from '../../../shared/src/index.js';
import { evaluateRecord } from '../../../shared/src/record/index.js';
import { csManager, deal, HOUR, MONDAY_10AM_NY, rep } from '../../shared/builders.js';
import { defaultPlaybook } from '../../shared/fixtures.js';
import { fakeClient, ok, renderCard, screenText } from './harness.js';

const brief = {
  wants: { value: '40 more seats', done: true, by: 'u-cs', at: MONDAY_10AM_NY },
  contact: { value: 'Ana, VP Ops', done: true, by: 'u-cs', at: MONDAY_10AM_NY },
};
const submitted: HandoffState = {
  status: 'submitted',
  version: 3,
  items: brief,
  events: [{ type: 'submitted', at: MONDAY_10AM_NY, by: 'u-cs', actionId: 's1', details: {} }],
};
const accepted: HandoffState = {
  ...submitted,
  status: 'accepted',
  version: 4,
  events: [
    ...submitted.events,
    {
      type: 'accepted',
      at: MONDAY_10AM_NY + HOUR,
      by: 'u-rep',
      actionId: 'a1',
      details: { linkedRecordId: '4242' },
    },
  ],
};

function company(viewer: Viewer, handoffs: RecordSnapshot['handoffs'] = {}) {
  return evaluateRecord(
    defaultPlaybook(),
    {
      crm: 'hubspot',
      objectType: 'company',
      recordId: '9',
      stage: 'customer',
      fields: {},
      stageHistory: [{ stage: 'customer', enteredAt: MONDAY_10AM_NY - 72 * HOUR }],
      handoffs,
    },
    viewer,
    MONDAY_10AM_NY + 2 * HOUR,
  );
}
const won = evaluateRecord(defaultPlaybook(), deal({ recordId: '101' }), rep, MONDAY_10AM_NY);

describe('the card on a customer company', () => {
  it("when a CS manager opens it, then the expansion comes first, saying it is theirs to raise, above the deals' handoffs", async () => {
    const client = fakeClient(ok({ company: company(csManager), deals: [won] }));
    const card = renderCard(client, { objectType: 'companies', objectId: '9' });
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(Table, 'company-handoffs')).not.toBeNull(),
    );
    const text = screenText(card);
    const expansion = text.indexOf('CS → sales expansion handoff');
    expect(expansion).toBeGreaterThan(-1);
    expect(expansion).toBeLessThan(text.indexOf('Sales → CS'));
    expect(text).toContain('What the customer wants');
    // The next step names the CS manager's move before anything else.
    expect(text.indexOf('Fill in the checklist')).toBeLessThan(expansion);
    expect(card.findByTestId(CrmActionLink, 'open-deal-101-sales_to_cs')).toBeTruthy();
  });

  it('when the brief is submitted, then the AE sees the clock to answer it and accepting sends the accept to the company', async () => {
    const view = company(rep, { expansion: submitted });
    const client = fakeClient(ok({ company: view, deals: [] }));
    client.act.mockResolvedValue(ok(company(rep, { expansion: accepted })));
    const card = renderCard(client, { objectType: 'companies', objectId: '9' });
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(Button, 'expansion:accept')).not.toBeNull(),
    );
    // The first screen says what to do next and by when: 2 business days after the submission.
    expect(screenText(card).split('\n').slice(0, 4)).toEqual([
      'Your move',
      'On track',
      'Due Nov 25, 2026, 10:00 AM',
      'Review the CS → sales expansion handoff: accept or reject it',
    ]);
    expect(screenText(card)).toContain('AE answers the expansion');
    card.findByTestId(Button, 'expansion:accept').trigger('onClick');
    expect(client.act).toHaveBeenCalledWith(
      '9',
      expect.objectContaining({ handoffId: 'expansion', action: { type: 'accept' } }),
      'companies',
    );
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(CrmActionLink, 'expansion:linked-deal')).not.toBeNull(),
    );
    const link = card.findByTestId(CrmActionLink, 'expansion:linked-deal');
    expect(link.props.actionContext).toEqual({ objectTypeId: '0-3', objectId: 4242 });
    expect(link.text).toBe('Open the deal it became (deal 4242)');
  });

  it('when the company is not a customer, then a sentence says why it has no expansion and the deals are still listed', async () => {
    const note =
      "This company's lifecycle stage (lead) is not one the playbook follows on companies, so it has no expansion handoff.";
    const card = renderCard(fakeClient(ok({ companyNote: note, deals: [won] })), {
      objectType: 'companies',
      objectId: '9',
    });
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(Table, 'company-handoffs')).not.toBeNull(),
    );
    expect(screenText(card)).toContain(note);
  });
});
