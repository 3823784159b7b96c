import type { Progress } from "@kith/core";
import type { Command } from "commander";
import { replyLines } from "../analytics/analytics-command.ts";
import { type CliContext, clientAction } from "../cli-context.ts";
import { terminalSafe } from "../messages/render-draft.ts";
import { renderTable } from "../output/table.ts";

/** How many of the latest months the connections line shows (the total counts all twelve). */
const MONTHS_SHOWN = 6;

const weeks = (n: number) => (n === 1 ? "1 week" : `${n} weeks`);

/** "Staff engineer at Acme", made safe for a terminal. */
const jobWords = (j: { title: string; companyName: string | null }) =>
  terminalSafe(j.companyName ? `${j.title} at ${j.companyName}` : j.title);

function renderNetwork(n: NonNullable<Progress["network"]>): string[] {
  const h = n.habit;
  const lines = [
    `This week (${h.weekStartOn} to ${h.weekEndOn}): ${h.weekCount} of ${h.weeklyGoal} reach-outs${h.met ? " ✓" : `, ${h.remaining} to go`} · streak ${weeks(h.streakWeeks)}`,
    "",
    ...replyLines(n.sinceOn, n.replies),
  ];
  const built = n.connectionsPerMonth.reduce((sum, m) => sum + m.connected, 0);
  lines.push("", `Connections built in the last 12 months: ${built}`);
  if (built > 0)
    lines.push(
      `  ${n.connectionsPerMonth
        .slice(-MONTHS_SHOWN)
        .map((m) => `${m.month} ${m.connected}`)
        .join(" · ")}`,
    );
  return lines;
}

function renderJobSearch(j: NonNullable<Progress["jobSearch"]>): string[] {
  const total = j.stages.reduce((sum, s) => sum + s.count, 0);
  const lines = ["Job search"];
  if (total === 0) return [...lines, "  no opportunities yet"];
  lines.push(`  ${j.stages.map((s) => `${s.stage} ${s.count}`).join(" · ")}`);
  lines.push("", "Latest stage changes");
  if (j.recentChanges.length === 0) lines.push("  none yet");
  else
    lines.push(
      renderTable(
        ["ON", "OPPORTUNITY", "STAGE"],
        j.recentChanges.map((c) => [c.changedOn, jobWords(c), c.fromStage ? `${c.fromStage} → ${c.stage}` : c.stage]),
      ),
    );
  lines.push("", "Interviews (30 days either side of today)");
  if (j.interviews.length === 0) lines.push("  none");
  else
    lines.push(
      renderTable(
        ["AT (UTC)", "OPPORTUNITY", "KIND", "HELD"],
        j.interviews.map((i) => [
          i.startsAt.slice(0, 16).replace("T", " "),
          jobWords(i),
          i.kind,
          i.held ? "yes" : "no",
        ]),
      ),
    );
  return lines;
}

/** The progress page as text: the week's habit, replies, connections built, then the job search's pipeline. */
export function renderProgress(p: Progress): string {
  const whose = p.coverage.everything
    ? ""
    : ` — counting only contacts tagged ${p.coverage.tags.map((t) => `"${terminalSafe(t)}"`).join(", ") || "(none)"}`;
  const lines = [`Progress, ${p.todayOn}${whose}`, ""];
  if (p.network) lines.push(...renderNetwork(p.network));
  else lines.push("No contacts are shared with you: no habit, replies or connections to show.");
  lines.push("");
  if (p.jobSearch) lines.push(...renderJobSearch(p.jobSearch));
  else lines.push("The job search is not shared with you.");
  return lines.join("\n");
}

/** `kith progress`: the weekly habit, replies, connections built and the job search's pipeline. */
export function registerProgressCommand(program: Command, ctx: CliContext): void {
  program
    .command("progress")
    .description(
      "your progress: this week's reach-outs and streak, replies by channel, connections built, the job search's stages, latest changes and interviews",
    )
    .action(clientAction(ctx, async ({ client, out }) => out.show(await client.getProgress(), renderProgress)));
}
