// backtestPlaybooks: replays recorded histories under the current and the new playbook, one record
// at a time, and compares the shared metrics and each record's outcome.
import type { MetricsWindow } from '../metrics/compute.js';
import { median, percentile } from '../metrics/stats.js';
import type { Playbook } from '../playbook/schema.js';
import { TIMER_STATES } from '../display/words.js';
import { recordHistories, type HistoryHeader, type HistorySource } from './history.js';
import { replayRecord, type RecordReplay } from './replay.js';
import { sameRules } from './reuse.js';

export const DAY_MS = 86_400_000;
export const DEFAULT_BACKTEST_DAYS = 90;
/** Two years: longer windows mostly replay playbooks nobody would compare against today's. */
export const MAX_BACKTEST_DAYS = 731;
/** Records whose outcome changes, listed one by one; past this only counted (memory stays bounded). */
export const MAX_LISTED_RECORDS = 1000;

export interface BacktestInput {
  old: Playbook;
  new: Playbook;
  /** History lines (JSON text or parsed objects), sync or async: see "History export" in the README. */
  history: HistorySource;
  /** `[from, to)`; omitted: the 90 days before the export's `exportedAt`. */
  window?: Partial<MetricsWindow>;
  /** The window's length when `window.from` is omitted (default 90 days). */
  days?: number;
}

/** Business hours a time to accept falls within, bucket by bucket; `null` is "longer". */
export const TIME_TO_ACCEPT_BUCKETS_HOURS = [1, 4, 8, 16, 40, null] as const;

export interface BacktestSla {
  id: string;
  label: string;
  /** Timers that stopped in the window and how many of them on time (computeMetrics). */
  completed: number;
  metOnTime: number;
  attainment: number | null;
  /** Timers started in the window that breached (still breached, or met late). */
  breaches: number;
  /** Escalations raised by timers started in the window, per level (index 0 is level 1). */
  escalations: number[];
}

export interface BacktestHandoff {
  id: string;
  label: string;
  submitted: number;
  accepted: number;
  rejected: number;
  /** Recorded submissions this playbook would have refused (required items, criteria). */
  refusedSubmissions: number;
  timeToAccept: {
    count: number;
    medianMs: number | null;
    p90Ms: number | null;
    /** Counts per bucket of TIME_TO_ACCEPT_BUCKETS_HOURS (business hours, upper bound inclusive). */
    histogram: number[];
  };
}

export interface BacktestSide {
  slas: BacktestSla[];
  handoffs: BacktestHandoff[];
  /** Recorded stage moves whose criteria this playbook would have blocked. */
  blockedStageMoves: number;
  escalationsRaised: number;
}

export interface BacktestResult {
  window: MetricsWindow;
  records: number;
  /** Records with at least one field change recorded (the rest were read at their current values). */
  recordsWithFieldHistory: number;
  old: BacktestSide;
  new: BacktestSide;
  changedRecords: number;
  /** The first MAX_LISTED_RECORDS records whose outcome changes, each change in words. */
  changes: { recordId: string; changes: string[] }[];
  /** What the replay cannot know, in sentences. */
  unknowable: string[];
}

export async function backtestPlaybooks(input: BacktestInput): Promise<BacktestResult> {
  let header: HistoryHeader | undefined;
  let window: MetricsWindow | undefined;
  const old = new Side(input.old);
  const next = new Side(input.new);
  const changes: BacktestResult['changes'] = [];
  let records = 0;
  let withFieldHistory = 0;
  let changedRecords = 0;
  // The new side reuses the current side's answers the two playbooks reach by the same rules.
  const rulesSame = sameRules(input.old, input.new);
  for await (const history of recordHistories(input.history, (h) => (header = h))) {
    window ??= windowOf(input.window, header, input.days);
    records++;
    if (history.fieldHistory.size > 0) withFieldHistory++;
    const a = replayRecord(input.old, history, window);
    const b = replayRecord(input.new, history, window, {
      ...(rulesSame.submissions
        ? { end: a.end, refusedSubmissions: a.refusedSubmissions }
        : rulesSame.items
          ? { end: a.end }
          : {}),
      ...(rulesSame.criteria ? { blockedMoves: a.blockedMoves } : {}),
      ...(rulesSame.slas.size > 0
        ? {
            slas: new Map(
              a.slas.filter((s) => rulesSame.slas.has(s.slaId)).map((s) => [s.slaId, s]),
            ),
          }
        : {}),
    });
    old.add(a);
    next.add(b);
    const differences = compare(input.old, input.new, a, b);
    if (differences.length > 0) {
      changedRecords++;
      if (changes.length < MAX_LISTED_RECORDS)
        changes.push({ recordId: history.record.recordId, changes: differences });
    }
  }
  window ??= windowOf(input.window, header, input.days);
  return {
    window,
    records,
    recordsWithFieldHistory: withFieldHistory,
    old: old.result(),
    new: next.result(),
    changedRecords,
    changes,
    unknowable: unknowable(records, withFieldHistory),
  };
}

/** The window asked for, completed from the export's time and checked against the limits. */
export function windowOf(
  asked: Partial<MetricsWindow> | undefined,
  header?: HistoryHeader,
  days = DEFAULT_BACKTEST_DAYS,
): MetricsWindow {
  const to = asked?.to ?? header?.exportedAt;
  if (to === undefined)
    throw new RangeError(
      'The backtest needs the end of its window: give window.to, or an export line with exportedAt.',
    );
  const from = asked?.from ?? to - days * DAY_MS;
  if (!(from < to)) throw new RangeError('The backtest window must end after it starts.');
  if (to - from > MAX_BACKTEST_DAYS * DAY_MS)
    throw new RangeError(
      `The backtest window is ${Math.ceil((to - from) / DAY_MS)} days; it may be at most ${MAX_BACKTEST_DAYS} (two years).`,
    );
  return { from, to };
}

/** One playbook's totals: counts summed record by record; times to accept kept as numbers only. */
class Side {
  private readonly slas = new Map<string, BacktestSla>();
  private readonly handoffs = new Map<string, BacktestHandoff & { waits: number[] }>();
  private blocked = 0;

  constructor(playbook: Playbook) {
    for (const sla of playbook.slas)
      this.slas.set(sla.id, {
        id: sla.id,
        label: sla.label,
        completed: 0,
        metOnTime: 0,
        attainment: null,
        breaches: 0,
        escalations: sla.escalations.map(() => 0),
      });
    for (const h of playbook.handoffs)
      this.handoffs.set(h.id, {
        id: h.id,
        label: h.label,
        submitted: 0,
        accepted: 0,
        rejected: 0,
        refusedSubmissions: 0,
        timeToAccept: {
          count: 0,
          medianMs: null,
          p90Ms: null,
          histogram: TIME_TO_ACCEPT_BUCKETS_HOURS.map(() => 0),
        },
        waits: [],
      });
  }

  add(replay: RecordReplay): void {
    for (const m of replay.slas) {
      const sla = this.slas.get(m.slaId);
      if (!sla) continue;
      if (m.completed) sla.completed++;
      if (m.metOnTime) sla.metOnTime++;
    }
    for (const id of replay.breached) {
      const sla = this.slas.get(id);
      if (sla) sla.breaches++;
    }
    for (const e of replay.escalations) {
      const sla = this.slas.get(e.slaId);
      if (sla && sla.escalations[e.level - 1] !== undefined) sla.escalations[e.level - 1]! += 1;
    }
    for (const m of replay.handoffs) {
      const h = this.handoffs.get(m.id);
      if (!h) continue;
      h.submitted += m.submitted;
      h.accepted += m.accepted;
      h.rejected += m.rejected;
      // One record accepts a handoff at most once (accepted is final), so its median is its wait.
      if (m.timeToAccept.medianMs !== null)
        for (let i = 0; i < m.timeToAccept.count; i++) h.waits.push(m.timeToAccept.medianMs);
    }
    for (const r of replay.refusedSubmissions) {
      const h = this.handoffs.get(r.handoffId);
      if (h) h.refusedSubmissions++;
    }
    this.blocked += replay.blockedMoves.length;
  }

  result(): BacktestSide {
    const slas = [...this.slas.values()].map((s) => ({
      ...s,
      attainment: s.completed === 0 ? null : s.metOnTime / s.completed,
      escalations: [...s.escalations],
    }));
    const handoffs = [...this.handoffs.values()].map(({ waits, ...h }) => ({
      ...h,
      timeToAccept: {
        count: waits.length,
        medianMs: median(waits),
        p90Ms: percentile(waits, 90),
        histogram: histogram(waits),
      },
    }));
    return {
      slas,
      handoffs,
      blockedStageMoves: this.blocked,
      escalationsRaised: slas.reduce((n, s) => n + s.escalations.reduce((a, b) => a + b, 0), 0),
    };
  }
}

function histogram(waits: readonly number[]): number[] {
  const counts = TIME_TO_ACCEPT_BUCKETS_HOURS.map(() => 0);
  for (const ms of waits) {
    const i = TIME_TO_ACCEPT_BUCKETS_HOURS.findIndex((h) => h === null || ms <= h * 3_600_000);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/** One record's outcome under both playbooks, in words; empty when nothing changes. */
function compare(old: Playbook, next: Playbook, a: RecordReplay, b: RecordReplay): string[] {
  const out: string[] = [];
  const label = (id: string): string =>
    next.slas.find((s) => s.id === id)?.label ?? old.slas.find((s) => s.id === id)?.label ?? id;
  const state = (s: string | undefined): string =>
    s === undefined ? 'no timer' : (TIMER_STATES[s as keyof typeof TIMER_STATES]?.label ?? s);
  for (const id of new Set([...a.timers.keys(), ...b.timers.keys()])) {
    const x = a.timers.get(id);
    const y = b.timers.get(id);
    if (x !== y) out.push(`${label(id)}: ${state(x)} → ${state(y)}`);
  }
  const levels = (r: RecordReplay): string =>
    r.escalations
      .map((e) => `${e.slaId}:${e.level}`)
      .sort()
      .join();
  if (levels(a) !== levels(b))
    out.push(`escalations raised: ${a.escalations.length} → ${b.escalations.length}`);
  const refused = (r: RecordReplay): string =>
    r.refusedSubmissions.map((s) => `${s.handoffId}@${s.at}`).join();
  if (refused(a) !== refused(b)) {
    for (const s of b.refusedSubmissions)
      if (!a.refusedSubmissions.some((x) => x.handoffId === s.handoffId && x.at === s.at))
        out.push(
          `submission of ${handoff(next, s.handoffId)} at ${iso(s.at)} would have been refused`,
        );
    for (const s of a.refusedSubmissions)
      if (!b.refusedSubmissions.some((x) => x.handoffId === s.handoffId && x.at === s.at))
        out.push(
          `submission of ${handoff(old, s.handoffId)} at ${iso(s.at)} would now be accepted`,
        );
  }
  for (const m of b.blockedMoves)
    if (!a.blockedMoves.some((x) => x.stage === m.stage && x.at === m.at))
      out.push(`move to ${stage(next, m.stage)} at ${iso(m.at)} would have been blocked`);
  for (const m of a.blockedMoves)
    if (!b.blockedMoves.some((x) => x.stage === m.stage && x.at === m.at))
      out.push(`move to ${stage(old, m.stage)} at ${iso(m.at)} would no longer be blocked`);
  return out;
}

function handoff(p: Playbook, id: string): string {
  return p.handoffs.find((h) => h.id === id)?.label ?? id;
}

function stage(p: Playbook, id: string): string {
  return p.stages.find((s) => s.id === id)?.label ?? id;
}

function iso(t: number): string {
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function unknowable(records: number, withFieldHistory: number): string[] {
  const without = records - withFieldHistory;
  return [
    'People act on what they see: someone warned or escalated to sooner might have acted sooner. The replay keeps every recorded action at its recorded time.',
    'A submission or stage move the new playbook would have refused did happen; the replay cannot know when it would have happened instead, so later timers keep their recorded times.',
    ...(without > 0
      ? [
          `${without} of ${records} records have no field history in the export, and a field with no recorded change is read at its value at the export: criteria on such fields may read values the record did not have then.`,
        ]
      : []),
    'Records, events and field changes the export does not hold (deleted records, history the CRM does not keep) are not replayed.',
  ];
}
