// The SLA scanner: every live timer of a portal watched, every escalation executed exactly once,
// SLA status written back for HubSpot's own reports — within the portal's rate budget.
import {
  evaluateRecord,
  planEscalations,
  type EscalationAction,
  type Playbook,
  type RecordView,
  type TimerView,
} from '@handoff/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.js';
import { CrmError, type Crm } from '../hubspot/crm.js';
import { dealProperties, dealSnapshot, type HubSpotObject } from '../hubspot/mapping.js';
import type { RoleResolver } from '../hubspot/roles.js';
import { slaProperty } from '../provisioning/properties.js';
import type { Store } from '../store/index.js';
import type { RateBudget } from './budget.js';
import { candidateStages } from './candidates.js';

export const SEARCH_PAGE = 200;
export const BATCH = 100;
const LEASE_MS = 5 * 60_000;
const RETRIES = 6;
const SYSTEM_VIEWER = { userId: 'handoff-scanner', roles: [] };

export interface ScanReport {
  portalId: string;
  skipped?: 'no_installation' | 'no_playbook' | 'leased';
  deals: number;
  escalations: number;
  statusWrites: number;
  apiCalls: number;
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
}

export class Scanner {
  constructor(private readonly options: ScannerOptions) {}

  async scanPortal(portalId: string): Promise<ScanReport> {
    const { store, clock } = this.options;
    const report: ScanReport = { portalId, deals: 0, escalations: 0, statusWrites: 0, apiCalls: 0 };
    const playbook = await this.options.playbookFor(portalId);
    if (!playbook) return { ...report, skipped: 'no_playbook' };
    const raw = await this.options.crmFor(portalId);
    if (!raw) return { ...report, skipped: 'no_installation' };
    if (!(await store.takeLease(portalId, this.options.holder, clock.now(), LEASE_MS)))
      return { ...report, skipped: 'leased' };
    try {
      const crm = this.paced(raw, portalId, report);
      const settings = await store.getSettings(portalId);
      const stageProps = settings?.stageProperties ?? {};
      const mirror = playbook.slas.flatMap((sla) => [
        slaProperty(sla.id, 'status'),
        slaProperty(sla.id, 'due_at'),
      ]);
      const properties = [
        ...dealProperties(playbook, stageProps),
        ...mirror,
        'handoff_next_due_at',
      ];
      const done = await store.escalationsOf(portalId);
      const writes: { id: string; properties: Record<string, string> }[] = [];
      for (const [pipeline, stageIds] of candidateStages(playbook)) {
        let aboveId = '0';
        for (;;) {
          const page = await crm.searchDeals({
            pipeline,
            stageIds,
            aboveId,
            properties,
            limit: SEARCH_PAGE,
          });
          const views = await this.evaluate(portalId, playbook, page, stageProps);
          report.deals += views.length;
          const actions = planEscalations(
            playbook,
            views,
            new Set([...done].filter(([, s]) => s === 'done').map(([k]) => k)),
            clock.now(),
          );
          for (const action of actions) {
            await this.execute(crm, portalId, playbook, action, done.get(action.key) === 'started');
            done.set(action.key, 'done');
            report.escalations++;
          }
          for (const view of views) {
            const deal = page.find((d) => d.id === view.record.recordId);
            const update = statusUpdate(view.timers, deal);
            if (update) writes.push({ id: view.record.recordId, properties: update });
          }
          while (writes.length >= BATCH) await crm.batchUpdateDeals(writes.splice(0, BATCH));
          // Keep the lease while working, so a long scan is never joined by a second instance.
          await store.takeLease(portalId, this.options.holder, clock.now(), LEASE_MS);
          if (page.length < SEARCH_PAGE) break;
          aboveId = page[page.length - 1]?.id ?? aboveId;
        }
      }
      if (writes.length > 0) await crm.batchUpdateDeals(writes.splice(0));

      return report;
    } finally {
      await store.releaseLease(portalId, this.options.holder);
    }
  }

  private async evaluate(
    portalId: string,
    playbook: Playbook,
    deals: HubSpotObject[],
    stageProperties: Record<string, string>,
  ): Promise<RecordView[]> {
    const handoffs = await this.options.store.getHandoffsOfRecords(
      portalId,
      'deal',
      deals.map((d) => d.id),
    );
    const now = this.options.clock.now();
    const views: RecordView[] = [];
    const history = await this.options.store.transitionsOfDeals(
      portalId,
      deals.map((d) => d.id),
    );
    for (const deal of deals) {
      const transitions = history.get(deal.id) ?? [];
      const result = dealSnapshot(playbook, deal, { stageProperties, transitions });
      if (!result.ok) continue;
      views.push(
        evaluateRecord(
          playbook,
          { ...result.snapshot, handoffs: handoffs.get(deal.id) ?? {} },
          SYSTEM_VIEWER,
          now,
        ),
      );
    }
    return views;
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
    interrupted: boolean,
  ): Promise<void> {
    const { store, clock } = this.options;
    await store.escalationStarted(portalId, action.key, clock.now());
    const dealId = action.record.recordId;
    if (action.action === 'reassign') {
      const to = typeof action.to === 'object' && 'user' in action.to ? action.to.user : undefined;
      const people = await this.options.roles.ownersByRole(portalId, playbook);
      const ownerId = to ? people.ownerOfUser(to) : undefined;
      if (ownerId) await crm.updateDeal(dealId, { hubspot_owner_id: ownerId });
    } else {
      const owners = await this.targets(portalId, playbook, action);
      const type = action.action === 'note' ? 'notes' : 'tasks';
      const targets = type === 'notes' ? [undefined] : owners;
      for (const ownerId of targets) {
        const key = ownerId ? `${action.key}:${ownerId}` : action.key;
        if (interrupted && (await crm.findEngagement(type, key))) continue;
        const properties: Record<string, string> =
          type === 'notes'
            ? { hs_timestamp: String(clock.now()), hs_note_body: `Handoff: ${action.title}` }
            : {
                hs_timestamp: String(clock.now()),
                hs_task_subject: action.title,
                hs_task_status: 'NOT_STARTED',
                hs_task_priority: action.when === 'breached' ? 'HIGH' : 'MEDIUM',
                ...(ownerId ? { hubspot_owner_id: ownerId } : {}),
              };
        await crm.createEngagement(type, dealId, properties, key);
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
      findEngagement: (type, key) => attempt(true, () => crm.findEngagement(type, key)),
      completeTasks: (keys) => attempt(true, () => crm.completeTasks(keys)),
      batchUpdateDeals: async (inputs) => {
        await attempt(false, () => crm.batchUpdateDeals(inputs));
        report.statusWrites += inputs.length;
      },
      createEngagement: (type, dealId, properties, key) =>
        attempt(
          false,
          () => crm.createEngagement(type, dealId, properties, key),
          async () => (await attempt(true, () => crm.findEngagement(type, key))) ?? undefined,
        ),
      updateDeal: (dealId, properties) => attempt(false, () => crm.updateDeal(dealId, properties)),
    };
  }
}

/** The SLA mirror properties that changed for one deal, or undefined when HubSpot already shows them. */
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
  next.handoff_next_due_at = nextDue === undefined ? '' : String(nextDue);
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
