// The clock at its edges: inputs that are not whole instants or durations, the supported range of
// years 1–9999, and spans and targets of any size.
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessTimeBetween,
  compileCalendar,
  endOfBusinessDay,
  isOpen,
  nextOpen,
} from '../../../shared/src/clock/index.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const at = (iso: string): number => Date.parse(iso);
// Date.UTC maps years below 100 to 19xx, so far years are set explicitly.
const utc = (year: number, month = 1, day = 1, hour = 0): number => {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime() + hour * HOUR;
};
const FIRST = utc(1);
const END = utc(10_000);

const window: Array<[string, string]> = [['09:00', '17:00']];
const office = compileCalendar({
  timeZone: 'America/New_York',
  weekly: { mon: window, tue: window, wed: window, thu: window, fri: window },
});
const monday = at('2025-06-02T10:00-04:00');

describe('inputs that are not whole instants or durations', () => {
  const bad = [NaN, Infinity, -Infinity, 1.5, monday + 0.5];
  it.each(bad)('when an instant is %s, then every clock function refuses it at once', (t) => {
    for (const calendar of [office, null]) {
      expect(() => businessTimeBetween(calendar, t, monday)).toThrow(RangeError);
      expect(() => businessTimeBetween(calendar, monday, t)).toThrow(RangeError);
      expect(() => addBusinessTime(calendar, t, HOUR)).toThrow(RangeError);
      expect(() => isOpen(calendar, t)).toThrow(RangeError);
      expect(() => nextOpen(calendar, t)).toThrow(RangeError);
      expect(() => endOfBusinessDay(calendar, t, 1)).toThrow(RangeError);
    }
  });

  it.each([NaN, Infinity, -Infinity, 0.5])(
    'when a duration is %s, then addBusinessTime refuses it',
    (ms) => {
      expect(() => addBusinessTime(office, monday, ms)).toThrow(RangeError);
      expect(() => addBusinessTime(null, monday, ms)).toThrow(RangeError);
    },
  );

  it('when refused, then the message names the function, the argument and the value', () => {
    expect(() => businessTimeBetween(office, 0, NaN)).toThrow(
      /^businessTimeBetween needs to as whole epoch milliseconds within years 1–9999 .*got NaN\.$/,
    );
    expect(() => addBusinessTime(office, monday, Infinity)).toThrow(
      'addBusinessTime needs ms as a whole number of milliseconds, got Infinity.',
    );
  });
});

describe('the supported range: years 1–9999', () => {
  it('when an instant lies before year 1 or after year 9999, then it is refused rather than read as never open', () => {
    for (const t of [FIRST - 1, utc(-100), END + 1, 8.64e15]) {
      expect(() => isOpen(office, t)).toThrow(/within years 1–9999/);
      expect(() => businessTimeBetween(office, monday, t)).toThrow(RangeError);
      expect(() => nextOpen(office, t)).toThrow(RangeError);
    }
  });

  it('when an instant lies in year 1 or at the very end of year 9999, then it is answered', () => {
    // 0001-01-01 was a Monday; New York then kept local mean time (UTC−4:56:02).
    expect(isOpen(office, utc(1, 1, 1, 15))).toBe(true);
    expect(businessTimeBetween(office, FIRST, utc(1, 1, 8))).toBe(5 * 8 * HOUR);
    // Friday 24 December 9999 to the end: Friday, and Monday to Friday.
    expect(businessTimeBetween(office, utc(9999, 12, 24), END)).toBe(6 * 8 * HOUR);
    expect(isOpen(office, END)).toBe(false);
  });

  it('when a result would lie after year 9999, then it is reported like a calendar that never opens again', () => {
    expect(addBusinessTime(office, utc(9999, 12, 31), 10 * HOUR)).toBe(Infinity);
    expect(addBusinessTime(office, utc(1, 1, 1), -HOUR)).toBe(-Infinity);
    expect(addBusinessTime(null, END - HOUR, 2 * HOUR)).toBe(Infinity);
    expect(nextOpen(office, utc(9999, 12, 31, 23))).toBeNull();
    // Friday 31 December 9999 is day 1 and closes in range; day 2 would be in year 10000.
    expect(endOfBusinessDay(office, utc(9999, 12, 31), 1)).toBe(at('9999-12-31T17:00-05:00'));
    expect(endOfBusinessDay(office, utc(9999, 12, 31), 2)).toBe(Infinity);
    expect(endOfBusinessDay(null, utc(9999, 12, 31), 5)).toBe(Infinity);
  });
});

describe('spans and targets of any size', () => {
  it('when the span is 3,000 years, then it is the sum of its years', () => {
    let sum = 0;
    for (let year = 1970; year < 5139; year++) {
      sum += businessTimeBetween(office, Math.max(0, utc(year)), Math.min(1e14, utc(year + 1)));
    }
    expect(businessTimeBetween(office, 0, 1e14)).toBe(sum);
    expect(businessTimeBetween(office, 1e14, 0)).toBe(-sum);
  });

  it('when 1,000 years of business time are added, then exactly that much lies between start and result', () => {
    const target = 1000 * 2088 * HOUR;
    const due = addBusinessTime(office, monday, target);
    expect(businessTimeBetween(office, monday, due)).toBe(target);
    expect(businessTimeBetween(office, monday, due - 1)).toBe(target - 1);
    const back = addBusinessTime(office, due, -target);
    expect(businessTimeBetween(office, back, due)).toBe(target);
    expect(back).toBe(at('2025-06-02T10:00-04:00'));
  });

  it('when 10^8 business minutes are asked of a calendar open one minute a week, then the answer is "not by year 9999"', () => {
    const minute = compileCalendar({ timeZone: 'UTC', weekly: { mon: [['09:00', '09:01']] } });
    expect(addBusinessTime(minute, monday, 1e8 * MINUTE)).toBe(Infinity);
    // 1 minute a week for 400 years is 20,871 minutes: whole cycles are counted exactly.
    expect(businessTimeBetween(minute, utc(2400), utc(2800))).toBe(20_871 * MINUTE);
    expect(businessTimeBetween(minute, utc(2000), utc(2400))).toBe(20_871 * MINUTE);
  });

  it('when n is a billion business days, then the answer is at once "not by year 9999"', () => {
    expect(endOfBusinessDay(office, monday, 1e9)).toBe(Infinity);
    // 1,000,000 business days of 5 a week is 200,000 weeks from Monday 2 June 2025.
    expect(endOfBusinessDay(office, monday, 1e6)).toBe(
      at('2025-06-02T17:00-04:00') + 200_000 * 7 * 24 * HOUR,
    );
  });
});
