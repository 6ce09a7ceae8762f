// SLA durations must come due within a year: per unit, and on the SLA's calendar.
import { describe, expect, it } from 'vitest';
import { parsePlaybook, type PlaybookIssue } from '../../../shared/src/playbook/index.js';
import { defaultPlaybookInput, type RawPlaybook } from '../fixtures.js';

function issuesAfter(change: (p: RawPlaybook) => void): PlaybookIssue[] {
  const input = defaultPlaybookInput();
  change(input);
  const result = parsePlaybook(input);
  return result.ok ? [] : result.issues;
}

/** The default playbook's first SLA, on a calendar of its own with these weekly windows. */
function onCalendar(weekly: Record<string, [string, string][]>, target: object) {
  return (p: RawPlaybook) => {
    p.calendars.sparse = { timeZone: 'America/New_York', weekly };
    p.slas[0].calendar = 'sparse';
    p.slas[0].target = target;
    delete p.slas[0].warn;
  };
}

const OFFICE = {
  mon: [['09:00', '17:00']],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']],
  fri: [['09:00', '17:00']],
} as Record<string, [string, string][]>;

describe('SLA durations', () => {
  it('when a target is 10⁸ business minutes, then it is refused as more than a year', () => {
    expect(
      issuesAfter((p) => (p.slas[0].target = { unit: 'business_minutes', amount: 1e8 })),
    ).toEqual([
      {
        path: 'slas[0].target.amount',
        message:
          'is more than a year: at most 527040 business minutes (366 days around the clock) are accepted.',
      },
    ]);
  });

  it('when a target is 1000 years of business days, then it is refused', () => {
    expect(
      issuesAfter(
        (p) => (p.slas[0].target = { unit: 'business_days', amount: 365_000, mode: 'elapsed' }),
      ),
    ).toEqual([
      {
        path: 'slas[0].target.amount',
        message:
          'is more than a year: at most 366 business days (366 days around the clock) are accepted.',
      },
    ]);
  });

  it('when a warning or an escalation delay is more than a year, then it is refused where it is written', () => {
    const issues = issuesAfter((p) => {
      p.slas[0].warn = { before: { unit: 'business_hours', amount: 9000 } };
      p.slas[0].escalations[1].after = { unit: 'calendar_hours', amount: 10_000 };
    });
    expect(issues.map((i) => i.path)).toEqual([
      'slas[0].warn.before.amount',
      'slas[0].escalations[1].after.amount',
    ]);
  });

  it('when a calendar is open one minute a week, then a target it could not reach within a year is refused', () => {
    expect(
      issuesAfter(
        onCalendar({ mon: [['09:00', '09:01']] }, { unit: 'business_minutes', amount: 10_000 }),
      ),
    ).toEqual([
      {
        path: 'slas[0].target.amount',
        message:
          'would take more than a year to come due on the calendar `sparse`, which is open 1 minute a week: at most 52 business minutes are accepted.',
      },
    ]);
    expect(
      issuesAfter(
        onCalendar({ mon: [['09:00', '09:01']] }, { unit: 'business_minutes', amount: 52 }),
      ),
    ).toEqual([]);
  });

  it('when a calendar is open 40 hours a week, then a year of it bounds hours and days', () => {
    const target = (amount: number, unit = 'business_hours', mode?: string) =>
      issuesAfter(onCalendar(OFFICE, { unit, amount, ...(mode ? { mode } : {}) }));
    expect(target(2091)).toEqual([]);
    expect(target(2092)).toEqual([
      {
        path: 'slas[0].target.amount',
        message:
          'would take more than a year to come due on the calendar `sparse`, which is open 40 hours a week: at most 2091 business hours are accepted.',
      },
    ]);
    // `elapsed` days are hoursPerDay (8 when the calendar sets none) of open time each.
    expect(target(261, 'business_days', 'elapsed')).toEqual([]);
    expect(target(262, 'business_days', 'elapsed')[0]?.message).toMatch(
      /open 40 hours a week: at most 261 business days/,
    );
    // `end_of_day` counts business days: five a week.
    expect(target(261, 'business_days', 'end_of_day')).toEqual([]);
    expect(target(262, 'business_days', 'end_of_day')).toEqual([
      {
        path: 'slas[0].target.amount',
        message:
          'would take more than a year to come due on the calendar `sparse`, which is open 5 days a week: at most 261 business days are accepted.',
      },
    ]);
  });

  it('when a night window runs into the next morning, then the overlap counts once', () => {
    const night = { mon: [['22:00', '06:00']], tue: [['00:00', '08:00']] } as Record<
      string,
      [string, string][]
    >;
    // Open Mon 22:00 – Tue 08:00: 10 hours a week, so 522 business hours in a year.
    expect(
      issuesAfter(onCalendar(night, { unit: 'business_hours', amount: 523 }))[0]?.message,
    ).toMatch(/open 10 hours a week: at most 522 business hours/);
  });

  it('when a calendar is never open, then no target on it can come due', () => {
    expect(issuesAfter(onCalendar({}, { unit: 'business_hours', amount: 1 }))).toEqual([
      {
        path: 'slas[0].target.amount',
        message: 'can never come due within a year on the calendar `sparse`, which is never open.',
      },
    ]);
  });

  it('when calendar hours are asked for, then the calendar does not bound them', () => {
    expect(
      issuesAfter(
        onCalendar({ mon: [['09:00', '09:01']] }, { unit: 'calendar_hours', amount: 8000 }),
      ),
    ).toEqual([]);
  });

  it('when a calendar lists more than 1000 holidays, then the list is refused', () => {
    const issues = issuesAfter((p) => {
      p.calendars.us_business.holidays = Array.from({ length: 1001 }, (_, i) => ({
        date: new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10),
      }));
    });
    expect(issues).toEqual([
      { path: 'calendars.us_business.holidays', message: 'must be at most 1000 entries.' },
    ]);
  });
});
