import { type Kysely, sql } from "kysely";

/**
 * Imports become background jobs. `import_job` is rebuilt (SQLite cannot make `finished_at` nullable in place):
 * a job now holds its progress (`processed_rows`, the counts), its error, the column `mapping` it was previewed
 * with, and a lease (`lease_owner`, `lease_until_at`) that one worker at a time holds, as the delivery ledger
 * does. The upload waits in `import_job_file` until the job ends (its own table: SQLite rewrites a whole row on
 * update, and the job row changes with every chunk). Each committed chunk of rows writes one `import_job_chunk`
 * row with its outcomes, in the transaction that wrote its contacts: the report is the chunks in order, and a
 * resumed job starts after the last one. Jobs imported before keep their outcomes in `row_outcomes`.
 */
export const importJobsMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("import_job_next")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("format", "text", (c) => c.notNull())
      .addColumn("file_name", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("total_rows", "integer", (c) => c.notNull())
      .addColumn("processed_rows", "integer", (c) => c.notNull())
      .addColumn("created_count", "integer", (c) => c.notNull())
      .addColumn("merged_count", "integer", (c) => c.notNull())
      .addColumn("skipped_count", "integer", (c) => c.notNull())
      .addColumn("failed_count", "integer", (c) => c.notNull())
      .addColumn("row_outcomes", "text", (c) => c.notNull())
      .addColumn("error", "text")
      .addColumn("mapping", "text")
      .addColumn("created_by", "text")
      .addColumn("lease_owner", "text")
      .addColumn("lease_until_at", "text")
      .addColumn("attempts", "integer", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("finished_at", "text")
      .execute();
    await sql`INSERT INTO import_job_next (id, account_id, format, file_name, status, total_rows, processed_rows,
        created_count, merged_count, skipped_count, failed_count, row_outcomes, attempts, created_at, updated_at,
        finished_at)
      SELECT id, account_id, format, file_name, status, total_rows, total_rows, created_count, merged_count,
        skipped_count, failed_count, row_outcomes, 1, created_at, finished_at, finished_at
      FROM import_job`.execute(db);
    await db.schema.dropTable("import_job").execute();
    await db.schema.alterTable("import_job_next").renameTo("import_job").execute();
    await db.schema
      .createIndex("import_job_account_created")
      .on("import_job")
      .columns(["account_id", "created_at"])
      .execute();
    // The workers' scan: waiting jobs, and running ones whose lease lapsed.
    await db.schema
      .createIndex("import_job_claimable")
      .on("import_job")
      .columns(["status", "lease_until_at"])
      .execute();
    await db.schema
      .createTable("import_job_chunk")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("job_id", "text", (c) => c.notNull().references("import_job.id").onDelete("cascade"))
      .addColumn("start_row", "integer", (c) => c.notNull())
      .addColumn("row_outcomes", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("import_job_chunk_pk", ["job_id", "start_row"])
      .execute();
    await db.schema
      .createTable("import_job_file")
      .addColumn("job_id", "text", (c) => c.primaryKey().references("import_job.id").onDelete("cascade"))
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("content", "text", (c) => c.notNull())
      .execute();
  },
};
