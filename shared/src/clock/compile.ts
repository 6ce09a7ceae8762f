import { Calendar, type PartialHoliday, type Window } from './calendar.js';
import { CalendarError } from './errors.js';
import { WEEKDAYS, parseDate, parseTime, type Weekday } from './wallclock.js';
import { zoneFor } from './zone.js';

/** Opening hours as written by an admin: wall-clock times in the calendar's own time zone. */
export interface CalendarDef {
  /** IANA time zone name, e.g. "America/New_York". */
  timeZone: string;
  /** Half-open windows `[from, to)` as "HH:MM"; a `to` at or before `from` crosses midnight. */
  weekly: Partial<Record<Weekday, Array<[string, string]>>>;
  /** A whole closed local day, or the part `[from, to)` of it (defaults "00:00" and "24:00"). */
  holidays?: Array<{ date: string; from?: string; to?: string; name?: string }>;
  /** Business hours in one business day, for targets in elapsed business days. Default 8. */
  hoursPerDay?: number;
}

const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const MINUTES_PER_DAY = 24 * 60;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
}

/**
 * Checks a calendar definition and compiles it for fast business-time arithmetic. Throws a
 * `CalendarError` naming the first bad part. Compiling does no work proportional to the years
 * a calendar will be used for: open time is laid out lazily, a year at a time.
 */
export function compileCalendar(def: CalendarDef): Calendar {
  if (!isRecord(def)) throw new CalendarError('A calendar must be an object.', []);
  const timeZone: unknown = def.timeZone;
  if (typeof timeZone !== 'string' || timeZone === '') {
    throw new CalendarError('A calendar needs a time zone, e.g. "America/New_York".', ['timeZone']);
  }
  const zone = zoneFor(timeZone);
  if (zone === null) {
    throw new CalendarError(`Time zone "${timeZone}" is not an IANA time zone name.`, ['timeZone']);
  }
  const week = compileWeek(def.weekly);
  const { closedDays, partialHolidays } = compileHolidays(def.holidays);
  const hoursPerDay = compileHoursPerDay(def.hoursPerDay);
  return new Calendar({ timeZone, hoursPerDay, week, closedDays, partialHolidays, zone });
}

function compileWeek(weekly: unknown): Window[][] {
  if (!isRecord(weekly)) {
    throw new CalendarError(
      'Business hours ("weekly") must list windows per weekday, e.g. mon: [["09:00", "17:00"]].',
      ['weekly'],
    );
  }
  for (const key of Object.keys(weekly)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) {
      throw new CalendarError(
        `"${key}" is not a weekday; use mon, tue, wed, thu, fri, sat or sun.`,
        ['weekly', key],
      );
    }
  }
  return WEEKDAYS.map((weekday) => compileDay(weekday, weekly[weekday]));
}

function compileDay(weekday: Weekday, value: unknown): Window[] {
  const name = DAY_NAMES[weekday];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new CalendarError(
      `${name} hours must be a list of [from, to] windows, e.g. [["09:00", "17:00"]].`,
      ['weekly', weekday],
    );
  }
  const windows = value.map((entry: unknown, index): Window & { index: number } => {
    const path = ['weekly', weekday, index];
    if (!Array.isArray(entry) || entry.length !== 2) {
      throw new CalendarError(
        `${name} window ${index + 1} must be a pair of times like ["09:00", "17:00"].`,
        path,
      );
    }
    const from = parseTime(entry[0], false);
    if (from === null) {
      throw new CalendarError(
        `${name} window ${index + 1} opens at ${describe(entry[0])}, which is not a time of day; write HH:MM from 00:00 to 23:59.`,
        [...path, 0],
      );
    }
    const to = parseTime(entry[1], true);
    if (to === null) {
      throw new CalendarError(
        `${name} window ${index + 1} closes at ${describe(entry[1])}, which is not a time of day; write HH:MM from 00:00 to 24:00.`,
        [...path, 1],
      );
    }
    return { from, to: to <= from ? to + MINUTES_PER_DAY : to, index };
  });
  const sorted = [...windows].sort((a, b) => a.from - b.from);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1] as Window & { index: number };
    const current = sorted[i] as Window & { index: number };
    if (current.from < previous.to) {
      const later = Math.max(previous.index, current.index);
      const earlier = Math.min(previous.index, current.index);
      throw new CalendarError(
        `${name} window ${later + 1} overlaps window ${earlier + 1}; windows on one day must not overlap.`,
        ['weekly', weekday, later],
      );
    }
  }
  return sorted.map(({ from, to }) => ({ from, to }));
}

function compileHolidays(holidays: unknown): {
  closedDays: Set<number>;
  partialHolidays: PartialHoliday[];
} {
  const closedDays = new Set<number>();
  const partialHolidays: PartialHoliday[] = [];
  if (holidays === undefined || holidays === null) return { closedDays, partialHolidays };
  if (!Array.isArray(holidays)) {
    throw new CalendarError('Holidays must be a list of dates.', ['holidays']);
  }
  holidays.forEach((holiday: unknown, index) => {
    const path = ['holidays', index];
    if (!isRecord(holiday)) {
      throw new CalendarError(
        `Holiday ${index + 1} must have a date, e.g. { date: "2025-12-25" }.`,
        path,
      );
    }
    const day = parseDate(holiday.date);
    if (day === null) {
      throw new CalendarError(
        `Holiday ${index + 1} has date ${describe(holiday.date)}, which is not a calendar date; write YYYY-MM-DD.`,
        [...path, 'date'],
      );
    }
    if (holiday.name !== undefined && typeof holiday.name !== 'string') {
      throw new CalendarError(`Holiday ${index + 1} has a name that is not text.`, [
        ...path,
        'name',
      ]);
    }
    if (holiday.from === undefined && holiday.to === undefined) {
      closedDays.add(day);
      return;
    }
    const from = holiday.from === undefined ? 0 : parseTime(holiday.from, false);
    if (from === null) {
      throw new CalendarError(
        `Holiday ${index + 1} closes from ${describe(holiday.from)}, which is not a time of day; write HH:MM from 00:00 to 23:59.`,
        [...path, 'from'],
      );
    }
    const to = holiday.to === undefined ? MINUTES_PER_DAY : parseTime(holiday.to, true);
    if (to === null) {
      throw new CalendarError(
        `Holiday ${index + 1} closes until ${describe(holiday.to)}, which is not a time of day; write HH:MM from 00:00 to 24:00.`,
        [...path, 'to'],
      );
    }
    if (to <= from) {
      throw new CalendarError(
        `Holiday ${index + 1} must end after it starts; a partial holiday covers part of one date.`,
        [...path, 'to'],
      );
    }
    partialHolidays.push({ day, from, to });
  });
  partialHolidays.sort((a, b) => a.day - b.day || a.from - b.from);
  return { closedDays, partialHolidays };
}

function compileHoursPerDay(value: unknown): number {
  if (value === undefined) return 8;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 24) {
    throw new CalendarError(
      `Hours per business day must be more than 0 and at most 24; got ${describe(value)}.`,
      ['hoursPerDay'],
    );
  }
  return value;
}
