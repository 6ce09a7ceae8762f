// The HTTP contract of the HubSpot app pages: the handoff queue and the shared-metrics dashboard.
// Both are answered from the backend's store (no CRM call per row), so each answer says how fresh
// the records it read are.
import type { Attention } from '../metrics/attention.js';
import type { Metrics } from '../metrics/compute.js';
import type { WeeklyAttainment } from '../metrics/weekly.js';
import type { QueueEntry } from '../queue/queue.js';
import { API_PREFIX } from './contract.js';

export const pagePaths = {
  queue: `${API_PREFIX}/queue`,
  dashboard: `${API_PREFIX}/dashboard`,
} as const;

/**
 * mine: handoffs the viewer may move (to accept: any holder of an accepting role; to submit or
 * rework: the record's owner only). team: every handoff waiting on one of the viewer's roles (or
 * the one role asked for, which the viewer must hold). everyone: every open handoff (admins).
 */
export const QUEUE_SCOPES = ['mine', 'team', 'everyone'] as const;
export type QueueScope = (typeof QUEUE_SCOPES)[number];

/** Queue states a row can be filtered by: its timer's state, or `none` without a timer. */
export const QUEUE_TIMER_STATES = ['breached', 'at_risk', 'running', 'paused', 'none'] as const;
export type QueueTimerState = (typeof QUEUE_TIMER_STATES)[number];

export const QUEUE_PAGE_MAX = 100;

export interface QueueQuery {
  scope: QueueScope;
  /** With scope `team`: the role whose queue to show. */
  role?: string;
  handoff?: string;
  /** The handoff's status (submitted, rejected, …) or the timer's state. */
  state?: string;
  offset: number;
  limit: number;
}

/** Where the answer's records come from: the store's copies, read from HubSpot at these times. */
export interface Freshness {
  /** When the queue or dashboard was computed (from the store; cached briefly). */
  computedAt: number;
  records: number;
  oldestReadAt: number | null;
  newestReadAt: number | null;
}

export interface QueueRow extends QueueEntry {
  ownerName: string | null;
  submittedByName: string | null;
  /** Whether the viewer holds a role whose move it is (the server decides the action itself). */
  viewerMayAct: boolean;
}

export interface QueueResponse {
  scope: QueueScope;
  role: string | null;
  /** Roles the viewer holds (team queues they may open) and whether they may see everyone's. */
  viewer: { roles: { id: string; label: string }[]; admin: boolean };
  total: number;
  /** Over every row matching scope and filters, not just this page. */
  counts: { byTimer: Record<QueueTimerState, number>; byHandoff: Record<string, number> };
  offset: number;
  limit: number;
  rows: QueueRow[];
  handoffs: { id: string; label: string }[];
  freshness: Freshness;
}

export const DASHBOARD_PERIODS = ['last_30_days', 'last_90_days', 'this_quarter'] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

export interface DashboardResponse {
  period: DashboardPeriod;
  /** Finished timers and handoff events inside this window: attainment, time to accept, rates. */
  metrics: Metrics;
  weekly: WeeklyAttainment;
  /** Open timers at `attention.at`, whatever the period. */
  attention: Attention;
  ownerNames: Record<string, string>;
  freshness: Freshness;
}
