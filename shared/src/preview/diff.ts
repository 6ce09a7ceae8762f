// diffPlaybooks: what an admin's edit changes, one plain sentence per change, in playbook order.
import { criterionWords } from '../playbook/explain.js';
import {
  stopsOf,
  type CalendarDefSchema,
  type ChecklistItemDef,
  type CriterionDef,
  type Playbook,
} from '../playbook/schema.js';
import type * as z from 'zod/mini';
import {
  durationWords,
  escalationWords,
  roleWords,
  same,
  startWords,
  stopWords,
  warnWords,
} from './words.js';

type CalendarDef = z.infer<typeof CalendarDefSchema>;

export type ChangeArea =
  | 'playbook'
  | 'field'
  | 'calendar'
  | 'role'
  | 'stage'
  | 'criterion'
  | 'checklist'
  | 'handoff'
  | 'sla'
  | 'escalation';

export interface PlaybookChange {
  area: ChangeArea;
  /** The id of the changed part (`cs_accepts_won_deal`, `us_business`, `sales_to_cs.kickoff_date`). */
  id: string;
  /** One sentence: "CS accepts the handoff: 1 business day → 4 business hours". */
  text: string;
}

export function diffPlaybooks(old: Playbook, next: Playbook): PlaybookChange[] {
  const out: PlaybookChange[] = [];
  const push = (area: ChangeArea, id: string, text: string): void => {
    out.push({ area, id, text });
  };
  if (old.name !== next.name) push('playbook', 'name', `Name: ${old.name} → ${next.name}`);
  if (old.version !== next.version)
    push('playbook', 'version', `Version: ${old.version} → ${next.version}`);
  diffFields(old, next, push);
  diffCalendars(old, next, push);
  diffRoles(old, next, push);
  diffStages(old, next, push);
  diffChecklists(old, next, push);
  diffHandoffs(old, next, push);
  diffSlas(old, next, push);
  return out;
}

type Push = (area: ChangeArea, id: string, text: string) => void;

/** Matches two lists by id: removed (in old only), kept pairs, added (in new only), in list order. */
function byId<T extends { id: string }>(
  old: readonly T[],
  next: readonly T[],
): { removed: T[]; kept: [T, T][]; added: T[] } {
  const nextIds = new Map(next.map((x) => [x.id, x]));
  const oldIds = new Set(old.map((x) => x.id));
  return {
    removed: old.filter((x) => !nextIds.has(x.id)),
    kept: old.flatMap((x) => {
      const n = nextIds.get(x.id);
      return n ? [[x, n] as [T, T]] : [];
    }),
    added: next.filter((x) => !oldIds.has(x.id)),
  };
}

function entries<T>(record: Readonly<Record<string, T>>): (T & { id: string })[] {
  return Object.entries(record).map(([id, value]) => ({ ...value, id }));
}

function diffFields(old: Playbook, next: Playbook, push: Push): void {
  const { removed, kept, added } = byId(entries(old.fields), entries(next.fields));
  for (const f of added) push('field', f.id, `Field added: ${f.label} (${f.type})`);
  for (const f of removed) push('field', f.id, `Field removed: ${f.label}`);
  for (const [a, b] of kept) {
    if (a.type !== b.type) push('field', a.id, `Field ${b.label}: type ${a.type} → ${b.type}`);
    if (a.label !== b.label) push('field', a.id, `Field ${a.label} renamed ${b.label}`);
    const mapping = ['hubspot', 'salesforce', 'options'] as const;
    for (const key of mapping) {
      if (!same(a[key], b[key])) push('field', a.id, `Field ${b.label}: ${key} mapping changed`);
    }
  }
}

function diffCalendars(old: Playbook, next: Playbook, push: Push): void {
  const { removed, kept, added } = byId(entries(old.calendars), entries(next.calendars));
  for (const c of added) push('calendar', c.id, `Calendar added: ${c.id} (${c.timeZone})`);
  for (const c of removed) push('calendar', c.id, `Calendar removed: ${c.id}`);
  for (const [a, b] of kept) {
    if (a.timeZone !== b.timeZone)
      push('calendar', a.id, `Calendar ${a.id}: time zone ${a.timeZone} → ${b.timeZone}`);
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
    for (const day of days) {
      if (!same(a.weekly[day] ?? [], b.weekly[day] ?? []))
        push(
          'calendar',
          a.id,
          `Calendar ${a.id}: ${day} hours ${hours(a.weekly[day])} → ${hours(b.weekly[day])}`,
        );
    }
    const key = (h: Holiday): string => `${h.date} ${h.from ?? ''}-${h.to ?? ''}`;
    const oldHolidays = new Map((a.holidays ?? []).map((h) => [key(h), h]));
    const newHolidays = new Map((b.holidays ?? []).map((h) => [key(h), h]));
    for (const [k, h] of newHolidays)
      if (!oldHolidays.has(k))
        push('calendar', a.id, `Calendar ${a.id}: holiday added ${holiday(h)}`);
    for (const [k, h] of oldHolidays)
      if (!newHolidays.has(k))
        push('calendar', a.id, `Calendar ${a.id}: holiday removed ${holiday(h)}`);
    if ((a.hoursPerDay ?? 8) !== (b.hoursPerDay ?? 8))
      push(
        'calendar',
        a.id,
        `Calendar ${a.id}: a business day is ${a.hoursPerDay ?? 8} → ${b.hoursPerDay ?? 8} hours`,
      );
  }
}

type Holiday = NonNullable<CalendarDef['holidays']>[number];

function hours(windows: CalendarDef['weekly']['mon']): string {
  return windows && windows.length > 0 ? windows.map(([f, t]) => `${f}–${t}`).join(', ') : 'closed';
}

function holiday(h: Holiday): string {
  const span =
    h.from !== undefined || h.to !== undefined ? ` ${h.from ?? '00:00'}–${h.to ?? '24:00'}` : '';
  return `${h.date}${span}${h.name ? ` (${h.name})` : ''}`;
}

function diffRoles(old: Playbook, next: Playbook, push: Push): void {
  const { removed, kept, added } = byId(entries(old.roles), entries(next.roles));
  for (const r of added) push('role', r.id, `Role added: ${r.label}`);
  for (const r of removed) push('role', r.id, `Role removed: ${r.label}`);
  for (const [a, b] of kept) {
    if (a.label !== b.label) push('role', a.id, `Role ${a.label} renamed ${b.label}`);
    if (!same(a.hubspotTeams ?? [], b.hubspotTeams ?? []))
      push(
        'role',
        a.id,
        `Role ${b.label}: HubSpot teams ${list(a.hubspotTeams)} → ${list(b.hubspotTeams)}`,
      );
  }
}

function list(values: readonly string[] | undefined): string {
  return values && values.length > 0 ? values.join(', ') : 'none';
}

function diffStages(old: Playbook, next: Playbook, push: Push): void {
  const { removed, kept, added } = byId(old.stages, next.stages);
  for (const s of added) push('stage', s.id, `Stage added: ${s.label}`);
  for (const s of removed) push('stage', s.id, `Stage removed: ${s.label}`);
  for (const [a, b] of kept) {
    if (a.label !== b.label) push('stage', a.id, `Stage ${a.label} renamed ${b.label}`);
    if (a.outcome !== b.outcome)
      push(
        'stage',
        a.id,
        `Stage ${b.label}: outcome ${a.outcome ?? 'none'} → ${b.outcome ?? 'none'}`,
      );
    if (!same(a.hubspot, b.hubspot) || !same(a.salesforce, b.salesforce))
      push('stage', a.id, `Stage ${b.label}: CRM stage mapping changed`);
    diffCriteria(old, next, a.entry, b.entry, `to enter ${b.label}`, `${a.id}.entry`, push);
    diffCriteria(old, next, a.exit, b.exit, `to leave ${b.label}`, `${a.id}.exit`, push);
  }
  const order = (p: Playbook): string =>
    p.stages
      .map((s) => s.id)
      .filter((id) => kept.some(([k]) => k.id === id))
      .join();
  if (order(old) !== order(next)) push('stage', 'stages', 'Stages reordered');
}

function diffCriteria(
  old: Playbook,
  next: Playbook,
  a: readonly CriterionDef[],
  b: readonly CriterionDef[],
  where: string,
  idPrefix: string,
  push: Push,
): void {
  const { removed, kept, added } = byId(a, b);
  for (const c of added)
    push(
      'criterion',
      `${idPrefix}.${c.id}`,
      `Criterion added ${where}: ${criterionWords(next, c)}`,
    );
  for (const c of removed)
    push(
      'criterion',
      `${idPrefix}.${c.id}`,
      `Criterion removed ${where}: ${criterionWords(old, c)}`,
    );
  for (const [x, y] of kept) {
    if (!same(x, y))
      push(
        'criterion',
        `${idPrefix}.${x.id}`,
        `Criterion changed ${where}: ${criterionWords(old, x)} → ${criterionWords(next, y)}`,
      );
  }
}

function diffChecklists(old: Playbook, next: Playbook, push: Push): void {
  const { removed, kept, added } = byId(old.checklists, next.checklists);
  for (const c of added) push('checklist', c.id, `Checklist added: ${c.label}`);
  for (const c of removed) push('checklist', c.id, `Checklist removed: ${c.label}`);
  for (const [a, b] of kept) {
    if (a.label !== b.label) push('checklist', a.id, `Checklist ${a.label} renamed ${b.label}`);
    const items = byId(a.items, b.items);
    const id = (item: ChecklistItemDef): string => `${a.id}.${item.id}`;
    for (const item of items.added)
      push(
        'checklist',
        id(item),
        `${b.label}: ${item.required ? 'required' : 'optional'} item added '${item.label}'`,
      );
    for (const item of items.removed)
      push('checklist', id(item), `${b.label}: item removed '${item.label}'`);
    for (const [x, y] of items.kept) {
      if (x.required !== y.required)
        push(
          'checklist',
          id(x),
          `${b.label}: '${y.label}' is now ${y.required ? 'required' : 'optional'}`,
        );
      if (x.label !== y.label)
        push('checklist', id(x), `${b.label}: '${x.label}' renamed '${y.label}'`);
      if (x.kind !== y.kind || !same(x.options, y.options) || x.field !== y.field)
        push('checklist', id(x), `${b.label}: '${y.label}' asks for a different answer`);
      if (x.owner !== y.owner)
        push(
          'checklist',
          id(x),
          `${b.label}: '${y.label}' owner ${roleWords(old, x.owner ? [x.owner] : [])} → ${roleWords(next, y.owner ? [y.owner] : [])}`,
        );
    }
  }
}

function diffHandoffs(old: Playbook, next: Playbook, push: Push): void {
  const { removed, kept, added } = byId(old.handoffs, next.handoffs);
  for (const h of added) push('handoff', h.id, `Handoff added: ${h.label}`);
  for (const h of removed) push('handoff', h.id, `Handoff removed: ${h.label}`);
  for (const [a, b] of kept) {
    if (a.label !== b.label) push('handoff', a.id, `Handoff ${a.label} renamed ${b.label}`);
    if (a.opensAt !== b.opensAt)
      push('handoff', a.id, `${b.label}: opens at ${a.opensAt} → ${b.opensAt}`);
    if (a.checklist !== b.checklist)
      push('handoff', a.id, `${b.label}: checklist ${a.checklist} → ${b.checklist}`);
    for (const key of ['submit', 'accept', 'reject'] as const) {
      if (!same(a[key], b[key]))
        push(
          'role',
          `${a.id}.${key}`,
          `${b.label}: who may ${key} ${roleWords(old, a[key])} → ${roleWords(next, b[key])}`,
        );
    }
    if (!same(a.rejectReasons, b.rejectReasons))
      push('handoff', a.id, `${b.label}: reasons to reject changed`);
    diffCriteria(
      old,
      next,
      a.criteria,
      b.criteria,
      `to submit ${b.label}`,
      `${a.id}.criteria`,
      push,
    );
  }
}

function diffSlas(old: Playbook, next: Playbook, push: Push): void {
  const { removed, kept, added } = byId(old.slas, next.slas);
  for (const s of added) push('sla', s.id, `SLA added: ${s.label} (${durationWords(s.target)})`);
  for (const s of removed) push('sla', s.id, `SLA removed: ${s.label}`);
  for (const [a, b] of kept) {
    const label = b.label;
    if (a.label !== b.label) push('sla', a.id, `SLA ${a.label} renamed ${b.label}`);
    if (!same(a.target, b.target))
      push('sla', a.id, `${label}: ${durationWords(a.target)} → ${durationWords(b.target)}`);
    if ((a.calendar ?? null) !== (b.calendar ?? null))
      push(
        'sla',
        a.id,
        `${label}: calendar ${a.calendar ?? 'around the clock'} → ${b.calendar ?? 'around the clock'}`,
      );
    if (!same(a.start, b.start))
      push(
        'sla',
        a.id,
        `${label}: starts when ${startWords(old, a.start)} → when ${startWords(next, b.start)}`,
      );
    if (!same(stopsOf(a), stopsOf(b)))
      push(
        'sla',
        a.id,
        `${label}: stops when ${stopWords(old, stopsOf(a))} → when ${stopWords(next, stopsOf(b))}`,
      );
    if (!same(a.pause, b.pause))
      push(
        'sla',
        a.id,
        `${label}: ${b.pause.length > 0 ? 'now pauses' : 'no longer pauses'} while sent back for rework`,
      );
    if (!same(a.warn, b.warn))
      push('sla', a.id, `${label}: ${warnWords(a.warn)} → ${warnWords(b.warn)}`);
    if ((a.waitsOn ?? null) !== (b.waitsOn ?? null))
      push(
        'role',
        `${a.id}.waitsOn`,
        `${label}: waits on ${roleWords(old, a.waitsOn ? [a.waitsOn] : [])} → ${roleWords(next, b.waitsOn ? [b.waitsOn] : [])}`,
      );
    const levels = Math.max(a.escalations.length, b.escalations.length);
    for (let i = 0; i < levels; i++) {
      const x = a.escalations[i];
      const y = b.escalations[i];
      const id = `${a.id}.L${i + 1}`;
      if (x && !y)
        push('escalation', id, `${label}: level ${i + 1} removed (${escalationWords(old, x)})`);
      else if (!x && y)
        push('escalation', id, `${label}: level ${i + 1} added (${escalationWords(next, y)})`);
      else if (x && y && !same(x, y))
        push(
          'escalation',
          id,
          `${label}: level ${i + 1} ${escalationWords(old, x)} → ${escalationWords(next, y)}`,
        );
    }
  }
}
