// Wall-clock times in the portal's time zone, the way the page shows every time: what a person
// types into the clock's "Set" field means that zone's local time, not UTC. The zone's offsets are
// the core's (zoneFor), the same ones the SLA calendars use.
import { zoneFor } from '@handoff/shared/runtime';

const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * The instant at which the clocks of `timeZone` show `wall` (`YYYY-MM-DDTHH:mm`), or NaN. A time the
 * clocks skip (spring forward) moves on by the gap; a time they show twice is its first occurrence.
 */
export function instantOfWallTime(wall: string, timeZone: string): number {
  const zone = zoneFor(timeZone);
  // The reading as if the zone were UTC: the form Zone.toInstant takes.
  const reading = WALL_TIME.test(wall) ? Date.parse(`${wall}:00Z`) : Number.NaN;
  return zone !== null && Number.isFinite(reading) ? zone.toInstant(reading) : Number.NaN;
}

/** `YYYY-MM-DDTHH:mm` of `instant` in `timeZone` (UTC if the zone is unknown): what a datetime-local field shows. */
export function wallTimeOf(instant: number, timeZone: string): string {
  const offset = zoneFor(timeZone)?.offsetAt(instant) ?? 0;
  return new Date(instant + offset).toISOString().slice(0, 16);
}
