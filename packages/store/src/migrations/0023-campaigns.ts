import type { Kysely } from "kysely";

/**
 * Occasion campaigns (issue #12): a `campaign` and its snapshot of recipients, which is also the sending ledger.
 * A recipient row is claimed with a lease (`lease_owner`, `lease_until_at`, `attempts`, as `store/src/leases`),
 * marked `sending` with its `send_key` (the Message-ID's key) committed before the SMTP call, then `sent` with its
 * interaction in one transaction. The partial index finds the next pending row of a campaign; the sender's scan of
 * campaigns being sent reads `campaign_status`.
 */
export const campaignsMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("campaign")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("occasion", "text", (c) => c.notNull())
      .addColumn("segment", "text", (c) => c.notNull())
      .addColumn("mode", "text", (c) => c.notNull())
      .addColumn("template_id", "text")
      .addColumn("my_update", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("sender_user_id", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("campaign_account_created")
      .on("campaign")
      .columns(["account_id", "created_at"])
      .execute();
    await db.schema.createIndex("campaign_status").on("campaign").columns(["status", "id"]).execute();
    await db.schema
      .createTable("campaign_recipient")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("campaign_id", "text", (c) => c.notNull().references("campaign.id").onDelete("cascade"))
      .addColumn("contact_id", "text", (c) => c.notNull().references("contact.id").onDelete("cascade"))
      .addColumn("position", "integer", (c) => c.notNull())
      .addColumn("display_name", "text", (c) => c.notNull())
      .addColumn("email", "text")
      .addColumn("personal_line", "text", (c) => c.notNull())
      .addColumn("subject", "text", (c) => c.notNull())
      .addColumn("body", "text", (c) => c.notNull())
      .addColumn("body_edited", "integer", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("reason", "text", (c) => c.notNull())
      .addColumn("send_key", "text")
      .addColumn("interaction_id", "text")
      .addColumn("sent_at", "text")
      .addColumn("lease_owner", "text")
      .addColumn("lease_until_at", "text")
      .addColumn("attempts", "integer", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("campaign_recipient_pk", ["campaign_id", "contact_id"])
      .execute();
    await db.schema
      .createIndex("campaign_recipient_order")
      .on("campaign_recipient")
      .columns(["campaign_id", "status", "position"])
      .execute();
    await db.schema.createIndex("campaign_recipient_contact").on("campaign_recipient").column("contact_id").execute();
  },
};
