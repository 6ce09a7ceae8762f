import { describe, expect, it, vi } from 'vitest';
import { createSettingsClient, type FetchLike } from '../../../hubspot-app/src/app/settings/api.js';

const answering = (status: number, body: unknown) =>
  vi.fn<FetchLike>(async () => ({ status, json: async () => body }));
const saved = { text: 'x', version: '2', updatedAt: 1, updatedBy: 'u', editable: true };

describe('the settings client', () => {
  it('when saving, then it PUTs the text to the playbook path', async () => {
    const fetch = answering(200, saved);
    expect(await createSettingsClient(fetch).savePlaybook('x')).toEqual({ ok: true, value: saved });
    expect(fetch).toHaveBeenCalledWith('https://api.handoff.example/v1/hubspot/playbook', {
      method: 'PUT',
      body: { text: 'x' },
    });
  });

  it('when the server answers 422 with issues, then the issues come back', async () => {
    const issues = [{ path: 'stages', message: 'must list at least one stage.' }];
    expect(await createSettingsClient(answering(422, { issues })).savePlaybook('x')).toEqual({
      ok: false,
      failure: { kind: 'issues', issues },
    });
  });

  it('when the server answers an error, then its sentence comes back', async () => {
    const answer = await createSettingsClient(
      answering(403, { error: { code: 'forbidden', message: 'Admins only.' } }),
    ).playbook();
    expect(answer).toEqual({
      ok: false,
      failure: { kind: 'error', code: 'forbidden', message: 'Admins only.' },
    });
  });

  it('when the status answer does not match the contract, then it reads as unreadable', async () => {
    const fetch = answering(200, { installed: 'yes' });
    const answer = await createSettingsClient(fetch).status();
    expect(fetch.mock.calls[0]?.[0]).toBe('https://api.handoff.example/v1/hubspot/status');
    expect(answer).toMatchObject({ ok: false, failure: { code: 'unreadable' } });
  });

  it('when an admin retries failing writes, then it POSTs to the outbox retry path and reads the count', async () => {
    const fetch = answering(200, { retried: 3 });
    expect(await createSettingsClient(fetch).retryFailedWrites()).toEqual({
      ok: true,
      value: { retried: 3 },
    });
    expect(fetch).toHaveBeenCalledWith('https://api.handoff.example/v1/hubspot/outbox/retry', {
      method: 'POST',
      body: {},
    });
  });
});
