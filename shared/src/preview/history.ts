// The history export: JSON Lines of snapshots and events, grouped per record, read one record at a
// time so a backtest holds one record's history in memory, never the whole export.
import { HandoffEventType, type HandoffEvent } from '../shapes/handoff-state.js';
import type { RecordSnapshot } from '../shapes/snapshot.js';

export const HISTORY_FORMAT = 'handoff-history';
export const HISTORY_VERSION = 1;

/** The optional first line: what wrote the export and when. */
export interface HistoryHeader {
  type: 'export';
  format: typeof HISTORY_FORMAT;
  version: typeof HISTORY_VERSION;
  crm?: 'hubspot' | 'salesforce';
  /** When the export was written (epoch ms): the replay's "now" when no window end is given. */
  exportedAt?: number;
}

/** Opens a record: the record as it stands at the export. Its events follow, until the next snapshot. */
export interface HistorySnapshotLine {
  type: 'snapshot';
  record: RecordSnapshot;
}

/** The record entered a stage (added to the snapshot's own stage history). */
export interface HistoryStageLine {
  type: 'stage';
  recordId: string;
  stage: string;
  at: number;
}

/** A handoff event (added to the snapshot's own events of that handoff). */
export interface HistoryHandoffLine {
  type: 'handoff';
  recordId: string;
  handoff: string;
  event: HandoffEvent;
}

/** A field took this value at `at` (CRM property / field history). */
export interface HistoryFieldLine {
  type: 'field';
  recordId: string;
  field: string;
  value: unknown;
  at: number;
}

export type HistoryLine =
  HistoryHeader | HistorySnapshotLine | HistoryStageLine | HistoryHandoffLine | HistoryFieldLine;

/** One record's whole history: its snapshot with every stage entry and handoff event merged in. */
export interface RecordHistory {
  record: RecordSnapshot;
  /** Field values over time, oldest first; a field without lines has no history. */
  fieldHistory: Map<string, { at: number; value: unknown }[]>;
}

/** A line the export cannot hold, with its line number and what was wrong. */
export class HistoryError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`history line ${line}: ${message}`);
    this.name = 'HistoryError';
  }
}

const INSTANT = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const TEXT = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const OBJECT = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Reads one line (text or already-parsed JSON); throws HistoryError naming the line and the field. */
export function parseHistoryLine(input: unknown, line: number): HistoryLine {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw new HistoryError(line, 'is not JSON (one JSON object per line).');
    }
  }
  if (!OBJECT(value)) throw new HistoryError(line, 'must be a JSON object.');
  const bad = (field: string, what: string): never => {
    throw new HistoryError(line, `${String(value.type)} line needs ${field} as ${what}.`);
  };
  switch (value.type) {
    case 'export':
      if (value.format !== HISTORY_FORMAT || value.version !== HISTORY_VERSION)
        throw new HistoryError(
          line,
          `is an export of format ${JSON.stringify(value.format)} version ${JSON.stringify(value.version)}; this reads "${HISTORY_FORMAT}" version ${HISTORY_VERSION}.`,
        );
      if (value.exportedAt !== undefined && !INSTANT(value.exportedAt))
        bad('exportedAt', 'epoch milliseconds');
      return value as unknown as HistoryHeader;
    case 'snapshot': {
      const r = value.record;
      if (!OBJECT(r)) return bad('record', 'an object');
      if (!TEXT(r.recordId)) bad('record.recordId', 'text');
      if (typeof r.stage !== 'string') bad('record.stage', 'text');
      if (!OBJECT(r.fields)) bad('record.fields', 'an object');
      if (!Array.isArray(r.stageHistory)) bad('record.stageHistory', 'a list');
      if (!OBJECT(r.handoffs)) bad('record.handoffs', 'an object');
      return value as unknown as HistorySnapshotLine;
    }
    case 'stage':
      if (!TEXT(value.recordId)) bad('recordId', 'text');
      if (typeof value.stage !== 'string') bad('stage', 'text');
      if (!INSTANT(value.at)) bad('at', 'epoch milliseconds');
      return value as unknown as HistoryStageLine;
    case 'handoff':
      if (!TEXT(value.recordId)) bad('recordId', 'text');
      if (!TEXT(value.handoff)) bad('handoff', 'a handoff id');
      if (!isHandoffEvent(value.event))
        bad('event', 'a handoff event ({ type, at, by, actionId, details })');
      return value as unknown as HistoryHandoffLine;
    case 'field':
      if (!TEXT(value.recordId)) bad('recordId', 'text');
      if (!TEXT(value.field)) bad('field', 'a field name');
      if (!INSTANT(value.at)) bad('at', 'epoch milliseconds');
      return value as unknown as HistoryFieldLine;
    default:
      throw new HistoryError(
        line,
        `has type ${JSON.stringify(value.type)}; expected export, snapshot, stage, handoff or field.`,
      );
  }
}

const EVENT_TYPES = new Set<string>(HandoffEventType.options);

// By hand rather than through the zod schema: an export holds millions of events.
function isHandoffEvent(e: unknown): e is HandoffEvent {
  return (
    OBJECT(e) &&
    EVENT_TYPES.has(e.type as string) &&
    INSTANT(e.at) &&
    typeof e.by === 'string' &&
    typeof e.actionId === 'string' &&
    OBJECT(e.details)
  );
}

export type HistorySource = Iterable<unknown> | AsyncIterable<unknown>;

/**
 * Groups the export's lines into records, one at a time. Lines of one record are contiguous: its
 * snapshot, then its events in any order. The header, when present, is reported to `onHeader`.
 */
export async function* recordHistories(
  source: HistorySource,
  onHeader?: (header: HistoryHeader) => void,
): AsyncGenerator<RecordHistory> {
  let current: RecordHistory | undefined;
  let lineNumber = 0;
  for await (const raw of source as AsyncIterable<unknown>) {
    lineNumber++;
    if (typeof raw === 'string' && raw.trim() === '') continue;
    const line = parseHistoryLine(raw, lineNumber);
    if (line.type === 'export') {
      if (lineNumber !== 1) throw new HistoryError(lineNumber, 'the export line must come first.');
      onHeader?.(line);
      continue;
    }
    if (line.type === 'snapshot') {
      if (current) yield finish(current);
      current = open(line.record);
      continue;
    }
    if (!current || line.recordId !== current.record.recordId)
      throw new HistoryError(
        lineNumber,
        `is an event of record ${JSON.stringify(line.recordId)}, which is not the record whose snapshot came last${current ? ` (${JSON.stringify(current.record.recordId)})` : ''}: each record's events follow its snapshot.`,
      );
    add(current, line);
  }
  if (current) yield finish(current);
}

function open(record: RecordSnapshot): RecordHistory {
  // Copies, so adding events never writes into the caller's objects.
  return {
    record: {
      ...record,
      stageHistory: [...record.stageHistory],
      handoffs: Object.fromEntries(
        Object.entries(record.handoffs).map(([id, h]) => [id, { ...h, events: [...h.events] }]),
      ),
    },
    fieldHistory: new Map(),
  };
}

function add(
  history: RecordHistory,
  line: HistoryStageLine | HistoryHandoffLine | HistoryFieldLine,
): void {
  const { record } = history;
  if (line.type === 'stage') record.stageHistory.push({ stage: line.stage, enteredAt: line.at });
  else if (line.type === 'handoff') {
    const state = (record.handoffs[line.handoff] ??= {
      status: 'not_started',
      version: 0,
      items: {},
      events: [],
    });
    state.events.push(line.event);
  } else {
    const values = history.fieldHistory.get(line.field) ?? [];
    values.push({ at: line.at, value: line.value });
    history.fieldHistory.set(line.field, values);
  }
}

function finish(history: RecordHistory): RecordHistory {
  history.record.stageHistory.sort((a, b) => a.enteredAt - b.enteredAt);
  for (const state of Object.values(history.record.handoffs))
    state.events.sort((a, b) => a.at - b.at);
  for (const values of history.fieldHistory.values()) values.sort((a, b) => a.at - b.at);
  return history;
}

/** One history line as the export writes it. */
export function historyLine(line: HistoryLine): string {
  return JSON.stringify(line);
}
