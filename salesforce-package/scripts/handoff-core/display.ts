// RecordView → what the panel's templates bind to. LWC templates hold no expressions, so every
// label, flag and sentence is decided here, where it is tested without a DOM.
import {
  evaluateRecord,
  type HandoffView,
  type ItemView,
  type Playbook,
  type RecordView,
  type TimerView,
  type Verdict,
} from '@handoff/shared/runtime';
import { buildSnapshot } from './snapshot.js';
import { text, type UiRecord } from './records.js';

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

/** Who the view's people are to the viewer: "you", a name from RecordView.people, else no one. */
export interface Names {
  viewerId: string;
  people: Readonly<Record<string, string>>;
}
const NO_NAMES: Names = { viewerId: '', people: {} };

function who(userId: string | undefined, names: Names): string | undefined {
  if (!userId) return undefined;
  return userId === names.viewerId ? 'you' : names.people[userId];
}

/** "Submitted by Riley Rep on <time>", or "Submitted on <time>" when no name is known. */
function milestone(
  verb: string,
  userId: string | undefined,
  at: number,
  timeZone: string,
  names: Names,
) {
  const name = who(userId, names);
  return `${verb}${name ? ` by ${name}` : ''} on ${formatTime(at, timeZone)}`;
}

function item(i: ItemView, timeZone: string, names: Names) {
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
        : who(i.by, names)
          ? milestone('Done', i.by, i.at, timeZone, names)
          : `Done ${formatTime(i.at, timeZone)}`
      : i.required
        ? 'Required'
        : 'Optional',
  };
}

function handoff(h: HandoffView, timeZone: string, names: Names = NO_NAMES) {
  const accepted = h.accepted
    ? milestone('Accepted', h.accepted.by, h.accepted.at, timeZone, names) +
      (who(h.accepted.assigneeId, names) ? `; CSM: ${who(h.accepted.assigneeId, names)}` : '')
    : undefined;
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
    items: h.items.map((i) => item(i, timeZone, names)),
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
    // The last rejection stays in the history; its reason is news only while the handoff is rejected.
    rejection:
      h.rejected && h.status === 'rejected'
        ? `${milestone('Rejected', h.rejected.by, h.rejected.at, timeZone, names)}: ${h.rejected.reasonLabel}${h.rejected.comment ? ` — ${h.rejected.comment}` : ''}`
        : undefined,
    // The submission and acceptance as sentences; the rejection is `rejection` above.
    milestones: [
      ...(h.submitted
        ? [
            {
              key: 'submitted',
              text: milestone('Submitted', h.submitted.by, h.submitted.at, timeZone, names),
            },
          ]
        : []),
      ...(accepted ? [{ key: 'accepted', text: accepted }] : []),
    ],
    hasMilestones: h.submitted !== undefined || accepted !== undefined,
    history: h.history.map((e, n) => {
      const name = who(e.by, names);
      const label = EVENT_LABELS[e.type] ?? e.type;
      const at = formatTime(e.at, timeZone);
      return {
        key: `${e.type}-${e.at}-${n}`,
        text: name ? `${label} by ${name} · ${at}` : `${label} ${at}`,
      };
    }),
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
    // The path already prints "Stage: <its label>"; the record's own label is said only where it
    // differs (a path step can stand for several StageNames) or when no step is current.
    stageNote: view.currentStage
      ? labels?.current !== undefined && labels.current !== label(view.currentStage)
        ? labels.current
        : undefined
      : 'Not in the playbook',
    nextLabel: next,
    advanceText: next
      ? view.mayAdvance
        ? `Ready to move to ${next}.`
        : `Not ready to move to ${next} yet.`
      : undefined,
    // What must be true to leave this stage, then what the next stage asks on entry (as the card shows).
    criteriaSections: [
      { key: 'exit', title: 'To leave this stage', items: view.exitCriteria },
      { key: 'entry', title: next ? `To enter ${next}` : '', items: view.nextEntryCriteria },
    ]
      .filter((section) => section.items.length > 0)
      .map((section) => ({
        ...section,
        dataId: `${section.key}-criteria`,
        items: section.items.map(verdict),
      })),
    timers: view.timers.map((t) => timer(t, timeZone)),
    hasTimers: view.timers.length > 0,
    handoffs: view.handoffs.map((h) =>
      handoff(h, timeZone, { viewerId: view.viewer.userId, people: view.people ?? {} }),
    ),
    hasHandoffs: view.handoffs.length > 0,
  };
}

export type PanelModel = ReturnType<typeof panelModel>;

const STATUS_BADGES: Record<HandoffView['status'], string> = {
  not_started: 'slds-badge',
  in_progress: 'slds-badge slds-theme_info',
  submitted: 'slds-badge slds-theme_info',
  accepted: 'slds-badge slds-theme_success',
  rejected: 'slds-badge slds-theme_error',
};
/** Timers still running somewhere, most urgent first; pending and finished ones stay on the opportunity. */
const LIVE_TIMERS: readonly TimerView['state'][] = ['breached', 'at_risk', 'running', 'paused'];

export interface AccountRecords {
  /** The account's opportunities (related list `Opportunities`, ACCOUNT_OPPORTUNITY_FIELDS). */
  opportunities: readonly UiRecord[];
  /** The account's Handoff__c headers (related list `Handoffs__r`, HANDOFF_FIELDS). */
  handoffs: readonly UiRecord[];
  /** Item rows by the id of their header. */
  items: Readonly<Record<string, readonly UiRecord[]>>;
}

/** Reading only: the account view offers no actions, so no role is needed. */
const READER = { userId: 'account-view', roles: [] };

/**
 * An Account's handoffs: for each opportunity with a handoff open, where each handoff stands
 * (status, checklist progress) and the SLA timers still running, evaluated by the core exactly as
 * the opportunity's own panel does. Opportunities with a breached or at-risk timer come first.
 */
export function accountModel(
  playbook: Playbook,
  records: AccountRecords,
  now: number,
  timeZone: string,
) {
  const rows = records.opportunities.flatMap((opportunity) => {
    const headers = records.handoffs.filter((h) => text(h, 'Opportunity__c') === opportunity.id);
    const snapshot = buildSnapshot(playbook, {
      opportunity,
      handoffs: headers,
      items: records.items,
    });
    const view = evaluateRecord(playbook, snapshot, READER, now);
    if (view.handoffs.length === 0) return [];
    const live = view.timers
      .filter((t) => LIVE_TIMERS.includes(t.state))
      .sort((a, b) => LIVE_TIMERS.indexOf(a.state) - LIVE_TIMERS.indexOf(b.state));
    const name = text(opportunity, 'Name') ?? 'Opportunity';
    return [
      {
        id: opportunity.id,
        name,
        url: `/lightning/r/Opportunity/${opportunity.id}/view`,
        linkTitle: `Open ${name}`,
        stageLabel: view.currentStage?.label ?? text(opportunity, 'StageName') ?? '',
        handoffs: view.handoffs.map((h) => {
          const model = handoff(h, timeZone);
          return {
            key: `${opportunity.id}:${h.id}`,
            label: h.label,
            statusLabel: model.statusLabel,
            statusClass: STATUS_BADGES[h.status],
            progressText: model.progressText,
            progressValue: model.progressValue,
          };
        }),
        timers: live.map((t) => ({ ...timer(t, timeZone), key: `${opportunity.id}:${t.slaId}` })),
        hasTimers: live.length > 0,
        urgency: live[0] ? LIVE_TIMERS.indexOf(live[0].state) : LIVE_TIMERS.length,
      },
    ];
  });
  rows.sort((a, b) => a.urgency - b.urgency || a.name.localeCompare(b.name));
  return { rows, hasRows: rows.length > 0 };
}

export type AccountModel = ReturnType<typeof accountModel>;
