// An accepted handoff records the record it became or was linked to (an expansion's deal): the
// accept event carries details.linkedRecordId, which the view shows and metrics count.
import { describe, expect, it } from 'vitest';
import { applyHandoffAction } from '../../../shared/src/handoff/index.js';
import { evaluateRecord } from '../../../shared/src/record/index.js';
import type { HandoffState, RecordSnapshot } from '../../../shared/src/shapes/index.js';
import { csManager, MONDAY_10AM_NY, rep } from '../builders.js';
import { defaultPlaybook } from '../fixtures.js';

const playbook = defaultPlaybook();
const now = MONDAY_10AM_NY + 3_600_000;

const submitted: HandoffState = {
  status: 'submitted',
  version: 3,
  items: {
    wants: { value: '40 more seats', done: true, by: 'u-cs', at: MONDAY_10AM_NY },
    contact: { value: 'Ana (VP Ops)', done: true, by: 'u-cs', at: MONDAY_10AM_NY },
  },
  events: [{ type: 'submitted', at: MONDAY_10AM_NY, by: 'u-cs', actionId: 's1', details: {} }],
};

function company(expansion: HandoffState = submitted): RecordSnapshot {
  return {
    crm: 'hubspot',
    objectType: 'company',
    recordId: 'c-1',
    stage: 'customer',
    fields: {},
    stageHistory: [{ stage: 'customer', enteredAt: MONDAY_10AM_NY - 86_400_000 }],
    handoffs: { expansion },
  };
}

describe('accepting with a linked record', () => {
  it('when the AE accepts naming a deal, then the accept event carries its id and the view shows it', () => {
    const result = applyHandoffAction(
      playbook,
      company(),
      {
        handoffId: 'expansion',
        actionId: 'a1',
        action: { type: 'accept', linkedRecordId: 'd-77' },
      },
      rep,
      now,
    );
    if (!result.ok) throw new Error(result.refusal.message);
    expect(result.state.status).toBe('accepted');
    expect(result.events).toEqual([
      {
        type: 'accepted',
        at: now,
        by: 'u-rep',
        actionId: 'a1',
        details: { linkedRecordId: 'd-77' },
      },
    ]);
    const view = evaluateRecord(playbook, company(result.state), rep, now);
    expect(view.handoffs.find((h) => h.id === 'expansion')?.accepted).toEqual({
      by: 'u-rep',
      at: now,
      linkedRecordId: 'd-77',
    });
  });

  it('when the AE accepts without one, then the event has no linkedRecordId', () => {
    const result = applyHandoffAction(
      playbook,
      company(),
      { handoffId: 'expansion', actionId: 'a2', action: { type: 'accept' } },
      rep,
      now,
    );
    expect(result.ok && result.events[0]?.details).toEqual({});
  });

  it('when the linked id is empty, then the request is refused as malformed', () => {
    const result = applyHandoffAction(
      playbook,
      company(),
      { handoffId: 'expansion', actionId: 'a3', action: { type: 'accept', linkedRecordId: '' } },
      rep,
      now,
    );
    expect(result.ok ? 'accepted' : result.refusal.code).toBe('invalid_value');
  });

  it('when a CS manager tries to accept the expansion, then only sales may', () => {
    const result = applyHandoffAction(
      playbook,
      company(),
      { handoffId: 'expansion', actionId: 'a4', action: { type: 'accept', linkedRecordId: 'd-1' } },
      csManager,
      now,
    );
    expect(result.ok ? 'accepted' : result.refusal.code).toBe('not_allowed');
  });
});
