import type { OpportunityComment, OpportunityCommentRepository } from "@kith/core";
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** Comments under an opportunity (`opportunity_comment`), by account. */
export class KyselyOpportunityCommentRepository implements OpportunityCommentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(accountId: string, c: OpportunityComment): Promise<void> {
    await this.db
      .insertInto("opportunity_comment")
      .values({
        id: c.id,
        account_id: accountId,
        opportunity_id: c.opportunityId,
        author_id: c.authorId,
        author_name: c.authorName,
        body: c.body,
        created_at: c.createdAt,
      })
      .execute();
  }

  async list(accountId: string, opportunityId: string, limit: number): Promise<OpportunityComment[]> {
    const rows = await this.db
      .selectFrom("opportunity_comment")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("opportunity_id", "=", opportunityId)
      .orderBy("created_at")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      opportunityId: r.opportunity_id,
      authorId: r.author_id,
      authorName: r.author_name,
      body: r.body,
      createdAt: r.created_at,
    }));
  }

  async count(accountId: string, opportunityId: string): Promise<number> {
    const r = await this.db
      .selectFrom("opportunity_comment")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("account_id", "=", accountId)
      .where("opportunity_id", "=", opportunityId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
