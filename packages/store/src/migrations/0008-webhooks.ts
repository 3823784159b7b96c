import { type Kysely, sql } from "kysely";

/**
 * Webhooks per account (the digest as a signed JSON POST), and the retry sweep's index: pending ledger entries by
 * when their next attempt is due. The index is partial (only pending rows), so it stays as small as the backlog of
 * retries whatever the ledger's size; its key order is the sweep's order, so a page is read without sorting.
 * The signing secret is kept as given: it must be read to sign every request.
 */
export const webhooksMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("webhook")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("url", "text", (c) => c.notNull())
      .addColumn("format", "text", (c) => c.notNull())
      .addColumn("secret", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("webhook_account_created")
      .on("webhook")
      .columns(["account_id", "created_at"])
      .execute();
    await db.schema
      .createIndex("delivery_retry_due")
      .on("delivery")
      .columns(["next_attempt_at", "account_id", "kind", "period"])
      .where(sql.ref("status"), "=", sql.lit("pending"))
      .execute();
  },
};
