import { type Kysely, sql } from "kysely";

/**
 * Calendars (issue #15): `calendar_source` is a calendar of the account — the one file calendar every uploaded
 * `.ics` goes into (at most one per account: the partial unique index), or a subscription to an ICS URL — with its
 * sync's state in words, its last run, counts, the backoff (`failures`, `next_run_at`) and a lease like
 * `article`'s. `calendar_event` is the ledger: account + calendar + UID + recurrence id ("" for a single event) →
 * the interaction it logged, so a calendar read again updates or removes its meetings and never logs one twice.
 * The interaction has no foreign key here: deleting one by hand leaves its ledger row, which keeps it from coming back.
 */
export const calendarSyncMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("calendar_source")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("url", "text")
      .addColumn("state", "text", (c) => c.notNull())
      .addColumn("error", "text")
      .addColumn("last_run_at", "text")
      .addColumn("last_success_at", "text")
      .addColumn("next_run_at", "text")
      .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("event_count", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("meeting_count", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("upcoming_count", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("lease_owner", "text")
      .addColumn("lease_until_at", "text")
      .execute();
    await db.schema
      .createIndex("calendar_source_account")
      .on("calendar_source")
      .columns(["account_id", "created_at"])
      .execute();
    await db.schema
      .createIndex("calendar_source_one_file")
      .on("calendar_source")
      .column("account_id")
      .unique()
      .where(sql.ref("kind"), "=", sql.lit("file"))
      .execute();
    await db.schema
      .createIndex("calendar_source_due")
      .on("calendar_source")
      .columns(["next_run_at", "id"])
      .where(sql.ref("kind"), "=", sql.lit("subscription"))
      .execute();
    await db.schema
      .createTable("calendar_event")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("calendar_id", "text", (c) => c.notNull().references("calendar_source.id").onDelete("cascade"))
      .addColumn("uid", "text", (c) => c.notNull())
      .addColumn("recurrence_id", "text", (c) => c.notNull())
      .addColumn("interaction_id", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("calendar_event_pk", ["account_id", "calendar_id", "uid", "recurrence_id"])
      .execute();
    await db.schema
      .createIndex("calendar_event_interaction")
      .on("calendar_event")
      .columns(["account_id", "interaction_id"])
      .execute();
  },
};
