import { describe, expect, it } from 'vitest';
import { planEscalations } from '../../../shared/src/escalation/index.js';
import { evaluateRecord } from '../../../shared/src/record/index.js';
import { csManager, deal, handoffState } from '../builders.js';
import { defaultPlaybook } from '../fixtures.js';

const playbook = defaultPlaybook();
const ny = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 5, minute);

function viewAt(now: number, wonAt = ny(23, 10), recordId = 'd-1') {
  return evaluateRecord(
    playbook,
    deal({ recordId, stageHistory: [{ stage: 'closed_won', enteredAt: wonAt }] }),
    csManager,
    now,
  );
}

describe('planEscalations', () => {
  it('when the rep’s timer is breached, then the deal’s owner (who must submit) and then the admin are chased, each once with a stable key', () => {
    const now = ny(24, 11);
    const actions = planEscalations(playbook, [viewAt(now)], new Set(), now);
    expect(actions.map((a) => [a.key, a.action, a.to, a.waitsOn, a.title])).toEqual([
      [
        'hubspot:deal:d-1:rep_submits_cs_handoff:L1:1795446000000',
        'task',
        'owner',
        'sales_rep',
        'At risk: Rep submits the CS handoff (due Nov 24, 2026, 10:00 AM EST)',
      ],
      [
        'hubspot:deal:d-1:rep_submits_cs_handoff:L2:1795446000000',
        'task',
        { role: 'admin' },
        'sales_rep',
        'Breached: Rep submits the CS handoff (due Nov 24, 2026, 10:00 AM EST)',
      ],
    ]);
    expect(ny(23, 10)).toBe(1795446000000);
  });

  it('when a scan first sees a timer already breached, then the at-risk level is superseded (no task of its own) and the breach level supersedes it', () => {
    const now = ny(24, 11);
    const [atRisk, breached] = planEscalations(playbook, [viewAt(now)], new Set(), now);
    expect([atRisk?.superseded, atRisk?.supersedes]).toEqual([true, []]);
    expect(breached?.superseded).toBe(false);
    expect(breached?.supersedes).toEqual([
      'hubspot:deal:d-1:rep_submits_cs_handoff:L1:1795446000000',
    ]);
  });

  it('when the at-risk level was raised by an earlier scan, then the breach is planned alone and names the at-risk level as superseded', () => {
    const early = ny(24, 9, 30);
    const first = planEscalations(playbook, [viewAt(early)], new Set(), early);
    expect(first.map((a) => [a.level, a.superseded])).toEqual([[1, false]]);
    const now = ny(24, 11);
    const later = planEscalations(playbook, [viewAt(now)], new Set(first.map((a) => a.key)), now);
    expect(later.map((a) => [a.level, a.superseded, a.supersedes])).toEqual([
      [2, false, [first[0]?.key]],
    ]);
  });

  it('says what must happen in the words the faces use: the rep completes and submits the handoff', () => {
    const now = ny(24, 11);
    const [action] = planEscalations(playbook, [viewAt(now)], new Set(), now);
    expect([action?.move, action?.waitsOnLabel, action?.levelLabel]).toEqual([
      'Complete and submit the Sales → CS handoff',
      'Account executive',
      'At risk',
    ]);
  });

  it('when the handoff is submitted and CS lets it breach, then escalations that name nobody go to the CS managers it waits on, not to the rep', () => {
    const submittedAt = ny(23, 10);
    const view = evaluateRecord(
      playbook,
      deal({
        stageHistory: [{ stage: 'closed_won', enteredAt: ny(23, 9) }],
        handoffs: {
          sales_to_cs: handoffState('submitted', {
            events: [
              { type: 'submitted', at: submittedAt, by: 'u-rep', actionId: 's', details: {} },
            ],
          }),
        },
      }),
      csManager,
      ny(24, 11),
    );
    const actions = planEscalations(playbook, [view], new Set(), ny(24, 11));
    expect(actions.map((a) => [a.slaId, a.level, a.to, a.waitsOn])).toEqual([
      ['cs_accepts_won_deal', 1, { role: 'cs_manager' }, 'cs_manager'],
      ['cs_accepts_won_deal', 2, { role: 'cs_manager' }, 'cs_manager'],
    ]);
  });

  it('when CS’s timer runs before the rep has submitted, then CS is told their own move and that the account executive must submit first', () => {
    const base = defaultPlaybook();
    const slas = base.slas.map((sla) =>
      sla.id === 'cs_accepts_won_deal'
        ? { ...sla, start: { on: 'stage_entered' as const, stage: 'closed_won' } }
        : sla,
    );
    const pb = { ...base, slas };
    const now = ny(24, 11);
    const view = evaluateRecord(
      pb,
      deal({ stageHistory: [{ stage: 'closed_won', enteredAt: ny(23, 10) }] }),
      csManager,
      now,
    );
    const cs = planEscalations(pb, [view], new Set(), now).find(
      (a) => a.slaId === 'cs_accepts_won_deal',
    );
    expect(cs?.move).toBe(
      'Review the Sales → CS handoff: accept or reject it; it waits on the Account executive first',
    );
  });

  it('when an escalation names nobody and the SLA waits on no role, then it goes to the record’s owner', () => {
    const base = defaultPlaybook();
    const slas = base.slas.map((sla) =>
      sla.id === 'rep_submits_cs_handoff'
        ? {
            ...sla,
            stop: { on: 'stage_left' as const, stage: 'closed_won' },
            escalations: [{ when: 'at_risk' as const, action: 'task' as const }],
          }
        : sla,
    );
    const pb = { ...base, slas };
    const view = evaluateRecord(
      pb,
      deal({ stageHistory: [{ stage: 'closed_won', enteredAt: ny(23, 10) }] }),
      csManager,
      ny(24, 11),
    );
    const actions = planEscalations(pb, [view], new Set(), ny(24, 11));
    expect(actions.map((a) => [a.slaId, a.to, a.waitsOn])).toEqual([
      ['rep_submits_cs_handoff', 'owner', undefined],
    ]);
  });

  it('when an escalation was already done, then it is not planned again', () => {
    const now = ny(24, 11);
    const first = planEscalations(playbook, [viewAt(now)], new Set(), now);
    const again = planEscalations(
      playbook,
      [viewAt(now + 60_000)],
      new Set(first.map((a) => a.key)),
      now + 60_000,
    );
    expect(again).toEqual([]);
  });

  it('when the timer restarts with a new stage entry, then its escalations get new keys', () => {
    const now = ny(27, 12);
    const done = new Set(
      planEscalations(playbook, [viewAt(ny(24, 11))], new Set(), ny(24, 11)).map((a) => a.key),
    );
    const restarted = planEscalations(playbook, [viewAt(now, ny(24, 12))], done, now);
    expect(restarted.length).toBeGreaterThan(0);
    expect(restarted.every((a) => a.key.endsWith(`:${ny(24, 12)}`))).toBe(true);
  });

  it('when nothing is at risk, then nothing is planned', () => {
    expect(planEscalations(playbook, [viewAt(ny(23, 11))], new Set(), ny(23, 11))).toEqual([]);
  });
});
