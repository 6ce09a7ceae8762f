// Card load: one CRM read for the deal (roles are cached), handoff state from the store, the core's view.
import {
  evaluateRecord,
  objectsOf,
  type CompanyView,
  type HandoffState,
  type RecordObject,
  type RecordSnapshot,
  type RecordView,
} from '@handoff/shared';
import type { Deps } from '../deps.js';
import { companySnapshot } from '../hubspot/company-mapping.js';
import { contactSnapshot } from '../hubspot/contact-mapping.js';
import { dealProperties, dealSnapshot } from '../hubspot/mapping.js';
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
  if (objectType === 'contacts' || objectType === 'contact')
    return contactView(deps, caller, context, objectId);
  // The type is not echoed: a refusal never repeats what the request sent.
  throw new UseCaseError(404, 'not_found', 'Handoff shows contacts, deals and companies only.');
}

/**
 * A contact's marketing → sales handoff: its stage from its lifecycle stage, the speed-to-lead
 * clock stopped by its first touch. Handoff state is stored under the contact, apart from deals.
 */
export async function contactView(
  deps: Deps,
  caller: Caller,
  context: PortalContext,
  contactId: string,
): Promise<RecordView> {
  const read = await readNamedContact(context, contactId);
  await rememberRecord(deps, caller.portalId, 'contact', contactId, read);
  const { snapshot } = read;
  snapshot.handoffs = await deps.store.getHandoffs({
    portalId: caller.portalId,
    objectType: 'contact',
    recordId: contactId,
  });
  const view = evaluateRecord(context.playbook, snapshot, context.viewer, deps.clock.now());
  return withPeople(deps, caller.portalId, view);
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

/** A contact as the core reads it, with its name; a 404 or 422 sentence when it cannot be. */
export async function readNamedContact(context: PortalContext, contactId: string) {
  const result = contactSnapshot(
    context.playbook,
    found('contact', contactId, await context.crm.getContact(contactId, context.playbook)),
  );
  if (!result.ok) throw notCovered('contact', result, 'not one the playbook follows on contacts');
  return { snapshot: result.snapshot, name: result.name };
}

/** A company as the core reads it, with its name; a 404 or 422 sentence when it cannot be. */
export async function readNamedCompany(context: PortalContext, companyId: string) {
  const result = companySnapshot(
    context.playbook,
    found('company', companyId, await context.crm.getCompany(companyId, context.playbook)),
  );
  if (!result.ok)
    throw notCovered(
      'company',
      result,
      'not one the playbook follows on companies, so it has no expansion handoff',
    );
  return { snapshot: result.snapshot, name: result.name };
}

/** The record HubSpot answered, or the 404 sentence when it has none by that id. */
function found<T>(noun: string, id: string, record: T | null): T {
  if (!record)
    throw new UseCaseError(404, 'not_found', `There is no ${noun} ${id} in this HubSpot account.`);
  return record;
}

/** The 422 sentence for a record whose stage property holds a value the playbook does not map. */
function notCovered(
  noun: string,
  result: { property: string; value?: string | null | undefined },
  why: string,
): UseCaseError {
  const value = result.value ?? 'empty';
  const what = result.property === 'lifecyclestage' ? 'lifecycle stage' : result.property;
  return new UseCaseError(422, 'not_covered', `This ${noun}'s ${what} (${value}) is ${why}.`, {
    property: result.property,
    value,
  });
}

/**
 * The company's own view (its expansion handoff, stored under the company), or the sentence that
 * says why it has none; nothing is read when the playbook follows no company stage.
 */
async function companyOwnView(
  deps: Deps,
  caller: Caller,
  context: PortalContext,
  companyId: string,
): Promise<Pick<CompanyView, 'company' | 'companyNote'>> {
  if (!objectsOf(context.playbook).includes('company')) return {};
  let read;
  try {
    read = await readNamedCompany(context, companyId);
  } catch (error) {
    if (error instanceof UseCaseError && error.status === 422)
      return { companyNote: error.message };
    throw error;
  }
  await rememberRecord(deps, caller.portalId, 'company', companyId, read);
  const snapshot = {
    ...read.snapshot,
    handoffs: await deps.store.getHandoffs({
      portalId: caller.portalId,
      objectType: 'company',
      recordId: companyId,
    }),
  };
  const view = evaluateRecord(context.playbook, snapshot, context.viewer, deps.clock.now());
  return { company: await withPeople(deps, caller.portalId, view) };
}

export async function readDeal(deps: Deps, caller: Caller, context: PortalContext, dealId: string) {
  return (await readNamedDeal(deps, caller, context, dealId)).snapshot;
}

/**
 * readDeal, with the deal's name as HubSpot shows it (tasks name the record). `remember` keeps the
 * read as the deal's record summary (what the queue and dashboard show); an action passes false and
 * remembers only once it is applied, so a refused request stores nothing.
 */
export async function readNamedDeal(
  deps: Deps,
  caller: Caller,
  context: PortalContext,
  dealId: string,
  remember = true,
) {
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
  if (remember) await rememberRecord(deps, caller.portalId, 'deal', dealId, result);
  return { snapshot: result.snapshot, name: result.name };
}

/** What the queue and the dashboard show of this record, as fresh as this read. */
export async function rememberRecord(
  deps: Deps,
  portalId: string,
  objectType: RecordObject,
  recordId: string,
  read: { name: string; snapshot: RecordSnapshot },
): Promise<void> {
  await deps.store.putRecordSummaries(
    portalId,
    [{ objectType, recordId, name: read.name, snapshot: read.snapshot }],
    deps.clock.now(),
  );
}

// hubspot.fetch: "Each request has a maximum timeout of 15 seconds. Both request and response
// payloads are limited to 1MB", retried once on a 5XX within the window
// (https://developers.hubspot.com/docs/guides/crm/public-apps/fetching-data).
/** Deals read from HubSpot at most per company view (the ids are paged 500 per call). */
export const COMPANY_MAX_DEALS = 5_000;
/** Deals read in full: one batch read, the most likely to be urgent by what the store holds. */
export const COMPANY_CANDIDATES = 100;
/** Deals answered: the card lists these and says how many more there are. */
export const COMPANY_SHOWN = 25;

/** Where a deal's stored handoffs put it in line for a read: someone waiting on it goes first. */
const STORED_URGENCY: Record<string, number> = {
  submitted: 0,
  rejected: 1,
  in_progress: 2,
  not_started: 3,
};
const NONE_STORED = 3;
const TIMER_URGENCY = ['breached', 'at_risk', 'running', 'paused', 'pending', 'met_late', 'met'];

/**
 * A company card within hubspot.fetch's limits however many deals the company has: at most
 * COMPANY_MAX_DEALS ids (10 calls), one batch read of the COMPANY_CANDIDATES deals whose stored
 * handoffs say someone is waiting, and the COMPANY_SHOWN most urgent of those by their timers.
 */
async function companyView(
  deps: Deps,
  caller: Caller,
  context: PortalContext,
  companyId: string,
): Promise<CompanyView> {
  const own = await companyOwnView(deps, caller, context, companyId);
  const found = await context.crm.companyDealIds(companyId, COMPANY_MAX_DEALS);
  if (!found)
    throw new UseCaseError(
      404,
      'not_found',
      `There is no company ${companyId} in this HubSpot account.`,
    );
  const stored = new Map<string, Record<string, HandoffState>>();
  for (let i = 0; i < found.ids.length; i += 1_000) {
    const chunk = await deps.store.getHandoffsOfRecords(
      caller.portalId,
      'deal',
      found.ids.slice(i, i + 1_000),
    );
    for (const [id, handoffs] of chunk) stored.set(id, handoffs);
  }
  const rank = (id: string) =>
    Math.min(
      NONE_STORED + 1,
      ...Object.values(stored.get(id) ?? {}).map(
        (h) => STORED_URGENCY[h.status] ?? NONE_STORED + 1,
      ),
      ...(stored.has(id) ? [] : [NONE_STORED]),
    );
  // Newest deals first among equals: HubSpot ids grow with creation.
  const candidates = [...found.ids]
    .sort((a, b) => rank(a) - rank(b) || Number(b) - Number(a) || b.localeCompare(a))
    .slice(0, COMPANY_CANDIDATES);
  const settings = await deps.store.getSettings(caller.portalId);
  const stageProperties = settings?.stageProperties ?? {};
  const deals = await context.crm.readDeals(
    candidates,
    dealProperties(context.playbook, stageProperties),
  );
  const now = deps.clock.now();
  const read = deals
    .map((d) => dealSnapshot(context.playbook, d, { stageProperties }))
    .flatMap((r) => (r.ok ? [r] : []));
  const names = new Map(read.map((r) => [r.snapshot.recordId, r.name]));
  const views = read
    .map((r) => r.snapshot)
    .map((s) =>
      evaluateRecord(
        context.playbook,
        { ...s, handoffs: stored.get(s.recordId) ?? {} },
        context.viewer,
        now,
      ),
    )
    // Deals with handoffs first (the card lists handoffs), then by their most urgent timer.
    .sort(
      (a, b) =>
        Number(a.handoffs.length === 0) - Number(b.handoffs.length === 0) ||
        urgency(a) - urgency(b) ||
        nextDue(a) - nextDue(b),
    );
  const shown = views.slice(0, COMPANY_SHOWN);
  const notShown = found.ids.length - shown.length;
  return {
    ...own,
    deals: await Promise.all(shown.map((view) => withPeople(deps, caller.portalId, view))),
    dealNames: Object.fromEntries(
      shown.map((view) => [view.record.recordId, names.get(view.record.recordId) ?? '']),
    ),
    ...(notShown > 0 || !found.complete
      ? { more: { deals: notShown, atLeast: !found.complete } }
      : {}),
  };
}

function urgency(view: RecordView): number {
  const ranks = view.timers.map((t) => TIMER_URGENCY.indexOf(t.state));
  return Math.min(TIMER_URGENCY.length, ...ranks.filter((r) => r >= 0));
}

function nextDue(view: RecordView): number {
  return Math.min(
    Number.MAX_SAFE_INTEGER,
    ...view.timers.flatMap((t) => (t.dueAt === null ? [] : [t.dueAt])),
  );
}
