// Compiled calendars per playbook. Playbooks are immutable once parsed, so a WeakMap keyed by the
// playbook object compiles each calendar once and lets both go together.
import { compileCalendar, type Calendar } from '../clock/index.js';
import type { Playbook } from '../playbook/schema.js';

const cache = new WeakMap<Playbook, Map<string, Calendar>>();

/** The compiled calendar by id; undefined id means calendar time (24×7), which is `null`. */
export function calendarFor(playbook: Playbook, id: string | undefined): Calendar | null {
  if (id === undefined) return null;
  let compiled = cache.get(playbook);
  if (!compiled) {
    compiled = new Map();
    cache.set(playbook, compiled);
  }
  let calendar = compiled.get(id);
  if (!calendar) {
    const def = playbook.calendars[id];
    // parsePlaybook guarantees the reference; a hand-built playbook that breaks it gets calendar time.
    if (!def) return null;
    calendar = compileCalendar(def);
    compiled.set(id, calendar);
  }
  return calendar;
}
