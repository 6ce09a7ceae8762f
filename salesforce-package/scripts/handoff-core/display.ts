// RecordView → what the panel's templates bind to. LWC templates hold no expressions, so every
// label, flag and sentence is decided here, where it is tested without a DOM.
import {
  evaluateRecord,
  opportunityStageNamesOf,
  formatDateTime,
  handoffDisplay,
  recordDisplay,
  timerDisplay,
  who,
  type ActionDisplay,
  type HandoffView,
  type ItemView,
  type Names,
  type NextStepDisplay,
  type Playbook,
  type RecordView,
  type TimerDisplay,
  type TimerView,
  type Tone,
  type Verdict,
  type Zones,
} from '@handoff/shared/runtime';
import { buildSnapshot } from './snapshot.js';
import { text, type UiRecord } from './records.js';

/** The core's tones in SLDS: badge classes and button variants. Words come from the core. */
const BADGES: Readonly<Record<Tone, string>> = {
  neutral: 'slds-badge',
  info: 'slds-badge slds-theme_info',
  warning: 'slds-badge slds-theme_warning',
  danger: 'slds-badge slds-theme_error',
  success: 'slds-badge slds-theme_success',
};
const VARIANTS: Readonly<Record<ActionDisplay['emphasis'], string>> = {
  primary: 'brand',
  secondary: 'neutral',
  destructive: 'destructive',
};

/** A time in the viewer's zone, in the core's one style (the admin panel uses it too). */
export function formatTime(at: number, timeZone: string): string {
  return formatDateTime(at, timeZone);
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

function timer(t: TimerDisplay) {
  return {
    key: t.slaId,
    label: t.label,
    stateLabel: t.stateLabel,
    badgeClass: BADGES[t.tone],
    detail: t.waitsOn ? `${t.detail} ${t.waitsOn}.` : t.detail,
  };
}

const NO_NAMES: Names = { viewerId: '', people: {} };

function item(i: ItemView, zones: Zones, names: Names) {
  const value = i.value === null || typeof i.value === 'boolean' ? '' : String(i.value);
  const by = who(i.by, names);
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
        : by
          ? `Done by ${by} on ${formatDateTime(i.at, zones)}`
          : `Done ${formatDateTime(i.at, zones)}`
      : i.required
        ? 'Required'
        : 'Optional',
  };
}

function handoff(
  h: HandoffView,
  timeZone: string,
  names: Names = NO_NAMES,
  reference?: string | null,
) {
  const zones: Zones = { viewer: timeZone, reference };
  const shown = handoffDisplay(h, zones, names);
  return {
    id: h.id,
    label: h.label,
    checklistLabel: h.checklistLabel,
    status: h.status,
    statusLabel: shown.statusLabel,
    statusClass: BADGES[shown.tone],
    progressText: shown.progress.text,
    progressValue: shown.progress.percent,
    /** Accepted, or its window has passed: shown as one line, its body behind "Details". */
    settled: shown.settledLine !== undefined,
    settledLine: shown.settledLine,
    // A recycled lead: why it was rejected, on the folded line as on the HubSpot card.
    settledRejection: shown.settledRejection,
    nextLine: shown.nextLine,
    items: h.items.map((i) => item(i, zones, names)),
    criteria: h.criteria.map(verdict),
    actions: shown.actions.map((a) => ({
      type: a.type,
      label: a.label,
      variant: VARIANTS[a.emphasis],
      disabled: a.disabled,
      reason: a.reason,
    })),
    rejectReasons: h.rejectReasons.map((r) => ({ label: r.label, value: r.id })),
    // The last rejection stays in the history; its reason is news only while the handoff is rejected.
    rejection: shown.rejection,
    milestones: shown.milestones.map((line, n) => ({ key: `m${n}`, text: line })),
    hasMilestones: shown.milestones.length > 0,
    history: shown.history.map((line, n) => ({ key: `h${n}`, text: line })),
    hasHistory: shown.history.length > 0,
  };
}

/** The next-step strip: whose move, what, by when, and the viewer's one button. */
function nextStep(step: NextStepDisplay | null) {
  if (!step) return undefined;
  const action = step.action;
  return {
    handoffId: step.handoffId,
    whose: step.whose,
    what: step.what,
    when: step.when,
    stateLabel: step.stateLabel,
    badgeClass: BADGES[step.tone],
    action: action
      ? {
          type: action.type,
          label: action.label,
          variant: VARIANTS[action.emphasis],
          disabled: action.disabled,
          reason: action.reason,
        }
      : undefined,
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
    const names = opportunityStageNamesOf(stage).flatMap((n) => labels.get(n) ?? []);
    if (names.length > 0) stages[stage.id] = names.join(' / ');
  }
  const current = stageName === undefined ? undefined : labels.get(stageName);
  return current === undefined ? { stages } : { stages, current };
}

export function panelModel(view: RecordView, timeZone: string, labels?: StageLabels) {
  const label = (s: { id: string; label: string }) => labels?.stages[s.id] ?? s.label;
  const next = view.nextStage ? label(view.nextStage) : undefined;
  const shown = recordDisplay(view, timeZone);
  const reference = view.timers.find((t) => t.calendarTimeZone !== null)?.calendarTimeZone;
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
    nextStep: nextStep(shown.nextStep),
    // A viewer without a Handoff role sees everything and can change nothing, as on the HubSpot card.
    noRole: shown.noRole,
    timers: shown.timers.map(timer),
    hasTimers: view.timers.length > 0,
    handoffs: view.handoffs.map((h) =>
      handoff(h, timeZone, { viewerId: view.viewer.userId, people: view.people ?? {} }, reference),
    ),
    hasHandoffs: view.handoffs.length > 0,
  };
}

export type PanelModel = ReturnType<typeof panelModel>;

/** Timers still running somewhere, most urgent first; pending and finished ones stay on the opportunity. */
const LIVE_TIMERS: readonly TimerView['state'][] = ['breached', 'at_risk', 'running', 'paused'];

export interface AccountRecords {
  /** The account's opportunities (related list `Opportunities`, ACCOUNT_OPPORTUNITY_FIELDS). */
  opportunities: readonly UiRecord[];
  /** The account's Handoff__c headers (related list `Handoffs__r`, orgNames().handoffFields). */
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
            statusClass: model.statusClass,
            progressText: model.progressText,
            progressValue: model.progressValue,
          };
        }),
        timers: live.map((t) => ({
          ...timer(timerDisplay(t, timeZone)),
          key: `${opportunity.id}:${t.slaId}`,
        })),
        hasTimers: live.length > 0,
        urgency: live[0] ? LIVE_TIMERS.indexOf(live[0].state) : LIVE_TIMERS.length,
      },
    ];
  });
  rows.sort((a, b) => a.urgency - b.urgency || a.name.localeCompare(b.name));
  return { rows, hasRows: rows.length > 0 };
}

export type AccountModel = ReturnType<typeof accountModel>;
