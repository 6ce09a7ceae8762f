// What the new playbook judges exactly as the current one does, so a preview or backtest reuses
// the current side's answer instead of computing it again; and one SLA's timer on its own.
import type { Playbook, SlaDef } from '../playbook/schema.js';
import { evaluateTimers } from '../record/timers.js';
import type { RecordSnapshot } from '../shapes/snapshot.js';
import type { TimerView } from '../shapes/view.js';
import { same } from './words.js';

export interface SameRules {
  /** Checklists and handoffs: a handoff's items replay and count alike. */
  items: boolean;
  /** Also fields: submissions are judged alike (required items, handoff criteria). */
  submissions: boolean;
  /** Also stages: every criterion verdict, stage move and open handoff is alike. */
  criteria: boolean;
  /** SLAs defined alike while nothing else a timer reads changed (above, calendars, roles). */
  slas: ReadonlySet<string>;
}

export function sameRules(old: Playbook, next: Playbook): SameRules {
  const items = same(old.checklists, next.checklists) && same(old.handoffs, next.handoffs);
  const submissions = items && same(old.fields, next.fields);
  const criteria = submissions && same(old.stages, next.stages);
  const slas = new Set<string>();
  if (criteria && same(old.calendars, next.calendars) && same(old.roles, next.roles))
    for (const sla of next.slas) {
      const was = old.slas.find((s) => s.id === sla.id);
      if (was && same(was, sla)) slas.add(sla.id);
    }
  return { items, submissions, criteria, slas };
}

/** The SLA's timer on the record at `now` as evaluateTimers computes it, or undefined before it starts. */
export function timerOf(
  playbook: Playbook,
  sla: SlaDef,
  record: RecordSnapshot,
  now: number,
): TimerView | undefined {
  return evaluateTimers(withOnly(playbook, sla), record, now).timers[0];
}

// One playbook object per (playbook, SLA): compiled calendars are cached per playbook object, so a
// fresh copy per call would compile and lay out the calendar again every time.
const single = new WeakMap<Playbook, Map<string, Playbook>>();

function withOnly(playbook: Playbook, sla: SlaDef): Playbook {
  let bySla = single.get(playbook);
  if (!bySla) single.set(playbook, (bySla = new Map()));
  let one = bySla.get(sla.id);
  if (!one) bySla.set(sla.id, (one = { ...playbook, slas: [sla] }));
  return one;
}
