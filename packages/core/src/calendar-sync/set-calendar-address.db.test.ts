import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import type { Actor } from "../accounts/roles.ts";
import { createContact } from "../contacts/contact-service.ts";
import { exportBackup } from "../exports/backup-service.ts";
import { RESTORED_SUBSCRIPTION } from "../exports/capture-backup.ts";
import { restoreBackup } from "../exports/restore-service.ts";
import { listInteractions } from "../interactions/interaction-service.ts";
import { codeOf, testSealer } from "../testing/fakes.ts";
import { readSample } from "../testing/samples.ts";
import type { CalendarFetcher } from "./calendar-sync-port.ts";
import {
  getCalendar,
  importCalendarFile,
  listCalendars,
  setCalendarAddress,
  subscribeCalendar,
} from "./calendar-sync-service.ts";
import { runCalendarSyncTick } from "./sync-subscription.ts";

const MEETINGS = readSample("calendar-meetings.ics");
/** The fixture is read on this day (its later meetings are still to come). */
const NOW = "2026-11-20T12:00:00.000Z";
const FEED = "https://calendar.example/t0ken-9f8e7d6c5b4a3928/team.ics";

/** The feed serves the fixture (the guarded fetcher is tested against a real server in runtime and server). */
function feed() {
  const urls: string[] = [];
  const fetcher: CalendarFetcher = {
    refusal: async (url) => (url.includes("127.0.0.1") ? "points to a private or loopback address" : null),
    fetchCalendar: async (url) => {
      urls.push(url);
      return { ok: true, text: MEETINGS };
    },
  };
  return { fetcher, urls };
}

describe.each(DIALECTS)("a subscription's address given again on %s", (dialect) => {
  const w = useTestWorld(dialect, { startAt: NOW });
  const meetingsOf = async (actor: Actor) =>
    (await listInteractions(w.deps, actor, {}, { limit: 200 })).items.filter((i) => i.source === "calendar");

  it("a restored subscription given its address again keeps its ledger: nothing is logged twice", async () => {
    const { fetcher, urls } = feed();
    const deps = { ...w.deps, calendarFetcher: fetcher, sealer: testSealer() };
    for (const [firstName, address] of [
      ["Rosa", "rosa@example.com"],
      ["José", "jose.nunez@example.com"],
      ["Zoë", "zoe@müller.example"],
    ]) {
      await createContact(w.deps, w.alice, { firstName, emails: [{ address }] });
    }
    const subscribed = await subscribeCalendar(deps, w.alice, { url: FEED, name: "Team" });
    expect(await runCalendarSyncTick(deps, { owner: "worker" })).toBe(1);
    const logged = (await getCalendar(w.deps, w.alice, subscribed.id)).counts.meetings;
    expect(logged).toBeGreaterThan(3);

    // Bob's fresh account restores Alice's backup: the subscription comes back without its address.
    const backup = await exportBackup(w.deps, w.alice);
    expect(JSON.stringify(backup)).not.toContain("t0ken");
    await restoreBackup(w.deps, w.bob, backup);
    const [restored] = await listCalendars(w.deps, w.bob);
    expect(restored).toMatchObject({ kind: "subscription", state: "failed", error: RESTORED_SUBSCRIPTION });
    expect(await meetingsOf(w.bob)).toHaveLength(logged);

    // A viewer may not; an address the fetcher refuses is a 400 naming `url`; the lease held by a run is a 409.
    const viewer: Actor = { ...w.bob, role: "viewer" };
    expect(await codeOf(setCalendarAddress(deps, viewer, restored!.id, { url: FEED }))).toBe("forbidden");
    const refused = await setCalendarAddress(deps, w.bob, restored!.id, { url: "http://127.0.0.1/x.ics" }).catch(
      (e) => e,
    );
    expect(refused.issues).toEqual([expect.objectContaining({ path: "url" })]);
    expect(await codeOf(setCalendarAddress(deps, w.alice, restored!.id, { url: FEED }))).toBe("not_found");
    const later = new Date(Date.parse(NOW) + 60_000).toISOString();
    await w.deps.store.calendars.claim(w.bob.accountId, restored!.id, "another-run", later, NOW);
    expect(await codeOf(setCalendarAddress(deps, w.bob, restored!.id, { url: FEED }))).toBe("conflict");
    await w.deps.store.calendars.fail(w.bob.accountId, restored!.id, "another-run", {
      nowAt: NOW,
      error: RESTORED_SUBSCRIPTION,
      state: "failed",
      nextRunAt: null,
    });

    // The address given again (webcal:// read as https://), on the same calendar: due now, the ledger kept.
    const given = await setCalendarAddress(deps, w.bob, restored!.id, { url: FEED.replace("https:", "webcal:") });
    expect(given).toMatchObject({
      id: restored!.id,
      state: "waiting",
      error: null,
      nextRunAt: NOW,
      url: "https://calendar.example/…/team.ics",
    });
    expect(await runCalendarSyncTick(deps, { owner: "worker" })).toBe(1);
    expect(urls).toEqual([FEED, FEED]);
    expect(await getCalendar(w.deps, w.bob, restored!.id)).toMatchObject({
      state: "ok",
      error: null,
      counts: { meetings: logged },
    });
    expect(await meetingsOf(w.bob)).toHaveLength(logged);
    expect(await listCalendars(w.deps, w.bob)).toHaveLength(1);
  });

  it("a calendar of imported files has no address to give (409)", async () => {
    const deps = { ...w.deps, calendarFetcher: feed().fetcher, sealer: testSealer() };
    const imported = await importCalendarFile(w.deps, w.alice, { content: MEETINGS });
    expect(await codeOf(setCalendarAddress(deps, w.alice, imported.calendar.id, { url: FEED }))).toBe("conflict");
    expect(await getCalendar(w.deps, w.alice, imported.calendar.id)).toMatchObject({ kind: "file", url: null });
  });
});
