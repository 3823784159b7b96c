import type { Kysely } from "kysely";

/**
 * The rows a person switched in an import's preview (create anyway, merge into the person it matched or looks like,
 * skip), kept with the job as JSON (`[{ line, action }]`) so whichever instance runs or resumes it decides those
 * rows the same way. Jobs queued before have none (null): every row does what the import decides.
 */
export const importRowOverridesMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable("import_job").addColumn("row_overrides", "text").execute();
  },
};
