import type { ContactIdentity } from "../imports/plan/duplicate-index.ts";
import type { ContactMergeRecord } from "./merge-schemas.ts";

/**
 * What finding and merging duplicates reads and records: every contact's identifying fields (imports and restores
 * match against them too), the merges, kept whole so a merge can be undone, and the pairs dismissed as "not the
 * same person". Scoped by account like every port.
 */
export interface DuplicateRepository {
  /** Every contact's identifying fields (company name joined), oldest first, for duplicate detection. */
  identities(accountId: string): Promise<ContactIdentity[]>;
  insertMerge(accountId: string, merge: ContactMergeRecord): Promise<void>;
  findMerge(accountId: string, id: string): Promise<ContactMergeRecord | null>;
  markMergeUndone(accountId: string, id: string, undoneAt: string): Promise<void>;
  /** Every pair the member said are not the same person, each as [a, b] with a < b, in that order. */
  dismissedPairs(accountId: string): Promise<[string, string][]>;
  /** Remembers that a and b (a < b) are different people; nothing happens when it is already remembered. */
  insertDismissal(accountId: string, a: string, b: string, at: string): Promise<void>;
  removeDismissal(accountId: string, a: string, b: string): Promise<void>;
}
