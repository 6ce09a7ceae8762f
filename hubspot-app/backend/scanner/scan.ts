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
import type { Crm } from '../hubspot/crm.js';
import { dealProperties, dealSnapshot, type HubSpotObject } from '../hubspot/mapping.js';
import type { RoleResolver } from '../hubspot/roles.js';
import { slaProperty } from '../provisioning/properties.js';
import type { Store } from '../store/index.js';
import type { RateBudget } from './budget.js';
import { candidateStages } from './candidates.js';

export const SEARCH_PAGE = 200;
export const BATCH = 100;
const LEASE_MS = 5 * 60_000;
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
    for (const deal of deals) {
      const transitions = await this.options.store.transitionsOf(portalId, deal.id);
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
  private paced(crm: Crm, portalId: string, report: ScanReport): Crm {
    const wait = async (search: boolean) => {
      for (;;) {
        const ms = this.options.budget.reserveScan(portalId, search);
        if (ms <= 0) break;
        await this.options.sleep(ms);
      }
      report.apiCalls++;
    };
    const wrap =
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>, search = false) =>
      async (...args: A): Promise<R> => {
        await wait(search);
        return fn(...args);
      };
    return {
      ...crm,
      searchDeals: wrap(crm.searchDeals.bind(crm), true),
      findEngagement: wrap(crm.findEngagement.bind(crm), true),
      batchUpdateDeals: async (inputs) => {
        await wait(false);
        report.statusWrites += inputs.length;
        return crm.batchUpdateDeals(inputs);
      },
      createEngagement: wrap(crm.createEngagement.bind(crm)),
      updateDeal: wrap(crm.updateDeal.bind(crm)),
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
