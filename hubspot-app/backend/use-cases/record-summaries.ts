// Keeping the store's record summaries (name + snapshot, read from HubSpot) that the queue and the
// dashboard pages read instead of HubSpot. The card refreshes a deal on every read (readDeal), the
// scanner every deal it evaluates (stages where a timer can run); this refresh reads every deal in
// every stage the playbook maps (won and lost deals too, for the dashboard's metrics), one search
// call per 200 deals. The service runs it after the scanner's full scans, and reads what changed
// after every other scan (scanner/summarizing.ts); the sandbox also runs it after each scan.
import { pipelineStagesOf, type Playbook } from '@handoff/shared';
import type { Deps } from '../deps.js';
import type { Crm } from '../hubspot/crm.js';
import { dealProperties, dealSnapshot, type HubSpotObject } from '../hubspot/mapping.js';
import type { RecordSummary } from '../store/index.js';

/** HubSpot's search answers at most 200 results a page. */
export const SUMMARY_PAGE = 200;

/** Snapshots of these deals as just read, ready to store; deals the playbook does not map are left out. */
export async function summariesOf(
  deps: Pick<Deps, 'store'>,
  portalId: string,
  playbook: Playbook,
  deals: readonly HubSpotObject[],
  stageProperties: Record<string, string>,
): Promise<Omit<RecordSummary, 'seenAt'>[]> {
  const history = await deps.store.transitionsOfDeals(
    portalId,
    deals.map((d) => d.id),
  );
  return deals.flatMap((deal) => {
    const result = dealSnapshot(playbook, deal, {
      stageProperties,
      transitions: history.get(deal.id) ?? [],
    });
    return result.ok
      ? [{ objectType: 'deal', recordId: deal.id, name: result.name, snapshot: result.snapshot }]
      : [];
  });
}

/** Reads every mapped deal once and stores its summary; answers how many deals and CRM calls. */
export async function refreshRecordSummaries(
  deps: Pick<Deps, 'store' | 'clock'>,
  crm: Crm,
  portalId: string,
  playbook: Playbook,
): Promise<{ deals: number; calls: number }> {
  const settings = await deps.store.getSettings(portalId);
  const stageProperties = settings?.stageProperties ?? {};
  const properties = dealProperties(playbook, stageProperties);
  const byPipeline = mappedStages(playbook);
  let deals = 0;
  let calls = 0;
  for (const [pipeline, stageIds] of byPipeline) {
    let aboveId = '0';
    for (;;) {
      const page = await crm.searchDeals({
        pipeline,
        stageIds: [...stageIds],
        aboveId,
        properties,
        limit: SUMMARY_PAGE,
      });
      calls++;
      const summaries = await summariesOf(deps, portalId, playbook, page, stageProperties);
      await deps.store.putRecordSummaries(portalId, summaries, deps.clock.now());
      deals += summaries.length;
      if (page.length < SUMMARY_PAGE) break;
      aboveId = page[page.length - 1]?.id ?? aboveId;
    }
  }
  return { deals, calls };
}

/** The HubSpot stages the playbook maps, by pipeline. */
function mappedStages(playbook: Playbook): Map<string, Set<string>> {
  const byPipeline = new Map<string, Set<string>>();
  for (const stage of playbook.stages) {
    const pipeline = pipelineStagesOf(stage);
    if (!pipeline) continue;
    const ids = byPipeline.get(pipeline.pipelineId) ?? new Set<string>();
    for (const id of pipeline.stageIds) ids.add(id);
    byPipeline.set(pipeline.pipelineId, ids);
  }
  return byPipeline;
}

/**
 * Stores the summaries of the mapped deals modified at or after `since` (one search call per 200
 * changed deals, whatever their stage): a deal won, lost or moved on since the last refresh is
 * fresh at the next scan, though the scanner reads only stages where a timer can run.
 */
export async function refreshChangedSummaries(
  deps: Pick<Deps, 'store' | 'clock'>,
  crm: Crm,
  portalId: string,
  playbook: Playbook,
  since: number,
): Promise<{ deals: number; calls: number }> {
  const settings = await deps.store.getSettings(portalId);
  const stageProperties = settings?.stageProperties ?? {};
  const properties = dealProperties(playbook, stageProperties);
  let deals = 0;
  let calls = 0;
  let aboveId = '0';
  for (;;) {
    const page = await crm.searchChangedDeals({
      since,
      aboveId,
      properties,
      limit: SUMMARY_PAGE,
    });
    calls++;
    // Deals in stages the playbook does not map have no snapshot and are left out.
    const summaries = await summariesOf(deps, portalId, playbook, page, stageProperties);
    await deps.store.putRecordSummaries(portalId, summaries, deps.clock.now());
    deals += summaries.length;
    if (page.length < SUMMARY_PAGE) break;
    aboveId = page[page.length - 1]?.id ?? aboveId;
  }
  return { deals, calls };
}
