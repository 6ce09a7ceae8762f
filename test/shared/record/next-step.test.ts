// Who must act next on each handoff, which handoffs are settled, and the viewer's next step.
import { describe, expect, it } from 'vitest';
import { evaluateRecord } from '../../../shared/src/record/index.js';
import type { HandoffEvent } from '../../../shared/src/shapes/index.js';
import { csManager, deal, handoffState, MONDAY_10AM_NY, rep, sdr } from '../builders.js';
import { parsePlaybook } from '../../../shared/src/playbook/index.js';
import { defaultPlaybook, defaultPlaybookInput } from '../fixtures.js';

const playbook = defaultPlaybook();
const HOUR = 3_600_000;
const event = (type: HandoffEvent['type'], at: number, by = 'u-rep'): HandoffEvent => ({
  type,
  at,
  by,
  actionId: `${type}-${at}`,
  details: type === 'rejected' ? { reason: 'missing_information' } : {},
});
const won = (status: Parameters<typeof handoffState>[0], events: HandoffEvent[] = []) =>
  deal({ handoffs: { sales_to_cs: handoffState(status, { events }) } });
const handoff = (view: ReturnType<typeof evaluateRecord>, id: string) =>
  view.handoffs.find((h) => h.id === id);

describe('who must act next', () => {
  it('when a won deal’s CS handoff is not submitted, then the ball is with the rep, whose next step is to submit it against the rep’s timer', () => {
    const view = evaluateRecord(playbook, won('in_progress'), rep, MONDAY_10AM_NY + HOUR);
    expect(handoff(view, 'sales_to_cs')?.next).toEqual({
      roles: ['sales_rep', 'admin'],
      label: 'Account executive',
      action: 'submit',
      viewerMayAct: true,
    });
    expect(view.nextStep).toMatchObject({
      handoffId: 'sales_to_cs',
      ball: { label: 'Account executive', action: 'submit' },
      timer: { slaId: 'rep_submits_cs_handoff', state: 'running' },
      viewerAction: { type: 'submit', allowed: true },
    });
  });

  it('when the CS handoff is submitted, then the ball is with CS: a CS manager’s next step is Accept, the rep is waiting on the CS manager', () => {
    const submitted = won('submitted', [event('submitted', MONDAY_10AM_NY + HOUR)]);
    const byCs = evaluateRecord(playbook, submitted, csManager, MONDAY_10AM_NY + 2 * HOUR);
    expect(byCs.nextStep).toMatchObject({
      ball: { roles: ['cs_manager', 'admin'], label: 'CS manager', action: 'accept' },
      timer: { slaId: 'cs_accepts_won_deal', state: 'running' },
      viewerAction: { type: 'accept', allowed: true },
    });
    const byRep = evaluateRecord(playbook, submitted, rep, MONDAY_10AM_NY + 2 * HOUR);
    expect(byRep.nextStep?.ball).toMatchObject({ label: 'CS manager', viewerMayAct: false });
    expect(byRep.nextStep?.viewerAction).toBeUndefined();
  });

  it('when CS rejected the handoff, then the ball is back with the rep, to rework it; CS’s timer is paused and not shown as theirs', () => {
    const rejected = won('rejected', [
      event('submitted', MONDAY_10AM_NY + HOUR),
      event('rejected', MONDAY_10AM_NY + 2 * HOUR, 'u-cs'),
    ]);
    const view = evaluateRecord(playbook, rejected, rep, MONDAY_10AM_NY + 3 * HOUR);
    expect(view.nextStep).toMatchObject({
      ball: { label: 'Account executive', action: 'reopen', viewerMayAct: true },
      viewerAction: { type: 'reopen', allowed: true },
    });
    expect(view.nextStep?.timer).toBeUndefined();
  });

  it('when the handoff is accepted, then it is settled, nobody must act and there is no next step', () => {
    const accepted = won('accepted', [
      event('submitted', MONDAY_10AM_NY + HOUR),
      event('accepted', MONDAY_10AM_NY + 2 * HOUR, 'u-cs'),
    ]);
    const view = evaluateRecord(playbook, accepted, csManager, MONDAY_10AM_NY + 3 * HOUR);
    expect(handoff(view, 'sales_to_cs')).toMatchObject({
      settled: { reason: 'accepted', summary: 'Accepted.' },
    });
    expect(handoff(view, 'sales_to_cs')?.next).toBeUndefined();
    expect(view.nextStep).toBeNull();
  });

  it('when a won deal never had its SDR → AE handoff submitted, then that handoff’s window has passed: settled, with nobody to act', () => {
    const view = evaluateRecord(playbook, won('not_started'), csManager, MONDAY_10AM_NY + HOUR);
    expect(handoff(view, 'sdr_to_ae')).toMatchObject({
      status: 'not_started',
      settled: {
        reason: 'window_passed',
        summary: 'No longer due: the record is at Closed won.',
      },
    });
    expect(handoff(view, 'sdr_to_ae')?.next).toBeUndefined();
    expect(view.nextStep?.handoffId).toBe('sales_to_cs');
  });

  it('when a new deal waits for the SDR, then the SDR’s next step is to submit against the SDR’s own timer; the AE waits on the SDR', () => {
    const fresh = deal({
      stage: 'appointment_scheduled',
      stageHistory: [{ stage: 'appointment_scheduled', enteredAt: MONDAY_10AM_NY }],
    });
    const bySdr = evaluateRecord(playbook, fresh, sdr, MONDAY_10AM_NY + HOUR);
    expect(bySdr.nextStep).toMatchObject({
      handoffId: 'sdr_to_ae',
      ball: { label: 'SDR', action: 'submit', viewerMayAct: true },
      timer: { slaId: 'sdr_submits_new_deal' },
      viewerAction: { type: 'submit', allowed: false, reason: { code: 'items_missing' } },
    });
    expect(bySdr.timers.map((t) => t.slaId)).toEqual(['sdr_submits_new_deal']);
    const byAe = evaluateRecord(playbook, fresh, rep, MONDAY_10AM_NY + HOUR);
    expect(byAe.nextStep?.ball.viewerMayAct).toBe(false);
  });
});

describe('an SLA’s waitsOn', () => {
  it('when the playbook names the role an SLA waits on, then timers show it instead of the derived one; an unknown role is refused at its path', () => {
    const input = defaultPlaybookInput();
    const cs = (input.slas as { id: string; waitsOn?: string }[]).find(
      (s) => s.id === 'cs_accepts_won_deal',
    );
    if (!cs) throw new Error('no CS SLA');
    cs.waitsOn = 'admin';
    const parsed = parsePlaybook(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const view = evaluateRecord(
      parsed.playbook,
      won('submitted', [event('submitted', MONDAY_10AM_NY + HOUR)]),
      csManager,
      MONDAY_10AM_NY + 2 * HOUR,
    );
    expect(view.timers.find((t) => t.slaId === 'cs_accepts_won_deal')?.waitsOn).toEqual({
      role: 'admin',
      label: 'RevOps admin',
    });
    cs.waitsOn = 'cs_team';
    const refused = parsePlaybook(input);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.issues.map((i) => i.path)).toContain('slas[3].waitsOn');
  });
});
