import { ASK_STATUSES, type AskStatus, DomainError } from "@kith/core";
import type { Command } from "commander";
import { type CliContext, clientAction, oneOf } from "../cli-context.ts";
import type { AskView } from "../client/kith-client.ts";
import { findCompany } from "../companies/resolve-company.ts";
import { resolveContact } from "../contacts/resolve-contact.ts";
import { renderTable } from "../output/table.ts";
import { registerAskSteps } from "./ask-steps.ts";

const aboutOf = (a: AskView) => a.about.companyName ?? a.about.text;

export function asksTable(asks: readonly AskView[]): string {
  if (asks.length === 0) return 'no asks: record one with kith ask <person> --company "Acme Robotics"';
  return renderTable(
    ["ID", "STATUS", "ASKED", "ABOUT", "NAMES", "ASKED ON"],
    asks.map((a) => [
      a.id,
      a.status,
      a.contactName,
      aboutOf(a),
      a.names.map((n) => n.displayName).join(", "),
      a.askedAt.slice(0, 10),
    ]),
  );
}

const statusOf = (value: string | undefined): AskStatus | undefined =>
  value === undefined ? undefined : oneOf(ASK_STATUSES, "--status", value);

/** `kith asks [--status named]` and `kith ask <person> --company "Acme Robotics"` (or --about "a designer"). */
export function registerAskCommands(program: Command, ctx: CliContext) {
  const asks = program
    .command("asks")
    .description(`your "who do you know?" asks, newest first; --status one of ${ASK_STATUSES.join(", ")}`)
    .option("--status <status>", "only asks with this status")
    .action(
      clientAction<{ status?: string }>(ctx, async ({ client, out }, flags) => {
        const status = statusOf(flags.status);
        out.show(await client.listAsks(status ? { status } : {}), asksTable);
      }),
    );
  registerAskSteps(asks, ctx);
  program
    .command("ask <person>")
    .description('record a "who do you know?" ask: logged as a message that waits for a reply, nudged after 7 days')
    .option("--company <company>", "who do they know at this company (a name or id)")
    .option("--role <text>", "who do they know in this role")
    .option("--about <text>", "anything else you asked about")
    .option("--note <text>", "a note of your own")
    .action(
      clientAction<{ company?: string; role?: string; about?: string; note?: string }>(
        ctx,
        async ({ client, out, args }, flags) => {
          const person = await resolveContact(client, args[0]!, out.note);
          const company = flags.company ? await findCompany(client, flags.company, out.note) : null;
          if (flags.company && !company) throw new DomainError("not_found", `no company matches "${flags.company}"`);
          const about = company
            ? { kind: "company" as const, companyId: company.id }
            : flags.role
              ? { kind: "role" as const, text: flags.role }
              : { kind: "other" as const, text: flags.about ?? "" };
          const ask = await client.addAsk({
            contactId: person.id,
            about,
            ...(flags.note !== undefined ? { note: flags.note } : {}),
          });
          out.show(
            ask,
            (a) =>
              `asked ${a.contactName} about ${aboutOf(a)} (${a.id}); a nudge is due ${a.followUps[0]?.dueOn ?? ""}`,
          );
        },
      ),
    );
}
