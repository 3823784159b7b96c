import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import type { Actor } from "../accounts/roles.ts";
import { createContact, getContact } from "../contacts/contact-service.ts";
import { deleteInteraction, listInteractions } from "../interactions/interaction-service.ts";
import type { Interaction } from "../interactions/schemas.ts";
import type { Deps } from "../ports/index.ts";
import { codeOf, testSealer } from "../testing/fakes.ts";
import { readSample } from "../testing/samples.ts";
import { applyCalendar } from "./apply-calendar.ts";
import { ADDRESS_KEY_CHANGED, maskCalendarUrl, sealStoredCalendarAddresses } from "./calendar-address.ts";
import type { CalendarFetcher, FetchedCalendar } from "./calendar-sync-port.ts";
import {
  getCalendar,
  importCalendarFile,
  listCalendars,
  removeCalendar,
  requestCalendarSync,
  subscribeCalendar,
  syncAccountCalendars,
} from "./calendar-sync-service.ts";
import type { Occurrence } from "./read-calendar.ts";
import { runCalendarSyncTick } from "./sync-subscription.ts";

const FIRST = readSample("calendar-meetings.ics");
const LATER = readSample("calendar-meetings-later.ics");
/** The fixture is read on this day: its 1:1 of Nov 26 and the dinner in February are still to come. */
const NOW = "2026-11-20T12:00:00.000Z";
const FEED = "https://calendar.example/ada.ics";

/** A feed whose answer the test sets (the guarded fetcher itself is tested in runtime against a real server). */
function feed(initial: FetchedCalendar) {
  const state = { answer: initial, fetched: 0, urls: [] as string[] };
  const fetcher: CalendarFetcher = {
    refusal: async (url) => (url.includes("127.0.0.1") ? "points to a private or loopback address" : null),
    fetchCalendar: async (url) => {
      state.fetched += 1;
      state.urls.push(url);
      return state.answer;
    },
  };
  return { fetcher, state };
}

async function people(deps: Deps, actor: Actor) {
  const add = (firstName: string, lastName: string, ...addresses: string[]) =>
    createContact(deps, actor, { firstName, lastName, emails: addresses.map((address) => ({ address })) });
  return {
    zoe: await add("Zoë", "Müller", "zoe@müller.example"),
    jose: await add("José", "Núñez", "jose.nunez@example.com"),
    ana: await add("Ana 🌻", "Lima", "ana.lima@example.com"),
    priya: await add("प्रिया", "Raman", "priya@例え.jp"),
    rosa: await add("Rosa", "Calder", "rosa@example.com"),
    mei: await add("Mei", "Chen", "mei@acme.example"),
    omar: await add("Omar", "Haddad", "omar@example.net"),
  };
}

describe.each(DIALECTS)("calendar import and subscription on %s", (dialect) => {
  const w = useTestWorld(dialect, { startAt: NOW });
  const viewer = (): Actor => ({ ...w.alice, role: "viewer" });

  async function meetingsOf(contactId: string): Promise<Interaction[]> {
    const page = await listInteractions(w.deps, w.alice, { contactId }, { limit: 100 });
    return page.items.filter((i) => i.source === "calendar");
  }

  it("logs each past meeting with known contacts once, even when the file is imported twice", async () => {
    const p = await people(w.deps, w.alice);
    await createContact(w.deps, w.bob, { firstName: "Bob's Rosa", emails: [{ address: "rosa@example.com" }] });

    const first = await importCalendarFile(w.deps, w.alice, { content: FIRST });
    // kaffee, kickoff, offsite, 7 of Rosa's 1:1s (one skipped by EXDATE, one moved), lunch, call.
    expect(first.result).toEqual({ events: 9, logged: 12, updated: 0, removed: 0, unmatched: 1, upcoming: 2 });
    expect(first.calendar).toMatchObject({
      kind: "file",
      name: "Imported files",
      state: "ok",
      error: null,
      lastRunAt: NOW,
      counts: { events: 9, meetings: 12, upcoming: 2 },
    });

    const rosa = await meetingsOf(p.rosa.id);
    expect(rosa.map((m) => m.occurredAt).sort()).toEqual([
      "2026-10-01T14:00:00.000Z",
      "2026-10-08T14:00:00.000Z",
      "2026-10-23T18:00:00.000Z",
      "2026-10-29T14:00:00.000Z",
      "2026-11-05T15:00:00.000Z",
      "2026-11-12T15:00:00.000Z",
      "2026-11-19T15:00:00.000Z",
    ]);
    expect(rosa.find((m) => m.occurredAt.startsWith("2026-10-23"))?.summary).toBe("1:1 with Rosa (moved to Friday)");
    expect(rosa[0]).toMatchObject({ kind: "meeting", direction: "mutual", meaningful: true, source: "calendar" });

    const [kickoff] = await meetingsOf(p.jose.id);
    expect(kickoff).toMatchObject({ summary: "Project kickoff 🚀", occurredAt: "2026-10-08T15:00:00.000Z" });
    expect([...kickoff!.contactIds].sort()).toEqual([p.jose.id, p.ana.id].sort());
    expect(await meetingsOf(p.omar.id)).toHaveLength(1); // the call only: he declined the kickoff
    expect((await meetingsOf(p.zoe.id)).map((m) => m.summary)).toEqual(["Kaffee mit Zoë ☕"]);
    // All day in the account's zone (America/New_York): noon there.
    expect((await meetingsOf(p.priya.id)).map((m) => m.occurredAt)).toEqual(["2026-10-15T16:00:00.000Z"]);
    // Last touch is derived in the same transaction.
    expect((await getContact(w.deps, w.alice, p.rosa.id)).lastTouchAt).toBe("2026-11-19T15:00:00.000Z");

    const again = await importCalendarFile(w.deps, w.alice, { content: FIRST });
    expect(again.result).toMatchObject({ logged: 0, updated: 0, removed: 0 });
    expect(again.calendar.id).toBe(first.calendar.id);
    expect(await meetingsOf(p.rosa.id)).toHaveLength(7);
    expect(await listCalendars(w.deps, w.alice)).toHaveLength(1);
    expect(await listCalendars(w.deps, w.bob)).toEqual([]);
  });

  it("updates a moved event in place and removes a cancelled one when a later export is imported", async () => {
    const p = await people(w.deps, w.alice);
    await importCalendarFile(w.deps, w.alice, { content: FIRST });
    const [lunch] = await meetingsOf(p.mei.id);

    const later = await importCalendarFile(w.deps, w.alice, { content: LATER });
    expect(later.result).toMatchObject({ logged: 0, updated: 1, removed: 1 });
    expect(later.calendar.counts.meetings).toBe(11);
    const moved = await meetingsOf(p.mei.id);
    expect(moved).toEqual([
      expect.objectContaining({
        id: lunch!.id,
        summary: "Lunch with Mei (moved to Friday)",
        occurredAt: "2026-11-06T12:00:00.000Z",
      }),
    ]);
    expect(await meetingsOf(p.omar.id)).toEqual([]);
    expect((await getContact(w.deps, w.alice, p.omar.id)).lastTouchAt).toBeNull();

    // A week later the 1:1 of Nov 26 has happened: it is logged, the rest stays as it was.
    w.clock.set("2026-11-27T12:00:00.000Z");
    const week = await importCalendarFile(w.deps, w.alice, { content: LATER });
    expect(week.result).toMatchObject({ logged: 1, updated: 0, removed: 0, upcoming: 2 });
    expect(await meetingsOf(p.rosa.id)).toHaveLength(8);
  });

  it("leaves a meeting deleted by hand deleted, and refuses viewers and files that are not iCalendar", async () => {
    const p = await people(w.deps, w.alice);
    await importCalendarFile(w.deps, w.alice, { content: FIRST });
    const [coffee] = await meetingsOf(p.zoe.id);
    await deleteInteraction(w.deps, w.alice, coffee!.id);
    const again = await importCalendarFile(w.deps, w.alice, { content: FIRST });
    expect(again.result.logged).toBe(0);
    expect(await meetingsOf(p.zoe.id)).toEqual([]);

    expect(await codeOf(importCalendarFile(w.deps, viewer(), { content: FIRST }))).toBe("forbidden");
    const error = await importCalendarFile(w.deps, w.alice, { content: "BEGIN:VCARD\nEND:VCARD" }).catch((e) => e);
    expect(error.issues).toEqual([expect.objectContaining({ path: "content" })]);
  });

  it("subscribes, syncs through the job once, follows the feed, and says why it failed in words", async () => {
    const p = await people(w.deps, w.alice);
    const { fetcher, state } = feed({ ok: true, text: FIRST });
    const deps = { ...w.deps, calendarFetcher: fetcher, sealer: testSealer() };

    const refused = await subscribeCalendar(deps, w.alice, { url: "http://127.0.0.1/x.ics" }).catch((e) => e);
    expect(refused.issues).toEqual([expect.objectContaining({ path: "url" })]);
    const calendar = await subscribeCalendar(deps, w.alice, { url: "webcal://calendar.example/ada.ics", name: "Work" });
    expect(calendar).toMatchObject({ kind: "subscription", url: FEED, state: "waiting", nextRunAt: NOW });

    expect(await runCalendarSyncTick(deps, { owner: "worker-1" })).toBe(1);
    expect(await runCalendarSyncTick(deps, { owner: "worker-2" })).toBe(0);
    expect(state.fetched).toBe(1);
    expect(await getCalendar(w.deps, w.alice, calendar.id)).toMatchObject({
      state: "ok",
      counts: { meetings: 12, upcoming: 2 },
      nextRunAt: "2026-11-20T13:00:00.000Z",
    });

    // The feed no longer has the kickoff at all, and the call is cancelled: both go.
    state.answer = { ok: true, text: LATER.replace(/BEGIN:VEVENT\r\nUID:kickoff[\s\S]*?END:VEVENT\r\n/, "") };
    await requestCalendarSync(w.deps, w.alice, calendar.id);
    const [run] = await syncAccountCalendars(deps, w.alice);
    expect(run!.result).toMatchObject({ logged: 0, updated: 1, removed: 2 });
    expect(await meetingsOf(p.jose.id)).toEqual([]);
    expect(await meetingsOf(p.omar.id)).toEqual([]);

    state.answer = { ok: false, retryable: true, reason: "the server did not answer within 8 s" };
    await requestCalendarSync(w.deps, w.alice, calendar.id);
    await runCalendarSyncTick(deps, { owner: "worker-1" });
    expect(await getCalendar(w.deps, w.alice, calendar.id)).toMatchObject({
      state: "failing",
      error: "The calendar could not be fetched: the server did not answer within 8 s",
      nextRunAt: "2026-11-20T12:05:00.000Z",
      counts: { meetings: 10 },
    });
    w.clock.set("2026-11-20T12:05:00.000Z");
    await runCalendarSyncTick(deps, { owner: "worker-1" });
    expect((await getCalendar(w.deps, w.alice, calendar.id)).nextRunAt).toBe("2026-11-20T12:25:00.000Z");

    state.answer = { ok: true, text: "<html>Sign in</html>" };
    await requestCalendarSync(w.deps, w.alice, calendar.id);
    await runCalendarSyncTick(deps, { owner: "worker-1" });
    expect(await getCalendar(w.deps, w.alice, calendar.id)).toMatchObject({
      state: "failed",
      nextRunAt: null,
      error: "The address answered with something that is not an iCalendar (.ics) feed",
    });
    expect(await meetingsOf(p.rosa.id)).toHaveLength(7); // a failed run removes nothing
  });

  it('"Sync now" pressed while the subscription is being fetched syncs it again right after, not in an hour', async () => {
    const p = await people(w.deps, w.alice);
    const { fetcher, state } = feed({ ok: true, text: FIRST });
    const deps = { ...w.deps, calendarFetcher: fetcher, sealer: testSealer() };
    const calendar = await subscribeCalendar(deps, w.alice, { url: FEED });
    const during: CalendarFetcher = {
      ...fetcher,
      fetchCalendar: async (url) => {
        const answer = await fetcher.fetchCalendar(url);
        if (state.fetched === 1) {
          // The member moves a meeting in their calendar and presses "Sync now" while this fetch is under way.
          state.answer = { ok: true, text: LATER };
          w.clock.set("2026-11-20T12:00:30.000Z");
          await requestCalendarSync(w.deps, w.alice, calendar.id);
        }
        return answer;
      },
    };
    expect(await runCalendarSyncTick({ ...deps, calendarFetcher: during }, { owner: "worker", maxCalendars: 1 })).toBe(
      1,
    );
    expect(await getCalendar(w.deps, w.alice, calendar.id)).toMatchObject({
      state: "ok",
      nextRunAt: "2026-11-20T12:00:30.000Z",
    });
    expect(await meetingsOf(p.omar.id)).toHaveLength(1); // the fetch under way read the feed as it was
    w.clock.set("2026-11-20T12:01:00.000Z");
    expect(await runCalendarSyncTick({ ...deps, calendarFetcher: during }, { owner: "worker", maxCalendars: 1 })).toBe(
      1,
    );
    expect(state.fetched).toBe(2);
    expect((await meetingsOf(p.omar.id)).map((m) => m.summary)).toEqual([]); // LATER cancels Omar's call
    // Nothing asked during the second run: the next one is the hourly refresh.
    expect((await getCalendar(w.deps, w.alice, calendar.id)).nextRunAt).toBe("2026-11-20T13:01:00.000Z");
    expect(await runCalendarSyncTick({ ...deps, calendarFetcher: during }, { owner: "worker", maxCalendars: 1 })).toBe(
      0,
    );
  });

  it("keeps the older meetings of a long series a subscription no longer reads, and removes what it dropped", async () => {
    const p = await people(w.deps, w.alice);
    const { fetcher } = feed({ ok: true, text: FIRST });
    const subscribed = await subscribeCalendar({ ...w.deps, calendarFetcher: fetcher, sealer: testSealer() }, w.alice, {
      url: FEED,
    });
    const daily = (day: number): Occurrence => {
      const at = `2026-11-${String(day).padStart(2, "0")}T09:00:00.000Z`;
      return {
        uid: "daily",
        recurrenceId: at,
        startAt: at,
        summary: "Stand-up",
        emails: ["rosa@example.com"],
        people: [{ address: "rosa@example.com", name: "Rosa" }],
        cancelled: false,
        future: false,
      };
    };
    const run = async (days: number[], readFrom: Record<string, string>) => {
      const claimed = await w.deps.store.calendars.claim(
        w.alice.accountId,
        subscribed.id,
        "test",
        "2099-01-01T00:00:00.000Z",
        NOW,
      );
      const reading = { events: 1, occurrences: days.map(daily), readFrom, steps: days.length };
      const result = await applyCalendar(
        w.deps,
        { accountId: w.alice.accountId, calendar: claimed!, owner: "test", userId: w.alice.userId },
        reading,
        { complete: true },
      );
      await w.deps.store.calendars.finish(w.alice.accountId, subscribed.id, "test", {
        nowAt: NOW,
        events: 1,
        upcoming: 0,
        nextRunAt: null,
      });
      return result;
    };
    expect(await run([1, 2, 3], {})).toMatchObject({ logged: 3, removed: 0 });
    // The series grew: only days 2-4 are read now (day 1 is older than what was read), and day 3 is gone.
    expect(await run([2, 4], { daily: daily(2).recurrenceId })).toMatchObject({ logged: 1, removed: 1 });
    expect((await meetingsOf(p.rosa.id)).map((m) => m.occurredAt.slice(8, 10)).sort()).toEqual(["01", "02", "04"]);
  });

  it("removes a calendar keeping its meetings, or with them; another account's calendar is not found", async () => {
    const p = await people(w.deps, w.alice);
    const { calendar } = await importCalendarFile(w.deps, w.alice, { content: FIRST });
    expect(await codeOf(getCalendar(w.deps, w.bob, calendar.id))).toBe("not_found");
    expect(await codeOf(removeCalendar(w.deps, w.bob, calendar.id, {}))).toBe("not_found");
    expect(await codeOf(requestCalendarSync(w.deps, w.alice, calendar.id))).toBe("conflict");

    await removeCalendar(w.deps, w.alice, calendar.id, { keep: "true" });
    expect(await listCalendars(w.deps, w.alice)).toEqual([]);
    expect(await meetingsOf(p.rosa.id)).toHaveLength(7);

    // Imported again into a new file calendar: its ledger is new, so the meetings come in again (kept above) …
    const second = await importCalendarFile(w.deps, w.alice, { content: FIRST });
    expect(second.result.logged).toBe(12);
    // … and removing it with its meetings takes those out, leaving the first ones.
    await removeCalendar(w.deps, w.alice, second.calendar.id, { keep: "false" });
    expect(await meetingsOf(p.rosa.id)).toHaveLength(7);
    expect((await getContact(w.deps, w.alice, p.rosa.id)).lastTouchAt).toBe("2026-11-19T15:00:00.000Z");
  });

  it("keeps a subscription's address sealed at rest, shows it masked, seals addresses stored before, and says when the key changed", async () => {
    await people(w.deps, w.alice);
    const { fetcher, state } = feed({ ok: true, text: FIRST });
    const sealer = testSealer();
    const deps = { ...w.deps, calendarFetcher: fetcher, sealer };
    const secret = "https://calendar.example/calendar/ical/ada%40example.com/private-6f1c9e2a7b3d4e5f/basic.ics?t=Zx9";
    const calendar = await subscribeCalendar(deps, w.alice, { url: secret });
    expect(calendar.url).toBe("https://calendar.example/…/basic.ics?…");
    const stored = await w.db.db.selectFrom("calendar_source").selectAll().where("id", "=", calendar.id).execute();
    expect(JSON.stringify(stored)).not.toContain("private-6f1c9e2a7b3d4e5f");
    expect(stored[0]).toMatchObject({ url: null, masked_url: calendar.url });
    expect(JSON.stringify(await listCalendars(w.deps, w.alice))).not.toContain("private-");
    await runCalendarSyncTick(deps, { owner: "worker" });
    expect(state.urls).toEqual([secret]);

    // A row from before 0033 (its address in clear) is sealed when the runtime opens the store.
    await w.db.db
      .updateTable("calendar_source")
      .set({ url: secret, sealed_url: null, masked_url: null })
      .where("id", "=", calendar.id)
      .execute();
    expect(await sealStoredCalendarAddresses({ store: w.deps.store, sealer })).toBe(1);
    expect(await sealStoredCalendarAddresses({ store: w.deps.store, sealer })).toBe(0);
    expect(await getCalendar(w.deps, w.alice, calendar.id)).toMatchObject({
      url: "https://calendar.example/…/basic.ics?…",
    });
    await requestCalendarSync(w.deps, w.alice, calendar.id);
    await runCalendarSyncTick(deps, { owner: "worker" });
    expect(state.urls).toEqual([secret, secret]);

    // Another server key: the address cannot be opened, and the calendar says what to do.
    await requestCalendarSync(w.deps, w.alice, calendar.id);
    await runCalendarSyncTick({ ...deps, sealer: testSealer() }, { owner: "worker" });
    expect(await getCalendar(w.deps, w.alice, calendar.id)).toMatchObject({
      state: "failed",
      error: ADDRESS_KEY_CHANGED,
    });
    expect(state.urls).toHaveLength(2);
  });

  it("masks an address down to its scheme, host and a plain calendar file name", () => {
    expect(maskCalendarUrl("https://calendar.example/ada.ics")).toBe("https://calendar.example/ada.ics");
    expect(maskCalendarUrl("https://cal.example:8443/u/ada/feed/0f3a9c1d2e4b5a6c7d8e.ics")).toBe(
      "https://cal.example:8443/…",
    );
    expect(maskCalendarUrl("https://p.example/export?token=abc")).toBe("https://p.example/…?…");
    expect(maskCalendarUrl("https://p.example/")).toBe("https://p.example/");
    expect(maskCalendarUrl("https://p.example/tok3n/Kalender%20Büro.ics")).toBe("https://p.example/…");
    expect(maskCalendarUrl("not a url")).toBe("…");
  });
});
