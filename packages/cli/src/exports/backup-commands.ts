import { readFile, writeFile } from "node:fs/promises";
import { DomainError } from "@kith/core";
import type { Command } from "commander";
import { type CliContext, clientAction } from "../cli-context.ts";
import type { KithClient } from "../client/kith-client.ts";

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
        out.show(result, restoredText);
      }),
    );
}

/** The later lists a backup may hold, named as a person would: shown only when the backup had some. */
const MORE_LISTS = [
  ["relationships", "relationships"],
  ["asks", "asks"],
  ["templates", "templates"],
  ["articles", "articles"],
  ["campaigns", "campaigns"],
  ["opportunities", "opportunities"],
  ["interviewQuestions", "interview questions"],
  ["jobExpenses", "job-search expenses"],
  ["mailboxMessages", "messages from mailboxes"],
  ["calendars", "calendars"],
  ["calendarEvents", "calendar meetings"],
] as const;

type Restored = Awaited<ReturnType<KithClient["restoreBackup"]>>;

/** `kith restore`: every list it wrote (the first five always, the later ones when the backup had them). */
export function restoredText(r: Restored): string {
  const more = MORE_LISTS.filter(([key]) => (r[key] ?? 0) > 0).map(([key, words]) => `${r[key]} ${words}`);
  const first = `restored ${r.contacts} contacts, ${r.companies} companies, ${r.interactions} interactions, ${r.followUps} follow-ups, ${r.webhooks} webhooks`;
  return more.length > 0 ? `${first}, ${more.join(", ")}` : first;
}
