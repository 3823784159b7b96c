import type { OpportunityStage } from "../opportunities/schemas.ts";
import type { InterviewFact, StageChangeFact } from "./schemas.ts";

/** A week (or any period) as instants: from inclusive, to exclusive. */
export interface ProgressPeriod {
  fromAt: string;
  toAt: string;
}

/**
 * The progress page's reads, each scoped to one account. `onlyTags` limits a count to the contacts carrying any of
 * those tags (a coach's share; lower case, as stored) in the query itself, never by filtering an answer.
 */
export interface ProgressRepository {
  /**
   * Per period, reach-outs (meaningful outbound or mutual interactions, and follow-ups done without one) counted up
   * to `cap`; with `onlyTags`, only interactions with a shared contact and follow-ups of one.
   */
  reachOuts(
    accountId: string,
    onlyTags: readonly string[],
    periods: readonly ProgressPeriod[],
    cap: number,
  ): Promise<number[]>;
  /** How many opportunities are in each stage (stages with none are left out). */
  stageCounts(accountId: string): Promise<{ stage: OpportunityStage; count: number }[]>;
  /** The latest stage changes, newest first, at most `limit`. */
  stageChanges(accountId: string, limit: number): Promise<StageChangeFact[]>;
  /** Interviews starting in [fromAt, toAt), soonest first, at most `limit`. */
  interviews(accountId: string, fromAt: string, toAt: string, limit: number): Promise<InterviewFact[]>;
}
