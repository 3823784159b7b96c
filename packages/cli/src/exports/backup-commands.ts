import { readFile, writeFile } from "node:fs/promises";
import { DomainError } from "@kith/core";
import type { Command } from "commander";
import { type CliContext, clientAction } from "../cli-context.ts";

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DomainError("validation", `${file}: is not JSON (${(error as Error).message})`);
  }
}

/** `kith backup [--out FILE]` and `kith restore FILE` (into an empty account). */
export function registerBackupCommands(program: Command, ctx: CliContext) {
  program
    .command("backup")
    .description("write the whole account as a versioned JSON backup")
    .option("--out <file>", "write to this file instead of standard output")
    .action(
      clientAction<{ out?: string }>(ctx, async ({ client }, flags) => {
        const text = `${JSON.stringify(await client.exportBackup(), null, 2)}\n`;
        if (!flags.out) return ctx.io.stdout(text);
        await writeFile(flags.out, text);
        ctx.io.stderr(`wrote ${flags.out}\n`);
      }),
    );
  program
    .command("restore <file>")
    .description("restore a backup into this account, which must be empty")
    .action(
      clientAction(ctx, async ({ client, out, args }) => {
        const result = await client.restoreBackup(await readJson(args[0] ?? ""));
        out.show(
          result,
          (r) =>
            `restored ${r.contacts} contacts, ${r.companies} companies, ${r.interactions} interactions, ${r.followUps} follow-ups, ${r.webhooks} webhooks`,
        );
      }),
    );
}
