// The page's clock controls. Time only moves forward: the store and the emulator keep what happened,
// and a clock set back would put recorded events in the future. After each move the scanner runs
// (escalations, SLA status on deals) and the outbox delivers, as they would have meanwhile.
import { addBusinessTime, compileCalendar, type Playbook } from '@handoff/shared';
import type { ManualClock } from '../emulators/plumbing/clock.js';
import { SandboxError } from './errors.js';

export type ClockMove = { by: 'hour' } | { by: 'business_day' } | { to: number };

const HOUR = 3_600_000;

export function nextInstant(clock: ManualClock, playbook: Playbook, move: ClockMove): number {
  const now = clock.now();
  if ('to' in move) {
    if (!Number.isFinite(move.to) || move.to < now)
      throw new SandboxError(
        'The sandbox clock only moves forward; start over with npm start -- --reset.',
      );
    // The clock counts whole milliseconds; a page may send a fraction of one.
    return Math.round(move.to);
  }
  if (move.by === 'hour') return now + HOUR;
  // One business day on the playbook's first calendar: the same business moment a working day later.
  const [first] = Object.values(playbook.calendars);
  if (!first) return now + 24 * HOUR;
  const calendar = compileCalendar(first);
  // hoursPerDay may be fractional (7.3); the clock counts whole milliseconds.
  return addBusinessTime(calendar, now, Math.round((first.hoursPerDay ?? 8) * HOUR));
}
