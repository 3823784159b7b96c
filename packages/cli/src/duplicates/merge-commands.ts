import type { Command } from "commander";
import { type CliContext, clientAction } from "../cli-context.ts";
import { resolveContact } from "../contacts/resolve-contact.ts";
import { renderTable } from "../output/table.ts";

/** `kith duplicates`, `kith merge <keep> <merge>` and `kith merge --undo <mergeId>`. */
export function registerMergeCommands(program: Command, ctx: CliContext) {
  program
    .command("duplicates")
    .description("list contacts that look like the same person as another")
    .action(
      clientAction(ctx, async ({ client, out }) => {
        const rows = await client.listDuplicates();
        out.show(rows, (list) =>
          list.length === 0
            ? "no possible duplicates"
            : renderTable(
                ["ID", "NAME", "SAME AS", "NAME ", "BY"],
                list.map((d) => [d.contactId, d.displayName, d.duplicateOfId, d.duplicateOfName, d.by]),
              ),
        );
      }),
    );
  program
    .command("merge [keep] [merge]")
    .description("merge the second contact into the first (every value and interaction kept); --undo <mergeId>")
    .option("--undo <mergeId>", "undo a merge")
    .action(
      clientAction<{ undo?: string }>(ctx, async ({ client, out, args }, flags) => {
        if (flags.undo) {
          const back = await client.undoMerge(flags.undo);
          return out.show(
            back,
            (list) => `undid merge ${flags.undo}: ${list.map((c) => `${c.displayName} (${c.id})`).join(", ")}`,
          );
        }
        const keep = await resolveContact(client, args[0] ?? "", out.note);
        const merge = await resolveContact(client, args[1] ?? "", out.note);
        const result = await client.mergeContacts(keep.id, merge.id);
        out.show(
          result,
          (r) => `merged ${merge.displayName} into ${r.contact.displayName}; undo: kith merge --undo ${r.mergeId}`,
        );
      }),
    );
}
