import type { Contact, UpdateContactInput } from "@kith/core";
import type { Command } from "commander";
import { type CliContext, clientAction, collect, definedOnly, toNumber } from "../cli-context.ts";
import type { KithClient } from "../client/kith-client.ts";
import { contactDetail, contactsPage } from "./contact-views.ts";
import { resolveContact } from "./resolve-contact.ts";

interface ContactFlags {
  first?: string;
  last?: string;
  email?: string[];
  phone?: string[];
  company?: string;
  title?: string;
  tag?: string[];
  circle?: string;
  notes?: string;
  interest?: string[];
  howWeMet?: string;
}

interface ListFlags {
  q?: string;
  tag?: string;
  limit?: number;
  cursor?: string;
  archived?: boolean;
}

/** Flags → the service's input. Lists given on an edit replace the whole list; `--company ""` unlinks. */
export function contactInput(flags: ContactFlags): UpdateContactInput {
  return definedOnly({
    firstName: flags.first,
    lastName: flags.last,
    emails: flags.email?.map((address) => ({ address })),
    phones: flags.phone?.map((number) => ({ number })),
    companyId: flags.company === "" ? null : flags.company,
    title: flags.title,
    tags: flags.tag,
    circle: flags.circle,
    notes: flags.notes,
    interests: flags.interest,
    howWeMet: flags.howWeMet,
  });
}

function contactFlags(command: Command): Command {
  command
    .option("--first <name>", "first name")
    .option("--last <name>", "last name (a first or a last name is enough)")
    .option("--email <address>", "email address (repeatable)", collect)
    .option("--phone <number>", "phone number (repeatable)", collect)
    .option("--company <id>", 'company id ("" to unlink)')
    .option("--title <title>", "job title")
    .option("--tag <tag>", "tag (repeatable)", collect)
    .option("--circle <key>", "circle, e.g. inner, close, network")
    .option("--interest <interest>", "an interest (repeatable): drafts mention it, articles are matched on it", collect)
    .option("--how-we-met <text>", "how you met, as a draft may recall it")
    .option("--notes <markdown>", "notes");
  return command;
}

const saved = (verb: string) => (c: Contact) => `${verb} ${c.displayName} (${c.id})`;

async function showContact(client: KithClient, ref: string, warn: (text: string) => void) {
  const contact = await resolveContact(client, ref, warn);
  const [company, recent] = await Promise.all([
    contact.companyId ? client.getCompany(contact.companyId).catch(() => null) : null,
    client.listInteractions({ contactId: contact.id }, { limit: 5 }),
  ]);
  return { contact, company, recent: recent.items };
}

function registerAdd(contacts: Command, ctx: CliContext) {
  contactFlags(contacts.command("add").description("add a contact")).action(
    clientAction<ContactFlags>(ctx, async ({ client, out }, flags) => {
      out.show(await client.createContact(contactInput(flags)), saved("added"));
    }),
  );
}

function registerList(contacts: Command, ctx: CliContext) {
  contacts
    .command("list")
    .description("list or search contacts (prefix search over name, email, company, title, tags, interests)")
    .option("--q <text>", "search")
    .option("--tag <tag>", "only contacts with this tag")
    .option("--limit <n>", "page size", toNumber)
    .option("--cursor <cursor>", "the next page, as printed after a full page")
    .option("--archived", "include archived contacts")
    .action(
      clientAction<ListFlags>(ctx, async ({ client, out }, flags) => {
        const filters = definedOnly({
          q: flags.q,
          tag: flags.tag,
          archived: flags.archived ? ("include" as const) : undefined,
        });
        const page = await client.listContacts(filters, definedOnly({ limit: flags.limit, cursor: flags.cursor }));
        const timeZone = out.json ? "UTC" : (await client.getAccount()).timeZone;
        out.show(page, (p) => contactsPage(p, timeZone, "kith contacts list"));
      }),
    );
}

function registerShow(contacts: Command, ctx: CliContext) {
  contacts
    .command("show <contact>")
    .description("one contact, with last touch and recent interactions; an id or a search matching one contact")
    .action(
      clientAction(ctx, async ({ client, out, args }) => {
        const detail = await showContact(client, args[0]!, out.note);
        if (out.json) return out.show(detail.contact, () => "");
        const { timeZone } = await client.getAccount();
        out.show(detail, (d) => contactDetail(d, timeZone));
      }),
    );
}

function registerEdit(contacts: Command, ctx: CliContext) {
  contactFlags(contacts.command("edit <id>").description("change a contact")).action(
    clientAction<ContactFlags>(ctx, async ({ client, out, args }, flags) => {
      out.show(await client.updateContact(args[0]!, contactInput(flags)), saved("updated"));
    }),
  );
}

function registerArchive(contacts: Command, ctx: CliContext) {
  contacts
    .command("archive <id>")
    .description("hide a contact from lists and reminders (history is kept)")
    .option("--undo", "bring an archived contact back")
    .action(
      clientAction<{ undo?: boolean }>(ctx, async ({ client, out, args }, flags) => {
        const contact = await client.setContactArchived(args[0]!, !flags.undo);
        out.show(contact, saved(flags.undo ? "restored" : "archived"));
      }),
    );
}

export function registerContactCommands(program: Command, ctx: CliContext): void {
  const contacts = program.command("contacts").description("people you know or want to know");
  for (const register of [registerAdd, registerList, registerShow, registerEdit, registerArchive]) {
    register(contacts, ctx);
  }
}
