// History exports as tests write them: the export line, then each record's snapshot and events.
import type { HistoryLine } from '../../../shared/src/preview/index.js';
import type { HandoffEvent, RecordSnapshot } from '../../../shared/src/shapes/index.js';

export interface RecordWithHistory {
  record: RecordSnapshot;
  /** Field changes as the CRM's property history records them. */
  fields?: { field: string; value: unknown; at: number }[];
}

/** Each record's stage entries and handoff events written as their own lines after its snapshot. */
export function exportLines(
  exportedAt: number,
  records: readonly RecordWithHistory[],
): HistoryLine[] {
  const lines: HistoryLine[] = [
    { type: 'export', format: 'handoff-history', version: 1, crm: 'hubspot', exportedAt },
  ];
  for (const { record, fields = [] } of records) {
    const { recordId } = record;
    lines.push({
      type: 'snapshot',
      record: {
        ...record,
        stageHistory: [],
        handoffs: Object.fromEntries(
          Object.entries(record.handoffs).map(([id, h]) => [id, { ...h, events: [] }]),
        ),
      },
    });
    for (const e of record.stageHistory)
      lines.push({ type: 'stage', recordId, stage: e.stage, at: e.enteredAt });
    for (const [handoff, state] of Object.entries(record.handoffs))
      for (const event of state.events) lines.push({ type: 'handoff', recordId, handoff, event });
    for (const f of fields) lines.push({ type: 'field', recordId, ...f });
  }
  return lines;
}

export function event(type: HandoffEvent['type'], at: number, by = 'u-rep'): HandoffEvent {
  return {
    type,
    at,
    by,
    actionId: `${type}-${at}`,
    details: type === 'rejected' ? { reason: 'missing_information' } : {},
  };
}
