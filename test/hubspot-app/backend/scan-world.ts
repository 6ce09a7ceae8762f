// A simulated sales week for the scanners: portals seeded alike (same deals, same owners, same
// changes at the same instants), scanners built over the service harness's store with every CRM
// write they make recorded, and a deterministic list of changes (stage moves, handoffs accepted,
// rejected and resubmitted, field edits, new deals) to replay on each portal.
import type { HandoffState } from '@handoff/shared';
import { hubspotCrm, type Crm } from '../../../hubspot-app/backend/hubspot/crm.js';
import { RoleResolver } from '../../../hubspot-app/backend/hubspot/roles.js';
import { createLogger } from '../../../hubspot-app/backend/log.js';
import { RateBudget } from '../../../hubspot-app/backend/scanner/budget.js';
import { Scanner } from '../../../hubspot-app/backend/scanner/scan.js';
import { SCANNER_PLAYBOOK_TEXT, scannerPlaybook } from '../../fixtures/scanner-playbook.js';
import type { ServiceHarness } from './service-harness.js';

/** New York wall time in November 2026 (UTC−5). */
export const ny = (day: number, hour: number, minute = 0) =>
  Date.UTC(2026, 10, day, hour + 5, minute);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export interface WorldPortal {
  portalId: string;
  /** Deal ids in creation order: the same index names the same deal in every portal. */
  deals: string[];
  /** Every HubSpot id of this portal → a name common to all portals (d3, rep, …). */
  names: Map<string, string>;
  rep: string;
}

export async function worldPortal(h: ServiceHarness): Promise<WorldPortal> {
  const { portalId } = h.emulator.portals.create();
  const names = new Map<string, string>();
  const owner = (email: string, team: string, name: string) => {
    const o = h.emulator.seed.owner(portalId, { email, teams: [{ name: team }] });
    names.set(String(o.id), name);
    names.set(String(o.userId), `${name}-user`);
    return o;
  };
  const rep = owner('rep@example.com', 'Sales', 'rep');
  owner('cs@example.com', 'Customer Success', 'cs');
  const admin = owner('admin@example.com', 'RevOps', 'admin');
  await h.install(portalId);
  const saved = await h.call('PUT', '/v1/hubspot/playbook', portalId, {
    as: String(admin.userId),
    body: { text: SCANNER_PLAYBOOK_TEXT },
  });
  if (saved.status !== 200) throw new Error('could not save the playbook');
  return { portalId, deals: [], names, rep: String(rep.id) };
}

export function seedDeal(
  h: ServiceHarness,
  portal: WorldPortal,
  stageHistory: { stage: string; at: number }[],
): string {
  const index = portal.deals.length;
  const id = h.emulator.seed.deal(portal.portalId, {
    properties: { dealname: `deal-${index}`, hubspot_owner_id: portal.rep, amount: '1000' },
    stageHistory,
  });
  portal.deals.push(id);
  portal.names.set(id, `d${index}`);
  return id;
}

/** One change in the week, applied alike to every portal. */
export type Change =
  | { at: number; kind: 'stage'; deal: number; stage: string }
  | { at: number; kind: 'edit'; deal: number }
  | {
      at: number;
      kind: 'handoff';
      deal: number;
      handoffId: string;
      event: 'submitted' | 'accepted' | 'rejected';
    }
  | { at: number; kind: 'new'; stage: string };

/** A small deterministic generator (mulberry32), so every run replays the same week. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const STATUS: Record<'submitted' | 'accepted' | 'rejected', HandoffState['status']> = {
  submitted: 'submitted',
  accepted: 'accepted',
  rejected: 'rejected',
};

export async function applyChange(
  h: ServiceHarness,
  portal: WorldPortal,
  change: Change,
): Promise<void> {
  h.clock.set(change.at);
  if (change.kind === 'new') {
    seedDeal(h, portal, [{ stage: change.stage, at: change.at }]);
    return;
  }
  const dealId = portal.deals[change.deal % portal.deals.length] as string;
  if (change.kind === 'stage') {
    h.emulator.seed.updateDeal(portal.portalId, dealId, { dealstage: change.stage });
    return;
  }
  if (change.kind === 'edit') {
    h.emulator.seed.updateDeal(portal.portalId, dealId, {
      amount: String(1000 + (Math.round(change.at / MINUTE) % 997)),
    });
    return;
  }
  const key = { portalId: portal.portalId, objectType: 'deal', recordId: dealId };
  await h.store.applyAction(
    key,
    change.handoffId,
    `${change.event}-${change.at}`,
    change.at,
    (current) => {
      const state: HandoffState = {
        status: STATUS[change.event],
        version: (current?.version ?? 0) + 1,
        items: current?.items ?? {},
        events: [
          ...(current?.events ?? []),
          {
            type: change.event,
            at: change.at,
            by: 'u',
            actionId: `${change.event}-${change.at}`,
            details: change.event === 'rejected' ? { reason: 'missing_information' } : {},
          },
        ],
      };
      return { kind: 'store', state, response: () => ({ status: 200, body: null }) };
    },
  );
}

/** What a scanner wrote to HubSpot, in the portal-neutral names of `WorldPortal.names`. */
export interface Written {
  escalations: string[];
  statusWrites: string[];
  completions: string[];
}

export function emptyWritten(): Written {
  return { escalations: [], statusWrites: [], completions: [] };
}

function neutral(portal: WorldPortal, value: unknown): string {
  return JSON.stringify(value).replace(/\d{6,}/g, (id) => portal.names.get(id) ?? id);
}

/**
 * A scanner over the harness's store and emulator (the service's own wiring, without retries of
 * its own client), recording into `written` each engagement it creates, each deal it reassigns,
 * each status batch and each task-completion lookup, and counting its calls in `calls`.
 */
export function recordingScanner(
  h: ServiceHarness,
  portal: () => WorldPortal,
  options: { changeDriven: boolean; written: () => Written; holder: string },
): Scanner {
  const crmFor = async (portalId: string): Promise<Crm | null> => {
    const token = await h.service.tokens.accessToken(portalId);
    if (!token) return null;
    const crm = hubspotCrm(h.emulator.url, token, { retries: 1 });
    const w = options.written;
    return {
      ...crm,
      createEngagement: async (type, dealId, properties, key) => {
        w().escalations.push(neutral(portal(), { type, dealId, properties, key }));
        return crm.createEngagement(type, dealId, properties, key);
      },
      updateDeal: async (dealId, properties) => {
        w().escalations.push(neutral(portal(), { reassign: dealId, properties }));
        return crm.updateDeal(dealId, properties);
      },
      batchUpdateDeals: async (inputs) => {
        for (const input of inputs) w().statusWrites.push(neutral(portal(), input));
        return crm.batchUpdateDeals(inputs);
      },
      openTaskIds: async (keys) => {
        for (const key of keys) w().completions.push(neutral(portal(), key));
        return crm.openTaskIds(keys);
      },
    };
  };
  const roles = new RoleResolver(h.clock, async (portalId) =>
    ((await crmFor(portalId)) ?? { getOwners: async () => [] }).getOwners(),
  );
  return new Scanner({
    store: h.store,
    clock: h.clock,
    crmFor,
    playbookFor: async () => scannerPlaybook(),
    roles,
    budget: new RateBudget(h.clock),
    log: createLogger('silent'),
    sleep: async (ms) => void h.clock.advance(ms),
    holder: options.holder,
    changeDriven: options.changeDriven,
  });
}

/** A scanner over the harness's store and emulator, wired as the service wires its own; nothing recorded. */
export function plainScanner(h: ServiceHarness, changeDriven: boolean): Scanner {
  const written = emptyWritten();
  const none: WorldPortal = { portalId: '', deals: [], names: new Map(), rep: '' };
  const scanner = recordingScanner(h, () => none, {
    changeDriven,
    written: () => written,
    holder: changeDriven ? 'changes' : 'full',
  });
  // Recording is dropped as it comes: a bench's writes run into the hundreds of thousands.
  const clear = () => {
    written.escalations.length = 0;
    written.statusWrites.length = 0;
    written.completions.length = 0;
  };
  const scan = scanner.scanPortal.bind(scanner);
  scanner.scanPortal = async (portalId, options) => {
    try {
      return await scan(portalId, options);
    } finally {
      clear();
    }
  };
  return scanner;
}
