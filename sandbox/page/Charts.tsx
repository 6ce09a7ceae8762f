// Plain SVG horizontal bar charts: one bar per row, the value written beside it.
export interface Bar {
  label: string;
  value: number | null;
  text: string;
}

export function BarChart(props: {
  title: string;
  bars: Bar[];
  max?: number;
  testId: string;
  color?: string;
}) {
  const max = props.max ?? Math.max(1, ...props.bars.map((b) => b.value ?? 0));
  const rowHeight = 26;
  const height = props.bars.length * rowHeight + 8;
  return (
    <figure className="chart" data-testid={props.testId}>
      <figcaption>{props.title}</figcaption>
      <svg
        width="100%"
        height={height}
        viewBox={`0 0 520 ${height}`}
        role="img"
        aria-label={props.title}
      >
        {props.bars.map((bar, i) => {
          const y = i * rowHeight + 4;
          const width = bar.value === null ? 0 : Math.max(2, (bar.value / max) * 240);
          return (
            <g key={bar.label}>
              <text x={0} y={y + 15} fontSize="12" fill="#33475b">
                {bar.label.length > 34 ? `${bar.label.slice(0, 33)}…` : bar.label}
              </text>
              <rect
                x={210}
                y={y + 3}
                width={width}
                height={16}
                rx={3}
                fill={props.color ?? '#0091ae'}
              />
              <text
                x={216 + width}
                y={y + 15}
                fontSize="12"
                fill="#33475b"
                data-testid={`${props.testId}:${i}`}
              >
                {bar.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
