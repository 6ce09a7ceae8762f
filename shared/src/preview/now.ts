// previewPlaybookChange: every live record under the current and the new playbook at one instant —
// timers that change state, criteria verdicts that flip, handoffs that can no longer be submitted,
// and the escalations the next scan would raise — each count with the records behind it.
import {
  objectOfHandoff,
  objectOfSla,
  objectOfStage,
  playbookForRecord,
  recordObjectOf,
} from '../playbook/objects.js';
import { escalationKey, planEscalations, type EscalationAction } from '../escalation/plan.js';
import { INITIAL_STATE } from '../handoff/apply.js';
import { checklistOf, itemStatus } from '../handoff/items.js';
import type { Playbook, RecordObject } from '../playbook/schema.js';
import { evaluateRecord, nextStage, recordRef } from '../record/evaluate.js';
import { isHandoffShown } from '../record/next-step.js';
import { evaluateTimers } from '../record/timers.js';
import { evaluateCriterion, type RuleContext } from '../rules/evaluate.js';
import { RecordSnapshotSchema, type RecordSnapshot } from '../shapes/snapshot.js';
import type { HandoffView, Outcome, RecordView, TimerView, Verdict } from '../shapes/view.js';
import type { Viewer } from '../shapes/viewer.js';
import { TIMER_STATES } from '../display/words.js';
import { diffPlaybooks, type PlaybookChange } from './diff.js';
import { escalationLimitOf } from './limit.js';
import { sameRules, timerOf } from './reuse.js';

export interface PreviewInput {
  old: Playbook;
  new: Playbook;
  /** The live records the playbooks cover, as the adapters snapshot them. */
  records: Iterable<RecordSnapshot>;
  now: number;
  /**
   * Escalation keys already executed (the scanner's ledger). Omitted: whatever the current playbook
   * plans at `now`, as if the scanner were up to date.
   */
  alreadyDone?: ReadonlySet<string>;
}

/** A count and the records behind it (recordId, as the CRM names the record), all of one object. */
export interface RecordGroup {
  count: number;
  recordIds: string[];
  /** The object the group's SLA, criterion or handoff lives on: what its ids name. */
  object: RecordObject;
}

export type TimerStateOrNone = TimerView['state'] | 'none';

export interface TimerShift extends RecordGroup {
  slaId: string;
  label: string;
  from: TimerStateOrNone;
  to: TimerStateOrNone;
  text: string;
}

export interface VerdictShift extends RecordGroup {
  /** `exit:<stage>`, `entry:<stage>` or `submit:<handoff>`. */
  scope: string;
  criterionId: string;
  label: string;
  from: Outcome | 'none';
  to: Outcome | 'none';
  text: string;
}

export interface SubmissionBlock extends RecordGroup {
  handoffId: string;
  label: string;
  /** Why: the new required items not done, the criteria now failing. */
  reasons: string[];
  text: string;
}

export interface EscalationWave extends RecordGroup {
  slaId: string;
  label: string;
  level: number;
  when: EscalationAction['when'];
  action: EscalationAction['action'];
  /** Who it reaches: user ids (owners and named users) and role labels ("every CS manager"). */
  reach: { users: string[]; roles: string[] };
  text: string;
}

export interface PlaybookPreview {
  now: number;
  /** Records read. */
  records: number;
  /** Records read, by object (deals, contacts, companies); a record it cannot read is in none. */
  objects: Partial<Record<RecordObject, number>>;
  changes: PlaybookChange[];
  timers: TimerShift[];
  criteria: VerdictShift[];
  submissions: SubmissionBlock[];
  /** What the next scan would raise under the new playbook and has not raised already. */
  escalations: EscalationWave[];
  escalationCount: number;
  /** The playbook's limit on escalations raised at once by a save (`guardRails`, default 25). */
  escalationLimit: number;
  /** More escalations than the limit: saving needs the admin's explicit confirmation. */
  needsConfirmation: boolean;
  /** The counts above as sentences, largest first. */
  summary: string[];
}

const PREVIEW_VIEWER: Viewer = { userId: 'preview', roles: [] };

export function previewPlaybookChange(input: PreviewInput): PlaybookPreview {
  const { old, new: next, now } = input;
  const timers = new Groups<TimerShift>();
  const criteria = new Groups<VerdictShift>();
  const submissions = new Groups<SubmissionBlock>();
  const escalations = new Groups<EscalationWave>();
  let records = 0;
  const objects: Partial<Record<RecordObject, number>> = {};
  const rules = sameRules(old, next);
  for (const snapshot of input.records) {
    records++;
    // Read once for both playbooks; a record evaluateRecord cannot read has an empty view under
    // both (no timers, verdicts or handoffs), so it changes nothing.
    const parsed = RecordSnapshotSchema.safeParse(snapshot);
    if (!parsed.success) continue;
    const record = parsed.data;
    const object = recordObjectOf(record.objectType) ?? 'deal';
    objects[object] = (objects[object] ?? 0) + 1;
    const before = previewView(old, record, now);
    // Verdicts and handoffs judged by the same rules are the current side's; so are the timers of
    // SLAs that run alike. Identical parts compare to nothing.
    const after = rules.criteria
      ? { ...before, timers: timersReusing(next, record, now, before.timers, rules.slas) }
      : previewView(next, record, now);
    compareTimers(before, after, record.recordId, timers);
    if (!rules.criteria) {
      compareVerdicts(before, after, record.recordId, criteria);
      compareSubmissions(before, after, record.recordId, submissions);
    }
    const done = input.alreadyDone ?? new Set(reachedKeys(before));
    // Planning needs the whole view and writes each action's title (time formatting): evaluate
    // and plan only a record with something new.
    if (reachedKeys(after).some((key) => !done.has(key)))
      for (const action of planEscalations(
        next,
        [evaluateRecord(next, snapshot, PREVIEW_VIEWER, now)],
        done,
        now,
      ))
        addEscalation(next, action, escalations);
  }
  const objectOf = groupObjects(old, next);
  const preview = {
    now,
    records,
    objects,
    changes: diffPlaybooks(old, next),
    timers: timers.list().map((g) => ({ ...g, object: objectOf.sla(g.slaId) })),
    criteria: criteria.list().map((g) => ({ ...g, object: objectOf.scope(g.scope) })),
    submissions: submissions.list().map((g) => ({ ...g, object: objectOf.handoff(g.handoffId) })),
    escalations: escalations
      .list()
      .map((g) => ({ ...g, object: objectOf.sla(g.slaId) }))
      .sort((a, b) => a.slaId.localeCompare(b.slaId) || a.level - b.level),
  };
  const escalationCount = preview.escalations.reduce((n, e) => n + e.count, 0);
  const escalationLimit = escalationLimitOf(next);
  return {
    ...preview,
    escalationCount,
    escalationLimit,
    needsConfirmation: escalationCount > escalationLimit,
    summary: [
      ...preview.timers,
      ...preview.submissions,
      ...preview.criteria,
      ...preview.escalations,
    ]
      .sort((a, b) => b.count - a.count)
      .map((g) => g.text),
  };
}

/** The object an SLA, handoff or criterion scope lives on, in the new playbook, else the old. */
function groupObjects(old: Playbook, next: Playbook) {
  const sla = (id: string): RecordObject => {
    for (const p of [next, old]) {
      const def = p.slas.find((s) => s.id === id);
      if (def) return objectOfSla(p, def);
    }
    return 'deal';
  };
  const handoff = (id: string): RecordObject => {
    for (const p of [next, old]) {
      const def = p.handoffs.find((h) => h.id === id);
      if (def) return objectOfHandoff(p, def);
    }
    return 'deal';
  };
  const stage = (id: string): RecordObject => {
    const def = next.stages.find((s) => s.id === id) ?? old.stages.find((s) => s.id === id);
    return def ? objectOfStage(def) : 'deal';
  };
  // `exit:<stage>`, `entry:<stage>` or `submit:<handoff>`.
  const scope = (value: string): RecordObject => {
    const [kind, id = ''] = value.split(':');
    return kind === 'submit' ? handoff(id) : stage(id);
  };
  return { sla, handoff, scope };
}

/** The handoff parts of a record view the preview compares (evaluateRecord's, without the actions). */
interface PreviewHandoff {
  id: string;
  label: string;
  status: HandoffView['status'];
  items: { id: string; label: string; required: boolean; done: boolean }[];
  progress: { requiredDone: number; required: number };
  criteria: Verdict[];
}

/** The parts of a record view the preview compares, computed as evaluateRecord computes them. */
interface PreviewView extends Pick<
  RecordView,
  'record' | 'currentStage' | 'exitCriteria' | 'nextStage' | 'nextEntryCriteria' | 'timers'
> {
  handoffs: PreviewHandoff[];
}

// evaluateRecord also decides every action for the viewer (the state machine, five times per
// handoff), words the history and the next step: most of a view's cost, none of it compared here.
function previewView(whole: Playbook, record: RecordSnapshot, now: number): PreviewView {
  const playbook = playbookForRecord(whole, record);
  const stageIndex = playbook.stages.findIndex((s) => s.id === record.stage);
  const current = playbook.stages[stageIndex];
  const context: RuleContext = { playbook, fields: record.fields, handoffs: record.handoffs };
  const next = current ? nextStage(playbook, stageIndex) : undefined;
  return {
    record: recordRef(record),
    currentStage: current ? { id: current.id, label: current.label } : null,
    exitCriteria: current ? current.exit.map((c) => evaluateCriterion(c, context)) : [],
    nextStage: next ? { id: next.id, label: next.label } : null,
    nextEntryCriteria: next ? next.entry.map((c) => evaluateCriterion(c, context)) : [],
    timers: evaluateTimers(playbook, record, now).timers,
    handoffs: playbook.handoffs
      .filter((h) => isHandoffShown(playbook, h, record))
      .map((handoff) => {
        const state = record.handoffs[handoff.id] ?? INITIAL_STATE;
        const items = (checklistOf(playbook, handoff)?.items ?? []).map((item) => ({
          id: item.id,
          label: item.label,
          required: item.required,
          done: itemStatus(playbook, item, state, record.fields).done,
        }));
        const required = items.filter((i) => i.required);
        return {
          id: handoff.id,
          label: handoff.label,
          status: state.status,
          items,
          progress: {
            requiredDone: required.filter((i) => i.done).length,
            required: required.length,
          },
          criteria: handoff.criteria.map((c) => evaluateCriterion(c, context)),
        };
      }),
  };
}

/** The record's timers under `playbook`, those of the SLAs in `alike` taken from `current`. */
function timersReusing(
  whole: Playbook,
  record: RecordSnapshot,
  now: number,
  current: readonly TimerView[],
  alike: ReadonlySet<string>,
): TimerView[] {
  // The record's own object's SLAs only, as previewView and evaluateRecord judge it.
  const playbook = playbookForRecord(whole, record);
  if (alike.size === 0) return evaluateTimers(playbook, record, now).timers;
  const out: TimerView[] = [];
  for (const sla of playbook.slas) {
    const timer = alike.has(sla.id)
      ? current.find((t) => t.slaId === sla.id)
      : timerOf(playbook, sla, record, now);
    if (timer) out.push(timer);
  }
  return out;
}

/** The keys planEscalations gives the escalations a view's timers have reached (raised or due). */
function reachedKeys(view: PreviewView): string[] {
  return view.timers.flatMap((timer) =>
    timer.escalationsReached.map((index) =>
      escalationKey(view.record, timer.slaId, index + 1, timer.startedAt),
    ),
  );
}

/** Groups of records under one key; the first record of a key sets the group's words. */
class Groups<G extends RecordGroup> {
  private readonly groups = new Map<string, G>();
  private readonly texts = new Map<string, (count: number) => string>();

  add(
    key: string,
    recordId: string,
    make: () => Omit<G, 'count' | 'recordIds' | 'text' | 'object'>,
    text: (count: number) => string,
  ): void {
    let group = this.groups.get(key);
    if (!group) {
      // The group's object is set once the lists are read (groupObjects).
      group = { ...make(), count: 0, recordIds: [], text: '', object: 'deal' } as unknown as G;
      this.groups.set(key, group);
      this.texts.set(key, text);
    }
    group.count++;
    group.recordIds.push(recordId);
  }

  peek(key: string): G | undefined {
    return this.groups.get(key);
  }

  list(): G[] {
    return [...this.groups].map(([key, g]) => ({
      ...g,
      text: this.texts.get(key)?.(g.count) ?? '',
    }));
  }
}

function records(n: number): string {
  return `${n} ${n === 1 ? 'record' : 'records'}`;
}

function stateWords(state: TimerStateOrNone): string {
  return state === 'none' ? 'no timer' : TIMER_STATES[state].label.toLowerCase();
}

function compareTimers(
  before: PreviewView,
  after: PreviewView,
  recordId: string,
  groups: Groups<TimerShift>,
): void {
  const old = new Map(before.timers.map((t) => [t.slaId, t]));
  const next = new Map(after.timers.map((t) => [t.slaId, t]));
  for (const slaId of new Set([...old.keys(), ...next.keys()])) {
    const from: TimerStateOrNone = old.get(slaId)?.state ?? 'none';
    const to: TimerStateOrNone = next.get(slaId)?.state ?? 'none';
    if (from === to) continue;
    const label = next.get(slaId)?.label ?? old.get(slaId)?.label ?? slaId;
    groups.add(
      `${slaId}|${from}|${to}`,
      recordId,
      () => ({ slaId, label, from, to }),
      (n) =>
        `${records(n)} ${n === 1 ? 'goes' : 'go'} from ${stateWords(from)} to ${stateWords(to)}: ${label}`,
    );
  }
}

function verdictScopes(view: PreviewView): Map<string, { where: string; verdict: Verdict }> {
  const out = new Map<string, { where: string; verdict: Verdict }>();
  const stage = view.currentStage;
  if (stage)
    for (const v of view.exitCriteria)
      out.set(`exit:${stage.id}|${v.id}`, { where: `to leave ${stage.label}`, verdict: v });
  const next = view.nextStage;
  if (next)
    for (const v of view.nextEntryCriteria)
      out.set(`entry:${next.id}|${v.id}`, { where: `to enter ${next.label}`, verdict: v });
  for (const h of view.handoffs)
    for (const v of h.criteria)
      out.set(`submit:${h.id}|${v.id}`, { where: `to submit ${h.label}`, verdict: v });
  return out;
}

function compareVerdicts(
  before: PreviewView,
  after: PreviewView,
  recordId: string,
  groups: Groups<VerdictShift>,
): void {
  const old = verdictScopes(before);
  const next = verdictScopes(after);
  for (const key of new Set([...old.keys(), ...next.keys()])) {
    const a = old.get(key);
    const b = next.get(key);
    const from = a?.verdict.outcome ?? 'none';
    const to = b?.verdict.outcome ?? 'none';
    if (from === to) continue;
    const [scope = '', criterionId = ''] = key.split('|');
    const shown = (b ?? a) as { where: string; verdict: Verdict };
    groups.add(
      `${key}|${from}|${to}`,
      recordId,
      () => ({ scope, criterionId, label: shown.verdict.label, from, to }),
      (n) =>
        `${records(n)}: '${shown.verdict.label}' (${shown.where}) goes from ${outcomeWords(from)} to ${outcomeWords(to)}`,
    );
  }
}

function outcomeWords(outcome: Outcome | 'none'): string {
  return outcome === 'none'
    ? 'not checked'
    : outcome === 'pass'
      ? 'met'
      : outcome === 'fail'
        ? 'not met'
        : 'unknown';
}

/** Whether the handoff could be submitted as it stands: required items done, no blocking criterion failing. */
function submittable(h: PreviewHandoff): boolean {
  return (
    h.progress.requiredDone === h.progress.required &&
    h.criteria.every((c) => c.outcome === 'pass' || c.severity === 'warn')
  );
}

const WAITING_FOR_SUBMISSION = new Set(['not_started', 'in_progress', 'rejected']);

function compareSubmissions(
  before: PreviewView,
  after: PreviewView,
  recordId: string,
  groups: Groups<SubmissionBlock>,
): void {
  for (const h of after.handoffs) {
    if (!WAITING_FOR_SUBMISSION.has(h.status) || submittable(h)) continue;
    const was = before.handoffs.find((x) => x.id === h.id);
    if (!was || !submittable(was)) continue;
    const wasRequired = new Set(was.items.filter((i) => i.required).map((i) => i.id));
    const reasons = [
      ...h.items
        .filter((i) => i.required && !i.done && !wasRequired.has(i.id))
        .map((i) => `new required item '${i.label}'`),
      ...h.criteria
        .filter((c) => c.outcome !== 'pass' && c.severity === 'block')
        .map((c) => `'${c.label}' not met`),
    ];
    groups.add(
      `${h.id}|${reasons.join('|')}`,
      recordId,
      () => ({ handoffId: h.id, label: h.label, reasons }),
      (n) =>
        `${n} ${n === 1 ? 'handoff' : 'handoffs'} (${h.label}) can no longer be submitted: ${reasons.join(', ')}`,
    );
  }
}

function addEscalation(
  playbook: Playbook,
  action: EscalationAction,
  groups: Groups<EscalationWave>,
): void {
  const key = `${action.slaId}|${action.level}`;
  groups.add(
    key,
    action.record.recordId,
    () => ({
      slaId: action.slaId,
      label: action.slaLabel,
      level: action.level,
      when: action.when,
      action: action.action,
      reach: { users: [], roles: [] },
    }),
    (n) =>
      `${n} ${n === 1 ? 'escalation' : 'escalations'} on the next scan: level ${action.level} of ${action.slaLabel} (${action.when === 'at_risk' ? 'at risk' : 'breached'})`,
  );
  const wave = groups.peek(key);
  if (!wave) return;
  const to = action.to;
  if (to === 'owner') addOnce(wave.reach.users, action.record.ownerId ?? 'the owner (none set)');
  else if ('user' in to) addOnce(wave.reach.users, to.user);
  else addOnce(wave.reach.roles, `every ${playbook.roles[to.role]?.label ?? to.role}`);
}

function addOnce(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}
