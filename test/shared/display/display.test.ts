// The one vocabulary and time format both faces show: formatting, progress, timer lines, the next
// step and collapsed handoffs, from record views the core computes.
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  HANDOFF_STATUSES,
  progressOf,
  recordDisplay,
  TIMER_STATES,
} from '../../../shared/src/display/index.js';
import { evaluateRecord } from '../../../shared/src/record/index.js';
import { csManager, deal, handoffState, MONDAY_10AM_NY, rep, sdr } from '../builders.js';
import { defaultPlaybook } from '../fixtures.js';

const playbook = defaultPlaybook();
const HOUR = 3_600_000;
const NY = 'America/New_York';
const at = Date.UTC(2026, 11, 17, 22, 0); // 17:00 in New York

describe('the one date/time formatter', () => {
  it('when the viewer is in the calendar’s zone, then the time reads in one fixed style without a zone', () => {
    expect(formatDateTime(at, { viewer: NY, reference: NY })).toBe('Dec 17, 2026, 5:00 PM');
  });

  it('when the viewer’s zone differs from the calendar’s, then the time is the viewer’s and the zone is named', () => {
    expect(formatDateTime(at, { viewer: 'Europe/Paris', reference: NY })).toBe(
      'Dec 17, 2026, 11:00 PM GMT+1',
    );
    expect(formatDateTime(at, { viewer: 'America/Chicago', reference: NY })).toBe(
      'Dec 17, 2026, 4:00 PM CST',
    );
  });

  it('when the viewer’s zone is unknown, then it falls back to UTC and says so rather than failing', () => {
    expect(formatDateTime(at, 'Not/AZone')).toBe('Dec 17, 2026, 10:00 PM UTC');
  });

  it('when a value is a calendar date, then it reads as a date in the same style, never shifted a day', () => {
    expect(formatDate('2026-12-07')).toBe('Dec 7, 2026');
    expect(formatDate(Date.UTC(2026, 11, 1))).toBe('Dec 1, 2026');
    expect(formatDate('soon')).toBe('soon');
  });

  it('when a duration is shown, then hours and minutes are exact', () => {
    expect([
      formatDuration(30_000),
      formatDuration(45 * 60_000),
      formatDuration(90 * 60_000),
    ]).toEqual(['under a minute', '45 min', '1 h 30 min']);
  });
});

describe('one vocabulary', () => {
  it('then every timer state and handoff status has one label', () => {
    expect(Object.values(TIMER_STATES).map((w) => w.label)).toEqual([
      'Not started',
      'On track',
      'Paused',
      'At risk',
      'Breached',
      'Met',
      'Met late',
    ]);
    expect(HANDOFF_STATUSES.submitted.label).toBe('Submitted');
  });

  it('then progress is one measure: required items done over required items', () => {
    expect(progressOf({ progress: { done: 9, total: 12, requiredDone: 9, required: 10 } })).toEqual(
      { done: 9, total: 10, percent: 90, complete: false, text: '9 of 10 required items done' },
    );
  });
});

describe('a record as both faces show it', () => {
  const submitted = deal({
    handoffs: {
      sales_to_cs: handoffState('submitted', {
        events: [
          { type: 'submitted', at: MONDAY_10AM_NY + HOUR, by: 'u-rep', actionId: 's', details: {} },
        ],
      }),
    },
    stageHistory: [
      { stage: 'appointment_scheduled', enteredAt: MONDAY_10AM_NY - 30 * 24 * HOUR },
      { stage: 'closed_won', enteredAt: MONDAY_10AM_NY },
    ],
  });

  it('when a CS manager opens a submitted won deal, then the next step is theirs: review it, by the CS timer’s due time, with Accept as the button', () => {
    const view = evaluateRecord(playbook, submitted, csManager, MONDAY_10AM_NY + 2 * HOUR);
    view.people = { 'u-rep': 'Riley Rep' };
    const shown = recordDisplay(view, NY);
    expect(shown.nextStep).toEqual({
      handoffId: 'sales_to_cs',
      whose: 'Your move',
      what: 'Review the Sales → CS handoff: accept or reject it',
      when: 'Due tomorrow, 11:00 AM',
      stateLabel: 'On track',
      tone: 'info',
      action: { type: 'accept', label: 'Accept', emphasis: 'primary', disabled: false },
    });
    const cs = shown.handoffs.find((h) => h.id === 'sales_to_cs');
    expect(cs).toMatchObject({
      statusLabel: 'Submitted',
      milestones: ['Submitted by Riley Rep on Nov 23, 2026, 11:00 AM'],
      nextLine: 'Your move: review the Sales → CS handoff: accept or reject it',
    });
    // The SDR → AE handoff was never submitted and its window has passed: one line.
    expect(shown.handoffs.find((h) => h.id === 'sdr_to_ae')?.settledLine).toBe(
      'Not started — No longer due: the record is at Closed won.',
    );
    expect(shown.timers.find((t) => t.slaId === 'cs_accepts_won_deal')).toMatchObject({
      stateLabel: 'On track',
      waitsOn: 'Waits on the CS manager',
    });
  });

  it('when the rep opens the same deal, then it is waiting on the CS manager and the rep has no button', () => {
    const shown = recordDisplay(
      evaluateRecord(playbook, submitted, rep, MONDAY_10AM_NY + 2 * HOUR),
      'Europe/Paris',
    );
    expect(shown.nextStep).toMatchObject({
      whose: 'Waiting on the CS manager',
      when: 'Due tomorrow, 5:00 PM GMT+1',
    });
    expect(shown.nextStep?.action).toBeUndefined();
  });
});

describe('a rejection as both faces show it', () => {
  const rejected = (at: number) =>
    handoffState('rejected', {
      events: [
        { type: 'submitted', at: at - HOUR, by: 'u-mkt', actionId: 's', details: {} },
        {
          type: 'rejected',
          at,
          by: 'u-sdr',
          actionId: 'r',
          details: { reason: 'not_ready', comment: 'Budget opens in April.' },
        },
      ],
    });

  it('when an SDR recycled an MQL and the contact is a lead again, then the collapsed line is followed by who rejected it, when, why and the comment, said once', () => {
    const recycled = deal({
      objectType: 'contacts',
      recordId: 'c-6',
      stage: 'lead',
      stageHistory: [
        { stage: 'lead', enteredAt: MONDAY_10AM_NY - 72 * HOUR },
        { stage: 'mql', enteredAt: MONDAY_10AM_NY },
        { stage: 'lead', enteredAt: MONDAY_10AM_NY + 2 * HOUR },
      ],
      handoffs: { mql_to_sales: rejected(MONDAY_10AM_NY + 2 * HOUR) },
    });
    const marketer = { userId: 'u-mkt', roles: ['marketing'] };
    const view = evaluateRecord(playbook, recycled, marketer, MONDAY_10AM_NY + 3 * HOUR);
    view.people = { 'u-sdr': 'Iris Novak' };
    const mql = recordDisplay(view, NY).handoffs.find((h) => h.id === 'mql_to_sales');
    expect(mql?.settledLine).toBe('Rejected — No longer due: the record is at Lead.');
    expect(mql?.settledRejection).toBe(
      'Rejected by Iris Novak on Nov 23, 2026, 12:00 PM: Not ready to buy yet — “Budget opens in April.”',
    );
    // Not again beside the milestones inside the details.
    expect(mql?.rejection).toBeUndefined();
  });

  it('when CS rejected a won deal’s handoff and the rep must rework it, then the rejection is beside the milestones and nothing is collapsed', () => {
    const won = deal({
      stageHistory: [{ stage: 'closed_won', enteredAt: MONDAY_10AM_NY }],
      handoffs: { sales_to_cs: rejected(MONDAY_10AM_NY + 2 * HOUR) },
    });
    const view = evaluateRecord(playbook, won, rep, MONDAY_10AM_NY + 3 * HOUR);
    const cs = recordDisplay(view, NY).handoffs.find((h) => h.id === 'sales_to_cs');
    expect(cs?.settledLine).toBeUndefined();
    expect(cs?.settledRejection).toBeUndefined();
    expect(cs?.rejection).toMatch(
      /^Rejected on Nov 23, 2026, 12:00 PM: .* — “Budget opens in April\.”$/,
    );
    // CS's clock is paused while the rep reworks: it waits on nobody, so it names nobody.
    const clock = recordDisplay(view, NY).timers.find((t) => t.slaId === 'cs_accepts_won_deal');
    expect(clock?.stateLabel).toBe(TIMER_STATES.paused.label);
    expect(clock?.waitsOn).toBeUndefined();
  });

  it('when the CS manager has accepted, then the finished clock says it is met and names nobody to wait on', () => {
    const won = deal({
      stageHistory: [{ stage: 'closed_won', enteredAt: MONDAY_10AM_NY }],
      handoffs: {
        sales_to_cs: handoffState('accepted', {
          events: [
            {
              type: 'submitted',
              at: MONDAY_10AM_NY + HOUR,
              by: 'u-rep',
              actionId: 's',
              details: {},
            },
            {
              type: 'accepted',
              at: MONDAY_10AM_NY + 2 * HOUR,
              by: 'u-cs',
              actionId: 'a',
              details: {},
            },
          ],
        }),
      },
    });
    const view = evaluateRecord(playbook, won, rep, MONDAY_10AM_NY + 3 * HOUR);
    const clock = recordDisplay(view, NY).timers.find((t) => t.slaId === 'cs_accepts_won_deal');
    expect(clock?.stateLabel).toBe(TIMER_STATES.met.label);
    expect(clock?.waitsOn).toBeUndefined();
  });
});

describe('a move in the CRM as both faces show it', () => {
  // An MQL since Monday 09:30 New York, nobody has called: speed to lead (4 business hours) is due
  // Monday 13:30; the submitted brief's decision (1 business day from 09:45) is due Tuesday 09:45.
  const untouched = deal({
    objectType: 'contacts',
    recordId: 'c-1',
    stage: 'mql',
    fields: { job_title: 'VP Operations', company_name: 'Acme' },
    stageHistory: [{ stage: 'mql', enteredAt: MONDAY_10AM_NY - 30 * 60_000 }],
    handoffs: {
      mql_to_sales: handoffState('submitted', {
        items: {},
        events: [
          {
            type: 'submitted',
            at: MONDAY_10AM_NY - 15 * 60_000,
            by: 'u-mkt',
            actionId: 's',
            details: {},
          },
        ],
      }),
    },
  });

  it('when the SDR opens an untouched MQL, then the strip says to make first contact by 1:30 PM under the speed-to-lead label, with no button (the call is logged in the CRM)', () => {
    const shown = recordDisplay(evaluateRecord(playbook, untouched, sdr, MONDAY_10AM_NY), NY);
    expect(shown.nextStep).toEqual({
      slaId: 'speed_to_lead',
      whose: 'Your move',
      what: 'Speed to lead: make first contact (log a call, email or meeting)',
      when: 'Due today, 1:30 PM',
      stateLabel: 'On track',
      tone: 'info',
    });
    // The same clock in the list below says the same time.
    expect(shown.timers.find((t) => t.slaId === 'speed_to_lead')?.detail).toBe(
      'Due Nov 23, 2026, 1:30 PM; 3 h 30 min of business time left.',
    );
  });

  it('when the brief is still not submitted at 14:00, then marketing’s own move comes first for marketing, and an AE sees the SDR’s breached clock', () => {
    const unsubmitted = {
      ...untouched,
      handoffs: { mql_to_sales: handoffState('in_progress', { items: {} }) },
    };
    const late = MONDAY_10AM_NY + 4 * HOUR;
    const marketer = { userId: 'u-mkt', roles: ['marketing'] };
    expect(
      recordDisplay(evaluateRecord(playbook, unsubmitted, marketer, late), NY).nextStep,
    ).toMatchObject({
      whose: 'Your move',
      what: 'Complete and submit the Marketing → sales (MQL) handoff',
    });
    expect(recordDisplay(evaluateRecord(playbook, unsubmitted, rep, late), NY).nextStep).toEqual({
      slaId: 'speed_to_lead',
      whose: 'Waiting on the SDR',
      what: 'Speed to lead: make first contact (log a call, email or meeting)',
      when: 'Was due today, 1:30 PM',
      stateLabel: 'Breached',
      tone: 'danger',
    });
  });
});
