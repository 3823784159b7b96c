import { readFile } from "node:fs/promises";
import { DomainError } from "@kith/core";
import type { Command } from "commander";
import { type CliContext, clientAction, definedOnly } from "../cli-context.ts";
import { resolveContact } from "../contacts/resolve-contact.ts";

interface SendFlags {
  subject: string;
  body?: string;
  bodyFile?: string;
  to?: string;
  awaitReply: boolean;
  key?: string;
  template?: string;
}

interface SentFlags {
  channel: string;
  subject?: string;
  body?: string;
  bodyFile?: string;
  awaitReply: boolean;
  template?: string;
  article?: string;
}

/** The message's text: `--body` as typed or `--body-file` read as UTF-8 (exactly one of them). */
async function bodyOf(flags: { body?: string | undefined; bodyFile?: string | undefined }): Promise<string> {
  if ((flags.body === undefined) === (flags.bodyFile === undefined)) {
    throw new DomainError("validation", "body: pass --body TEXT or --body-file FILE", [
      { path: "body", message: "pass --body TEXT or --body-file FILE" },
    ]);
  }
  return flags.body ?? (await readFile(flags.bodyFile ?? "", "utf8"));
}

export function registerSendCommands(program: Command, ctx: CliContext): void {
  program
    .command("send <contact>")
    .description("send a message from your own email (set it in Settings) and log it; <contact> is an id or a search")
    .requiredOption("--subject <text>", "the subject, one line")
    .option("--body <text>", "the message")
    .option("--body-file <file>", "the message, read from a UTF-8 file")
    .option("--to <address>", "one of the contact's addresses (default: the first)")
    .option("--no-await-reply", "a thank-you or greeting: log it without waiting for an answer")
    .option("--key <idempotency-key>", "the same key sends once, however often the command is run")
    .option("--template <id>", "the template the message came from (a draft's), for the reply rate by template")
    .action(
      clientAction<SendFlags>(ctx, async ({ client, out, args }, flags) => {
        const contact = await resolveContact(client, args[0]!, out.note);
        const body = await bodyOf(flags);
        const sent = await client.sendMessage(
          definedOnly({
            contactId: contact.id,
            to: flags.to,
            subject: flags.subject,
            body,
            awaitsReply: flags.awaitReply,
            idempotencyKey: flags.key,
            templateId: flags.template,
          }),
        );
        out.show(sent, (s) => `sent to ${contact.displayName} and logged (${s.interactionId}) ${s.messageId}`);
      }),
    );
  program
    .command("sent <contact>")
    .description("log a message you sent yourself (from your mail app or a chat); <contact> is an id or a search")
    .option("--channel <channel>", "email or message", "email")
    .option("--subject <text>", "the subject (default: the first line of the body)")
    .option("--body <text>", "the message")
    .option("--body-file <file>", "the message, read from a UTF-8 file")
    .option("--no-await-reply", "log it without waiting for an answer")
    .option("--template <id>", "the template the message came from (a draft's), for the reply rate by template")
    .option("--article <id>", "the saved article it shared: Kith stops suggesting it to them")
    .action(
      clientAction<SentFlags>(ctx, async ({ client, out, args }, flags) => {
        const contact = await resolveContact(client, args[0]!, out.note);
        const body = await bodyOf(flags);
        const logged = await client.recordSent(
          definedOnly({
            contactId: contact.id,
            channel: flags.channel as "email" | "message" | "any",
            subject: flags.subject,
            body,
            awaitsReply: flags.awaitReply,
            templateId: flags.template,
            articleId: flags.article,
          }),
        );
        out.show(logged, (l) => `logged the ${flags.channel} to ${contact.displayName} (${l.interactionId})`);
      }),
    );
}
