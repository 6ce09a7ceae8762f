// The dashboard: the core's computeMetrics over the last 90 days of the sandbox clock, as charts.
import { useEffect, useState } from 'react';
import type { Metrics } from '@handoff/shared';
import { api } from './api.js';
import { BarChart } from './Charts.js';

const HOUR = 3_600_000;
const hours = (ms: number | null) =>
  ms === null ? '—' : `${(ms / HOUR).toFixed(ms % HOUR === 0 ? 0 : 1)} h`;
const days = (ms: number | null) => (ms === null ? '—' : `${(ms / (24 * HOUR)).toFixed(1)} d`);
const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)} %`);

export function Dashboard() {
  const [metrics, setMetrics] = useState<Metrics | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => void api.metrics().then(setMetrics, (e: Error) => setProblem(e.message)), []);
  if (problem) return <p className="page-error">{problem}</p>;
  if (!metrics) return <p className="page-loading">Computing metrics…</p>;
  const handoffs = metrics.handoffs;
  return (
    <section className="dashboard" data-testid="dashboard" aria-labelledby="dashboard-title">
      <h2 id="dashboard-title">Dashboard · last 90 days</h2>
      <div className="charts">
        <BarChart
          testId="sla-attainment"
          title="SLA attainment (met on time / completed)"
          max={1}
          bars={metrics.slas.map((s) => ({
            label: s.label,
            value: s.attainment,
            text: `${pct(s.attainment)} (${s.metOnTime} of ${s.completed})`,
          }))}
        />
        <BarChart
          testId="time-to-accept"
          title="Time to accept, business hours (median · p90)"
          color="#f2545b"
          bars={handoffs.flatMap((h) => [
            {
              label: `${h.label} median`,
              value: h.timeToAccept.medianMs,
              text: hours(h.timeToAccept.medianMs),
            },
            {
              label: `${h.label} p90`,
              value: h.timeToAccept.p90Ms,
              text: hours(h.timeToAccept.p90Ms),
            },
          ])}
        />
        <BarChart
          testId="rejection-rate"
          title="Rejection rate (rejected / decided)"
          max={1}
          color="#f5c26b"
          bars={handoffs.map((h) => ({
            label: h.label,
            value: h.rejectionRate,
            text: `${pct(h.rejectionRate)} (${h.rejected} of ${h.accepted + h.rejected})`,
          }))}
        />
        <BarChart
          testId="rejection-reasons"
          title="Rejections by reason"
          color="#f5c26b"
          bars={handoffs.flatMap((h) =>
            h.rejectionReasons.map((r) => ({
              label: r.label,
              value: r.count,
              text: String(r.count),
            })),
          )}
        />
        <BarChart
          testId="time-in-stage"
          title="Median time in stage"
          color="#00bda5"
          bars={metrics.stages
            .filter((s) => s.exits > 0)
            .map((s) => ({
              label: s.label,
              value: s.medianMs,
              text: `${days(s.medianMs)} (${s.exits} exits)`,
            }))}
        />
        <figure className="chart stat" data-testid="lead-to-customer">
          <figcaption>Lead to customer (median)</figcaption>
          <strong data-testid="lead-to-customer:value">
            {days(metrics.leadToCustomer.medianMs)}
          </strong>
          <span>{`${metrics.leadToCustomer.count} deals won`}</span>
        </figure>
      </div>
    </section>
  );
}
