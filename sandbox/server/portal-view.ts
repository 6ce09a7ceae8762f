// The portal as the sandbox page lists it: every deal's, followed contact's and followed company's
// snapshot (read through the same mappings the backend uses), its handoff states from the backend's
// store, the core's view of it, and the dashboard's metrics computed by the core from all of them.
import {
  computeMetrics,
  evaluateRecord,
  objectsOf,
  parsePlaybookText,
  type Metrics,
  type Playbook,
  type RecordSnapshot,
  type RecordView,
} from '@handoff/shared';
import {
  companyHistoryProperties,
  companyProperties,
  companySnapshot,
} from '../../hubspot-app/backend/hubspot/company-mapping.js';
import {
  contactHistoryProperties,
  contactProperties,
  contactSnapshot,
} from '../../hubspot-app/backend/hubspot/contact-mapping.js';
import { dealProperties, dealSnapshot } from '../../hubspot-app/backend/hubspot/mapping.js';
import type { Store } from '../../hubspot-app/backend/store/index.js';
import type { CrmReader } from './crm-reader.js';

export const METRICS_WINDOW_MS = 90 * 24 * 3_600_000;

export interface DealRow {
  id: string;
  name: string;
  company: string;
  /** The deal's first associated company (its HubSpot id), where the company view opens. */
  companyId: string | null;
  ownerId: string | null;
  stage: string;
  amount: string | null;
  handoffs: { id: string; label: string; status: string }[];
  timers: { id: string; label: string; state: string }[];
}

/** A contact as the list shows it: its lifecycle stage as the playbook names it, its MQL handoff and clocks. */
export interface ContactRow {
  id: string;
  name: string;
  company: string;
  stage: string;
  handoffs: { id: string; label: string; status: string }[];
  timers: { id: string; label: string; state: string }[];
}

export interface PortalView {
  playbook: Playbook;
  /** Deals' snapshots (the dashboard's metrics). */
  snapshots: RecordSnapshot[];
  rows: DealRow[];
  /** Contacts in a lifecycle stage the playbook follows, with their snapshots. */
  contacts: ContactRow[];
  contactSnapshots: RecordSnapshot[];
  /** Companies in a lifecycle stage the playbook follows (where expansion opens), with their handoffs. */
  companySnapshots: RecordSnapshot[];
}

export async function readPortal(
  store: Store,
  reader: CrmReader,
  portalId: string,
  now: number,
): Promise<PortalView> {
  const stored = await store.getPlaybook(portalId);
  const parsed = stored ? parsePlaybookText(stored.text) : undefined;
  if (!parsed?.ok) throw new Error('the sandbox portal has no valid playbook');
  const playbook = parsed.playbook;
  const deals = await reader.list('deals', dealProperties(playbook));
  const companyOf = await reader.associations(
    deals.map((d) => d.id),
    'companies',
  );
  const listedCompanies = await reader.list('companies', ['name']);
  const companies = new Map(listedCompanies.map((c) => [c.id, c.properties.name ?? c.id]));
  const states = await store.getHandoffsOfRecords(
    portalId,
    'deal',
    deals.map((d) => d.id),
  );
  const viewer = { userId: 'sandbox', roles: Object.keys(playbook.roles) };
  const snapshots: RecordSnapshot[] = [];
  const rows: DealRow[] = [];
  for (const deal of deals) {
    const transitions = await store.transitionsOf(portalId, deal.id);
    const result = dealSnapshot(playbook, deal, { transitions });
    if (!result.ok) continue;
    const snapshot = { ...result.snapshot, handoffs: states.get(deal.id) ?? {} };
    snapshots.push(snapshot);
    rows.push(row(deal.id, result.name, snapshot, evaluateRecord(playbook, snapshot, viewer, now)));
    const companyId = companyOf.get(deal.id)?.[0];
    (rows.at(-1) as DealRow).company = companyId ? (companies.get(companyId) ?? '') : '';
    (rows.at(-1) as DealRow).companyId = companyId ?? null;
  }
  rows.sort((a, b) => Number(a.id) - Number(b.id));
  const { contacts, contactSnapshots } = await readContacts(store, reader, portalId, playbook, now);
  const companySnapshots = await readCompanies(
    store,
    reader,
    portalId,
    playbook,
    listedCompanies.map((c) => c.id),
  );
  return { playbook, snapshots, rows, contacts, contactSnapshots, companySnapshots };
}

/** The companies the playbook follows (a customer, where expansion opens), with their stored handoffs. */
async function readCompanies(
  store: Store,
  reader: CrmReader,
  portalId: string,
  playbook: Playbook,
  ids: readonly string[],
): Promise<RecordSnapshot[]> {
  if (!objectsOf(playbook).includes('company')) return [];
  const read = await reader.read(
    'companies',
    ids,
    companyProperties(playbook),
    companyHistoryProperties(playbook),
  );
  const states = await store.getHandoffsOfRecords(portalId, 'company', [...ids]);
  return read.flatMap((company) => {
    const result = companySnapshot(playbook, company);
    return result.ok ? [{ ...result.snapshot, handoffs: states.get(company.id) ?? {} }] : [];
  });
}

/** Every contact the playbook follows (its lifecycle stage is one of the playbook's), evaluated by the core. */
async function readContacts(
  store: Store,
  reader: CrmReader,
  portalId: string,
  playbook: Playbook,
  now: number,
): Promise<Pick<PortalView, 'contacts' | 'contactSnapshots'>> {
  // HubSpot's list answers no history; a batch read of the listed ids does.
  const listed = await reader.list('contacts', ['hs_object_id']);
  const read = await reader.read(
    'contacts',
    listed.map((c) => c.id),
    [...contactProperties(playbook), 'company'],
    contactHistoryProperties(playbook),
  );
  const states = await store.getHandoffsOfRecords(
    portalId,
    'contact',
    read.map((c) => c.id),
  );
  const viewer = { userId: 'sandbox', roles: Object.keys(playbook.roles) };
  const contacts: ContactRow[] = [];
  const contactSnapshots: RecordSnapshot[] = [];
  for (const contact of read) {
    const result = contactSnapshot(playbook, contact);
    if (!result.ok) continue;
    const snapshot = { ...result.snapshot, handoffs: states.get(contact.id) ?? {} };
    contactSnapshots.push(snapshot);
    const view = evaluateRecord(playbook, snapshot, viewer, now);
    const { stage, handoffs, timers } = row(contact.id, result.name, snapshot, view);
    contacts.push({
      id: contact.id,
      name: result.name,
      company: contact.properties.company ?? '',
      stage,
      handoffs,
      timers,
    });
  }
  contacts.sort((a, b) => Number(a.id) - Number(b.id));
  return { contacts, contactSnapshots };
}

function row(id: string, name: string, snapshot: RecordSnapshot, view: RecordView): DealRow {
  return {
    id,
    name,
    company: '',
    companyId: null,
    ownerId: snapshot.ownerId ?? null,
    stage: view.currentStage?.label ?? snapshot.stage,
    amount: typeof snapshot.fields.amount === 'string' ? snapshot.fields.amount : null,
    handoffs: view.handoffs.map((h) => ({ id: h.id, label: h.label, status: h.status })),
    timers: view.timers.map((t) => ({ id: t.slaId, label: t.label, state: t.state })),
  };
}

/** The core's metrics over every record the portal follows: its deals, contacts and companies. */
export function dashboardMetrics(view: PortalView, now: number): Metrics {
  return computeMetrics(
    view.playbook,
    [...view.snapshots, ...view.contactSnapshots, ...view.companySnapshots],
    { from: now - METRICS_WINDOW_MS, to: now },
    now,
  );
}
