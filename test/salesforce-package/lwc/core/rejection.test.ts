// The panel's adapter and the rejection fields (Rejected_At__c, Rejected_By__c): the rejected event
// comes from them (not from LastModifiedDate), so the core pauses the CS SLA while the handoff is sent
// back, exactly as on HubSpot. Times are hand-computed on the default playbook's calendar
// (Mon–Fri 09:00–17:00 New York, EST in November 2026; no holiday 19–23 Nov).
import { evaluateRecord } from '@handoff/shared';
import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../../shared/fixtures.js';
import {
  buildSnapshot,
  panelModel,
  planAction,
  viewerFrom,
} from '../../../../salesforce-package/scripts/handoff-core/entry.js';

const playbook = defaultPlaybook();

const HOUR = 3_600_000;
/** New York wall time in November 2026 (EST, UTC−5). */
const ny = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 5, minute);
const iso = (at: number) => new Date(at).toISOString();
const f = (value: unknown) => ({ value });

// Won Thursday 19 Nov 09:00 and submitted at once; rejected at 11:00 (2 of 8 business hours used).
const WON = ny(19, 9);
const SUBMITTED = ny(19, 9);
const REJECTED = ny(19, 11);
// Looked at on Monday 23 Nov 13:30; a later edit moved LastModifiedDate to Friday.
const NOW = ny(23, 13, 30);
const LATER_EDIT = ny(20, 16);
const CS_MANAGER = '005CSM';
const REP = '005REP';

const opportunity = {
  id: '006A',
  fields: {
    StageName: f('Closed Won'),
    AccountId: f('001A'),
    LastStageChangeDate: f(iso(WON)),
  },
};

function header(status: string, fields: Record<string, unknown>) {
  return {
    id: 'a01A',
    fields: Object.fromEntries(
      Object.entries({
        Handoff_Id__c: 'sales_to_cs',
        Record_Key__c: '006A:sales_to_cs',
        Status__c: status,
        Version__c: 4,
        Submitted_At__c: iso(SUBMITTED),
        Submitted_By__c: REP,
        Rejection_Reason__c: 'missing_information',
        Rejection_Comment__c: 'Add the champion',
        LastModifiedDate: iso(LATER_EDIT),
        ...fields,
      }).map(([k, v]) => [k, f(v)]),
    ),
  };
}
const rejectedBy = { Rejected_At__c: iso(REJECTED), Rejected_By__c: CS_MANAGER };

function view(h: ReturnType<typeof header>) {
  const snapshot = buildSnapshot(playbook, { opportunity, handoffs: [h], items: {} });
  const v = evaluateRecord(playbook, snapshot, { userId: REP, roles: ['sales_rep'] }, NOW);
  const timer = v.timers.find((t) => t.slaId === 'cs_accepts_won_deal');
  return { snapshot, view: v, timer, handoff: v.handoffs.find((x) => x.id === 'sales_to_cs') };
}

describe('the panel adapter reads when and by whom a handoff was rejected', () => {
  it('when the handoff is rejected, then the rejection is the exact time and user of Rejected_At__c / Rejected_By__c, and the CS timer is paused with 6 of 8 hours left', () => {
    const { timer, handoff } = view(header('rejected', rejectedBy));
    expect(handoff?.rejected).toMatchObject({
      at: REJECTED,
      by: CS_MANAGER,
      reason: 'missing_information',
      comment: 'Add the champion',
    });
    expect(handoff?.history.map((e) => [e.type, e.at])).toEqual([
      ['submitted', SUBMITTED],
      ['rejected', REJECTED],
    ]);
    // Without the pause it was due Friday 09:00 and breached by Monday.
    expect(timer).toMatchObject({ state: 'paused', paused: true, dueAt: null });
    expect(timer?.remainingMs).toBe(6 * HOUR);
  });

  // A gap of the header, not of the core: it keeps the last submission only, so after a rework the
  // first submission — where CS's clock started — is unknown here and the clock starts again at the
  // resubmission (HubSpot, which keeps every event, counts the 2 h before the rejection too).
  it('when it was reworked and submitted again Monday 09:00, then CS’s clock runs from that submission: 4.5 h used, due Monday 17:00', () => {
    const { timer, handoff } = view(
      header('submitted', { ...rejectedBy, Submitted_At__c: iso(ny(23, 9)) }),
    );
    expect(handoff?.history.map((e) => [e.type, e.at])).toEqual([
      ['rejected', REJECTED],
      ['submitted', ny(23, 9)],
    ]);
    expect(timer).toMatchObject({
      state: 'running',
      paused: false,
      startedAt: ny(23, 9),
      dueAt: ny(23, 17),
    });
    expect(timer?.remainingMs).toBe(3.5 * HOUR);
  });

  it('when the rejection and the resubmission carry the same instant (a clock standing still), then the resubmission still ends the pause', () => {
    const { timer, handoff } = view(
      header('submitted', { ...rejectedBy, Submitted_At__c: iso(REJECTED) }),
    );
    expect(handoff?.history.map((e) => e.type)).toEqual(['rejected', 'submitted']);
    expect(timer?.paused).toBe(false);
    // And a rejection at the instant of its submission still reads as rejected, paused.
    const rejected = view(header('rejected', { ...rejectedBy, Submitted_At__c: iso(REJECTED) }));
    expect(rejected.handoff?.history.map((e) => e.type)).toEqual(['submitted', 'rejected']);
    expect(rejected.timer?.paused).toBe(true);
  });

  it('when it is in rework (in progress after the rejection), then the timer stays paused, the history keeps the rejection, no rework time is invented and the rejection notice is gone', () => {
    const { timer, handoff, view: v } = view(header('in_progress', rejectedBy));
    expect(timer).toMatchObject({ state: 'paused', dueAt: null });
    expect(timer?.remainingMs).toBe(6 * HOUR);
    expect(handoff?.history.map((e) => e.type)).toEqual(['submitted', 'rejected']);
    const model = panelModel(v, 'America/New_York').handoffs[0];
    expect(model?.rejection).toBeUndefined();
    // The viewer submitted ("you"); the rejecter's name was not read, so only the time shows.
    expect(model?.history.map((e) => e.text)).toEqual([
      'Nov 19, 2026, 9:00 AM — Submitted by you',
      'Nov 19, 2026, 11:00 AM — Rejected: Missing or vague information — “Add the champion”',
    ]);
  });

  it('when it was accepted after the resubmission, then the timer is met at the acceptance, counting the pause out', () => {
    const { timer } = view(
      header('accepted', {
        ...rejectedBy,
        Submitted_At__c: iso(ny(23, 9)),
        Accepted_At__c: iso(ny(23, 10)),
        Accepted_By__c: CS_MANAGER,
      }),
    );
    // From the resubmission (the header's only submission): 1 of 8 h, met.
    expect(timer).toMatchObject({ state: 'met', completedAt: ny(23, 10) });
    expect(timer?.remainingMs).toBe(7 * HOUR);
  });

  it('when a handoff was rejected before the package had Rejected_At__c, then LastModifiedDate still stands in for the time', () => {
    const { handoff } = view(header('rejected', {}));
    expect(handoff?.rejected).toMatchObject({ at: LATER_EDIT, by: '' });
    // Not a rejection any more: without Rejected_At__c nothing says one happened.
    expect(view(header('in_progress', {})).handoff?.history.map((e) => e.type)).toEqual([
      'submitted',
    ]);
  });

  it('when a CS manager rejects on the panel, then the write records the time and the user with the reason', () => {
    const before = header('submitted', {});
    const snapshot = buildSnapshot(playbook, { opportunity, handoffs: [before], items: {} });
    const plan = planAction(
      {
        playbook,
        snapshot,
        viewer: viewerFrom(CS_MANAGER, 'cs_manager', playbook),
        now: NOW,
        header: before,
        rows: [],
        actionId: 'a-reject',
      },
      { type: 'reject', reason: 'promises_unclear', comment: 'Which discount?' },
    );
    expect(plan).toEqual({
      ok: true,
      writes: {
        handoff: {
          fields: {
            Id: 'a01A',
            Status__c: 'rejected',
            Action__c: 'reject',
            Action_Id__c: 'a-reject',
            Version__c: 5,
            Rejected_By__c: CS_MANAGER,
            Rejected_At__c: iso(NOW),
            Rejection_Reason__c: 'promises_unclear',
            Rejection_Comment__c: 'Which discount?',
          },
        },
        conditional: true,
      },
    });
  });
});
