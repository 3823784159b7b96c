import type {
  AttendeeMeeting,
  CalendarFailure,
  CalendarKind,
  CalendarLedgerEntry,
  CalendarRecord,
  CalendarRunOutcome,
  CalendarState,
  CalendarSyncRepository,
} from "@kith/core";
import { type Kysely, type Selectable, sql } from "kysely";
import { leaseFree, leaseHeldBy, noLease, takeLease } from "../leases/lease.ts";
import type { CalendarSourceTable, Database } from "../schema.ts";
import * as attendees from "./calendar-attendees.ts";
import { fromJson } from "./json.ts";

const toRecord = (r: Selectable<CalendarSourceTable>): CalendarRecord => ({
  id: r.id,
  kind: r.kind as CalendarKind,
  name: r.name,
  sealedUrl: r.sealed_url,
  maskedUrl: r.masked_url,
  state: r.state as CalendarState,
  error: r.error,
  lastRunAt: r.last_run_at,
  lastSuccessAt: r.last_success_at,
  nextRunAt: r.next_run_at,
  failures: Number(r.failures),
  eventCount: Number(r.event_count),
  meetingCount: Number(r.meeting_count),
  upcomingCount: Number(r.upcoming_count),
  createdAt: r.created_at,
  createdBy: r.created_by,
});

/** Calendars and their ledger by account; `claimable` is the job's system scan. Runs go through the lease. */
/** The run's next time, unless a "Sync now" came after the run's claim: then the calendar stays due at once. */
const nextRunAfter = (o: { nextRunAt: string | null; claimedAt?: string | null }) =>
  o.claimedAt
    ? sql<string | null>`case when next_run_at > ${o.claimedAt} then next_run_at else ${o.nextRunAt} end`
    : o.nextRunAt;

export class KyselyCalendarSyncRepository implements CalendarSyncRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private row(accountId: string, c: CalendarRecord) {
    return {
      id: c.id,
      account_id: accountId,
      kind: c.kind,
      name: c.name,
      url: null,
      sealed_url: c.sealedUrl,
      masked_url: c.maskedUrl,
      state: c.state,
      error: c.error,
      last_run_at: c.lastRunAt,
      last_success_at: c.lastSuccessAt,
      next_run_at: c.nextRunAt,
      failures: c.failures,
      event_count: c.eventCount,
      meeting_count: c.meetingCount,
      upcoming_count: c.upcomingCount,
      created_at: c.createdAt,
      created_by: c.createdBy,
    };
  }

  /** The meetings a calendar has logged as it stands: its ledger's rows (a subquery of the run's own update). */
  private meetingCount(accountId: string, id: string) {
    return this.db
      .selectFrom("calendar_event")
      .select(sql<number>`count(*)`.as("n"))
      .where("account_id", "=", accountId)
      .where("calendar_id", "=", id);
  }

  async insert(accountId: string, c: CalendarRecord): Promise<void> {
    await this.db.insertInto("calendar_source").values(this.row(accountId, c)).execute();
  }

  async fileCalendar(accountId: string, candidate: CalendarRecord): Promise<CalendarRecord> {
    await this.db
      .insertInto("calendar_source")
      .values(this.row(accountId, { ...candidate, kind: "file" }))
      .onConflict((oc) => oc.doNothing())
      .execute();
    const r = await this.db
      .selectFrom("calendar_source")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("kind", "=", "file")
      .executeTakeFirstOrThrow();
    return toRecord(r);
  }

  async find(accountId: string, id: string): Promise<CalendarRecord | null> {
    const r = await this.db
      .selectFrom("calendar_source")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return r ? toRecord(r) : null;
  }

  async list(accountId: string): Promise<CalendarRecord[]> {
    const rows = await this.db
      .selectFrom("calendar_source")
      .selectAll()
      .where("account_id", "=", accountId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(toRecord);
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    for (const table of ["calendar_event", "calendar_attendee"] as const) {
      await this.db.deleteFrom(table).where("account_id", "=", accountId).where("calendar_id", "=", id).execute();
    }
    const r = await this.db
      .deleteFrom("calendar_source")
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .execute();
    return Number(r[0]?.numDeletedRows ?? 0) > 0;
  }

  async claimable(nowAt: string, limit: number): Promise<{ accountId: string; id: string }[]> {
    const rows = await this.db
      .selectFrom("calendar_source")
      .select(["account_id", "id"])
      .where("kind", "=", "subscription")
      .where("next_run_at", "<=", nowAt)
      .where(leaseFree(nowAt))
      .orderBy("next_run_at")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({ accountId: r.account_id, id: r.id }));
  }

  async claim(accountId: string, id: string, owner: string, leaseUntilAt: string, nowAt: string) {
    const taken = await this.db
      .updateTable("calendar_source")
      // A subscription's next_run_at marks the claim instant: a "Sync now" during the run moves it later, and the
      // run's end keeps it (`nextRunAfter`). A file calendar has no runs of its own.
      .set({
        ...takeLease(owner, leaseUntilAt),
        state: "syncing",
        next_run_at: sql<string | null>`case when kind = 'subscription' then ${nowAt} else next_run_at end`,
      })
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .where(leaseFree(nowAt))
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) return null;
    return this.find(accountId, id);
  }

  async renew(accountId: string, id: string, owner: string, leaseUntilAt: string): Promise<boolean> {
    const done = await this.db
      .updateTable("calendar_source")
      .set({ lease_until_at: leaseUntilAt })
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .where(leaseHeldBy(owner))
      .executeTakeFirst();
    return Number(done.numUpdatedRows) === 1;
  }

  async finish(accountId: string, id: string, owner: string, o: CalendarRunOutcome): Promise<boolean> {
    const done = await this.db
      .updateTable("calendar_source")
      .set({
        state: "ok",
        error: null,
        last_run_at: o.nowAt,
        last_success_at: o.nowAt,
        next_run_at: nextRunAfter(o),
        failures: 0,
        event_count: o.events,
        upcoming_count: o.upcoming,
        meeting_count: this.meetingCount(accountId, id),
        ...noLease,
      })
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .where(leaseHeldBy(owner))
      .executeTakeFirst();
    return Number(done.numUpdatedRows) === 1;
  }

  async fail(accountId: string, id: string, owner: string, f: CalendarFailure): Promise<boolean> {
    const done = await this.db
      .updateTable("calendar_source")
      .set({
        state: f.state,
        error: f.error,
        last_run_at: f.nowAt,
        next_run_at: nextRunAfter(f),
        failures: sql<number>`failures + 1`,
        meeting_count: this.meetingCount(accountId, id),
        ...noLease,
      })
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .where(leaseHeldBy(owner))
      .executeTakeFirst();
    return Number(done.numUpdatedRows) === 1;
  }

  async unsealedAddresses(limit: number) {
    const rows = await this.db
      .selectFrom("calendar_source")
      .select(["account_id", "id", "url"])
      .where("url", "is not", null)
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({ accountId: r.account_id, id: r.id, url: r.url! }));
  }

  async sealAddress(accountId: string, id: string, a: { sealedUrl: string; maskedUrl: string }): Promise<void> {
    await this.db
      .updateTable("calendar_source")
      .set({ sealed_url: a.sealedUrl, masked_url: a.maskedUrl, url: null })
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .execute();
  }

  async readdress(accountId: string, id: string, a: { sealedUrl: string; maskedUrl: string }, nowAt: string) {
    const done = await this.db
      .updateTable("calendar_source")
      .set({
        sealed_url: a.sealedUrl,
        masked_url: a.maskedUrl,
        url: null,
        state: "waiting",
        error: null,
        failures: 0,
        next_run_at: nowAt,
      })
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .where("kind", "=", "subscription")
      .where(leaseFree(nowAt))
      .executeTakeFirst();
    return Number(done.numUpdatedRows) === 1;
  }

  async requestRun(accountId: string, id: string, nowAt: string): Promise<void> {
    await this.db
      .updateTable("calendar_source")
      .set({
        next_run_at: nowAt,
        state: sql<string>`case when state = 'syncing' then state else 'waiting' end`,
      })
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .where("kind", "=", "subscription")
      .execute();
  }

  async ledger(accountId: string, calendarId: string): Promise<CalendarLedgerEntry[]> {
    const rows = await this.db
      .selectFrom("calendar_event")
      .select(["uid", "recurrence_id", "interaction_id"])
      .where("account_id", "=", accountId)
      .where("calendar_id", "=", calendarId)
      .orderBy("uid")
      .orderBy("recurrence_id")
      .execute();
    return rows.map((r) => ({ uid: r.uid, recurrenceId: r.recurrence_id, interactionId: r.interaction_id }));
  }

  async record(accountId: string, calendarId: string, e: CalendarLedgerEntry): Promise<void> {
    await this.db
      .insertInto("calendar_event")
      .values({
        account_id: accountId,
        calendar_id: calendarId,
        uid: e.uid,
        recurrence_id: e.recurrenceId,
        interaction_id: e.interactionId,
      })
      .execute();
  }

  async forget(accountId: string, calendarId: string, uid: string, recurrenceId: string): Promise<void> {
    await this.db
      .deleteFrom("calendar_event")
      .where("account_id", "=", accountId)
      .where("calendar_id", "=", calendarId)
      .where("uid", "=", uid)
      .where("recurrence_id", "=", recurrenceId)
      .execute();
  }

  attendees(accountId: string, calendarId: string): Promise<AttendeeMeeting[]> {
    return attendees.attendeesOf(this.db, accountId, calendarId);
  }

  setAttendees(
    accountId: string,
    userId: string,
    occurrence: { calendarId: string; uid: string; recurrenceId: string },
    rows: readonly AttendeeMeeting[],
  ): Promise<void> {
    return attendees.setAttendees(this.db, accountId, userId, occurrence, rows);
  }

  attendeeMeetings(accountId: string, userId: string, address: string): Promise<AttendeeMeeting[]> {
    return attendees.attendeeMeetings(this.db, accountId, userId, address);
  }

  forgetAttendee(accountId: string, userId: string, address: string): Promise<void> {
    return attendees.forgetAttendee(this.db, accountId, userId, address);
  }

  ledgerEntry(accountId: string, calendarId: string, uid: string, recurrenceId: string) {
    return attendees.ledgerEntry(this.db, accountId, calendarId, uid, recurrenceId);
  }

  memberAddresses(accountId: string, userId: string): Promise<string[]> {
    return attendees.memberAddresses(this.db, accountId, userId);
  }

  async contactEmails(accountId: string): Promise<{ contactId: string; address: string }[]> {
    const rows = await this.db
      .selectFrom("contact")
      .select(["id", "emails"])
      .where("account_id", "=", accountId)
      .where("emails", "<>", "[]")
      .execute();
    return rows.flatMap((r) =>
      fromJson<{ address?: unknown }[]>(r.emails, [])
        .map((e) => e.address)
        .filter((a): a is string => typeof a === "string")
        .map((address) => ({ contactId: r.id, address })),
    );
  }
}
