import type { Kysely } from "kysely";

/**
 * "Not the same person" is remembered (issue 19): a pair of contacts the member said are different people never
 * returns to the duplicates list. One row per pair, `contact_a` < `contact_b` in code-unit order, so either order
 * finds it; it goes with either contact (a merge, a deletion). The cascade from contact looks rows up by contact id
 * alone, hence an index on each side.
 */
export const duplicateDismissalsMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("duplicate_dismissal")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("contact_a", "text", (c) => c.notNull().references("contact.id").onDelete("cascade"))
      .addColumn("contact_b", "text", (c) => c.notNull().references("contact.id").onDelete("cascade"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("duplicate_dismissal_pk", ["account_id", "contact_a", "contact_b"])
      .execute();
    await db.schema.createIndex("duplicate_dismissal_a").on("duplicate_dismissal").column("contact_a").execute();
    await db.schema.createIndex("duplicate_dismissal_b").on("duplicate_dismissal").column("contact_b").execute();
  },
};
