import type { Kysely } from "kysely";

/**
 * Unknown meeting attendees as "add as contact?" suggestions (issue #15). `calendar_attendee` keeps, per occurrence
 * of a calendar (UID + recurrence id, "" for a single event, as in `calendar_event`), each attendee who was no
 * contact when it was read: the address as compared (`address`: lower case, NFC, the domain in IDNA form — the key
 * mailbox correspondents use, so a person met and written to is one suggestion) and as the calendar wrote it
 * (`given_address`, kept for the contact an accepted suggestion makes), the name (CN), the event's title and start.
 * `user_id` is the member the calendar was read for (a file's uploader, a subscription's creator): suggestions are
 * a member's, like their mailbox's. Only past, not cancelled occurrences have rows; a read rewrites an occurrence's
 * rows when they changed. Derived: not in the backup (a new read finds them). Dismissals are the mailbox's
 * (`mailbox_dismissal`): one address, one answer.
 */
export const calendarAttendeesMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("calendar_attendee")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("calendar_id", "text", (c) => c.notNull().references("calendar_source.id").onDelete("cascade"))
      .addColumn("uid", "text", (c) => c.notNull())
      .addColumn("recurrence_id", "text", (c) => c.notNull())
      .addColumn("address", "text", (c) => c.notNull())
      .addColumn("given_address", "text", (c) => c.notNull())
      .addColumn("user_id", "text", (c) => c.notNull())
      .addColumn("name", "text")
      .addColumn("summary", "text", (c) => c.notNull())
      .addColumn("occurred_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("calendar_attendee_pk", ["account_id", "calendar_id", "uid", "recurrence_id", "address"])
      .execute();
    await db.schema
      .createIndex("calendar_attendee_member")
      .on("calendar_attendee")
      .columns(["account_id", "user_id", "address"])
      .execute();
  },
};
