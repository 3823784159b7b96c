import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { api, unwrap } from "../api/client.ts";
import { describeError } from "../api/problem.ts";
import type { Analytics } from "../api/types.ts";
import { BarChart } from "../ui/bar-chart.tsx";
import { Alert } from "../ui/controls.tsx";
import { formatDate, plural } from "../ui/format.ts";
import { Empty, Loading, Page, Section } from "../ui/page.tsx";

const CHANNEL_WORDS: Record<Analytics["replies"]["byChannel"][number]["kind"], string> = {
  email: "Email",
  call: "Call",
  meeting: "Meeting",
  message: "Message",
  letter: "Letter",
  social: "Social",
  other: "Other",
};

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

/** Hours as people say them: "6 h", "2.5 days". */
export function waitWords(hours: number | null): string {
  if (hours === null) return "—";
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

const monthWords = (month: string) =>
  new Date(`${month}-15T12:00:00`).toLocaleDateString(undefined, { month: "short", year: "numeric" });

export default function AnalyticsPage() {
  const analytics = useQuery({
    queryKey: ["today", "analytics"],
    queryFn: async (): Promise<Analytics> => unwrap(api.GET("/api/analytics")),
  });
  return (
    <Page title="Analytics" lead="How your follow-ups land: who answers, who waits for you, and what you have built.">
      {analytics.isPending && <Loading />}
      {analytics.isError && <Alert>{describeError(analytics.error)}</Alert>}
      {analytics.data && <AnalyticsSections a={analytics.data} />}
    </Page>
  );
}

function AnalyticsSections({ a }: { a: Analytics }) {
  const built = a.connectionsPerMonth.reduce((n, m) => n + m.connected, 0);
  return (
    <>
      <Section title="They wrote last">
        {a.owedReplies.length === 0 ? (
          <Empty>
            <p>Nobody is waiting for your reply.</p>
          </Empty>
        ) : (
          <ul className="card-list" aria-label="People waiting for your reply">
            {a.owedReplies.map((o) => (
              <li key={o.contactId} className="company-row">
                <div>
                  <Link href={`/contacts/${o.contactId}`} className="strong">
                    {o.displayName}
                  </Link>
                  <div className="muted small">
                    Wrote on {formatDate(o.wroteAt)} · waiting {plural(o.waitingDays, "day")}
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Replies">
        {a.replies.overall.sent === 0 ? (
          <Empty>
            <p>No message sent since {formatDate(a.sinceOn)}: reply rates appear once you reach out.</p>
          </Empty>
        ) : (
          <>
            <p id="replies-caption" className="muted small">
              Messages you sent since {formatDate(a.sinceOn)}, and how many got an answer
              {a.replies.sampled ? " (the most recent ones)" : ""}.
            </p>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard. */}
            <section className="table-scroll" aria-labelledby="replies-caption" tabIndex={0}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Channel</th>
                    <th scope="col">Sent</th>
                    <th scope="col">Answered</th>
                    <th scope="col">Reply rate</th>
                    <th scope="col">Median wait</th>
                  </tr>
                </thead>
                <tbody>
                  {[...a.replies.byChannel, { kind: "all" as const, ...a.replies.overall }].map((r) => (
                    <tr key={r.kind}>
                      <th scope="row">{r.kind === "all" ? "All" : CHANNEL_WORDS[r.kind]}</th>
                      <td>{r.sent}</td>
                      <td>{r.answered}</td>
                      <td>
                        <meter min={0} max={1} value={r.rate ?? 0} aria-hidden="true" /> {percent(r.rate)}
                      </td>
                      <td>{waitWords(r.medianHoursToReply)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </>
        )}
      </Section>
      <Section title="Connections built">
        <BarChart
          bars={a.connectionsPerMonth.map((m, i) => ({
            key: m.month,
            label: `${monthWords(m.month)}: ${plural(m.connected, "connection")}`,
            value: m.connected,
            now: i === a.connectionsPerMonth.length - 1,
          }))}
          summary={`${plural(built, "person", "people")} reached a real connection in the last 12 months.`}
          from={monthWords(a.connectionsPerMonth[0]?.month ?? a.todayOn.slice(0, 7))}
          to="this month"
        />
      </Section>
      <Section title="Within cadence">
        <ul className="health-list" aria-label="Share of each circle within its cadence">
          {a.health.map((h) => (
            <li key={h.circle}>
              <span className="strong">{h.circle}</span>{" "}
              <meter min={0} max={1} value={h.share ?? 0} aria-hidden="true" />{" "}
              <span className="muted small">
                {h.contacts === 0
                  ? "nobody yet"
                  : `${h.withinCadence} of ${plural(h.contacts, "person", "people")} (${percent(h.share)})`}
              </span>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
