import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordView } from '@handoff/shared';
import { startHarness, type Harness } from './harness.js';
import { CS_CHECKLIST_ANSWERS } from './answers.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const ANSWERS = CS_CHECKLIST_ANSWERS;

function handoff(view: RecordView, id = 'sales_to_cs') {
  const found = view.handoffs.find((x) => x.id === id);
  if (!found) throw new Error(`no handoff ${id} in the view`);
  return found;
}

let actionCounter = 0;
function act(
  dealId: string,
  as: string,
  action: Record<string, unknown>,
  expectedVersion?: number,
) {
  return h.call('POST', `/v1/hubspot/records/deals/${dealId}/actions`, {
    as,
    body: {
      handoffId: 'sales_to_cs',
      actionId: `t-${++actionCounter}`,
      action,
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    },
  });
}

describe('the card API: views', () => {
  it('when a rep opens a won deal, then the view shows the open CS handoff and why Submit is not possible yet', async () => {
    const deal = await h.seedWonDeal();
    const answer = await h.call('GET', `/v1/hubspot/records/deals/${deal}`, { as: h.users.rep });
    expect(answer.status).toBe(200);
    const view = answer.body as RecordView;
    expect(view.viewer).toEqual({ userId: h.users.rep, roles: ['sales_rep'] });
    expect(view.currentStage?.id).toBe('closed_won');
    expect(handoff(view).status).toBe('not_started');
    expect(handoff(view).actions.find((a) => a.type === 'submit')?.reason?.code).toBe(
      'items_missing',
    );
    // Nothing is submitted: the clock running is the rep's, CS's has not started.
    expect(view.timers.map((t) => t.slaId)).toContain('rep_submits_cs_handoff');
    expect(view.timers.map((t) => t.slaId)).not.toContain('cs_accepts_won_deal');
  });

  it('when a CS manager or someone without a role opens it, then their roles come from their HubSpot teams', async () => {
    const deal = await h.seedWonDeal();
    const cs = (await h.call('GET', `/v1/hubspot/records/deals/${deal}`, { as: h.users.csManager }))
      .body as RecordView;
    expect(cs.viewer.roles).toEqual(['cs_manager']);
    const guest = (await h.call('GET', `/v1/hubspot/records/deals/${deal}`, { as: h.users.guest }))
      .body as RecordView;
    expect(guest.viewer.roles).toEqual([]);
    expect(handoff(guest).items.some((i) => i.editable)).toBe(false);
  });

  it('when a company is opened, then each of its deals has a view', async () => {
    const won = await h.seedWonDeal();
    const open = await h.seedDeal('qualifiedtobuy');
    const company = await h.seedCompany([won, open]);
    const answer = await h.call('GET', `/v1/hubspot/records/companies/${company}`, {
      as: h.users.rep,
    });
    expect(answer.status).toBe(200);
    const ids = (answer.body as { deals: RecordView[] }).deals.map((d) => d.record.recordId).sort();
    expect(ids).toEqual([won, open].sort());
  });

  it('when a deal is in a pipeline the playbook does not cover, then the answer says so', async () => {
    const deal = await h.seedDeal('other-stage', 'other-pipeline');
    const answer = await h.call('GET', `/v1/hubspot/records/deals/${deal}`, { as: h.users.rep });
    expect(answer).toMatchObject({ status: 422, body: { error: { code: 'not_covered' } } });
  });

  it("when a deal belongs to another HubSpot account, then it is not found: each portal's token reads only its own", async () => {
    const foreign = await h.seedDealInOtherPortal();
    const answer = await h.call('GET', `/v1/hubspot/records/deals/${foreign}`, { as: h.users.rep });
    expect(answer).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });

  it('when a card view is served with roles cached, then it costs one CRM call', async () => {
    const deal = await h.seedWonDeal();
    await h.call('GET', `/v1/hubspot/records/deals/${deal}`, { as: h.users.rep });
    const before = h.crmCalls();
    await h.call('GET', `/v1/hubspot/records/deals/${deal}`, { as: h.users.rep });
    expect(h.crmCalls() - before).toBe(1);
  });
});

describe('the card API: the rep → CS manager flow', () => {
  it('when a rep submits, CS rejects with a reason, the rep reworks and resubmits, then CS accepts', async () => {
    const deal = await h.seedWonDeal();
    let view: RecordView | undefined;
    for (const [itemId, value] of Object.entries(ANSWERS)) {
      const answer = await act(deal, h.users.rep, { type: 'set_item', itemId, value });
      expect(answer.status).toBe(200);
      view = answer.body as RecordView;
    }
    expect(handoff(view as RecordView).actions.find((a) => a.type === 'submit')?.allowed).toBe(
      true,
    );
    expect((await act(deal, h.users.rep, { type: 'submit' }, 8)).status).toBe(200);

    const rejected = await act(
      deal,
      h.users.csManager,
      { type: 'reject', reason: 'promises_unclear', comment: 'Which discount?' },
      9,
    );
    expect(rejected.status).toBe(200);
    expect(handoff(rejected.body as RecordView).rejected).toMatchObject({
      reason: 'promises_unclear',
      comment: 'Which discount?',
      by: h.users.csManager,
    });

    expect(
      (
        await act(deal, h.users.rep, {
          type: 'set_item',
          itemId: 'promises',
          value: '10% off year one',
        })
      ).status,
    ).toBe(200);
    expect((await act(deal, h.users.rep, { type: 'submit' })).status).toBe(200);
    const accepted = await act(deal, h.users.csManager, {
      type: 'accept',
      assigneeId: h.users.csManager,
    });
    expect(accepted.status).toBe(200);
    const final = handoff(accepted.body as RecordView);
    expect(final.status).toBe('accepted');
    expect(final.history.map((e) => e.type)).toEqual([
      'submitted',
      'rejected',
      'reworked',
      'submitted',
      'accepted',
    ]);

    const reread = (await h.call('GET', `/v1/hubspot/records/deals/${deal}`, { as: h.users.rep }))
      .body as RecordView;
    expect(handoff(reread).status).toBe('accepted');
    // Names come from HubSpot's owners, for everyone the view mentions; the action's answer has them too.
    expect(reread.people).toEqual({
      [h.users.rep]: 'Riley Rep',
      [h.users.csManager]: 'Casey Manager',
    });
    expect((accepted.body as RecordView).people?.[h.users.rep]).toBe('Riley Rep');
  });
});

describe('the card API: refusals and bad requests', () => {
  it('when a rep tries to accept, then 403 with the refusal and the current view', async () => {
    const deal = await h.seedWonDeal();
    const answer = await act(deal, h.users.rep, { type: 'accept' });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({
      refusal: {
        code: 'not_allowed',
        message: 'Only CS manager or RevOps admin may accept Sales → CS.',
      },
    });
    expect((answer.body as { view: RecordView }).view.record.recordId).toBe(deal);
  });

  it('when required items are missing, then 422 items_missing; when the version is stale, then 409 conflict', async () => {
    const deal = await h.seedWonDeal();
    expect(await act(deal, h.users.rep, { type: 'submit' })).toMatchObject({
      status: 422,
      body: { refusal: { code: 'items_missing' } },
    });
    await act(deal, h.users.rep, { type: 'set_item', itemId: 'risks', value: 'None' });
    expect(await act(deal, h.users.rep, { type: 'submit' }, 0)).toMatchObject({
      status: 409,
      body: { refusal: { code: 'conflict' } },
    });
  });

  it('when the same actionId is sent twice, then the second answer is the first, and nothing happens twice', async () => {
    const deal = await h.seedWonDeal();
    const body = {
      handoffId: 'sales_to_cs',
      actionId: 'same-click',
      action: { type: 'set_item', itemId: 'risks', value: 'None' },
    };
    const first = await h.call('POST', `/v1/hubspot/records/deals/${deal}/actions`, {
      as: h.users.rep,
      body,
    });
    const second = await h.call('POST', `/v1/hubspot/records/deals/${deal}/actions`, {
      as: h.users.rep,
      body,
    });
    expect(second).toEqual(first);
    expect(handoff(second.body as RecordView).version).toBe(1);
  });

  it('when the action body is malformed or not JSON or too large, then 400 / 400 / 413 with a sentence', async () => {
    const deal = await h.seedWonDeal();
    expect(
      await h.call('POST', `/v1/hubspot/records/deals/${deal}/actions`, {
        as: h.users.rep,
        body: { handoffId: 'x' },
      }),
    ).toMatchObject({
      status: 400,
      body: {
        error: {
          code: 'bad_request',
          message: 'The action request is malformed (actionId, action).',
        },
      },
    });
    expect(
      await h.call('POST', `/v1/hubspot/records/deals/${deal}/actions`, {
        as: h.users.rep,
        raw: '{"handoffId": ',
      }),
    ).toMatchObject({
      status: 400,
      body: { error: { code: 'bad_request', message: 'The request body is not valid JSON.' } },
    });
    const huge = JSON.stringify({
      handoffId: 'sales_to_cs',
      actionId: 'big',
      action: { type: 'set_item', itemId: 'risks', value: 'x'.repeat(1_100_000) },
    });
    expect(
      await h.call('POST', `/v1/hubspot/records/deals/${deal}/actions`, {
        as: h.users.rep,
        raw: huge,
      }),
    ).toMatchObject({
      status: 413,
      body: { error: { code: 'payload_too_large' } },
    });
  });

  it('when a request is unsigned, tampered with, signed with another secret or stale, then 401 and nothing changes', async () => {
    const deal = await h.seedWonDeal();
    const path = `/v1/hubspot/records/deals/${deal}/actions`;
    const body = {
      handoffId: 'sales_to_cs',
      actionId: 'sneaky',
      action: { type: 'set_item', itemId: 'risks', value: 'x' },
    };
    for (const tamper of ['unsigned', 'byte', 'secret', 'stale'] as const) {
      const answer = await h.call('POST', path, { as: h.users.rep, body, tamper });
      expect(answer, tamper).toMatchObject({
        status: 401,
        body: { error: { code: 'unauthorized' } },
      });
    }
    const view = (await h.call('GET', `/v1/hubspot/records/deals/${deal}`, { as: h.users.rep }))
      .body as RecordView;
    expect(handoff(view).version).toBe(0);
  });
});

describe('the card API: the playbook and the install status', () => {
  it('when a non-admin saves a playbook, then 403; when an admin saves a broken one, then 422 with paths and the old one stays', async () => {
    expect(
      await h.call('PUT', '/v1/hubspot/playbook', {
        as: h.users.rep,
        body: { text: 'schemaVersion: 1' },
      }),
    ).toMatchObject({ status: 403 });
    const broken = await h.call('PUT', '/v1/hubspot/playbook', {
      as: h.users.admin,
      body: {
        text: 'schemaVersion: 1\nname: x\nversion: "2"\nfields: {}\nroles: {}\nstages: []\n',
      },
    });
    expect(broken).toMatchObject({
      status: 422,
      body: { issues: [{ path: 'stages', message: 'must have at least 1 entry.' }] },
    });
    const current = await h.call('GET', '/v1/hubspot/playbook', { as: h.users.rep });
    expect(current).toMatchObject({ status: 200, body: { version: '1' } });
  });

  it('when an admin saves a valid playbook, then it is used from the next request', async () => {
    const text = (await h.call('GET', '/v1/hubspot/playbook', { as: h.users.admin })).body as {
      text: string;
    };
    const saved = await h.call('PUT', '/v1/hubspot/playbook', {
      as: h.users.admin,
      body: { text: text.text.replace("version: '1'", "version: '1.1'") },
    });
    expect(saved).toMatchObject({
      status: 200,
      body: { version: '1.1', updatedBy: h.users.admin },
    });
    const deal = await h.seedWonDeal();
    const view = (await h.call('GET', `/v1/hubspot/records/deals/${deal}`, { as: h.users.rep }))
      .body as RecordView;
    expect(view.playbook.version).toBe('1.1');
  });

  it('when a portal has no playbook yet, then the card is told it is not configured', async () => {
    const other = await h.newInstalledPortal();
    const answer = await h.call('GET', '/v1/hubspot/records/deals/1', {
      as: h.users.rep,
      portalId: other,
    });
    expect(answer).toMatchObject({ status: 409, body: { error: { code: 'not_configured' } } });
    // The settings reads need a role: an admin of that portal (the default playbook's RevOps team).
    const admin = String(
      h.emulator.seed.owner(other, { email: 'admin@other.example', teams: [{ name: 'RevOps' }] })
        .userId,
    );
    expect(await h.call('GET', '/v1/hubspot/status', { as: admin, portalId: other })).toMatchObject(
      {
        status: 200,
        body: { installed: true, playbookConfigured: false },
      },
    );
  });

  it('when the service is asked for health, then it answers without a signature', async () => {
    expect(await h.call('GET', '/healthz', { as: '', tamper: 'unsigned' })).toEqual({
      status: 200,
      body: { ok: true },
    });
  });
});

describe('the card API: every refusal code over HTTP', () => {
  it.each([
    ['unknown_handoff', 422, { handoffId: 'nope', action: { type: 'submit' } }],
    [
      'invalid_value',
      422,
      {
        handoffId: 'sales_to_cs',
        action: { type: 'set_item', itemId: 'kickoff_date', value: 'soon' },
      },
    ],
    ['not_allowed', 403, { handoffId: 'sales_to_cs', action: { type: 'reopen' } }],
    ['items_missing', 422, { handoffId: 'sales_to_cs', action: { type: 'submit' } }],
  ])(
    'when the refusal is %s, then the status is %i and the body carries it',
    async (code, status, request) => {
      const deal = await h.seedWonDeal();
      const answer = await h.call('POST', `/v1/hubspot/records/deals/${deal}/actions`, {
        as: h.users.rep,
        body: { actionId: `refusal-${code}`, ...request },
      });
      expect(answer).toMatchObject({ status, body: { refusal: { code } } });
      expect(typeof (answer.body as { refusal: { message: string } }).refusal.message).toBe(
        'string',
      );
    },
  );

  it('when the handoff criteria fail, then 422 criteria_failing; when it is accepted, then 422 closed', async () => {
    const deal = await h.emulator.seed.deal(h.portalId, {
      properties: {
        dealname: 'Zero',
        amount: '0',
        handoff_arr: '1',
        handoff_contract_start: '2026-12-01',
      },
      stageHistory: [{ stage: 'closedwon', at: h.clock.now() - 60_000 }],
    });
    for (const [itemId, value] of Object.entries(ANSWERS))
      await act(deal, h.users.rep, { type: 'set_item', itemId, value });
    expect(await act(deal, h.users.rep, { type: 'submit' })).toMatchObject({
      status: 422,
      body: { refusal: { code: 'criteria_failing' } },
    });

    const won = await h.seedWonDeal();
    for (const [itemId, value] of Object.entries(ANSWERS))
      await act(won, h.users.rep, { type: 'set_item', itemId, value });
    await act(won, h.users.rep, { type: 'submit' });
    await act(won, h.users.csManager, { type: 'accept' });
    expect(
      await act(won, h.users.rep, { type: 'set_item', itemId: 'risks', value: 'late' }),
    ).toMatchObject({
      status: 422,
      body: { refusal: { code: 'closed' } },
    });
  });
});
