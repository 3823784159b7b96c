import type { Analytics, ReplyStats, TemplateReplyStats } from "@kith/core";
import type { Command } from "commander";
import { type CliContext, clientAction } from "../cli-context.ts";
import { renderTable } from "../output/table.ts";

export const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

/** Hours as people say them: "6 h", "2.5 days". */
export function waitWords(hours: number | null): string {
  if (hours === null) return "—";
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

export const replyRow = (label: string, r: ReplyStats) => [
  label,
  String(r.sent),
  String(r.answered),
  percent(r.rate),
  waitWords(r.medianHoursToReply),
];

/** A template as a person reads it: its name, and whether it is gone. */
export const templateWords = (t: Pick<TemplateReplyStats, "name" | "deleted">) =>
  t.name === null ? "a deleted template" : t.deleted ? `${t.name} (deleted)` : t.name;

/** Reply rates since a day, by channel then in all: the analytics' and the progress' same few lines. */
export function replyLines(
  sinceOn: string,
  replies: Pick<Analytics["replies"], "overall" | "byChannel" | "sampled">,
): string[] {
  const lines = [`Replies since ${sinceOn}${replies.sampled ? " (the most recent messages)" : ""}`];
  if (replies.overall.sent === 0) lines.push("  no message sent in that time");
  else
    lines.push(
      renderTable(
        ["CHANNEL", "SENT", "ANSWERED", "RATE", "MEDIAN WAIT"],
        [...replies.byChannel.map((c) => replyRow(c.kind, c)), replyRow("all", replies.overall)],
      ),
    );
  return lines;
}

export function renderAnalytics(a: Analytics): string {
  const lines = replyLines(a.sinceOn, a.replies);
  if (a.replies.byTemplate.length > 0)
    lines.push(
      "",
      "Replies by template",
      renderTable(
        ["TEMPLATE", "SENT", "ANSWERED", "RATE", "MEDIAN WAIT"],
        a.replies.byTemplate.map((t) => replyRow(templateWords(t), t)),
      ),
    );
  lines.push("", "They wrote last and wait for you");
  if (a.owedReplies.length === 0) lines.push("  nobody: you are all caught up");
  else
    lines.push(
      renderTable(
        ["WHO", "WROTE", "WAITING", "ID"],
        a.owedReplies.map((o) => [o.displayName, o.wroteAt.slice(0, 10), `${o.waitingDays} d`, o.contactId]),
      ),
    );
  const built = a.connectionsPerMonth.reduce((n, m) => n + m.connected, 0);
  lines.push("", `Connections built in the last 12 months: ${built}`);
  if (built > 0) lines.push(a.connectionsPerMonth.map((m) => `${m.month} ${m.connected}`).join(" · "));
  lines.push("", "Within cadence, by circle");
  lines.push(
    renderTable(
      ["CIRCLE", "PEOPLE", "WITHIN", "SHARE"],
      a.health.map((h) => [h.circle, String(h.contacts), String(h.withinCadence), percent(h.share)]),
    ),
  );
  lines.push("", `Overdue, week by week${a.trend.sampled ? " (from the most recent history)" : ""}`);
  lines.push(
    renderTable(
      ["WEEK TO", "PEOPLE", "OVERDUE", "WITHIN"],
      a.trend.weeks.map((w) => [w.weekEndOn, String(w.contacts), String(w.overdue), percent(w.share)]),
    ),
  );
  const { counts } = a.asks;
  lines.push("", `Asks since ${a.sinceOn}${a.asks.sampled ? " (the most recent)" : ""}`);
  if (counts.asked === 0) lines.push("  no ask made in that time");
  else {
    lines.push(
      `  ${counts.asked} asked · ${counts.named} named · ${counts.introduced} introduced · ${counts.met} met · ` +
        `${counts.thanked} thanked · ${counts.declined} declined · ${percent(a.asks.introductionRate)} reached an introduction`,
    );
    lines.push(
      a.asks.byMonth
        .filter((m) => m.asked > 0)
        .map((m) => `${m.month} ${m.introduced}/${m.asked}`)
        .join(" · "),
    );
    if (a.asks.topIntroducers.length > 0)
      lines.push(
        renderTable(
          ["INTRODUCER", "ASKS", "INTRODUCTIONS", "NAMES", "ID"],
          a.asks.topIntroducers.map((p) => [
            p.displayName,
            String(p.asks),
            String(p.introductions),
            String(p.names),
            p.contactId,
          ]),
        ),
      );
  }
  return lines.join("\n");
}

/** `kith analytics`: reply rates, the forgotten inbox, connections built and circle health. */
export function registerAnalyticsCommand(program: Command, ctx: CliContext): void {
  program
    .command("analytics")
    .description(
      "reply rates by channel and template, who waits for your reply, connections built per month, circle health and its trend, asks",
    )
    .action(clientAction(ctx, async ({ client, out }) => out.show(await client.getAnalytics(), renderAnalytics)));
}
