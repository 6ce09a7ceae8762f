// Card load: one CRM read for the deal (roles are cached), handoff state from the store, the core's view.
import { evaluateRecord, type CompanyView, type RecordView } from '@handoff/shared';
import type { Deps } from '../deps.js';
import { dealSnapshot } from '../hubspot/mapping.js';
import { resolveContext, type Caller, type PortalContext } from './context.js';
import { checkRecordId } from './bounds.js';
import { UseCaseError } from './errors.js';
import { withPeople } from './people.js';

export async function getRecordView(
  deps: Deps,
  caller: Caller,
  objectType: string,
  objectId: string,
): Promise<RecordView | CompanyView> {
  checkRecordId(objectId);
  const context = await resolveContext(deps, caller);
  if (objectType === 'deals' || objectType === 'deal')
    return dealView(deps, caller, context, objectId);
  if (objectType === 'companies' || objectType === 'company')
    return companyView(deps, caller, context, objectId);
  // The type is not echoed: a refusal never repeats what the request sent.
  throw new UseCaseError(404, 'not_found', 'Handoff shows deals and companies only.');
}

export async function dealView(
  deps: Deps,
  caller: Caller,
  context: PortalContext,
  dealId: string,
): Promise<RecordView> {
  const snapshot = await readDeal(deps, caller, context, dealId);
  snapshot.handoffs = await deps.store.getHandoffs({
    portalId: caller.portalId,
    objectType: 'deal',
    recordId: dealId,
  });
  const view = evaluateRecord(context.playbook, snapshot, context.viewer, deps.clock.now());
  return withPeople(deps, caller.portalId, view);
}

export async function readDeal(deps: Deps, caller: Caller, context: PortalContext, dealId: string) {
  const settings = await deps.store.getSettings(caller.portalId);
  const deal = await context.crm.getDeal(
    dealId,
    context.playbook,
    Object.values(settings?.stageProperties ?? {}),
  );
  if (!deal)
    throw new UseCaseError(404, 'not_found', `There is no deal ${dealId} in this HubSpot account.`);
  const transitions = await deps.store.transitionsOf(caller.portalId, dealId);
  const result = dealSnapshot(context.playbook, deal, {
    stageProperties: settings?.stageProperties ?? {},
    transitions,
  });
  if (!result.ok) {
    throw new UseCaseError(
      422,
      'not_covered',
      'This deal is in a pipeline or stage the playbook does not cover.',
      {
        pipeline: result.pipeline,
        stage: result.stage,
      },
    );
  }
  return result.snapshot;
}

async function companyView(
  deps: Deps,
  caller: Caller,
  context: PortalContext,
  companyId: string,
): Promise<CompanyView> {
  const deals = await context.crm.getCompanyDeals(companyId, context.playbook);
  if (!deals)
    throw new UseCaseError(
      404,
      'not_found',
      `There is no company ${companyId} in this HubSpot account.`,
    );
  const snapshots = deals
    .map((d) => dealSnapshot(context.playbook, d))
    .flatMap((r) => (r.ok ? [r.snapshot] : []));
  const states = await deps.store.getHandoffsOfRecords(
    caller.portalId,
    'deal',
    snapshots.map((s) => s.recordId),
  );
  const now = deps.clock.now();
  return {
    deals: await Promise.all(
      snapshots.map((s) =>
        withPeople(
          deps,
          caller.portalId,
          evaluateRecord(
            context.playbook,
            { ...s, handoffs: states.get(s.recordId) ?? {} },
            context.viewer,
            now,
          ),
        ),
      ),
    ),
  };
}
