import type { OpportunityComment } from "./comment-schemas.ts";

/** The comment thread under each opportunity (`opportunity_comment`). */
export interface OpportunityCommentRepository {
  insert(accountId: string, comment: OpportunityComment): Promise<void>;
  /** The thread, oldest first, at most `limit` comments. */
  list(accountId: string, opportunityId: string, limit: number): Promise<OpportunityComment[]>;
  count(accountId: string, opportunityId: string): Promise<number>;
}
