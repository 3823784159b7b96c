import type { Kysely } from "kysely";

/**
 * Coach and partner access (issue #16). A share is a viewer or coach membership made through "Coach & partner
 * access"; a coach's scope is `member_scope` (the tags whose contacts are shared, as JSON, and whether the job search
 * is), kept until the member is removed. An invitation carries the scope it will give (`invitation.scope`, JSON, null
 * for any other role). `member_access_day` is the access log: one row per member and day (the account's UTC day)
 * with the count of API requests and the first and last of them, kept 90 days. `opportunity_comment` is the thread
 * under an opportunity; the author's name is kept with the text so a comment outlives its author's membership.
 */
export const sharesMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable("invitation").addColumn("scope", "text").execute();
    await db.schema
      .createTable("member_scope")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("user_id", "text", (c) => c.notNull())
      .addColumn("tags", "text", (c) => c.notNull())
      .addColumn("job_search", "integer", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("member_scope_pk", ["account_id", "user_id"])
      .execute();
    await db.schema
      .createTable("member_access_day")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("user_id", "text", (c) => c.notNull())
      .addColumn("day_on", "text", (c) => c.notNull())
      .addColumn("reads", "integer", (c) => c.notNull())
      .addColumn("first_at", "text", (c) => c.notNull())
      .addColumn("last_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("member_access_day_pk", ["account_id", "user_id", "day_on"])
      .execute();
    await db.schema
      .createTable("opportunity_comment")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("opportunity_id", "text", (c) => c.notNull().references("opportunity.id").onDelete("cascade"))
      .addColumn("author_id", "text")
      .addColumn("author_name", "text", (c) => c.notNull())
      .addColumn("body", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("opportunity_comment_thread")
      .on("opportunity_comment")
      .columns(["account_id", "opportunity_id", "created_at"])
      .execute();
  },
};
