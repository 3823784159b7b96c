import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { api, unwrap } from "../api/client.ts";
import { describeError } from "../api/problem.ts";
import type { Analytics } from "../api/types.ts";
import { BarChart } from "../ui/bar-chart.tsx";
import { Alert } from "../ui/controls.tsx";
import { formatDate, plural } from "../ui/format.ts";
import { Empty, Loading, Page, Section } from "../ui/page.tsx";

export const CHANNEL_WORDS: Record<Analytics["replies"]["byChannel"][number]["kind"], string> = {
  email: "Email",
  call: "Call",
  meeting: "Meeting",
  message: "Message",
  letter: "Letter",
  social: "Social",
  other: "Other",
};

export const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

/** Hours as people say them: "6 h", "2.5 days". */
export function waitWords(hours: number | null): string {
  if (hours === null) return "—";
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

/** A template as a person reads it: its name, and whether it is gone. */
export const templateWords = (t: { name: string | null; deleted: boolean }) =>
  t.name === null ? "A deleted template" : t.deleted ? `${t.name} (deleted)` : t.name;

const dayWords = (on: string) =>
  new Date(`${on}T12:00:00`).toLocaleDateString(undefined, { month: "short", day: "numeric" });

export const monthWords = (month: string) =>
  new Date(`${month}-15T12:00:00`).toLocaleDateString(undefined, { month: "short", year: "numeric" });

export default function AnalyticsPage() {
  const analytics = useQuery({
    queryKey: ["today", "analytics"],
    queryFn: async (): Promise<Analytics> => unwrap(api.GET("/api/analytics")),
  });
  return (
    <Page
      title="Analytics"
      lead="How your follow-ups land: who answers, who waits for you, and what you have built."
      actions={
        <Link href="/progress" className="btn btn-plain">
          Progress
        </Link>
      }
    >
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
            <ReplyTable
              caption="replies-caption"
              heading="Channel"
              rows={[...a.replies.byChannel, { kind: "all" as const, ...a.replies.overall }].map((r) => ({
                key: r.kind,
                label: r.kind === "all" ? "All" : CHANNEL_WORDS[r.kind],
                ...r,
              }))}
            />
          </>
        )}
      </Section>
      {a.replies.byTemplate.length > 0 && (
        <Section title="Replies by template">
          <p id="templates-caption" className="muted small">
            Messages you sent from a draft, by the template it started from.
          </p>
          <ReplyTable
            caption="templates-caption"
            heading="Template"
            rows={a.replies.byTemplate.map((t) => ({ key: t.templateId, label: templateWords(t), ...t }))}
          />
        </Section>
      )}
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
      <OverdueTrend a={a} />
      <AsksSection a={a} />
    </>
  );
}

type ReplyRow = { key: string; label: string; sent: number; answered: number; rate: number | null };

/** Sent, answered, reply rate and median wait, a row each (by channel, by template). */
export function ReplyTable({
  caption,
  heading,
  rows,
}: {
  caption: string;
  heading: string;
  rows: (ReplyRow & { medianHoursToReply: number | null })[];
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section className="table-scroll" aria-labelledby={caption} tabIndex={0}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col">Sent</th>
            <th scope="col">Answered</th>
            <th scope="col">Reply rate</th>
            <th scope="col">Median wait</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
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
  );
}

function OverdueTrend({ a }: { a: Analytics }) {
  const weeks = a.trend.weeks;
  const first = weeks[0];
  const last = weeks.at(-1);
  if (!first || !last) return null;
  const worst = Math.max(...weeks.map((w) => w.overdue));
  return (
    <Section title="Overdue, week by week">
      <BarChart
        bars={weeks.map((w, i) => ({
          key: w.weekEndOn,
          label: `Week to ${dayWords(w.weekEndOn)}: ${plural(w.overdue, "person", "people")} overdue of ${w.contacts}`,
          value: w.overdue,
          now: i === weeks.length - 1,
        }))}
        summary={`${plural(last.overdue, "person", "people")} overdue now, ${first.overdue} twelve weeks ago (at most ${worst} in a week).`}
        from={dayWords(first.weekEndOn)}
        to="this week"
      />
      <ul className="health-list" aria-label="Circles within their cadence, twelve weeks ago and now">
        {last.circles.map((now) => {
          const then = first.circles.find((c) => c.circle === now.circle);
          return (
            <li key={now.circle}>
              <span className="strong">{now.circle}</span>{" "}
              <meter min={0} max={1} value={now.share ?? 0} aria-hidden="true" />{" "}
              <span className="muted small">
                {percent(then?.share ?? null)} → {percent(now.share)}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="muted small">
        Past weeks are worked out from your history with today's circles and cadences
        {a.trend.sampled ? ", from the most recent part of it" : ""}.
      </p>
    </Section>
  );
}

const ASK_STEPS = [
  ["asked", "Asked"],
  ["named", "Named someone"],
  ["introduced", "Introduced"],
  ["met", "Met"],
  ["thanked", "Thanked"],
  ["declined", "Declined"],
] as const;

function AsksSection({ a }: { a: Analytics }) {
  const { counts } = a.asks;
  if (counts.asked === 0)
    return (
      <Section title="Asks and introductions">
        <Empty>
          <p>No “who do you know?” ask since {formatDate(a.sinceOn)}.</p>
        </Empty>
      </Section>
    );
  return (
    <Section title="Asks and introductions">
      <p className="muted small">
        {percent(a.asks.introductionRate)} of your {plural(counts.asked, "ask")} since {formatDate(a.sinceOn)} led to an
        introduction{a.asks.sampled ? " (the most recent asks)" : ""}.
      </p>
      <ul className="health-list" aria-label="How far your asks got">
        {ASK_STEPS.map(([key, words]) => (
          <li key={key}>
            <span className="strong">{words}</span>{" "}
            <meter min={0} max={counts.asked} value={counts[key]} aria-hidden="true" />{" "}
            <span className="muted small">{plural(counts[key], "ask")}</span>
          </li>
        ))}
      </ul>
      <BarChart
        bars={a.asks.byMonth.map((m, i) => ({
          key: m.month,
          label: `${monthWords(m.month)}: ${plural(m.asked, "ask")}, ${m.introduced} introduced`,
          value: m.introduced,
          now: i === a.asks.byMonth.length - 1,
        }))}
        summary={`${plural(counts.introduced, "ask")} reached an introduction in the last 12 months.`}
        from={monthWords(a.asks.byMonth[0]?.month ?? a.todayOn.slice(0, 7))}
        to="this month"
      />
      {a.asks.topIntroducers.length > 0 && (
        <ul className="card-list" aria-label="Top introducers">
          {a.asks.topIntroducers.map((p) => (
            <li key={p.contactId} className="company-row">
              <div>
                <Link href={`/contacts/${p.contactId}`} className="strong">
                  {p.displayName}
                </Link>
                <div className="muted small">
                  {plural(p.introductions, "introduction")} · {plural(p.names, "name")} from {plural(p.asks, "ask")}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
