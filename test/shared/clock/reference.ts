// A deliberately slow business-time reference for the property tests. It shares no code with the
// clock: offsets come straight from Intl.formatToParts, windows are laid out day by day, and open
// time is measured by sweeping every boundary and testing the middle of each piece.
import type { CalendarDef } from '../../../shared/src/clock/index.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const formats = new Map<string, Intl.DateTimeFormat>();

function offsetAt(timeZone: string, instant: number): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  const field: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) field[part.type] = Number(part.value);
  const wall = Date.UTC(
    field.year ?? 0,
    (field.month ?? 1) - 1,
    field.day ?? 1,
    field.hour ?? 0,
    field.minute ?? 0,
    field.second ?? 0,
  );
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/** Instant of a wall-clock reading: earlier instant when repeated, moved by the gap when skipped. */
export function referenceInstant(timeZone: string, wall: number): number {
  const offsets = new Set<number>();
  for (let h = -27; h <= 27; h += 3) offsets.add(offsetAt(timeZone, wall + h * HOUR));
  const valid = [...offsets].map((o) => wall - o).filter((t) => wall - offsetAt(timeZone, t) === t);
  if (valid.length > 0) return Math.min(...valid);
  return wall - offsetAt(timeZone, wall - 27 * HOUR);
}

function minutes(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function wallDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Open and closed instant ranges of the local dates whose midnight lies in [firstWall, lastWall]. */
function layout(def: CalendarDef, firstWall: number, lastWall: number) {
  const open: Array<[number, number]> = [];
  const closed: Array<[number, number]> = [];
  const fullDays = new Set<number>();
  for (const holiday of def.holidays ?? []) {
    const midnight = wallDay(holiday.date);
    if (holiday.from === undefined && holiday.to === undefined) fullDays.add(midnight);
    else
      closed.push([
        referenceInstant(def.timeZone, midnight + minutes(holiday.from ?? '00:00') * MINUTE),
        referenceInstant(def.timeZone, midnight + minutes(holiday.to ?? '24:00') * MINUTE),
      ]);
  }
  for (let midnight = firstWall; midnight <= lastWall; midnight += DAY) {
    if (fullDays.has(midnight)) continue;
    const key = DAY_KEYS[new Date(midnight).getUTCDay()] ?? 'sun';
    for (const [from, to] of def.weekly[key] ?? []) {
      const start = minutes(from);
      let end = minutes(to);
      if (end <= start) end += 24 * 60;
      open.push([
        referenceInstant(def.timeZone, midnight + start * MINUTE),
        referenceInstant(def.timeZone, midnight + end * MINUTE),
      ]);
    }
  }
  return { open, closed };
}

/** Business time in [from, to) for from ≤ to. */
export function referenceBetween(def: CalendarDef, from: number, to: number): number {
  const firstWall = Math.floor((from + offsetAt(def.timeZone, from)) / DAY) * DAY - 2 * DAY;
  const lastWall = Math.floor((to + offsetAt(def.timeZone, to)) / DAY) * DAY + DAY;
  const { open, closed } = layout(def, firstWall, lastWall);
  const cuts = new Set<number>([from, to]);
  for (const [a, b] of [...open, ...closed]) {
    if (a > from && a < to) cuts.add(a);
    if (b > from && b < to) cuts.add(b);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let total = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as number;
    const b = points[i + 1] as number;
    const middle = (a + b) / 2;
    const inside = (ranges: Array<[number, number]>) =>
      ranges.some(([s, e]) => s <= middle && middle < e);
    if (inside(open) && !inside(closed)) total += b - a;
  }
  return total;
}
