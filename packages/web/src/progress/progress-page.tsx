import { useQuery } from "@tanstack/react-query";
import { CHANNEL_WORDS, monthWords, ReplyTable } from "../analytics/analytics-page.tsx";
import { api, unwrap } from "../api/client.ts";
import { describeError } from "../api/problem.ts";
import type { Progress } from "../api/types.ts";
import { KIND_LABELS, STAGE_LABELS } from "../opportunities/stages.ts";
import { HabitCard } from "../today/habit-card.tsx";
import { BarChart } from "../ui/bar-chart.tsx";
import { Alert } from "../ui/controls.tsx";
import { formatDate, formatDateTime, plural } from "../ui/format.ts";
import { Empty, Loading, Page, Section } from "../ui/page.tsx";

/**
 * Progress, read-only (issue #16): the habit, replies and connections built, and the job search's pipeline. For a
 * coach the server counts only what the owner shared; this page says which part that is.
 */
export default function ProgressPage() {
  const progress = useQuery({
    queryKey: ["progress"],
    queryFn: async (): Promise<Progress> => unwrap(api.GET("/api/progress")),
  });
  return (
    <Page title="Progress" lead={progress.data ? coverageWords(progress.data.coverage) : undefined}>
      {progress.isPending && <Loading />}
      {progress.isError && <Alert>{describeError(progress.error)}</Alert>}
      {progress.data && <ProgressSections p={progress.data} />}
    </Page>
  );
}

function coverageWords(coverage: Progress["coverage"]): string {
  if (coverage.everything) return "The follow-up habit, replies, connections and the job search, across the account.";
  if (coverage.tags.length === 0) return "No contacts are shared with you: their figures stay private.";
  const tags = coverage.tags.map((t) => `“${t}”`).join(", ");
  return `Figures count only the contacts tagged ${tags}: the rest of the network stays private.`;
}

function ProgressSections({ p }: { p: Progress }) {
  if (!p.network && !p.jobSearch) {
    return (
      <Empty>
        <p>Nothing is shared with you yet.</p>
      </Empty>
    );
  }
  return (
    <>
      {p.network && <NetworkSections n={p.network} />}
      {p.jobSearch && <JobSearchSections j={p.jobSearch} />}
    </>
  );
}

function NetworkSections({ n }: { n: NonNullable<Progress["network"]> }) {
  const built = n.connectionsPerMonth.reduce((sum, m) => sum + m.connected, 0);
  return (
    <>
      <HabitCard habit={n.habit} />
      <Section title="Replies">
        {n.replies.overall.sent === 0 ? (
          <Empty>
            <p>No message sent since {formatDate(n.sinceOn)}.</p>
          </Empty>
        ) : (
          <>
            <p id="progress-replies-caption" className="muted small">
              Messages sent since {formatDate(n.sinceOn)}, and how many got an answer
              {n.replies.sampled ? " (the most recent ones)" : ""}.
            </p>
            <ReplyTable
              caption="progress-replies-caption"
              heading="Channel"
              rows={[...n.replies.byChannel, { kind: "all" as const, ...n.replies.overall }].map((r) => ({
                key: r.kind,
                label: r.kind === "all" ? "All" : CHANNEL_WORDS[r.kind],
                ...r,
              }))}
            />
          </>
        )}
      </Section>
      <Section title="Connections built">
        <BarChart
          bars={n.connectionsPerMonth.map((m, i) => ({
            key: m.month,
            label: `${monthWords(m.month)}: ${plural(m.connected, "connection")}`,
            value: m.connected,
            now: i === n.connectionsPerMonth.length - 1,
          }))}
          summary={`${plural(built, "person", "people")} reached a real connection in the last 12 months.`}
          from={monthWords(n.connectionsPerMonth[0]?.month ?? n.sinceOn.slice(0, 7))}
          to="this month"
        />
      </Section>
    </>
  );
}

const opportunityWords = (o: { title: string; companyName: string | null }) =>
  o.companyName ? `${o.title} at ${o.companyName}` : o.title;

function JobSearchSections({ j }: { j: NonNullable<Progress["jobSearch"]> }) {
  return (
    <>
      <Section title="Job search pipeline">
        <ul className="health-list" aria-label="Opportunities by stage">
          {j.stages.map((s) => (
            <li key={s.stage}>
              <span className="strong">{STAGE_LABELS[s.stage]}</span> <span className="muted small">{s.count}</span>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Recent stage changes">
        {j.recentChanges.length === 0 ? (
          <Empty>
            <p>No stage change yet.</p>
          </Empty>
        ) : (
          <ul className="card-list" aria-label="Recent stage changes">
            {j.recentChanges.map((c) => (
              <li key={`${c.opportunityId}-${c.changedOn}-${c.stage}`} className="company-row">
                <div>
                  <span className="strong">{opportunityWords(c)}</span>
                  <div className="muted small">
                    {c.fromStage ? `${STAGE_LABELS[c.fromStage]} → ` : "Added as "}
                    {STAGE_LABELS[c.stage]} · {formatDate(c.changedOn)}
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Interviews">
        {j.interviews.length === 0 ? (
          <Empty>
            <p>No interview in the past 30 days or the next 30.</p>
          </Empty>
        ) : (
          <ul className="card-list" aria-label="Interviews">
            {j.interviews.map((i) => (
              <li key={`${i.opportunityId}-${i.startsAt}`} className="company-row">
                <div>
                  <span className="strong">{opportunityWords(i)}</span>
                  <div className="muted small">
                    {KIND_LABELS[i.kind]} · {formatDateTime(i.startsAt)}
                    {i.held ? " · held" : ""}
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
