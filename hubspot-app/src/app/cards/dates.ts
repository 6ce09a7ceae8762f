// Checklist dates travel as "YYYY-MM-DD" (the core's item values); HubSpot's DateInput speaks
// { year, month (0-based), date }. These two functions are the whole translation.
export interface CalendarDate {
  year: number;
  month: number;
  date: number;
}

export function toCalendarDate(value: unknown): CalendarDate | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]) - 1, date: Number(match[3]) };
}

export function fromCalendarDate(value: CalendarDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.year}-${pad(value.month + 1)}-${pad(value.date)}`;
}
