// Who must act next on each handoff, which handoffs are settled, and the viewer's next step.
import { describe, expect, it } from 'vitest';
import { recordDisplay } from '../../../shared/src/display/index.js';
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
    expect(byRep.nextStep).not.toHaveProperty('viewerAction');
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
    expect(view.nextStep).toMatchObject({ kind: 'handoff', handoffId: 'sales_to_cs' });
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

// Which handoffs a record shows: only those that mean something for it. An AE who accepts an
// expansion gets a deal Handoff creates at Qualified to buy (the first deal stage that opens no
// handoff and starts no clock); it never was where an SDR hands a deal over.
describe('which handoffs the card shows', () => {
  const created = (stage: string, ...later: string[]) =>
    deal({
      stage: later.at(-1) ?? stage,
      stageHistory: [stage, ...later].map((s, i) => ({
        stage: s,
        enteredAt: MONDAY_10AM_NY + i * 24 * HOUR,
      })),
    });
  const shown = (snapshot: ReturnType<typeof deal>, at = MONDAY_10AM_NY + HOUR) =>
    recordDisplay(evaluateRecord(playbook, snapshot, rep, at), 'America/New_York').handoffs.map(
      (h) => [h.label, h.settledLine ?? h.statusLabel],
    );

  it('when an AE opens the deal an accepted expansion became, then it shows no SDR → AE handoff: that deal was never where an SDR hands over', () => {
    expect(shown(created('qualified'))).toEqual([]);
    const view = evaluateRecord(playbook, created('qualified'), rep, MONDAY_10AM_NY + HOUR);
    expect(view.handoffs).toEqual([]);
    expect(view.nextStep).toBeNull();
  });

  it('when a deal created past the SDR’s stage (by an AE, or from an expansion) moves on and is won, then it never shows the SDR → AE handoff; won, Sales → CS alone', () => {
    expect(shown(created('qualified', 'contract_sent'), MONDAY_10AM_NY + 2 * 24 * HOUR)).toEqual(
      [],
    );
    const won = created('qualified', 'contract_sent', 'closed_won');
    expect(shown(won, MONDAY_10AM_NY + 3 * 24 * HOUR)).toEqual([['Sales → CS', 'Not started']]);
  });

  it('when a deal was at Appointment scheduled and moved on without the SDR’s handoff, then it still shows it as left behind', () => {
    expect(shown(created('appointment_scheduled', 'qualified'))).toEqual([
      ['SDR → AE', 'Not started — No longer due: the record is at Qualified to buy.'],
    ]);
  });

  it('when someone worked the SDR → AE handoff on a deal created past its stage, then it still shows, settled, with what became of it', () => {
    const rejected = handoffState('rejected', {
      events: [event('submitted', MONDAY_10AM_NY, 'u-sdr'), event('rejected', MONDAY_10AM_NY)],
    });
    expect(shown({ ...created('qualified'), handoffs: { sdr_to_ae: rejected } })).toEqual([
      ['SDR → AE', 'Rejected — No longer due: the record is at Qualified to buy.'],
    ]);
  });

  it('when the SDR’s clocks run on past the first stage, then a deal created at a later stage still owes the handoff: shown, the SDR to submit it', () => {
    const input = defaultPlaybookInput();
    for (const sla of input.slas as { id: string; stop: { on: string }[] }[])
      if (sla.id === 'sdr_submits_new_deal' || sla.id === 'ae_accepts_new_deal')
        sla.stop = sla.stop.filter((s) => s.on !== 'stage_left');
    const parsed = parsePlaybook(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const view = evaluateRecord(parsed.playbook, created('qualified'), rep, MONDAY_10AM_NY + HOUR);
    expect(handoff(view, 'sdr_to_ae')).toMatchObject({
      status: 'not_started',
      next: { label: 'SDR', action: 'submit' },
    });
    expect(handoff(view, 'sdr_to_ae')?.settled).toBeUndefined();
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

// The next step weighs every clock the viewer can stop, not only the handoffs'. Times by hand, on
// the us_business calendar (09:00–17:00 New York, EST = UTC−5 in November): a contact becomes an MQL
// Monday 2026-11-23 at 09:30 and marketing submits its brief at 09:45.
// - Speed to lead, 4 business hours from 09:30: due Monday 13:30 (at risk from 12:30).
// - Sales accepts or recycles the MQL, 1 business day (8 h) from 09:45: 7 h 15 min on Monday, 45 min
//   on Tuesday, so due Tuesday 09:45 (at risk after 75 %, 6 h: Monday 15:45).
describe('the next step weighs the clocks the viewer can stop', () => {
  const ny = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 5, minute);
  const MQL_AT = ny(23, 9, 30);
  const SUBMITTED_AT = ny(23, 9, 45);
  const SPEED_DUE = ny(23, 13, 30);
  const DECISION_DUE = ny(24, 9, 45);
  const marketer = { userId: 'u-mkt', roles: ['marketing'] };
  const submittedBrief = handoffState('submitted', {
    items: {},
    events: [{ type: 'submitted', at: SUBMITTED_AT, by: 'u-mkt', actionId: 's-1', details: {} }],
  });
  const mql = (overrides: Partial<Parameters<typeof deal>[0]> = {}) =>
    deal({
      objectType: 'contacts',
      recordId: 'c-1',
      stage: 'mql',
      fields: { job_title: 'VP Operations', company_name: 'Acme' },
      stageHistory: [
        { stage: 'lead', enteredAt: MQL_AT - 72 * HOUR },
        { stage: 'mql', enteredAt: MQL_AT },
      ],
      handoffs: { mql_to_sales: submittedBrief },
      ...overrides,
    });

  it('when the SDR opens an untouched MQL whose brief is submitted, then the first contact due today 13:30 comes before the decision due tomorrow, as a move in the CRM with no button', () => {
    const view = evaluateRecord(playbook, mql(), sdr, ny(23, 10));
    expect(view.nextStep).toEqual({
      kind: 'sla',
      ball: { roles: ['sdr'], label: 'SDR', viewerMayAct: true },
      stop: { on: 'first_activity' },
      timer: { slaId: 'speed_to_lead', label: 'Speed to lead', state: 'running', dueAt: SPEED_DUE },
    });
    // The decision is still the SDR's to make, and still on the card, just second.
    expect(handoff(view, 'mql_to_sales')?.next).toMatchObject({
      action: 'accept',
      viewerMayAct: true,
    });
    expect(view.timers.find((t) => t.slaId === 'sales_decides_mql')?.dueAt).toBe(DECISION_DUE);
  });

  it('when the SDR has logged a call at 10:30, then speed to lead is met and the next step is the decision, due Tuesday 09:45, with Accept', () => {
    const view = evaluateRecord(playbook, mql({ activities: [ny(23, 10, 30)] }), sdr, ny(23, 11));
    expect(view.nextStep).toMatchObject({
      kind: 'handoff',
      handoffId: 'mql_to_sales',
      ball: { action: 'accept', viewerMayAct: true },
      timer: { slaId: 'sales_decides_mql', state: 'running', dueAt: DECISION_DUE },
      viewerAction: { type: 'accept', allowed: true },
    });
  });

  it('when nobody has called by 14:00, then the SDR’s step is the breached first contact, before the decision still on track', () => {
    const view = evaluateRecord(playbook, mql(), sdr, ny(23, 14));
    expect(view.nextStep).toMatchObject({
      kind: 'sla',
      timer: { slaId: 'speed_to_lead', state: 'breached', dueAt: SPEED_DUE },
    });
  });

  it('when the decision is already at risk but first contact is due sooner and on track, then the earlier due time wins: an at-risk line is one SLA’s warning, not a deadline', () => {
    const input = defaultPlaybookInput();
    const decision = (input.slas as { id: string; warn?: unknown }[]).find(
      (s) => s.id === 'sales_decides_mql',
    );
    if (!decision) throw new Error('no decision SLA');
    decision.warn = { consumedPercent: 1 };
    const parsed = parsePlaybook(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const view = evaluateRecord(parsed.playbook, mql(), sdr, ny(23, 10));
    expect(view.timers.find((t) => t.slaId === 'sales_decides_mql')?.state).toBe('at_risk');
    expect(view.nextStep).toMatchObject({
      kind: 'sla',
      timer: { slaId: 'speed_to_lead', state: 'running' },
    });
  });

  it('when an account executive opens the same MQL, then speed to lead is the SDR’s (the SLA waits on the SDR), so their own step is the decision', () => {
    const view = evaluateRecord(playbook, mql(), rep, ny(23, 10));
    expect(view.nextStep).toMatchObject({
      kind: 'handoff',
      ball: { action: 'accept', viewerMayAct: true },
      timer: { slaId: 'sales_decides_mql', dueAt: DECISION_DUE },
    });
  });

  it('when marketing opens an untouched MQL whose brief is not submitted, then their own move (submit the brief, no clock) comes before the SDR’s running clock', () => {
    const view = evaluateRecord(
      playbook,
      mql({ handoffs: { mql_to_sales: handoffState('in_progress', { items: {} }) } }),
      marketer,
      ny(23, 10),
    );
    expect(view.nextStep).toMatchObject({
      kind: 'handoff',
      ball: { action: 'submit', viewerMayAct: true },
    });
    expect(view.nextStep?.timer).toBeUndefined();
  });

  it('when nothing is the viewer’s to do, then they see what presses most on others: an AE on an MQL whose brief is not submitted waits on the SDR’s first contact, not on marketing’s unclocked brief', () => {
    const view = evaluateRecord(
      playbook,
      mql({ handoffs: { mql_to_sales: handoffState('in_progress', { items: {} }) } }),
      rep,
      ny(23, 10),
    );
    expect(view.nextStep).toMatchObject({
      kind: 'sla',
      ball: { label: 'SDR', viewerMayAct: false },
      timer: { slaId: 'speed_to_lead', dueAt: SPEED_DUE },
    });
  });

  it('when an MQL was recycled to lead untouched, then nobody is told to call it, even where its speed-to-lead clock still runs', () => {
    // A playbook whose speed to lead stops on the first touch only: its clock runs on after the MQL.
    const input = defaultPlaybookInput();
    const speed = (input.slas as { id: string; stop: unknown }[]).find(
      (s) => s.id === 'speed_to_lead',
    );
    if (!speed) throw new Error('no speed-to-lead SLA');
    speed.stop = { on: 'first_activity' };
    const parsed = parsePlaybook(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const rejected = handoffState('rejected', {
      items: {},
      events: [
        { type: 'submitted', at: SUBMITTED_AT, by: 'u-mkt', actionId: 's-1', details: {} },
        {
          type: 'rejected',
          at: ny(23, 10),
          by: 'u-sdr',
          actionId: 'r-1',
          details: { reason: 'not_ready' },
        },
      ],
    });
    const recycled = mql({
      stage: 'lead',
      stageHistory: [
        { stage: 'lead', enteredAt: MQL_AT - 72 * HOUR },
        { stage: 'mql', enteredAt: MQL_AT },
        { stage: 'lead', enteredAt: ny(23, 10) },
      ],
      handoffs: { mql_to_sales: rejected },
    });
    const view = evaluateRecord(parsed.playbook, recycled, sdr, ny(23, 11));
    expect(view.timers.find((t) => t.slaId === 'speed_to_lead')?.state).toBe('running');
    expect(view.nextStep?.kind).not.toBe('sla');
  });

  it('when a deal SLA of no handoff waits on the AE for a field, then the step names the field to fill in, under the SLA’s own label', () => {
    const input = defaultPlaybookInput();
    input.slas.push({
      id: 'ae_books_demo',
      label: 'AE books the demo',
      start: { on: 'stage_entered', stage: 'qualified' },
      stop: { on: 'field_set', field: 'demo_date' },
      target: { unit: 'business_hours', amount: 8 },
      calendar: 'us_business',
      waitsOn: 'sales_rep',
    });
    const parsed = parsePlaybook(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const qualified = deal({
      stage: 'qualified',
      fields: { pain: 'Manual reporting' },
      stageHistory: [
        { stage: 'appointment_scheduled', enteredAt: MONDAY_10AM_NY - 48 * HOUR },
        { stage: 'qualified', enteredAt: MONDAY_10AM_NY },
      ],
    });
    // 8 business hours from Monday 10:00: 7 on Monday, 1 on Tuesday, so due Tuesday 10:00.
    const view = evaluateRecord(parsed.playbook, qualified, rep, MONDAY_10AM_NY + HOUR);
    expect(view.nextStep).toEqual({
      kind: 'sla',
      ball: { roles: ['sales_rep'], label: 'Account executive', viewerMayAct: true },
      stop: { on: 'field_set', target: { id: 'demo_date', label: 'Demo date' } },
      timer: {
        slaId: 'ae_books_demo',
        label: 'AE books the demo',
        state: 'running',
        dueAt: MONDAY_10AM_NY + 24 * HOUR,
      },
    });
  });
});
