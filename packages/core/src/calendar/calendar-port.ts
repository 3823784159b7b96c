/** One secret feed address per member; only the token's hash is kept. */
export interface CalendarFeedRepository {
  /** Sets (or replaces) the member's feed. */
  put(accountId: string, userId: string, tokenHash: string, createdAt: string): Promise<void>;
  remove(accountId: string, userId: string): Promise<void>;
  /** The member's feed, if one is on: only when it was made (the token itself is not kept). */
  find(accountId: string, userId: string): Promise<{ createdAt: string } | null>;
  /** The token is the lookup key: a feed reader has nothing else. */
  findByHash(tokenHash: string): Promise<{ accountId: string; userId: string } | null>;
}
