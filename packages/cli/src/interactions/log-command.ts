import type { Direction, InteractionKind } from "@kith/core";
import type { Command } from "commander";
import { type CliContext, clientAction, definedOnly } from "../cli-context.ts";
import { resolveContact } from "../contacts/resolve-contact.ts";
import { dateOn } from "../output/dates.ts";

const SHORT_DIRECTIONS: Record<string, Direction> = { out: "outbound", in: "inbound" };

/** `out`/`in` are shorthands; anything else goes to the service as typed, which names it if it is wrong. */
export const directionOf = (value: string): Direction => SHORT_DIRECTIONS[value] ?? (value as Direction);

interface LogFlags {
  kind: string;
  dir: string;
  note?: string;
  at?: string;
  meaningful?: boolean;
}

export function registerLogCommand(program: Command, ctx: CliContext): void {
  program
    .command("log <contact>")
    .description("log an interaction; <contact> is an id or a search that matches exactly one contact")
    .requiredOption("--kind <kind>", "email, call, meeting, message, letter, social or other")
    .option("--dir <direction>", "out, in or mutual (also outbound, inbound)", "out")
    .option("--note <text>", "what was said")
    .option("--at <instant>", "when, as ISO 8601 with offset (default: now)")
    .option("--meaningful", "count it as a touch even if its kind usually does not")
    .option("--no-meaningful", "do not count it as a touch")
    .action(
      clientAction<LogFlags>(ctx, async ({ client, out, args }, flags) => {
        const contact = await resolveContact(client, args[0]!, out.note);
        const interaction = await client.logInteraction(
          definedOnly({
            contactIds: [contact.id],
            kind: flags.kind as InteractionKind,
            direction: directionOf(flags.dir),
            summary: flags.note,
            occurredAt: flags.at,
            meaningful: flags.meaningful,
          }),
        );
        const timeZone = out.json ? "UTC" : (await client.getAccount()).timeZone;
        out.show(
          interaction,
          (i) =>
            `logged ${i.kind} (${i.direction}) with ${contact.displayName} on ${dateOn(i.occurredAt, timeZone)} (${i.id})`,
        );
      }),
    );
}
