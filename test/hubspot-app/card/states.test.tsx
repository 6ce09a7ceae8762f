import { describe, expect, it } from 'vitest';
import { Alert, Button, EmptyState, ErrorState, LoadingSpinner } from '@hubspot/ui-extensions';
import type { RecordView } from '@handoff/shared/runtime';
import type { Answer } from '../../../hubspot-app/src/app/cards/client.js';
import { failed, fakeClient, ok, renderCard, screenText } from './harness.js';
import { views } from './views.js';

describe('the card, in the states everyone can meet', () => {
  it('when the view has not arrived, then a loading spinner says what is loading', () => {
    const client = fakeClient(ok(views.repReady()));
    client.dealView.mockReturnValue(new Promise<Answer<RecordView>>(() => undefined));
    const card = renderCard(client);
    expect(card.findByTestId(LoadingSpinner, 'loading').props.label).toBe(
      "Loading the deal's handoff…",
    );
  });

  it('when loading fails, then a sentence and Try again are shown, and Try again loads again', async () => {
    const client = fakeClient(
      failed({
        kind: 'error',
        code: 'internal',
        message: 'Something went wrong on our side; try again.',
      }),
    );
    const card = renderCard(client);
    await card.waitFor(() => expect(card.maybeFindByTestId(ErrorState, 'problem')).not.toBeNull());
    expect(screenText(card)).toContain('Something went wrong on our side; try again.');
    expect(screenText(card)).not.toMatch(/[{}"]/);
    client.dealView.mockResolvedValue(ok(views.repReady()));
    card.findByTestId(Button, 'retry').trigger('onClick');
    await card.waitFor(() => expect(screenText(card)).toContain('Sales → CS handoff'));
    expect(client.dealView).toHaveBeenCalledTimes(2);
  });

  it('when the app has no playbook yet, then the card says so and who can fix it', async () => {
    const card = renderCard(
      fakeClient(failed({ kind: 'error', code: 'not_configured', message: 'No playbook.' })),
    );
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(EmptyState, 'not-configured')).not.toBeNull(),
    );
    expect(screenText(card)).toContain('An admin sets the playbook up');
  });

  it('when the deal is in a pipeline the playbook does not cover, then the card says so with the server sentence', async () => {
    const message = 'This deal is in the "Renewals" pipeline, which the playbook does not map.';
    const card = renderCard(fakeClient(failed({ kind: 'error', code: 'not_covered', message })));
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(EmptyState, 'not-covered')).not.toBeNull(),
    );
    expect(screenText(card)).toContain(message);
  });

  it('when the server will not show the record to this person, then a lock state explains it', async () => {
    const card = renderCard(
      fakeClient(
        failed({
          kind: 'error',
          code: 'forbidden',
          message: 'This deal belongs to another account.',
        }),
      ),
    );
    await card.waitFor(() => expect(card.maybeFindByTestId(ErrorState, 'problem')).not.toBeNull());
    expect(card.findByTestId(ErrorState, 'problem').props.type).toBe('lock');
  });

  it('when the viewer holds no role, then the card explains it and offers no action or input', async () => {
    const card = renderCard(fakeClient(ok(views.noRole())));
    await card.waitFor(() => expect(card.maybeFindByTestId(Alert, 'no-role')).not.toBeNull());
    expect(screenText(card)).toContain('none of your HubSpot teams is mapped to a Handoff role');
    expect(card.findAll(Button)).toHaveLength(0);
  });

  it('when the view reports problems with the record, then they are shown above the rest', async () => {
    const view = {
      ...views.repReady(),
      problems: ['The record\'s stage "renewal" is not part of the playbook.'],
    };
    const card = renderCard(fakeClient(ok(view)));
    await card.waitFor(() => expect(card.maybeFindByTestId(Alert, 'view-problems')).not.toBeNull());
    expect(screenText(card)).toContain('is not part of the playbook');
  });

  it('when the card is placed on another object, then it says where it works', () => {
    const card = renderCard(fakeClient(ok(views.repReady())), { objectType: undefined });
    expect(card.findByTestId(EmptyState, 'unsupported-object').props.title).toBe(
      'Handoff works on contacts, deals and companies',
    );
  });
});
