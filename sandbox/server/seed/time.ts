// Wall-clock times in New York (the default playbook's business calendar) as epoch milliseconds,
// so the seed reads like a diary ("Monday 16 November, 15:30") and survives the DST change.
const ZONE = 'America/New_York';

function offsetMs(at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return wall - at;
}

/** `ny('2026-11-16', '15:30')` → the instant it is 15:30 in New York that day. */
export function ny(date: string, time: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  return guess - offsetMs(guess - offsetMs(guess));
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The seeded instant: Tuesday 17 November 2026, 11:00 in New York, two business hours into the day. */
export const SEEDED_AT = ny('2026-11-17', '11:00');
