import type { Contact } from "../contacts/schemas.ts";
import type { DueItem, HistorySummary } from "../engine/index.ts";
import type { DUE_BUCKETS } from "../insights/schemas.ts";

/** A move-on Kith made by itself, as the Today page and the digest report it. */
export interface AutoMoveOn {
  contactId: string;
  displayName: string;
  movedOnAt: string;
  note: string;
}

/** Where a contact's due date falls, for the spread of due dates (the insights' buckets). */
export type DueBucket = (typeof DUE_BUCKETS)[number];

export interface DerivedState {
  history: HistorySummary;
  due: DueItem | null;
  /** Priority on the day computed, when due then; null otherwise. */
  priority: number | null;
  /** When to compute again with no new event (may be earlier than the item's own, e.g. tomorrow's priority). */
  recomputeOn: string | null;
}

/**
 * The due state stored on each contact row (what the rules need from its history, and its next due item), kept apart
 * from the contact's own fields: the engine derives it, `refreshContacts` writes it, the today list and insights read
 * it. Scoped by account like every port.
 */
export interface DueStateRepository {
  /** Contacts with the stored history summary the rules need, locked like `ContactRepository.lockExisting`. */
  engineInputs(accountId: string, ids: readonly string[]): Promise<{ contact: Contact; history: HistorySummary }[]>;
  /** Writes what the engine derived: touches, last touch, reply state, next due item (indexed by nextDueOn). */
  setDerivedState(accountId: string, id: string, state: DerivedState): Promise<void>;
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
  /** How many contacts fall due on each day from `fromOn` on (their stored `nextDueOn`), for spreading an import. */
  dueCountsFrom(accountId: string, fromOn: string): Promise<Map<string, number>>;
  /** Contacts Kith moved on by itself at or after `sinceAt` (and not brought back), most recent first. */
  autoMovedOnSince(accountId: string, sinceAt: string, limit: number): Promise<AutoMoveOn[]>;
  /** Marks every contact for recomputation (settings changed). */
  markAllStale(accountId: string): Promise<void>;
}
