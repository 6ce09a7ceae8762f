// Who may call what, from the signed request alone (issue 17 items 12 and 14): each signed query
// parameter once, and the settings reads (playbook, status) only for people with a Handoff role.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('signed query parameters', () => {
  it.each([
    ['portalId', '/v1/hubspot/status?portalId=999'],
    ['userId', '/v1/hubspot/playbook?userId=1'],
    ['portalId', '/v1/hubspot/records/deals/1?portalId=999'],
  ])(
    'when a signed request repeats %s, then it is refused with 400 and a sentence, before any code reads it',
    async (name, path) => {
      const answer = await h.call('GET', path, { as: h.users.admin });
      expect(answer).toEqual({
        status: 400,
        body: {
          error: {
            code: 'bad_request',
            message: `The request repeats the query parameter ${name}; a signed request names each once.`,
          },
        },
      });
    },
  );

  it('when each parameter appears once, then the request is served', async () => {
    expect((await h.call('GET', '/v1/hubspot/status', { as: h.users.admin })).status).toBe(200);
  });
});

describe('who may read the settings', () => {
  it.each(['/v1/hubspot/playbook', '/v1/hubspot/status'])(
    'when a signed user with no Handoff role reads %s, then it is refused with 403',
    async (path) => {
      const answer = await h.call('GET', path, { as: h.users.guest });
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({
        error: {
          code: 'forbidden',
          message: expect.stringMatching(/^Only people with a Handoff role may read /),
        },
      });
    },
  );

  it.each(['/v1/hubspot/playbook', '/v1/hubspot/status'])(
    'when someone HubSpot does not know as a user of the portal reads %s, then it is refused with 403',
    async (path) => {
      expect((await h.call('GET', path, { as: '987654321' })).status).toBe(403);
    },
  );

  it.each([
    ['rep', false],
    ['admin', true],
  ] as const)(
    'when a %s reads the playbook, then the answer says whether they may change it (editable: %s)',
    async (who, editable) => {
      const answer = await h.call('GET', '/v1/hubspot/playbook', { as: h.users[who] });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ editable });
    },
  );

  it.each(['/v1/hubspot/playbook', '/v1/hubspot/status'])(
    'when a rep (a Handoff role) reads %s, then it is served',
    async (path) => {
      expect((await h.call('GET', path, { as: h.users.rep })).status).toBe(200);
    },
  );
});
