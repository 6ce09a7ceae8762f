// The one date/time and duration formatter both faces use: times in the viewer's time zone, in one
// fixed style ("Dec 17, 2026, 5:00 PM"), the zone named ("… EST") where it differs from the zone
// the times are kept in (the SLA calendar's), so nobody mistakes one zone's 5 PM for another's.

/** Where a time is shown: the viewer's zone, and the zone the record's times are kept in. */
export interface Zones {
  /** The viewer's IANA time zone (HubSpot: the portal's; Salesforce: the user's). */
  viewer: string;
  /** The calendar's or record's zone; when it differs from the viewer's, the zone is named. */
  reference?: string | null | undefined;
}

const STYLE: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
};

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "Dec 17, 2026, 5:00 PM", or "Dec 17, 2026, 5:00 PM EST" where the zones differ. */
export function formatDateTime(at: number, zones: Zones | string): string {
  const { viewer, reference } = typeof zones === 'string' ? { viewer: zones } : zones;
  // An unknown zone must not blank a face: fall back to UTC and say so.
  const zone = validZone(viewer) ? viewer : 'UTC';
  const named =
    zone !== viewer || (reference !== undefined && reference !== null && reference !== zone);
  return new Intl.DateTimeFormat('en-US', {
    ...STYLE,
    timeZone: zone,
    ...(named ? { timeZoneName: 'short' } : {}),
  })
    .format(at)
    .replace(/\u202f/g, ' ');
}

/**
 * A due time as a person says it: "today, 1:30 PM", "tomorrow, 9:00 AM", "yesterday, 5:00 PM" (by
 * the calendar day in the viewer's zone at `now`), else formatDateTime's full date — the next step
 * answers "by when?" first.
 */
export function formatDue(at: number, zones: Zones | string, now: number): string {
  const full = formatDateTime(at, zones);
  const viewer = typeof zones === 'string' ? zones : zones.viewer;
  // en-CA writes a date as 2026-11-23, which Date.parse reads as that day's UTC midnight.
  const format = new Intl.DateTimeFormat('en-CA', { timeZone: validZone(viewer) ? viewer : 'UTC' });
  const day = (t: number) => Date.parse(format.format(t)) / 86_400_000;
  const word = ['yesterday', 'today', 'tomorrow'][day(at) - day(now) + 1];
  // The time is what follows the year: "Nov 23, 2026, 1:30 PM EST" → "1:30 PM EST".
  return word ? `${word}, ${full.slice(full.indexOf(',', full.indexOf(',') + 1) + 2)}` : full;
}

/** A calendar date ("2026-12-07", or a CRM date field's UTC-midnight instant) as "Dec 7, 2026". */
export function formatDate(value: string | number): string {
  const at =
    typeof value === 'number'
      ? value
      : /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? Date.parse(`${value}T00:00:00Z`)
        : NaN;
  if (!Number.isFinite(at)) return String(value);
  return new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(at);
}

/** "1 h 30 min", "45 min", "under a minute". Business days are not guessed: hours say it exactly. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return 'under a minute';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
