import type { Kysely } from "kysely";

/**
 * An import job reads its file once per run. It no longer reads the file through when it is queued, so it learns
 * its row count only when its reading reaches the end: `total_rows` is -1 until then (SQLite cannot drop NOT NULL
 * in place, and rebuilding `import_job` would cascade-delete the chunks and files that reference it). Meanwhile the
 * progress is measured in the file's text: `processed_chars` of `total_chars`. `read_from` (JSON: an offset into
 * the stored text, the file's line there and the CSV header) is where the row after the committed chunks starts,
 * written in each chunk's transaction, so a resumed job reads on from there. Jobs queued before keep their counted
 * `total_rows`, `total_chars` 0 and no `read_from`: they are read from the start again, as they were.
 */
export const importReadPointsMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable("import_job")
      .addColumn("total_chars", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable("import_job")
      .addColumn("processed_chars", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable("import_job").addColumn("read_from", "text").execute();
  },
};
