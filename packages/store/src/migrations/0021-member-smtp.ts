import type { Kysely } from "kysely";

/**
 * Sending from the member's own email (issue #12): `member_smtp` holds one SMTP account per member (user ×
 * account), its password sealed with the server key (`sealed_password`, never in clear; null without sign-in);
 * `message_send` is the send ledger, one row per (account, idempotency key), written before the mail goes (status
 * `sending`, its Message-ID) and completed with the logged interaction (`sent`) or the error (`failed`).
 */
export const memberSmtpMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("member_smtp")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("user_id", "text", (c) => c.notNull())
      .addColumn("host", "text", (c) => c.notNull())
      .addColumn("port", "integer", (c) => c.notNull())
      .addColumn("security", "text", (c) => c.notNull())
      .addColumn("smtp_user", "text", (c) => c.notNull())
      .addColumn("sealed_password", "text")
      .addColumn("from_name", "text", (c) => c.notNull())
      .addColumn("from_address", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("member_smtp_pk", ["account_id", "user_id"])
      .execute();
    await db.schema
      .createTable("message_send")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("key", "text", (c) => c.notNull())
      .addColumn("user_id", "text", (c) => c.notNull())
      .addColumn("contact_id", "text", (c) => c.notNull())
      .addColumn("request_hash", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("to_address", "text", (c) => c.notNull())
      .addColumn("message_id", "text", (c) => c.notNull())
      .addColumn("interaction_id", "text")
      .addColumn("error", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("message_send_pk", ["account_id", "key"])
      .execute();
  },
};
