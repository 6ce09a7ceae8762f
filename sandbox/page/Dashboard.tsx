// The dashboard: the core's computeMetrics over the last 90 days of the sandbox clock, as charts,
// with a block per seam the playbook has beyond deals (marketing → sales, expansion).
import { useEffect, useState } from 'react';
import type { ExpansionMetrics, MarketingToSalesMetrics, Metrics } from '@handoff/shared';
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
      {metrics.seams.marketingToSales && <MarketingToSales seam={metrics.seams.marketingToSales} />}
      {metrics.seams.expansion && <Expansion seam={metrics.seams.expansion} />}
    </section>
  );
}

function MarketingToSales({ seam }: { seam: MarketingToSalesMetrics }) {
  const speed = seam.speedToLead;
  return (
    <section
      className="seam"
      data-testid="seam-marketing-to-sales"
      aria-labelledby="seam-marketing-to-sales-title"
    >
      <h3 id="seam-marketing-to-sales-title">Marketing → sales</h3>
      <div className="charts">
        {speed && (
          <figure className="chart stat" data-testid="speed-to-lead">
            <figcaption>{`${speed.label}: MQL to first touch, business hours (median · p90)`}</figcaption>
            <strong data-testid="speed-to-lead:value">{`${hours(speed.medianMs)} · ${hours(speed.p90Ms)}`}</strong>
            <span>{`${speed.touched} touched in the period · ${speed.untouchedNow} not touched yet`}</span>
          </figure>
        )}
        <figure className="chart stat" data-testid="mql-acceptance">
          <figcaption>MQL → SQL acceptance (accepted / decided)</figcaption>
          <strong data-testid="mql-acceptance:value">{pct(seam.acceptanceRate)}</strong>
          <span>{`${seam.accepted} accepted of ${seam.accepted + seam.rejected} decided · ${seam.submitted} submitted`}</span>
        </figure>
        <BarChart
          testId="recycle-reasons"
          title="Recycled to marketing, by reason"
          color="#f5c26b"
          bars={
            seam.recycleReasons.length === 0
              ? [{ label: 'No lead recycled', value: null, text: '—' }]
              : seam.recycleReasons.map((r) => ({
                  label: r.label,
                  value: r.count,
                  text: String(r.count),
                }))
          }
        />
      </div>
    </section>
  );
}

function Expansion({ seam }: { seam: ExpansionMetrics }) {
  return (
    <section className="seam" data-testid="seam-expansion" aria-labelledby="seam-expansion-title">
      <h3 id="seam-expansion-title">Expansion (customer success → sales)</h3>
      <div className="charts">
        <BarChart
          testId="expansion-funnel"
          title="Expansion handoffs"
          color="#00bda5"
          bars={[
            { label: 'Raised', value: seam.raised, text: String(seam.raised) },
            { label: 'Accepted by sales', value: seam.accepted, text: String(seam.accepted) },
            { label: 'Rejected', value: seam.rejected, text: String(seam.rejected) },
            {
              label: 'Converted to revenue (deal won)',
              value: seam.converted,
              text: String(seam.converted),
            },
          ]}
        />
        <figure className="chart stat" data-testid="expansion-acceptance">
          <figcaption>Expansion acceptance (accepted / decided)</figcaption>
          <strong data-testid="expansion-acceptance:value">{pct(seam.acceptanceRate)}</strong>
          <span>{`${seam.converted} of ${seam.accepted} accepted converted to a won deal`}</span>
        </figure>
      </div>
    </section>
  );
}
