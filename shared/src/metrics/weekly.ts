// SLA attainment per SLA per week: the same count as computeMetrics (finished timers whose stop
// falls in the window, met on time over completed), bucketed by the week the timer stopped in.
// Weeks start Monday 00:00 UTC; the first and last are cut to the window, so the weeks' totals
// equal computeMetrics' totals over the same window.
import type { Playbook } from '../playbook/schema.js';
import type { RecordSnapshot } from '../shapes/snapshot.js';
import { calendarFor } from '../sla/calendars.js';
import { timerInputs } from '../sla/inputs.js';
import { evaluateTimer, targetToMs, timerCalendar } from '../sla/index.js';
import type { MetricsWindow } from './compute.js';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** 1970-01-05 was a Monday. */
const FIRST_MONDAY = 4 * DAY;

export interface WeekAttainment {
  from: number;
  to: number;
  completed: number;
  metOnTime: number;
  attainment: number | null;
}

export interface WeeklyAttainment {
  window: MetricsWindow;
  weeks: { from: number; to: number }[];
  slas: { id: string; label: string; weeks: WeekAttainment[] }[];
}

/** The Monday 00:00 UTC at or before `t`. */
export function weekStart(t: number): number {
  return t - ((((t - FIRST_MONDAY) % WEEK) + WEEK) % WEEK);
}

export function weeksOf(window: MetricsWindow): { from: number; to: number }[] {
  const weeks: { from: number; to: number }[] = [];
  for (let start = weekStart(window.from); start < window.to; start += WEEK)
    weeks.push({ from: Math.max(start, window.from), to: Math.min(start + WEEK, window.to) });
  return weeks;
}

export function weeklyAttainment(
  playbook: Playbook,
  snapshots: readonly RecordSnapshot[],
  window: MetricsWindow,
  now: number,
): WeeklyAttainment {
  const weeks = weeksOf(window);
  const first = weekStart(window.from);
  return {
    window,
    weeks,
    slas: playbook.slas.map((sla) => {
      const calendar = timerCalendar(calendarFor(playbook, sla.calendar), sla.target);
      const counts = weeks.map(() => ({ completed: 0, metOnTime: 0 }));
      for (const snapshot of snapshots) {
        const inputs = timerInputs(playbook, sla, snapshot);
        const at = inputs?.completedAt;
        if (!inputs || at === null || at === undefined || at < window.from || at >= window.to)
          continue;
        const result = evaluateTimer({
          calendar,
          startedAt: inputs.startedAt,
          targetMs: targetToMs(calendar, inputs.startedAt, sla.target),
          pauses: inputs.pauses,
          completedAt: at,
          now,
        });
        const bucket = counts[Math.floor((at - first) / WEEK)];
        if (!bucket) continue;
        bucket.completed++;
        if (result.state === 'met') bucket.metOnTime++;
      }
      return {
        id: sla.id,
        label: sla.label,
        weeks: weeks.map((week, i) => {
          const { completed, metOnTime } = counts[i] ?? { completed: 0, metOnTime: 0 };
          return {
            ...week,
            completed,
            metOnTime,
            attainment: completed === 0 ? null : metOnTime / completed,
          };
        }),
      };
    }),
  };
}
