// The org's business hours and holidays → playbook calendars. Salesforce keeps weekly hours on
// BusinessHours (times are wall-clock times in its TimeZoneSidKey, written with a Z) and holidays on
// Holiday (all-day, or StartTimeInMinutes–EndTimeInMinutes; yearly ones expanded for the given years).
// Holidays are org-wide here: the link from a holiday to its business hours is not readable by SOQL.
import type { PlaybookCalendar } from '@handoff/shared';
import type { OrgApi } from './api.js';
import type { SfRecord } from './snapshot.js';

const DAYS = [
  ['mon', 'Monday'],
  ['tue', 'Tuesday'],
  ['wed', 'Wednesday'],
  ['thu', 'Thursday'],
  ['fri', 'Friday'],
  ['sat', 'Saturday'],
  ['sun', 'Sunday'],
] as const;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export interface ImportedCalendars {
  calendars: Record<string, PlaybookCalendar>;
  /** Things an admin should check (a holiday recurring in a way we do not expand, …). */
  notes: string[];
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const time = (value: unknown) => (typeof value === 'string' ? value.slice(0, 5) : undefined);

/** `Default` → `default`, `EMEA Support` → `emea_support`: a playbook id. */
export function calendarId(name: string): string {
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(id) ? id.slice(0, 64) : `hours_${id}`.slice(0, 64);
}

export function toCalendar(
  hours: SfRecord,
  holidays: PlaybookCalendar['holidays'],
): PlaybookCalendar {
  const weekly: PlaybookCalendar['weekly'] = {};
  let longest = 0;
  for (const [day, name] of DAYS) {
    const start = time(hours[`${name}StartTime`]);
    const end = time(hours[`${name}EndTime`]);
    if (start === undefined || end === undefined) continue;
    // Salesforce writes a day open around the clock as 00:00–00:00.
    const to = start === end ? '24:00' : end;
    weekly[day] = [[start, to]];
    const minutes =
      (Number(to.slice(0, 2)) - Number(start.slice(0, 2))) * 60 +
      Number(to.slice(3)) -
      Number(start.slice(3));
    longest = Math.max(longest, minutes);
  }
  return {
    timeZone: String(hours.TimeZoneSidKey),
    weekly,
    ...(holidays && holidays.length > 0 ? { holidays } : {}),
    ...(longest > 0 ? { hoursPerDay: longest / 60 } : {}),
  };
}

export function toHolidays(rows: readonly SfRecord[], years: readonly number[], notes: string[]) {
  const out: NonNullable<PlaybookCalendar['holidays']> = [];
  for (const row of rows) {
    const name = typeof row.Name === 'string' ? row.Name : undefined;
    const part =
      row.IsAllDay === false &&
      typeof row.StartTimeInMinutes === 'number' &&
      typeof row.EndTimeInMinutes === 'number'
        ? { from: hhmm(row.StartTimeInMinutes), to: hhmm(row.EndTimeInMinutes) }
        : {};
    const dates: string[] = [];
    if (row.IsRecurrence === true) {
      const month = MONTHS.indexOf(String(row.RecurrenceMonthOfYear)) + 1;
      const day = Number(row.RecurrenceDayOfMonth);
      if (row.RecurrenceType !== 'RecursYearly' || month === 0 || !(day >= 1)) {
        notes.push(
          `holiday "${name ?? row.Id}" recurs as ${String(row.RecurrenceType)}, which is not imported; add its dates by hand`,
        );
        continue;
      }
      for (const year of years) {
        const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const from = typeof row.RecurrenceStartDate === 'string' ? row.RecurrenceStartDate : '0000';
        const until =
          typeof row.RecurrenceEndDateOnly === 'string' ? row.RecurrenceEndDateOnly : '9999';
        if (date >= from && date <= until) dates.push(date);
      }
    } else if (typeof row.ActivityDate === 'string') dates.push(row.ActivityDate);
    for (const date of dates) out.push({ date, ...part, ...(name ? { name } : {}) });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

export async function importCalendars(
  api: OrgApi,
  years: readonly number[],
): Promise<ImportedCalendars> {
  const days = DAYS.flatMap(([, name]) => [`${name}StartTime`, `${name}EndTime`]).join(', ');
  const hours = await api.queryAll(
    `SELECT Id, Name, IsDefault, TimeZoneSidKey, ${days} FROM BusinessHours WHERE IsActive = true ORDER BY Name`,
  );
  const holidayRows = await api.queryAll(
    'SELECT Id, Name, ActivityDate, IsAllDay, StartTimeInMinutes, EndTimeInMinutes, IsRecurrence, RecurrenceType, RecurrenceMonthOfYear, RecurrenceDayOfMonth, RecurrenceStartDate, RecurrenceEndDateOnly FROM Holiday ORDER BY ActivityDate',
  );
  const notes: string[] = [];
  const holidays = toHolidays(holidayRows, years, notes);
  const calendars: Record<string, PlaybookCalendar> = {};
  for (const row of hours) {
    const id = calendarId(String(row.Name));
    if (calendars[id])
      notes.push(
        `business hours "${String(row.Name)}" share the id ${id}; only the first is imported`,
      );
    else calendars[id] = toCalendar(row, holidays);
  }
  return { calendars, notes };
}

/** The calendars as a playbook's `calendars:` section in YAML (strings JSON-quoted, which YAML reads). */
export function calendarsYaml(calendars: Record<string, PlaybookCalendar>): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = ['calendars:'];
  for (const [id, calendar] of Object.entries(calendars)) {
    lines.push(`  ${id}:`, `    timeZone: ${q(calendar.timeZone)}`, '    weekly:');
    for (const [day, windows] of Object.entries(calendar.weekly))
      lines.push(
        `      ${day}: [${(windows ?? []).map(([a, b]) => `[${q(a)}, ${q(b)}]`).join(', ')}]`,
      );
    if (calendar.holidays && calendar.holidays.length > 0) {
      lines.push('    holidays:');
      for (const h of calendar.holidays) {
        const parts = [`date: ${q(h.date)}`];
        if (h.from) parts.push(`from: ${q(h.from)}`);
        if (h.to) parts.push(`to: ${q(h.to)}`);
        if (h.name) parts.push(`name: ${q(h.name)}`);
        lines.push(`      - { ${parts.join(', ')} }`);
      }
    }
    if (calendar.hoursPerDay !== undefined) lines.push(`    hoursPerDay: ${calendar.hoursPerDay}`);
  }
  return `${lines.join('\n')}\n`;
}
