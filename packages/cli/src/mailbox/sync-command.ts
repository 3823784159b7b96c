import type { Command } from "commander";
import { type CliContext, clientAction } from "../cli-context.ts";
import type { SourcesSync } from "../client/kith-client.ts";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What `kith sync` did, one line per source, errors in words. */
export function syncSummary(sync: SourcesSync): string {
  const lines: string[] = [];
  const m = sync.mailbox;
  if (!m) {
    lines.push("mailbox: none connected (Settings, Sources)");
  } else {
    const counts =
      `${plural(m.counts.logged, "interaction", "interactions")} logged from ` +
      `${plural(m.counts.messages, "message", "messages")} so far`;
    const suggestions =
      m.counts.suggestions > 0 ? `; ${plural(m.counts.suggestions, "person", "people")} to add as contacts?` : "";
    lines.push(
      m.error ? `mailbox: ${m.state}: ${m.error} (${counts})` : `mailbox: ${m.state}, ${counts}${suggestions}`,
    );
  }
  if (sync.calendars.length === 0) lines.push("calendars: no subscriptions");
  for (const { calendar, error } of sync.calendars) {
    lines.push(
      error
        ? `calendar ${calendar.name}: ${error}`
        : `calendar ${calendar.name}: ${calendar.state}, ${plural(calendar.counts.meetings, "meeting", "meetings")} logged`,
    );
  }
  return lines.join("\n");
}

/** `kith sync`: the member's mailbox and the account's calendar subscriptions, now. */
export function registerSyncCommand(program: Command, ctx: CliContext) {
  program
    .command("sync")
    .description("sync your mailbox and calendar subscriptions now: exchanges with your contacts are logged once")
    .action(clientAction(ctx, async ({ client, out }) => out.show(await client.syncSources(), syncSummary)));
}
