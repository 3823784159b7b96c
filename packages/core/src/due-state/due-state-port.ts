import type { DueItem, HistorySummary } from "../engine/index.ts";
import type { DUE_BUCKETS } from "../insights/schemas.ts";

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
