// Issue 19: the same card on a HubSpot contact — the marketing → sales handoff with the same
// components as on deals (StageSection, TimerList, HandoffSection), loaded from the contact's own
// view and acting on the contact.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Alert, Button, Select, StatusTag, StepIndicator, Text } from '@hubspot/ui-extensions';
import type { Viewer } from '../../../shared/src/index.js';
import { recordDisplay } from '../../../shared/src/display/index.js';
import { evaluateRecord } from '../../../shared/src/record/index.js';
import { deal, handoffState, HOUR, MONDAY_10AM_NY } from '../../shared/builders.js';
import { defaultPlaybook } from '../../shared/fixtures.js';
import { fakeClient, ok, renderCard, screenText } from './harness.js';
import { TIME_ZONE } from './views.js';

const marketer: Viewer = { userId: 'u-mkt', roles: ['marketing'] };
// The contact became an MQL at 10:00 on Monday; the card is opened at 11:00.
const mql = (handoffs = {}) =>
  evaluateRecord(
    defaultPlaybook(),
    deal({
      objectType: 'contacts',
      recordId: 'c-7',
      stage: 'mql',
      fields: { job_title: 'VP Operations', company_name: 'Acme' },
      stageHistory: [
        { stage: 'lead', enteredAt: MONDAY_10AM_NY - 72 * HOUR },
        { stage: 'mql', enteredAt: MONDAY_10AM_NY },
      ],
      handoffs,
    }),
    marketer,
    MONDAY_10AM_NY + HOUR,
  );

describe('the card on a contact, for marketing', () => {
  it('when a contact is an MQL, then the card loads the contact, marks its lifecycle stage and shows speed to lead', async () => {
    const client = fakeClient(ok(mql()));
    const card = renderCard(client, { objectType: 'contacts', objectId: 'c-7' });
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(StepIndicator, 'stages')).not.toBeNull(),
    );
    expect(client.contactView).toHaveBeenCalledWith('c-7');
    expect(client.dealView).not.toHaveBeenCalled();
    const stages = card.findByTestId(StepIndicator, 'stages');
    expect(stages.props.stepNames).toEqual([
      'Lead',
      'Marketing qualified (MQL)',
      'Sales qualified (SQL)',
    ]);
    expect(stages.props.stepNames[stages.props.currentStep ?? -1]).toBe(
      'Marketing qualified (MQL)',
    );
    expect(card.findByTestId(StatusTag, 'timer-speed_to_lead').text).toBe('On track');
    expect(screenText(card)).toContain('Marketing → sales (MQL)');
  });

  it('when marketing submits the brief, then the action goes to the contact, not to a deal', async () => {
    const ready = handoffState('in_progress', {
      items: Object.fromEntries(
        ['source', 'engaged_with', 'fit'].map((id) => [
          id,
          { value: id === 'fit' ? 'Good' : 'Webinar', done: true, by: 'u-mkt', at: MONDAY_10AM_NY },
        ]),
      ),
    });
    const client = fakeClient(ok(mql({ mql_to_sales: ready })));
    const card = renderCard(client, { objectType: 'contacts', objectId: 'c-7' });
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(Button, 'mql_to_sales:submit')).not.toBeNull(),
    );
    const submit = card.findByTestId(Button, 'mql_to_sales:submit');
    expect(submit.props.disabled).toBe(false);
    submit.trigger('onClick');
    expect(client.act).toHaveBeenCalledWith(
      'c-7',
      expect.objectContaining({ handoffId: 'mql_to_sales', action: { type: 'submit' } }),
      'contacts',
    );
  });
});

describe('the card on a contact, for the SDR deciding', () => {
  it('when an SDR may accept an MQL, then the optional person picked is the sales owner (the SDR when nobody is picked), not a CSM', async () => {
    const submitted = handoffState('submitted', {
      events: [
        { type: 'submitted', at: MONDAY_10AM_NY, by: 'u-mkt', actionId: 'a-1', details: {} },
      ],
    });
    const view = evaluateRecord(
      defaultPlaybook(),
      deal({
        objectType: 'contacts',
        recordId: 'c-9',
        stage: 'mql',
        fields: { job_title: 'VP Operations', company_name: 'Acme' },
        stageHistory: [{ stage: 'mql', enteredAt: MONDAY_10AM_NY }],
        handoffs: { mql_to_sales: submitted },
      }),
      { userId: 'u-sdr', roles: ['sdr'] },
      MONDAY_10AM_NY + HOUR,
    );
    const card = renderCard(fakeClient(ok(view)), { objectType: 'contacts', objectId: 'c-9' });
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(Select, 'mql_to_sales:assignee')).not.toBeNull(),
    );
    const picker = card.findByTestId(Select, 'mql_to_sales:assignee');
    expect(picker.props.label).toBe('Sales owner (optional)');
    expect(picker.props.options[0]?.label).toBe('You, as you accept');
    expect(screenText(card)).not.toContain('CSM');
  });
});

describe('the card on a recycled contact, for marketing', () => {
  it('when an SDR recycled an MQL and the contact is a lead again, then marketing reads the reason and comment without opening the settled handoff', async () => {
    const at = (hours: number) => MONDAY_10AM_NY + hours * HOUR;
    const recycled = handoffState('rejected', {
      events: [
        { type: 'submitted', at: at(0.5), by: 'u-mkt', actionId: 'a-1', details: {} },
        {
          type: 'rejected',
          at: at(2),
          by: 'u-sdr',
          actionId: 'a-2',
          details: { reason: 'not_ready', comment: 'Budget opens in April.' },
        },
      ],
    });
    const view = evaluateRecord(
      defaultPlaybook(),
      deal({
        objectType: 'contacts',
        recordId: 'c-6',
        stage: 'lead',
        fields: { job_title: 'COO', company_name: 'Acme' },
        stageHistory: [
          { stage: 'lead', enteredAt: at(-72) },
          { stage: 'mql', enteredAt: at(0) },
          { stage: 'lead', enteredAt: at(2) },
        ],
        handoffs: { mql_to_sales: recycled },
      }),
      marketer,
      at(3),
    );
    const card = renderCard(fakeClient(ok(view)), { objectType: 'contacts', objectId: 'c-6' });
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(Text, 'mql_to_sales:settled')).not.toBeNull(),
    );
    const why = card.findByTestId(Text, 'mql_to_sales:rejection').text;
    expect(why).toContain('Not ready to buy yet');
    expect(why).toContain('Budget opens in April.');
    // In the core's words, as the Salesforce panel folds it.
    expect(why).toBe(
      recordDisplay(view, TIME_ZONE).handoffs.find((h) => h.id === 'mql_to_sales')
        ?.settledRejection,
    );
    // Once on the collapsed line, not again inside the details.
    expect(
      card.findAll(Text).filter((t) => t.props.testId === 'mql_to_sales:rejection'),
    ).toHaveLength(1);
  });
});

describe('the card on a contact, for a viewer without a role', () => {
  it('when someone with no Handoff role opens a contact, then the card speaks of this contact, not of a deal', async () => {
    const view = evaluateRecord(
      defaultPlaybook(),
      deal({
        objectType: 'contacts',
        recordId: 'c-8',
        stage: 'lead',
        stageHistory: [{ stage: 'lead', enteredAt: MONDAY_10AM_NY }],
      }),
      { userId: 'u-guest', roles: [] },
      MONDAY_10AM_NY + HOUR,
    );
    const card = renderCard(fakeClient(ok(view)), { objectType: 'contacts', objectId: 'c-8' });
    await card.waitFor(() => expect(card.maybeFindByTestId(Alert, 'no-role')).not.toBeNull());
    const text = screenText(card);
    expect(text).toContain("You can see this contact's stages");
    expect(text).toContain('No handoff is open for this contact at its stage.');
    expect(text).not.toContain('this deal');
  });
});

describe("the card's configuration", () => {
  it('when HubSpot reads the card config, then it places the card on contacts, deals and companies', () => {
    const meta = JSON.parse(
      readFileSync(
        new URL('../../../hubspot-app/src/app/cards/handoff-card-hsmeta.json', import.meta.url),
        'utf8',
      ),
    ) as { config: { objectTypes: string[] } };
    expect(meta.config.objectTypes).toEqual(['contacts', 'deals', 'companies']);
  });
});
