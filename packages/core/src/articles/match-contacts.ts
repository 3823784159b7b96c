import type { ArticleCandidate } from "./article-port.ts";
import type { ArticleMatch } from "./schemas.ts";
import { mentions, occurrences, phraseOf } from "./topic-words.ts";

/** What a match is worth, by where it was found: interests first, then tags, the company, the notes. */
const INTEREST = 10;
const TOPIC_BONUS = 5;
const TAG = 5;
const COMPANY = 4;
const NOTE = 2;
/** Topics looked for in a contact's notes, and notes reasons given at most. */
const NOTE_TOPICS = 10;
const NOTE_REASONS = 2;

export interface MatchableArticle {
  topics: readonly string[];
  /** The article's normalized words padded with spaces (`haystackOf`). */
  haystack: string;
}

/** One contact against the article: its score and the reasons, in words; null when nothing matches. */
export function matchContact(article: MatchableArticle, c: ArticleCandidate): Omit<ArticleMatch, "nextDueOn"> | null {
  const topics = new Set(article.topics);
  let score = 0;
  const reasons: string[] = [];
  for (const interest of c.interests) {
    const phrase = phraseOf(interest);
    if (!mentions(article.haystack, phrase)) continue;
    // A central topic counts more than a passing mention; more mentions a little more.
    score += INTEREST + (topics.has(phrase) ? TOPIC_BONUS : 0) + Math.min(3, occurrences(article.haystack, phrase));
    reasons.push(`interested in ${interest}`);
  }
  for (const tag of c.tags) {
    const phrase = phraseOf(tag);
    if (!mentions(article.haystack, phrase)) continue;
    score += TAG + (topics.has(phrase) ? 2 : 0);
    reasons.push(`tagged ${tag}`);
  }
  const company = c.company ? phraseOf(c.company) : "";
  if (company && mentions(article.haystack, company)) {
    score += COMPANY;
    reasons.push(`works at ${c.company}`);
  }
  const notes = ` ${phraseOf(c.notes)} `;
  const inNotes = article.topics.slice(0, NOTE_TOPICS).filter((topic) => mentions(notes, topic));
  if (inNotes.length > 0) {
    score += NOTE * inNotes.length;
    reasons.push(...inNotes.slice(0, NOTE_REASONS).map((topic) => `your notes mention ${topic}`));
  }
  if (score === 0) return null;
  return { contactId: c.id, displayName: c.displayName, company: c.company, score, reasons };
}

/**
 * The contacts closest to an article, at most `limit`: by score (interests count most, then tags, the company and
 * the notes), then by how due they are — a due contact first (higher `duePriority`), then the earlier next due
 * date — then by name and id, so the order is stable.
 */
export function rankMatches(
  article: MatchableArticle,
  candidates: readonly ArticleCandidate[],
  limit: number,
): ArticleMatch[] {
  const matched: { match: ArticleMatch; c: ArticleCandidate }[] = [];
  for (const c of candidates) {
    const match = matchContact(article, c);
    if (match) matched.push({ match: { ...match, nextDueOn: c.nextDueOn }, c });
  }
  const due = (c: ArticleCandidate) => c.duePriority ?? Number.NEGATIVE_INFINITY;
  const dueOn = (c: ArticleCandidate) => c.nextDueOn ?? "9999-12-31";
  matched.sort(
    (a, b) =>
      b.match.score - a.match.score ||
      due(b.c) - due(a.c) ||
      (dueOn(a.c) < dueOn(b.c) ? -1 : dueOn(a.c) > dueOn(b.c) ? 1 : 0) ||
      (a.c.displayName < b.c.displayName ? -1 : a.c.displayName > b.c.displayName ? 1 : 0) ||
      (a.c.id < b.c.id ? -1 : 1),
  );
  return matched.slice(0, limit).map((m) => m.match);
}
