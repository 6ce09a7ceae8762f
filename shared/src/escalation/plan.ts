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
  /** A one-line subject for the task or note the CRM adapter writes. */
  title: string;
  timer: Pick<TimerView, 'state' | 'dueAt' | 'remainingMs' | 'startedAt'>;
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
          title: title(sla.label, escalation, timer),
          timer: {
            state: timer.state,
            dueAt: timer.dueAt,
            remainingMs: timer.remainingMs,
            startedAt: timer.startedAt,
          },
        });
      }
    }
  }
  return actions;
}

function title(label: string, escalation: EscalationDef, timer: TimerView): string {
  const due =
    timer.dueAt === null
      ? ''
      : ` (due ${new Date(timer.dueAt).toISOString().slice(0, 16).replace('T', ' ')} UTC)`;
  const prefix =
    escalation.when === 'at_risk' ? 'At risk' : escalation.after ? 'Still breached' : 'Breached';
  return `${prefix}: ${label}${due}`;
}
