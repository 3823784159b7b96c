import { DomainError, type DraftSlot, TEMPLATE_SLOTS } from "@kith/core";
import { type Command, Option } from "commander";
import { type CliContext, clientAction, definedOnly } from "../cli-context.ts";
import type { KithClient, TemplateView } from "../client/kith-client.ts";
import { resolveContact } from "../contacts/resolve-contact.ts";
import { renderTable } from "../output/table.ts";
import { renderDraft, terminalSafe } from "./render-draft.ts";

/** `--template` takes an id (`default:check-in`, `tpl_…`) or a name, matched whole and regardless of case. */
async function resolveTemplate(client: KithClient, ref: string): Promise<TemplateView> {
  const all = await client.listTemplates();
  const wanted = ref.trim().toLowerCase();
  const found = all.find((t) => t.id === ref) ?? all.find((t) => t.name.toLowerCase() === wanted);
  if (!found) throw new DomainError("not_found", `no template "${ref}" (kith templates lists them)`);
  return found;
}

function templatesTable(templates: readonly TemplateView[]): string {
  if (templates.length === 0) return "no templates";
  return renderTable(
    ["ID", "NAME", "CHANNEL", "FITS", "STATE"],
    templates.map((t) => [
      t.id,
      terminalSafe(t.name),
      t.channel,
      t.slots.join(","),
      t.hidden ? "deleted" : t.customized ? "edited" : t.isDefault ? "default" : "own",
    ]),
  );
}

function showTemplate(t: TemplateView): string {
  return [
    `${terminalSafe(t.name)} (${t.id})`,
    `channel  ${t.channel}`,
    `fits     ${t.slots.join(", ") || "-"}`,
    `subject  ${terminalSafe(t.subject)}`,
    "",
    terminalSafe(t.body),
  ].join("\n");
}

function registerDraft(program: Command, ctx: CliContext) {
  program
    .command("draft <contact>")
    .description(
      "what to say to a contact: the draft of their item on Today when one is due (a birthday, a nudge, an article), " +
        "else a check-in; --slot or --template for another (<contact>: id or search)",
    )
    .option("--template <template>", "a template's id or name (kith templates lists them)")
    .addOption(new Option("--slot <slot>", "the reason the template should fit").choices(TEMPLATE_SLOTS))
    .action(
      clientAction<{ template?: string; slot?: DraftSlot }>(ctx, async ({ client, out, args }, flags) => {
        const contact = await resolveContact(client, args[0]!, out.note);
        const templateId = flags.template ? (await resolveTemplate(client, flags.template)).id : undefined;
        const due = templateId || flags.slot ? null : await client.getContactDue(contact.id);
        const draft = due?.draft ?? (await client.getDraft(contact.id, definedOnly({ templateId, slot: flags.slot })));
        out.show(
          draft,
          (d) =>
            `To ${terminalSafe(contact.displayName)} · ${terminalSafe(d.templateName)}\n${renderDraft(d, { mode: "full" })}`,
        );
      }),
    );
}

function registerTemplates(program: Command, ctx: CliContext) {
  const templates = program.command("templates").description("the message templates drafts are written from");
  templates
    .command("list", { isDefault: true })
    .description("Kith's defaults and your own")
    .action(clientAction(ctx, async ({ client, out }) => out.show(await client.listTemplates(), templatesTable)));
  templates
    .command("show <template>")
    .description("one template's text (by id or name)")
    .action(
      clientAction(ctx, async ({ client, out, args }) =>
        out.show(await resolveTemplate(client, args[0]!), showTemplate),
      ),
    );
}

export function registerMessageCommands(program: Command, ctx: CliContext): void {
  registerDraft(program, ctx);
  registerTemplates(program, ctx);
}
