// An accepted expansion becomes a deal: the AE names one of the company's deals, or Handoff creates
// one associated with the company. The deal's id goes into the accept (details.linkedRecordId), so
// the handoff records which deal it became. Created before the accept is stored, tagged with a key
// that is the same for every accept of one submission: a retried accept — the same actionId, or a
// new click after a half-way failure — finds that deal and never creates a second.
import {
  objectsOf,
  pipelineStagesOf,
  scopedPlaybook,
  type HandoffRequest,
  type HandoffState,
  type Playbook,
} from '@handoff/shared';
import { CrmError } from '../hubspot/crm.js';
import type { PortalContext } from './context.js';
import { UseCaseError } from './errors.js';
import { COMPANY_MAX_DEALS } from './record-view.js';

export interface ExpansionAccept {
  companyId: string;
  companyName: string;
  request: HandoffRequest;
  /** The handoff as stored before the accept. */
  state: HandoffState | undefined;
  /** The accepting AE's HubSpot owner id, when the AE is an owner: the new deal's owner. */
  ownerId: string | undefined;
}

/** The request with the deal it links: the one it names (checked to be the company's) or a new one. */
export async function withExpansionDeal(
  context: PortalContext,
  accept: ExpansionAccept,
): Promise<HandoffRequest> {
  const { request, companyId } = accept;
  if (request.action.type !== 'accept') return request;
  const named = request.action.linkedRecordId;
  if (named !== undefined) {
    const deals = await context.crm.companyDealIds(companyId, COMPANY_MAX_DEALS);
    if (!deals?.ids.includes(named))
      throw new UseCaseError(
        400,
        'bad_request',
        `Deal ${named} is not one of this company's deals; choose one of its deals, or accept without one and Handoff creates the deal.`,
        { linkedRecordId: named },
      );
    return request;
  }
  const key = expansionDealKey(accept);
  let dealId: string;
  try {
    dealId =
      (await context.crm.findDealByKey(key)) ??
      (await context.crm.createCompanyDeal(
        companyId,
        dealProperties(context.playbook, accept),
        key,
      ));
  } catch (error) {
    if (!(error instanceof CrmError)) throw error;
    throw new UseCaseError(
      error.status === 429 ? 429 : 502,
      error.status === 429 ? 'rate_limited' : 'internal',
      `HubSpot did not create the expansion's deal (${error.message}) The expansion is not accepted yet and nothing was lost: accept again.`,
    );
  }
  return { ...request, action: { ...request.action, linkedRecordId: dealId } };
}

/** One key per submission of the expansion on the company: every accept of it finds the same deal. */
export function expansionDealKey(accept: Pick<ExpansionAccept, 'companyId' | 'request' | 'state'>) {
  const submission =
    accept.state?.events.findLast((e) => e.type === 'submitted')?.actionId ??
    accept.request.actionId;
  return `expansion:${accept.companyId}:${accept.request.handoffId}:${submission}`;
}

/**
 * Where a new expansion deal starts: the first deal stage that opens no handoff and starts no SLA
 * (the AE already owns the deal: no SDR handoff, no SDR clock), else the first deal stage.
 */
export function expansionDealStage(
  playbook: Playbook,
): { pipelineId: string; stageId: string } | undefined {
  if (!objectsOf(playbook).includes('deal')) return undefined;
  const deals = scopedPlaybook(playbook, 'deal');
  const claimed = new Set([
    ...deals.handoffs.map((h) => h.opensAt),
    ...deals.slas.flatMap((s) => (s.start.on === 'stage_entered' ? [s.start.stage] : [])),
  ]);
  const mapped = deals.stages.filter((s) => pipelineStagesOf(s)?.stageIds[0] !== undefined);
  const stage = mapped.find((s) => !claimed.has(s.id)) ?? mapped[0];
  const hubspot = stage && pipelineStagesOf(stage);
  const stageId = hubspot?.stageIds[0];
  return hubspot && stageId ? { pipelineId: hubspot.pipelineId, stageId } : undefined;
}

function dealProperties(playbook: Playbook, accept: ExpansionAccept): Record<string, string> {
  const stage = expansionDealStage(playbook);
  if (!stage)
    throw new UseCaseError(
      422,
      'not_covered',
      "The playbook maps no HubSpot deal stage, so Handoff cannot create the expansion's deal; accept naming one of the company's deals.",
    );
  const handoff = playbook.handoffs.find((h) => h.id === accept.request.handoffId);
  const checklist = playbook.checklists.find((c) => c.id === handoff?.checklist);
  // The brief CS wrote, so the AE reads it on the deal.
  const answered = (checklist?.items ?? []).flatMap((item) => {
    const value = accept.state?.items[item.id]?.value;
    return value === undefined || value === null || value === '' ? [] : [{ item, value }];
  });
  const brief = answered.map(({ item, value }) => `${item.label}: ${value}`);
  // Answers the playbook routes to a deal field (the estimated size → amount) fill its property.
  const fields = Object.fromEntries(
    answered.flatMap(({ item, value }) => {
      const property = item.dealField && playbook.fields[item.dealField]?.hubspot;
      return property ? [[property, String(value)]] : [];
    }),
  );
  return {
    dealname: `${accept.companyName} — ${handoff?.label ?? 'expansion'}`,
    pipeline: stage.pipelineId,
    dealstage: stage.stageId,
    ...fields,
    ...(brief.length > 0 ? { description: brief.join('\n') } : {}),
    ...(accept.ownerId ? { hubspot_owner_id: accept.ownerId } : {}),
  };
}
