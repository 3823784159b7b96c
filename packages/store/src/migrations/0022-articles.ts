import { type Kysely, sql } from "kysely";
import type { Dialect } from "../schema.ts";

/** The search normalization as it was when this migration was written (`search-text.ts`): frozen here. */
const normalized = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .join(" ");

type Contacts = Kysely<{
  contact: { id: string; interests: string; search_text: string };
  contact_fts_map: { contact_id: string; fts_rowid: number };
}>;

/**
 * Interests become searchable: a contact's search text now ends with its interests (`contact-rows.ts`). Rows
 * with interests get them appended here, in the order a new write would produce; SQLite's FTS row follows.
 */
async function indexInterests(db: Contacts, dialect: Dialect): Promise<void> {
  let after = "";
  for (;;) {
    const rows = await db
      .selectFrom("contact")
      .select(["id", "interests", "search_text"])
      .where("interests", "<>", "[]")
      .where("id", ">", after)
      .orderBy("id")
      .limit(500)
      .execute();
    for (const row of rows) {
      const interests = JSON.parse(row.interests) as unknown;
      const words = Array.isArray(interests)
        ? normalized(interests.filter((i) => typeof i === "string").join(" "))
        : "";
      if (!words) continue;
      const searchText = [row.search_text, words].filter(Boolean).join(" ");
      await db.updateTable("contact").set({ search_text: searchText }).where("id", "=", row.id).execute();
      if (dialect === "sqlite") {
        await sql`UPDATE contact_fts SET body = ${searchText} WHERE rowid = (SELECT fts_rowid FROM contact_fts_map WHERE contact_id = ${row.id})`.execute(
          db,
        );
      }
    }
    const last = rows.at(-1);
    if (!last) break;
    after = last.id;
  }
}

/**
 * Articles ("thought of you", issue #12): a saved link, what its fetch found (title, description, main text capped
 * at 50 KB, topics as a JSON list) and its fetch job's state: status pending / fetched / failed (with the reason),
 * attempts, the next attempt, and a lease like `import_job`'s. The partial index serves the job's scan for due
 * pending articles; the other the account's list, newest first.
 */
export const articlesMigration = (dialect: Dialect) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("article")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("url", "text", (c) => c.notNull())
      .addColumn("note", "text", (c) => c.notNull())
      .addColumn("tags", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("failure", "text")
      .addColumn("title", "text")
      .addColumn("description", "text")
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("topics", "text", (c) => c.notNull())
      .addColumn("saved_at", "text", (c) => c.notNull())
      .addColumn("saved_by", "text", (c) => c.notNull())
      .addColumn("fetched_at", "text")
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("next_attempt_at", "text")
      .addColumn("lease_owner", "text")
      .addColumn("lease_until_at", "text")
      .execute();
    await db.schema.createIndex("article_account_saved").on("article").columns(["account_id", "saved_at"]).execute();
    await db.schema
      .createIndex("article_fetch_due")
      .on("article")
      .columns(["next_attempt_at", "id"])
      .where(sql.ref("status"), "=", sql.lit("pending"))
      .execute();
    await indexInterests(db as unknown as Contacts, dialect);
  },
});
