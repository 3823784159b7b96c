import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { type CliContext, clientAction } from "../cli-context.ts";
import type { CalendarImport, CalendarView } from "../client/kith-client.ts";
import { renderFields, renderTable } from "../output/table.ts";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A calendar's state in words: the error when it failed, when it runs next while it waits. */
function stateOf(c: CalendarView): string {
  if ((c.state === "failing" || c.state === "failed") && c.error) return `${c.state}: ${c.error}`;
  return c.state;
}

function calendarDetail(c: CalendarView): string {
  return renderFields([
    ["id", c.id],
    ["name", c.name],
    ["url", c.url],
    ["state", stateOf(c)],
    ["last run", c.lastRunAt],
    ["next run", c.nextRunAt],
    ["meetings", String(c.counts.meetings)],
    ["to come", String(c.counts.upcoming)],
  ]);
}

export function importSummary({ result }: CalendarImport): string {
  const lines = [
    `${plural(result.logged, "meeting", "meetings")} logged, ${result.updated} updated, ${result.removed} removed ` +
      `(${plural(result.events, "event", "events")} read)`,
  ];
  if (result.unmatched > 0) {
    lines.push(`${plural(result.unmatched, "past event has", "past events have")} no attendee among your contacts`);
  }
  if (result.upcoming > 0) {
    lines.push(`${plural(result.upcoming, "event is", "events are")} still to come: logged once they have happened`);
  }
  return lines.join("\n");
}

export function calendarsTable(calendars: readonly CalendarView[]): string {
  if (calendars.length === 0) return "no calendars: import one with kith calendar import FILE.ics";
  return renderTable(
    ["ID", "NAME", "STATE", "LAST RUN", "MEETINGS"],
    calendars.map((c) => [c.id, c.name, stateOf(c), c.lastRunAt ?? "never", String(c.counts.meetings)]),
  );
}

/** A file's text: UTF-8 (RFC 5545), a byte-order mark dropped. */
async function icsText(file: string): Promise<string> {
  return new TextDecoder("utf-8").decode(await readFile(file));
}

/**
 * `kith calendar import FILE`, `kith calendar subscribe URL`, `kith calendar address ID URL`, `kith calendar remove
 * ID` and `kith calendars`.
 */
export function registerCalendarCommands(program: Command, ctx: CliContext) {
  const calendar = program.command("calendar").description("log meetings from your calendar");
  calendar
    .command("import <file>")
    .description("import an .ics file: past meetings with your contacts are logged once, however often you import it")
    .action(
      clientAction(ctx, async ({ client, out, args }) => {
        out.show(await client.importCalendar({ content: await icsText(args[0]!) }), importSummary);
      }),
    );
  calendar
    .command("subscribe <url>")
    .description("subscribe to a calendar's ICS address (https or webcal); it is synced now and every hour")
    .option("--name <name>", "what to call it (default: the address's host)")
    .action(
      clientAction<{ name?: string }>(ctx, async ({ client, out, args }, flags) => {
        const subscribed = await client.subscribeCalendar({
          url: args[0]!,
          ...(flags.name !== undefined ? { name: flags.name } : {}),
        });
        out.show(subscribed, (c) => `subscribed to ${c.name} (${c.id})\n${calendarDetail(c)}`);
      }),
    );
  calendar
    .command("address <id> <url>")
    .description(
      "give a subscription its address again (one restored from a backup, or failing): the same calendar is read " +
        "again, so nothing it logged is logged twice",
    )
    .action(
      clientAction(ctx, async ({ client, out, args }) => {
        const calendar = await client.setCalendarAddress(args[0]!, { url: args[1]! });
        out.show(calendar, (c) => `${c.name} (${c.id}) read again from its address\n${calendarDetail(c)}`);
      }),
    );
  calendar
    .command("remove <id>")
    .description("remove a calendar; the meetings it logged stay unless --remove-meetings")
    .option("--remove-meetings", "remove the meetings it logged too")
    .action(
      clientAction<{ removeMeetings?: boolean }>(ctx, async ({ client, out, args }, flags) => {
        await client.removeCalendar(args[0]!, !flags.removeMeetings);
        out.note(flags.removeMeetings ? "removed, with its meetings" : "removed; its meetings stay logged");
      }),
    );
  program
    .command("calendars")
    .description("your calendars, each with its state, last run and meetings logged")
    .action(clientAction(ctx, async ({ client, out }) => out.show(await client.listCalendars(), calendarsTable)));
}
