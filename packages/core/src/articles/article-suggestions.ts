// Articles on Today by themselves: when an article is saved, fetched, shared or deleted, Kith works out which few
// contacts it suggests the article to (`article_match`), and those contacts' due state takes the `article-match`
// reason (the engine's lowest: a nice extra, after every dated reason and the cadence).

import { loadEngineContext } from "../due-state/engine-context.ts";
import { refreshContacts } from "../due-state/refresh-contacts.ts";
import { ARTICLE_SUGGESTED_DAYS } from "../engine/index.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { instantToEpochMs } from "../time/index.ts";
import type { ArticleRecord, StoredArticleMatch } from "./article-port.ts";
import { haystackOf } from "./derive-topics.ts";
import { rankMatches } from "./match-contacts.ts";
import type { ArticleMatch } from "./schemas.ts";

/** Contacts an article is suggested to by itself, at most: the closest few, not everyone who mentions a word. */
export const SUGGESTED_CONTACTS_MAX = 3;
/** A match worth a message of its own: an interest (10) or a tag (5), or several of the article's topics in notes. */
export const SUGGESTION_MIN_SCORE = 5;
/** Matches ranked before the closed pairs and weak ones are left out. */
const RANKED = 50;

/** Whether an article is still young enough to be suggested by itself (saved within `ARTICLE_SUGGESTED_DAYS`). */
export function suggestsByItself(article: Pick<ArticleRecord, "savedAt">, nowAt: string): boolean {
  return instantToEpochMs(nowAt) - instantToEpochMs(article.savedAt) < ARTICLE_SUGGESTED_DAYS * 86_400_000;
}

/**
 * Which of an article's ranked matches become Today items: those strong enough (`SUGGESTION_MIN_SCORE`), in the
 * matcher's order (score, then how due they are), never a pair closed for good (shared with them already, or
 * dismissed). An article is suggested to `SUGGESTED_CONTACTS_MAX` people in all: each closed pair has used a place,
 * so sharing or dismissing does not bring the next person in, and an article shared by hand with that many is done.
 */
export function pickSuggested(
  ranked: readonly ArticleMatch[],
  closed: ReadonlySet<string>,
  max: number = SUGGESTED_CONTACTS_MAX,
): ArticleMatch[] {
  const places = Math.max(0, max - closed.size);
  return ranked.filter((m) => m.score >= SUGGESTION_MIN_SCORE && !closed.has(m.contactId)).slice(0, places);
}

const matchableOf = (a: ArticleRecord) => ({
  topics: a.topics,
  haystack: haystackOf({ title: a.title, description: a.description, keywords: [a.note, ...a.tags], text: a.text }),
});

/**
 * Works out whom the article is suggested to now and stores it: the picked matches become its open ones (an
 * article gone or too old has none), and every contact that gained or lost one has its due state recomputed in
 * the same transaction (their rows locked first, as every write does).
 */
export async function refreshArticleSuggestions(deps: Deps, accountId: string, articleId: string): Promise<void> {
  const article = await deps.store.articles.find(accountId, articleId);
  const stored = await deps.store.articles.matchesOf(accountId, articleId);
  const nowAt = deps.clock.now().toISOString();
  let picked: ArticleMatch[] = [];
  if (article && suggestsByItself(article, nowAt)) {
    const closed = new Set(stored.filter((m) => m.status !== "open").map((m) => m.contactId));
    const ranked = rankMatches(matchableOf(article), await deps.store.articles.candidates(accountId), RANKED);
    picked = pickSuggested(ranked, closed);
  }
  if (!article && stored.every((m) => m.status !== "open")) return;
  await deps.store.transaction(async (tx) => {
    const ctx = await loadEngineContext(tx, accountId, deps.clock.now());
    const touched = touchedContacts(stored, picked);
    const held = await tx.contacts.lockExisting(accountId, touched);
    if (!(await tx.articles.find(accountId, articleId))) return;
    const open = picked.filter((m) => held.has(m.contactId));
    await tx.articles.setOpenMatches(
      accountId,
      articleId,
      open.map((m) => ({ contactId: m.contactId, score: m.score, reasons: m.reasons })),
      ctx.nowAt,
    );
    await refreshContacts(tx, ctx, [...held], { mode: "stored" });
  });
}

/**
 * The contacts suggested the article before or after, in id order (the lock order): each one's item may appear,
 * go, or change its title (a fetch replaces the link with the page's title).
 */
function touchedContacts(stored: readonly StoredArticleMatch[], picked: readonly ArticleMatch[]): string[] {
  const before = stored.filter((m) => m.status === "open").map((m) => m.contactId);
  return [...new Set([...before, ...picked.map((m) => m.contactId)])].sort();
}

/**
 * The article reached the contact (a message carried it, or its Today item was done) or was dismissed for them:
 * the pair is closed for good and the contact's due state recomputed, in the caller's transaction, after the
 * contact's row is held.
 */
export async function closeArticleSuggestion(
  tx: Repositories,
  deps: Deps,
  accountId: string,
  articleId: string,
  contactId: string,
  status: "shared" | "dismissed",
): Promise<void> {
  if (!(await tx.articles.find(accountId, articleId))) return;
  const ctx = await loadEngineContext(tx, accountId, deps.clock.now());
  await tx.contacts.lockExisting(accountId, [contactId]);
  await tx.articles.closeMatch(accountId, articleId, contactId, status, ctx.nowAt);
  await refreshContacts(tx, ctx, [contactId], { mode: "stored" });
}

/** How long the suggestions of a young article stand before the job works them out again. */
export const SUGGESTIONS_STAND_MS = 86_400_000;

/**
 * The lazy side: a contact's interests, tags or company change without matching anything by themselves; once a
 * day the article job works out again whom each young article is suggested to (at most `max` a pass). Returns how
 * many it looked at. Safe on every instance at once: the outcome is the same.
 */
export async function refreshStaleSuggestions(deps: Deps, max = 5): Promise<number> {
  const nowMs = deps.clock.now().getTime();
  const stale = await deps.store.articles.staleSuggestions(
    new Date(nowMs - ARTICLE_SUGGESTED_DAYS * 86_400_000).toISOString(),
    new Date(nowMs - SUGGESTIONS_STAND_MS).toISOString(),
    max,
  );
  for (const { accountId, id } of stale) await refreshArticleSuggestions(deps, accountId, id);
  return stale.length;
}

/** Undoes a close from Today (done or skip undone): the match is open again, when it was one. */
export async function reopenArticleSuggestion(
  tx: Repositories,
  deps: Deps,
  accountId: string,
  articleId: string,
  contactId: string,
): Promise<void> {
  const ctx = await loadEngineContext(tx, accountId, deps.clock.now());
  await tx.contacts.lockExisting(accountId, [contactId]);
  await tx.articles.reopenMatch(accountId, articleId, contactId, ctx.nowAt);
  await refreshContacts(tx, ctx, [contactId], { mode: "stored" });
}
