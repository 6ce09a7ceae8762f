// The words a playbook change is told in: durations, rules and people, short enough for one line.
import { canonicalJson } from '../playbook/fingerprint.js';
import { objectOfStage } from '../playbook/objects.js';
import type {
  BusinessDuration,
  EscalationDef,
  Playbook,
  SlaStart,
  SlaStop,
  WarnDef,
} from '../playbook/schema.js';

const UNITS: Record<BusinessDuration['unit'], string> = {
  business_minutes: 'business minute',
  business_hours: 'business hour',
  calendar_hours: 'hour',
  business_days: 'business day',
};

/** "4 business hours", "1 business day", "2 business days, due at the close of the day". */
export function durationWords(d: BusinessDuration): string {
  const plural = d.amount === 1 ? '' : 's';
  const close = d.unit === 'business_days' && d.mode === 'end_of_day' ? ', due at the close' : '';
  return `${d.amount} ${UNITS[d.unit]}${plural}${close}`;
}

export function warnWords(warn: WarnDef | undefined): string {
  if (warn === undefined) return 'no warning';
  return 'before' in warn
    ? `at risk ${durationWords(warn.before)} before due`
    : `at risk at ${warn.consumedPercent}% of the time`;
}

export function roleWords(playbook: Playbook, ids: readonly string[]): string {
  return ids.length === 0 ? 'nobody' : ids.map((id) => playbook.roles[id]?.label ?? id).join(', ');
}

export function stageName(playbook: Playbook, id: string): string {
  return playbook.stages.find((s) => s.id === id)?.label ?? id;
}

export function handoffName(playbook: Playbook, id: string): string {
  return playbook.handoffs.find((h) => h.id === id)?.label ?? id;
}

/** "the contact", "the deal": the record a stage belongs to, for sentences. */
export function recordWords(playbook: Playbook, stageId: string): string {
  const stage = playbook.stages.find((s) => s.id === stageId);
  return `the ${stage ? objectOfStage(stage) : 'deal'}`;
}

export function startWords(playbook: Playbook, s: SlaStart): string {
  if (s.on === 'stage_entered')
    return `${recordWords(playbook, s.stage)} enters ${stageName(playbook, s.stage)}`;
  if (s.on === 'field_date') return `the date in ${playbook.fields[s.field]?.label ?? s.field}`;
  const verb = s.on === 'handoff_opened' ? 'opens' : 'is submitted';
  return `${handoffName(playbook, s.handoff)} ${verb}`;
}

export function stopWords(playbook: Playbook, stops: readonly SlaStop[]): string {
  return stops
    .map((s) => {
      if (s.on === 'stage_entered')
        return `${recordWords(playbook, s.stage)} enters ${stageName(playbook, s.stage)}`;
      if (s.on === 'stage_left')
        return `${recordWords(playbook, s.stage)} leaves ${stageName(playbook, s.stage)}`;
      if (s.on === 'field_set') return `${playbook.fields[s.field]?.label ?? s.field} is set`;
      if (s.on === 'first_activity') return 'sales first logs a call, email or meeting';
      const verb = s.on === 'handoff_submitted' ? 'is submitted' : 'is accepted';
      return `${handoffName(playbook, s.handoff)} ${verb}`;
    })
    .join(' or ');
}

/** "a task for every CS manager on breach, 4 business hours after". */
export function escalationWords(playbook: Playbook, e: EscalationDef): string {
  const to =
    e.to === undefined
      ? 'whoever it waits on'
      : e.to === 'owner'
        ? 'the owner'
        : 'user' in e.to
          ? `user ${e.to.user}`
          : `every ${playbook.roles[e.to.role]?.label ?? e.to.role}`;
  const what =
    e.action === 'task' ? 'a task for' : e.action === 'note' ? 'a note to' : 'reassign to';
  const when =
    e.when === 'at_risk'
      ? 'when at risk'
      : e.after
        ? `${durationWords(e.after)} after the breach`
        : 'on breach';
  return `${what} ${to} ${when}`;
}

/** Structural equality of playbook parts, read as the fingerprint reads them. */
export function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}
