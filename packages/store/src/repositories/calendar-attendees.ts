import type { AttendeeMeeting, CalendarLedgerEntry } from "@kith/core";
import type { Kysely, Selectable } from "kysely";
import type { CalendarAttendeeTable, Database } from "../schema.ts";
import { fromJson } from "./json.ts";

/**
 * The calendars' unknown attendees (suggestions, migration 0038) and the few reads accepting one needs; the
 * calendar repository's methods of the same names call these. Every statement names its account.
 */

const toMeeting = (r: Selectable<CalendarAttendeeTable>): AttendeeMeeting => ({
  calendarId: r.calendar_id,
  uid: r.uid,
  recurrenceId: r.recurrence_id,
  address: r.address,
  givenAddress: r.given_address,
  name: r.name,
  summary: r.summary,
  occurredAt: r.occurred_at,
});

export async function attendeesOf(db: Kysely<Database>, accountId: string, calendarId: string) {
  const rows = await db
    .selectFrom("calendar_attendee")
    .selectAll()
    .where("account_id", "=", accountId)
    .where("calendar_id", "=", calendarId)
    .orderBy("uid")
    .orderBy("recurrence_id")
    .orderBy("address")
    .execute();
  return rows.map(toMeeting);
}

export async function setAttendees(
  db: Kysely<Database>,
  accountId: string,
  userId: string,
  o: { calendarId: string; uid: string; recurrenceId: string },
  rows: readonly AttendeeMeeting[],
): Promise<void> {
  await db
    .deleteFrom("calendar_attendee")
    .where("account_id", "=", accountId)
    .where("calendar_id", "=", o.calendarId)
    .where("uid", "=", o.uid)
    .where("recurrence_id", "=", o.recurrenceId)
    .execute();
  if (rows.length === 0) return;
  await db
    .insertInto("calendar_attendee")
    .values(
      rows.map((r) => ({
        account_id: accountId,
        calendar_id: o.calendarId,
        uid: o.uid,
        recurrence_id: o.recurrenceId,
        address: r.address,
        given_address: r.givenAddress,
        user_id: userId,
        name: r.name,
        summary: r.summary,
        occurred_at: r.occurredAt,
      })),
    )
    .execute();
}

export async function attendeeMeetings(db: Kysely<Database>, accountId: string, userId: string, address: string) {
  const rows = await db
    .selectFrom("calendar_attendee")
    .selectAll()
    .where("account_id", "=", accountId)
    .where("user_id", "=", userId)
    .where("address", "=", address)
    .orderBy("occurred_at")
    .orderBy("calendar_id")
    .orderBy("uid")
    .orderBy("recurrence_id")
    .execute();
  return rows.map(toMeeting);
}

export async function forgetAttendee(db: Kysely<Database>, accountId: string, userId: string, address: string) {
  await db
    .deleteFrom("calendar_attendee")
    .where("account_id", "=", accountId)
    .where("user_id", "=", userId)
    .where("address", "=", address)
    .execute();
}

export async function ledgerEntry(
  db: Kysely<Database>,
  accountId: string,
  calendarId: string,
  uid: string,
  recurrenceId: string,
): Promise<CalendarLedgerEntry | null> {
  const r = await db
    .selectFrom("calendar_event")
    .select(["uid", "recurrence_id", "interaction_id"])
    .where("account_id", "=", accountId)
    .where("calendar_id", "=", calendarId)
    .where("uid", "=", uid)
    .where("recurrence_id", "=", recurrenceId)
    .executeTakeFirst();
  return r ? { uid: r.uid, recurrenceId: r.recurrence_id, interactionId: r.interaction_id } : null;
}

/** The member's sign-in address (only while they are a member of the account) and their mailbox's own ones. */
export async function memberAddresses(db: Kysely<Database>, accountId: string, userId: string): Promise<string[]> {
  const user = await db
    .selectFrom("membership as m")
    .innerJoin("user as u", "u.id", "m.user_id")
    .select("u.email")
    .where("m.account_id", "=", accountId)
    .where("m.user_id", "=", userId)
    .executeTakeFirst();
  const mailbox = await db
    .selectFrom("mailbox")
    .select(["aliases", "log_address"])
    .where("account_id", "=", accountId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return [
    ...(user ? [user.email] : []),
    ...(mailbox ? fromJson<string[]>(mailbox.aliases, []) : []),
    ...(mailbox?.log_address ? [mailbox.log_address] : []),
  ];
}
