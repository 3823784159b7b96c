export interface Bar {
  key: string;
  /** What the bar's tooltip says ("Week of Nov 2: 3 touches"). */
  label: string;
  value: number;
  /** The current period, drawn in the accent colour. */
  now?: boolean;
}

/** Bars over time, scaled to the largest; a summary sentence is its accessible name (a rhythm is easier to see). */
export function BarChart(props: { bars: readonly Bar[]; summary: string; from: string; to: string }) {
  const { bars, summary } = props;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const barWidth = 100 / Math.max(1, bars.length);
  return (
    <figure className="chart">
      <svg viewBox="0 0 100 40" preserveAspectRatio="none" role="img" aria-label={summary} className="chart-bars">
        {bars.map((b, i) => {
          const height = (b.value / max) * 36;
          return (
            <rect
              key={b.key}
              x={i * barWidth + barWidth * 0.15}
              y={40 - height}
              width={barWidth * 0.7}
              height={Math.max(height, b.value > 0 ? 1 : 0.4)}
              className={b.now ? "bar bar-now" : "bar"}
            >
              <title>{b.label}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="chart-axis muted small">
        <span>{props.from}</span>
        <span>{props.to}</span>
      </figcaption>
      <p className="muted small">{summary}</p>
    </figure>
  );
}
