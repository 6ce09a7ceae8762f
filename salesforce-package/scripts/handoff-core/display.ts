// RecordView → what the panel's templates bind to. LWC templates hold no expressions, so every
// label, flag and sentence is decided here, where it is tested without a DOM.
import type {
  HandoffView,
  ItemView,
  Playbook,
  RecordView,
  TimerView,
  Verdict,
} from '@handoff/shared/runtime';
import { text, value, type UiRecord } from './records.js';

const STATUS_LABELS: Record<HandoffView['status'], string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  submitted: 'Submitted',
  accepted: 'Accepted',
  rejected: 'Rejected',
};
const TIMER_LABELS: Record<TimerView['state'], [string, string]> = {
  pending: ['Not started', 'slds-badge'],
  running: ['On track', 'slds-badge slds-theme_info'],
  paused: ['Paused', 'slds-badge'],
  at_risk: ['At risk', 'slds-badge slds-theme_warning'],
  breached: ['Breached', 'slds-badge slds-theme_error'],
  met: ['Met', 'slds-badge slds-theme_success'],
  met_late: ['Met late', 'slds-badge slds-theme_warning'],
};
const ACTION_LABELS = {
  submit: ['Submit', 'brand'],
  withdraw: ['Withdraw', 'neutral'],
  accept: ['Accept', 'brand'],
  reject: ['Reject', 'destructive'],
  reopen: ['Rework', 'neutral'],
} as const;
const EVENT_LABELS: Record<string, string> = {
  submitted: 'Submitted',
  withdrawn: 'Withdrawn',
  accepted: 'Accepted',
  rejected: 'Rejected',
  reworked: 'Reworked',
};

export function formatTime(at: number, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(at);
  } catch {
    return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  }
}

export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  return `${Math.round(hours / 24)} days`;
}

function verdict(v: Verdict, i: number) {
  const pass = v.outcome === 'pass';
  const warn = !pass && v.severity === 'warn';
  return {
    key: `${v.id}-${i}`,
    label: v.label,
    reason: v.reason,
    icon: pass ? 'utility:success' : warn ? 'utility:warning' : 'utility:error',
    variant: pass ? 'success' : warn ? 'warning' : 'error',
    alt: pass ? 'Passes' : warn ? 'Warning' : 'Fails',
  };
}

function timer(t: TimerView, timeZone: string) {
  const [stateLabel, badgeClass] = TIMER_LABELS[t.state];
  const due = t.dueAt === null ? undefined : formatTime(t.dueAt, timeZone);
  const business = t.calendarTimeZone === null ? '' : ' of business time';
  let detail: string;
  if (t.state === 'met' || t.state === 'met_late') {
    detail = t.completedAt === null ? 'Done.' : `Done ${formatTime(t.completedAt, timeZone)}.`;
  } else if (t.state === 'breached') {
    detail = `Was due ${due ?? 'earlier'}.`;
  } else if (t.state === 'pending') {
    detail = 'Starts when its event happens.';
  } else if (t.paused) {
    detail = `Paused with ${formatDuration(t.remainingMs)}${business} left.`;
  } else {
    detail = `Due ${due ?? 'later'}; ${formatDuration(t.remainingMs)}${business} left.`;
  }
  return { key: t.slaId, label: t.label, stateLabel, badgeClass, detail };
}

function item(i: ItemView, timeZone: string) {
  const value = i.value === null || typeof i.value === 'boolean' ? '' : String(i.value);
  return {
    id: i.id,
    label: i.label,
    help: i.help,
    required: i.required,
    disabled: !i.editable,
    isCheck: i.kind === 'check',
    isChoice: i.kind === 'choice',
    inputType: i.kind === 'date' ? 'date' : i.kind === 'number' ? 'number' : 'text',
    isInput: i.kind === 'text' || i.kind === 'date' || i.kind === 'number',
    options: (i.options ?? []).map((o) => ({ label: o, value: o })),
    value,
    checked: i.value === true,
    mirrored: i.field !== undefined,
    doneText: i.done
      ? i.at === undefined
        ? 'Done'
        : `Done ${formatTime(i.at, timeZone)}`
      : i.required
        ? 'Required'
        : 'Optional',
  };
}

function handoff(h: HandoffView, timeZone: string) {
  const percent =
    h.progress.total === 0 ? 0 : Math.round((100 * h.progress.done) / h.progress.total);
  return {
    id: h.id,
    label: h.label,
    checklistLabel: h.checklistLabel,
    status: h.status,
    statusLabel: STATUS_LABELS[h.status],
    progressText: `${h.progress.done} of ${h.progress.total} done (${h.progress.requiredDone} of ${h.progress.required} required)`,
    progressValue: percent,
    items: h.items.map((i) => item(i, timeZone)),
    criteria: h.criteria.map(verdict),
    // Actions the viewer's role never takes are hidden; the rest show why they are unavailable.
    actions: h.actions
      // Shown disabled only when the viewer could act once the checklist or criteria are done.
      .filter(
        (a) =>
          a.allowed || a.reason?.code === 'items_missing' || a.reason?.code === 'criteria_failing',
      )
      .map((a) => ({
        type: a.type,
        label: ACTION_LABELS[a.type][0],
        variant: ACTION_LABELS[a.type][1],
        disabled: !a.allowed,
        reason: a.allowed ? undefined : a.reason?.message,
      })),
    rejectReasons: h.rejectReasons.map((r) => ({ label: r.label, value: r.id })),
    rejection: h.rejected
      ? `Rejected: ${h.rejected.reasonLabel}${h.rejected.comment ? ` — ${h.rejected.comment}` : ''}`
      : undefined,
    history: h.history.map((e, n) => ({
      key: `${e.type}-${e.at}-${n}`,
      text: `${EVENT_LABELS[e.type] ?? e.type} ${formatTime(e.at, timeZone)}`,
    })),
    hasHistory: h.history.length > 0,
  };
}

export type PanelHandoff = ReturnType<typeof handoff>;

/** The org's labels for the stages (see stageLabels); absent while they load or when they fail. */
export interface StageLabels {
  /** By playbook stage id. */
  stages: Readonly<Record<string, string>>;
  /** The label of the record's own StageName. */
  current?: string;
}

/** What getPicklistValues returns: the picklist's values with the org's labels. */
export interface Picklist {
  values?: readonly { value: string; label: string }[];
}

/**
 * The org's StageName labels (renamed or translated) for the playbook's stages: each stage by the
 * labels of the StageNames it maps, the record's stage by its own. Undefined without picklist data,
 * so the playbook's names show while loading or after an error.
 */
export function stageLabels(
  playbook: Playbook,
  picklist: Picklist | undefined,
  stageName: string | undefined,
): StageLabels | undefined {
  if (!Array.isArray(picklist?.values)) return undefined;
  const labels = new Map(picklist.values.map((v) => [v.value, v.label]));
  const stages: Record<string, string> = {};
  for (const stage of playbook.stages) {
    const names = (stage.salesforce?.stageNames ?? []).flatMap((n) => labels.get(n) ?? []);
    if (names.length > 0) stages[stage.id] = names.join(' / ');
  }
  const current = stageName === undefined ? undefined : labels.get(stageName);
  return current === undefined ? { stages } : { stages, current };
}

export function panelModel(view: RecordView, timeZone: string, labels?: StageLabels) {
  const label = (s: { id: string; label: string }) => labels?.stages[s.id] ?? s.label;
  const next = view.nextStage ? label(view.nextStage) : undefined;
  return {
    problems: view.problems.map((text, n) => ({ key: `p${n}`, text })),
    hasProblems: view.problems.length > 0,
    stages: view.stages.map((s) => ({ id: s.id, label: label(s) })),
    currentStage: view.currentStage?.id ?? '',
    currentLabel: view.currentStage
      ? (labels?.current ?? label(view.currentStage))
      : 'Not in the playbook',
    nextLabel: next,
    advanceText: next
      ? view.mayAdvance
        ? `Ready to move to ${next}.`
        : `Not ready to move to ${next} yet.`
      : undefined,
    exitCriteria: view.exitCriteria.map(verdict),
    hasCriteria: view.exitCriteria.length > 0,
    timers: view.timers.map((t) => timer(t, timeZone)),
    hasTimers: view.timers.length > 0,
    handoffs: view.handoffs.map((h) => handoff(h, timeZone)),
    hasHandoffs: view.handoffs.length > 0,
  };
}

export type PanelModel = ReturnType<typeof panelModel>;

/** An Account's handoffs, one line each: which opportunity, which handoff, where it stands. */
export function accountRows(
  playbook: { handoffs: readonly { id: string; label: string }[] } | undefined,
  records: readonly UiRecord[],
) {
  return records.map((r) => {
    const handoffId = text(r, 'Handoff_Id__c') ?? '';
    const status = (text(r, 'Status__c') ?? 'not_started') as HandoffView['status'];
    const opportunity = value(r, 'Opportunity__r') as { fields?: UiRecord['fields'] } | undefined;
    const name = opportunity?.fields?.Name?.value;
    const opportunityId = text(r, 'Opportunity__c');
    return {
      id: r.id,
      label: playbook?.handoffs.find((h) => h.id === handoffId)?.label ?? handoffId,
      opportunity: typeof name === 'string' ? name : 'Opportunity',
      statusLabel: STATUS_LABELS[status] ?? status,
      url: opportunityId ? `/lightning/r/Opportunity/${opportunityId}/view` : undefined,
    };
  });
}
