import { ASK_STATUSES, DomainError, INTERACTION_KINDS } from "@kith/core";
import type { Command } from "commander";
import { type CliContext, clientAction, definedOnly, oneOf } from "../cli-context.ts";
import type { AskView } from "../client/kith-client.ts";
import { findCompany } from "../companies/resolve-company.ts";
import { resolveContact } from "../contacts/resolve-contact.ts";

/** What an ask's follow-ups are now, a line each ("thank  open  due 2026-12-09"). */
function followUpLines(ask: AskView): string {
  return ask.followUps.map((f) => `  ${f.step}  ${f.status}  due ${f.dueOn}`).join("\n");
}

/**
 * An ask's steps from the CLI, as the web's asks board takes them: `kith asks name ASK [person]` (a name received:
 * an existing contact, or a new one from --first/--last, linked to the person asked) and `kith asks move ASK
 * STATUS [--log meeting]` (introduced, met — with the meeting logged —, thanked, declined).
 */
export function registerAskSteps(asks: Command, ctx: CliContext) {
  asks
    .command("name <ask> [person]")
    .description(
      "a name the person asked gave you: an existing contact (id or search), or a new one with --first/--last",
    )
    .option("--first <name>", "a new contact's first name")
    .option("--last <name>", "a new contact's last name")
    .option("--email <address>", "a new contact's email")
    .option("--company <company>", "a new contact's company (a name or id)")
    .option("--title <title>", "a new contact's title")
    .action(
      clientAction<{ first?: string; last?: string; email?: string; company?: string; title?: string }>(
        ctx,
        async ({ client, out, args }, flags) => {
          const [askId = "", person] = args;
          const fresh = flags.first !== undefined || flags.last !== undefined;
          if (person && fresh)
            throw new DomainError("validation", "name an existing contact or give --first/--last, not both");
          if (!person && !fresh)
            throw new DomainError("validation", "name a contact (id or search), or give --first/--last for a new one");
          let input: Parameters<typeof client.addAskName>[1];
          if (person) {
            input = { contactId: (await resolveContact(client, person, out.note)).id };
          } else {
            const company = flags.company ? await findCompany(client, flags.company, out.note) : null;
            if (flags.company && !company) throw new DomainError("not_found", `no company matches "${flags.company}"`);
            input = definedOnly({
              firstName: flags.first,
              lastName: flags.last,
              email: flags.email,
              companyId: company?.id,
              title: flags.title,
            });
          }
          const named = await client.addAskName(askId, input);
          out.show(
            named,
            (n) =>
              `${n.contact.displayName} named by ${n.ask.contactName} (ask now ${n.ask.status})\n${followUpLines(n.ask)}`,
          );
        },
      ),
    );
  asks
    .command("move <ask> <status>")
    .description(`move an ask: one of ${ASK_STATUSES.join(", ")}; with met, --log meeting logs it with the names`)
    .option("--log <kind>", "with met: log this touch with the names received (meeting, call, …)")
    .option("--summary <text>", "what the logged touch was about")
    .action(
      clientAction<{ log?: string; summary?: string }>(ctx, async ({ client, out, args }, flags) => {
        const [askId = "", given = ""] = args;
        const status = oneOf(ASK_STATUSES, "status", given);
        const log = flags.log
          ? definedOnly({ kind: oneOf(INTERACTION_KINDS, "--log", flags.log), summary: flags.summary })
          : undefined;
        const moved = await client.moveAsk(askId, {
          status,
          ...(log ? { log } : {}),
        });
        out.show(moved, (a) => `your ask to ${a.contactName} is now ${a.status}\n${followUpLines(a)}`);
      }),
    );
}
