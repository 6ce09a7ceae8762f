import { describe, expect, it } from 'vitest';
import { planEscalations } from '../../../shared/src/escalation/index.js';
import { evaluateRecord } from '../../../shared/src/record/index.js';
import { csManager, deal } from '../builders.js';
import { defaultPlaybook } from '../fixtures.js';

const playbook = defaultPlaybook();
const ny = (day: number, hour: number) => Date.UTC(2026, 10, day, hour + 5);

function viewAt(now: number, wonAt = ny(23, 10), recordId = 'd-1') {
  return evaluateRecord(
    playbook,
    deal({ recordId, stageHistory: [{ stage: 'closed_won', enteredAt: wonAt }] }),
    csManager,
    now,
  );
}

describe('planEscalations', () => {
  it('when a timer is breached, then each reached escalation is planned once with a stable key', () => {
    const now = ny(24, 11);
    const actions = planEscalations(playbook, [viewAt(now)], new Set(), now);
    expect(actions.map((a) => [a.key, a.action, a.to, a.title])).toEqual([
      [
        'hubspot:deal:d-1:cs_accepts_won_deal:L1:1795446000000',
        'task',
        { role: 'cs_manager' },
        'At risk: CS accepts the won deal (due 2026-11-24 15:00 UTC)',
      ],
      [
        'hubspot:deal:d-1:cs_accepts_won_deal:L2:1795446000000',
        'note',
        { role: 'cs_manager' },
        'Breached: CS accepts the won deal (due 2026-11-24 15:00 UTC)',
      ],
    ]);
    expect(ny(23, 10)).toBe(1795446000000);
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
