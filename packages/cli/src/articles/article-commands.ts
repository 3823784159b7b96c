import { notFound } from "@kith/core";
import type { Command } from "commander";
import { type CliContext, clientAction, collect, definedOnly } from "../cli-context.ts";
import type { KithClient, SavedArticle } from "../client/kith-client.ts";
import { resolveContact } from "../contacts/resolve-contact.ts";
import { renderDraft, terminalSafe } from "../messages/render-draft.ts";
import { renderFields, renderTable } from "../output/table.ts";

type Match = Awaited<ReturnType<KithClient["articleMatches"]>>[number];

const statusOf = (a: SavedArticle) => (a.status === "failed" ? `failed: ${a.failure ?? ""}` : a.status);

function articleDetail(a: SavedArticle): string {
  return renderFields([
    ["id", a.id],
    ["url", a.url],
    ["status", statusOf(a)],
    ["title", a.title],
    ["about", a.topics.slice(0, 8).join(", ")],
    ["note", a.note],
    ["tags", a.tags.join(", ")],
  ]);
}

export function articlesTable(articles: readonly SavedArticle[]): string {
  if (articles.length === 0) return "no articles: save one with kith article add URL";
  return renderTable(
    ["ID", "STATUS", "TITLE", "URL"],
    articles.map((a) => [a.id, a.status, a.title, a.url]),
  );
}

export function matchesTable(matches: readonly Match[]): string {
  if (matches.length === 0) return "no contact matches this article's topics yet";
  return renderTable(
    ["ID", "NAME", "WHY"],
    matches.map((m) => [m.contactId, m.displayName, m.reasons.join("; ")]),
  );
}

/** An article by its id, its link, or a piece of its title that names one of the newest saved articles. */
export async function resolveArticle(client: KithClient, ref: string): Promise<SavedArticle> {
  const articles = await client.listArticles();
  const exact = articles.find((a) => a.id === ref || a.url === ref);
  if (exact) return exact;
  const needle = ref.trim().toLowerCase();
  const titled = needle ? articles.filter((a) => (a.title ?? "").toLowerCase().includes(needle)) : [];
  if (titled.length === 1) return titled[0]!;
  if (titled.length > 1) {
    throw notFound("article", `${ref} (several titles match: ${titled.map((a) => a.id).join(", ")}; pass an id)`);
  }
  throw notFound("article", ref);
}

interface ShareFlags {
  send?: boolean;
  to?: string;
  awaitReply: boolean;
  key?: string;
}

function registerShare(article: Command, ctx: CliContext) {
  article
    .command("share <article> <contact>")
    .description(
      'the "thought of you" draft of an article for a contact; --send sends it from your own email and logs it ' +
        "(<article>: id, link or title; <contact>: id or search)",
    )
    .option("--send", "send it from your own email (set it in Settings) and log it")
    .option("--to <address>", "with --send: one of the contact's addresses (default: the first)")
    .option("--no-await-reply", "with --send: log it without waiting for an answer")
    .option("--key <idempotency-key>", "with --send: the same key sends once, however often the command is run")
    .action(
      clientAction<ShareFlags>(ctx, async ({ client, out, args }, flags) => {
        const found = await resolveArticle(client, args[0]!);
        const contact = await resolveContact(client, args[1]!, out.note);
        const [shared] = await client.articleDrafts(found.id, [contact.id]);
        if (!shared) throw notFound("contact", contact.id);
        const { draft } = shared;
        if (!flags.send) {
          out.show(
            draft,
            (d) =>
              `To ${terminalSafe(contact.displayName)} · ${terminalSafe(d.templateName)}\n${renderDraft(d, { mode: "full" })}\n` +
              `send it with --send, or once you sent it yourself, log it: kith sent ${contact.id} --article ${found.id} --body …`,
          );
          return;
        }
        const sent = await client.sendMessage(
          definedOnly({
            contactId: contact.id,
            to: flags.to,
            subject: draft.subject,
            body: draft.body,
            awaitsReply: flags.awaitReply,
            idempotencyKey: flags.key,
            templateId: draft.templateId ?? undefined,
            articleId: found.id,
          }),
        );
        out.show(
          sent,
          (s) =>
            `sent "${terminalSafe(draft.subject)}" to ${terminalSafe(contact.displayName)} and logged (${s.interactionId})`,
        );
      }),
    );
}

/** `kith article add URL`, `kith article matches ID`, `kith article share ARTICLE CONTACT` and `kith articles`. */
export function registerArticleCommands(program: Command, ctx: CliContext) {
  const article = program.command("article").description("save a link and see whom it fits");
  article
    .command("add <url>")
    .description("save a link; its title, text and topics are fetched (a public http or https address only)")
    .option("--note <note>", "a note of your own")
    .option("--tag <tag>", "a tag (repeatable)", collect)
    .action(
      clientAction<{ note?: string; tag?: string[] }>(ctx, async ({ client, out, args }, flags) => {
        const saved = await client.addArticle({
          url: args[0]!,
          ...(flags.note !== undefined ? { note: flags.note } : {}),
          ...(flags.tag ? { tags: flags.tag } : {}),
        });
        out.show(saved, (a) => `saved ${a.title ?? a.url} (${a.id})\n${articleDetail(a)}`);
      }),
    );
  article
    .command("matches <id>")
    .description("the contacts an article fits, closest first, and why")
    .action(
      clientAction(ctx, async ({ client, out, args }) => out.show(await client.articleMatches(args[0]!), matchesTable)),
    );
  registerShare(article, ctx);
  program
    .command("articles")
    .description("saved articles, newest first")
    .action(clientAction(ctx, async ({ client, out }) => out.show(await client.listArticles(), articlesTable)));
}
