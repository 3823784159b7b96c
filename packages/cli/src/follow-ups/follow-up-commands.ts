import type { Contact, FollowUp, FollowUpStatus, InteractionKind, Page } from "@kith/core";
import type { Command } from "commander";
import { type CliContext, clientAction, definedOnly, toNumber } from "../cli-context.ts";
import type { KithClient } from "../client/kith-client.ts";
import { resolveContact } from "../contacts/resolve-contact.ts";
import { directionOf } from "../interactions/log-command.ts";
import { renderTable } from "../output/table.ts";

interface ListFlags {
  status?: string;
  contact?: string;
  limit?: number;
  cursor?: string;
}

/** Names for the contacts of a page of follow-ups; one lookup per distinct contact. */
async function namesOf(client: KithClient, followUps: readonly FollowUp[]): Promise<Map<string, string>> {
  const ids = [...new Set(followUps.map((f) => f.contactId))];
  const contacts = await Promise.all(ids.map((id) => client.getContact(id).catch(() => null)));
  return new Map(contacts.filter((c): c is Contact => c !== null).map((c) => [c.id, c.displayName]));
}

export function followUpsTable(page: Page<FollowUp>, names: Map<string, string>): string {
  if (page.items.length === 0) return "no follow-ups";
  const table = renderTable(
    ["ID", "DUE", "STATUS", "CONTACT", "TITLE"],
    page.items.map((f) => [
      f.id,
      f.snoozedUntilOn ?? f.dueOn,
      f.status,
      names.get(f.contactId) ?? f.contactId,
      f.title,
    ]),
  );
  return page.nextCursor ? `${table}\n\nmore: kith follow-ups list --cursor ${page.nextCursor}` : table;
}

function registerAdd(followUps: Command, ctx: CliContext) {
  followUps
    .command("add <contact>")
    .description("add a dated follow-up; <contact> is an id or a search that matches exactly one contact")
    .requiredOption("--due <date>", "due date, YYYY-MM-DD")
    .requiredOption("--title <text>", "what to do")
    .option("--notes <text>", "notes")
    .action(
      clientAction<{ due: string; title: string; notes?: string }>(ctx, async ({ client, out, args }, flags) => {
        const contact = await resolveContact(client, args[0]!, out.note);
        const followUp = await client.addFollowUp(
          definedOnly({ contactId: contact.id, dueOn: flags.due, title: flags.title, notes: flags.notes }),
        );
        out.show(followUp, (f) => `added follow-up for ${contact.displayName} due ${f.dueOn}: ${f.title} (${f.id})`);
      }),
    );
}

function registerList(followUps: Command, ctx: CliContext) {
  followUps
    .command("list")
    .description("follow-ups, soonest first")
    .option("--status <status>", "open, done, snoozed or skipped")
    .option("--contact <contact>", "only this contact's (an id or a search)")
    .option("--limit <n>", "page size", toNumber)
    .option("--cursor <cursor>", "the next page, as printed after a full page")
    .action(
      clientAction<ListFlags>(ctx, async ({ client, out }, flags) => {
        const contactId = flags.contact ? (await resolveContact(client, flags.contact, out.note)).id : undefined;
        const filters = definedOnly({ status: flags.status as FollowUpStatus | undefined, contactId });
        const page = await client.listFollowUps(filters, definedOnly({ limit: flags.limit, cursor: flags.cursor }));
        if (out.json) return out.show(page, () => "");
        const names = await namesOf(client, page.items);
        out.show(page, (p) => followUpsTable(p, names));
      }),
    );
}

function registerDone(followUps: Command, ctx: CliContext) {
  followUps
    .command("done <id>")
    .description("mark a follow-up done; with --log, the interaction is logged in the same act")
    .option("--log <kind>", "log an interaction of this kind (call, email, …)")
    .option("--dir <direction>", "direction of the logged interaction: out, in or mutual", "out")
    .option("--note <text>", "summary of the logged interaction (default: the follow-up's title)")
    .action(
      clientAction<{ log?: string; dir: string; note?: string }>(ctx, async ({ client, out, args }, flags) => {
        const log = flags.log
          ? definedOnly({ kind: flags.log as InteractionKind, direction: directionOf(flags.dir), summary: flags.note })
          : undefined;
        const followUp = await client.completeFollowUp(args[0]!, log ? { log } : {});
        out.show(
          followUp,
          (f) => `done: ${f.title}${f.interactionId ? ` (logged ${flags.log}, ${f.interactionId})` : ""}`,
        );
      }),
    );
}

export function registerFollowUpCommands(program: Command, ctx: CliContext): void {
  const followUps = program.command("follow-ups").description("dated tasks tied to a contact");
  registerAdd(followUps, ctx);
  registerList(followUps, ctx);
  registerDone(followUps, ctx);
}
