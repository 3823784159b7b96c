import type { Kysely } from "kysely";

/**
 * Mailbox sync (issue #15). `mailbox` holds one IMAP account per member (user × account): the password sealed with
 * the server key, what to read (folders, from which day, bodies or not, BCC-to-log folder and address) and the sync
 * job's state (status in words, next run with backoff, counts) with a lease like `article`'s, so one instance syncs
 * a mailbox at a time. `mailbox_folder` is each folder's UIDVALIDITY and UID high-water mark, written in the same
 * transaction as the batch it covers. `mailbox_message` is the ledger: one row per (account, Message-ID), so a
 * message is read into Kith once whatever the folder, the member, the resync or the instance; it names the
 * interaction it became (if any) and, only when the member asked, its text. `mailbox_correspondent_message` keeps
 * the messages of addresses that are not contacts (the suggestions); `mailbox_dismissal` the addresses dismissed.
 */
export const mailboxMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("mailbox")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("user_id", "text", (c) => c.notNull())
      .addColumn("host", "text", (c) => c.notNull())
      .addColumn("port", "integer", (c) => c.notNull())
      .addColumn("tls", "integer", (c) => c.notNull())
      .addColumn("imap_user", "text", (c) => c.notNull())
      .addColumn("sealed_password", "text")
      .addColumn("folders", "text", (c) => c.notNull())
      .addColumn("start_on", "text", (c) => c.notNull())
      .addColumn("store_bodies", "integer", (c) => c.notNull())
      .addColumn("auto_create", "integer", (c) => c.notNull())
      .addColumn("aliases", "text", (c) => c.notNull())
      .addColumn("log_folder", "text")
      .addColumn("log_address", "text")
      .addColumn("state", "text", (c) => c.notNull())
      .addColumn("error", "text")
      .addColumn("last_run_at", "text")
      .addColumn("last_success_at", "text")
      .addColumn("next_run_at", "text", (c) => c.notNull())
      .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("messages_count", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("logged_count", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("lease_owner", "text")
      .addColumn("lease_until_at", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("mailbox_pk", ["account_id", "user_id"])
      .execute();
    await db.schema.createIndex("mailbox_next_run").on("mailbox").column("next_run_at").execute();
    await db.schema
      .createTable("mailbox_folder")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("user_id", "text", (c) => c.notNull())
      .addColumn("path", "text", (c) => c.notNull())
      .addColumn("uid_validity", "text", (c) => c.notNull())
      .addColumn("last_uid", "integer", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("mailbox_folder_pk", ["account_id", "user_id", "path"])
      .execute();
    await db.schema
      .createTable("mailbox_message")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("message_id", "text", (c) => c.notNull())
      .addColumn("user_id", "text", (c) => c.notNull())
      .addColumn("interaction_id", "text")
      .addColumn("occurred_at", "text", (c) => c.notNull())
      .addColumn("body", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("mailbox_message_pk", ["account_id", "message_id"])
      .execute();
    await db.schema
      .createIndex("mailbox_message_user")
      .on("mailbox_message")
      .columns(["account_id", "user_id"])
      .execute();
    await db.schema
      .createTable("mailbox_correspondent_message")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("user_id", "text", (c) => c.notNull())
      .addColumn("address", "text", (c) => c.notNull())
      .addColumn("message_id", "text", (c) => c.notNull())
      .addColumn("name", "text")
      .addColumn("direction", "text", (c) => c.notNull())
      .addColumn("subject", "text", (c) => c.notNull())
      .addColumn("occurred_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("mailbox_correspondent_message_pk", ["account_id", "user_id", "address", "message_id"])
      .execute();
    await db.schema
      .createTable("mailbox_dismissal")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("user_id", "text", (c) => c.notNull())
      .addColumn("address", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("mailbox_dismissal_pk", ["account_id", "user_id", "address"])
      .execute();
  },
};
