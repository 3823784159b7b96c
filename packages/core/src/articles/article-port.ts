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
