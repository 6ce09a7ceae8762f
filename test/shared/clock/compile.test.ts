import { describe, expect, it } from 'vitest';
import {
  CalendarError,
  compileCalendar,
  nextOpen,
  type CalendarDef,
} from '../../../shared/src/clock/index.js';

const valid: CalendarDef = {
  timeZone: 'America/New_York',
  weekly: { mon: [['09:00', '17:00']] },
};

function errorOf(def: unknown): CalendarError {
  try {
    compileCalendar(def as CalendarDef);
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
  throw new Error('expected a CalendarError');
}

describe('compileCalendar', () => {
  it('when the definition is valid, then it keeps the zone and defaults to 8 hours per day', () => {
    const calendar = compileCalendar(valid);
    expect(calendar.timeZone).toBe('America/New_York');
    expect(calendar.hoursPerDay).toBe(8);
  });

  it('when hoursPerDay is 24, then it is accepted as the upper bound', () => {
    expect(compileCalendar({ ...valid, hoursPerDay: 24 }).hoursPerDay).toBe(24);
  });

  it('when no weekday has a window, then the calendar compiles and never opens', () => {
    const closed = compileCalendar({ timeZone: 'UTC', weekly: {} });
    expect(nextOpen(closed, 0)).toBeNull();
  });

  it('when a window ends at "24:00" or at its own start, then it is accepted', () => {
    expect(() =>
      compileCalendar({
        ...valid,
        weekly: { mon: [['18:00', '24:00']], tue: [['09:00', '09:00']] },
      }),
    ).not.toThrow();
  });

  it('when the time zone is unknown, then the message names it for an admin', () => {
    const error = errorOf({ ...valid, timeZone: 'Mars/Base' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CalendarError');
    expect(error.path).toEqual(['timeZone']);
    expect(error.message).toBe('Time zone "Mars/Base" is not an IANA time zone name.');
  });

  it.each<[string, unknown, Array<string | number>]>([
    ['the definition is not an object', 'UTC', []],
    ['the time zone is missing', { weekly: {} }, ['timeZone']],
    ['weekly is missing', { timeZone: 'UTC' }, ['weekly']],
    [
      'a weekday name is misspelt',
      { timeZone: 'UTC', weekly: { monday: [] } },
      ['weekly', 'monday'],
    ],
    [
      'a weekday is not a list',
      { timeZone: 'UTC', weekly: { tue: '09:00-17:00' } },
      ['weekly', 'tue'],
    ],
    [
      'a window is not a pair',
      { timeZone: 'UTC', weekly: { wed: [['09:00']] } },
      ['weekly', 'wed', 0],
    ],
    [
      'a window closes at "25:00"',
      { timeZone: 'UTC', weekly: { mon: [['09:00', '25:00']] } },
      ['weekly', 'mon', 0, 1],
    ],
    [
      'a window opens at "9:00"',
      { timeZone: 'UTC', weekly: { mon: [['9:00', '17:00']] } },
      ['weekly', 'mon', 0, 0],
    ],
    [
      'a window opens at "24:00"',
      { timeZone: 'UTC', weekly: { mon: [['24:00', '06:00']] } },
      ['weekly', 'mon', 0, 0],
    ],
    [
      'a window has minute 60',
      { timeZone: 'UTC', weekly: { fri: [['08:00', '12:60']] } },
      ['weekly', 'fri', 0, 1],
    ],
    [
      'a time is a number',
      { timeZone: 'UTC', weekly: { fri: [[900, '17:00']] } },
      ['weekly', 'fri', 0, 0],
    ],
    [
      'two windows on a day overlap',
      {
        timeZone: 'UTC',
        weekly: {
          tue: [
            ['09:00', '12:30'],
            ['12:00', '17:00'],
          ],
        },
      },
      ['weekly', 'tue', 1],
    ],
    [
      'a midnight-crossing window overlaps a later window of its day',
      {
        timeZone: 'UTC',
        weekly: {
          sat: [
            ['22:00', '06:00'],
            ['23:00', '23:30'],
          ],
        },
      },
      ['weekly', 'sat', 1],
    ],
    ['holidays is not a list', { ...valid, holidays: '2025-12-25' }, ['holidays']],
    ['a holiday is not an object', { ...valid, holidays: ['2025-12-25'] }, ['holidays', 0]],
    [
      'a holiday date does not exist',
      {
        ...valid,
        holidays: [{ date: '2025-12-25' }, { date: '2025-01-01' }, { date: '2025-02-30' }],
      },
      ['holidays', 2, 'date'],
    ],
    [
      'a holiday date is malformed',
      { ...valid, holidays: [{ date: '25/12/2025' }] },
      ['holidays', 0, 'date'],
    ],
    [
      'a holiday opens at a bad time',
      { ...valid, holidays: [{ date: '2025-12-24', from: '1200' }] },
      ['holidays', 0, 'from'],
    ],
    [
      'a holiday closes at a bad time',
      { ...valid, holidays: [{ date: '2025-12-24', to: '24:30' }] },
      ['holidays', 0, 'to'],
    ],
    [
      'a holiday ends before it starts',
      { ...valid, holidays: [{ date: '2025-12-24', from: '14:00', to: '12:00' }] },
      ['holidays', 0, 'to'],
    ],
    [
      'a holiday name is not text',
      { ...valid, holidays: [{ date: '2025-12-24', name: 7 }] },
      ['holidays', 0, 'name'],
    ],
    ['hoursPerDay is 0', { ...valid, hoursPerDay: 0 }, ['hoursPerDay']],
    ['hoursPerDay is above 24', { ...valid, hoursPerDay: 25 }, ['hoursPerDay']],
    ['hoursPerDay is negative', { ...valid, hoursPerDay: -8 }, ['hoursPerDay']],
    ['hoursPerDay is not a number', { ...valid, hoursPerDay: '8' }, ['hoursPerDay']],
    ['hoursPerDay is NaN', { ...valid, hoursPerDay: Number.NaN }, ['hoursPerDay']],
  ])('when %s, then CalendarError points at the bad part', (_, def, path) => {
    const error = errorOf(def);
    expect(error.path).toEqual(path);
    expect(error.message).toMatch(/^[A-Z"].*\.$/);
  });

  it('when a time is out of range, then the message quotes it and says what to write', () => {
    const error = errorOf({ timeZone: 'UTC', weekly: { mon: [['09:00', '25:00']] } });
    expect(error.message).toBe(
      'Monday window 1 closes at "25:00", which is not a time of day; write HH:MM from 00:00 to 24:00.',
    );
  });

  it('when windows overlap, then the message names both windows of the day', () => {
    const error = errorOf({
      timeZone: 'UTC',
      weekly: {
        tue: [
          ['09:00', '12:30'],
          ['12:00', '17:00'],
        ],
      },
    });
    expect(error.message).toBe(
      'Tuesday window 2 overlaps window 1; windows on one day must not overlap.',
    );
  });
});
