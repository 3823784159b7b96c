import type { Kysely } from "kysely";

/**
 * Restores become leased background jobs, like imports (issue #18 item 3). `restore_job` holds the job: its status
 * (`uploading` while the upload is stored, then queued, running, committed or failed), the backup's frame once the
 * upload was checked (`frame`: version, account, digest schedule, circles, each list's length — everything but
 * rows), the account as it was before (`before`, put back when the restore fails), its point (`step`, `step_index`:
 * where the next batch starts, moved in the transaction that writes each batch) and a lease. The upload waits in
 * `restore_job_file`, a piece of at most a million characters per row in order (`seq`), until the job ends.
 */
export const restoreJobsMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("restore_job")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("frame", "text")
      .addColumn("before", "text")
      .addColumn("step", "text", (c) => c.notNull())
      .addColumn("step_index", "integer", (c) => c.notNull())
      .addColumn("error", "text")
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("lease_owner", "text")
      .addColumn("lease_until_at", "text")
      .addColumn("attempts", "integer", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("finished_at", "text")
      .execute();
    await db.schema.createIndex("restore_job_account").on("restore_job").columns(["account_id", "status"]).execute();
    // The workers' scan: waiting jobs, and running ones whose lease lapsed.
    await db.schema
      .createIndex("restore_job_claimable")
      .on("restore_job")
      .columns(["status", "lease_until_at"])
      .execute();
    await db.schema
      .createTable("restore_job_file")
      .addColumn("job_id", "text", (c) => c.notNull().references("restore_job.id").onDelete("cascade"))
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("seq", "integer", (c) => c.notNull())
      .addColumn("content", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("restore_job_file_pk", ["job_id", "seq"])
      .execute();
  },
};
