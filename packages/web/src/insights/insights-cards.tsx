import { Link } from "wouter";
import type { Insights } from "../api/types.ts";
import { BarChart } from "../ui/bar-chart.tsx";
import { plural } from "../ui/format.ts";
import { useInsights } from "./insights-queries.ts";

const BUCKET_LABELS: Record<Insights["dueSpread"][number]["bucket"], string> = {
  overdue: "Overdue",
  today: "Today",
  "this-week": "This week",
  "this-month": "This month",
  later: "Later",
  "not-due": "No reminders",
};

const shortDate = (on: string) =>
  new Date(`${on}T12:00:00`).toLocaleDateString(undefined, { month: "short", day: "numeric" });

/** Twelve weeks of touches as bars: a rhythm is easier to see than to read. */
function TouchesChart({ weeks }: { weeks: Insights["touchesPerWeek"] }) {
  const total = weeks.reduce((sum, w) => sum + w.touches, 0);
  const summary = `${plural(total, "touch", "touches")} in ${weeks.length} weeks; this week ${weeks.at(-1)?.touches ?? 0}.`;
  return (
    <BarChart
      bars={weeks.map((w, i) => ({
        key: w.weekStartOn,
        label: `Week of ${shortDate(w.weekStartOn)}: ${plural(w.touches, "touch", "touches")}`,
        value: w.touches,
        now: i === weeks.length - 1,
      }))}
      summary={summary}
      from={shortDate(weeks[0]?.weekStartOn ?? "")}
      to="this week"
    />
  );
}

/** Where the network stands: one bar split by when people fall due. */
function SpreadChart({ spread }: { spread: Insights["dueSpread"] }) {
  const total = spread.reduce((sum, b) => sum + b.contacts, 0);
  if (total === 0) return <p className="muted small">No contacts yet.</p>;
  return (
    <div>
      <div className="spread-bar" aria-hidden="true">
        {spread
          .filter((b) => b.contacts > 0)
          .map((b) => (
            <span key={b.bucket} className={`spread-${b.bucket}`} style={{ flexGrow: b.contacts }} />
          ))}
      </div>
      <ul className="spread-legend">
        {spread.map((b) => (
          <li key={b.bucket}>
            <span className={`swatch spread-${b.bucket}`} aria-hidden="true" />
            {BUCKET_LABELS[b.bucket]} <strong>{b.contacts}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function InsightsCards() {
  const insights = useInsights();
  if (!insights.data) return null;
  return (
    <>
      <section className="card" aria-labelledby="touches-heading">
        <h2 id="touches-heading">Touches per week</h2>
        <TouchesChart weeks={insights.data.touchesPerWeek} />
      </section>
      <section className="card" aria-labelledby="spread-heading">
        <h2 id="spread-heading">Your network</h2>
        <SpreadChart spread={insights.data.dueSpread} />
        <p className="small">
          <Link href="/analytics">Reply rates, who waits for your reply, connections built →</Link>
        </p>
      </section>
    </>
  );
}
