// The dashboard page: the shared metrics the core computes (computeMetrics, per-week attainment)
// over the period asked for, and what needs attention now (open timers breached or at risk), from
// the portal picture — the store's copies of records, no CRM call — and kept with that picture.
import {
  computeMetrics,
  DASHBOARD_PERIODS,
  needsAttention,
  weeklyAttainment,
  type DashboardPeriod,
  type DashboardResponse,
  type MetricsWindow,
} from '@handoff/shared';
import type { Deps } from '../deps.js';
import { requireRole } from './access.js';
import type { Caller } from './context.js';
import { UseCaseError } from './errors.js';
import { portalPicture } from './portal-picture.js';
import { requirePlaybook } from './queue.js';

const DAY = 86_400_000;

export async function getDashboard(
  deps: Deps,
  caller: Caller,
  raw: unknown,
): Promise<DashboardResponse> {
  const playbook = await requirePlaybook(deps, caller.portalId);
  await requireRole(deps, caller, 'see the dashboard');
  const period = parsePeriod(raw);
  const picture = await portalPicture(deps, caller.portalId, playbook);
  const key = `dashboard:${period}`;
  const kept = picture.derived.get(key) as Omit<DashboardResponse, 'ownerNames'> | undefined;
  const now = picture.builtAt;
  const answer = kept ?? {
    period,
    metrics: computeMetrics(playbook, picture.snapshots, periodWindow(period, now), now),
    weekly: weeklyAttainment(playbook, picture.snapshots, periodWindow(period, now), now),
    attention: needsAttention(playbook, picture.records, now),
    freshness: picture.freshness,
  };
  picture.derived.set(key, answer);
  const owners = await deps.roles.owners(caller.portalId);
  const ownerNames = Object.fromEntries([...owners.values()].map((o) => [o.ownerId, o.name]));
  return { ...answer, ownerNames };
}

/**
 * The last 30 / 90 days, or this quarter from its first day (UTC), up to and including now
 * (windows are [from, to), so `to` is the next millisecond: what was accepted just now counts).
 */
export function periodWindow(period: DashboardPeriod, now: number): MetricsWindow {
  const to = now + 1;
  if (period === 'last_30_days') return { from: to - 30 * DAY, to };
  if (period === 'last_90_days') return { from: to - 90 * DAY, to };
  const date = new Date(now);
  const quarterMonth = Math.floor(date.getUTCMonth() / 3) * 3;
  return { from: Date.UTC(date.getUTCFullYear(), quarterMonth, 1), to };
}

function parsePeriod(raw: unknown): DashboardPeriod {
  const value = ((raw ?? {}) as Record<string, unknown>).period ?? 'last_90_days';
  if (typeof value !== 'string' || !(DASHBOARD_PERIODS as readonly string[]).includes(value))
    throw new UseCaseError(
      400,
      'bad_request',
      `The dashboard parameter "period" must be one of ${DASHBOARD_PERIODS.join(', ')}.`,
    );
  return value as DashboardPeriod;
}
