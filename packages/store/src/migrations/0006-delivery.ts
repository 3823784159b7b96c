import type { Kysely } from "kysely";

/**
 * The delivery ledger: one row per (account, kind, period) — a digest of one local day or week, a test message,
 * a used one-click link. The primary key makes "once" a database fact: instances race on an insert that only one
 * row survives and on a lease update that only one wins. `notify_setting` holds each account's digest schedule.
 */
export const deliveryMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("delivery")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("period", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("lease_owner", "text")
      .addColumn("lease_until_at", "text")
      .addColumn("next_attempt_at", "text")
      .addColumn("last_error", "text")
      .addColumn("sent_at", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("delivery_pk", ["account_id", "kind", "period"])
      .execute();
    await db.schema
      .createIndex("delivery_account_updated")
      .on("delivery")
      .columns(["account_id", "updated_at"])
      .execute();
    await db.schema
      .createTable("notify_setting")
      .addColumn("account_id", "text", (c) => c.primaryKey().references("account.id").onDelete("cascade"))
      .addColumn("digest", "text", (c) => c.notNull())
      .addColumn("hour", "integer", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    // One secret calendar address per member; the token's SHA-256 is the lookup key (a feed reader has no login).
    await db.schema
      .createTable("calendar_feed")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("user_id", "text", (c) => c.notNull())
      .addColumn("token_hash", "text", (c) => c.notNull().unique())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("calendar_feed_pk", ["account_id", "user_id"])
      .execute();
  },
};
