import type { ArticleRecord } from "../articles/article-port.ts";
import { haystackOf } from "../articles/derive-topics.ts";
import { matchContact } from "../articles/match-contacts.ts";
import type { ReasonKind, TodayEntry } from "../engine/index.ts";
import type { Deps } from "../ports/index.ts";
import { epochMsToInstant, instantToEpochMs } from "../time/index.ts";

/** Articles saved this many days ago at most are offered on Today: a fresh find, not the archive. */
export const ARTICLE_OFFER_DAYS = 30;
/** The newest fetched articles looked at (each is matched against every item's contact). */
const ARTICLES_READ = 10;
/** An interest (10) or a tag (5) must match: a word in the notes alone is too thin a reason to write. */
const MIN_SCORE = 5;
/** The reasons whose item is offered a matching article beside its own draft: "just checking in" needs a topic. */
const OFFERED_ON: ReadonlySet<ReasonKind> = new Set(["cadence-due", "cadence-overdue"]);

/** An article as a draft and the Today card use it. */
export interface OfferedArticle {
  id: string;
  title: string;
  url: string;
  description: string;
}

const offered = (a: ArticleRecord): OfferedArticle => ({
  id: a.id,
  title: a.title ?? a.url,
  url: a.url,
  description: a.description ?? "",
});

/**
 * The article each entry speaks of, by contact: an article-match item's own article (its title, link and
 * description, which the engine's reason does not carry), and for a cadence item the recent article that matches
 * the person best (interests, then tags; ties to the newest), if any. Two reads: the recent articles and the
 * matched contacts' interests, tags, company and notes.
 */
export async function articlesForEntries(
  deps: Deps,
  accountId: string,
  nowAt: string,
  entries: readonly TodayEntry[],
): Promise<Map<string, OfferedArticle>> {
  const out = new Map<string, OfferedArticle>();
  for (const entry of entries) {
    if (entry.detail.kind !== "article") continue;
    const article = await deps.store.articles.find(accountId, entry.detail.articleId);
    if (article) out.set(entry.contactId, offered(article));
  }
  const wanted = entries.filter((e) => OFFERED_ON.has(e.reasonKind) && !out.has(e.contactId));
  if (wanted.length === 0) return out;
  const since = epochMsToInstant(instantToEpochMs(nowAt) - ARTICLE_OFFER_DAYS * 86_400_000);
  const recent = (await deps.store.articles.list(accountId, ARTICLES_READ)).filter(
    (a) => a.status === "fetched" && a.savedAt >= since,
  );
  if (recent.length === 0) return out;
  const matchable = recent.map((a) => ({
    article: a,
    match: {
      topics: a.topics,
      haystack: haystackOf({ title: a.title, description: a.description, keywords: [a.note, ...a.tags], text: a.text }),
    },
  }));
  const candidates = await deps.store.articles.candidatesOf(
    accountId,
    wanted.map((e) => e.contactId),
  );
  for (const c of candidates) {
    let best: { article: ArticleRecord; score: number } | null = null;
    for (const { article, match } of matchable) {
      const score = matchContact(match, c)?.score ?? 0;
      if (score >= MIN_SCORE && (!best || score > best.score)) best = { article, score };
    }
    if (best) out.set(c.id, offered(best.article));
  }
  return out;
}
