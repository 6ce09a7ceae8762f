// The next step's "by when", as a person says it: today, tomorrow, yesterday by the calendar day in
// the viewer's zone at the moment the view was evaluated; any other day in full. Hand-computed:
// New York is UTC−5 in November 2026 (daylight time ended Sunday 1 November at 2:00), Paris UTC+1.
import { describe, expect, it } from 'vitest';
import { formatDue } from '../../../shared/src/display/format.js';

const ny = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 5, minute);
const NY = 'America/New_York';

describe('formatDue', () => {
  it('when the due time is later the same day, then it reads today and the time', () => {
    expect(formatDue(ny(23, 13, 30), NY, ny(23, 10))).toBe('today, 1:30 PM');
  });

  it('when it is the next calendar day, even 1 hour away across midnight, then it reads tomorrow', () => {
    expect(formatDue(ny(24, 0, 30), NY, ny(23, 23, 30))).toBe('tomorrow, 12:30 AM');
    expect(formatDue(ny(24, 10), NY, ny(23, 9))).toBe('tomorrow, 10:00 AM');
  });

  it('when it was due the day before, then it reads yesterday', () => {
    expect(formatDue(ny(22, 17), NY, ny(23, 9))).toBe('yesterday, 5:00 PM');
  });

  it('when it is two or more days away (or ago), then it reads the full date', () => {
    expect(formatDue(ny(25, 10), NY, ny(23, 10))).toBe('Nov 25, 2026, 10:00 AM');
    expect(formatDue(ny(20, 17), NY, ny(23, 10))).toBe('Nov 20, 2026, 5:00 PM');
  });

  it('when the day is counted, then it is the viewer’s calendar day, not UTC’s: 8 PM in New York is already the next day in UTC', () => {
    // 20:00 New York Monday = 01:00 UTC Tuesday; now is 10:00 Monday New York.
    expect(formatDue(ny(23, 20), NY, ny(23, 10))).toBe('today, 8:00 PM');
    expect(formatDue(ny(23, 20), 'UTC', ny(23, 10))).toBe('tomorrow, 1:00 AM');
  });

  it('when the calendar runs in another zone than the viewer’s, then the time keeps its zone name', () => {
    // 13:30 New York = 19:30 Paris, same day.
    expect(formatDue(ny(23, 13, 30), { viewer: 'Europe/Paris', reference: NY }, ny(23, 10))).toBe(
      'today, 7:30 PM GMT+1',
    );
  });

  it('when daylight time ended in between (a 25-hour Sunday), then the next day is still tomorrow', () => {
    // Now Sunday 1 November 00:30 EDT (04:30 UTC); due Monday 2 November 09:00 EST (14:00 UTC).
    expect(formatDue(Date.UTC(2026, 10, 2, 14), NY, Date.UTC(2026, 10, 1, 4, 30))).toBe(
      'tomorrow, 9:00 AM',
    );
  });

  it('when the viewer’s zone is unknown, then it falls back to UTC and names it', () => {
    expect(formatDue(ny(23, 13, 30), 'Mars/Olympus', ny(23, 10))).toBe('today, 6:30 PM UTC');
  });
});
