// The next-step strip at the top of the deal card and the collapsed settled handoffs.
import { describe, expect, it } from 'vitest';
import { Accordion, Button, StatusTag, Text } from '@hubspot/ui-extensions';
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
      'Due Nov 24, 2026, 11:00 AM',
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
    expect(card.findByTestId(Text, 'next-step-when').text).toBe('Due Nov 24, 2026, 10:00 AM');
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
