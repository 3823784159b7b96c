import type { ContactIdentity } from "../imports/plan/duplicate-index.ts";
import type { ContactMergeRecord } from "./merge-schemas.ts";

/**
 * What finding and merging duplicates reads and records: every contact's identifying fields (imports and restores
 * match against them too) and the merges, kept whole so a merge can be undone. Scoped by account like every port.
 */
export interface DuplicateRepository {
  /** Every contact's identifying fields (company name joined), oldest first, for duplicate detection. */
  identities(accountId: string): Promise<ContactIdentity[]>;
  insertMerge(accountId: string, merge: ContactMergeRecord): Promise<void>;
  findMerge(accountId: string, id: string): Promise<ContactMergeRecord | null>;
  markMergeUndone(accountId: string, id: string, undoneAt: string): Promise<void>;
}
