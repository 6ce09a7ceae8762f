// The playbook in plain words, for admins reviewing a change and for `handoff-playbook explain`.
import { recordWords, stopWords } from '../preview/words.js';
import { describeRequirement } from '../rules/evaluate.js';
import { objectsOf, scopedPlaybook } from './objects.js';
import {
  slaWaitsOn,
  stopsOf,
  type BusinessDuration,
  type CriterionDef,
  type Playbook,
  type RecordObject,
  type Rule,
  type SlaDef,
} from './schema.js';

// The three seams of the revenue lifecycle, each on the record it lives on: marketing passes a
// person to sales (contacts and leads), sales passes a won deal to customer success (deals), and
// customer success passes an expansion back to sales (companies and accounts).
const LIFECYCLES: Record<RecordObject, { title: string; seam: string; closes: string }> = {
  contact: {
    title: 'Contacts (HubSpot contacts, Salesforce Leads)',
    seam: 'the marketing → sales seam',
    closes: 'the contact',
  },
  deal: {
    title: 'Deals (HubSpot deals, Salesforce Opportunities)',
    seam: 'the SDR → AE and sales → customer success seams',
    closes: 'the deal',
  },
  company: {
    title: 'Companies (HubSpot companies, Salesforce Accounts)',
    seam: 'the customer success → sales (expansion) seam',
    closes: 'the company',
  },
};

export function explainPlaybook(playbook: Playbook): string {
  const out: string[] = [];
  out.push(`${playbook.name} (version ${playbook.version})`);
  const objects = objectsOf(playbook);
  // Marketing → sales comes first in the lifecycle, then deals, then expansion.
  const order = (['contact', 'deal', 'company'] as const).filter((o) => objects.includes(o));
  for (const object of order) {
    const lifecycle = LIFECYCLES[object];
    const scoped = scopedPlaybook(playbook, object);
    out.push('');
    if (objects.length > 1) out.push(`${lifecycle.title} — ${lifecycle.seam}`, '');
    explainLifecycle(playbook, scoped, lifecycle.closes, out);
  }
  return out.join('\n');
}

/** One object's stages, handoffs and SLAs; names resolve in the whole playbook. */
function explainLifecycle(
  playbook: Playbook,
  scoped: Playbook,
  record: string,
  out: string[],
): void {
  out.push('Stages');
  scoped.stages.forEach((stage, i) => {
    const outcome = stage.outcome ? ` — closes ${record} as ${stage.outcome}` : '';
    out.push(`  ${i + 1}. ${stage.label}${outcome}`);
    for (const c of stage.entry) out.push(`     to enter: ${criterion(playbook, c)}`);
    for (const c of stage.exit) out.push(`     to leave: ${criterion(playbook, c)}`);
  });
  out.push('', 'Handoffs');
  for (const handoff of scoped.handoffs) {
    const list = playbook.checklists.find((l) => l.id === handoff.checklist);
    const stage = playbook.stages.find((s) => s.id === handoff.opensAt)?.label ?? handoff.opensAt;
    out.push(
      `  ${handoff.label}: opens at ${stage}; ${roles(playbook, handoff.submit)} submit, ${roles(playbook, handoff.accept)} accept or reject.`,
    );
    for (const item of list?.items ?? []) {
      const fieldLabel = (id: string) => playbook.fields[id]?.label ?? id;
      const source = item.field
        ? ` (from ${fieldLabel(item.field)})`
        : item.dealField
          ? ` (fills the new deal's ${fieldLabel(item.dealField)})`
          : '';
      out.push(`     [${item.required ? 'required' : 'optional'}] ${item.label}${source}`);
    }
    for (const c of handoff.criteria) out.push(`     to submit: ${criterion(playbook, c)}`);
    out.push(`     reasons to reject: ${handoff.rejectReasons.map((r) => r.label).join('; ')}`);
    const stageLabel = (id: string) => playbook.stages.find((s) => s.id === id)?.label ?? id;
    if (handoff.onAccept)
      out.push(`     when accepted: ${record} moves to ${stageLabel(handoff.onAccept.stage)}`);
    if (handoff.onReject)
      out.push(`     when rejected: ${record} goes back to ${stageLabel(handoff.onReject.stage)}`);
  }
  out.push('', 'SLAs');
  for (const sla of scoped.slas) out.push(`  ${sla.label}: ${explainSla(playbook, sla)}`);
}

function criterion(playbook: Playbook, c: CriterionDef): string {
  const block = c.severity === 'block' ? 'blocks' : 'warns';
  return `${c.label} — ${rule(playbook, c.rule)} (${block})`;
}

function rule(playbook: Playbook, r: Rule): string {
  switch (r.op) {
    case 'all':
      return r.rules.map((x) => rule(playbook, x)).join(' and ');
    case 'any':
      return `either ${r.rules.map((x) => rule(playbook, x)).join(' or ')}`;
    case 'not':
      return `not (${rule(playbook, r.rule)})`;
    case 'checklist_complete':
      return `the ${handoffLabel(playbook, r.handoff)} checklist is complete`;
    case 'item_done':
      return `"${r.item}" of ${handoffLabel(playbook, r.handoff)} is done`;
    case 'handoff_status':
      return `${handoffLabel(playbook, r.handoff)} is ${r.in.join(' or ').replace(/_/g, ' ')}`;
    default: {
      const field = playbook.fields[r.field];
      return field ? `${field.label} ${describeRequirement(r, field)}` : `${r.field} ${r.op}`;
    }
  }
}

function explainSla(playbook: Playbook, sla: SlaDef): string {
  const start = (() => {
    const s = sla.start;
    if (s.on === 'stage_entered')
      return `when ${recordWords(playbook, s.stage)} enters ${stageLabel(playbook, s.stage)}`;
    if (s.on === 'field_date') return `at ${playbook.fields[s.field]?.label ?? s.field}`;
    return `when ${handoffLabel(playbook, s.handoff)} is ${s.on === 'handoff_opened' ? 'opened' : 'submitted'}`;
  })();
  const stop = stopWords(playbook, stopsOf(sla));
  const calendar = sla.calendar
    ? ` (${playbook.calendars[sla.calendar]?.timeZone ?? sla.calendar} business hours)`
    : '';
  const pause = sla.pause.length > 0 ? '; paused while sent back for rework' : '';
  const warn = sla.warn
    ? 'before' in sla.warn
      ? `; at risk ${duration(sla.warn.before)} before due`
      : `; at risk at ${sla.warn.consumedPercent}% of the time`
    : '';
  const waitsOnRole = slaWaitsOn(playbook, sla);
  const waiter =
    waitsOnRole === undefined ? undefined : (playbook.roles[waitsOnRole]?.label ?? waitsOnRole);
  const waits = waiter
    ? `; waits on the ${waiter}${sla.waitsOn === undefined ? '' : ' (set in the playbook)'}`
    : '; waits on the record owner (no role stops it)';
  const escalations = sla.escalations.map((e) => {
    const to =
      e.to === undefined
        ? waiter
          ? `every ${waiter} (who it waits on)`
          : 'the owner (who it waits on)'
        : e.to === 'owner'
          ? 'the owner'
          : 'user' in e.to
            ? `user ${e.to.user}`
            : `every ${playbook.roles[e.to.role]?.label ?? e.to.role}`;
    const when =
      e.when === 'at_risk'
        ? 'at risk'
        : e.after
          ? `${duration(e.after)} after the breach`
          : 'on breach';
    const what =
      e.action === 'task'
        ? `a task for ${to}`
        : e.action === 'note'
          ? `a note to ${to}`
          : `reassign to ${to}`;
    return `${when}: ${what}`;
  });
  return `${duration(sla.target)}${calendar} from ${start} until ${stop}${waits}${pause}${warn}${escalations.length ? `; ${escalations.join(', ')}` : ''}.`;
}

function duration(d: BusinessDuration): string {
  const units: Record<BusinessDuration['unit'], string> = {
    business_minutes: 'business minute',
    business_hours: 'business hour',
    calendar_hours: 'hour',
    business_days: 'business day',
  };
  const mode =
    d.unit === 'business_days'
      ? d.mode === 'end_of_day'
        ? ' (due at the close of the day)'
        : ' (counted in hours)'
      : '';
  return `${d.amount} ${units[d.unit]}${d.amount === 1 ? '' : 's'}${mode}`;
}

function roles(playbook: Playbook, ids: readonly string[]): string {
  return ids.map((id) => playbook.roles[id]?.label ?? id).join(' or ');
}

function stageLabel(playbook: Playbook, id: string): string {
  return playbook.stages.find((s) => s.id === id)?.label ?? id;
}

function handoffLabel(playbook: Playbook, id: string): string {
  return playbook.handoffs.find((h) => h.id === id)?.label ?? id;
}

/** One criterion in words ("Amount estimated — Amount more than 0 (blocks)"), for change previews. */
export { criterion as criterionWords };
