import type { Kysely } from "kysely";

/**
 * One row per committed import: its counts and, as JSON, every row's outcome (created, merged, skipped, failed,
 * and why), so the user can see exactly which rows went in. Read newest first per account.
 * One row per contact merge with what it changed (JSON snapshots), so that undo puts back exactly what was there.
 */
export const importsMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("import_job")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("format", "text", (c) => c.notNull())
      .addColumn("file_name", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("total_rows", "integer", (c) => c.notNull())
      .addColumn("created_count", "integer", (c) => c.notNull())
      .addColumn("merged_count", "integer", (c) => c.notNull())
      .addColumn("skipped_count", "integer", (c) => c.notNull())
      .addColumn("failed_count", "integer", (c) => c.notNull())
      .addColumn("row_outcomes", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("finished_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("import_job_account_created")
      .on("import_job")
      .columns(["account_id", "created_at"])
      .execute();
    await db.schema
      .createTable("contact_merge")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("kept_id", "text", (c) => c.notNull())
      .addColumn("merged_id", "text", (c) => c.notNull())
      .addColumn("record", "text", (c) => c.notNull())
      .addColumn("merged_at", "text", (c) => c.notNull())
      .addColumn("undone_at", "text")
      .execute();
    await db.schema
      .createIndex("contact_merge_account_kept")
      .on("contact_merge")
      .columns(["account_id", "kept_id"])
      .execute();
  },
};
