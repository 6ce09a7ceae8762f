// The revenue lifecycle's seams as the framework names them — marketing → sales, SDR → AE, sales →
// customer success, customer success → sales (expansion) — each with its handoffs' counts, and
// speed to lead: how long a person waits, in business time, for sales' first touch.
import { businessTimeBetween } from '../clock/index.js';
import { objectOfHandoff, objectOfSla } from '../playbook/objects.js';
import { stopsOf, type HandoffDef, type Playbook, type RecordObject } from '../playbook/schema.js';
import type { RecordSnapshot } from '../shapes/snapshot.js';
import { calendarFor } from '../sla/calendars.js';
import { timerInputs } from '../sla/inputs.js';
import type { HandoffMetrics, MetricsWindow } from './compute.js';
import { median, percentile } from './stats.js';

export interface ReasonCount {
  id: string;
  label: string;
  count: number;
}

/** One SLA stopped by the first sales activity: from its start (MQL entry) to the first touch. */
export interface SpeedToLeadMetrics {
  slaId: string;
  label: string;
  /** The record the SLA runs on (contact for the default playbook's speed to lead). */
  object: RecordObject;
  /** Records whose first touch fell in the window. */
  touched: number;
  /** Business time in the SLA's calendar from start to first touch, over those touched. */
  medianMs: number | null;
  p90Ms: number | null;
  timeZone: string | null;
  /** Records whose timer has started and that no one has touched (nor otherwise stopped) by now. */
  untouchedNow: number;
}

export type SeamId = 'marketing_to_sales' | 'sdr_to_ae' | 'sales_to_cs' | 'expansion';

/** The counts of every handoff on one seam, summed over the window. */
export interface SeamMetrics {
  id: SeamId;
  label: string;
  handoffIds: string[];
  submitted: number;
  accepted: number;
  rejected: number;
  /** Accepted over decisions (accepted + rejected); null without decisions. */
  acceptanceRate: number | null;
  rejectionReasons: ReasonCount[];
}

export interface MarketingToSalesMetrics extends SeamMetrics {
  id: 'marketing_to_sales';
  /** The rejections' reasons: sales recycled these people to marketing (its quality feedback). */
  recycleReasons: ReasonCount[];
  /** The first-touch SLA on contacts, when the playbook has one. */
  speedToLead: SpeedToLeadMetrics | null;
}

export interface ExpansionMetrics extends SeamMetrics {
  id: 'expansion';
  /** Expansions raised (submitted) in the window: `submitted` under the framework's word. */
  raised: number;
  /**
   * Accepted in the window and converted to revenue: the accept event's `linkedRecordId` names a
   * record (of the same CRM) among the snapshots whose current stage is a won stage.
   */
  converted: number;
}

/** Each seam the playbook has handoffs on; null when it has none there (a dashboard hides it). */
export interface Seams {
  marketingToSales: MarketingToSalesMetrics | null;
  sdrToAe: SeamMetrics | null;
  salesToCs: SeamMetrics | null;
  expansion: ExpansionMetrics | null;
}

const LABELS: Record<SeamId, string> = {
  marketing_to_sales: 'Marketing → sales',
  sdr_to_ae: 'SDR → AE',
  sales_to_cs: 'Sales → customer success',
  expansion: 'Customer success → sales (expansion)',
};

/**
 * A handoff's seam, from the object it lives on: contacts are marketing → sales, companies are
 * expansion, and on deals the handoff that opens at a won stage is sales → CS, any other SDR → AE.
 */
export function seamOf(playbook: Playbook, handoff: HandoffDef): SeamId {
  const object = objectOfHandoff(playbook, handoff);
  if (object === 'contact') return 'marketing_to_sales';
  if (object === 'company') return 'expansion';
  const opens = playbook.stages.find((s) => s.id === handoff.opensAt);
  return opens?.outcome === 'won' ? 'sales_to_cs' : 'sdr_to_ae';
}

export function speedToLead(
  playbook: Playbook,
  snapshots: readonly RecordSnapshot[],
  window: MetricsWindow,
  now: number,
): SpeedToLeadMetrics[] {
  return playbook.slas
    .filter((sla) => stopsOf(sla).some((stop) => stop.on === 'first_activity'))
    .map((sla) => {
      const calendar = calendarFor(playbook, sla.calendar);
      const waits: number[] = [];
      let untouchedNow = 0;
      for (const snapshot of snapshots) {
        const inputs = timerInputs(playbook, sla, snapshot);
        if (!inputs || inputs.startedAt > now) continue;
        const touch = firstTouch(snapshot, inputs.startedAt);
        // A touch after `now` is not known yet at `now` (as slaState reads a stop).
        if (touch !== undefined && touch <= now && touch >= window.from && touch < window.to)
          waits.push(businessTimeBetween(calendar, inputs.startedAt, touch));
        const stopped = inputs.completedAt !== null && inputs.completedAt <= now;
        if (!stopped) untouchedNow++;
      }
      return {
        slaId: sla.id,
        label: sla.label,
        object: objectOfSla(playbook, sla),
        touched: waits.length,
        medianMs: median(waits),
        p90Ms: percentile(waits, 90),
        timeZone: sla.calendar ? (playbook.calendars[sla.calendar]?.timeZone ?? null) : null,
        untouchedNow,
      };
    });
}

/** The first sales activity at or after the timer's start (what a `first_activity` stop reads). */
function firstTouch(snapshot: RecordSnapshot, startedAt: number): number | undefined {
  let first: number | undefined;
  for (const at of snapshot.activities ?? [])
    if (at >= startedAt && (first === undefined || at < first)) first = at;
  return first;
}

export function seams(
  playbook: Playbook,
  handoffs: readonly HandoffMetrics[],
  snapshots: readonly RecordSnapshot[],
  window: MetricsWindow,
  firstTouches: readonly SpeedToLeadMetrics[],
): Seams {
  const of = (id: SeamId): SeamMetrics | null => {
    const ids = playbook.handoffs.filter((h) => seamOf(playbook, h) === id).map((h) => h.id);
    const parts = handoffs.filter((h) => ids.includes(h.id));
    if (parts.length === 0) return null;
    const sum = (key: 'submitted' | 'accepted' | 'rejected') =>
      parts.reduce((total, h) => total + h[key], 0);
    const accepted = sum('accepted');
    const rejected = sum('rejected');
    return {
      id,
      label: LABELS[id],
      handoffIds: ids,
      submitted: sum('submitted'),
      accepted,
      rejected,
      acceptanceRate: accepted + rejected === 0 ? null : accepted / (accepted + rejected),
      rejectionReasons: mergeReasons(parts),
    };
  };
  const mql = of('marketing_to_sales');
  const expansion = of('expansion');
  return {
    marketingToSales: mql && {
      ...mql,
      id: 'marketing_to_sales',
      recycleReasons: mql.rejectionReasons,
      speedToLead: firstTouches.find((s) => s.object === 'contact') ?? null,
    },
    sdrToAe: of('sdr_to_ae'),
    salesToCs: of('sales_to_cs'),
    expansion: expansion && {
      ...expansion,
      id: 'expansion',
      raised: expansion.submitted,
      converted: converted(playbook, expansion.handoffIds, snapshots, window),
    },
  };
}

function mergeReasons(parts: readonly HandoffMetrics[]): ReasonCount[] {
  const merged = new Map<string, ReasonCount>();
  for (const reason of parts.flatMap((h) => h.rejectionReasons)) {
    const known = merged.get(reason.id);
    merged.set(reason.id, { ...reason, count: (known?.count ?? 0) + reason.count });
  }
  return [...merged.values()].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

/** Acceptances in the window whose linked record (the deal it became) is in a won stage now. */
function converted(
  playbook: Playbook,
  handoffIds: readonly string[],
  snapshots: readonly RecordSnapshot[],
  window: MetricsWindow,
): number {
  const won = new Set(playbook.stages.filter((s) => s.outcome === 'won').map((s) => s.id));
  const wonRecords = new Set(
    snapshots.filter((s) => won.has(s.stage)).map((s) => `${s.crm}:${s.recordId}`),
  );
  let count = 0;
  for (const snapshot of snapshots)
    for (const id of handoffIds)
      for (const event of snapshot.handoffs[id]?.events ?? []) {
        const linked = event.details.linkedRecordId;
        if (
          event.type === 'accepted' &&
          event.at >= window.from &&
          event.at < window.to &&
          typeof linked === 'string' &&
          wonRecords.has(`${snapshot.crm}:${linked}`)
        )
          count++;
      }
  return count;
}
