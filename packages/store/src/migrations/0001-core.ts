import { type Kysely, sql } from "kysely";
import type { Dialect } from "../schema.ts";

/**
 * The core model. Written once for both dialects: only the search index differs (FTS5 in SQLite, a GIN
 * full-text index in PostgreSQL). Append-only: never edit a migration that has landed; add the next one.
 */
export function coreMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("account")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("time_zone", "text", (c) => c.notNull())
        .addColumn("country", "text")
        .addColumn("settings", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("membership")
        .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("membership_pk", ["account_id", "user_id"])
        .execute();
      await db.schema.createIndex("membership_user").on("membership").columns(["user_id"]).execute();

      await db.schema
        .createTable("api_token")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("prefix", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("last_used_at", "text")
        .addColumn("revoked_at", "text")
        .execute();
      await db.schema.createIndex("api_token_member").on("api_token").columns(["account_id", "user_id"]).execute();

      await db.schema
        .createTable("company")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("domain", "text")
        .addColumn("target", "integer", (c) => c.notNull())
        .addColumn("notes", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("company_account_name").on("company").columns(["account_id", "name", "id"]).execute();

      await createContactTable(db);
      await createInteractionTables(db);
      await createFollowUpTable(db);

      await db.schema
        .createTable("rate_limit")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("count", "integer", (c) => c.notNull())
        .addColumn("reset_at", "text", (c) => c.notNull())
        .execute();

      await createSearchIndex(db, dialect);
    },
  };
}

async function createContactTable(db: Kysely<unknown>) {
  await db.schema
    .createTable("contact")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
    .addColumn("first_name", "text", (c) => c.notNull())
    .addColumn("last_name", "text", (c) => c.notNull())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("sort_name", "text", (c) => c.notNull())
    .addColumn("emails", "text", (c) => c.notNull())
    .addColumn("phones", "text", (c) => c.notNull())
    .addColumn("links", "text", (c) => c.notNull())
    .addColumn("company_id", "text", (c) => c.references("company.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("tags", "text", (c) => c.notNull())
    .addColumn("interests", "text", (c) => c.notNull())
    .addColumn("how_we_met", "text", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("birthday_month", "integer")
    .addColumn("birthday_day", "integer")
    .addColumn("birthday_year", "integer")
    .addColumn("circle", "text", (c) => c.notNull())
    .addColumn("time_zone", "text")
    .addColumn("last_touch_at", "text")
    .addColumn("touch_count", "integer", (c) => c.notNull())
    .addColumn("archived_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("search_text", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("contact_account_sort")
    .on("contact")
    .columns(["account_id", "sort_name", "id"])
    .execute();
  await db.schema
    .createTable("contact_tag")
    .addColumn("account_id", "text", (c) => c.notNull())
    .addColumn("contact_id", "text", (c) => c.notNull().references("contact.id").onDelete("cascade"))
    .addColumn("tag", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("contact_tag_pk", ["contact_id", "tag"])
    .execute();
  await db.schema
    .createIndex("contact_tag_lookup")
    .on("contact_tag")
    .columns(["account_id", "tag", "contact_id"])
    .execute();
  await db.schema.createIndex("contact_account_company").on("contact").columns(["account_id", "company_id"]).execute();
  await db.schema
    .createIndex("contact_account_last_touch")
    .on("contact")
    .columns(["account_id", "last_touch_at"])
    .execute();
}

async function createInteractionTables(db: Kysely<unknown>) {
  await db.schema
    .createTable("interaction")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("meaningful", "integer", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("interaction_account_occurred")
    .on("interaction")
    .columns(["account_id", "occurred_at", "id"])
    .execute();

  await db.schema
    .createTable("interaction_contact")
    .addColumn("account_id", "text", (c) => c.notNull())
    .addColumn("interaction_id", "text", (c) => c.notNull().references("interaction.id").onDelete("cascade"))
    .addColumn("contact_id", "text", (c) => c.notNull().references("contact.id").onDelete("cascade"))
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("meaningful", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("interaction_contact_pk", ["interaction_id", "contact_id"])
    .execute();
  // Serves the timeline, last touch and touch count of one contact without reading other rows.
  await db.schema
    .createIndex("interaction_contact_timeline")
    .on("interaction_contact")
    .columns(["account_id", "contact_id", "occurred_at", "interaction_id"])
    .execute();
}

async function createFollowUpTable(db: Kysely<unknown>) {
  await db.schema
    .createTable("follow_up")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
    .addColumn("contact_id", "text", (c) => c.notNull().references("contact.id").onDelete("cascade"))
    .addColumn("due_on", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("snoozed_until_on", "text")
    .addColumn("completed_at", "text")
    .addColumn("interaction_id", "text", (c) => c.references("interaction.id").onDelete("set null"))
    .addColumn("opportunity_id", "text")
    .addColumn("ask_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("follow_up_account_due")
    .on("follow_up")
    .columns(["account_id", "status", "due_on", "id"])
    .execute();
  await db.schema.createIndex("follow_up_contact").on("follow_up").columns(["account_id", "contact_id"]).execute();
}

async function createSearchIndex(db: Kysely<unknown>, dialect: Dialect) {
  if (dialect === "sqlite") {
    // Prefix queries ("ros"*) are answered from FTS5's own prefix index.
    await sql`CREATE VIRTUAL TABLE contact_fts USING fts5(body, prefix = '2 3 4', tokenize = 'unicode61 remove_diacritics 2')`.execute(
      db,
    );
    await db.schema
      .createTable("contact_fts_map")
      .addColumn("contact_id", "text", (c) => c.primaryKey().references("contact.id").onDelete("cascade"))
      .addColumn("fts_rowid", "integer", (c) => c.notNull().unique())
      .execute();
    return;
  }
  // `simple` keeps words as they are (names are not English words to stem); prefix matching is tsquery's `:*`.
  await sql`CREATE INDEX contact_search ON contact USING gin (to_tsvector('simple', search_text))`.execute(db);
}
