import type { Command } from "commander";
import { type CliContext, clientAction } from "../cli-context.ts";
import type { Body } from "../client/api-operations.ts";
import type { KithClient } from "../client/kith-client.ts";
import { resolveContact } from "../contacts/resolve-contact.ts";
import { renderTable } from "../output/table.ts";

type CreateCampaign = Body<"/api/campaigns", "post">;
type Campaign = Awaited<ReturnType<KithClient["getCampaign"]>>;

interface CreateFlags {
  occasion: string;
  holiday?: string;
  circle?: string;
  tag?: string;
  company?: string;
  search?: string;
  includeArchived?: boolean;
  includeMovedOn?: boolean;
  self?: boolean;
  template?: string;
  update?: string;
  name?: string;
}

/** `--occasion thanksgiving|new-year|holiday (with --holiday ID)|<any other name>` → the API's occasion. */
function occasionOf(flags: CreateFlags): CreateCampaign["occasion"] {
  const o = flags.occasion.trim();
  if (/^thanksgiving$/i.test(o)) return { kind: "thanksgiving" };
  if (/^new[- ]?year$/i.test(o)) return { kind: "new-year" };
  if (/^holiday$/i.test(o) || flags.holiday) return { kind: "holiday", holidayId: flags.holiday ?? "" };
  return { kind: "custom", name: o };
}

const counts = (c: Campaign) =>
  `${c.counts.sent + c.counts.markedSent} of ${c.counts.total - c.counts.skipped} sent` +
  (c.counts.failed ? `, ${c.counts.failed} failed` : "") +
  (c.counts.unknown ? `, ${c.counts.unknown} unknown (check your Sent folder)` : "");

function showCampaign(c: Campaign): string {
  const head = `${c.name} (${c.id}): ${c.status}, ${counts(c)}`;
  const table = renderTable(
    ["CONTACT", "NAME", "EMAIL", "STATUS", "PERSONAL LINE / REASON"],
    c.recipients.map((r) => [r.contactId, r.displayName, r.email, r.status, r.reason || r.personalLine]),
  );
  return `${head}\n${table}`;
}

/** `kith campaign create|list|show|send|mark-sent`: occasion greetings to a segment, each person once. */
export function registerCampaignCommands(program: Command, ctx: CliContext) {
  const campaign = program
    .command("campaign")
    .description("occasion greetings to a segment, personalised, sent once each");
  campaign
    .command("create")
    .description("make a campaign: the segment's people now, each with a draft and a personal line to review")
    .requiredOption("--occasion <name>", "thanksgiving, new-year, holiday (with --holiday ID) or a name of your own")
    .option("--holiday <id>", "a holiday of your country, by its id (see Settings)")
    .option("--circle <key>", "people in this circle")
    .option("--tag <tag>", "people with this tag")
    .option("--company <id>", "people at this company (its id)")
    .option("--search <words>", "people the contact search finds")
    .option("--include-archived", "archived contacts too")
    .option("--include-moved-on", "moved-on contacts too")
    .option("--self", "you send each message yourself and mark it sent (everyone, with or without an email)")
    .option("--template <id>", "the template to draft with (default: the holiday greeting)")
    .option("--update <text>", "your update for the greeting (default: yours from Settings)")
    .option("--name <name>", "the campaign's name (default: the occasion and year)")
    .action(
      clientAction<CreateFlags>(ctx, async ({ client, out }, flags) => {
        const body: CreateCampaign = {
          occasion: occasionOf(flags),
          segment: {
            ...(flags.circle && { circle: flags.circle }),
            ...(flags.tag && { tag: flags.tag }),
            ...(flags.company && { companyId: flags.company }),
            ...(flags.search && { q: flags.search }),
            includeArchived: flags.includeArchived === true,
            includeMovedOn: flags.includeMovedOn === true,
          },
          mode: flags.self ? "self" : "email",
          ...(flags.template && { templateId: flags.template }),
          ...(flags.update !== undefined && { myUpdate: flags.update }),
          ...(flags.name && { name: flags.name }),
        };
        const created = await client.createCampaign(body);
        const next =
          body.mode === "self"
            ? `review it, send each message yourself, then: kith campaign mark-sent ${created.id} <contact>`
            : `review it, then: kith campaign send ${created.id}`;
        out.show(created, (c) => `${showCampaign(c)}\n${next}`);
      }),
    );
  campaign
    .command("list")
    .description("your campaigns, newest first")
    .action(
      clientAction(ctx, async ({ client, out }) => {
        const list = await client.listCampaigns();
        out.show(list, (rows) =>
          rows.length === 0
            ? "no campaigns yet"
            : renderTable(
                ["ID", "NAME", "STATUS", "SENT"],
                rows.map((c) => [c.id, c.name, c.status, `${c.counts.sent + c.counts.markedSent}/${c.counts.total}`]),
              ),
        );
      }),
    );
  campaign
    .command("show <id>")
    .description("a campaign with every recipient and where each message is")
    .action(
      clientAction(ctx, async ({ client, out, args }) => {
        out.show(await client.getCampaign(args[0] ?? ""), showCampaign);
      }),
    );
  campaign
    .command("send <id>")
    .description("send every pending message through your own SMTP account, each person once")
    .action(
      clientAction(ctx, async ({ client, out, args }) => {
        out.show(await client.sendCampaign(args[0] ?? ""), (c) => `${c.name}: ${c.status}, ${counts(c)}`);
      }),
    );
  campaign
    .command("mark-sent <id> <contact>")
    .description("you sent one yourself (or found it in your Sent folder): logs the touch")
    .action(
      clientAction(ctx, async ({ client, out, args }) => {
        const contact = await resolveContact(client, args[1] ?? "", out.note);
        const r = await client.markCampaignSent(args[0] ?? "", contact.id);
        out.show(r, (x) => `${x.displayName}: marked sent, touch logged`);
      }),
    );
}
