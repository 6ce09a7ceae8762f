// planEscalations: which escalations are due now, each under a key that makes executing it idempotent.
// The key names the record, the SLA, the escalation level and the timer's start instant, so a timer
// restarted by a new stage entry escalates again while a rescan of the same timer never does.
import {
  slaWaitsOn,
  type EscalationDef,
  type EscalationTarget,
  type Playbook,
} from '../playbook/schema.js';
import type { RecordView, TimerView } from '../shapes/view.js';
import { TIMER_STATES } from '../display/words.js';
import { nextMoveOf } from './move.js';
import { namedTime } from './time.js';

export interface EscalationAction {
  key: string;
  record: RecordView['record'];
  slaId: string;
  slaLabel: string;
  /** 1-based position of the escalation in the SLA's list. */
  level: number;
  when: EscalationDef['when'];
  action: EscalationDef['action'];
  /** Resolved: an escalation that names nobody goes to the role the SLA waits on. */
  to: EscalationTarget;
  /** The role whose move stops the clock (the one holding the ball), when the SLA has one. */
  waitsOn?: string;
  /** Who the SLA waits on, as people read it ("CS manager"). */
  waitsOnLabel?: string;
  /** What must happen to stop the clock, as an instruction to whoever must act. */
  move: string;
  /**
   * The escalation keys of this timer's earlier levels: this level supersedes them, so their
   * still-open tasks are completed when it fires (an "At risk" task is stale once breached).
   */
  supersedes: string[];
  /**
   * A later level of the same timer is due too (a scan that first sees the timer late): this
   * level is recorded done but creates no task, which the later level would complete at once.
   */
  superseded: boolean;
  /** The level in the display words: "At risk", "Breached", "Still breached". */
  levelLabel: string;
  /** A one-line subject for a note: the level, the SLA and the due time in the calendar's zone. */
  title: string;
  timer: Pick<TimerView, 'state' | 'dueAt' | 'remainingMs' | 'startedAt' | 'calendarTimeZone'>;
}

export function escalationKey(
  record: RecordView['record'],
  slaId: string,
  level: number,
  startedAt: number,
): string {
  return [record.crm, record.objectType, record.recordId, slaId, `L${level}`, startedAt].join(':');
}

export function planEscalations(
  playbook: Playbook,
  views: Iterable<RecordView>,
  alreadyDone: ReadonlySet<string>,
  // The views were evaluated at `now`; it is part of the contract so planners can age their inputs later.
  _now: number,
): EscalationAction[] {
  const slas = new Map(playbook.slas.map((sla) => [sla.id, sla]));
  const actions: EscalationAction[] = [];
  for (const view of views) {
    for (const timer of view.timers) {
      const sla = slas.get(timer.slaId);
      if (!sla) continue;
      const latest = Math.max(-1, ...timer.escalationsReached);
      for (const index of timer.escalationsReached) {
        const escalation = sla.escalations[index];
        if (!escalation) continue;
        const key = escalationKey(view.record, sla.id, index + 1, timer.startedAt);
        if (alreadyDone.has(key)) continue;
        const waitsOn = slaWaitsOn(playbook, sla);
        // Whoever must act next is chased unless the playbook names someone; an SLA that waits on
        // no role (a stage change) falls back to the record's owner.
        const to: EscalationTarget =
          escalation.to ?? (waitsOn === undefined ? 'owner' : { role: waitsOn });
        actions.push({
          key,
          record: view.record,
          slaId: sla.id,
          slaLabel: sla.label,
          level: index + 1,
          when: escalation.when,
          action: escalation.action,
          to,
          ...(waitsOn === undefined ? {} : { waitsOn }),
          ...(timer.waitsOn ? { waitsOnLabel: timer.waitsOn.label } : {}),
          move: nextMoveOf(playbook, sla, view),
          supersedes: Array.from({ length: index }, (_, earlier) =>
            escalationKey(view.record, sla.id, earlier + 1, timer.startedAt),
          ),
          superseded: index < latest,
          levelLabel: levelWord(escalation),
          title: title(sla.label, escalation, timer),
          timer: {
            state: timer.state,
            dueAt: timer.dueAt,
            remainingMs: timer.remainingMs,
            startedAt: timer.startedAt,
            calendarTimeZone: timer.calendarTimeZone,
          },
        });
      }
    }
  }
  return actions;
}

/** The level as people read it, in the display words ("At risk", "Breached"). */
export function levelWord(escalation: Pick<EscalationDef, 'when' | 'after'>): string {
  if (escalation.when === 'at_risk') return TIMER_STATES.at_risk.label;
  return escalation.after
    ? `Still ${TIMER_STATES.breached.label.toLowerCase()}`
    : TIMER_STATES.breached.label;
}

function title(label: string, escalation: EscalationDef, timer: TimerView): string {
  // In the calendar's zone (the zone the SLA is kept in), named; UTC for a 24×7 SLA.
  const due =
    timer.dueAt === null ? '' : ` (due ${namedTime(timer.dueAt, timer.calendarTimeZone ?? 'UTC')})`;
  return `${levelWord(escalation)}: ${label}${due}`;
}
