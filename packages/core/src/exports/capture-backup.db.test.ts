import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { importCalendarFile, listCalendars } from "../calendar-sync/calendar-sync-service.ts";
import { createContact } from "../contacts/contact-service.ts";
import { listInteractions, logInteraction } from "../interactions/interaction-service.ts";
import { sampleBackup } from "../testing/sample-backup.ts";
import { readSample } from "../testing/samples.ts";
import { exportBackup } from "./backup-service.ts";
import { RESTORED_SUBSCRIPTION } from "./capture-backup.ts";
import type { ClaimedRestoreJob } from "./restore-job-port.ts";
import { restoreBackup } from "./restore-service.ts";
import { undoRestore } from "./restore-undo.ts";

const MEETINGS = readSample("calendar-meetings.ics");
/** The fixture is read on this day (its later meetings are still to come). */
const NOW = "2026-11-20T12:00:00.000Z";

describe.each(DIALECTS)("the capture ledgers in a backup on %s", (dialect) => {
  const w = useTestWorld(dialect, { startAt: NOW });
  const calendarMeetings = async (actor: typeof w.alice) =>
    (await listInteractions(w.deps, actor, {}, { limit: 200 })).items.filter((i) => i.source === "calendar");

  it("a restored file calendar keeps its ledger: the same file imported again logs nothing twice", async () => {
    for (const [firstName, address] of [
      ["Rosa", "rosa@example.com"],
      ["José", "jose.nunez@example.com"],
      ["Zoë", "zoe@müller.example"],
    ]) {
      await createContact(w.deps, w.alice, { firstName, emails: [{ address }] });
    }
    const imported = await importCalendarFile(w.deps, w.alice, { content: MEETINGS });
    const logged = imported.result.logged;
    expect(logged).toBeGreaterThan(3);
    // A subscription beside it: its address is a secret, shown masked.
    await w.deps.store.calendars.insert(w.alice.accountId, {
      ...{ id: "sub-1", kind: "subscription", name: "Team", sealedUrl: "sealed:https://cal.example/t0ken/team.ics" },
      ...{ maskedUrl: "https://cal.example/…/team.ics", state: "ok", error: null, lastRunAt: NOW, lastSuccessAt: NOW },
      ...{ nextRunAt: NOW, failures: 0, eventCount: 0, meetingCount: 0, upcomingCount: 0, createdAt: NOW },
      createdBy: w.alice.userId,
    });

    const backup = await exportBackup(w.deps, w.alice);
    expect(backup.calendars).toEqual([
      { ref: "calendar-1", kind: "file", name: "Imported files", maskedUrl: null, createdAt: NOW },
      {
        ref: "calendar-2",
        kind: "subscription",
        name: "Team",
        maskedUrl: "https://cal.example/…/team.ics",
        createdAt: NOW,
      },
    ]);
    expect(backup.calendarEvents).toHaveLength(logged);
    expect(backup.calendarEvents.every((e) => e.calendarRef === "calendar-1" && e.interactionRef)).toBe(true);
    expect(JSON.stringify(backup)).not.toContain("t0ken");

    await restoreBackup(w.deps, w.bob, backup);
    expect(JSON.stringify(await exportBackup(w.deps, w.bob))).toBe(JSON.stringify(backup));
    expect(await calendarMeetings(w.bob)).toHaveLength(logged);
    const [file, team] = await listCalendars(w.deps, w.bob);
    expect(team).toMatchObject({ kind: "subscription", url: "https://cal.example/…/team.ics", state: "failed" });
    expect(team?.error).toBe(RESTORED_SUBSCRIPTION);
    // Bob imports the same file after the restore: the restored ledger finds every meeting.
    const again = await importCalendarFile(w.deps, w.bob, { content: MEETINGS });
    expect(again.calendar.id).toBe(file?.id);
    expect(again.result).toMatchObject({ logged: 0, updated: 0, removed: 0 });
    expect(await calendarMeetings(w.bob)).toHaveLength(logged);
  });

  it("readers come back as the restoring account's members by address; the others are kept by address", async () => {
    const rosa = await createContact(w.deps, w.alice, { firstName: "Rosa", emails: [{ address: "rosa@example.com" }] });
    const log = (summary: string) =>
      logInteraction(w.deps, w.alice, { contactIds: [rosa.id], kind: "email", direction: "inbound", summary });
    const mine = await log("Read by Bob's address only");
    const shared = await log("Read by Bob and Alice");
    const ledger = w.deps.store.mailbox;
    const row = (messageId: string, userId: string) =>
      ledger.recordMessage(w.alice.accountId, { messageId, userId, occurredAt: NOW, body: "secret", createdAt: NOW });
    // Bob's user read one of Alice's messages (as a member of her account once): his address is in the backup.
    await row("only-bob@mail.test", "user-bob");
    await ledger.linkMessage(w.alice.accountId, "only-bob@mail.test", mine.id);
    await row("both@mail.test", "user-alice");
    await row("both@mail.test", "user-bob");
    await ledger.linkMessage(w.alice.accountId, "both@mail.test", shared.id);

    const backup = await exportBackup(w.deps, w.alice);
    expect(backup.mailboxMessages.map((m) => [m.messageId, m.readers])).toEqual([
      ["both@mail.test", ["alice@example.test", "bob@example.test"]],
      ["only-bob@mail.test", ["bob@example.test"]],
    ]);
    await restoreBackup(w.deps, w.bob, backup);
    expect(JSON.stringify(await exportBackup(w.deps, w.bob))).toBe(JSON.stringify(backup));
    // Bob disconnecting his mailbox would take only what his alone held: Alice's address still holds the other.
    const bobsMine = (await listInteractions(w.deps, w.bob, {}, {})).items.find((i) => i.summary === mine.summary);
    expect(await ledger.capturedOnlyBy(w.bob.accountId, "user-bob")).toEqual([bobsMine?.id]);
  });

  it("a failed restore's undo takes the ledgers out too, and an older backup without them restores", async () => {
    // The sample has a message, the file calendar and a subscription, an occurrence of each.
    const backup = sampleBackup();
    await restoreBackup(w.deps, w.bob, backup);
    expect(await w.deps.store.mailbox.ledgerMessages(w.bob.accountId)).toHaveLength(1);
    const calendars = await w.deps.store.calendars.list(w.bob.accountId);
    expect(calendars).toHaveLength(2);
    expect(await w.deps.store.calendars.ledger(w.bob.accountId, calendars[1]!.id)).toHaveLength(1);
    const job = await w.db.db
      .selectFrom("restore_job")
      .select(["id"])
      .where("account_id", "=", w.bob.accountId)
      .executeTakeFirstOrThrow();
    await w.deps.store.restoreJobs.appendFile(w.bob.accountId, job.id, 0, JSON.stringify(backup));
    await undoRestore(w.deps, { accountId: w.bob.accountId, id: job.id, before: null } as ClaimedRestoreJob);
    expect(await w.deps.store.mailbox.ledgerMessages(w.bob.accountId)).toEqual([]);
    expect(await w.deps.store.calendars.list(w.bob.accountId)).toEqual([]);
    expect(await w.db.db.selectFrom("calendar_event").select("uid").execute()).toEqual([]);
    expect(await w.db.db.selectFrom("mailbox_message_reader").select("user_id").execute()).toEqual([]);

    // A backup made before the capture ledgers (none of the three lists) restores as one with none.
    const { mailboxMessages: _m, calendars: _c, calendarEvents: _e, ...uncaptured } = sampleBackup();
    const older = await restoreBackup(w.deps, w.alice, uncaptured);
    expect(older.contacts).toBeGreaterThan(0);
    expect(await exportBackup(w.deps, w.alice)).toMatchObject({
      mailboxMessages: [],
      calendars: [],
      calendarEvents: [],
    });
  });
});
