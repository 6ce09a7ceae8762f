// The next-step strip at the top of the deal card and the collapsed settled handoffs.
import { describe, expect, it } from 'vitest';
import { Accordion, Button, StatusTag, Text } from '@hubspot/ui-extensions';
import { evaluateRecord } from '../../../shared/src/record/index.js';
import { deal, handoffState, sdr } from '../../shared/builders.js';
import { defaultPlaybook } from '../../shared/fixtures.js';
import { fakeClient, ok, renderCard, screenText } from './harness.js';
import { views } from './views.js';

describe('the next step on the deal card', () => {
  it('when a CS manager opens a submitted won deal, then the strip comes first: their move, what, by when, and Accept sends the acceptance', async () => {
    const client = fakeClient(ok(views.managerSubmitted()));
    const card = renderCard(client);
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(Button, 'next-step-action')).not.toBeNull(),
    );
    expect(screenText(card).split('\n').slice(0, 4)).toEqual([
      'Your move',
      'On track',
      'Due tomorrow, 11:00 AM',
      'Review the Sales → CS handoff: accept or reject it',
    ]);
    const accept = card.findByTestId(Button, 'next-step-action');
    expect([accept.text, accept.props.variant, accept.props.disabled]).toEqual([
      'Accept',
      'primary',
      false,
    ]);
    accept.trigger('onClick');
    expect(client.act).toHaveBeenCalledWith(
      'd-1',
      {
        handoffId: 'sales_to_cs',
        actionId: 'action-1',
        expectedVersion: 3,
        action: { type: 'accept' },
      },
      'deals',
    );
  });

  it('when the rep opens a won deal with the CS checklist untouched, then the strip says it is their move against their own timer, with Submit blocked and why', async () => {
    const card = renderCard(fakeClient(ok(views.repNotStarted())));
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(Button, 'next-step-action')).not.toBeNull(),
    );
    expect(card.findByTestId(Text, 'next-step-whose').text).toBe('Your move');
    expect(card.findByTestId(Text, 'next-step-what').text).toBe(
      'Complete and submit the Sales → CS handoff',
    );
    expect(card.findByTestId(Text, 'next-step-when').text).toBe('Due tomorrow, 10:00 AM');
    const submit = card.findByTestId(Button, 'next-step-action');
    expect([submit.text, submit.props.disabled]).toEqual(['Submit handoff', true]);
    expect(card.findByTestId(Text, 'next-step-reason').text).toMatch(/still to do/);
  });

  it('when the SDR → AE handoff was never submitted on a won deal, then it collapses to one line, its checklist behind Details', async () => {
    const card = renderCard(fakeClient(ok(views.managerSubmitted())));
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(Text, 'sdr_to_ae:settled')).not.toBeNull(),
    );
    expect(card.findByTestId(Text, 'sdr_to_ae:settled').text).toBe(
      'Not started — No longer due: the record is at Closed won.',
    );
    expect(card.findByTestId(Accordion, 'sdr_to_ae:details').props.defaultOpen).toBeFalsy();
    expect(card.findByTestId(StatusTag, 'sdr_to_ae:status').text).toBe('Not started');
  });

  it('when the handoff was accepted, then nobody needs to act and the handoff reads as its acceptance', async () => {
    const card = renderCard(fakeClient(ok(views.managerAccepted())));
    await card.waitFor(() => expect(card.maybeFindByTestId(Text, 'next-step-none')).not.toBeNull());
    expect(card.findByTestId(Text, 'sales_to_cs:settled').text).toMatch(
      /^Accepted by you on Nov 23, 2026/,
    );
  });
});

describe('the next step on the contact card', () => {
  // An MQL since Monday 2026-11-23 09:30 New York, its brief submitted at 09:45, opened by the SDR at
  // 10:00 with nobody having called: speed to lead (4 business hours) is due 13:30, the decision
  // (1 business day) Tuesday 09:45.
  const ny = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 5, minute);
  const untouched = evaluateRecord(
    defaultPlaybook(),
    deal({
      objectType: 'contacts',
      recordId: 'c-1',
      stage: 'mql',
      fields: { job_title: 'VP Operations', company_name: 'Acme' },
      stageHistory: [{ stage: 'mql', enteredAt: ny(23, 9, 30) }],
      handoffs: {
        mql_to_sales: handoffState('submitted', {
          items: {},
          events: [
            { type: 'submitted', at: ny(23, 9, 45), by: 'u-mkt', actionId: 's-1', details: {} },
          ],
        }),
      },
    }),
    sdr,
    ny(23, 10),
  );

  it('when the SDR opens an untouched MQL, then the strip asks for the first contact by 1:30 PM (logged in HubSpot, so no button) and the decision stays below with its Accept', async () => {
    const card = renderCard(fakeClient(ok(untouched)), {
      objectType: 'contacts',
      objectId: 'c-1',
    });
    await card.waitFor(() => expect(card.maybeFindByTestId(Text, 'next-step-what')).not.toBeNull());
    expect(screenText(card).split('\n').slice(0, 4)).toEqual([
      'Your move',
      'On track',
      'Due today, 1:30 PM',
      'Speed to lead: make first contact (log a call, email or meeting)',
    ]);
    expect(card.maybeFindByTestId(Button, 'next-step-action')).toBeNull();
    expect(card.findByTestId(Button, 'mql_to_sales:accept').props.disabled).toBe(false);
  });
});
