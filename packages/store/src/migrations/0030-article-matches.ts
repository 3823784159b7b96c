import type { Kysely } from "kysely";

/**
 * Articles on Today by themselves (issue #12): `article_match` keeps, per account, which contacts an article is
 * suggested to (`open`: an `article-match` reason of theirs), and which pairs are closed for good — `shared` (a
 * message carried the article to them, or its Today item was done) or `dismissed` (skipped) — so a later rematch
 * never suggests them again. Rows go with the article, the contact or the account. The index on the contact serves
 * the due-state refresh, which reads a contact's open suggestions.
 */
export const articleMatchesMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("article_match")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("article_id", "text", (c) => c.notNull().references("article.id").onDelete("cascade"))
      .addColumn("contact_id", "text", (c) => c.notNull().references("contact.id").onDelete("cascade"))
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("score", "integer", (c) => c.notNull())
      .addColumn("reasons", "text", (c) => c.notNull())
      .addColumn("matched_at", "text", (c) => c.notNull())
      .addColumn("changed_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("article_match_pk", ["account_id", "article_id", "contact_id"])
      .execute();
    await db.schema
      .createIndex("article_match_contact")
      .on("article_match")
      .columns(["account_id", "contact_id", "status"])
      .execute();
  },
};
