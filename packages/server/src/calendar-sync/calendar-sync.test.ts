import { readSample } from "@kith/core/testing/samples";
import { useArticleServer } from "@kith/runtime/testing/article-server";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { openCalendarSyncJob } from "../jobs/calendar-sync-job.ts";
import { type Call, signUp, useTestServer } from "../testing/test-server.ts";

const FIRST = readSample("calendar-meetings.ics");
const LATER = readSample("calendar-meetings-later.ics");
const NOW = "2026-11-20T12:00:00.000Z";

async function contacts(call: Call) {
  const add = async (firstName: string, address: string) =>
    (await call("POST", "/api/contacts", { firstName, emails: [{ address }] })).json().id as string;
  return { rosa: await add("Rosa", "rosa@example.com"), mei: await add("Mei", "mei@acme.example") };
}

const meetings = async (call: Call, contactId: string) =>
  (await call("GET", `/api/interactions?contactId=${contactId}`))
    .json()
    .items.filter((i: { source: string }) => i.source === "calendar") as { id: string; summary: string }[];

describe.each(DIALECTS)("calendars over HTTP on %s", (dialect) => {
  const site = useArticleServer();
  // Test-only: the calendar fetcher may reach this test's own server on loopback.
  const s = useTestServer(dialect, { env: { KITH_TEST_ALLOW_LOOPBACK_FETCH: "1" } });
  const runJob = () => openCalendarSyncJob(s.config, s.deps).run(new AbortController().signal);

  it("imports a file once however often it is sent, updates a moved meeting, and refuses what is not iCalendar", async () => {
    s.clock.set(NOW);
    const alice = await signUp(s, "Alice", "alice@example.com");
    const p = await contacts(alice.call);

    const first = await alice.call("POST", "/api/calendars/import", { content: FIRST });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      calendar: { kind: "file", name: "Imported files", state: "ok", counts: { meetings: 8, upcoming: 1 } },
      result: { logged: 8, updated: 0, removed: 0 },
    });
    expect((await alice.call("POST", "/api/calendars/import", { content: FIRST })).json().result).toMatchObject({
      logged: 0,
      updated: 0,
    });
    expect(await meetings(alice.call, p.rosa)).toHaveLength(7);
    const later = (await alice.call("POST", "/api/calendars/import", { content: LATER })).json();
    expect(later.result).toMatchObject({ logged: 0, updated: 1 });
    expect((await meetings(alice.call, p.mei)).map((m) => m.summary)).toEqual(["Lunch with Mei (moved to Friday)"]);

    const bad = await alice.call("POST", "/api/calendars/import", { content: "Name,Email\nRosa,rosa@example.com\n" });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: "content" })]);
    const id = first.json().calendar.id;
    expect((await alice.call("POST", `/api/calendars/${id}/sync`)).statusCode).toBe(409);
    expect((await alice.call("GET", "/api/calendars")).json().items).toHaveLength(1);
  });

  it("subscribes to a feed the job fetches from a real server, syncs now, and removes it with its meetings", async () => {
    s.clock.set(NOW);
    site.serve("/ada.ics", { headers: { "content-type": "text/calendar; charset=utf-8" }, body: FIRST });
    const alice = await signUp(s, "Alice", "alice@example.com");
    const p = await contacts(alice.call);

    const created = await alice.call("POST", "/api/calendars", { url: site.url("/ada.ics"), name: "Work" });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ kind: "subscription", name: "Work", state: "waiting" });
    expect(await runJob()).toEqual({ synced: 1 });
    expect(await runJob()).toBeNull();
    expect((await alice.call("GET", `/api/calendars/${id}`)).json()).toMatchObject({
      state: "ok",
      error: null,
      lastRunAt: NOW,
      counts: { events: 9, meetings: 8, upcoming: 1 },
    });

    site.serve("/ada.ics", { status: 503, body: "busy" });
    const asked = await alice.call("POST", `/api/calendars/${id}/sync`);
    expect(asked.statusCode).toBe(202);
    expect(asked.json().state).toBe("waiting");
    await runJob();
    expect((await alice.call("GET", `/api/calendars/${id}`)).json()).toMatchObject({
      state: "failing",
      error: "The calendar could not be fetched: the address answered 503",
      counts: { meetings: 8 },
    });

    expect((await alice.call("DELETE", `/api/calendars/${id}?keep=false`)).statusCode).toBe(204);
    expect(await meetings(alice.call, p.rosa)).toEqual([]);
    expect((await alice.call("GET", `/api/calendars/${id}`)).statusCode).toBe(404);
  });

  it("a subscription restored from a backup, given its address again, reads the same feed and logs nothing twice", async () => {
    s.clock.set(NOW);
    site.serve("/team.ics", { headers: { "content-type": "text/calendar; charset=utf-8" }, body: FIRST });
    const alice = await signUp(s, "Alice", "alice@example.com");
    await contacts(alice.call);
    await alice.call("POST", "/api/calendars", { url: site.url("/team.ics"), name: "Team" });
    expect(await runJob()).toEqual({ synced: 1 });
    const backup = (await alice.call("GET", "/api/backup")).json();

    const bob = await signUp(s, "Bob", "bob@example.com");
    expect((await bob.call("POST", "/api/backup/restore", backup)).statusCode).toBe(200);
    const [restored] = (await bob.call("GET", "/api/calendars")).json().items;
    expect(restored).toMatchObject({ kind: "subscription", name: "Team", state: "failed", nextRunAt: null });
    const rosa = (await bob.call("GET", "/api/contacts?q=Rosa")).json().items[0].id as string;
    expect(await meetings(bob.call, rosa)).toHaveLength(7);

    const given = await bob.call("PUT", `/api/calendars/${restored.id}/address`, { url: site.url("/team.ics") });
    expect(given.statusCode).toBe(200);
    expect(given.json()).toMatchObject({ id: restored.id, state: "waiting", error: null, nextRunAt: NOW });
    expect(await runJob()).toEqual({ synced: 1 });
    expect((await bob.call("GET", `/api/calendars/${restored.id}`)).json()).toMatchObject({
      state: "ok",
      counts: { meetings: 8 },
    });
    expect(await meetings(bob.call, rosa)).toHaveLength(7);
    expect((await bob.call("GET", "/api/calendars")).json().items).toHaveLength(1);

    const refused = await bob.call("PUT", `/api/calendars/${restored.id}/address`, { url: "ftp://x.example/a.ics" });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: "url" })]);
    const file = (await bob.call("POST", "/api/calendars/import", { content: FIRST })).json().calendar.id;
    const noAddress = await bob.call("PUT", `/api/calendars/${file}/address`, { url: site.url("/team.ics") });
    expect(noAddress.statusCode).toBe(409);
    expect(noAddress.json().detail).toBe(
      "A calendar of imported files has no address: import the file again to update it",
    );
  });
});
