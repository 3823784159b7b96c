import { type Actor, requireRole } from "../accounts/roles.ts";
import { loadEngineContext } from "../due-state/engine-context.ts";
import { refreshContacts } from "../due-state/refresh-contacts.ts";
import { draftsFor, loadDraftScope } from "../messages/draft-service.ts";
import type { Deps } from "../ports/index.ts";
import { invalid, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import type { ArticleFetcher, ArticleRecord } from "./article-port.ts";
import { refreshArticleSuggestions } from "./article-suggestions.ts";
import { haystackOf } from "./derive-topics.ts";
import { rankMatches } from "./match-contacts.ts";
import {
  ARTICLE_MATCHES_MAX,
  type Article,
  type ArticleDraft,
  type ArticleMatch,
  articleDraftsSchema,
  saveArticleSchema,
} from "./schemas.ts";

/** What the article services need besides the store: the guarded fetcher (for the save-time check). */
export type ArticleDeps = Deps & { articleFetcher: ArticleFetcher };

export const presentArticle = (r: ArticleRecord): Article => ({
  id: r.id,
  url: r.url,
  note: r.note,
  tags: r.tags,
  status: r.status,
  failure: r.failure,
  title: r.title,
  description: r.description,
  topics: r.topics,
  savedAt: r.savedAt,
  fetchedAt: r.fetchedAt,
});

const uniqueTags = (tags: readonly string[]) => [...new Map(tags.map((t) => [t.toLowerCase(), t])).values()];

/**
 * Saves a link to read and share (editor): the URL's literal form is checked by the schema (http/https, no
 * credentials) and where it points by the guarded fetcher (a private, loopback or otherwise non-public address is
 * refused, naming the field), then it is stored pending; the fetch job reads it. Its note and tags already suggest
 * it to the closest contacts (`article-suggestions.ts`); the fetch refines that.
 */
export async function saveArticle(deps: ArticleDeps, actor: Actor, input: unknown): Promise<Article> {
  requireRole(actor, "editor");
  const parsed = parseInput(saveArticleSchema, input);
  const refusal = await deps.articleFetcher.refusal(parsed.url);
  if (refusal) throw invalid("url", `URL ${refusal}`);
  const nowAt = deps.clock.now().toISOString();
  const record: ArticleRecord = {
    id: deps.ids.newId(),
    url: new URL(parsed.url).href,
    note: parsed.note ?? "",
    tags: uniqueTags(parsed.tags ?? []),
    status: "pending",
    failure: null,
    title: null,
    description: null,
    text: "",
    topics: [],
    savedAt: nowAt,
    savedBy: actor.userId,
    fetchedAt: null,
    attempts: 0,
    nextAttemptAt: nowAt,
  };
  await deps.store.articles.insert(actor.accountId, record);
  await refreshArticleSuggestions(deps, actor.accountId, record.id);
  return presentArticle(record);
}

export async function listArticles(deps: Deps, actor: Actor, limit = 50): Promise<Article[]> {
  requireRole(actor, "viewer");
  return (await deps.store.articles.list(actor.accountId, limit)).map(presentArticle);
}

async function found(deps: Deps, actor: Actor, id: string): Promise<ArticleRecord> {
  const record = await deps.store.articles.find(actor.accountId, id);
  if (!record) throw notFound("article", id);
  return record;
}

export async function getArticle(deps: Deps, actor: Actor, id: string): Promise<Article> {
  requireRole(actor, "viewer");
  return presentArticle(await found(deps, actor, id));
}

/** Deletes an article; the contacts it was suggested to lose that item in the same transaction. */
export async function deleteArticle(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, "editor");
  await deps.store.transaction(async (tx) => {
    const suggested = (await tx.articles.matchesOf(actor.accountId, id)).filter((m) => m.status === "open");
    const held = await tx.contacts.lockExisting(
      actor.accountId,
      suggested.map((m) => m.contactId),
    );
    if (!(await tx.articles.delete(actor.accountId, id))) throw notFound("article", id);
    const ctx = await loadEngineContext(tx, actor.accountId, deps.clock.now());
    await refreshContacts(tx, ctx, [...held], { mode: "stored" });
  });
}

/**
 * The contacts to share an article with, closest first (at most 20): matched on their interests (strongest), tags,
 * the company they work at and their notes against the article's topics and text, then by how due they are; each
 * with its reasons in words. An article not fetched yet matches on its note and tags only.
 */
export async function articleMatches(deps: Deps, actor: Actor, id: string): Promise<ArticleMatch[]> {
  requireRole(actor, "viewer");
  const article = await found(deps, actor, id);
  const source = {
    title: article.title,
    description: article.description,
    keywords: [article.note, ...article.tags],
    text: article.text,
  };
  const candidates = await deps.store.articles.candidates(actor.accountId);
  return rankMatches({ topics: article.topics, haystack: haystackOf(source) }, candidates, ARTICLE_MATCHES_MAX);
}

/**
 * "Share with": a draft per contact from the account's "thought of you" template (the `article` slot: its own
 * preferred over Kith's default), with the article's title, link and description. Sending or logging each goes
 * through `/api/messages/send` or `/api/messages/sent`, which log the touch. Another account's contact is a 404.
 * Editors only: it is the first step of sharing, which writes (a viewer neither sends nor logs).
 */
export async function articleDrafts(deps: Deps, actor: Actor, id: string, input: unknown): Promise<ArticleDraft[]> {
  requireRole(actor, "editor");
  const { contactIds } = parseInput(articleDraftsSchema, input);
  const a = await found(deps, actor, id);
  const article = { title: a.title ?? a.url, url: a.url, description: a.description ?? "" };
  const ids = [...new Set(contactIds)];
  const scope = await loadDraftScope(deps, actor);
  const drafts = await draftsFor(
    deps,
    actor,
    scope,
    ids.map((contactId) => ({ contactId, slot: "article" as const, article })),
  );
  return ids.map((contactId) => {
    const draft = drafts.get(contactId);
    if (!draft) throw notFound("contact", contactId);
    return { contactId, draft };
  });
}
