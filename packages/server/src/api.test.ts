import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { addMember, signUp, TEST_ORIGIN, useTestServer } from "./testing/test-server.ts";

describe.each(DIALECTS)("HTTP API on %s", (dialect) => {
  const s = useTestServer(dialect);

  it("signs up, adds a contact, logs an interaction, sees the last touch, searches", async () => {
    const { call } = await signUp(s, "Ada", "ada@example.com");
    const me = await call("GET", "/api/auth/me");
    expect(me.json()).toMatchObject({ user: { email: "ada@example.com" }, role: "owner" });

    const created = await call("POST", "/api/contacts", {
      firstName: "Rosa",
      lastName: "Diaz",
      emails: [{ address: "rosa@studio.example" }],
      tags: ["design"],
    });
    expect(created.statusCode).toBe(201);
    const rosa = created.json() as { id: string; lastTouchAt: string | null };
    expect(rosa.lastTouchAt).toBeNull();

    const logged = await call("POST", "/api/interactions", {
      contactIds: [rosa.id],
      kind: "email",
      direction: "outbound",
      occurredAt: "2026-11-01T10:00:00Z",
      summary: "Sent the portfolio link",
    });
    expect(logged.statusCode).toBe(201);
    expect((await call("GET", `/api/contacts/${rosa.id}`)).json()).toMatchObject({
      lastTouchAt: "2026-11-01T10:00:00.000Z",
      touchCount: 1,
    });

    const found = (await call("GET", "/api/contacts?q=stud")).json() as { items: { id: string }[] };
    expect(found.items.map((c) => c.id)).toEqual([rosa.id]);
    const timeline = (await call("GET", `/api/interactions?contactId=${rosa.id}`)).json() as { items: unknown[] };
    expect(timeline.items).toHaveLength(1);
  });

  it("pages every list with a cursor", async () => {
    const { call } = await signUp(s, "Ada", "ada@example.com");
    for (const name of ["one", "two", "three"]) await call("POST", "/api/tokens", { name });
    const tokens = (await call("GET", "/api/tokens?limit=2")).json() as {
      items: { name: string }[];
      nextCursor: string;
    };
    expect(tokens.items.map((t) => t.name)).toEqual(["one", "two"]);
    const rest = (await call("GET", `/api/tokens?limit=2&cursor=${tokens.nextCursor}`)).json() as {
      items: { name: string }[];
      nextCursor: string | null;
    };
    expect(rest).toEqual({ items: [expect.objectContaining({ name: "three" })], nextCursor: null });
    const members = (await call("GET", "/api/account/members?limit=1")).json() as {
      items: unknown[];
      nextCursor: null;
    };
    expect(members.items).toHaveLength(1);
    expect(members.nextCursor).toBeNull();
    for (const firstName of ["Cy", "Al", "Bo"]) await call("POST", "/api/contacts", { firstName });
    const first = (await call("GET", "/api/contacts?limit=2")).json() as {
      items: { firstName: string }[];
      nextCursor: string;
    };
    expect(first.items.map((c) => c.firstName)).toEqual(["Al", "Bo"]);
    const second = (await call("GET", `/api/contacts?limit=2&cursor=${first.nextCursor}`)).json() as {
      items: { firstName: string }[];
      nextCursor: string | null;
    };
    expect(second.items.map((c) => c.firstName)).toEqual(["Cy"]);
    expect(second.nextCursor).toBeNull();
  });

  it("answers bad input with problem+json naming the field, and stores nothing", async () => {
    const { call } = await signUp(s, "Ada", "ada@example.com");
    const cases: [unknown, string][] = [
      [{ firstName: "A", emails: [{ address: "nope" }] }, "emails.0.address"],
      [{ firstName: "A", shoeSize: 44 }, "shoeSize"],
      [{ firstName: 42 }, "firstName"],
      [{ firstName: "x".repeat(101) }, "firstName"],
      [{ firstName: " ", lastName: "" }, "firstName"],
      [{ firstName: "A", birthday: { month: 2, day: 30 } }, "birthday.day"],
    ];
    for (const [payload, path] of cases) {
      const res = await call("POST", "/api/contacts", payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().errors[0].path).toBe(path);
    }
    const broken = await call("POST", "/api/contacts", '{"firstName": "A"', { "content-type": "application/json" });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().detail).toContain("not valid JSON");
    const badQuery = await call("GET", "/api/contacts?limit=9999");
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().errors[0].path).toBe("querystring.limit");
    expect(((await call("GET", "/api/contacts")).json() as { items: unknown[] }).items).toEqual([]);
  });

  it("requires a session or a token, and same-origin JSON for cookie writes", async () => {
    expect((await s.app.inject({ method: "GET", url: "/api/contacts" })).statusCode).toBe(401);
    const { call, cookie } = await signUp(s, "Ada", "ada@example.com");
    const foreign = await s.app.inject({
      method: "POST",
      url: "/api/contacts",
      headers: { cookie, origin: "https://evil.example" },
      payload: { firstName: "X" },
    });
    expect(foreign.statusCode).toBe(403);
    const form = await s.app.inject({
      method: "POST",
      url: "/api/contacts",
      headers: { cookie, origin: TEST_ORIGIN, "content-type": "application/x-www-form-urlencoded" },
      payload: "firstName=X",
    });
    expect(form.statusCode).toBe(415);

    const token = (await call("POST", "/api/tokens", { name: "cli" })).json() as { token: string; id: string };
    const viaToken = await s.app.inject({
      method: "POST",
      url: "/api/contacts",
      headers: { authorization: `Bearer ${token.token}` },
      payload: { firstName: "From CLI" },
    });
    expect(viaToken.statusCode).toBe(201);
    await call("DELETE", `/api/tokens/${token.id}`);
    const revoked = await s.app.inject({
      method: "GET",
      url: "/api/contacts",
      headers: { authorization: `Bearer ${token.token}` },
    });
    expect(revoked.statusCode).toBe(401);
  });

  it("enforces roles: a viewer added by the owner reads but cannot write", async () => {
    const owner = await signUp(s, "Ada", "ada@example.com");
    const coach = await signUp(s, "Coach", "coach@example.com");
    const account = (await owner.call("GET", "/api/account")).json() as { id: string };
    const contact = (await owner.call("POST", "/api/contacts", { firstName: "Rosa" })).json() as { id: string };
    await addMember(owner.call, coach.call, "coach@example.com", "viewer");
    const asViewer = { "x-kith-account": account.id };
    expect((await coach.call("GET", `/api/contacts/${contact.id}`, undefined, asViewer)).statusCode).toBe(200);
    const write = await coach.call("POST", "/api/contacts", { firstName: "No" }, asViewer);
    expect(write.statusCode).toBe(403);
    expect(write.json().detail).toContain("editor");
    // The coach's own account is still theirs.
    expect((await coach.call("POST", "/api/contacts", { firstName: "Mine" })).statusCode).toBe(201);
  });

  it("throttles failed sign-ins per account and address: free attempts, then a wait", async () => {
    await signUp(s, "Ada", "ada@example.com");
    const attempt = (password: string) =>
      s.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers: { origin: TEST_ORIGIN },
        payload: { email: "ada@example.com", password },
      });
    for (let i = 0; i < 5; i += 1) expect((await attempt("wrong password!")).statusCode).toBe(401);
    const blocked = await attempt("correct horse battery");
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBe(1);
    s.clock.set("2026-11-02T14:00:01.000Z");
    expect((await attempt("correct horse battery")).statusCode).toBe(200);
  });

  it("serves the today list and its actions: nudge, done, undo, move-on, settings", async () => {
    const { call } = await signUp(s, "Ada", "ada@example.com");
    expect((await call("PATCH", "/api/account", { timeZone: "Europe/Berlin", country: "DE" })).statusCode).toBe(200);
    const rosa = (await call("POST", "/api/contacts", { firstName: "Rosa", circle: "close" })).json() as { id: string };
    await call("POST", "/api/interactions", {
      contactIds: [rosa.id],
      kind: "email",
      direction: "outbound",
      occurredAt: "2026-11-02T10:00:00Z",
    });
    expect(((await call("GET", "/api/today")).json() as { items: unknown[] }).items).toEqual([]);

    s.clock.set("2026-11-05T08:00:00.000Z");
    const today = (await call("GET", "/api/today")).json() as {
      todayOn: string;
      items: { contactId: string; sentence: string }[];
    };
    expect(today.todayOn).toBe("2026-11-05");
    expect(today.items).toHaveLength(1);
    expect(today.items[0]?.sentence).toBe("You wrote to Rosa 3 days ago and haven't heard back — nudge 1 of 3");
    // The contact page tells the same story.
    const due = (await call("GET", `/api/contacts/${rosa.id}/due`)).json() as { item: { sentence: string } | null };
    expect(due.item?.sentence).toBe(today.items[0]?.sentence);

    const done = await call("POST", `/api/today/${rosa.id}/done`, { kind: "email" });
    expect(done.statusCode).toBe(200);
    const undo = (done.json() as { undo: unknown }).undo;
    expect(((await call("GET", "/api/today")).json() as { items: unknown[] }).items).toEqual([]);
    expect((await call("POST", "/api/today/undo", undo)).statusCode).toBe(204);
    expect(((await call("GET", "/api/today")).json() as { items: unknown[] }).items).toHaveLength(1);

    const moved = (await call("POST", `/api/contacts/${rosa.id}/move-on`)).json() as { circle: string };
    expect(moved.circle).toBe("occasions-only");
    expect((await call("POST", `/api/contacts/${rosa.id}/move-on`)).statusCode).toBe(409);

    const bad = await call("PATCH", "/api/settings", { dailyCap: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("dailyCap");
    const settings = (await call("PATCH", "/api/settings", { dailyCap: 8, weeklyGoal: 2 })).json();
    expect(settings).toMatchObject({ dailyCap: 8, weeklyGoal: 2, timeZone: "Europe/Berlin", country: "DE" });
  });
});
