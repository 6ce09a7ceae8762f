// Civil-time arithmetic without a time zone: days are counted from 1970-01-01 and local
// wall-clock instants are expressed as "milliseconds as if the zone were UTC".

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const TIME = /^(\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after midnight for "HH:MM"; "24:00" only when it may end a range. */
export function parseTime(text: unknown, allowEndOfDay: boolean): number | null {
  if (typeof text !== 'string') return null;
  const match = TIME.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59) return null;
  if (hours === 24 && minutes === 0 && allowEndOfDay) return 24 * 60;
  if (hours > 23) return null;
  return hours * 60 + minutes;
}

/** Day number (days since 1970-01-01) for "YYYY-MM-DD", or null when no such date exists. */
export function parseDate(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const match = DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = civilToMs(year, month, day);
  // Date rolls 02-30 over to 03-02; a round trip catches dates that do not exist.
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() + 1 !== month) return null;
  return ms / DAY;
}

/** Milliseconds of local midnight for a civil date, years below 100 included. */
export function civilToMs(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** 0 = Monday … 6 = Sunday; 1970-01-01 was a Thursday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}
