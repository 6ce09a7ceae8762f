// More of `@hubspot/ui-extensions` for the preview, as plain HTML/SVG: Link and the two charts the
// app pages draw (BarChart, LineChart), each implementing the documented props listed beside it.
// Charts are drawn simply (bars and lines with their numbers); HubSpot draws its own.
import type {
  BarChartProps,
  ChartDataRow,
  LineChartProps,
  LinkProps,
} from '@hubspot/ui-extensions';
import { checkProps } from './props.js';

const keys = <P,>(list: readonly (keyof P)[]) => list as readonly string[];
const COLORS = ['#ff7a59', '#00a4bd', '#7c98b6', '#f5c26b', '#6a78d1', '#00bda5', '#f2545b'];

export function Link(props: LinkProps) {
  checkProps(
    'Link',
    props,
    keys<LinkProps>(['href', 'variant', 'onClick', 'preventDefault', 'testId']),
  );
  const href = typeof props.href === 'string' ? { url: props.href, external: false } : props.href;
  return (
    <a
      className="hs-link"
      href={href.url}
      data-testid={props.testId}
      {...(href.external ? { target: '_blank', rel: 'noreferrer' } : {})}
      onClick={(event) => {
        if (props.preventDefault) event.preventDefault();
        void props.onClick?.({ type: 'click', id: '', targetValue: '' } as never, {} as never);
      }}
    >
      {props.children}
    </a>
  );
}

type ChartProps = BarChartProps | LineChartProps;
const CHART_PROPS = keys<ChartProps>(['data', 'axes', 'options', 'testId']);

function rowsOf(data: ChartProps['data']): ChartDataRow[] {
  return Array.isArray(data) ? data : data.data;
}

/** Series by the grouping field (one when there is none), and the x categories in data order. */
function series(props: ChartProps) {
  const rows = rowsOf(props.data);
  const group = props.axes.options?.groupFieldByColor;
  const xs = [...new Set(rows.map((r) => String(r[props.axes.x.field])))];
  const names = group
    ? [...new Set(rows.map((r) => String(r[group])))]
    : [props.axes.y.label ?? ''];
  const value = (name: string, x: string) => {
    const row = rows.find(
      (r) => String(r[props.axes.x.field]) === x && (!group || String(r[group]) === name),
    );
    const v = row ? Number(row[props.axes.y.field]) : NaN;
    return Number.isFinite(v) ? v : null;
  };
  const max = Math.max(
    1,
    ...rows.map((r) => Number(r[props.axes.y.field])).filter(Number.isFinite),
  );
  return { xs, names, value, max, grouped: group !== undefined };
}

function Legend(props: { names: string[] }) {
  return (
    <ul className="hs-legend">
      {props.names.map((name, i) => (
        <li key={name}>
          <span className="hs-swatch" style={{ background: COLORS[i % COLORS.length] }} />
          {name}
        </li>
      ))}
    </ul>
  );
}

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

export function BarChart(props: BarChartProps) {
  checkProps('BarChart', props, CHART_PROPS);
  const { xs, names, value, max, grouped } = series(props);
  return (
    <figure className="hs-chart" data-testid={props.testId}>
      <figcaption>{props.options?.title}</figcaption>
      <p className="hs-micro">{`${props.axes.y.label ?? ''} by ${props.axes.x.label ?? ''}`}</p>
      {xs.length === 0 && <p className="hs-micro">No data in this period.</p>}
      <div className="hs-bars">
        {xs.map((x) => (
          <div key={x} className="hs-bar-group">
            <span className="hs-bar-label">{x}</span>
            {names.map((name, i) => {
              const v = value(name, x);
              return v === null ? null : (
                <span key={name} className="hs-bar-line">
                  <span
                    className="hs-bar"
                    style={{ width: `${(v / max) * 100}%`, background: COLORS[i % COLORS.length] }}
                  />
                  <span className="hs-bar-value">{grouped ? `${name}: ${fmt(v)}` : fmt(v)}</span>
                </span>
              );
            })}
          </div>
        ))}
      </div>
      {grouped && props.options?.showLegend && <Legend names={names} />}
    </figure>
  );
}

export function LineChart(props: LineChartProps) {
  checkProps('LineChart', props, CHART_PROPS);
  const { xs, names, value, max } = series(props);
  const width = 560;
  const height = 180;
  const x = (i: number) => 40 + (xs.length <= 1 ? 0 : (i * (width - 90)) / (xs.length - 1));
  const y = (v: number) => height - 20 - (v / max) * (height - 40);
  return (
    <figure className="hs-chart" data-testid={props.testId}>
      <figcaption>{props.options?.title}</figcaption>
      <p className="hs-micro">{`${props.axes.y.label ?? ''} by ${props.axes.x.label ?? ''}`}</p>
      {xs.length === 0 ? (
        <p className="hs-micro">No data in this period.</p>
      ) : (
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.options?.title ?? ''}>
          <line x1="40" y1={height - 20} x2={width - 10} y2={height - 20} stroke="#cbd6e2" />
          <text x="4" y={y(max) + 4} fontSize="11" fill="#33475b">
            {fmt(max)}
          </text>
          <text x="4" y={height - 16} fontSize="11" fill="#33475b">
            0
          </text>
          {xs.map((label, i) => (
            <text
              key={label}
              x={x(i)}
              y={height - 4}
              fontSize="10"
              textAnchor="middle"
              fill="#33475b"
            >
              {label}
            </text>
          ))}
          {names.map((name, n) => {
            const points = xs.flatMap((label, i) => {
              const v = value(name, label);
              return v === null ? [] : [{ px: x(i), py: y(v), v }];
            });
            const color = COLORS[n % COLORS.length];
            return (
              <g key={name}>
                <polyline
                  fill="none"
                  stroke={color}
                  strokeWidth="2"
                  points={points.map((p) => `${p.px},${p.py}`).join(' ')}
                />
                {points.map((p) => (
                  <circle key={p.px} cx={p.px} cy={p.py} r="3.5" fill={color}>
                    <title>{`${name}: ${fmt(p.v)}`}</title>
                  </circle>
                ))}
              </g>
            );
          })}
        </svg>
      )}
      {props.options?.showLegend && <Legend names={names} />}
    </figure>
  );
}
