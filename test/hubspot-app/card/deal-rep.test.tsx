import { describe, expect, it } from 'vitest';
import {
  Button,
  Checkbox,
  Flex,
  DateInput,
  Input,
  NumberInput,
  Select,
  StatusTag,
  StepIndicator,
  Text,
} from '@hubspot/ui-extensions';
import { evaluateRecord } from '../../../shared/src/record/index.js';
import { parsePlaybook } from '../../../shared/src/playbook/index.js';
import { deal, rep } from '../../shared/builders.js';
import { defaultPlaybookInput } from '../../shared/fixtures.js';
import { fakeClient, ok, refused, renderCard, screenText } from './harness.js';
import { NOW, views } from './views.js';

describe('the card on a deal, for a sales rep', () => {
  it('when the deal is closed won, then it marks the stage and shows both timers as coloured tags in the portal zone', async () => {
    const card = renderCard(fakeClient(ok(views.repNotStarted())));
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(StepIndicator, 'stages')).not.toBeNull(),
    );
    const stages = card.findByTestId(StepIndicator, 'stages');
    expect(stages.props.stepNames[stages.props.currentStep ?? -1]).toBe('Closed won');
    // Nothing is submitted yet: the clock running is the rep's own, not CS's.
    const running = card.findByTestId(StatusTag, 'timer-rep_submits_cs_handoff');
    expect(running.text).toBe('On track');
    expect(running.props.variant).toBe('info');
    expect(card.maybeFindByTestId(StatusTag, 'timer-cs_accepts_won_deal')).toBeNull();
    // The SDR's timer stopped late, when the deal left its first stage without a submission.
    const sdr = card.findByTestId(StatusTag, 'timer-sdr_submits_new_deal');
    expect([sdr.text, sdr.props.variant]).toEqual(['Met late', 'warning']);
    expect(screenText(card)).toContain(
      'Rep submits the CS handoff — Due Nov 24, 2026, 10:00 AM; 6 h of business time left. Waits on the Account executive.',
    );
  });

  it('when the portal is in Berlin, then due times read in Berlin time', async () => {
    const card = renderCard(fakeClient(ok(views.repNotStarted())), { timeZone: 'Europe/Berlin' });
    await card.waitFor(() => expect(screenText(card)).toContain('Due Nov 24, 2026, 4:00 PM'));
  });

  it('when required items are missing, then Submit is disabled and says why', async () => {
    const card = renderCard(fakeClient(ok(views.repNotStarted())));
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(Button, 'sales_to_cs:submit')).not.toBeNull(),
    );
    expect(card.findByTestId(Button, 'sales_to_cs:submit').props.disabled).toBe(true);
    const reason = card.findByTestId(Text, 'sales_to_cs:submit-reason').text ?? '';
    expect(reason).toMatch(/Customer goals and success criteria/);
    expect(reason).toBe(
      views
        .repNotStarted()
        .handoffs.find((h) => h.id === 'sales_to_cs')
        ?.actions.find((a) => a.type === 'submit')?.reason?.message,
    );
  });

  it('when every required item is done, then Submit is enabled and sends the handoff with its version', async () => {
    const client = fakeClient(ok(views.repReady()));
    client.act.mockResolvedValue(ok(views.repSubmitted()));
    const card = renderCard(client);
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(Button, 'sales_to_cs:submit')).not.toBeNull(),
    );
    const submit = card.findByTestId(Button, 'sales_to_cs:submit');
    expect(submit.props.disabled).toBe(false);
    expect(card.maybeFindByTestId(Text, 'sales_to_cs:submit-reason')).toBeNull();
    submit.trigger('onClick');
    expect(client.act).toHaveBeenCalledWith(
      'd-1',
      {
        handoffId: 'sales_to_cs',
        actionId: 'action-1',
        expectedVersion: 3,
        action: { type: 'submit' },
      },
      'deals',
    );
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(Button, 'sales_to_cs:withdraw')).not.toBeNull(),
    );
    expect(card.findByTestId(StatusTag, 'sales_to_cs:status').text).toBe('Submitted');
    expect(card.findByTestId(Text, 'next-step-whose').text).toBe('Waiting on the CS manager');
    expect(screenText(card)).toContain('Submitted by you on Nov 23, 2026, 11:00 AM.');
    expect(card.maybeFindByTestId(Button, 'sales_to_cs:submit')).toBeNull();
  });

  it('when the rep edits items of each kind, then each edit is sent as set_item with its typed value', async () => {
    const client = fakeClient(ok(views.repNotStarted()));
    const card = renderCard(client);
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(Input, 'sales_to_cs:item:customer_goals')).not.toBeNull(),
    );
    card
      .findByTestId(Input, 'sales_to_cs:item:customer_goals')
      .trigger('onBlur', 'Halve onboarding time' as never);
    card.findByTestId(Checkbox, 'sales_to_cs:item:intro_call').trigger('onChange', true as never);
    card.findByTestId(Select, 'sales_to_cs:item:complexity').trigger('onChange', 'High' as never);
    card
      .findByTestId(DateInput, 'sales_to_cs:item:kickoff_date')
      .trigger('onChange', { year: 2026, month: 11, date: 3 } as never);
    const sent = client.act.mock.calls.map(([, request]) => request.action);
    expect(sent).toEqual([
      { type: 'set_item', itemId: 'customer_goals', value: 'Halve onboarding time' },
      { type: 'set_item', itemId: 'intro_call', value: true },
      { type: 'set_item', itemId: 'complexity', value: 'High' },
      { type: 'set_item', itemId: 'kickoff_date', value: '2026-12-03' },
    ]);
    expect(client.act.mock.calls.every(([, request]) => request.handoffId === 'sales_to_cs')).toBe(
      true,
    );
  });

  it('when a text item is left unchanged, then nothing is sent', async () => {
    const client = fakeClient(ok(views.repReady()));
    const card = renderCard(client);
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(Input, 'sales_to_cs:item:champion')).not.toBeNull(),
    );
    card.findByTestId(Input, 'sales_to_cs:item:champion').trigger('onBlur', 'Dana Lee' as never);
    expect(client.act).not.toHaveBeenCalled();
  });

  it('when the playbook has a number item, then it is edited as a number', async () => {
    const input = defaultPlaybookInput();
    input.checklists[1].items.push({
      id: 'seats',
      label: 'Seats sold',
      kind: 'number',
      owner: 'sales_rep',
    });
    const parsed = parsePlaybook(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const client = fakeClient(ok(evaluateRecord(parsed.playbook, deal(), rep, NOW)));
    const card = renderCard(client);
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(NumberInput, 'sales_to_cs:item:seats')).not.toBeNull(),
    );
    card.findByTestId(NumberInput, 'sales_to_cs:item:seats').trigger('onBlur', 40 as never);
    expect(client.act.mock.calls[0]?.[1].action).toEqual({
      type: 'set_item',
      itemId: 'seats',
      value: 40,
    });
  });

  it('when an item mirrors a deal field, then it is shown read-only', async () => {
    const card = renderCard(fakeClient(ok(views.repNotStarted())));
    await card.waitFor(() => expect(screenText(card)).toContain('ARR (required)'));
    expect(card.findByTestId(Flex, 'sales_to_cs:item:arr').text).toBeNull();
    expect(card.findAll(NumberInput)).toHaveLength(0);
    expect(screenText(card)).toContain('From the deal record.');
  });

  it('when the deal is earlier in the pipeline, then the exit criteria show pass or fail with reasons, and what the next stage needs', async () => {
    const view = views.repContractSent();
    const card = renderCard(fakeClient(ok(view)));
    await card.waitFor(() => expect(screenText(card)).toContain('To leave Contract sent'));
    const text = screenText(card);
    expect(text).toContain('To enter Closed won');
    expect(text).toContain('Not ready to move to Closed won yet.');
    for (const verdict of view.exitCriteria.filter((v) => v.outcome !== 'pass')) {
      expect(text).toContain(`${verdict.label} — ${verdict.reason}`);
    }
    expect(card.findByTestId(StatusTag, 'exit-criteria:arr').props.variant).toBe('danger');
    expect(card.findByTestId(StatusTag, 'exit-criteria:next_step').text).toBe('Warning');
    expect(text).not.toContain('Sales → CS handoff');
  });

  it('when CS rejected the handoff, then the rep sees who, why and the comment, and the history', async () => {
    const card = renderCard(fakeClient(ok(views.repRejected())));
    await card.waitFor(() => expect(screenText(card)).toContain('Rejected on Nov 23, 2026'));
    const text = screenText(card);
    expect(text).toContain('Promises made are unclear or unrealistic — “Which discount?”');
    expect(text).toContain('History (2)');
  });

  it('when the server refuses an action, then its sentence is shown and the returned view replaces the old one', async () => {
    const client = fakeClient(ok(views.repReady()));
    client.act.mockResolvedValue(
      refused(
        {
          code: 'criteria_failing',
          message: 'Amount recorded must pass before Sales → CS is submitted.',
        },
        views.repNotStarted(),
      ),
    );
    const card = renderCard(client);
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(Button, 'sales_to_cs:submit')).not.toBeNull(),
    );
    card.findByTestId(Button, 'sales_to_cs:submit').trigger('onClick');
    await card.waitFor(() => expect(screenText(card)).toContain('Amount recorded must pass'));
    expect(screenText(card)).toContain('That was not done');
    expect(card.findByTestId(Button, 'sales_to_cs:submit').props.disabled).toBe(true);
  });

  it('when someone else changed the handoff first, then the card says so and reloads the view', async () => {
    const client = fakeClient(ok(views.repReady()));
    client.act.mockResolvedValue(
      refused({
        code: 'conflict',
        message: 'Someone else changed Sales → CS while you were looking at it.',
      }),
    );
    const card = renderCard(client);
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(Button, 'sales_to_cs:submit')).not.toBeNull(),
    );
    client.dealView.mockResolvedValue(ok(views.repSubmitted()));
    card.findByTestId(Button, 'sales_to_cs:submit').trigger('onClick');
    await card.waitFor(() => expect(screenText(card)).toContain('Waiting on the CS manager'));
    expect(screenText(card)).toContain('Someone else changed this handoff');
    expect(screenText(card)).toContain('The card now shows the latest version.');
    expect(client.dealView).toHaveBeenCalledTimes(2);
  });
});
