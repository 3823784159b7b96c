import type { Kysely } from "kysely";

/**
 * Articles on Today by themselves (issue #12): `article_match` keeps, per account, which contacts an article is
 * suggested to (`open`: an `article-match` reason of theirs), and which pairs are closed for good — `shared` (a
 * message carried the article to them, or its Today item was done) or `dismissed` (skipped) — so a later rematch
 * never suggests them again. Rows go with the article, the contact or the account. The index on the contact serves
 * the due-state refresh, which reads a contact's open suggestions. `article.suggested_at` says when its matches
 * were last worked out: the article job works them out again a day later while the article is young, so a contact's
 * new interest or tag is matched without a write path of its own.
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
    await db.schema.alterTable("article").addColumn("suggested_at", "text").execute();
    await db.schema.createIndex("article_saved").on("article").columns(["saved_at", "id"]).execute();
  },
};
