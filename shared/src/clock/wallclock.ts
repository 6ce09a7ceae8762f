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

/** Supported years: 1 to 9999, as both CRMs store dates. */
export const FIRST_YEAR = 1;
export const LAST_YEAR = 9999;

/** Day number of 1 January of `year` (proleptic Gregorian; year 0 is 1 BC). */
export function firstDayOfYear(year: number): number {
  // Days from civil (H. Hinnant), for 1 January: counted from 1 March of the year before.
  const y = year - 1;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  return (
    era * 146_097 +
    yearOfEra * 365 +
    Math.floor(yearOfEra / 4) -
    Math.floor(yearOfEra / 100) +
    306 -
    719_468
  );
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

// UTC midnight of 1 January for years 0 to 10001, so finding an instant's year is a table look-up.
const YEAR_STARTS = Float64Array.from({ length: 10_002 }, (_, year) => firstDayOfYear(year) * DAY);

/** First instant of the supported range, 0001-01-01T00:00:00Z. */
export const MIN_INSTANT = YEAR_STARTS[FIRST_YEAR] as number;
/** End of the supported range, 10000-01-01T00:00:00Z (a range may end there). */
export const MAX_INSTANT = YEAR_STARTS[LAST_YEAR + 1] as number;

/** UTC midnight of 1 January of `year`, for years 0 to 10001. */
export function yearStart(year: number): number {
  return YEAR_STARTS[year] as number;
}

/** The UTC year of an instant between year 0 and year 10000. */
export function yearOf(instant: number): number {
  // The mean Gregorian year gets within one of the answer; the table settles it.
  let year = Math.floor(instant / 31_556_952_000) + 1970;
  if (year < 0) year = 0;
  if (year > 10_000) year = 10_000;
  while (year > 0 && (YEAR_STARTS[year] as number) > instant) year--;
  while (year < 10_000 && (YEAR_STARTS[year + 1] as number) <= instant) year++;
  return year;
}

/** The year of a day number between year 0 and year 10000. */
export function yearOfDay(day: number): number {
  return yearOf(day * DAY);
}

/** 0 = Monday … 6 = Sunday; 1970-01-01 was a Thursday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}
