// When an SLA's timer starts, stops and pauses on one record, from stage history, handoff events
// and date fields. The latest start wins: a record that re-enters a stage starts a new timer.
import { stopsOf, type Playbook, type SlaDef, type SlaStop } from '../playbook/schema.js';
import { coerce } from '../rules/coerce.js';
import type { HandoffEvent } from '../shapes/handoff-state.js';
import type { RecordSnapshot } from '../shapes/snapshot.js';

export interface TimerInputs {
  startedAt: number;
  completedAt: number | null;
  pauses: { from: number; to: number | null }[];
}

export function timerInputs(
  playbook: Playbook,
  sla: SlaDef,
  record: RecordSnapshot,
): TimerInputs | undefined {
  const startedAt = startOf(playbook, sla, record);
  if (startedAt === undefined) return undefined;
  return {
    startedAt,
    completedAt: stopOf(playbook, sla, record, startedAt) ?? null,
    pauses: sla.pause.flatMap((p) =>
      rejectionPauses(record.handoffs[p.handoff]?.events ?? [], startedAt),
    ),
  };
}

function startOf(playbook: Playbook, sla: SlaDef, record: RecordSnapshot): number | undefined {
  const start = sla.start;
  switch (start.on) {
    case 'stage_entered':
      return lastEntry(record, start.stage);
    case 'handoff_opened': {
      const handoff = playbook.handoffs.find((h) => h.id === start.handoff);
      return handoff ? lastEntry(record, handoff.opensAt) : undefined;
    }
    case 'handoff_submitted':
      // The first submission starts the clock; rework after a rejection pauses it rather than restarting it.
      return record.handoffs[start.handoff]?.events.find((e) => e.type === 'submitted')?.at;
    case 'field_date':
      return dateField(playbook, record, start.field);
  }
}

function stopOf(
  playbook: Playbook,
  sla: SlaDef,
  record: RecordSnapshot,
  startedAt: number,
): number | undefined {
  const stops = stopsOf(sla)
    .map((stop) => stopAt(playbook, stop, record, startedAt))
    .filter((at): at is number => at !== undefined);
  return stops.length > 0 ? Math.min(...stops) : undefined;
}

function stopAt(
  playbook: Playbook,
  stop: SlaStop,
  record: RecordSnapshot,
  startedAt: number,
): number | undefined {
  switch (stop.on) {
    case 'stage_left': {
      const entered = record.stageHistory
        .filter((e) => e.stage === stop.stage && e.enteredAt <= startedAt)
        .map((e) => e.enteredAt);
      const since = entered.length > 0 ? Math.max(...entered) : startedAt;
      return record.stageHistory
        .filter((e) => e.stage !== stop.stage && e.enteredAt > since && e.enteredAt >= startedAt)
        .reduce<number | undefined>(
          (first, e) => (first === undefined || e.enteredAt < first ? e.enteredAt : first),
          undefined,
        );
    }
    case 'stage_entered':
      return record.stageHistory.find((e) => e.stage === stop.stage && e.enteredAt >= startedAt)
        ?.enteredAt;
    case 'handoff_accepted':
      return record.handoffs[stop.handoff]?.events.find(
        (e) => e.type === 'accepted' && e.at >= startedAt,
      )?.at;
    case 'handoff_submitted':
      return record.handoffs[stop.handoff]?.events.find(
        (e) => e.type === 'submitted' && e.at >= startedAt,
      )?.at;
    case 'field_set': {
      const at = dateField(playbook, record, stop.field);
      return at !== undefined && at >= startedAt ? at : undefined;
    }
    case 'first_activity':
      return (record.activities ?? []).reduce<number | undefined>(
        (first, at) => (at >= startedAt && (first === undefined || at < first) ? at : first),
        undefined,
      );
  }
}

function lastEntry(record: RecordSnapshot, stage: string): number | undefined {
  let latest: number | undefined;
  for (const entry of record.stageHistory) {
    if (entry.stage === stage && (latest === undefined || entry.enteredAt > latest))
      latest = entry.enteredAt;
  }
  return latest;
}

function dateField(playbook: Playbook, record: RecordSnapshot, field: string): number | undefined {
  const def = playbook.fields[field];
  if (!def) return undefined;
  const value = coerce(def, record.fields[field]);
  return value.kind === 'value' && typeof value.value === 'number' ? value.value : undefined;
}

/** From each rejection until the next submission: the clock waits while sales reworks the handoff. */
function rejectionPauses(
  events: readonly HandoffEvent[],
  startedAt: number,
): TimerInputs['pauses'] {
  const pauses: TimerInputs['pauses'] = [];
  let open: number | undefined;
  for (const event of events) {
    if (event.at < startedAt) continue;
    if (event.type === 'rejected' && open === undefined) open = event.at;
    if (event.type === 'submitted' && open !== undefined) {
      pauses.push({ from: open, to: event.at });
      open = undefined;
    }
  }
  if (open !== undefined) pauses.push({ from: open, to: null });
  return pauses;
}
