// Forms on the settings page (issue 18 item 6): the backend writes a form's change into the text the
// page holds, keeping the admin's comments and layout, and answers the new text with its issues;
// nothing is saved, and only admins may ask.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK_PATH } from '../../shared/fixtures.js';
import { startHarness, type Harness } from './harness.js';

const YAML = readFileSync(DEFAULT_PLAYBOOK_PATH, 'utf8');

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const edit = (as: string, body: unknown) =>
  h.call('POST', '/v1/hubspot/playbook/edit', { as, body });

describe('POST /v1/hubspot/playbook/edit', () => {
  it("when an admin changes an SLA's target, then the answer is the text with that line changed and no issues, and nothing is saved", async () => {
    const before = await h.store.getPlaybook(h.portalId);
    const answer = await edit(h.users.admin, {
      text: YAML,
      edit: {
        kind: 'sla_target',
        sla: 'ae_accepts_new_deal',
        target: { unit: 'business_hours', amount: 3 },
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      text: YAML.replace(
        /(id: ae_accepts_new_deal[^]*?)target: \{ unit: business_hours, amount: 4 \}/,
        '$1target: { unit: business_hours, amount: 3 }',
      ),
      issues: [],
    });
    expect(await h.store.getPlaybook(h.portalId)).toEqual(before);
  });

  it('when the change leaves the playbook invalid, then the issues come back with their lines', async () => {
    const answer = await edit(h.users.admin, {
      text: YAML,
      edit: { kind: 'sla_calendar', sla: 'ae_accepts_new_deal' },
    });
    expect(answer.status).toBe(200);
    expect((answer.body as { issues: unknown[] }).issues).toEqual([
      expect.objectContaining({ path: 'slas[1].calendar', line: expect.any(Number) }),
    ]);
  });

  it('when a rep asks, then it is refused with 403', async () => {
    const answer = await edit(h.users.rep, {
      text: YAML,
      edit: { kind: 'role_teams', role: 'sdr', teams: ['SDR'] },
    });
    expect(answer.status).toBe(403);
  });

  it('when the edit is malformed or names an SLA the text lacks, then the answer is a sentence', async () => {
    const malformed = await edit(h.users.admin, { text: YAML, edit: { kind: 'sla_target' } });
    expect(malformed.status).toBe(400);
    const unknown = await edit(h.users.admin, {
      text: YAML,
      edit: { kind: 'sla_calendar', sla: 'gone', calendar: 'us_business' },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({
      error: { message: 'The playbook declares no SLA `gone`.' },
    });
  });
});
