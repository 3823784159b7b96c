import type { FollowUpFact } from "../engine/index.ts";
import type { Page, PageQuery } from "../shared/pagination.ts";
import type { FollowUp, FollowUpListQuery } from "./schemas.ts";

export interface FollowUpRepository {
  /** `draftSlot`: the template slot of a follow-up a stage rule creates (`opportunities/opportunity-rules.ts`). */
  insert(accountId: string, followUp: FollowUp, draftSlot?: string | null): Promise<void>;
  update(accountId: string, followUp: FollowUp): Promise<void>;
  findById(accountId: string, id: string): Promise<FollowUp | null>;
  list(accountId: string, query: FollowUpListQuery, page: PageQuery): Promise<Page<FollowUp>>;
  /** Open and snoozed follow-ups per contact, as the engine reads them. */
  openFacts(accountId: string, contactIds: readonly string[]): Promise<Map<string, FollowUpFact[]>>;
}
