import type { Page, PageQuery } from "../shared/pagination.ts";
import type { Direction, Interaction } from "./schemas.ts";

export interface InteractionRepository {
  insert(accountId: string, interaction: Interaction): Promise<void>;
  update(accountId: string, interaction: Interaction): Promise<void>;
  findById(accountId: string, id: string): Promise<Interaction | null>;
  delete(accountId: string, id: string): Promise<boolean>;
  list(accountId: string, query: { contactId?: string }, page: PageQuery): Promise<Page<Interaction>>;
  /**
   * Per period [fromAt, toAt): how many reach-outs it had — meaningful outbound or mutual interactions, and
   * follow-ups marked done without a logged interaction — counting no further than `cap`. One statement, each
   * period an index probe that stops at `cap`.
   */
  countReachOuts(
    accountId: string,
    periods: readonly { fromAt: string; toAt: string }[],
    cap: number,
  ): Promise<number[]>;
  /**
   * `countReachOuts` for past periods, from a stored copy while `key` (what the periods were computed from) is the
   * same and nothing dated before the latest period's end was written since; counted and stored otherwise.
   */
  pastReachOuts(
    accountId: string,
    key: string,
    periods: readonly { fromAt: string; toAt: string }[],
    cap: number,
  ): Promise<number[]>;
  /** Meaningful interactions (any direction) per period [fromAt, toAt). */
  countTouches(accountId: string, periods: readonly { fromAt: string; toAt: string }[]): Promise<number[]>;
  /** The contact's history in time order, for rules that read it (outreach and replies). */
  historyOf(
    accountId: string,
    contactId: string,
  ): Promise<{ occurredAt: string; direction: Direction; meaningful: boolean; awaitsReply: boolean }[]>;
}
