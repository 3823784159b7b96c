import type { Kysely } from "kysely";

/**
 * Replies to a digest: `digest_record` keeps the numbered items each digest showed, keyed like its ledger entry
 * (account, kind, period), so that "2 done" finds item 2 of the digest it answers; `reply_answer` keeps the answer
 * written for each reply (the outgoing mail, JSON), so an answer whose sending failed goes out later unchanged.
 * Whether a reply was acted on is the ledger's `reply` entry, not a row here.
 */
export const repliesMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("digest_record")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("period", "text", (c) => c.notNull())
      .addColumn("items", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("digest_record_pk", ["account_id", "kind", "period"])
      .execute();
    await db.schema
      .createTable("reply_answer")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("reply_key", "text", (c) => c.notNull())
      .addColumn("mail", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("reply_answer_pk", ["account_id", "reply_key"])
      .execute();
  },
};
