// How long an SLA may wait: every duration must come due within a year of calendar time, in its own
// unit and on its calendar. Longer ones are typos or probes (10⁸ business minutes on a calendar
// open one minute a week is two million years), and a timer's cost grows with the span it covers.
import type { Calendar } from '../clock/index.js';
import type { PathSegment } from './issues.js';
import type { BusinessDuration, PlaybookCalendar } from './schema.js';

/** A year, leap day included: the longest wait a handoff SLA may describe. */
export const MAX_DAYS = 366;
const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** The most a playbook may write per unit: a year's worth at 24×7. */
export const MAX_AMOUNT: Readonly<Record<BusinessDuration['unit'], number>> = {
  business_minutes: MAX_DAYS * MINUTES_PER_DAY,
  business_hours: MAX_DAYS * 24,
  calendar_hours: MAX_DAYS * 24,
  business_days: MAX_DAYS,
};

const UNIT_WORDS: Readonly<Record<BusinessDuration['unit'], string>> = {
  business_minutes: 'business minutes',
  business_hours: 'business hours',
  calendar_hours: 'calendar hours',
  business_days: 'business days',
};

interface OpenWeek {
  /** Open minutes in a week without holidays (a night window overlapping the next day counts once). */
  minutes: number;
  /** Weekdays with at least one window: the business days a week holds. */
  days: number;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/**
 * A calendar's open time per week, read from its weekly windows as the clock reads them (a window
 * ending at or before its start runs past midnight). Only for a calendar that compiled.
 */
export function openWeek(weekly: PlaybookCalendar['weekly']): OpenWeek {
  const open = new Uint8Array(MINUTES_PER_WEEK);
  let days = 0;
  WEEKDAYS.forEach((weekday, day) => {
    const windows = weekly[weekday] ?? [];
    if (windows.length > 0) days++;
    for (const [fromTime, toTime] of windows) {
      const from = minutesOf(fromTime);
      const to =
        minutesOf(toTime) <= from ? minutesOf(toTime) + MINUTES_PER_DAY : minutesOf(toTime);
      for (let m = from; m < to; m++) open[(day * MINUTES_PER_DAY + m) % MINUTES_PER_WEEK] = 1;
    }
  });
  return { minutes: open.reduce((sum, v) => sum + v, 0), days };
}

/**
 * The issue for `duration` at `path`, or undefined when it comes due within a year: on `calendar`
 * (id, definition and compiled calendar) when business time is counted there, else at 24×7.
 */
export function durationIssue(
  path: readonly PathSegment[],
  duration: BusinessDuration,
  calendar: { id: string; def: PlaybookCalendar; compiled: Calendar } | undefined,
): { path: PathSegment[]; message: string } | undefined {
  const at = [...path, 'amount'];
  const words = UNIT_WORDS[duration.unit];
  const max = MAX_AMOUNT[duration.unit];
  if (duration.amount > max) {
    return {
      path: at,
      message: `is more than a year: at most ${max} ${words} (${MAX_DAYS} days around the clock) are accepted.`,
    };
  }
  if (calendar === undefined || duration.unit === 'calendar_hours') return undefined;
  const week = openWeek(calendar.def.weekly);
  const weeks = MAX_DAYS / 7;
  const allowed =
    'mode' in duration && duration.mode === 'end_of_day'
      ? Math.floor(week.days * weeks)
      : Math.floor(
          (week.minutes * weeks) /
            (duration.unit === 'business_minutes'
              ? 1
              : duration.unit === 'business_hours'
                ? 60
                : 60 * calendar.compiled.hoursPerDay),
        );
  if (duration.amount <= allowed) return undefined;
  const open =
    week.minutes === 0
      ? 'which is never open'
      : 'mode' in duration && duration.mode === 'end_of_day'
        ? `which is open ${week.days} ${week.days === 1 ? 'day' : 'days'} a week`
        : `which is open ${hours(week.minutes)} a week`;
  return {
    path: at,
    message:
      allowed === 0
        ? `can never come due within a year on the calendar \`${calendar.id}\`, ${open}.`
        : `would take more than a year to come due on the calendar \`${calendar.id}\`, ${open}: at most ${allowed} ${words} are accepted.`,
  };
}

function hours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hourText = h === 0 ? '' : `${h} ${h === 1 ? 'hour' : 'hours'}`;
  const minuteText = m === 0 ? '' : `${m} ${m === 1 ? 'minute' : 'minutes'}`;
  return [hourText, minuteText].filter(Boolean).join(' ');
}
