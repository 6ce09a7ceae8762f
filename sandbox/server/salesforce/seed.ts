// The same demo company in the Salesforce emulator: the HubSpot seed's people as Users with the
// package's permission sets and the Handoff roles their HubSpot teams give them, its companies as Accounts, its 60 deals as Opportunities (same names,
// amounts, close dates and playbook fields; stages through the playbook's Salesforce mapping and
// the same stage entry times in OpportunityHistory), each deal's handoffs as Handoff__c headers
// and Handoff_Item__c rows in the states the HubSpot side reached, and the active playbook.
// Written through the emulator's seeding door (as a data migration would), so no API limits.
import {
  checklistOf,
  fieldsOn,
  evaluateRecord,
  handoffSlaOutcome,
  type HandoffEvent,
  type HandoffState,
  type Playbook,
  type RecordSnapshot,
  opportunityStageNamesOf,
  pipelineStagesOf,
} from '@handoff/shared';
import type { SalesforceEmulator } from '../../emulators/salesforce/index.js';
import { namespacePrefix, qualify } from '../../../salesforce-package/scripts/namespace.js';
import { milestoneEvents } from '../../../salesforce-package/scripts/handoff-core/milestones.js';
import type { SeededPerson } from '../meta.js';
import type { DealPlan } from '../seed/deals.js';

export interface SalesforceMeta {
  /** Person key (rep1, cs1, admin, guest, …) → Salesforce User id. */
  users: Record<string, string>;
  /** Person key → Username, for sessions. */
  usernames: Record<string, string>;
  /** Seed deal key → Opportunity id. */
  opportunities: Record<string, string>;
  /** The Handoff tools' integration user, which the scanner signs in as. */
  scannerUsername: string;
}

export interface SalesforceSeedInput {
  emulator: SalesforceEmulator;
  playbook: Playbook;
  people: readonly SeededPerson[];
  companies: readonly string[];
  plans: readonly DealPlan[];
  /** Seed deal key → HubSpot deal id. */
  deals: Readonly<Record<string, string>>;
  /** The HubSpot deals as the core sees them (fields in playbook words, handoff states). */
  snapshots: readonly RecordSnapshot[];
  /** The seeded instant: which handoffs are open then decides which headers exist. */
  now: number;
}

const DOMAIN = 'handoff-demo.example';
export const SCANNER_USERNAME = `handoff-scanner@${DOMAIN}`;

/**
 * The package's permission sets give access: everyone with a playbook role works handoffs; the admin
 * also configures. What each may do comes from the Handoff roles on their User record. The no-role
 * person gets neither.
 */
function setsOf(playbook: Playbook, role: string): string[] {
  if (!(role in playbook.roles)) return [];
  return [role === 'admin' ? 'Handoff_Admin' : 'Handoff_User', 'Handoff_Playbook_Fields'];
}

const EVENT_ACTIONS: Record<HandoffEvent['type'], string> = {
  item_set: 'set_item',
  submitted: 'submit',
  withdrawn: 'withdraw',
  accepted: 'accept',
  rejected: 'reject',
  reworked: 'reopen',
};

const SEED_VIEWER = { userId: 'seed', roles: [] };
const NOT_STARTED: HandoffState = { status: 'not_started', version: 0, items: {}, events: [] };

const iso = (at: number) => new Date(at).toISOString();

/** A playbook field's HubSpot value as the Salesforce field of its type holds it. */
function fieldValue(type: string, value: unknown): unknown {
  if (value === null || value === undefined || value === '') return null;
  if (type === 'number') return Number(value);
  if (type === 'date') {
    const text = String(value);
    return /^\d+$/.test(text) ? iso(Number(text)).slice(0, 10) : text.slice(0, 10);
  }
  if (type === 'boolean') return value === true || value === 'true';
  return String(value);
}

export function salesforceStage(playbook: Playbook, hubspotStage: string): string {
  const stage = playbook.stages.find((s) => pipelineStagesOf(s)?.stageIds.includes(hubspotStage));
  const name = stage ? opportunityStageNamesOf(stage)[0] : undefined;
  if (!name)
    throw new Error(`the playbook maps HubSpot stage ${hubspotStage} to no Salesforce stage`);
  return name;
}

/**
 * The emulator's seeding door in the org's names: the package's objects and fields take its
 * namespace (`handoff__Handoff__c`); standard names and the playbook's own fields do not.
 */
export function packageSeeder(emulator: SalesforceEmulator, namespace: string = namespacePrefix()) {
  const seed = emulator.seed;
  const names = (values: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(values).map(([f, v]) => [qualify(f, namespace), v]));
  return {
    user: (values: Record<string, unknown> & { Username: string }) =>
      seed.user({ ...names(values), Username: values.Username }),
    record: (type: string, values: Record<string, unknown>) =>
      seed.record(qualify(type, namespace), names(values)),
    opportunity: seed.opportunity.bind(seed),
    lead: seed.lead.bind(seed),
    permissionSet: seed.permissionSet.bind(seed),
  };
}

/**
 * Where people work, when not from the New York office: one CS manager is in Stockholm, so her
 * escalation Tasks show their due time and date in her own zone (User.TimeZoneSidKey).
 */
const TIME_ZONES: Readonly<Record<string, string>> = { cs1: 'Europe/Stockholm' };

export function seedSalesforce(input: SalesforceSeedInput): SalesforceMeta {
  const { emulator, playbook } = input;
  const seed = packageSeeder(emulator);
  const users: Record<string, string> = {};
  const usernames: Record<string, string> = {};
  const byHubSpotUser = new Map<string, string>();
  for (const person of input.people) {
    const username = `${person.key}@${DOMAIN}`;
    // Salesforce has no teams: the role the person's HubSpot team maps to is listed on their User.
    const roles = person.role in playbook.roles ? person.role : null;
    users[person.key] = seed.user({
      Username: username,
      Name: person.name,
      Email: username,
      Handoff_Roles__c: roles,
      TimeZoneSidKey: TIME_ZONES[person.key] ?? 'America/New_York',
    });
    usernames[person.key] = username;
    byHubSpotUser.set(person.userId, users[person.key] as string);
  }
  // The scanner's user holds the admin set for access and no Handoff role: escalations go to people.
  const scanner = seed.user({ Username: SCANNER_USERNAME, Name: 'Handoff scanner' });
  for (const set of ['Handoff_Admin', 'Handoff_Playbook_Fields', 'Handoff_User']) {
    const holders = input.people
      .filter((p) => setsOf(playbook, p.role).includes(set))
      .map((p) => users[p.key] as string);
    seed.permissionSet(set, set === 'Handoff_Admin' ? [...holders, scanner] : holders);
  }
  const sfUser = (hubspotUserId: string) => byHubSpotUser.get(hubspotUserId) ?? null;

  const accounts = input.companies.map((name) =>
    seed.record('Account', { Name: name, OwnerId: users.admin }),
  );
  const snapshotOf = new Map(input.snapshots.map((s) => [s.recordId, s]));
  const opportunities: Record<string, string> = {};
  for (const plan of input.plans) {
    const hubspotId = input.deals[plan.key] ?? '';
    const snapshot = snapshotOf.get(hubspotId);
    if (!snapshot) throw new Error(`deal ${plan.key} (HubSpot ${hubspotId}) has no snapshot`);
    const values: Record<string, unknown> = {
      Name: plan.name,
      OwnerId: users[plan.owner],
      AccountId: accounts[plan.company],
    };
    for (const [id, def] of Object.entries(fieldsOn(playbook, 'deal')))
      if (def.salesforce) values[def.salesforce] = fieldValue(def.type, snapshot.fields[id]);
    const history = plan.history.map((h) => ({
      stage: salesforceStage(playbook, h.stage),
      at: h.at,
    }));
    const last = plan.history[plan.history.length - 1];
    values.CloseDate ??= iso(last?.at ?? 0).slice(0, 10);
    const oppId = seed.opportunity({ ...values, StageName: history.at(-1)?.stage ?? '' }, history);
    opportunities[plan.key] = oppId;
    // Every open handoff has its header, as the panel creates one when the opening stage is reached.
    const open = evaluateRecord(playbook, snapshot, SEED_VIEWER, input.now).handoffs.map(
      (h) => h.id,
    );
    for (const handoffId of open)
      seedHandoff(emulator, playbook, {
        oppId,
        accountId: accounts[plan.company] ?? '',
        handoffId,
        state: snapshot.handoffs[handoffId] ?? NOT_STARTED,
        openedAt: openedAt(playbook, handoffId, plan),
        sfUser,
        snapshot,
        now: input.now,
      });
  }
  seed.record('Handoff_Playbook__c', {
    Name: playbook.name.slice(0, 80),
    Active__c: true,
    Playbook_Text__c: JSON.stringify(playbook, null, 2),
  });
  return { users, usernames, opportunities, scannerUsername: SCANNER_USERNAME };
}

/**
 * The accept SLA's outcome as the org holds it after the panel's acceptance and the scanner's
 * rounds: the core's handoffSlaOutcome over what the header keeps (its latest submission,
 * acceptance and rejection, read as tools/snapshot.ts reads them), at the seeded instant.
 */
function outcomeFields(
  playbook: Playbook,
  h: { handoffId: string; state: HandoffState; snapshot: RecordSnapshot; now: number },
  last: Record<'submitted' | 'accepted' | 'rejected', HandoffEvent | undefined>,
): Record<string, unknown> {
  const milestone = (e: HandoffEvent | undefined) => ({
    at: e?.at,
    by: e?.by,
    ...(e ? { details: e.details } : {}),
  });
  const events = milestoneEvents(h.state.status, {
    submitted: milestone(last.submitted),
    accepted: milestone(last.accepted),
    rejected: milestone(last.rejected),
  });
  const kept = {
    ...h.snapshot,
    handoffs: { ...h.snapshot.handoffs, [h.handoffId]: { ...h.state, events } },
  };
  const outcome = handoffSlaOutcome(playbook, kept, h.handoffId, h.now);
  return {
    SLA_Id__c: outcome.slaId,
    SLA_Outcome__c: outcome.outcome,
    SLA_Completed_At__c: outcome.completedAt === null ? null : iso(outcome.completedAt),
    Business_Minutes_To_Accept__c: outcome.businessMinutesToAccept,
  };
}

/** When the handoff's opening stage was entered: the header was created then. */
function openedAt(playbook: Playbook, handoffId: string, plan: DealPlan): number {
  const opens = playbook.handoffs.find((h) => h.id === handoffId)?.opensAt;
  const ids = (() => {
    const stage = playbook.stages.find((s) => s.id === opens);
    return stage ? (pipelineStagesOf(stage)?.stageIds ?? []) : [];
  })();
  return plan.history.find((h) => ids.includes(h.stage))?.at ?? plan.history[0]?.at ?? 0;
}

function seedHandoff(
  emulator: SalesforceEmulator,
  playbook: Playbook,
  h: {
    oppId: string;
    accountId: string;
    handoffId: string;
    state: HandoffState;
    openedAt: number;
    sfUser: (hubspotUserId: string) => string | null;
    snapshot: RecordSnapshot;
    now: number;
  },
): void {
  const handoff = playbook.handoffs.find((x) => x.id === h.handoffId);
  if (!handoff) return;
  const typed = (checklistOf(playbook, handoff)?.items ?? []).filter((i) => i.field === undefined);
  const events = [...h.state.events].sort((a, b) => a.at - b.at);
  const lastOf = (type: HandoffEvent['type']) => events.filter((e) => e.type === type).at(-1);
  const submitted = lastOf('submitted');
  const accepted = h.state.status === 'accepted' ? lastOf('accepted') : undefined;
  // The last rejection stays on the header after rework, as the panel's writes leave it.
  const rejected = lastOf('rejected');
  const lastEvent = events.at(-1);
  const key = `${h.oppId}:${h.handoffId}`;
  const seed = packageSeeder(emulator);
  const header = seed.record('Handoff__c', {
    Opportunity__c: h.oppId,
    ...(h.accountId ? { Account__c: h.accountId } : {}),
    Handoff_Id__c: h.handoffId,
    Record_Key__c: key,
    Status__c: h.state.status,
    Version__c: h.state.version,
    Required_Items__c: typed.filter((i) => i.required).length,
    ...(lastEvent
      ? { Action__c: EVENT_ACTIONS[lastEvent.type], Action_Id__c: lastEvent.actionId }
      : {}),
    ...(submitted
      ? { Submitted_By__c: h.sfUser(submitted.by), Submitted_At__c: iso(submitted.at) }
      : {}),
    ...(accepted
      ? { Accepted_By__c: h.sfUser(accepted.by), Accepted_At__c: iso(accepted.at) }
      : {}),
    ...(rejected
      ? {
          Rejected_By__c: h.sfUser(rejected.by),
          Rejected_At__c: iso(rejected.at),
          Rejection_Reason__c: String(rejected.details.reason ?? ''),
          Rejection_Comment__c:
            typeof rejected.details.comment === 'string' ? rejected.details.comment : null,
        }
      : {}),
    ...outcomeFields(playbook, h, { submitted, accepted, rejected }),
    CreatedDate: iso(h.openedAt),
    // The header was last changed by its last action.
    LastModifiedDate: iso(lastEvent?.at ?? h.openedAt),
  });
  for (const item of typed) {
    const done = h.state.items[item.id];
    seed.record('Handoff_Item__c', {
      Handoff__c: header,
      Item_Id__c: item.id,
      Item_Key__c: `${key}:${item.id}`,
      Required__c: item.required,
      Done__c: done?.done ?? false,
      ...(done
        ? {
            Value__c: done.value === null ? null : String(done.value),
            Done_By__c: h.sfUser(done.by),
            Done_At__c: iso(done.at),
          }
        : {}),
      CreatedDate: iso(h.openedAt),
      LastModifiedDate: iso(done?.at ?? h.openedAt),
    });
  }
}
