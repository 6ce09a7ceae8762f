// The sandbox's clock controls hand the core whole milliseconds, which is all the clock accepts.
import { describe, expect, it } from 'vitest';
import type { Playbook } from '@handoff/shared';
import { ManualClock } from '../../sandbox/emulators/plumbing/clock.js';
import { nextInstant } from '../../sandbox/server/clock-controls.js';

// nextInstant reads only the playbook's calendars.
const playbook = {
  calendars: {
    office: {
      timeZone: 'UTC',
      weekly: { mon: [['09:00', '16:20']], tue: [['09:00', '16:20']] },
      hoursPerDay: 7.3333,
    },
  },
} as unknown as Playbook;

describe('clock controls', () => {
  it('when a business day has a fractional number of hours, then the clock moves by whole milliseconds', () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 5, 10));
    const next = nextInstant(clock, playbook, { by: 'business_day' });
    expect(Number.isInteger(next)).toBe(true);
  });

  it('when the page asks for an instant with a fraction of a millisecond, then the clock gets a whole one', () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 5, 10));
    expect(nextInstant(clock, {} as Playbook, { to: Date.UTC(2026, 0, 6) + 0.4 })).toBe(
      Date.UTC(2026, 0, 6),
    );
  });
});
