// One record's history replayed under one playbook: the record as it stood at any instant, and what
// the playbook made of it — timers at the window's end, escalations raised, submissions it would
// have refused and stage moves it would have blocked.
import { businessTimeBetween } from '../clock/index.js';
import { missingRequiredItems, completes } from '../handoff/items.js';
import type { MetricsWindow } from '../metrics/compute.js';
import { median } from '../metrics/stats.js';
import type { CriterionDef, Playbook, Rule, SlaDef } from '../playbook/schema.js';
import { calendarFor } from '../sla/calendars.js';
import { acceptSlaOf } from '../sla/outcome.js';
import { evaluateCriterion, type RuleContext } from '../rules/evaluate.js';
import type { HandoffEvent, HandoffState } from '../shapes/handoff-state.js';
import type { RecordSnapshot } from '../shapes/snapshot.js';
import type { TimerView } from '../shapes/view.js';
import type { RecordHistory } from './history.js';
import { timerOf } from './reuse.js';

/** One SLA on one record over the window: what its timer did, and what computeMetrics counts of it. */
export interface SlaReplay {
  slaId: string;
  /** The timer's state at the window's end, when it started in the window. */
  state?: TimerView['state'];
  /** 1-based escalation levels the timer reached while live (started in the window only). */
  levels: number[];
  /** Stopped in the window (computeMetrics' `completed`), and on time (`metOnTime`). */
  completed: boolean;
  metOnTime: boolean;
}

/** One handoff's counts on one record, as computeMetrics counts them over the window. */
export interface HandoffReplay {
  id: string;
  submitted: number;
  accepted: number;
  rejected: number;
  /** Business time from the first submission to each acceptance in the window: count and median. */
  timeToAccept: { count: number; medianMs: number | null };
}

/** What one playbook made of one record over the window. */
export interface RecordReplay {
  /** The record as it stood at the window's end. */
  end: RecordSnapshot;
  /** Per SLA of the playbook, in its order. */
  slas: SlaReplay[];
  handoffs: HandoffReplay[];
  /** Timers that started in the window, by SLA id: their state at the window's end. */
  timers: Map<string, TimerView['state']>;
  /** SLA ids whose timer breached in the window (breached, or met late). */
  breached: string[];
  /** Escalations raised by timers that started in the window: `slaId` and 1-based level. */
  escalations: { slaId: string; level: number }[];
  /** Submissions in the window the playbook would have refused, per handoff: the instants. */
  refusedSubmissions: { handoffId: string; at: number }[];
  /** Stage entries in the window the playbook's criteria would have blocked. */
  blockedMoves: { stage: string; at: number }[];
}

const STATUS_AFTER: Record<HandoffEvent['type'], HandoffState['status'] | undefined> = {
  item_set: 'in_progress',
  submitted: 'submitted',
  withdrawn: 'in_progress',
  accepted: 'accepted',
  rejected: 'rejected',
  reworked: 'in_progress',
};

/** Field values at `t`: the last recorded change at or before `t`; fields with no history as now. */
export function fieldsAsOf(history: RecordHistory, t: number): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...history.record.fields };
  for (const [field, values] of history.fieldHistory) {
    let value: unknown = null;
    for (const change of values) {
      if (change.at > t) break;
      value = change.value;
    }
    fields[field] = value;
  }
  return fields;
}

/** A handoff as it stood at `t` (events before `t`); items replayed from item_set events when recorded. */
export function handoffAsOf(
  playbook: Playbook,
  handoffId: string,
  state: HandoffState,
  t: number,
): HandoffState {
  const events = state.events.filter((e) => e.at < t);
  let status: HandoffState['status'] = 'not_started';
  for (const e of events) status = STATUS_AFTER[e.type] ?? status;
  const setEvents = events.filter((e) => e.type === 'item_set');
  let items: HandoffState['items'];
  if (state.events.some((e) => e.type === 'item_set')) {
    const handoff = playbook.handoffs.find((h) => h.id === handoffId);
    const list = playbook.checklists.find((c) => c.id === handoff?.checklist);
    items = {};
    for (const e of setEvents) {
      const itemId = String(e.details.itemId ?? '');
      const value = e.details.value ?? null;
      const kind = list?.items.find((i) => i.id === itemId)?.kind ?? 'text';
      items[itemId] = { value, done: completes(kind, value), by: e.by, at: e.at };
    }
  } else {
    // No item history: an item counts from the last time it was set, as the snapshot records it.
    items = Object.fromEntries(Object.entries(state.items).filter(([, item]) => item.at < t));
  }
  return { status, version: events.length, items, events };
}

/** The record as it stood just before `t`: stage entries and handoff events before `t`. */
export function recordAsOf(playbook: Playbook, history: RecordHistory, t: number): RecordSnapshot {
  const { record } = history;
  const stageHistory = record.stageHistory.filter((e) => e.enteredAt < t);
  return {
    ...record,
    stage: stageHistory[stageHistory.length - 1]?.stage ?? record.stage,
    stageHistory,
    fields: fieldsAsOf(history, t),
    handoffs: Object.fromEntries(
      Object.entries(record.handoffs).map(([id, state]) => [
        id,
        handoffAsOf(playbook, id, state, t),
      ]),
    ),
  };
}

/** Parts of a replay the caller already has from a playbook whose rules for them are the same. */
export interface ReplayReuse {
  /** The record at the window's end (same handoffs and checklists: items replay alike). */
  end?: RecordSnapshot;
  /** SLAs whose timers run alike (same SLA, same everything it reads), by id. */
  slas?: ReadonlyMap<string, SlaReplay>;
  refusedSubmissions?: RecordReplay['refusedSubmissions'];
  blockedMoves?: RecordReplay['blockedMoves'];
}

export function replayRecord(
  playbook: Playbook,
  history: RecordHistory,
  window: MetricsWindow,
  reuse: ReplayReuse = {},
): RecordReplay {
  const inWindow = (t: number): boolean => t >= window.from && t < window.to;
  const end = reuse.end ?? recordAsOf(playbook, history, window.to);
  const slas = playbook.slas.map(
    (sla) => reuse.slas?.get(sla.id) ?? replaySla(playbook, sla, history, end, window),
  );
  const replay: RecordReplay = {
    end,
    slas,
    handoffs: playbook.handoffs.map((h) => replayHandoff(playbook, h.id, end, inWindow)),
    timers: new Map(),
    breached: [],
    escalations: [],
    refusedSubmissions: [],
    blockedMoves: [],
  };
  for (const sla of slas) {
    if (sla.state === undefined) continue;
    replay.timers.set(sla.slaId, sla.state);
    if (sla.state === 'breached' || sla.state === 'met_late') replay.breached.push(sla.slaId);
    for (const level of sla.levels) replay.escalations.push({ slaId: sla.slaId, level });
  }
  if (reuse.refusedSubmissions) replay.refusedSubmissions = reuse.refusedSubmissions;
  else
    for (const handoff of playbook.handoffs) {
      for (const event of end.handoffs[handoff.id]?.events ?? []) {
        if (event.type !== 'submitted' || !inWindow(event.at)) continue;
        if (wouldRefuse(playbook, history, handoff.id, event.at))
          replay.refusedSubmissions.push({ handoffId: handoff.id, at: event.at });
      }
    }
  if (reuse.blockedMoves) replay.blockedMoves = reuse.blockedMoves;
  else {
    const entries = end.stageHistory;
    entries.forEach((entry, i) => {
      const previous = entries[i - 1];
      if (previous && entry.stage !== previous.stage && inWindow(entry.enteredAt)) {
        if (wouldBlock(playbook, history, previous.stage, entry.stage, entry.enteredAt))
          replay.blockedMoves.push({ stage: entry.stage, at: entry.enteredAt });
      }
    });
  }
  return replay;
}

/**
 * One SLA's timer on the record at the window's end (evaluateTimers on that SLA alone) and what
 * computeMetrics counts of it: a stop known at the window's end, in the window; met when on time
 * (a stopped timer is met or met late whatever its warning, as slaState reads it).
 */
function replaySla(
  playbook: Playbook,
  sla: SlaDef,
  history: RecordHistory,
  end: RecordSnapshot,
  window: MetricsWindow,
): SlaReplay {
  const inWindow = (t: number): boolean => t >= window.from && t < window.to;
  const timer = timerOf(playbook, sla, end, window.to);
  const stop =
    timer && timer.completedAt !== null && timer.completedAt <= window.to
      ? timer.completedAt
      : null;
  const completed = stop !== null && inWindow(stop);
  const out: SlaReplay = {
    slaId: sla.id,
    levels: [],
    completed,
    metOnTime: completed && timer?.state === 'met',
  };
  if (!timer || !inWindow(timer.startedAt)) return out;
  out.state = timer.state;
  out.levels = raisedEscalations(playbook, history, timer).map((index) => index + 1);
  return out;
}

/** computeMetrics' handoff counts for one record: events in the window, waits from the first submission. */
function replayHandoff(
  playbook: Playbook,
  handoffId: string,
  end: RecordSnapshot,
  inWindow: (t: number) => boolean,
): HandoffReplay {
  const events = end.handoffs[handoffId]?.events ?? [];
  const firstSubmission = events.find((e) => e.type === 'submitted')?.at;
  const out: HandoffReplay = {
    id: handoffId,
    submitted: 0,
    accepted: 0,
    rejected: 0,
    timeToAccept: { count: 0, medianMs: null },
  };
  const waits: number[] = [];
  for (const event of events) {
    if (!inWindow(event.at)) continue;
    if (event.type === 'submitted') out.submitted++;
    if (event.type === 'rejected') out.rejected++;
    if (event.type === 'accepted') {
      out.accepted++;
      if (firstSubmission !== undefined) {
        const calendar = calendarFor(playbook, acceptSlaOf(playbook, handoffId)?.calendar);
        waits.push(businessTimeBetween(calendar, firstSubmission, event.at));
      }
    }
  }
  out.timeToAccept = { count: waits.length, medianMs: median(waits) };
  return out;
}

/**
 * The escalation levels a timer reached while it was live: for a finished timer, those reached on
 * the record as it stood just before the stop (escalations concern live timers only).
 */
function raisedEscalations(playbook: Playbook, history: RecordHistory, timer: TimerView): number[] {
  if (timer.completedAt === null) return timer.escalationsReached;
  const sla = playbook.slas.find((s) => s.id === timer.slaId);
  if (!sla || sla.escalations.length === 0 || timer.completedAt <= timer.startedAt) return [];
  // Met on time: only the at-risk levels can have been reached, exactly when the warning came
  // before the stop (a breach level needs the target consumed, which a met timer never had).
  if (timer.state === 'met') {
    const warned = timer.warningAt !== null && timer.warningAt < timer.completedAt;
    return sla.escalations.flatMap((e, i) => (warned && e.when === 'at_risk' ? [i] : []));
  }
  const before = recordAsOf(playbook, history, timer.completedAt);
  const live = timerOf(playbook, sla, before, timer.completedAt - 1);
  return live?.startedAt === timer.startedAt ? live.escalationsReached : [];
}

/** Rule context at `t`; handoffs as of `t` only when a rule reads them (most read fields alone). */
function context(
  playbook: Playbook,
  history: RecordHistory,
  t: number,
  criteria: readonly CriterionDef[],
  handoffs = criteria.some((c) => readsHandoffs(c.rule)),
): RuleContext {
  const fields = fieldsAsOf(history, t);
  if (!handoffs) return { playbook, fields, handoffs: {} };
  return { playbook, fields, handoffs: recordAsOf(playbook, history, t).handoffs };
}

function readsHandoffs(rule: Rule): boolean {
  switch (rule.op) {
    case 'all':
    case 'any':
      return rule.rules.some(readsHandoffs);
    case 'not':
      return readsHandoffs(rule.rule);
    case 'checklist_complete':
    case 'item_done':
    case 'handoff_status':
      return true;
    default:
      return false;
  }
}

function blocks(criteria: readonly CriterionDef[], ctx: RuleContext): boolean {
  return criteria.some(
    (c) => c.severity === 'block' && evaluateCriterion(c, ctx).outcome === 'fail',
  );
}

/** Required items missing, or a blocking criterion failing, as the handoff stood when it was submitted. */
function wouldRefuse(
  playbook: Playbook,
  history: RecordHistory,
  handoffId: string,
  at: number,
): boolean {
  const handoff = playbook.handoffs.find((h) => h.id === handoffId);
  if (!handoff) return false;
  const ctx = context(playbook, history, at, handoff.criteria, true);
  const state = ctx.handoffs[handoffId];
  return (
    missingRequiredItems(playbook, handoff, state, ctx.fields).length > 0 ||
    blocks(handoff.criteria, ctx)
  );
}

/** The left stage's exit criteria (unless the deal was lost) and the entered stage's entry criteria. */
function wouldBlock(
  playbook: Playbook,
  history: RecordHistory,
  from: string,
  to: string,
  at: number,
): boolean {
  const left = playbook.stages.find((s) => s.id === from);
  const entered = playbook.stages.find((s) => s.id === to);
  if (!entered) return false;
  // Fields set in the same instant as the move count (the CRM saves them together).
  const exit = entered.outcome === 'lost' ? [] : (left?.exit ?? []);
  const criteria = [...exit, ...entered.entry];
  if (criteria.length === 0) return false;
  return blocks(criteria, context(playbook, history, at + 1, criteria));
}
