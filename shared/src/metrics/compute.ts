// The shared metrics of the RevOps framework: handoff throughput and quality, time to accept,
// time in stage, lead-to-customer time, SLA attainment, speed to lead and the lifecycle's seams,
// over a window [from, to).
import { businessTimeBetween } from '../clock/index.js';
import type { Playbook } from '../playbook/schema.js';
import type { RecordSnapshot } from '../shapes/snapshot.js';
import { calendarFor } from '../sla/calendars.js';
import { acceptSlaOf, slaState } from '../sla/outcome.js';
import { seams, speedToLead, type Seams, type SpeedToLeadMetrics } from './lifecycle.js';
import { median, percentile } from './stats.js';

export interface MetricsWindow {
  from: number;
  to: number;
}

export interface HandoffMetrics {
  id: string;
  label: string;
  submitted: number;
  accepted: number;
  rejected: number;
  /** Rejections over decisions (accepted + rejected) in the window; null without decisions. */
  rejectionRate: number | null;
  rejectionReasons: { id: string; label: string; count: number }[];
  /** From the first submission to acceptance, in business time of the SLA that waits for it (calendar time when none). */
  timeToAccept: {
    count: number;
    medianMs: number | null;
    p90Ms: number | null;
    timeZone: string | null;
  };
}

export interface StageMetrics {
  id: string;
  label: string;
  /** Stays in the stage that ended inside the window. */
  exits: number;
  medianMs: number | null;
}

export interface SlaMetrics {
  id: string;
  label: string;
  completed: number;
  metOnTime: number;
  /** Met on time over all completed in the window; null when none completed. */
  attainment: number | null;
}

export interface Metrics {
  window: MetricsWindow;
  handoffs: HandoffMetrics[];
  stages: StageMetrics[];
  leadToCustomer: { count: number; medianMs: number | null };
  slas: SlaMetrics[];
  /** One entry per SLA that the first sales activity stops. */
  speedToLead: SpeedToLeadMetrics[];
  /** The handoffs' counts by seam, in the framework's words. */
  seams: Seams;
}

export function computeMetrics(
  playbook: Playbook,
  snapshots: readonly RecordSnapshot[],
  window: MetricsWindow,
  now: number,
): Metrics {
  const inWindow = (t: number): boolean => t >= window.from && t < window.to;
  const handoffs = playbook.handoffs.map((handoff): HandoffMetrics => {
    const sla = acceptSlaOf(playbook, handoff.id);
    const calendar = calendarFor(playbook, sla?.calendar);
    let submitted = 0;
    let accepted = 0;
    const reasons = new Map<string, number>();
    const waits: number[] = [];
    for (const snapshot of snapshots) {
      const events = snapshot.handoffs[handoff.id]?.events ?? [];
      const firstSubmission = events.find((e) => e.type === 'submitted')?.at;
      for (const event of events) {
        if (!inWindow(event.at)) continue;
        if (event.type === 'submitted') submitted++;
        if (event.type === 'accepted') {
          accepted++;
          if (firstSubmission !== undefined)
            waits.push(businessTimeBetween(calendar, firstSubmission, event.at));
        }
        if (event.type === 'rejected') {
          const reason = String(event.details.reason ?? 'unknown');
          reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        }
      }
    }
    const rejected = [...reasons.values()].reduce((a, b) => a + b, 0);
    return {
      id: handoff.id,
      label: handoff.label,
      submitted,
      accepted,
      rejected,
      rejectionRate: accepted + rejected === 0 ? null : rejected / (accepted + rejected),
      rejectionReasons: [...reasons]
        .map(([id, count]) => ({
          id,
          label: handoff.rejectReasons.find((r) => r.id === id)?.label ?? id,
          count,
        }))
        .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)),
      timeToAccept: {
        count: waits.length,
        medianMs: median(waits),
        p90Ms: percentile(waits, 90),
        timeZone: sla?.calendar ? (playbook.calendars[sla.calendar]?.timeZone ?? null) : null,
      },
    };
  });
  const firstTouches = speedToLead(playbook, snapshots, window, now);
  return {
    window,
    handoffs,
    stages: playbook.stages.map((stage) => {
      const stays: number[] = [];
      for (const snapshot of snapshots) {
        const history = sortedHistory(snapshot);
        history.forEach((entry, i) => {
          const next = history[i + 1];
          if (entry.stage === stage.id && next && inWindow(next.enteredAt))
            stays.push(next.enteredAt - entry.enteredAt);
        });
      }
      return { id: stage.id, label: stage.label, exits: stays.length, medianMs: median(stays) };
    }),
    leadToCustomer: leadToCustomer(playbook, snapshots, inWindow),
    slas: playbook.slas.map((sla) => {
      let completed = 0;
      let metOnTime = 0;
      for (const snapshot of snapshots) {
        const timer = slaState(playbook, sla, snapshot, now);
        if (!timer || timer.completedAt === null || !inWindow(timer.completedAt)) continue;
        completed++;
        if (timer.state === 'met') metOnTime++;
      }
      return {
        id: sla.id,
        label: sla.label,
        completed,
        metOnTime,
        attainment: completed === 0 ? null : metOnTime / completed,
      };
    }),
    speedToLead: firstTouches,
    seams: seams(playbook, handoffs, snapshots, window, firstTouches),
  };
}

function sortedHistory(snapshot: RecordSnapshot): RecordSnapshot['stageHistory'] {
  return [...snapshot.stageHistory].sort((a, b) => a.enteredAt - b.enteredAt);
}

/** From the record's first stage entry (its creation) to its first entry into a won stage. */
function leadToCustomer(
  playbook: Playbook,
  snapshots: readonly RecordSnapshot[],
  inWindow: (t: number) => boolean,
): Metrics['leadToCustomer'] {
  const won = new Set(playbook.stages.filter((s) => s.outcome === 'won').map((s) => s.id));
  const spans: number[] = [];
  for (const snapshot of snapshots) {
    const history = sortedHistory(snapshot);
    const created = history[0]?.enteredAt;
    const wonAt = history.find((e) => won.has(e.stage))?.enteredAt;
    if (created !== undefined && wonAt !== undefined && inWindow(wonAt))
      spans.push(wonAt - created);
  }
  return { count: spans.length, medianMs: median(spans) };
}
