import type { Command } from "commander";
import { type CliContext, clientAction, collect } from "../cli-context.ts";
import type { KithClient, SavedArticle } from "../client/kith-client.ts";
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

/** `kith article add URL`, `kith article matches ID` and `kith articles`. */
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
  program
    .command("articles")
    .description("saved articles, newest first")
    .action(clientAction(ctx, async ({ client, out }) => out.show(await client.listArticles(), articlesTable)));
}
