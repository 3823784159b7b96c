import type { Kysely } from "kysely";

/**
 * Relationships from import files (issue #13): the names a chunk's rows gave for other people (introduced by,
 * spouse, mother, colleague of…) are kept with the chunk (`import_job_chunk.links`, JSON `[{ line, contactId, ref }]`)
 * until every row is in; then they are linked once, and what they made is recorded with the job
 * (`import_job.link_report`, JSON counts and the rows' warnings; null until then, and for jobs from before).
 */
export const importRelationsMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable("import_job_chunk")
      .addColumn("links", "text", (c) => c.notNull().defaultTo("[]"))
      .execute();
    await db.schema.alterTable("import_job").addColumn("link_report", "text").execute();
  },
};
