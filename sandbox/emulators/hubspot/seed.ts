import type { Catalog, Owner, Stage } from './catalog.js';
import type { HubSpotContext } from './context.js';
import type { ObjectType } from './object-types.js';
import type { PropertyValues } from './store.js';

export interface OwnerSeed {
  email: string;
  firstName?: string;
  lastName?: string;
  userId?: number;
  archived?: boolean;
  /** Teams are shared by name within a portal; the first one is primary unless said otherwise. */
  teams?: Array<{ name: string; primary?: boolean }>;
}

export interface DealSeed {
  properties?: Record<string, string>;
  /** Stages the deal went through, oldest first; the last one is its current stage. */
  stageHistory?: Array<{ stage: string; at: number | Date }>;
  pipeline?: string;
  companyIds?: string[];
}

export interface ContactSeed {
  properties?: Record<string, string>;
  /** Lifecycle stages the contact went through, oldest first; the last one is its current stage. */
  lifecycle?: Array<{ stage: string; at: number | Date }>;
  /** When sales touched the contact (a logged call, email or meeting), oldest first. */
  touches?: Array<number | Date>;
  companyIds?: string[];
}

export interface PipelineSeed {
  id: string;
  label: string;
  stages: Array<{ id: string; label: string; metadata?: Record<string, string> }>;
}

const ms = (at: number | Date): number => (typeof at === 'number' ? at : at.getTime());

function failIfInvalid(result: { ok: boolean; errors?: unknown }, what: string): void {
  if (!result.ok) throw new Error(`cannot seed ${what}: ${JSON.stringify(result.errors)}`);
}

/** Puts data in a portal the way users in HubSpot's UI would, bypassing the API, its limits and its log. */
export class Seeder {
  readonly #teamIds = new Map<string, string>();

  constructor(
    private readonly context: HubSpotContext,
    private readonly afterWrite: () => void,
  ) {}

  owner(portalId: string, seed: OwnerSeed): Owner {
    const catalog: Catalog = this.context.catalog;
    const chosen = (seed.teams ?? []).some((team) => team.primary === true);
    const teams = (seed.teams ?? []).map((team, index) => {
      const key = `${portalId}:${team.name}`;
      const id = this.#teamIds.get(key) ?? String(9_000_000 + this.#teamIds.size + 1);
      this.#teamIds.set(key, id);
      return { id, name: team.name, primary: team.primary ?? (!chosen && index === 0) };
    });
    const count = catalog.owners(portalId).length;
    const [local = 'user'] = seed.email.split('@');
    return catalog.addOwner(portalId, {
      email: seed.email,
      firstName: seed.firstName ?? local,
      lastName: seed.lastName ?? '',
      userId: seed.userId ?? 1_000_000 + Number(portalId.slice(-3)) * 1000 + count + 1,
      archived: seed.archived ?? false,
      teams,
      createdAt: this.context.clock.now(),
    });
  }

  /**
   * A company; with `lifecycle`, its lifecycle stages written as HubSpot would (each a property
   * change at its time), so the stage's history says when it became a customer.
   */
  company(
    portalId: string,
    properties: Record<string, string>,
    lifecycle: Array<{ stage: string; at: number | Date }> = [],
  ): string {
    const [first, ...later] = lifecycle;
    const result = this.context.crm.create(
      portalId,
      'companies',
      { ...properties, ...(first ? { lifecyclestage: first.stage } : {}) },
      {
        source: 'CRM_UI',
        notify: false,
        ...(first ? { trusted: true, at: ms(first.at) } : {}),
      },
    );
    failIfInvalid(result, 'company');
    if (!result.ok) return '';
    let company = result.object;
    for (const step of later) {
      const moved = this.context.crm.update(
        company,
        { lifecyclestage: step.stage },
        { source: 'CRM_UI', trusted: true, at: ms(step.at), notify: false },
      );
      failIfInvalid(moved, 'company lifecycle stage');
      if (moved.ok) company = moved.object;
    }
    return company.id;
  }

  deal(portalId: string, seed: DealSeed = {}): string {
    const { crm, clock } = this.context;
    const history = seed.stageHistory ?? [];
    const [first, ...later] = history;
    const createdAt = first ? ms(first.at) : clock.now();
    const initial: Record<string, string> = {
      ...seed.properties,
      pipeline: seed.pipeline ?? seed.properties?.pipeline ?? 'default',
    };
    if (first) initial.dealstage = first.stage;
    else initial.dealstage ??= 'appointmentscheduled';
    const created = crm.create(portalId, 'deals', initial, {
      source: 'CRM_UI',
      trusted: true,
      at: createdAt,
      notify: false,
    });
    failIfInvalid(created, 'deal');
    if (!created.ok) return '';
    let deal = created.object;
    for (const step of later) {
      const moved = crm.update(
        deal,
        { dealstage: step.stage },
        { source: 'CRM_UI', trusted: true, at: ms(step.at), notify: false },
      );
      failIfInvalid(moved, 'deal stage');
      if (moved.ok) deal = moved.object;
    }
    for (const companyId of seed.companyIds ?? [])
      this.associate(portalId, 'deals', deal.id, 'companies', companyId);
    return deal.id;
  }

  /**
   * A contact with its lifecycle history, written as HubSpot would (each stage a property change at
   * its time), and its touches as HubSpot records them: each logged call, email or meeting sets
   * "Last contacted" (notes_last_contacted) to its time.
   */
  contact(portalId: string, seed: ContactSeed = {}): string {
    const { crm, clock } = this.context;
    const [first, ...later] = seed.lifecycle ?? [];
    const created = crm.create(
      portalId,
      'contacts',
      { ...seed.properties, ...(first ? { lifecyclestage: first.stage } : {}) },
      { source: 'CRM_UI', trusted: true, at: first ? ms(first.at) : clock.now(), notify: false },
    );
    failIfInvalid(created, 'contact');
    if (!created.ok) return '';
    let contact = created.object;
    const changes = [
      ...later.map((step) => ({ at: ms(step.at), values: { lifecyclestage: step.stage } })),
      ...(seed.touches ?? []).map((t) => ({
        at: ms(t),
        values: { notes_last_contacted: String(ms(t)) },
      })),
    ].sort((a, b) => a.at - b.at);
    for (const change of changes) {
      const moved = crm.update(contact, change.values, {
        source: 'CRM_UI',
        trusted: true,
        at: change.at,
        notify: false,
      });
      failIfInvalid(moved, 'contact change');
      if (moved.ok) contact = moved.object;
    }
    for (const companyId of seed.companyIds ?? [])
      this.associate(portalId, 'contacts', contact.id, 'companies', companyId);
    return contact.id;
  }

  /**
   * Sales logs a call, email or meeting on a contact at `at`: HubSpot sets its "Last contacted"
   * (notes_last_contacted) to that time, as `contact`'s touches do.
   */
  touchContact(portalId: string, contactId: string, at: number | Date): void {
    const contact = this.context.store.get(portalId, 'contacts', contactId);
    if (!contact) throw new Error(`contact ${contactId} is not in portal ${portalId}`);
    const touched = this.context.crm.update(
      contact,
      { notes_last_contacted: String(ms(at)) },
      { source: 'CRM_UI', trusted: true, at: ms(at), notify: false },
    );
    failIfInvalid(touched, 'contact touch');
    this.afterWrite();
  }

  /** A user edits a deal in HubSpot: history, stage dates and a webhook like any real change. */
  updateDeal(portalId: string, dealId: string, properties: PropertyValues): void {
    this.updateRecord(portalId, 'deals', dealId, properties);
  }

  /**
   * A user edits a record in HubSpot's UI, as updateDeal does: a contact's or company's lifecycle
   * stage set by hand, backwards too. Our reading, not a rule this emulator enforces: the contacts
   * guide's forward-only rule is about API writes
   * (https://developers.hubspot.com/docs/api-reference/latest/crm/objects/contacts/guide); that a
   * person may pick an earlier stage in the record is not stated on a page we hold.
   */
  updateRecord(portalId: string, type: ObjectType, id: string, properties: PropertyValues): void {
    const record = this.context.store.get(portalId, type, id);
    if (!record) throw new Error(`${type} ${id} is not in portal ${portalId}`);
    failIfInvalid(
      this.context.crm.update(record, properties, { source: 'CRM_UI' }),
      `${type} update`,
    );
    this.afterWrite();
  }

  pipeline(portalId: string, seed: PipelineSeed): void {
    const stages: Stage[] = seed.stages.map((stage, displayOrder) => ({
      id: stage.id,
      label: stage.label,
      displayOrder,
      metadata: stage.metadata ?? { isClosed: 'false', probability: '0.5' },
    }));
    const existing = this.context.catalog.pipelines(portalId, 'deals').length;
    this.context.catalog.putPipeline(portalId, 'deals', {
      id: seed.id,
      label: seed.label,
      displayOrder: existing,
      stages,
      createdAt: this.context.clock.now(),
    });
  }

  associate(
    portalId: string,
    fromType: ObjectType,
    fromId: string,
    toType: ObjectType,
    toId: string,
  ): void {
    const from = this.context.store.get(portalId, fromType, fromId);
    const to = this.context.store.get(portalId, toType, toId);
    if (!from || !to)
      throw new Error(
        `cannot associate ${fromType} ${fromId} with ${toType} ${toId} in portal ${portalId}`,
      );
    this.context.store.associate(portalId, from, to);
  }
}
