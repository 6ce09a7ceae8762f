// How the pages write numbers: percentages, business hours, days and read times.
import { formatDateTime, formatDuration } from '@handoff/shared/runtime';

const HOUR = 3_600_000;

export const pct = (r: number | null): string => (r === null ? '—' : `${Math.round(r * 100)} %`);
export const hours = (ms: number | null): string =>
  ms === null ? '—' : `${(ms / HOUR).toFixed(ms % HOUR === 0 ? 0 : 1)} h`;
export const days = (ms: number | null): string =>
  ms === null ? '—' : `${(ms / (24 * HOUR)).toFixed(1)} d`;

/** "3 h 10 min left" / "2 h overdue" in the SLA's business time. */
export function remaining(ms: number): string {
  return ms < 0 ? `${formatDuration(ms)} overdue` : `${formatDuration(ms)} left`;
}

export function freshnessText(
  f: {
    computedAt: number;
    records: number;
    oldestReadAt: number | null;
    newestReadAt: number | null;
  },
  zone: string,
): string {
  if (f.records === 0 || f.oldestReadAt === null || f.newestReadAt === null)
    return 'No records have been read from HubSpot yet.';
  return `${f.records} records as last read from HubSpot, between ${formatDateTime(f.oldestReadAt, zone)} and ${formatDateTime(f.newestReadAt, zone)}; computed ${formatDateTime(f.computedAt, zone)}.`;
}
