import type { Kysely } from "kysely";

/**
 * Capture, finished (issue #15).
 *
 * - `mailbox_message_reader`: every member whose mailbox held a message (the ledger's row names only the first), so
 *   a disconnect that removes what a mailbox captured leaves a message another member's mailbox also holds. Filled
 *   from the ledger: each row's member read it.
 * - `calendar_source.sealed_url` and `masked_url`: a subscription's address is sealed like a mailbox password (it
 *   often carries a secret token) and shown only as its host and a masked path. The sealing key is the server's,
 *   which a migration does not have: the runtime seals the addresses still in `url` when it opens the database
 *   (`sealStoredCalendarAddresses`, called by `openRuntime`) and empties `url`.
 * - `mailbox.idle_owner` and `idle_until_at`: the lease of the one IMAP IDLE connection kept per mailbox across
 *   instances (apart from the sync run's lease: a run and the watch go on side by side).
 */
export const captureDoneMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("mailbox_message_reader")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("message_id", "text", (c) => c.notNull())
      .addColumn("user_id", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("mailbox_message_reader_pk", ["account_id", "message_id", "user_id"])
      .execute();
    await db.schema
      .createIndex("mailbox_message_reader_user")
      .on("mailbox_message_reader")
      .columns(["account_id", "user_id"])
      .execute();
    await db
      .insertInto("mailbox_message_reader" as never)
      .columns(["account_id", "message_id", "user_id"] as never)
      .expression(
        (db as Kysely<{ mailbox_message: { account_id: string; message_id: string; user_id: string } }>)
          .selectFrom("mailbox_message")
          .select(["account_id", "message_id", "user_id"]) as never,
      )
      .execute();
    await db.schema.alterTable("mailbox").addColumn("idle_owner", "text").execute();
    await db.schema.alterTable("mailbox").addColumn("idle_until_at", "text").execute();
    await db.schema.alterTable("calendar_source").addColumn("sealed_url", "text").execute();
    await db.schema.alterTable("calendar_source").addColumn("masked_url", "text").execute();
  },
};
