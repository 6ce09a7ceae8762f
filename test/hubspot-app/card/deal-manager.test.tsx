import { describe, expect, it } from 'vitest';
import { Button, Input, Modal, Select, TextArea } from '@hubspot/ui-extensions';
import { fakeClient, ok, refused, renderCard, screenText } from './harness.js';
import { views } from './views.js';

async function openCard(view = views.managerSubmitted()) {
  const client = fakeClient(ok(view));
  client.act.mockResolvedValue(ok(views.managerAccepted()));
  const card = renderCard(client);
  await card.waitFor(() =>
    expect(card.maybeFindByTestId(Button, 'sales_to_cs:accept')).not.toBeNull(),
  );
  return { client, card };
}

describe('the card on a deal, for a CS manager', () => {
  it('when a handoff waits for review, then the checklist is read-only with who submitted it and when, and the accept-by timer', async () => {
    const { card } = await openCard();
    const text = screenText(card);
    expect(card.findAll(Input)).toHaveLength(0);
    expect(text).toContain(
      'Customer goals and success criteria (required)\nCut onboarding time by half',
    );
    expect(text).toContain('Submitted on Nov 23, 2026, 11:00 AM.');
    expect(text).toContain('CS accepts the handoff — Due Nov 24, 2026, 11:00 AM');
    expect(card.maybeFindByTestId(Button, 'sales_to_cs:submit')).toBeNull();
  });

  it('when the view names the people it mentions, then the card shows their names instead of ids', async () => {
    const { card } = await openCard({
      ...views.managerSubmitted(),
      people: { 'u-rep': 'Riley Rep', 'u-cs': 'Casey Manager' },
    });
    const text = screenText(card);
    expect(text).toContain('Submitted by Riley Rep on Nov 23, 2026, 11:00 AM.');
    expect(text).not.toContain('user u-rep');
  });

  it('when the manager accepts without naming a CSM, then accept is sent alone', async () => {
    const { client, card } = await openCard();
    card.findByTestId(Button, 'sales_to_cs:accept').trigger('onClick');
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

  it('when the manager names a CSM, then accept carries the assignee', async () => {
    const { client, card } = await openCard();
    card.findByTestId(Select, 'sales_to_cs:assignee').trigger('onChange', 'u-csm' as never);
    card.findByTestId(Button, 'sales_to_cs:accept').trigger('onClick');
    expect(client.act.mock.calls[0]?.[1].action).toEqual({ type: 'accept', assigneeId: 'u-csm' });
    await card.waitFor(() =>
      expect(screenText(card)).toContain(
        'Accepted by you on Nov 23, 2026, 11:45 AM; CSM: assigned.',
      ),
    );
  });

  it('when the manager rejects, then the modal asks for a reason from the playbook and a comment, and sends both', async () => {
    const { client, card } = await openCard();
    const modal = () => card.findByTestId(Button, 'sales_to_cs:reject').props.overlay;
    expect(modal()?.find(Modal).props.title).toBe('Reject Sales → CS');
    const reasons = modal()?.find(Select, { testId: 'sales_to_cs:reject-reason' }).props.options;
    expect(reasons?.map((r) => r.label)).toEqual([
      'Missing or vague information',
      'Promises made are unclear or unrealistic',
      'Champion or sponsor not reachable',
      'Deal is not really closed',
    ]);
    expect(modal()?.find(Button, { testId: 'sales_to_cs:confirm-reject' }).props.disabled).toBe(
      true,
    );
    modal()
      ?.find(Select, { testId: 'sales_to_cs:reject-reason' })
      .trigger('onChange', 'wrong_contacts' as never);
    modal()
      ?.find(TextArea, { testId: 'sales_to_cs:reject-comment' })
      .trigger('onInput', '  The champion left.  ' as never);
    const confirm = modal()?.find(Button, { testId: 'sales_to_cs:confirm-reject' });
    expect(confirm?.props.disabled).toBe(false);
    confirm?.trigger('onClick');
    expect(client.act.mock.calls[0]?.[1]).toMatchObject({
      handoffId: 'sales_to_cs',
      expectedVersion: 3,
      action: { type: 'reject', reason: 'wrong_contacts', comment: 'The champion left.' },
    });
  });

  it('when the handoff was accepted, then the card shows who accepted, the CSM and the history, and offers no action', async () => {
    const client = fakeClient(ok(views.managerAccepted()));
    const card = renderCard(client);
    await card.waitFor(() => expect(screenText(card)).toContain('Accepted by you'));
    const text = screenText(card);
    expect(text).toContain('History (4)');
    expect(text).toContain(
      'Rejected by you: Promises made are unclear or unrealistic — “Which discount?”',
    );
    expect(text).toContain('CS accepts the handoff — Done Nov 23, 2026, 11:45 AM');
    expect(card.maybeFindByTestId(Button, 'sales_to_cs:accept')).toBeNull();
    expect(card.maybeFindByTestId(Button, 'sales_to_cs:reject')).toBeNull();
  });

  it('when the server refuses the acceptance, then its sentence is shown', async () => {
    const { client, card } = await openCard();
    client.act.mockResolvedValue(
      refused({
        code: 'not_allowed',
        message: 'Only CS manager or RevOps admin may accept Sales → CS.',
      }),
    );
    card.findByTestId(Button, 'sales_to_cs:accept').trigger('onClick');
    await card.waitFor(() =>
      expect(screenText(card)).toContain('Only CS manager or RevOps admin may accept Sales → CS.'),
    );
  });
});
