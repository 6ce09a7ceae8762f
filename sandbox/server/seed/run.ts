// First start: a portal installed through the real OAuth flow, the default playbook saved by the
// admin, companies and deals seeded in the emulator as HubSpot users would have made them, then
// every handoff action replayed in time order through the card host and the real card API
// (signature verified, roles resolved from teams, store transaction, outbox) — nothing is
// written to the backend's store directly.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { paths } from '@handoff/shared';
import type { HubSpotEmulator } from '../../emulators/hubspot/index.js';
import type { ManualClock } from '../../emulators/plumbing/clock.js';
import { CARD_BACKEND_URL, type CardHost } from '../card-host.js';
import type { SandboxMeta, SeededPerson } from '../meta.js';
import { contactPlans, contactSteps } from './contacts.js';
import { CUSTOMER_DEALS, dealPlans, type DealPlan } from './deals.js';
import { PEOPLE } from './people.js';
import { seedSteps } from './scripts.js';
import { SEEDED_AT } from './time.js';

const DEFAULT_PLAYBOOK = readFileSync(
  fileURLToPath(new URL('../../../shared/playbooks/default.yaml', import.meta.url)),
  'utf8',
);

export const COMPANY_NAMES = [
  'Northwind Traders',
  'Globex',
  'Initech',
  'Umbrella Health',
  'Hooli',
  'Vandelay Industries',
  'Stark Logistics',
  'Wayne Foods',
  'Acme Tools',
  'Soylent Labs',
  'Tyrell Systems',
  'Cyberdyne',
  'Wonka Retail',
  'Gekko Capital',
  'Oscorp Energy',
];

export interface SeedContext {
  emulator: HubSpotEmulator;
  clock: ManualClock;
  backendUrl: string;
  host: (portalId: string) => CardHost;
  /** Delivers the outbox (mirror properties, notes, tasks) at the current instant. */
  drain: () => Promise<void>;
  scan: (portalId: string) => Promise<void>;
}

export async function seedSandbox(ctx: SeedContext): Promise<SandboxMeta> {
  const { emulator, clock } = ctx;
  const { portalId } = emulator.portals.create();
  const people: SeededPerson[] = [];
  const ownerIds = new Map<string, string>();
  for (const p of PEOPLE) {
    const owner = emulator.seed.owner(portalId, {
      email: p.email,
      firstName: p.firstName,
      lastName: p.lastName,
      teams: [{ name: p.team }],
    });
    ownerIds.set(p.key, String(owner.id));
    people.push({
      key: p.key,
      userId: String(owner.userId),
      name: `${p.firstName} ${p.lastName}`,
      team: p.team,
      role: p.role,
    });
  }
  const userOf = (key: string) => people.find((p) => p.key === key)?.userId ?? '';

  await install(ctx, portalId);
  const host = ctx.host(portalId);
  const saved = await host.fetch({
    url: `${CARD_BACKEND_URL}${paths.playbook}`,
    method: 'PUT',
    body: { text: DEFAULT_PLAYBOOK },
    userId: userOf('admin'),
  });
  if (saved.status !== 200)
    throw new Error(`saving the playbook failed: ${JSON.stringify(saved.body)}`);

  const plans = dealPlans();
  const companies = COMPANY_NAMES.map((name, i) =>
    emulator.seed.company(portalId, { name }, companyLifecycle(plans, i)),
  );
  const deals: Record<string, string> = {};
  const owners: Record<string, string> = {};
  for (const plan of plans) {
    deals[plan.key] = emulator.seed.deal(portalId, {
      properties: { ...plan.properties, hubspot_owner_id: ownerIds.get(plan.owner) ?? '' },
      stageHistory: plan.history,
      companyIds: [companies[plan.company] ?? ''],
    });
    owners[plan.key] = plan.owner;
  }

  const contacts: Record<string, string> = {};
  for (const plan of contactPlans())
    contacts[plan.key] = emulator.seed.contact(portalId, {
      properties: { ...plan.properties, company: COMPANY_NAMES[plan.company] ?? '' },
      lifecycle: plan.lifecycle,
      companyIds: [companies[plan.company] ?? ''],
    });

  // Deals' and contacts' steps on one timeline (deals first at the same instant).
  const timeline: { at: number; what: string; run: (i: number) => Promise<void> }[] = [];
  for (const step of seedSteps((deal) => owners[deal] ?? 'rep1'))
    timeline.push({
      at: step.at,
      what: `${step.deal} ${step.action.type}`,
      run: (i) =>
        act(
          `${paths.actions('deals', deals[step.deal] ?? '')}`,
          step.handoffId,
          step.action,
          step.as,
          i,
        ),
    });
  for (const step of contactSteps()) {
    const contactId = contacts[step.contact] ?? '';
    timeline.push(
      'touch' in step
        ? {
            at: step.at,
            what: `${step.contact} call`,
            // An SDR logs a call in HubSpot: "Last contacted" moves to that instant.
            run: async () => emulator.seed.touchContact(portalId, contactId, step.at),
          }
        : {
            at: step.at,
            what: `${step.contact} ${step.action.type}`,
            run: (i) =>
              act(paths.actions('contacts', contactId), 'mql_to_sales', step.action, step.as, i),
          },
    );
  }
  async function act(path: string, handoffId: string, action: unknown, as: string, i: number) {
    const answer = await host.fetch({
      url: `${CARD_BACKEND_URL}${path}`,
      method: 'POST',
      body: { handoffId, actionId: `seed-${i}`, action },
      userId: userOf(as),
    });
    if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
  }
  timeline.sort((a, b) => a.at - b.at);
  for (const [i, step] of timeline.entries()) {
    clock.set(step.at);
    emulator.resetRateLimits();
    await step.run(i).catch((error: unknown) => {
      throw new Error(`seed step ${i} (${step.what}) failed: ${(error as Error).message}`);
    });
    await ctx.drain();
  }
  clock.set(SEEDED_AT);
  emulator.resetRateLimits();
  await ctx.scan(portalId);
  return { portalId, people, deals, contacts, clock: clock.now() };
}

/**
 * A customer company's lifecycle stages as HubSpot records them: an opportunity from its won deal's
 * first stage, a customer from the win. Other companies have no lifecycle stage.
 */
function companyLifecycle(plans: DealPlan[], company: number): { stage: string; at: number }[] {
  const won = plans.find((p) => p.company === company && CUSTOMER_DEALS.includes(p.key));
  const first = won?.history[0];
  const last = won?.history.at(-1);
  if (!first || !last) return [];
  return [
    { stage: 'opportunity', at: first.at },
    { stage: 'customer', at: last.at },
  ];
}

/** The marketplace install as the admin's browser does it: consent redirect, code, callback. */
async function install(ctx: SeedContext, portalId: string): Promise<void> {
  const start = await fetch(`${ctx.backendUrl}/oauth/install`, { redirect: 'manual' });
  const consent = new URL(start.headers.get('location') ?? '').searchParams;
  const state = consent.get('state') ?? '';
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  // HubSpot grants what the install URL asks for: the scopes the app declares.
  const code = ctx.emulator.issueAuthorizationCode(portalId, `${ctx.backendUrl}/oauth/callback`, {
    scopes: (consent.get('scope') ?? '').split(' '),
  });
  const callback = await fetch(
    `${ctx.backendUrl}/oauth/callback?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`,
    { headers: { cookie } },
  );
  if (callback.status !== 200) throw new Error(`installing the app failed (${callback.status})`);
}
