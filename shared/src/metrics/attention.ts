// What needs attention now: the open timers breached or at risk at this instant, by SLA and by the
// record's owner, each naming its records. Attainment counts finished timers only, so an SLA can
// show 98 % while seven of its timers are breached right now; this is the other half of the picture.
import type { Playbook } from '../playbook/schema.js';
import type { RecordView } from '../shapes/view.js';

export interface AttentionRecord {
  objectType: string;
  recordId: string;
  name: string;
  slaId: string;
  state: 'breached' | 'at_risk';
  dueAt: number | null;
  ownerId: string | null;
}

export interface AttentionGroup {
  breached: number;
  atRisk: number;
  /** Most overdue first. */
  records: AttentionRecord[];
}

export interface Attention {
  /** The instant the open timers were evaluated at. */
  at: number;
  /** Every SLA of the playbook, in playbook order, including those with nothing open. */
  bySla: (AttentionGroup & { id: string; label: string })[];
  /** Record owners with at least one breached or at-risk timer; null gathers records without an owner. */
  byOwner: (AttentionGroup & { ownerId: string | null })[];
}

/** Open timers of the records' views (evaluated at `now`) that are breached or at risk. */
export function needsAttention(
  playbook: Playbook,
  records: readonly { view: RecordView; name: string }[],
  now: number,
): Attention {
  const open: AttentionRecord[] = [];
  for (const { view, name } of records) {
    for (const timer of view.timers) {
      if (timer.state !== 'breached' && timer.state !== 'at_risk') continue;
      open.push({
        objectType: view.record.objectType,
        recordId: view.record.recordId,
        name,
        slaId: timer.slaId,
        state: timer.state,
        dueAt: timer.dueAt,
        ownerId: view.record.ownerId ?? null,
      });
    }
  }
  open.sort(
    (a, b) =>
      Number(a.state !== 'breached') - Number(b.state !== 'breached') ||
      (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) ||
      a.recordId.localeCompare(b.recordId, 'en', { numeric: true }),
  );
  const group = (records: AttentionRecord[]): AttentionGroup => ({
    breached: records.filter((r) => r.state === 'breached').length,
    atRisk: records.filter((r) => r.state === 'at_risk').length,
    records,
  });
  const owners = [...new Set(open.map((r) => r.ownerId))];
  return {
    at: now,
    bySla: playbook.slas.map((sla) => ({
      id: sla.id,
      label: sla.label,
      ...group(open.filter((r) => r.slaId === sla.id)),
    })),
    byOwner: owners
      .map((ownerId) => ({ ownerId, ...group(open.filter((r) => r.ownerId === ownerId)) }))
      .sort((a, b) => b.breached - a.breached || b.atRisk - a.atRisk),
  };
}
