import { DIALECTS } from "@kith/store/testing";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { signUp, TEST_ORIGIN, useTestServer } from "../testing/test-server.ts";

interface ParsedEvent {
  uid: string;
  summary: string;
  startOn: string;
  allDay: boolean;
  rrule: string | null;
}

function parseFeed(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    const rrule = vevent.getFirstPropertyValue("rrule");
    return {
      uid: event.uid,
      summary: event.summary,
      startOn: event.startDate.toString(),
      allDay: event.startDate.isDate,
      rrule: rrule ? rrule.toString() : null,
    };
  });
}

function occurrences(text: string, summary: string, count: number): string[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getAllSubcomponents("vevent").find((v) => new ICAL.Event(v).summary === summary);
  if (!vevent) throw new Error(`no event ${summary}`);
  const iterator = new ICAL.Event(vevent).iterator();
  return Array.from({ length: count }, () => iterator.next()?.toString() ?? "");
}

describe.each(DIALECTS)("calendar feed on %s", (dialect) => {
  const s = useTestServer(dialect);

  it("serves follow-ups and yearly birthdays at a secret address that ical.js reads back", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const rosa = (
      await alice.call("POST", "/api/contacts", { firstName: "Rosa", birthday: { month: 2, day: 29 } })
    ).json();
    await alice.call("POST", "/api/follow-ups", {
      contactId: rosa.id,
      dueOn: "2026-11-20",
      title: 'Ask, "how\'s it going"; then listen',
    });
    const snoozed = (
      await alice.call("POST", "/api/follow-ups", {
        contactId: rosa.id,
        dueOn: "2026-11-05",
        title: "Send the article",
      })
    ).json();
    await alice.call("POST", `/api/follow-ups/${snoozed.id}/snooze`, { days: 10 });

    const { url } = (await alice.call("POST", "/api/calendar/feed")).json();
    expect(url).toMatch(new RegExp(`^${TEST_ORIGIN}/calendar/kcal_[^/]+\\.ics$`));
    const res = await s.app.inject({ method: "GET", url: url.slice(TEST_ORIGIN.length) });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const events = parseFeed(res.body).sort((a, b) => a.startOn.localeCompare(b.startOn));
    expect(events).toEqual([
      {
        uid: `birthday-${rosa.id}@kith.test`,
        summary: "Rosa's birthday",
        startOn: "2024-02-29",
        allDay: true,
        rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1",
      },
      {
        uid: `follow-up-${snoozed.id}@kith.test`,
        summary: "Follow up with Rosa: Send the article",
        startOn: "2026-11-12",
        allDay: true,
        rrule: null,
      },
      expect.objectContaining({
        summary: 'Follow up with Rosa: Ask, "how\'s it going"; then listen',
        startOn: "2026-11-20",
      }),
    ]);
    // A February 29 birthday comes back every year, on February's last day when there is no 29th.
    expect(occurrences(res.body, "Rosa's birthday", 3)).toEqual(["2024-02-29", "2025-02-28", "2026-02-28"]);
  });

  it("rotating the address stops the old one; revoking stops it too; another member's token sees only theirs", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const bob = await signUp(s, "Bob", "bob@example.com");
    await alice.call("POST", "/api/contacts", { firstName: "Secret", birthday: { month: 1, day: 2 } });
    const path = async (call: typeof alice.call) =>
      ((await call("POST", "/api/calendar/feed")).json().url as string).slice(TEST_ORIGIN.length);
    const first = await path(alice.call);
    const second = await path(alice.call);
    expect((await s.app.inject({ method: "GET", url: first })).statusCode).toBe(404);
    expect((await s.app.inject({ method: "GET", url: second })).statusCode).toBe(200);
    const bobs = await s.app.inject({ method: "GET", url: await path(bob.call) });
    expect(parseFeed(bobs.body)).toEqual([]);
    expect((await alice.call("DELETE", "/api/calendar/feed")).statusCode).toBe(204);
    expect((await s.app.inject({ method: "GET", url: second })).statusCode).toBe(404);
    expect((await s.app.inject({ method: "GET", url: "/calendar/kcal_guess" })).statusCode).toBe(400);
  });

  it("tells each member whether their own address is on and when it was made, never the address", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const bob = await signUp(s, "Bob", "bob@example.com");
    const status = async (call: typeof alice.call) => {
      const res = await call("GET", "/api/calendar/feed");
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    expect(await status(alice.call)).toEqual({ active: false, createdAt: null });

    const made = (await alice.call("POST", "/api/calendar/feed")).json().url as string;
    expect(await status(alice.call)).toEqual({ active: true, createdAt: "2026-11-02T14:00:00.000Z" });
    // Bob's status is his own: Alice's address does not turn his on.
    expect(await status(bob.call)).toEqual({ active: false, createdAt: null });

    s.clock.advanceDays(3);
    await alice.call("POST", "/api/calendar/feed");
    const rotated = await alice.call("GET", "/api/calendar/feed");
    expect(rotated.json()).toEqual({ active: true, createdAt: "2026-11-05T14:00:00.000Z" });
    const token = made.slice(made.lastIndexOf("/") + 1, -".ics".length);
    expect(rotated.body).not.toContain(token);
    expect(rotated.body).not.toContain("kcal_");

    expect((await alice.call("DELETE", "/api/calendar/feed")).statusCode).toBe(204);
    expect(await status(alice.call)).toEqual({ active: false, createdAt: null });
    expect((await s.app.inject({ method: "GET", url: "/api/calendar/feed" })).statusCode).toBe(401);
  });
});
