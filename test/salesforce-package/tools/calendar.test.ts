// import-calendar: the org's BusinessHours and Holiday records → playbook calendars the core parses.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { addBusinessTime, compileCalendar, parsePlaybookText } from '@handoff/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarsYaml, importCalendars } from '../../../salesforce-package/tools/calendar.js';
import { orgApi, startTestOrg, type TestOrg } from './org.js';

let org: TestOrg | undefined;
afterEach(async () => {
  await org?.close();
  org = undefined;
});

const closed = { StartTime: null, EndTime: null };
function hours(
  org: TestOrg,
  name: string,
  timeZone: string,
  week: Record<string, [string, string] | null>,
  extra = {},
) {
  const values: Record<string, unknown> = {
    Name: name,
    IsActive: true,
    IsDefault: false,
    TimeZoneSidKey: timeZone,
    ...extra,
  };
  for (const day of [
    'Monday',
    'Tuesday',
    'Wednesday',
    'Thursday',
    'Friday',
    'Saturday',
    'Sunday',
  ]) {
    const window = week[day] ?? null;
    values[`${day}StartTime`] = window ? `${window[0]}:00.000Z` : closed.StartTime;
    values[`${day}EndTime`] = window ? `${window[1]}:00.000Z` : closed.EndTime;
  }
  return org.seed.record('BusinessHours', values);
}

async function seedOrg(): Promise<TestOrg> {
  const t = await startTestOrg();
  const nine = ['09:00', '17:00'] as [string, string];
  hours(
    t,
    'Default',
    'America/New_York',
    { Monday: nine, Tuesday: nine, Wednesday: nine, Thursday: nine, Friday: nine },
    { IsDefault: true },
  );
  hours(t, 'EMEA Support', 'Europe/Berlin', {
    Monday: ['00:00', '00:00'],
    Saturday: ['10:00', '14:30'],
  });
  hours(t, 'Retired', 'UTC', { Monday: nine }, { IsActive: false });
  t.seed.record('Holiday', {
    Name: 'Thanksgiving',
    ActivityDate: '2026-11-26',
    IsAllDay: true,
    IsRecurrence: false,
  });
  t.seed.record('Holiday', {
    Name: 'Day after Thanksgiving (afternoon)',
    ActivityDate: '2026-11-27',
    IsAllDay: false,
    StartTimeInMinutes: 780,
    EndTimeInMinutes: 1020,
    IsRecurrence: false,
  });
  t.seed.record('Holiday', {
    Name: 'Christmas Day',
    ActivityDate: '2020-12-25',
    IsAllDay: true,
    IsRecurrence: true,
    RecurrenceType: 'RecursYearly',
    RecurrenceMonthOfYear: 'December',
    RecurrenceDayOfMonth: 25,
    RecurrenceStartDate: '2020-12-25',
  });
  t.seed.record('Holiday', {
    Name: 'Board day',
    ActivityDate: '2026-01-05',
    IsAllDay: true,
    IsRecurrence: true,
    RecurrenceType: 'RecursMonthlyNth',
  });
  return t;
}

describe('import-calendar', () => {
  it('when the org has business hours and holidays, then each active one becomes a calendar with its time zone, windows and holidays', async () => {
    org = await seedOrg();
    const { calendars, notes } = await importCalendars(await orgApi(org), [2026, 2027]);
    const holidays = [
      { date: '2026-11-26', name: 'Thanksgiving' },
      {
        date: '2026-11-27',
        from: '13:00',
        to: '17:00',
        name: 'Day after Thanksgiving (afternoon)',
      },
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2027-12-25', name: 'Christmas Day' },
    ];
    expect(calendars).toEqual({
      default: {
        timeZone: 'America/New_York',
        weekly: {
          mon: [['09:00', '17:00']],
          tue: [['09:00', '17:00']],
          wed: [['09:00', '17:00']],
          thu: [['09:00', '17:00']],
          fri: [['09:00', '17:00']],
        },
        holidays,
        hoursPerDay: 8,
      },
      emea_support: {
        timeZone: 'Europe/Berlin',
        weekly: { mon: [['00:00', '24:00']], sat: [['10:00', '14:30']] },
        holidays,
        hoursPerDay: 24,
      },
    });
    expect(notes).toEqual([
      'holiday "Board day" recurs as RecursMonthlyNth, which is not imported; add its dates by hand',
    ]);
  });

  it('round-trips: the YAML it prints, put into a playbook, parses, and the calendar counts business time as the org would', async () => {
    org = await seedOrg();
    const { calendars } = await importCalendars(await orgApi(org), [2026, 2027]);
    const file = createRequire(import.meta.url).resolve('@handoff/shared/playbooks/default.yaml');
    const original = readFileSync(file, 'utf8');
    const start = original.indexOf('\ncalendars:');
    const end = original.indexOf('\nroles:');
    const yaml = calendarsYaml(calendars).replace(/^ {2}default:/m, '  us_business:');
    const text = `${original.slice(0, start + 1)}${yaml}${original.slice(end)}`;
    const parsed = parsePlaybookText(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const calendar = compileCalendar(parsed.playbook.calendars.us_business!);
    // Wednesday 25 November 16:00 New York + 6 business hours: 1 on Wednesday, Thanksgiving closed,
    // 4 on Friday morning (the afternoon is a holiday) → Monday 30 November 10:00 (15:00 UTC).
    const due = addBusinessTime(calendar, Date.UTC(2026, 10, 25, 21), 6 * 3_600_000);
    expect(new Date(due).toISOString()).toBe('2026-11-30T15:00:00.000Z');
  });
});
