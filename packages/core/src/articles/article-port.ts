import type { ArticleStatus } from "./schemas.ts";

/** An article as stored, with its text (never listed) and its fetch job's state. */
export interface ArticleRecord {
  id: string;
  url: string;
  note: string;
  tags: string[];
  status: ArticleStatus;
  failure: string | null;
  title: string | null;
  description: string | null;
  /** The page's main text, capped (`ARTICLE_TEXT_MAX`). */
  text: string;
  topics: string[];
  savedAt: string;
  savedBy: string;
  fetchedAt: string | null;
  /** Fetch attempts since it was saved. */
  attempts: number;
  /** A pending article is fetched once this has come. */
  nextAttemptAt: string | null;
}

/** What a fetch found, written by the job that held the lease. */
export interface ArticleFetchResult {
  title: string | null;
  description: string | null;
  text: string;
  topics: string[];
  fetchedAt: string;
}

/** A contact as the matching reads it: what it matches on and how due it is (the stored due state). */
export interface ArticleCandidate {
  id: string;
  displayName: string;
  interests: string[];
  tags: string[];
  /** The start of the contact's notes (the matcher reads no more). */
  notes: string;
  company: string | null;
  nextDueOn: string | null;
  duePriority: number | null;
}

/** Whether Kith suggests an article to a contact by itself (`open`), or the pair is closed for good. */
export type ArticleMatchStatus = "open" | "shared" | "dismissed";

/** An article's match with one contact, as stored (`article_match`). */
export interface StoredArticleMatch {
  contactId: string;
  status: ArticleMatchStatus;
  score: number;
  reasons: string[];
  matchedAt: string;
}

/** A contact's open suggestion with what the engine needs of its article. */
export interface OpenArticleSuggestion {
  contactId: string;
  articleId: string;
  /** The article's title, else its URL. */
  title: string;
  savedAt: string;
  matchedAt: string;
}

/**
 * Articles per account. The fetch job's claim is a lease like the import jobs' (`store/src/leases/lease.ts`): one
 * instance fetches an article at a time, and every write after the claim names the holder.
 */
export interface ArticleRepository {
  insert(accountId: string, article: ArticleRecord): Promise<void>;
  find(accountId: string, id: string): Promise<ArticleRecord | null>;
  /** Newest first. */
  list(accountId: string, limit: number): Promise<ArticleRecord[]>;
  /** Every article of the account, oldest first (backups). */
  all(accountId: string): Promise<ArticleRecord[]>;
  delete(accountId: string, id: string): Promise<boolean>;
  /** The account's contacts that are not archived, for matching and for the account's vocabulary of interests. */
  candidates(accountId: string): Promise<ArticleCandidate[]>;
  /** The same for the given contacts only (the Today page's few), archived ones left out. */
  candidatesOf(accountId: string, contactIds: readonly string[]): Promise<ArticleCandidate[]>;
  /** The article's stored matches (open and closed), by contact id. */
  matchesOf(accountId: string, articleId: string): Promise<StoredArticleMatch[]>;
  /**
   * Makes these the article's open matches: other open ones go; a pair closed for good (shared, dismissed) stays
   * closed, whatever the list says. A match kept keeps its `matchedAt`.
   */
  setOpenMatches(
    accountId: string,
    articleId: string,
    matches: readonly { contactId: string; score: number; reasons: string[] }[],
    nowAt: string,
  ): Promise<void>;
  /** Closes the pair for good (stored even when it was no match): the article is not suggested to them again. */
  closeMatch(
    accountId: string,
    articleId: string,
    contactId: string,
    status: "shared" | "dismissed",
    nowAt: string,
  ): Promise<void>;
  /** Opens a closed match again (an undone done or skip); a pair that was never a match stays as it is. */
  reopenMatch(accountId: string, articleId: string, contactId: string, nowAt: string): Promise<void>;
  /** The given contacts' open suggestions, with their articles' titles and save instants. */
  openSuggestionsOf(accountId: string, contactIds: readonly string[]): Promise<OpenArticleSuggestion[]>;
  /**
   * System scan for the job: articles saved since `savedSinceAt` whose suggestions were last worked out before
   * `suggestedBeforeAt` (or never), oldest first. `setOpenMatches` records when.
   */
  staleSuggestions(
    savedSinceAt: string,
    suggestedBeforeAt: string,
    limit: number,
  ): Promise<{ accountId: string; id: string }[]>;
  /** System scan for the job (not a member's request): pending articles whose attempt is due and lease is free. */
  claimable(nowAt: string, limit: number): Promise<{ accountId: string; id: string }[]>;
  /** Takes the lease of a pending article when it is free; the article as claimed (attempts counted), or null. */
  claim(
    accountId: string,
    id: string,
    owner: string,
    leaseUntilAt: string,
    nowAt: string,
  ): Promise<ArticleRecord | null>;
  /** Records a fetch (status fetched), only while `owner` holds the lease; false when it does not. */
  finish(accountId: string, id: string, owner: string, result: ArticleFetchResult): Promise<boolean>;
  /**
   * Records a failed attempt while `owner` holds the lease: `retryAt` keeps it pending for another attempt then;
   * null marks it failed. The reason is kept either way.
   */
  fail(accountId: string, id: string, owner: string, failure: string, retryAt: string | null): Promise<boolean>;
}

/** A page as the guarded fetcher read it, decoded to text. */
export type FetchedPage =
  | { ok: true; url: string; mediaType: string; text: string }
  /** `retryable`: a network error or a time-out (may pass later); a refusal or a 4xx will not. */
  | { ok: false; retryable: boolean; reason: string };

/** Outbound HTTP for articles, through the one guarded fetcher (`runtime/src/http/guarded-fetch.ts`). */
export interface ArticleFetcher {
  /** Why this URL may not be fetched (scheme, credentials, a non-public address), or null. */
  refusal(url: string): Promise<string | null>;
  fetchPage(url: string): Promise<FetchedPage>;
}
