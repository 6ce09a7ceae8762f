// Business-time arithmetic throughput: our clock against moment-business-time on the same inputs.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import {
  addBusinessTime,
  businessTimeBetween,
  compileCalendar,
  endOfBusinessDay,
  type CalendarDef,
} from '../../shared/src/clock/index.js';
import { evaluateTimer } from '../../shared/src/sla/index.js';
import { formatRate, line, measure, section, type Measurement } from './lib.js';

interface BusinessMoment {
  addWorkingTime(amount: number, unit: string): BusinessMoment;
  workingDiff(other: BusinessMoment, unit: string): number;
  valueOf(): number;
}
interface BusinessMomentStatic {
  (instant: number): BusinessMoment;
  updateLocale(locale: string, data: object): void;
  locale(): string;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const INPUTS = 4096;
const TARGET_RATE = 1_000_000;
const TARGET_RATIO = 100;

// mulberry32: small, seeded, so both libraries get identical inputs on every run.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 15 distinct weekday holidays per year, the same for both libraries. */
function holidays(next: () => number, firstYear: number, lastYear: number): string[] {
  const dates: string[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const chosen = new Set<string>();
    while (chosen.size < 15) {
      const date = new Date(Date.UTC(year, 0, 1) + Math.floor(next() * 365) * DAY);
      const weekday = date.getUTCDay();
      if (weekday === 0 || weekday === 6 || date.getUTCFullYear() !== year) continue;
      chosen.add(date.toISOString().slice(0, 10));
    }
    dates.push(...[...chosen].sort());
  }
  return dates;
}

/**
 * `measure` warms up with 1000 calls, which takes minutes for the peer (each call walks every day
 * of a two-year span and glob-matches every holiday per day). This runs the first inputs in order
 * — the same ones our clock cycles through — until the budget is spent.
 */
function measureSlow(name: string, op: (i: number) => unknown, budgetMs = 3000): Measurement {
  let iterations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs && iterations < INPUTS) {
    op(iterations++);
    elapsed = performance.now() - start;
  }
  return { name, opsPerSecond: (iterations / elapsed) * 1000, iterations };
}

export default async function clockBench(): Promise<void> {
  const next = random(20250602);
  const holidayDates = holidays(next, 2024, 2032);
  const window: Array<[string, string]> = [['09:00', '17:00']];
  const def: CalendarDef = {
    timeZone: 'America/New_York',
    weekly: { mon: window, tue: window, wed: window, thu: window, fri: window },
    holidays: holidayDates.map((date) => ({ date })),
  };

  // Starts from 2024 to 2029, spans and amounts up to two years (of calendar or business time).
  const first = Date.UTC(2024, 0, 1);
  const starts = new Float64Array(INPUTS);
  const ends = new Float64Array(INPUTS);
  const amounts = new Float64Array(INPUTS);
  for (let i = 0; i < INPUTS; i++) {
    starts[i] = first + Math.floor(next() * 6 * 365 * DAY);
    ends[i] = (starts[i] as number) + Math.floor(next() * 2 * 365 * DAY);
    amounts[i] = Math.floor(next() * 2 * 261 * 8 * HOUR);
  }
  const mask = INPUTS - 1;

  section('Business-time clock (Mon–Fri 09:00–17:00 America/New_York, 15 holidays a year)');
  const compileStarted = performance.now();
  const compileRuns = 1000;
  for (let i = 0; i < compileRuns; i++) compileCalendar(def);
  line(
    'compileCalendar (135 holidays)',
    `${(((performance.now() - compileStarted) / compileRuns) * 1000).toFixed(1)} µs`,
  );

  const calendar = compileCalendar(def);
  const coldStarted = performance.now();
  addBusinessTime(calendar, first, 2 * 261 * 8 * HOUR);
  line(
    'first call on a fresh calendar (lays out ~2 years)',
    `${(performance.now() - coldStarted).toFixed(2)} ms`,
  );

  const ours = {
    add: measure('add', (i) =>
      addBusinessTime(calendar, starts[i & mask] as number, amounts[i & mask] as number),
    ),
    diff: measure('diff', (i) =>
      businessTimeBetween(calendar, starts[i & mask] as number, ends[i & mask] as number),
    ),
  };

  const require = createRequire(import.meta.url);
  const moment = require('moment-business-time') as BusinessMomentStatic;
  moment.updateLocale(moment.locale(), {
    workinghours: {
      0: null,
      1: ['09:00:00', '17:00:00'],
      2: ['09:00:00', '17:00:00'],
      3: ['09:00:00', '17:00:00'],
      4: ['09:00:00', '17:00:00'],
      5: ['09:00:00', '17:00:00'],
      6: null,
    },
    holidays: holidayDates,
  });
  const peer = {
    add: measureSlow('peer add', (i) =>
      moment(starts[i] as number)
        .addWorkingTime(amounts[i] as number, 'milliseconds')
        .valueOf(),
    ),
    diff: measureSlow('peer diff', (i) =>
      moment(ends[i] as number).workingDiff(moment(starts[i] as number), 'milliseconds'),
    ),
  };

  line('addBusinessTime (spans up to 2 years)', formatRate(ours.add.opsPerSecond));
  line('businessTimeBetween (spans up to 2 years)', formatRate(ours.diff.opsPerSecond));
  line(
    `moment-business-time addWorkingTime (${peer.add.iterations} calls)`,
    formatRate(peer.add.opsPerSecond),
  );
  line(
    `moment-business-time workingDiff (${peer.diff.iterations} calls)`,
    formatRate(peer.diff.opsPerSecond),
  );
  const addRatio = ours.add.opsPerSecond / peer.add.opsPerSecond;
  const diffRatio = ours.diff.opsPerSecond / peer.diff.opsPerSecond;
  line(
    'ratio add (ours / moment-business-time)',
    `${Math.round(addRatio).toLocaleString('en-US')}×`,
  );
  line(
    'ratio diff (ours / moment-business-time)',
    `${Math.round(diffRatio).toLocaleString('en-US')}×`,
  );
  const met =
    Math.min(ours.add.opsPerSecond, ours.diff.opsPerSecond) >= TARGET_RATE &&
    Math.min(addRatio, diffRatio) >= TARGET_RATIO;
  line(
    `target ≥ ${formatRate(TARGET_RATE)} and ≥ ${TARGET_RATIO}× the peer`,
    met ? 'met' : 'NOT met',
  );
  edgesBench(def, next, Math.min(ours.add.opsPerSecond, ours.diff.opsPerSecond));

  console.log(
    "Note: moment-business-time has no time-zone support; it works in the process's local time" +
      ` (${Intl.DateTimeFormat().resolvedOptions().timeZone} here), not America/New_York, with the same hours and holidays.`,
  );
}

/** Instants spread over whole years, so every query may need another year's layout. */
function spreadInputs(next: () => number, firstYear: number, lastYear: number): Float64Array[] {
  const from = yearStart(firstYear);
  const to = yearStart(lastYear + 1);
  const starts = new Float64Array(INPUTS);
  const ends = new Float64Array(INPUTS);
  for (let i = 0; i < INPUTS; i++) {
    starts[i] = from + Math.floor(next() * (to - from - 2 * 365 * DAY));
    ends[i] = (starts[i] as number) + Math.floor(next() * 2 * 365 * DAY);
  }
  return [starts, ends];
}

function yearStart(year: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, 0, 1);
  return date.getTime();
}

function timed(op: () => unknown): number {
  const started = performance.now();
  op();
  return performance.now() - started;
}

/**
 * The clock at its edges (issue 22): queries spread over centuries, after the first pass has laid
 * out each year once (the layout cache evicts least recently used years instead of starting
 * over), and spans and targets of any size (whole years are summed in closed form).
 */
function edgesBench(def: CalendarDef, next: () => number, warmRate: number): void {
  section('Business-time clock at its edges (same calendar; warm rate above for comparison)');
  const mask = INPUTS - 1;
  for (const [firstYear, lastYear] of [
    [1700, 2400],
    [1, 9999],
  ] as const) {
    const [starts, ends] = spreadInputs(next, firstYear, lastYear) as [Float64Array, Float64Array];
    const calendar = compileCalendar(def);
    const firstPass = timed(() => {
      for (let i = 0; i < INPUTS; i++) {
        businessTimeBetween(calendar, starts[i] as number, ends[i] as number);
      }
    });
    const spread = measure('spread', (i) =>
      businessTimeBetween(calendar, starts[i & mask] as number, ends[i & mask] as number),
    );
    line(
      `businessTimeBetween spread ${firstYear}–${lastYear}: first pass`,
      `${firstPass.toFixed(0)} ms for ${INPUTS} calls`,
    );
    line(
      `businessTimeBetween spread ${firstYear}–${lastYear}: then`,
      `${formatRate(spread.opsPerSecond)} (warm ÷ this: ${(warmRate / spread.opsPerSecond).toFixed(1)}×)`,
    );
  }

  const start = Date.UTC(2025, 5, 2, 14);
  const HOURS_PER_YEAR = 2088 * HOUR;
  const cases: Array<
    [string, CalendarDef, (calendar: ReturnType<typeof compileCalendar>) => unknown]
  > = [
    ['businessTimeBetween(c, 0, 1e14) (3,000 years)', def, (c) => businessTimeBetween(c, 0, 1e14)],
    [
      'addBusinessTime 1,000-year target',
      def,
      (c) => addBusinessTime(c, start, 1000 * HOURS_PER_YEAR),
    ],
    [
      'addBusinessTime 10^8 min, open 1 min a week',
      { timeZone: 'America/New_York', weekly: { mon: [['09:00', '09:01']] } },
      (c) => addBusinessTime(c, start, 1e8 * 60_000),
    ],
    [
      'evaluateTimer 10^8 min, open 1 min a week (issue 17)',
      { timeZone: 'America/New_York', weekly: { mon: [['09:00', '09:01']] } },
      (c) => evaluateTimer({ calendar: c, startedAt: start, targetMs: 1e8 * 60_000, now: start }),
    ],
    [
      'evaluateTimer 1,000-year target (issue 17)',
      def,
      (c) =>
        evaluateTimer({
          calendar: c,
          startedAt: start,
          targetMs: 1000 * HOURS_PER_YEAR,
          warn: { consumedFraction: 0.75 },
          now: start + DAY,
        }),
    ],
    [
      'evaluateTimer 8-hour target (for comparison)',
      def,
      (c) => evaluateTimer({ calendar: c, startedAt: start, targetMs: 8 * HOUR, now: start }),
    ],
    ['endOfBusinessDay n = 10^6', def, (c) => endOfBusinessDay(c, start, 1e6)],
    ['endOfBusinessDay n = 10^9', def, (c) => endOfBusinessDay(c, start, 1e9)],
  ];
  for (const [label, caseDef, op] of cases) {
    const calendar = compileCalendar(caseDef);
    const cold = timed(() => op(calendar));
    const warm = measure(label, () => op(calendar), 300);
    line(label, `first call ${cold.toFixed(1)} ms, then ${formatRate(warm.opsPerSecond)}`);
  }
}
