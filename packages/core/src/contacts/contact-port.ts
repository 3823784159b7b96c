import type { DueBucket } from "../due-state/due-state-port.ts";
import type { DueItem, HistorySummary } from "../engine/index.ts";
import type { Page, PageQuery } from "../shared/pagination.ts";
import type { Contact, ContactListQuery } from "./schemas.ts";

export interface ContactRepository {
  insert(accountId: string, contact: Contact): Promise<void>;
  update(accountId: string, contact: Contact): Promise<void>;
  findById(accountId: string, id: string): Promise<Contact | null>;
  /** Ids that exist in this account (archived ones included); used to validate references. */
  existingIds(accountId: string, ids: readonly string[]): Promise<Set<string>>;
  /** `connectionTarget` tells the progress filter where "connected" starts. */
  list(
    accountId: string,
    query: ContactListQuery & { connectionTarget: number },
    page: PageQuery,
  ): Promise<Page<Contact>>;
  /** Privacy request: removes the contact, its follow-ups and its links to interactions. */
  hardDelete(accountId: string, id: string): Promise<boolean>;
  /** Contacts with the stored history summary the rules need. */
  engineInputs(accountId: string, ids: readonly string[]): Promise<{ contact: Contact; history: HistorySummary }[]>;
  /** Writes what the engine derived: touches, last touch, reply state, next due item (indexed by nextDueOn). */
  setDerivedState(
    accountId: string,
    id: string,
    state: { history: HistorySummary; due: DueItem | null },
  ): Promise<void>;
  /** Contacts whose stored due item may have changed by `todayOn` with no new event. */
  staleIds(accountId: string, todayOn: string, limit: number): Promise<string[]>;
  /** The stored due item of one contact. */
  dueItemOf(accountId: string, id: string): Promise<DueItem | null>;
  /**
   * The first `limit` due items in today-list order (priority, then due date, then id), read from an index, and
   * how many are due in all, counted up to `countUpTo` (`capped` when there are more). Contacts whose state had
   * aged must have been caught up first.
   */
  topDue(
    accountId: string,
    limit: number,
    countUpTo: number,
  ): Promise<{ items: DueItem[]; total: number; capped: boolean }>;
  /** Every contact id of the account, in pages (for a full rebuild). */
  idsAfter(accountId: string, afterId: string | null, limit: number): Promise<string[]>;
  /**
   * Unarchived contacts by when they fall due: before today, today, by the end of this week, within a month,
   * later, or not at all.
   */
  dueSpread(
    accountId: string,
    bounds: { todayOn: string; weekEndOn: string; monthEndOn: string },
  ): Promise<Partial<Record<DueBucket, number>>>;
  /** Marks every contact for recomputation (settings changed). */
  markAllStale(accountId: string): Promise<void>;
}
