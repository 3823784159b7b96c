import type { Kysely } from "kysely";

/**
 * A restore's upload is checked by its job now, not by the request that sent it (issue #18 item 3): a queued job
 * may have no `frame` yet (the job sets it once the check passes), and a backup that fails its check ends the job
 * with the problem's field issues (`issues`, JSON: `[{ path, message }]`, each path in the backup, such as
 * `contacts.3.emails.0.address`), which the API answers as a 400 would. Null for every other job.
 */
export const restoreCheckIssuesMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable("restore_job").addColumn("issues", "text").execute();
  },
};
