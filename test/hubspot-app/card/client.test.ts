import { describe, expect, it, vi } from 'vitest';
import { createHandoffClient, type FetchLike } from '../../../hubspot-app/src/app/cards/client.js';
import { views } from './views.js';

function answering(status: number, body: unknown) {
  return vi.fn<FetchLike>(async () => ({ status, json: async () => body }));
}

const request = {
  handoffId: 'sales_to_cs',
  actionId: 'a-1',
  expectedVersion: 3,
  action: { type: 'submit' as const },
};

describe('the card client', () => {
  it('when it loads a deal, then it GETs the contract path on the backend and parses the view', async () => {
    const view = views.repReady();
    const fetch = answering(200, view);
    const answer = await createHandoffClient(fetch).dealView('42');
    expect(fetch).toHaveBeenCalledWith('https://api.handoff.example/v1/hubspot/records/deals/42', {
      method: 'GET',
    });
    expect(answer).toEqual({ ok: true, value: view });
  });

  it('when it loads a company, then it GETs the company path', async () => {
    const fetch = answering(200, { deals: [] });
    await createHandoffClient(fetch).companyView('7');
    expect(fetch.mock.calls[0]?.[0]).toBe(
      'https://api.handoff.example/v1/hubspot/records/companies/7',
    );
  });

  it('when it sends an action, then it POSTs the HandoffRequest as the body', async () => {
    const fetch = answering(200, views.repSubmitted());
    await createHandoffClient(fetch).act('42', request);
    expect(fetch).toHaveBeenCalledWith(
      'https://api.handoff.example/v1/hubspot/records/deals/42/actions',
      {
        method: 'POST',
        body: request,
      },
    );
  });

  it('when the server answers 409 with a refusal, then the refusal and the latest view come back', async () => {
    const refusal = { code: 'conflict', message: 'Someone else changed it.', details: {} };
    const answer = await createHandoffClient(
      answering(409, { refusal, view: views.repSubmitted() }),
    ).act('42', request);
    expect(answer).toMatchObject({
      ok: false,
      problem: { kind: 'refusal', refusal, view: { record: { recordId: 'd-1' } } },
    });
  });

  it('when the server answers an error, then its code and sentence come back', async () => {
    const answer = await createHandoffClient(
      answering(404, { error: { code: 'not_covered', message: 'Not in the playbook.' } }),
    ).dealView('42');
    expect(answer).toEqual({
      ok: false,
      problem: { kind: 'error', code: 'not_covered', message: 'Not in the playbook.' },
    });
  });

  it.each([
    ['a 502 with an HTML body', answering(502, '<html>Bad gateway</html>'), 'internal'],
    ['a 429 without a body', answering(429, undefined), 'rate_limited'],
    ['a 200 whose body is not a record view', answering(200, { view: 'nope' }), 'unreadable'],
    [
      'a failed connection',
      vi.fn<FetchLike>(async () => Promise.reject(new Error('offline'))),
      'network',
    ],
  ])(
    'when it gets %s, then a sentence for a person comes back, never the raw body',
    async (_, fetch, code) => {
      const answer = await createHandoffClient(fetch).dealView('42');
      if (answer.ok) throw new Error('expected a problem');
      expect(answer.problem).toMatchObject({ kind: 'error', code });
      expect(answer.problem.kind === 'error' && answer.problem.message).toMatch(
        /^[A-Z][^{}<>]+\.$/,
      );
    },
  );
});
