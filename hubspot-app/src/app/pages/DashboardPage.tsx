// The shared-metrics dashboard: what needs attention now (open timers breached or at risk, by SLA
// and by owner, each opening its records) above the period's metrics (finished timers and handoff
// events), drawn with HubSpot's own charts and repeated as tables of the same numbers; then a block
// per seam the playbook has beyond deals (marketing → sales, expansion).
import { useEffect, useState } from 'react';
import {
  BarChart,
  ErrorState,
  Flex,
  Heading,
  LineChart,
  Link,
  LoadingSpinner,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import {
  DASHBOARD_PERIODS,
  formatDateTime,
  type DashboardPeriod,
  type DashboardResponse,
} from '@handoff/shared/runtime';
import { recordUrl, usePagesEnv } from './env.js';
import { days, freshnessText, hours, pct } from './format.js';

const PERIOD_LABELS: Record<DashboardPeriod, string> = {
  last_30_days: 'Last 30 days',
  last_90_days: 'Last 90 days',
  this_quarter: 'This quarter',
};
const SHOWN_RECORDS = 5;

type AttentionGroup = Omit<DashboardResponse['attention']['bySla'][number], 'id' | 'label'>;
type Seams = DashboardResponse['metrics']['seams'];

export function DashboardPage() {
  const { client, timeZone } = usePagesEnv();
  const [period, setPeriod] = useState<DashboardPeriod>('last_30_days');
  const [view, setView] = useState<'charts' | 'tables'>('charts');
  const [answer, setAnswer] = useState<DashboardResponse | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    void client.dashboard(period).then((a) => {
      if (a.ok) {
        setAnswer(a.value);
        setProblem(undefined);
      } else setProblem(a.message);
    });
  }, [client, period]);

  if (problem)
    return (
      <ErrorState title="The dashboard could not be loaded">
        <Text>{problem}</Text>
      </ErrorState>
    );
  if (!answer) return <LoadingSpinner label="Computing the dashboard…" />;
  const { metrics, weekly, attention } = answer;
  return (
    <Flex direction="column" gap="md">
      <Heading>Handoff dashboard</Heading>
      <Flex direction="row" gap="sm">
        <Select
          label="Period"
          name="period"
          value={period}
          options={DASHBOARD_PERIODS.map((p) => ({ label: PERIOD_LABELS[p], value: p }))}
          onChange={(v) => setPeriod(v as DashboardPeriod)}
        />
        <Select
          label="Show the metrics as"
          name="view"
          value={view}
          options={[
            { label: 'Charts', value: 'charts' },
            { label: 'Tables', value: 'tables' },
          ]}
          onChange={(v) => setView(v === 'tables' ? 'tables' : 'charts')}
        />
      </Flex>

      <Heading>Needs attention now</Heading>
      <Text>
        {`Open timers breached or at risk at ${formatDateTime(attention.at, timeZone)}, whatever the period. They are not in the attainment below, which counts finished timers only.`}
      </Text>
      <AttentionTable
        testId="attention-by-sla"
        first="SLA"
        groups={attention.bySla.map((g) => ({ ...g, name: g.label }))}
      />
      <AttentionTable
        testId="attention-by-owner"
        first="Record owner"
        groups={attention.byOwner.map((g) => ({
          ...g,
          name:
            g.ownerId === null
              ? 'No owner'
              : (answer.ownerNames[g.ownerId] ?? `Owner ${g.ownerId}`),
        }))}
      />

      <Heading>{`${PERIOD_LABELS[period]}: finished timers and handoff events`}</Heading>
      <Text>
        {
          "SLA attainment = timers that finished in the period on time ÷ all timers that finished in it. Time to accept runs from the first submission to acceptance, in the SLA's business hours. Rejection reasons are per handoff."
        }
      </Text>
      {view === 'charts' ? <Charts answer={answer} /> : <Tables answer={answer} />}
      {metrics.seams.marketingToSales && (
        <MarketingToSales seam={metrics.seams.marketingToSales} period={PERIOD_LABELS[period]} />
      )}
      {metrics.seams.expansion && <Expansion seam={metrics.seams.expansion} />}
      <Text variant="microcopy">
        {`Weeks start Monday 00:00 UTC. Lead to customer: ${days(metrics.leadToCustomer.medianMs)} median over ${metrics.leadToCustomer.count} deals won. ${freshnessText(answer.freshness, timeZone)}`}
      </Text>
      <Text variant="microcopy">{`${weekly.weeks.length} weeks in the period.`}</Text>
    </Flex>
  );
}

function AttentionTable(props: {
  testId: string;
  first: string;
  groups: (AttentionGroup & { name: string })[];
}) {
  const { portalId } = usePagesEnv();
  return (
    <Table bordered testId={props.testId}>
      <TableHead>
        <TableRow>
          <TableHeader>{props.first}</TableHeader>
          <TableHeader>Breached now</TableHeader>
          <TableHeader>At risk now</TableHeader>
          <TableHeader>Records</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.groups.map((g) => (
          <TableRow key={g.name}>
            <TableCell>{g.name}</TableCell>
            <TableCell>{String(g.breached)}</TableCell>
            <TableCell>{String(g.atRisk)}</TableCell>
            <TableCell>
              <Flex direction="row" gap="xs" wrap="wrap">
                {g.records.slice(0, SHOWN_RECORDS).map((r) => (
                  <Link
                    key={`${r.recordId}:${r.slaId}`}
                    href={{ url: recordUrl(portalId, r.objectType, r.recordId), external: true }}
                  >
                    {r.name}
                  </Link>
                ))}
                {g.records.length > SHOWN_RECORDS && (
                  <Text>{`and ${g.records.length - SHOWN_RECORDS} more`}</Text>
                )}
                {g.records.length === 0 && <Text>—</Text>}
              </Flex>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function weekLabel(from: number): string {
  return new Date(from).toISOString().slice(0, 10);
}

function Charts({ answer }: { answer: DashboardResponse }) {
  const { metrics, weekly } = answer;
  const attainment = weekly.slas.flatMap((sla) =>
    sla.weeks.flatMap((w) =>
      w.attainment === null
        ? []
        : [{ week: weekLabel(w.from), sla: sla.label, attainment: Math.round(w.attainment * 100) }],
    ),
  );
  const toAccept = metrics.handoffs.flatMap((h) => [
    { handoff: h.label, measure: 'Median', hours: (h.timeToAccept.medianMs ?? 0) / 3_600_000 },
    {
      handoff: h.label,
      measure: '90th percentile',
      hours: (h.timeToAccept.p90Ms ?? 0) / 3_600_000,
    },
  ]);
  const stages = metrics.stages
    .filter((s) => s.exits > 0)
    .map((s) => ({ stage: s.label, days: Number(((s.medianMs ?? 0) / 86_400_000).toFixed(1)) }));
  return (
    <Flex direction="column" gap="md">
      <LineChart
        testId="chart-attainment"
        data={attainment}
        axes={{
          x: { field: 'week', fieldType: 'category', label: 'Week from (UTC)' },
          y: { field: 'attainment', fieldType: 'linear', label: 'Met on time, % of finished' },
          options: { groupFieldByColor: 'sla' },
        }}
        options={{ title: 'SLA attainment per week', showLegend: true, showTooltips: true }}
      />
      <BarChart
        testId="chart-time-to-accept"
        data={toAccept}
        axes={{
          x: { field: 'handoff', fieldType: 'category', label: 'Handoff' },
          y: { field: 'hours', fieldType: 'linear', label: 'Business hours' },
          options: { groupFieldByColor: 'measure' },
        }}
        options={{ title: 'Time to accept', showLegend: true, showTooltips: true }}
      />
      {metrics.handoffs
        .filter((h) => h.rejectionReasons.length > 0)
        .map((h) => (
          <BarChart
            key={h.id}
            testId={`chart-reasons-${h.id}`}
            data={h.rejectionReasons.map((r) => ({ reason: r.label, rejections: r.count }))}
            axes={{
              x: { field: 'reason', fieldType: 'category', label: 'Reason' },
              y: { field: 'rejections', fieldType: 'linear', label: 'Rejections' },
            }}
            options={{
              title: `${h.label}: rejections by reason (${pct(h.rejectionRate)} of ${h.accepted + h.rejected} decisions rejected)`,
              showTooltips: true,
            }}
          />
        ))}
      <BarChart
        testId="chart-time-in-stage"
        data={stages}
        axes={{
          x: { field: 'stage', fieldType: 'category', label: 'Stage' },
          y: { field: 'days', fieldType: 'linear', label: 'Median days' },
        }}
        options={{ title: 'Time in stage (stays that ended in the period)', showTooltips: true }}
      />
    </Flex>
  );
}

function Tables({ answer }: { answer: DashboardResponse }) {
  const { metrics, weekly } = answer;
  return (
    <Flex direction="column" gap="md">
      <Table bordered testId="table-attainment">
        <TableHead>
          <TableRow>
            <TableHeader>SLA</TableHeader>
            <TableHeader>Whole period</TableHeader>
            {weekly.weeks.map((w) => (
              <TableHeader key={w.from}>{`Week of ${weekLabel(w.from)}`}</TableHeader>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {weekly.slas.map((sla) => {
            const total = metrics.slas.find((s) => s.id === sla.id);
            return (
              <TableRow key={sla.id}>
                <TableCell>{sla.label}</TableCell>
                <TableCell>
                  {`${pct(total?.attainment ?? null)} (${total?.metOnTime ?? 0} of ${total?.completed ?? 0})`}
                </TableCell>
                {sla.weeks.map((w) => (
                  <TableCell
                    key={w.from}
                  >{`${pct(w.attainment)} (${w.metOnTime} of ${w.completed})`}</TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Table bordered testId="table-handoffs">
        <TableHead>
          <TableRow>
            <TableHeader>Handoff</TableHeader>
            <TableHeader>Submitted</TableHeader>
            <TableHeader>Accepted</TableHeader>
            <TableHeader>Rejected</TableHeader>
            <TableHeader>Rejection rate</TableHeader>
            <TableHeader>Time to accept (median · p90)</TableHeader>
            <TableHeader>Rejection reasons</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {metrics.handoffs.map((h) => (
            <TableRow key={h.id}>
              <TableCell>{h.label}</TableCell>
              <TableCell>{String(h.submitted)}</TableCell>
              <TableCell>{String(h.accepted)}</TableCell>
              <TableCell>{String(h.rejected)}</TableCell>
              <TableCell>{pct(h.rejectionRate)}</TableCell>
              <TableCell>{`${hours(h.timeToAccept.medianMs)} · ${hours(h.timeToAccept.p90Ms)}`}</TableCell>
              <TableCell>
                {h.rejectionReasons.length === 0
                  ? '—'
                  : h.rejectionReasons.map((r) => `${r.label}: ${r.count}`).join('; ')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Table bordered testId="table-stages">
        <TableHead>
          <TableRow>
            <TableHeader>Stage</TableHeader>
            <TableHeader>Stays ended</TableHeader>
            <TableHeader>Median time in stage</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {metrics.stages.map((s) => (
            <TableRow key={s.id}>
              <TableCell>{s.label}</TableCell>
              <TableCell>{String(s.exits)}</TableCell>
              <TableCell>{days(s.medianMs)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Flex>
  );
}

function MarketingToSales(props: { seam: NonNullable<Seams['marketingToSales']>; period: string }) {
  const { seam } = props;
  const speed = seam.speedToLead;
  const rows: [string, string, string][] = [
    ...(speed
      ? [
          [
            `${speed.label}: MQL to first touch, median · p90`,
            `${hours(speed.medianMs)} · ${hours(speed.p90Ms)}`,
            `Business hours; ${speed.touched} touched in the period, ${speed.untouchedNow} not touched yet`,
          ] as [string, string, string],
        ]
      : []),
    [
      'MQL → SQL acceptance',
      pct(seam.acceptanceRate),
      `${seam.accepted} accepted of ${seam.accepted + seam.rejected} decided`,
    ],
  ];
  return (
    <Flex direction="column" gap="sm">
      <Heading>Marketing → sales</Heading>
      <MeasureTable testId="table-marketing-to-sales" rows={rows} />
      <Table bordered testId="table-recycle-reasons">
        <TableHead>
          <TableRow>
            <TableHeader>{`Recycled to marketing (${props.period.toLowerCase()}), by reason`}</TableHeader>
            <TableHeader>Leads</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {seam.recycleReasons.map((r) => (
            <TableRow key={r.id}>
              <TableCell>{r.label}</TableCell>
              <TableCell>{String(r.count)}</TableCell>
            </TableRow>
          ))}
          {seam.recycleReasons.length === 0 && (
            <TableRow>
              <TableCell>No lead recycled</TableCell>
              <TableCell>0</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </Flex>
  );
}

function Expansion({ seam }: { seam: NonNullable<Seams['expansion']> }) {
  return (
    <Flex direction="column" gap="sm">
      <Heading>Expansion (customer success → sales)</Heading>
      <MeasureTable
        testId="table-expansion"
        rows={[
          ['Raised', String(seam.raised), 'Expansion handoffs submitted by customer success'],
          [
            'Accepted by sales',
            String(seam.accepted),
            seam.acceptanceRate === null
              ? 'None decided yet'
              : `${pct(seam.acceptanceRate)} of decided`,
          ],
          ['Rejected', String(seam.rejected), ''],
          [
            'Converted to revenue',
            String(seam.converted),
            'Accepted, and the deal it was linked to is won',
          ],
        ]}
      />
    </Flex>
  );
}

function MeasureTable(props: { testId: string; rows: [string, string, string][] }) {
  return (
    <Table bordered testId={props.testId}>
      <TableHead>
        <TableRow>
          <TableHeader>Measure</TableHeader>
          <TableHeader>Value</TableHeader>
          <TableHeader>How it is counted</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map(([measure, value, detail]) => (
          <TableRow key={measure}>
            <TableCell>{measure}</TableCell>
            <TableCell>{value}</TableCell>
            <TableCell>{detail || '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
