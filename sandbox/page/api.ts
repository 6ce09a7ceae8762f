// The sandbox page's calls to its own server.
import type { Metrics } from '@handoff/shared';
// One shape for a deal row: the server builds it (a type-only import: no server code reaches the page).
import type { ContactRow, DealRow } from '../server/portal-view.js';
import type { PlaybookCopies } from '../server/playbook-copies.js';

export type { ContactRow, DealRow, PlaybookCopies };

export interface Person {
  key: string;
  userId: string;
  name: string;
  team: string;
  role: string;
}

export interface SandboxState {
  portalId: string;
  now: number;
  timeZone: string;
  people: Person[];
  deals: DealRow[];
  /** Contacts in a lifecycle stage the playbook follows (the marketing → sales seam). */
  contacts: ContactRow[];
  /** Salesforce Opportunity id → the HubSpot deal that is the same seeded deal. */
  opportunities: Record<string, string>;
}

/** The seeded Opportunity that is this deal in the Salesforce emulator. */
export interface SalesforceOpportunity {
  id: string;
  name: string;
  stageName: string;
  accountName: string | null;
}

export interface SalesforceTask {
  Id: string;
  Subject: string | null;
  Status: string | null;
  ActivityDate: string | null;
  Description: string | null;
  Owner: { Name: string | null } | null;
}

export type Activity = {
  tasks: Record<string, string | null>[];
  notes: Record<string, string | null>[];
};

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  const body = (await response.json()) as T & { error?: string };
  // Salesforce's REST API answers errors as a list of `{ message, errorCode }`.
  const first = Array.isArray(body) ? (body[0] as { message?: string } | undefined) : undefined;
  if (!response.ok) {
    throw new Error(body.error ?? first?.message ?? `The sandbox answered ${response.status}.`);
  }
  return body;
}

export const api = {
  state: () => call<SandboxState>('/api/state'),
  metrics: () => call<Metrics>('/api/metrics'),
  activity: (dealId: string) => call<Activity>(`/api/activity?deal=${encodeURIComponent(dealId)}`),
  contactActivity: (contactId: string) =>
    call<Activity>(`/api/activity?contact=${encodeURIComponent(contactId)}`),
  sfOpportunity: (dealId: string) =>
    call<SalesforceOpportunity>(`/sf/opportunity?deal=${encodeURIComponent(dealId)}`),
  /** The Opportunity's Tasks (escalations land there), read through the UI's own API as the viewer. */
  sfTasks: async (viewer: string, opportunityId: string) => {
    const soql =
      'SELECT Id, Subject, Status, ActivityDate, Description, Owner.Name FROM Task ' +
      `WHERE WhatId = '${opportunityId.replace(/[^a-zA-Z0-9]/g, '')}' ORDER BY CreatedDate DESC`;
    const answer = await call<{ records: SalesforceTask[] }>(
      `/sf/api/query?q=${encodeURIComponent(soql)}`,
      { headers: { 'X-Handoff-Viewer': viewer } },
    );
    return answer.records;
  },
  /** The Account of an Opportunity, read through the UI's own API as the viewer. */
  sfAccountOf: async (viewer: string, opportunityId: string) => {
    const soql = `SELECT AccountId FROM Opportunity WHERE Id = '${opportunityId.replace(/[^a-zA-Z0-9]/g, '')}'`;
    const answer = await call<{ records: { AccountId: string | null }[] }>(
      `/sf/api/query?q=${encodeURIComponent(soql)}`,
      { headers: { 'X-Handoff-Viewer': viewer } },
    );
    return answer.records[0]?.AccountId ?? null;
  },
  /** HubSpot's and Salesforce's copies of the playbook, and whether they differ. */
  playbooks: () => call<PlaybookCopies>('/api/playbooks'),
  /** HubSpot's playbook pushed to Salesforce, as `userId` (the backend exports only to admins). */
  pushPlaybook: (userId: string) =>
    call<PlaybookCopies>('/api/playbooks/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId }),
    }),
  /** An SDR logs a call on the contact in HubSpot, at the sandbox's instant. */
  logCall: (contactId: string) =>
    call<{ at: number }>('/api/contacts/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contactId }),
    }),
  moveClock: (move: { by: 'hour' | 'business_day' } | { to: number }) =>
    call<{ now: number }>('/api/clock', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(move),
    }),
};
