import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateRecord } from '../../../shared/src/record/index.js';
import { nextTimerChangeAt } from '../../../shared/src/sla/next-change.js';
import { parsePlaybookText } from '../../../shared/src/playbook/text.js';
import type { HandoffEvent, RecordSnapshot } from '../../../shared/src/shapes/index.js';
import { deal, handoffState, HOUR, rep } from '../builders.js';

const parsed = parsePlaybookText(
  readFileSync(new URL('../../fixtures/scanner-playbook.yaml', import.meta.url), 'utf8'),
);
if (!parsed.ok) throw new Error('scanner playbook invalid');
const playbook = parsed.playbook;

/** New York wall time in November 2026 (UTC−5). */
const ny = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 5, minute);

/** What a scanner acts on: each timer's state and the escalations it has reached. */
function observed(record: RecordSnapshot, at: number): string {
  return evaluateRecord(playbook, record, rep, at)
    .timers.map((t) => `${t.slaId}:${t.state}:${t.escalationsReached.join(',')}`)
    .join(' ');
}

const event = (type: HandoffEvent['type'], at: number): HandoffEvent => ({
  type,
  at,
  by: 'u',
  actionId: `${type}-${at}`,
  details: type === 'rejected' ? { reason: 'missing_information' } : {},
});

const won = (at: number, events: HandoffEvent[] = []) =>
  deal({
    stage: 'closed_won',
    stageHistory: [{ stage: 'closed_won', enteredAt: at }],
    handoffs: events.length > 0 ? { sales_to_cs: handoffState('submitted', { events }) } : {},
  });

describe('nextTimerChangeAt: the next instant time alone changes what a scanner sees', () => {
  it('when CS has a won deal from Monday 9:00, then the changes come at risk (15:00), breached at the close (17:00, 8 business hours) and still breached 4 business hours later (Tuesday 13:00), in that order', () => {
    const record = won(ny(23, 9));
    expect(nextTimerChangeAt(playbook, record, ny(23, 10))).toBe(ny(23, 15));
    expect(nextTimerChangeAt(playbook, record, ny(23, 15))).toBe(ny(23, 17));
    expect(nextTimerChangeAt(playbook, record, ny(23, 17))).toBe(ny(24, 13));
    expect(nextTimerChangeAt(playbook, record, ny(24, 13))).toBeNull();
  });

  it('when the handoff was accepted, then nothing changes any more', () => {
    const record = won(ny(23, 9), [event('submitted', ny(23, 9)), event('accepted', ny(23, 10))]);
    expect(nextTimerChangeAt(playbook, record, ny(23, 11))).toBeNull();
  });

  it('when the handoff is rejected and waits for rework, then the open-ended pause holds every change back', () => {
    const record = won(ny(23, 9), [event('submitted', ny(23, 9)), event('rejected', ny(23, 10))]);
    expect(nextTimerChangeAt(playbook, record, ny(23, 11))).toBeNull();
  });

  const cases: [string, RecordSnapshot][] = [
    ['a deal won on Monday 9:00', won(ny(23, 9))],
    ['a deal won on Friday 16:30', won(ny(20, 16, 30))],
    ['a deal won before Thanksgiving', won(ny(25, 14))],
    [
      'a deal rejected then resubmitted',
      won(ny(23, 9), [
        event('submitted', ny(23, 9)),
        event('rejected', ny(23, 11)),
        event('submitted', ny(24, 10)),
      ]),
    ],
    [
      'an appointment set on Monday 12:30',
      deal({
        stage: 'appointment_scheduled',
        stageHistory: [{ stage: 'appointment_scheduled', enteredAt: ny(23, 12, 30) }],
        handoffs: {},
      }),
    ],
  ];

  it.each(cases)(
    'when the week passes over %s, then what the scanner sees is the same until each instant and differs at it',
    (_name, record) => {
      let now = ny(20, 8);
      const end = ny(30, 18);
      let changes = 0;
      while (now < end) {
        const next = nextTimerChangeAt(playbook, record, now);
        const until = next ?? end;
        // Sampled every quarter hour and just before the instant: nothing changes in between.
        for (let t = now; t < Math.min(until, end); t += HOUR / 4)
          expect(observed(record, t)).toBe(observed(record, now));
        if (next === null || next >= end) break;
        expect(observed(record, next - 1)).toBe(observed(record, now));
        expect(observed(record, next)).not.toBe(observed(record, next - 1));
        changes++;
        now = next;
      }
      expect(changes).toBeGreaterThan(0);
    },
  );
});
