// The SLA scanner: every live timer of a portal watched, every escalation executed exactly once,
// SLA status written back for HubSpot's own reports — within the portal's rate budget.
import {
  escalationKey,
  escalationTasks,
  evaluateRecord,
  nextTimerChangeAt,
  objectOfStage,
  objectsOf,
  planEscalations,
  playbookFingerprint,
  stagesWithLiveTimers,
  tasksToClose,
  type EscalationAction,
  type HandoffState,
  type Playbook,
  type RecordObject,
  type RecordSnapshot,
  type RecordView,
  type TimerView,
} from '@handoff/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.js';
import {
  CrmError,
  HISTORY_BATCH,
  updateRecord,
  type Crm,
  type EngagementTarget,
} from '../hubspot/crm.js';
import { companySnapshot } from '../hubspot/company-mapping.js';
import { contactSnapshot, type HubSpotContact } from '../hubspot/contact-mapping.js';
import type { HubSpotObjectWithHistory } from '../hubspot/lifecycle-mapping.js';
import { dealProperties, dealSnapshot, type HubSpotObject } from '../hubspot/mapping.js';
import { recipientsOf, taskProperties } from '../hubspot/task-properties.js';
import type { RoleResolver } from '../hubspot/roles.js';
import { NEXT_DUE, slaMirrorNames, slaProperty } from '../hubspot/mirror-names.js';
import { hasOpenTasks, openTaskKeys, type OutboxPeople } from '../outbox/items.js';
import { mirroredIn, type PortalSettings, type RecordSummary, type Store } from '../store/index.js';
import type { RateBudget } from './budget.js';
import { candidateCompanyValues, candidateContactValues, candidateStages } from './candidates.js';

export const SEARCH_PAGE = 200;
export const BATCH = 100;
/** Task keys per completion: one search (IN takes up to 100 values, a page 100 results) and one batch update. */
export const COMPLETE_BATCH = 100;
/** A scan's hold on its portal, renewed every page: a dead instance's portal is free after this. */
export const LEASE_MS = 5 * 60_000;
/** A full scan of every candidate at least this often, to catch what a missed change hid. */
export const RECONCILE_EVERY_MS = 24 * 3_600_000;
/**
 * The change search reaches this far behind the last scan's start: a record HubSpot indexes for
 * search a little after it changed is still found (found twice, it is read once per version).
 */
export const CHANGE_LAG_MS = 5 * 60_000;
/** Moved by every change to a deal: the version a scan last read it at. */
const VERSION_PROPERTY = 'hs_lastmodifieddate';
const RETRIES = 6;
const SYSTEM_VIEWER = { userId: 'handoff-scanner', roles: [] };

export interface ScanReport {
  portalId: string;
  /** A full scan read every candidate; a change-driven one what changed or came due. */
  mode?: 'full' | 'changes';
  skipped?: 'no_installation' | 'no_playbook' | 'leased';
  deals: number;
  /** Contacts read and judged (every scan reads every contact in a stage where a timer can run). */
  contacts: number;
  /** Companies read and judged (those holding an open handoff, or an open escalation). */
  companies: number;
  escalations: number;
  statusWrites: number;
  /** Every API call of the scan, completions included. */
  apiCalls: number;
  /** Escalations whose SLA was met since they were raised: their open tasks were completed. */
  escalationsClosed: number;
  /** Tasks this scan marked completed. */
  tasksCompleted: number;
  /** The calls of those completions (a search, and a batch update when some were still open). */
  completionCalls: number;
  /**
   * Handoffs whose review or rework tasks were completed because their record (deal, contact or
   * company) left the stages where the handoff is due (nobody is asked for them any more).
   */
  handoffsSettled: number;
}

export interface ScannerOptions {
  store: Store;
  clock: Clock;
  /** A CRM client without its own retries: the scanner paces itself through the budget. */
  crmFor(portalId: string): Promise<Crm | null>;
  playbookFor(portalId: string): Promise<Playbook | null>;
  roles: RoleResolver;
  budget: RateBudget;
  log: FastifyBaseLogger;
  /** Waits; the sandbox and tests pass one that moves their manual clock. */
  sleep(ms: number): Promise<void>;
  /** Identifies this instance's lease. */
  holder: string;
  /** false: every scan reads every candidate (as before issue 21; the differential test's reference). */
  changeDriven?: boolean;
  /** How often a change-driven scanner still reads every candidate (default RECONCILE_EVERY_MS). */
  reconcileEveryMs?: number;
  /**
   * Provisions a portal again (idempotent). The scanner calls it once for a portal provisioned
   * before contacts and companies carried Handoff's properties, so they get them without waiting
   * for an admin to save the playbook.
   */
  provision?(portalId: string): Promise<void>;
}

/** What one scan of one portal carries from page to page. */
interface Cycle {
  portalId: string;
  playbook: Playbook;
  stageProps: Record<string, string>;
  crm: Crm;
  report: ScanReport;
  properties: string[];
  done: Map<string, 'started' | 'done'>;
  closing: Closing;
  writes: { id: string; properties: Record<string, string> }[];
  /** The objects whose mirror properties the portal has (so writing them cannot be refused). */
  mirrored: readonly RecordObject[];
  /** Contacts' and companies' SLA mirror writes waiting for a full batch. */
  lifecycleWrites: Record<
    'contact' | 'company',
    { id: string; properties: Record<string, string> }[]
  >;
  /** Whether per-deal next instants and versions are kept (change-driven scanning). */
  watched: boolean;
  /** Who holds each role, read when a settled handoff's task keys are first needed. */
  people?: OutboxPeople;
}

export class Scanner {
  constructor(private readonly options: ScannerOptions) {}

  /**
   * Scans one portal under its lease. Change-driven (the default): only the deals that changed
   * since the last scan (in HubSpot, by `hs_lastmodifieddate`; in the store, by an action or a
   * webhook) and those whose timers reach their next instant are read; a full scan of every
   * candidate runs first, when the playbook or stage mapping changed, at least every
   * `reconcileEveryMs`, or when `full` is asked.
   */
  async scanPortal(portalId: string, options: { full?: boolean } = {}): Promise<ScanReport> {
    const { store, clock } = this.options;
    const report: ScanReport = {
      portalId,
      deals: 0,
      contacts: 0,
      companies: 0,
      escalations: 0,
      statusWrites: 0,
      apiCalls: 0,
      escalationsClosed: 0,
      tasksCompleted: 0,
      completionCalls: 0,
      handoffsSettled: 0,
    };
    const playbook = await this.options.playbookFor(portalId);
    if (!playbook) return { ...report, skipped: 'no_playbook' };
    const raw = await this.options.crmFor(portalId);
    if (!raw) return { ...report, skipped: 'no_installation' };
    if (!(await store.takeLease(portalId, this.options.holder, clock.now(), LEASE_MS)))
      return { ...report, skipped: 'leased' };
    try {
      const startedAt = clock.now();
      const settings = await this.upToDate(portalId, await store.getSettings(portalId));
      const stageProps = settings?.stageProperties ?? {};
      const done = await store.escalationsOf(portalId);
      const open = await store.openEscalations(portalId);
      const cycle: Cycle = {
        portalId,
        playbook,
        stageProps,
        crm: this.paced(raw, portalId, report),
        report,
        properties: [
          ...dealProperties(playbook, stageProps),
          ...slaMirrorNames(playbook, 'deal'),
          VERSION_PROPERTY,
        ],
        done,
        closing: new Closing(open),
        writes: [],
        mirrored: mirroredIn(settings),
        lifecycleWrites: { contact: [], company: [] },
        watched: this.options.changeDriven !== false,
      };
      // Settlements an earlier scan recorded but did not finish (interrupted, or waiting for the
      // outbox to write their tasks): their tasks are completed now.
      await this.queueSettlements(
        cycle,
        [...open].filter(([key]) => isSettlement(key)),
      );
      const fingerprint = `${playbookFingerprint(playbook)}:${JSON.stringify(stageProps)}`;
      const state = cycle.watched ? await store.scanState(portalId) : null;
      const full =
        options.full === true ||
        state === null ||
        state.playbook !== fingerprint ||
        startedAt - state.fullAt >= (this.options.reconcileEveryMs ?? RECONCILE_EVERY_MS);
      report.mode = full ? 'full' : 'changes';
      if (full || !state) await this.readAll(cycle);
      else await this.readChanges(cycle, state.changesSince - CHANGE_LAG_MS);
      if (cycle.writes.length > 0) await cycle.crm.batchUpdateDeals(cycle.writes.splice(0));
      await this.readContacts(cycle, full, state?.changesSince);
      await this.readCompanies(cycle, full, state?.changesSince);
      await this.closeEscalations(cycle.crm, portalId, cycle.closing, report, true);
      if (cycle.watched) {
        if (full) await store.forgetWatchBefore(portalId, startedAt);
        await store.putScanState(
          portalId,
          {
            changesSince: startedAt,
            fullAt: full || !state ? startedAt : state.fullAt,
            playbook: fingerprint,
          },
          clock.now(),
        );
      }
      return report;
    } finally {
      await store.releaseLease(portalId, this.options.holder);
    }
  }

  /**
   * Settings saved before provisioning recorded which objects carry Handoff's properties: provision
   * once more (their contacts and companies get theirs), then read what it saved. A refusal is
   * logged and the scan goes on as before (deals only): the next scan tries again.
   */
  private async upToDate(
    portalId: string,
    settings: PortalSettings | null,
  ): Promise<PortalSettings | null> {
    if (!settings || settings.provisionedAt === null || settings.mirrored !== undefined)
      return settings;
    if (!this.options.provision) return settings;
    try {
      await this.options.provision(portalId);
      return await this.options.store.getSettings(portalId);
    } catch (error) {
      this.options.log.warn(
        { portalId, err: { message: (error as Error).message } },
        'provisioning contacts and companies failed; retried next scan',
      );
      return settings;
    }
  }

  /** Every candidate deal, page by page, then the deals with open escalations that left them. */
  private async readAll(cycle: Cycle): Promise<void> {
    const { crm, playbook, closing } = cycle;
    const seen = new Set<string>();
    for (const [pipeline, stageIds] of candidateStages(playbook)) {
      const search = (aboveId: string) =>
        crm.searchDeals({
          pipeline,
          stageIds,
          aboveId,
          properties: cycle.properties,
          limit: SEARCH_PAGE,
        });
      for await (const page of this.pages(cycle.portalId, search)) {
        for (const deal of page) seen.add(deal.id);
        await this.process(cycle, page);
      }
    }
    if (cycle.writes.length > 0) await crm.batchUpdateDeals(cycle.writes.splice(0));
    // A deal the searches no longer return has left every stage where a timer can run (moved on,
    // lost, deleted): read it once to close the escalations of timers that are not live any more.
    const left = closing.recordsNotIn(seen);
    for (let i = 0; i < left.length; i += BATCH) {
      const ids = left.slice(i, i + BATCH);
      const before = cycle.report.apiCalls;
      const deals = await crm.readDeals(ids, cycle.properties);
      cycle.report.completionCalls += cycle.report.apiCalls - before;
      await this.leave(cycle, ids, await this.viewsOf(cycle, deals));
    }
    // A deal whose handoff still has a review or rework task open and that the searches no longer
    // return either (moved back out of the won stage since the last scan): read once, so its
    // tasks are completed; once settled, a handoff is not read for this again.
    const owing = await this.owing(cycle, 'deal', new Set([...seen, ...left]));
    for (let i = 0; i < owing.length; i += BATCH) {
      const ids = owing.slice(i, i + BATCH);
      const before = cycle.report.apiCalls;
      const deals = await crm.readDeals(ids, cycle.properties);
      cycle.report.completionCalls += cycle.report.apiCalls - before;
      await this.viewsOf(cycle, deals);
      await this.settleGone(
        cycle,
        'deal',
        ids.filter((id) => !deals.some((d) => d.id === id)),
      );
    }
    // A deal HubSpot still shows with a live clock though it stands where none runs (it moved
    // since its SLA properties were written, and no change scan read it since): judged once, so
    // HubSpot shows what the core says now. Usually none: one search.
    const handled = new Set([...seen, ...left, ...owing]);
    const stageIds = [...candidateStages(playbook).values()].flat();
    const stale = (aboveId: string) =>
      crm.searchStaleDeals({ stageIds, aboveId, properties: cycle.properties, limit: SEARCH_PAGE });
    for await (const page of this.pages(cycle.portalId, stale))
      await this.judgeGone(
        cycle,
        page.filter((d) => !handled.has(d.id)),
        closing.records(),
      );
  }

  /**
   * Deals that left every stage where a clock runs, as just read, judged again, all of them:
   * HubSpot still shows their clocks as the last scan wrote them (a deal the AE moved on before
   * the SDR submitted: "running"), so what the core says now is written where it differs. Those
   * with open escalations close them; those whose handoff has a review or rework task nobody is
   * asked for now that the deal left its stage settle it.
   */
  private async judgeGone(
    cycle: Cycle,
    gone: HubSpotObject[],
    withOpen: ReadonlySet<string>,
  ): Promise<void> {
    // viewsOf writes what HubSpot shows live and settles what owes tasks (a handoff that owes
    // none is passed over there); here only the escalations of the deals left are closed.
    const views = await this.viewsOf(cycle, gone);
    // A deal the core cannot judge (a stage the playbook does not map) leaves with no view.
    const leaving = gone.filter((d) => withOpen.has(d.id)).map((d) => d.id);
    if (leaving.length > 0)
      await this.leave(
        cycle,
        leaving,
        views.filter((v) => withOpen.has(v.record.recordId)),
      );
    while (cycle.writes.length >= BATCH)
      await cycle.crm.batchUpdateDeals(cycle.writes.splice(0, BATCH));
  }

  /**
   * Every page of a search paged by id (the search asks for ids above the last one it got, so no
   * query reaches HubSpot's 10,000-result cap), the lease renewed after each page is handled.
   */
  private async *pages(
    portalId: string,
    search: (aboveId: string) => Promise<HubSpotObject[]>,
  ): AsyncGenerator<HubSpotObject[]> {
    let aboveId = '0';
    for (;;) {
      const page = await search(aboveId);
      yield page;
      await this.renewLease(portalId);
      if (page.length < SEARCH_PAGE) return;
      aboveId = page[page.length - 1]?.id ?? aboveId;
    }
  }

  /**
   * Every contact in a stage where a timer can run, on every scan (HubSpot keeps no per-contact
   * watch here; the search is by stage, so only MQLs are read), HISTORY_BATCH at a time
   * with the history their timers start and stop by; then the contacts with open escalations that
   * left those stages, read once to close what is no longer live, and to complete the review tasks
   * of an MQL moved on in HubSpot itself. `lastScanAt` (when the last finished scan began) bounds
   * the summaries looked at to those that scan or a card saw since; a `full` scan also reads, once,
   * the contacts whose handoff still has tasks open that it no longer finds.
   */
  private async readContacts(cycle: Cycle, full: boolean, lastScanAt?: number): Promise<void> {
    const { crm, playbook, closing } = cycle;
    const seen = new Set<string>();
    for (const [property, values] of candidateContactValues(playbook)) {
      const search = (aboveId: string) =>
        crm.searchContacts({ property, values, aboveId, properties: [], limit: SEARCH_PAGE });
      for await (const page of this.pages(cycle.portalId, search)) {
        const ids = page.map((c) => c.id);
        for (const id of ids) seen.add(id);
        for (let i = 0; i < ids.length; i += HISTORY_BATCH)
          await this.processContacts(
            cycle,
            await crm.readContacts(ids.slice(i, i + HISTORY_BATCH), playbook),
          );
      }
    }
    // Contacts that left those stages since the last scan: those with open escalations (to close
    // them) and those the dashboards last saw there (to show where they went), read once.
    const live = new Set(
      stagesWithLiveTimers(playbook)
        .filter((stage) => objectOfStage(stage) === 'contact')
        .map((stage) => stage.id),
    );
    const lastSeenLive = (
      await this.options.store.recordSummaries(cycle.portalId, 'contact', lastScanAt)
    )
      .filter((s) => live.has(s.snapshot.stage) && !seen.has(s.recordId))
      .map((s) => s.recordId);
    const left = new Set([...closing.recordsNotIn(seen, CONTACT_KEY), ...lastSeenLive]);
    if (full)
      for (const id of await this.owing(cycle, 'contact', new Set([...seen, ...left])))
        left.add(id);
    const leaving = [...left];
    for (let i = 0; i < leaving.length; i += HISTORY_BATCH) {
      const ids = leaving.slice(i, i + HISTORY_BATCH);
      const before = cycle.report.apiCalls;
      const contacts = await crm.readContacts(ids, playbook);
      cycle.report.completionCalls += cycle.report.apiCalls - before;
      const evaluated = await this.evaluateContacts(cycle, contacts);
      const judged = new Set(evaluated.map((e) => e.view.record.recordId));
      await this.settleGone(
        cycle,
        'contact',
        ids.filter((id) => !judged.has(id)),
      );
      await this.mirror(cycle, 'contact', contacts, evaluated);
      await this.leave(
        cycle,
        ids,
        evaluated.map((e) => e.view),
        CONTACT_KEY,
      );
    }
    await this.flush(cycle, 'contact', true);
  }

  /**
   * The companies where a clock may run: those holding a handoff in progress or submitted (the
   * store names them: a company's clocks start on its handoffs' events — the expansion's AE answer
   * clock when CS raises it), every company in a stage where a stage-started SLA may run (none in
   * the default playbook), those with open escalations, read once to close what is no longer
   * live, and those whose handoff an action changed since the last finished scan began
   * (`lastScanAt`: an expansion the AE accepted stops its clock, which HubSpot should show), and
   * on a `full` scan those whose handoff still has tasks open (a rejected expansion's rework) —
   * HISTORY_BATCH at a time, escalated on the company as deals are; the tasks of a handoff on a
   * company that stopped being a customer are completed.
   */
  private async readCompanies(cycle: Cycle, full: boolean, lastScanAt?: number): Promise<void> {
    const { crm, playbook, closing, portalId } = cycle;
    if (!objectsOf(playbook).includes('company')) return;
    const stored = await this.options.store.handoffsOfType(portalId, 'company');
    const ids = new Set(
      [...stored]
        .filter(([, states]) =>
          Object.values(states).some((s) => s.status === 'in_progress' || s.status === 'submitted'),
        )
        .map(([id]) => id),
    );
    for (const [property, values] of candidateCompanyValues(playbook)) {
      const search = (aboveId: string) =>
        crm.searchCompanies({ property, values, aboveId, properties: [], limit: SEARCH_PAGE });
      for await (const page of this.pages(portalId, search)) for (const c of page) ids.add(c.id);
    }
    for (const id of closing.recordsNotIn(new Set(), COMPANY_KEY)) ids.add(id);
    if (lastScanAt !== undefined)
      for (const changed of await this.options.store.recordsChangedSince(portalId, lastScanAt, [
        'company',
      ]))
        ids.add(changed.recordId);
    if (full) for (const id of await this.owing(cycle, 'company', ids)) ids.add(id);
    const all = [...ids];
    for (let i = 0; i < all.length; i += HISTORY_BATCH) {
      const chunk = all.slice(i, i + HISTORY_BATCH);
      const companies = await crm.readCompanies(chunk, playbook);
      const evaluated = await this.judgeLifecycle(cycle, 'company', companies, stored);
      cycle.report.companies += evaluated.length;
      await this.mirror(cycle, 'company', companies, evaluated);
      const names = new Map(evaluated.map((e) => [e.view.record.recordId, e.name]));
      await this.escalate(
        cycle,
        evaluated.map((e) => e.view),
        (id) => names.get(id) ?? `Company ${id}`,
        'companies',
      );
      // Gone from HubSpot, or in a stage the playbook does not follow: nothing can run there, and
      // no handoff is due there.
      const judged = new Set(names.keys());
      const unjudged = chunk.filter((id) => !judged.has(id));
      await this.leave(cycle, unjudged, [], COMPANY_KEY);
      await this.settleGone(cycle, 'company', unjudged);
    }
    await this.flush(cycle, 'company', true);
  }

  /** Judges contacts and escalates what is due on them, as process does for deals. */
  private async processContacts(cycle: Cycle, contacts: HubSpotContact[]): Promise<void> {
    const evaluated = await this.evaluateContacts(cycle, contacts);
    cycle.report.contacts += evaluated.length;
    const names = new Map(evaluated.map((e) => [e.view.record.recordId, e.name]));
    await this.escalate(
      cycle,
      evaluated.map((e) => e.view),
      (id) => names.get(id) ?? `Contact ${id}`,
      'contacts',
    );
    await this.mirror(cycle, 'contact', contacts, evaluated);
  }

  /**
   * Queues the SLA mirror properties of contacts or companies just judged where HubSpot shows
   * something else, and writes them BATCH at a time (the rest when `flush` ends the object's
   * read) — only on an object the portal has them for.
   */
  private async mirror(
    cycle: Cycle,
    object: 'contact' | 'company',
    records: readonly HubSpotObject[],
    evaluated: readonly { view: RecordView }[],
  ): Promise<void> {
    if (!cycle.mirrored.includes(object)) return;
    const byId = new Map(records.map((r) => [r.id, r]));
    const queued = cycle.lifecycleWrites[object];
    for (const { view } of evaluated) {
      const update = statusUpdate(view.timers, byId.get(view.record.recordId));
      if (update) queued.push({ id: view.record.recordId, properties: update });
    }
    await this.flush(cycle, object, false);
  }

  /** Writes the queued mirror properties: full batches, or (when `all`) whatever is left. */
  private async flush(cycle: Cycle, object: 'contact' | 'company', all: boolean): Promise<void> {
    const queued = cycle.lifecycleWrites[object];
    const objectType = object === 'contact' ? 'contacts' : 'companies';
    while (queued.length >= BATCH || (all && queued.length > 0))
      await cycle.crm.batchUpdateRecords(objectType, queued.splice(0, BATCH));
  }

  /** Judges contacts as just read; what was read is kept for the queue and the dashboards. */
  private async evaluateContacts(
    cycle: Cycle,
    contacts: HubSpotContact[],
  ): Promise<{ view: RecordView; name: string }[]> {
    if (contacts.length === 0) return [];
    const handoffs = await this.options.store.getHandoffsOfRecords(
      cycle.portalId,
      'contact',
      contacts.map((c) => c.id),
    );
    return this.judgeLifecycle(cycle, 'contact', contacts, handoffs);
  }

  /**
   * Contacts or companies as just read, with their stored handoffs, judged by the core; a record
   * whose stage the playbook does not follow has no timer to watch and is left out. The tasks of
   * handoffs the core shows settled are queued for completion before what was read is kept for the
   * queue and the dashboards (a crash between leaves the record where the next scan looks for it).
   */
  private async judgeLifecycle(
    cycle: Cycle,
    objectType: 'contact' | 'company',
    records: readonly HubSpotObjectWithHistory[],
    handoffs: ReadonlyMap<string, Record<string, HandoffState>>,
  ): Promise<{ view: RecordView; name: string }[]> {
    const { playbook, portalId } = cycle;
    const now = this.options.clock.now();
    const snapshotOf = objectType === 'contact' ? contactSnapshot : companySnapshot;
    const read: RecordSummary[] = [];
    const out = records.flatMap((record) => {
      const result = snapshotOf(playbook, record);
      if (!result.ok) return [];
      const snapshot = { ...result.snapshot, handoffs: handoffs.get(record.id) ?? {} };
      read.push({ objectType, recordId: record.id, name: result.name, snapshot, seenAt: now });
      const view = evaluateRecord(playbook, snapshot, SYSTEM_VIEWER, now);
      return [{ view, snapshot, name: result.name }];
    });
    await this.settle(cycle, out);
    await this.options.store.putRecordSummaries(portalId, read, now);
    return out;
  }

  /**
   * The deals that changed since `since` (HubSpot's search on hs_lastmodifieddate; the store's
   * actions and webhooks), those whose timers reach their next instant, and those whose escalation
   * an interrupted scan left started — nothing else: every other deal would show a full scan
   * exactly what it showed last time.
   */
  private async readChanges(cycle: Cycle, since: number): Promise<void> {
    const { crm, playbook, portalId } = cycle;
    const { store, clock } = this.options;
    const live = new Set(
      [...candidateStages(playbook)].flatMap(([pipeline, ids]) =>
        ids.map((id) => `${pipeline}:${id}`),
      ),
    );
    const handled = new Set<string>();
    const withOpen = cycle.closing.records();
    const take = async (deals: HubSpotObject[]) => {
      const fresh = deals.filter((d) => !handled.has(d.id));
      for (const deal of fresh) handled.add(deal.id);
      const isLive = (d: HubSpotObject) =>
        live.has(`${d.properties.pipeline ?? ''}:${d.properties.dealstage ?? ''}`);
      await this.process(cycle, fresh.filter(isLive));
      const gone = fresh.filter((d) => !isLive(d));
      // Left every stage where a timer runs: nothing to watch; escalations still open are closed.
      await store.putWatch(
        portalId,
        gone.map((d) => ({ dealId: d.id, nextAt: null, version: null })),
        clock.now(),
      );
      await this.judgeGone(cycle, gone, withOpen);
    };
    const search = (aboveId: string) =>
      crm.searchChangedDeals({ since, aboveId, properties: cycle.properties, limit: SEARCH_PAGE });
    for await (const page of this.pages(portalId, search)) {
      // Returned again only because the window overlaps the last one: read at this very version.
      const known = await store.watchOf(
        portalId,
        page.map((d) => d.id),
      );
      await take(
        page.filter((d) => {
          const version = d.properties[VERSION_PROPERTY] ?? null;
          return version === null || known.get(d.id)?.version !== version;
        }),
      );
    }
    const interrupted = [...cycle.done]
      .filter(([, status]) => status === 'started')
      .flatMap(([key]) => dealOf(key) ?? []);
    const ids = [
      ...new Set([
        ...(await store.watchDue(portalId, clock.now())),
        ...(await store.recordsChangedSince(portalId, since)).map((r) => r.recordId),
        ...interrupted,
      ]),
    ].filter((id) => !handled.has(id));
    for (let i = 0; i < ids.length; i += BATCH) {
      const chunk = ids.slice(i, i + BATCH);
      const deals = await crm.readDeals(chunk, cycle.properties);
      await take(deals);
      // Gone from HubSpot: nobody can act on it any more.
      const missing = chunk.filter((id) => !deals.some((d) => d.id === id));
      await this.leave(
        cycle,
        missing.filter((id) => withOpen.has(id)),
        [],
      );
      await this.settleGone(cycle, 'deal', missing);
      await store.putWatch(
        portalId,
        missing.map((dealId) => ({ dealId, nextAt: null, version: null })),
        clock.now(),
      );
      await this.renewLease(portalId);
    }
  }

  /** Evaluates live deals: escalates what is due, queues closures, writes changed SLA status, watches each. */
  private async process(cycle: Cycle, deals: HubSpotObject[]): Promise<void> {
    const { crm, playbook, portalId, report, writes } = cycle;
    const now = this.options.clock.now();
    const evaluated = await this.evaluate(portalId, playbook, deals, cycle.stageProps);
    const views = evaluated.map((e) => e.view);
    report.deals += views.length;
    await this.settle(cycle, evaluated);
    await this.escalate(
      cycle,
      views,
      (id) => evaluated.find((e) => e.deal.id === id)?.deal.properties.dealname || `Deal ${id}`,
      'deals',
    );
    for (const { view, deal } of evaluated) {
      const update = statusUpdate(view.timers, deal);
      if (update) writes.push({ id: view.record.recordId, properties: update });
    }
    while (writes.length >= BATCH) await crm.batchUpdateDeals(writes.splice(0, BATCH));
    if (cycle.watched)
      await this.options.store.putWatch(
        portalId,
        evaluated.map(({ snapshot, deal }) => ({
          dealId: deal.id,
          nextAt: nextTimerChangeAt(playbook, snapshot, now),
          version: deal.properties[VERSION_PROPERTY] ?? null,
        })),
        now,
      );
  }

  /**
   * Executes the escalations these views make due, each exactly once (the key is recorded before
   * anything is created), and queues the closures their stopped or superseded timers allow.
   */
  private async escalate(
    cycle: Cycle,
    views: RecordView[],
    nameOf: (recordId: string) => string,
    on: EngagementTarget,
  ): Promise<void> {
    const { crm, playbook, portalId, report, done, closing } = cycle;
    const actions = planEscalations(
      playbook,
      views,
      new Set([...done].filter(([, s]) => s === 'done').map(([k]) => k)),
      this.options.clock.now(),
    );
    for (const action of actions) {
      const name = nameOf(action.record.recordId);
      await this.execute(
        crm,
        portalId,
        playbook,
        action,
        name,
        done.get(action.key) === 'started',
        on,
      );
      done.set(action.key, 'done');
      report.escalations++;
      // A later level supersedes the earlier ones: their open tasks are completed.
      closing.close(action.supersedes);
    }
    for (const view of views) closing.add(playbook, view);
    await this.closeEscalations(crm, portalId, closing, report, false);
  }

  /**
   * Deals as just read, judged (and kept for the queue and dashboards, as evaluate does); the
   * tasks their settled handoffs no longer ask for are queued for completion.
   */
  private async viewsOf(cycle: Cycle, deals: HubSpotObject[]): Promise<RecordView[]> {
    const evaluated = await this.evaluate(cycle.portalId, cycle.playbook, deals, cycle.stageProps);
    // Read outside the searches (left their stages): HubSpot may still show their clocks live.
    for (const { view, deal } of evaluated) {
      const update = leftUpdate(view.timers, deal);
      if (update) cycle.writes.push({ id: deal.id, properties: update });
    }
    await this.settle(cycle, evaluated);
    return evaluated.map((e) => e.view);
  }

  /**
   * Completes, once, the review and rework tasks of handoffs the core shows settled on these
   * records: the record left the stages where the handoff is due (a rejected sales → CS handoff on
   * a deal moved back from Closed won, an MQL an SDR made an SQL in HubSpot itself), so the tasks
   * wait on nobody. Each settlement is recorded under its handoff's version with its task keys
   * before any call (a crash leaves it for the next scan), and its tasks are completed with the
   * escalations', COMPLETE_BATCH keys a call.
   */
  private async settle(
    cycle: Cycle,
    judged: readonly { view: RecordView; snapshot: RecordSnapshot }[],
  ): Promise<void> {
    for (const { view, snapshot } of judged)
      for (const handoff of view.handoffs) {
        const state = snapshot.handoffs[handoff.id];
        if (handoff.settled && state)
          await this.settleHandoff(
            cycle,
            view.record.objectType,
            view.record.recordId,
            handoff.id,
            state,
          );
      }
    await this.closeEscalations(cycle.crm, cycle.portalId, cycle.closing, cycle.report, false);
  }

  /**
   * Records read that the core cannot judge — HubSpot no longer has them, or (contacts and
   * companies) they are at a stage the playbook does not follow, where no handoff is due: nobody
   * can act on their handoffs' tasks.
   */
  private async settleGone(
    cycle: Cycle,
    object: StoredObject,
    ids: readonly string[],
  ): Promise<void> {
    if (ids.length === 0) return;
    const stored = await this.options.store.getHandoffsOfRecords(cycle.portalId, object, ids);
    for (const [recordId, states] of stored)
      for (const [handoffId, state] of Object.entries(states))
        await this.settleHandoff(cycle, KEY_OF[object], recordId, handoffId, state);
    await this.closeEscalations(cycle.crm, cycle.portalId, cycle.closing, cycle.report, false);
  }

  /** `objectKey` names the record's object as escalation keys do (the snapshot's object type). */
  private async settleHandoff(
    cycle: Cycle,
    objectKey: string,
    recordId: string,
    handoffId: string,
    state: HandoffState,
  ): Promise<void> {
    if (!this.owesTasks(cycle, objectKey, recordId, { [handoffId]: state })) return;
    const handoff = cycle.playbook.handoffs.find((h) => h.id === handoffId);
    if (!handoff) return;
    const key = settlementKey(objectKey, recordId, handoffId, state.version);
    cycle.done.set(key, 'started');
    const taskKeys = openTaskKeys(handoff, state.events, await this.people(cycle));
    // Recorded even with no task to complete (the rep is no longer a HubSpot owner): settled once.
    await this.options.store.escalationStarted(
      cycle.portalId,
      key,
      this.options.clock.now(),
      taskKeys,
    );
    await this.queueSettlements(cycle, [[key, taskKeys]]);
  }

  /**
   * Queues recorded settlements for completion, except those with a task the outbox has not
   * written yet: completing now would find nothing and the task written after would stay open, so
   * they stay recorded and open for a later scan.
   */
  private async queueSettlements(
    cycle: Cycle,
    settlements: readonly (readonly [string, readonly string[]])[],
  ): Promise<void> {
    const taskKeys = settlements.flatMap(([, keys]) => keys);
    const pending = new Set<string>();
    for (let i = 0; i < taskKeys.length; i += 500)
      for (const key of await this.options.store.outboxPendingKeys(
        cycle.portalId,
        taskKeys.slice(i, i + 500),
      ))
        pending.add(key);
    for (const [key, keys] of settlements)
      if (!keys.some((k) => pending.has(k))) cycle.closing.settle(key, keys);
  }

  /** Whether one of the record's handoffs has review or rework tasks open that no scan settled yet. */
  private owesTasks(
    cycle: Cycle,
    objectKey: string,
    recordId: string,
    states: Readonly<Record<string, HandoffState>>,
  ): boolean {
    return Object.entries(states).some(([handoffId, state]) => {
      const handoff = cycle.playbook.handoffs.find((h) => h.id === handoffId);
      return (
        handoff !== undefined &&
        !cycle.done.has(settlementKey(objectKey, recordId, handoffId, state.version)) &&
        hasOpenTasks(handoff, state.events)
      );
    });
  }

  /**
   * The records of an object whose handoff has a review or rework task open that no scan settled,
   * except those already judged: what a full scan reads once, in case it left its stage unseen.
   * A store read; once settled, a handoff is not read for this again.
   */
  private async owing(
    cycle: Cycle,
    object: StoredObject,
    judged: ReadonlySet<string>,
  ): Promise<string[]> {
    return [...(await this.options.store.handoffsOfType(cycle.portalId, object))]
      .filter(
        ([id, states]) => !judged.has(id) && this.owesTasks(cycle, KEY_OF[object], id, states),
      )
      .map(([id]) => id);
  }

  /** Who holds the roles a handoff's tasks went to, read once per scan when first needed. */
  private async people(cycle: Cycle): Promise<OutboxPeople> {
    if (!cycle.people) {
      const people = await this.options.roles.ownersByRole(cycle.portalId, cycle.playbook);
      cycle.people = { ownersByRole: people.byRole, ownerOfUser: people.ownerOfUser };
    }
    return cycle.people;
  }

  /**
   * Records (deals unless `key` says contacts) that left the stages the scan searches: what they
   * show now (`views`, as just read; a record HubSpot no longer has has none) closes the
   * escalations that are no longer live.
   */
  private async leave(
    cycle: Cycle,
    ids: readonly string[],
    views: readonly RecordView[],
    key?: string,
  ): Promise<void> {
    if (ids.length === 0) return;
    const { playbook, closing } = cycle;
    for (const view of views) closing.add(playbook, view);
    for (const id of ids)
      closing.addUnlessLive(
        playbook,
        id,
        views.find((v) => v.record.recordId === id),
        key,
      );
    await this.closeEscalations(cycle.crm, cycle.portalId, closing, cycle.report, false);
  }

  /**
   * Keeps the lease while working, so a long scan is never joined by a second instance, and the
   * portal's scan claim with it (when this instance claimed it), so no other instance claims it.
   */
  private async renewLease(portalId: string): Promise<void> {
    const { store, clock, holder } = this.options;
    await store.takeLease(portalId, holder, clock.now(), LEASE_MS);
    await store.renewScanClaim(portalId, holder, clock.now() + LEASE_MS);
  }

  /**
   * Completes the open tasks of escalations whose SLA has been met, COMPLETE_BATCH task keys at a
   * time (the rest waits for more unless `all`), and records each escalation closed once all its
   * keys have been sent, so a later scan makes no call for it.
   */
  private async closeEscalations(
    crm: Crm,
    portalId: string,
    closing: Closing,
    report: ScanReport,
    all: boolean,
  ): Promise<void> {
    for (;;) {
      const keys = closing.nextChunk(all);
      if (keys) {
        const before = report.apiCalls;
        report.tasksCompleted += await crm.completeTasks(keys);
        report.completionCalls += report.apiCalls - before;
      }
      const closed = closing.settled();
      if (closed.length > 0) {
        await this.options.store.escalationsClosed(portalId, closed, this.options.clock.now());
        const settlements = closed.filter(isSettlement).length;
        report.handoffsSettled += settlements;
        report.escalationsClosed += closed.length - settlements;
      }
      if (!keys) return;
    }
  }

  private async evaluate(
    portalId: string,
    playbook: Playbook,
    deals: HubSpotObject[],
    stageProperties: Record<string, string>,
  ): Promise<{ view: RecordView; snapshot: RecordSnapshot; deal: HubSpotObject }[]> {
    if (deals.length === 0) return [];
    const handoffs = await this.options.store.getHandoffsOfRecords(
      portalId,
      'deal',
      deals.map((d) => d.id),
    );
    const now = this.options.clock.now();
    const out: { view: RecordView; snapshot: RecordSnapshot; deal: HubSpotObject }[] = [];
    const read: { objectType: string; recordId: string; name: string; snapshot: RecordSnapshot }[] =
      [];
    const history = await this.options.store.transitionsOfDeals(
      portalId,
      deals.map((d) => d.id),
    );
    for (const deal of deals) {
      const transitions = history.get(deal.id) ?? [];
      const result = dealSnapshot(playbook, deal, { stageProperties, transitions });
      if (!result.ok) continue;
      const snapshot = { ...result.snapshot, handoffs: handoffs.get(deal.id) ?? {} };
      out.push({ view: evaluateRecord(playbook, snapshot, SYSTEM_VIEWER, now), snapshot, deal });
      read.push({ objectType: 'deal', recordId: deal.id, name: result.name, snapshot });
    }
    // What the queue and dashboard pages read instead of HubSpot, as fresh as this scan.
    await this.options.store.putRecordSummaries(portalId, read, now);
    return out;
  }

  /**
   * Records the key first, then creates. A key left 'started' by a crash is looked up in HubSpot
   * (the key is stored on the task or note) before anything is created again.
   */
  private async execute(
    crm: Crm,
    portalId: string,
    playbook: Playbook,
    action: EscalationAction,
    dealName: string,
    interrupted: boolean,
    on: EngagementTarget = 'deals',
  ): Promise<void> {
    const { store, clock } = this.options;
    const dealId = action.record.recordId;
    if (action.action === 'reassign') {
      await store.escalationStarted(portalId, action.key, clock.now());
      const to = typeof action.to === 'object' && 'user' in action.to ? action.to.user : undefined;
      const people = await this.options.roles.ownersByRole(portalId, playbook);
      const ownerId = to ? people.ownerOfUser(to) : undefined;
      if (ownerId) await updateRecord(crm, on, dealId, { hubspot_owner_id: ownerId });
    } else if (action.action === 'note') {
      await store.escalationStarted(portalId, action.key, clock.now(), []);
      if (!(interrupted && (await crm.findEngagement('notes', action.key))))
        await crm.createEngagement(
          'notes',
          dealId,
          { hs_timestamp: String(clock.now()), hs_note_body: `Handoff: ${action.title}` },
          action.key,
          on,
        );
    } else {
      // The core's tasks: one per person, none for a level a later one supersedes.
      const tasks = action.superseded
        ? []
        : escalationTasks(
            action,
            { name: dealName },
            recipientsOf(await this.targets(portalId, playbook, action)),
            clock.now(),
          );
      // The task keys are stored before any task exists, so a crash cannot lose one to complete later.
      await store.escalationStarted(
        portalId,
        action.key,
        clock.now(),
        tasks.map((t) => t.key),
      );
      for (const task of tasks) {
        if (interrupted && (await crm.findEngagement('tasks', task.key))) continue;
        await crm.createEngagement('tasks', dealId, taskProperties(task), task.key, on);
      }
    }
    await store.escalationDone(portalId, action.key, clock.now());
  }

  private async targets(
    portalId: string,
    playbook: Playbook,
    action: EscalationAction,
  ): Promise<string[]> {
    if (action.to === 'owner') return action.record.ownerId ? [action.record.ownerId] : [];
    const people = await this.options.roles.ownersByRole(portalId, playbook);
    if ('role' in action.to) return people.byRole[action.to.role] ?? [];
    const owner = people.ownerOfUser(action.to.user);
    return owner ? [owner] : [];
  }

  /** Every call waits for the budget first and is counted. */
  /**
   * Every call waits for the budget first, is counted, and is retried on HubSpot's 429 (after its
   * Retry-After) and on 5xx or a dropped connection, up to RETRIES attempts.
   */
  private paced(crm: Crm, portalId: string, report: ScanReport): Crm {
    const attempt = async <R>(
      search: boolean,
      call: () => Promise<R>,
      beforeRetry?: () => Promise<R | undefined>,
    ): Promise<R> => {
      for (let n = 1; ; n++) {
        for (;;) {
          const ms = this.options.budget.reserveScan(portalId, search);
          if (ms <= 0) break;
          await this.options.sleep(ms);
        }
        report.apiCalls++;
        try {
          return await call();
        } catch (error) {
          const status =
            error instanceof CrmError ? (error.upstreamStatus ?? error.status) : undefined;
          const transient = status === undefined || status === 429 || status >= 500;
          if (!transient || n >= RETRIES) throw error;
          await this.options.sleep(
            (error instanceof CrmError ? error.retryAfterMs : undefined) ?? 1_000 * 2 ** (n - 1),
          );
          // A create that failed after HubSpot may have done it: look before creating again.
          if (status !== 429 && beforeRetry) {
            const done = await beforeRetry();
            if (done !== undefined) return done;
          }
        }
      }
    };
    return {
      ...crm,
      searchDeals: (query) => attempt(true, () => crm.searchDeals(query)),
      searchChangedDeals: (query) => attempt(true, () => crm.searchChangedDeals(query)),
      searchStaleDeals: (query) => attempt(true, () => crm.searchStaleDeals(query)),
      searchContacts: (query) => attempt(true, () => crm.searchContacts(query)),
      readContacts: (ids, playbook) => attempt(false, () => crm.readContacts(ids, playbook)),
      updateContact: (id, properties) => attempt(false, () => crm.updateContact(id, properties)),
      searchCompanies: (query) => attempt(true, () => crm.searchCompanies(query)),
      readCompanies: (ids, playbook) => attempt(false, () => crm.readCompanies(ids, playbook)),
      updateCompany: (id, properties) => attempt(false, () => crm.updateCompany(id, properties)),
      findEngagement: (type, key) => attempt(true, () => crm.findEngagement(type, key)),
      // Two steps, each paced and counted as the call it is (a search, then a batch update).
      completeTasks: async (keys) => {
        if (keys.length === 0) return 0;
        const ids = await attempt(true, () => crm.openTaskIds(keys));
        if (ids.length > 0) await attempt(false, () => crm.markTasksCompleted(ids));
        return ids.length;
      },
      openTaskIds: (keys) => attempt(true, () => crm.openTaskIds(keys)),
      readDeals: (ids, properties) => attempt(false, () => crm.readDeals(ids, properties)),
      markTasksCompleted: (ids) => attempt(false, () => crm.markTasksCompleted(ids)),
      batchUpdateDeals: async (inputs) => {
        await attempt(false, () => crm.batchUpdateDeals(inputs));
        report.statusWrites += inputs.length;
      },
      batchUpdateRecords: async (objectType, inputs) => {
        await attempt(false, () => crm.batchUpdateRecords(objectType, inputs));
        report.statusWrites += inputs.length;
      },
      createEngagement: (type, dealId, properties, key, on) =>
        attempt(
          false,
          () => crm.createEngagement(type, dealId, properties, key, on),
          async () => (await attempt(true, () => crm.findEngagement(type, key))) ?? undefined,
        ),
      updateDeal: (dealId, properties) => attempt(false, () => crm.updateDeal(dealId, properties)),
    };
  }
}

/** Portals scanned at the same time by one instance. */
export const SCAN_LANES = 4;

/**
 * Scans these portals, SCAN_LANES at a time: a portal whose HubSpot hangs or that has thousands of
 * deals holds up one lane, not every portal behind it. Each portal's own failure is logged.
 */
export async function scanPortals(
  scanner: Scanner,
  portalIds: readonly string[],
  log: FastifyBaseLogger,
  lanes = SCAN_LANES,
): Promise<ScanReport[]> {
  const reports: ScanReport[] = [];
  let next = 0;
  const lane = async () => {
    while (next < portalIds.length) {
      const portalId = portalIds[next++] as string;
      try {
        reports.push(await scanner.scanPortal(portalId));
      } catch (error) {
        log.warn({ portalId, err: { message: (error as Error).message } }, 'scan failed');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, portalIds.length) }, lane));
  return reports;
}

/**
 * Escalations to close during one scan: those still open in the store whose timer the scan saw
 * completed (met or met_late), or whose deal has left the searched stages and shows no live timer
 * for them. A timer's escalation keys are rebuilt as planEscalations builds them (record, SLA,
 * level, start instant), so a restarted timer never closes its successor's.
 */
class Closing {
  private readonly queued: string[] = [];
  /** Escalation keys waiting to be recorded closed, each with how many queued keys precede its end. */
  private readonly waiting: { key: string; end: number }[] = [];

  constructor(private readonly open: Map<string, string[]>) {}

  /** The view's stopped timers (the core's tasksToClose): their escalations close. */
  add(playbook: Playbook, view: RecordView): void {
    if (this.open.size === 0) return;
    this.close(tasksToClose(playbook, view));
  }

  /** Deals with open escalations. */
  records(): Set<string> {
    return new Set([...this.open.keys()].flatMap((key) => dealOf(key) ?? []));
  }

  /** Queues these escalations' open tasks, when they have any (their timer stopped, or a later level superseded them). */
  close(keys: readonly string[]): void {
    for (const key of keys) {
      const taskKeys = this.open.get(key);
      if (taskKeys) this.queue(key, taskKeys);
    }
  }

  /** Records (deals unless told) with open escalations that are not among `seen`. */
  recordsNotIn(seen: ReadonlySet<string>, objectType = DEAL_KEY): string[] {
    const ids = new Set<string>();
    for (const key of this.open.keys()) {
      const id = recordOf(key, objectType);
      if (id !== undefined && !seen.has(id)) ids.add(id);
    }
    return [...ids];
  }

  /**
   * Queues a deal's remaining open escalations, except those of a timer its view shows still
   * running (none when HubSpot no longer has the deal: nobody can act on it).
   */
  addUnlessLive(
    playbook: Playbook,
    dealId: string,
    view: RecordView | undefined,
    objectType = DEAL_KEY,
  ): void {
    const live = new Set<string>();
    for (const timer of view?.timers ?? []) {
      if (!view || timer.completedAt !== null) continue;
      const levels = playbook.slas.find((s) => s.id === timer.slaId)?.escalations.length ?? 0;
      for (let level = 1; level <= levels; level++)
        live.add(escalationKey(view.record, timer.slaId, level, timer.startedAt));
    }
    for (const [key, taskKeys] of [...this.open]) {
      if (recordOf(key, objectType) !== dealId || live.has(key)) continue;
      this.queue(key, taskKeys);
    }
  }

  /** Queues the tasks of a handoff nobody is asked for any more (recorded under `key` first). */
  settle(key: string, taskKeys: readonly string[]): void {
    this.queue(key, taskKeys);
  }

  private queue(key: string, taskKeys: readonly string[]): void {
    this.open.delete(key);
    this.queued.push(...taskKeys);
    this.waiting.push({ key, end: this.queued.length });
  }

  /** The next task keys to complete: a full chunk, or (when `all`) whatever is left. */
  nextChunk(all: boolean): string[] | undefined {
    if (this.queued.length === 0 || (!all && this.queued.length < COMPLETE_BATCH)) return undefined;
    const chunk = this.queued.splice(0, COMPLETE_BATCH);
    for (const w of this.waiting) w.end -= chunk.length;
    return chunk;
  }

  /** Escalations whose every task key has been sent. */
  settled(): string[] {
    const done = this.waiting.filter((w) => w.end <= 0).map((w) => w.key);
    this.waiting.splice(0, done.length);
    return done;
  }
}

/** How escalation keys name a deal, a contact and a company (the snapshots' object types). */
const DEAL_KEY = 'deal';
const CONTACT_KEY = 'contacts';
const COMPANY_KEY = 'company';

/** The record of this type an escalation key names (escalationKey: hubspot:<type>:<id>:<sla>:L<level>:<start>). */
function recordOf(key: string, type: string): string | undefined {
  const [crm, objectType, recordId] = key.split(':');
  return crm === 'hubspot' && objectType === type ? recordId : undefined;
}

/** The store's name of each object (its handoffs' rows), and how escalation keys name it. */
type StoredObject = 'deal' | 'contact' | 'company';
const KEY_OF: Record<StoredObject, string> = {
  deal: DEAL_KEY,
  contact: CONTACT_KEY,
  company: COMPANY_KEY,
};

/**
 * Where the escalation ledger records that a record's handoff, at this version, had its review or
 * rework tasks completed because the record left the handoff's stages: once per version, so a
 * handoff settled, reopened and settled again has each round's tasks completed. `objectKey` as in
 * escalation keys (settled:hubspot:deal:…, settled:hubspot:contacts:…, settled:hubspot:company:…).
 */
function settlementKey(
  objectKey: string,
  recordId: string,
  handoffId: string,
  version: number,
): string {
  return `settled:hubspot:${objectKey}:${recordId}:${handoffId}:v${version}`;
}

function isSettlement(key: string): boolean {
  return key.startsWith('settled:');
}

/** The deal an escalation key names. */
function dealOf(key: string): string | undefined {
  return recordOf(key, DEAL_KEY);
}

/**
 * A deal that left every stage where a clock runs: its SLA properties are rewritten only when
 * HubSpot still shows a live clock on it (a next due time) — a deal lost without ever running a
 * clock keeps its properties empty rather than gaining "pending" ones.
 */
function leftUpdate(
  timers: readonly TimerView[],
  deal: HubSpotObject,
): Record<string, string> | undefined {
  return deal.properties[NEXT_DUE] ? statusUpdate(timers, deal) : undefined;
}

/** The SLA mirror properties that changed for one record, or undefined when HubSpot already shows them. */
function statusUpdate(
  timers: readonly TimerView[],
  deal: HubSpotObject | undefined,
): Record<string, string> | undefined {
  const next: Record<string, string> = {};
  let nextDue: number | undefined;
  for (const timer of timers) {
    next[slaProperty(timer.slaId, 'status')] = timer.state;
    next[slaProperty(timer.slaId, 'due_at')] = timer.dueAt === null ? '' : String(timer.dueAt);
    const live = timer.completedAt === null && timer.dueAt !== null;
    if (live && (nextDue === undefined || (timer.dueAt as number) < nextDue))
      nextDue = timer.dueAt as number;
  }
  next[NEXT_DUE] = nextDue === undefined ? '' : String(nextDue);
  const current = deal?.properties ?? {};
  const changed = Object.entries(next).filter(
    ([name, value]) => !sameValue(name, current[name] ?? '', value),
  );
  return changed.length > 0 ? Object.fromEntries(changed) : undefined;
}

/** HubSpot answers datetime properties as ISO text though we write epoch milliseconds: compare instants. */
function sameValue(name: string, current: string, next: string): boolean {
  if (!name.endsWith('_due_at')) return current === next;
  const instant = (v: string) => (v === '' ? NaN : /^\d+$/.test(v) ? Number(v) : Date.parse(v));
  const [a, b] = [instant(current), instant(next)];
  return (Number.isNaN(a) && Number.isNaN(b)) || a === b;
}
