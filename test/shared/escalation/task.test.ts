import { describe, expect, it } from 'vitest';
import {
  escalationTasks,
  moveTask,
  planEscalations,
  tasksToClose,
  type EscalationAction,
} from '../../../shared/src/escalation/index.js';
import { evaluateRecord } from '../../../shared/src/record/index.js';
import { csManager, deal, handoffState } from '../builders.js';
import { defaultPlaybook } from '../fixtures.js';

const playbook = defaultPlaybook();
/** New York wall time in November 2026 (EST, UTC−5). */
const ny = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 5, minute);
const ACME = { name: 'Acme', link: 'https://app.hubspot.com/contacts/1/record/0-3/d-1' };

/**
 * Won Monday 17:00 New York, so the rep's 8 business hours run all of Tuesday: due Tuesday
 * 24 November 17:00 New York. At risk from 75 % (Tuesday 15:00), breached after 17:00.
 */
function plan(now: number, done: ReadonlySet<string> = new Set()): EscalationAction[] {
  const view = evaluateRecord(
    playbook,
    deal({ stageHistory: [{ stage: 'closed_won', enteredAt: ny(23, 17) }] }),
    csManager,
    now,
  );
  return planEscalations(playbook, [view], done, now);
}

describe('escalationTasks', () => {
  it('when the rep’s timer is at risk, then the owner’s task names the deal, the SLA and the level, says what to do, and is due when the SLA is due — written in the owner’s own zone, named', () => {
    const now = ny(24, 15, 30);
    const [atRisk] = plan(now);
    expect(atRisk?.level).toBe(1);
    // Hand-computed: Tuesday 17:00 EST = 22:00 UTC = Wednesday 09:00 in Sydney (AEDT, UTC+11)
    // and Tuesday 14:00 in Los Angeles (PST, UTC−8).
    const due = Date.UTC(2026, 10, 24, 22, 0);
    const [sydney, losAngeles] = escalationTasks(
      atRisk!,
      ACME,
      [
        { id: 'owner-syd', timeZone: 'Australia/Sydney' },
        { id: 'owner-la', timeZone: 'America/Los_Angeles' },
      ],
      now,
    );
    expect(sydney).toEqual({
      key: `${atRisk!.key}:owner-syd`,
      assigneeId: 'owner-syd',
      timeZone: 'Australia/Sydney',
      subject: 'At risk: Rep submits the CS handoff on Acme — due Nov 25, 2026, 9:00 AM GMT+11',
      body: [
        'Complete and submit the Sales → CS handoff.',
        'Rep submits the CS handoff is at risk: due Nov 25, 2026, 9:00 AM GMT+11, 1 h 30 min of business time left.',
        'Acme: https://app.hubspot.com/contacts/1/record/0-3/d-1',
      ].join('\n'),
      dueAt: due,
      dueDate: '2026-11-25',
      priority: 'normal',
    });
    expect([losAngeles?.subject, losAngeles?.dueAt, losAngeles?.dueDate]).toEqual([
      'At risk: Rep submits the CS handoff on Acme — due Nov 24, 2026, 2:00 PM PST',
      due,
      '2026-11-24',
    ]);
  });

  it('when the timer has breached, then the admin is asked to follow up with whoever must act, at high priority, due now (the SLA’s due time has passed)', () => {
    const early = ny(24, 15, 30);
    const raised = new Set(plan(early).map((a) => a.key));
    const now = ny(25, 9, 30);
    const [breach] = plan(now, raised);
    expect([breach?.level, breach?.superseded]).toEqual([2, false]);
    const [task] = escalationTasks(breach!, { name: 'Acme' }, [{ id: 'admin-1' }], now);
    expect(task).toEqual({
      key: `${breach!.key}:admin-1`,
      assigneeId: 'admin-1',
      // The admin's zone is not known: the SLA calendar's zone, named.
      timeZone: 'America/New_York',
      subject: 'Breached: Rep submits the CS handoff on Acme — was due Nov 24, 2026, 5:00 PM EST',
      body: [
        'The Account executive must complete and submit the Sales → CS handoff. Follow up with them.',
        'Rep submits the CS handoff is breached: it was due Nov 24, 2026, 5:00 PM EST.',
      ].join('\n'),
      dueAt: now,
      dueDate: '2026-11-25',
      priority: 'high',
    });
  });

  it('when a person is listed twice (in two teams of the role), then they get one task for the level', () => {
    const now = ny(24, 15, 30);
    const [atRisk] = plan(now);
    const tasks = escalationTasks(
      atRisk!,
      ACME,
      [{ id: 'cs-1' }, { id: 'cs-2' }, { id: 'cs-1', timeZone: 'Europe/Berlin' }],
      now,
    );
    expect(tasks.map((t) => t.key)).toEqual([`${atRisk!.key}:cs-1`, `${atRisk!.key}:cs-2`]);
  });

  it('when a scan first sees the timer breached, then the at-risk level creates no task (the breach supersedes it) and the breach level does', () => {
    const now = ny(25, 9, 30);
    const [atRisk, breach] = plan(now);
    expect(escalationTasks(atRisk!, ACME, [{ id: 'owner-1' }], now)).toEqual([]);
    expect(escalationTasks(breach!, ACME, [{ id: 'admin-1' }], now)).toHaveLength(1);
  });

  it('when an escalation is a note, then it creates no task', () => {
    const note = { ...plan(ny(24, 15, 30))[0]!, action: 'note' as const };
    expect(escalationTasks(note, ACME, [{ id: 'cs-1' }], ny(24, 15, 30))).toEqual([]);
  });

  it('when the assignee’s zone is not a real zone, then the task is written in UTC and says so', () => {
    const now = ny(24, 15, 30);
    const [task] = escalationTasks(
      plan(now)[0]!,
      ACME,
      [{ id: 'x', timeZone: 'Mars/Olympus' }],
      now,
    );
    expect([task?.timeZone, task?.subject]).toEqual([
      'UTC',
      'At risk: Rep submits the CS handoff on Acme — due Nov 24, 2026, 10:00 PM UTC',
    ]);
  });
});

describe('moveTask', () => {
  const timer = {
    label: 'CS accepts the handoff',
    dueAt: Date.UTC(2026, 10, 24, 15),
    calendarTimeZone: 'America/New_York',
  };

  it('when a handoff is submitted, then each reviewer’s task names the deal and the move and is due when the accept SLA is, in their zone', () => {
    const task = moveTask({
      key: 'task:a1:0:cs-1',
      record: { name: 'Acme' },
      handoffLabel: 'Sales → CS',
      move: 'accept',
      recipient: { id: 'cs-1', timeZone: 'Europe/Berlin' },
      timer,
      now: ny(23, 10),
    });
    // Hand-computed: Tuesday 10:00 EST = 15:00 UTC = 16:00 in Berlin (CET, UTC+1).
    expect(task).toEqual({
      key: 'task:a1:0:cs-1',
      assigneeId: 'cs-1',
      timeZone: 'Europe/Berlin',
      subject: 'Review the Sales → CS handoff on Acme — due Nov 24, 2026, 4:00 PM GMT+1',
      body: [
        'Review the Sales → CS handoff: accept or reject it.',
        'CS accepts the handoff: due Nov 24, 2026, 4:00 PM GMT+1.',
      ].join('\n'),
      dueAt: timer.dueAt,
      dueDate: '2026-11-24',
      priority: 'normal',
    });
  });

  it('when no SLA waits on the move (a rework while the clock is paused), then the task is due now and says no due time', () => {
    const now = ny(24, 11);
    const task = moveTask({
      key: 'k',
      record: { name: 'Acme' },
      handoffLabel: 'Sales → CS',
      move: 'reopen',
      recipient: { id: 'rep-1' },
      now,
    });
    expect([task.subject, task.body, task.dueAt]).toEqual([
      'Rework the Sales → CS handoff on Acme',
      'Rework the Sales → CS handoff and submit it again.',
      now,
    ]);
  });
});

describe('tasksToClose', () => {
  it('when the rep submits the handoff, then every level of the rep’s stopped timer is to be closed, and nothing of CS’s timer that has just started', () => {
    const now = ny(25, 10);
    const view = evaluateRecord(
      playbook,
      deal({
        stageHistory: [{ stage: 'closed_won', enteredAt: ny(23, 17) }],
        handoffs: {
          sales_to_cs: handoffState('submitted', {
            events: [{ type: 'submitted', at: ny(25, 9), by: 'u-rep', actionId: 's', details: {} }],
          }),
        },
      }),
      csManager,
      now,
    );
    const start = ny(23, 17);
    expect(tasksToClose(playbook, view)).toEqual([
      `hubspot:deal:d-1:rep_submits_cs_handoff:L1:${start}`,
      `hubspot:deal:d-1:rep_submits_cs_handoff:L2:${start}`,
    ]);
  });
});
