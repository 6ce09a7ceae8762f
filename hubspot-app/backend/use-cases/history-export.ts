// The portal's history as the JSON Lines export `handoff-playbook backtest` reads (core README,
// "History export"): one snapshot line per deal the store holds, with its stage history as HubSpot
// last returned it and every handoff event the store recorded. Field history is not exported (it
// would take a CRM call per deal), so a backtest reads fields at their last-read values and says so.
import { HISTORY_FORMAT, HISTORY_VERSION, historyLine, type HandoffState } from '@handoff/shared';
import type { Deps } from '../deps.js';
import { requireRole } from './access.js';
import { requireCrm, type Caller } from './context.js';

const HANDOFF_READ_CHUNK = 1_000;

/**
 * Answered as JSON (`{ filename, jsonl }`), as every route behind hubspot.fetch is; `jsonl` is the
 * file's text, to be written as it is.
 */
export async function exportHistory(
  deps: Deps,
  caller: Caller,
): Promise<{ filename: string; jsonl: string }> {
  await requireCrm(deps, caller.portalId);
  await requireRole(deps, caller, 'export the history', ['admin']);
  const lines = [
    historyLine({
      type: 'export',
      format: HISTORY_FORMAT,
      version: HISTORY_VERSION,
      crm: 'hubspot',
      exportedAt: deps.clock.now(),
    }),
  ];
  const summaries = await deps.store.recordSummaries(caller.portalId, 'deal');
  for (let i = 0; i < summaries.length; i += HANDOFF_READ_CHUNK) {
    const chunk = summaries.slice(i, i + HANDOFF_READ_CHUNK);
    const handoffs: Map<
      string,
      Record<string, HandoffState>
    > = await deps.store.getHandoffsOfRecords(
      caller.portalId,
      'deal',
      chunk.map((s) => s.recordId),
    );
    for (const summary of chunk)
      lines.push(
        historyLine({
          type: 'snapshot',
          record: { ...summary.snapshot, handoffs: handoffs.get(summary.recordId) ?? {} },
        }),
      );
  }
  const day = new Date(deps.clock.now()).toISOString().slice(0, 10);
  return {
    filename: `handoff-history-${caller.portalId}-${day}.jsonl`,
    jsonl: `${lines.join('\n')}\n`,
  };
}
