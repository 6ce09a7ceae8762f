// The sandbox page's calls to its own server.
import type { Metrics } from '@handoff/shared';

export interface Person {
  key: string;
  userId: string;
  name: string;
  team: string;
  role: string;
}

export interface DealRow {
  id: string;
  name: string;
  company: string;
  ownerId: string | null;
  stage: string;
  amount: string | null;
  handoffs: { id: string; label: string; status: string }[];
  timers: { id: string; label: string; state: string }[];
}

export interface SandboxState {
  portalId: string;
  now: number;
  timeZone: string;
  people: Person[];
  deals: DealRow[];
}

export type Activity = {
  tasks: Record<string, string | null>[];
  notes: Record<string, string | null>[];
};

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `The sandbox answered ${response.status}.`);
  return body;
}

export const api = {
  state: () => call<SandboxState>('/api/state'),
  metrics: () => call<Metrics>('/api/metrics'),
  activity: (dealId: string) => call<Activity>(`/api/activity?deal=${encodeURIComponent(dealId)}`),
  moveClock: (move: { by: 'hour' | 'business_day' } | { to: number }) =>
    call<{ now: number }>('/api/clock', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(move),
    }),
};
