import { type Actor, requireRole } from "../accounts/roles.ts";
import type { Deps } from "../ports/index.ts";
import { notFound } from "../shared/errors.ts";
import type { ArticleFetcher, ArticleRecord } from "./article-port.ts";
import { presentArticle } from "./article-service.ts";
import { refreshArticleSuggestions, refreshStaleSuggestions } from "./article-suggestions.ts";
import { deriveTopics } from "./derive-topics.ts";
import { readPage } from "./read-page.ts";
import type { Article } from "./schemas.ts";

/** A fetch's lease: well beyond the fetcher's own 8 s limit, so a live holder never loses it mid-fetch. */
export const ARTICLE_LEASE_MS = 60_000;
/** Attempts before an article that keeps failing (a network error, a time-out, a 5xx) is marked failed. */
export const ARTICLE_MAX_ATTEMPTS = 4;
/** Waits before the next attempt: 1, 4, 16 minutes. */
const retryDelayMs = (attempts: number) => 60_000 * 4 ** (attempts - 1);

export type ArticleFetchDeps = Deps & { articleFetcher: ArticleFetcher };

export interface ArticleTickOptions {
  /** This instance's lease name. */
  owner: string;
  signal?: AbortSignal;
  /** Articles fetched at most in one pass (default 10). */
  maxArticles?: number;
}

/** The account's words that make a topic of their own when an article mentions them: interests and tags. */
async function vocabularyOf(deps: Deps, accountId: string, article: ArticleRecord): Promise<string[]> {
  const terms = new Set(article.tags);
  for (const c of await deps.store.articles.candidates(accountId)) {
    for (const term of [...c.interests, ...c.tags]) terms.add(term);
  }
  return [...terms];
}

/**
 * Fetches one claimed article and records what was found, or why not (retried when it may pass later). Once it is
 * fetched, whom it is suggested to is worked out again from its text and topics.
 */
async function fetchOne(deps: ArticleFetchDeps, accountId: string, article: ArticleRecord, owner: string) {
  const page = await deps.articleFetcher.fetchPage(article.url);
  const nowAt = deps.clock.now();
  if (!page.ok) {
    const retry = page.retryable && article.attempts < ARTICLE_MAX_ATTEMPTS;
    const retryAt = retry ? new Date(nowAt.getTime() + retryDelayMs(article.attempts)).toISOString() : null;
    await deps.store.articles.fail(accountId, article.id, owner, page.reason, retryAt);
    return;
  }
  const content = readPage(page.mediaType, page.text);
  const topics = deriveTopics(content, await vocabularyOf(deps, accountId, article));
  const finished = await deps.store.articles.finish(accountId, article.id, owner, {
    title: content.title,
    description: content.description,
    text: content.text,
    topics,
    fetchedAt: nowAt.toISOString(),
  });
  if (finished) await refreshArticleSuggestions(deps, accountId, article.id);
}

/**
 * One pass of the article fetch job: pending articles whose attempt is due are claimed with a lease (so each is
 * fetched by one instance at a time; a crashed instance's claim lapses and another takes it), fetched through the
 * guarded fetcher, read (title, description, main text) and given topics. Safe on every instance at once and twice
 * in a row: a fetched or failed article is never claimed again, and only the lease holder writes the outcome.
 */
export async function runArticleFetchTick(deps: ArticleFetchDeps, opts: ArticleTickOptions): Promise<number> {
  let fetched = 0;
  for (let i = 0; i < (opts.maxArticles ?? 10) && !opts.signal?.aborted; i += 1) {
    const nowAt = deps.clock.now();
    const [next] = await deps.store.articles.claimable(nowAt.toISOString(), 1);
    if (!next) break;
    const untilAt = new Date(nowAt.getTime() + ARTICLE_LEASE_MS).toISOString();
    const article = await deps.store.articles.claim(next.accountId, next.id, opts.owner, untilAt, nowAt.toISOString());
    if (!article) continue;
    await fetchOne(deps, next.accountId, article, opts.owner);
    fetched += 1;
  }
  // Contacts change (a new interest, a tag): young articles' suggestions are worked out again once a day.
  if (!opts.signal?.aborted) await refreshStaleSuggestions(deps);
  return fetched;
}

/**
 * Fetches one saved article here and now (the CLI in-process, where no job runs): the same claim and write as the
 * job's, under a lease of its own, so a server's job on the same database cannot fetch it at the same time. An
 * article already fetched, failed or held by another is answered as it is.
 */
export async function fetchArticleNow(deps: ArticleFetchDeps, actor: Actor, id: string): Promise<Article> {
  requireRole(actor, "editor");
  const nowAt = deps.clock.now();
  const owner = `in-process:${deps.ids.newId()}`;
  const untilAt = new Date(nowAt.getTime() + ARTICLE_LEASE_MS).toISOString();
  const claimed = await deps.store.articles.claim(actor.accountId, id, owner, untilAt, nowAt.toISOString());
  if (claimed) await fetchOne(deps, actor.accountId, claimed, owner);
  const article = await deps.store.articles.find(actor.accountId, id);
  if (!article) throw notFound("article", id);
  return presentArticle(article);
}
