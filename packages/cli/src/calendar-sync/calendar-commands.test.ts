import { createContact } from "@kith/core";
import { samplePath } from "@kith/core/testing/samples";
import { useArticleServer } from "@kith/runtime/testing/article-server";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { useCliServer } from "../testing/cli-server.ts";
import { useCliWorld } from "../testing/test-world.ts";

const FIXTURE = samplePath("calendar-meetings.ics");

describe.each(DIALECTS)("kith calendar on %s (in-process)", (dialect) => {
  const { w, kith } = useCliWorld(dialect);

  it("imports the fixture twice and logs each meeting once, then lists and removes the calendar", async () => {
    w.clock.set("2026-11-20T12:00:00.000Z");
    await createContact(w.deps, w.alice, { firstName: "Rosa", emails: [{ address: "rosa@example.com" }] });
    const first = await kith("calendar", "import", FIXTURE);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      "7 meetings logged, 0 updated, 0 removed (9 events read)\n" +
        "6 past events have no attendee among your contacts\n" +
        "1 event is still to come: logged once they have happened\n",
    );
    expect((await kith("calendar", "import", FIXTURE)).stdout).toMatch(/^0 meetings logged, 0 updated, 0 removed/);
    const listed = (await kith("calendars")).stdout;
    expect(listed).toMatch(
      /^ID +NAME +STATE +LAST RUN +MEETINGS\nid-\d+ +Imported files +ok +2026-11-20T12:00:00\.000Z +7\n$/,
    );
    const id = /^(id-\d+)/m.exec(listed.split("\n")[1]!)![1]!;
    const removed = await kith("calendar", "remove", id, "--remove-meetings");
    expect(removed.code).toBe(0);
    expect((await kith("calendars")).stdout).toBe("no calendars: import one with kith calendar import FILE.ics\n");
  });

  it("refuses a file that is not iCalendar and a private address, naming the field", async () => {
    const bad = await kith("calendar", "import", samplePath("google-contacts.csv"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: content: This is not an iCalendar \(\.ics\) file/);
    const refused = await kith("calendar", "subscribe", "http://127.0.0.1:9/x.ics");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error: url: URL 127\.0\.0\.1 is not a public address/);
  });

  it("gives no address to a calendar of imported files, and checks a subscription's address as subscribing does", async () => {
    const imported = (await kith("calendar", "import", FIXTURE, "--json")).stdout;
    const id = JSON.parse(imported).calendar.id as string;
    const file = await kith("calendar", "address", id, "https://calendar.example/work.ics");
    expect(file.code).not.toBe(0);
    expect(file.stderr).toMatch(/A calendar of imported files has no address: import the file again to update it/);
    const refused = await kith("calendar", "address", id, "http://127.0.0.1:9/x.ics");
    expect(refused.code).not.toBe(0);
  });
});

describe("kith calendar over HTTP", () => {
  const site = useArticleServer();
  const { kith } = useCliServer("sqlite", { env: { KITH_TEST_ALLOW_LOOPBACK_FETCH: "1" } });

  it("subscribes through the API and follows the server's first sync", async () => {
    site.serve("/work.ics", {
      headers: { "content-type": "text/calendar; charset=utf-8" },
      body: await import("node:fs/promises").then((fs) => fs.readFile(FIXTURE, "utf8")),
    });
    await kith("contacts", "add", "--first", "Zoë", "--email", "zoe@müller.example");
    const subscribed = await kith("calendar", "subscribe", site.url("/work.ics"), "--name", "Work");
    expect(subscribed.code).toBe(0);
    expect(subscribed.stdout).toMatch(/^subscribed to Work \(/);
    expect(subscribed.stdout).toMatch(/^state +ok$/m);
    // The coffee in October; the dinner in February 2027 is still to come.
    expect(subscribed.stdout).toMatch(/^meetings +1$/m);
    expect((await kith("calendars", "--json")).stdout).toContain('"name": "Work"');
  });

  it("gives a failed subscription its address again: the same calendar is read, nothing logged twice", async () => {
    const ics = await import("node:fs/promises").then((fs) => fs.readFile(FIXTURE, "utf8"));
    site.serve("/gone.ics", { status: 404, body: "gone" });
    site.serve("/moved.ics", { headers: { "content-type": "text/calendar; charset=utf-8" }, body: ics });
    await kith("contacts", "add", "--first", "Rosa", "--email", "rosa@example.com");
    const subscribed = await kith("calendar", "subscribe", site.url("/gone.ics"), "--name", "Team", "--json");
    const { id, state } = JSON.parse(subscribed.stdout) as { id: string; state: string };
    expect(state).toBe("failed");

    const given = await kith("calendar", "address", id, site.url("/moved.ics"));
    expect(given.code).toBe(0);
    expect(given.stdout).toMatch(new RegExp(`^Team \\(${id}\\) read again from its address$`, "m"));
    expect(given.stdout).toMatch(/^state +ok$/m);
    const meetings = (out: string) => Number(/^meetings +(\d+)$/m.exec(out)?.[1]);
    expect(meetings(given.stdout)).toBeGreaterThanOrEqual(7); // Rosa's, and Zoë's from the test before
    const again = await kith("calendar", "address", id, site.url("/moved.ics"));
    expect(again.code).toBe(0);
    expect(meetings(again.stdout)).toBe(meetings(given.stdout));
    const listed = JSON.parse((await kith("calendars", "--json")).stdout) as { id: string }[];
    expect(listed.filter((c) => c.id === id)).toHaveLength(1);
  });
});
