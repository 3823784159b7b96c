import { describe, expect, it } from "vitest";
import { createStore } from "../store.ts";
import { DIALECTS } from "../testing/index.ts";
import { useAccountAt } from "../testing/partly-migrated.ts";

describe.each(DIALECTS)("migration 0038-calendar-attendees on %s", (dialect) => {
  const accountAt = useAccountAt(dialect);

  it("keeps the calendars and their ledger; they have no attendees until read again; removing one drops them", async () => {
    const before = await accountAt("0037-interaction-template");
    const { open, db } = before;
    await db
      .insertInto("calendar_source")
      .values({
        ...{ id: "cal-1", account_id: "acc-1", kind: "file", name: "Imported files", state: "ok" },
        ...{ created_at: "2026-01-01T00:00:00.000Z", created_by: "user-1" },
      })
      .execute();
    await db
      .insertInto("calendar_event")
      .values({ account_id: "acc-1", calendar_id: "cal-1", uid: "e-1", recurrence_id: "", interaction_id: "i-1" })
      .execute();
    expect((await before.migrateToLatest()).error).toBeUndefined();

    const store = createStore(open.db, open.dialect);
    expect(await store.calendars.ledger("acc-1", "cal-1")).toEqual([
      { uid: "e-1", recurrenceId: "", interactionId: "i-1" },
    ]);
    expect(await store.calendars.attendees("acc-1", "cal-1")).toEqual([]);
    const meeting = {
      ...{ calendarId: "cal-1", uid: "e-1", recurrenceId: "", address: "jörg@xn--bcher-kva.example" },
      ...{ givenAddress: "jörg@bücher.example", name: "Jörg", summary: "Kaffee", occurredAt: "2026-01-02T09:00:00Z" },
    };
    await store.calendars.setAttendees("acc-1", "user-1", meeting, [meeting]);
    expect(await store.calendars.attendeeMeetings("acc-1", "user-1", meeting.address)).toEqual([meeting]);
    expect(await store.calendars.attendeeMeetings("acc-1", "user-2", meeting.address)).toEqual([]);
    expect(await store.calendars.attendeeMeetings("acc-2", "user-1", meeting.address)).toEqual([]);
    await store.calendars.delete("acc-1", "cal-1");
    expect(await store.calendars.attendees("acc-1", "cal-1")).toEqual([]);
  });
});
