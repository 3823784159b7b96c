import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { signUp, useTestServer } from "../testing/test-server.ts";

/**
 * Input the engine cannot work with is the caller's mistake: a 400 naming the field, never a 500 from deep inside
 * a rule. Dates and instants stay within the sane years (1900–2200) everywhere; a circle must be the account's.
 */
describe.each(DIALECTS)("input the engine cannot use is a 400 naming the field on %s", (dialect) => {
  const s = useTestServer(dialect);

  it("refuses unknown circles, far-future or far-past dates, and keeps nothing of them", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const rosa = (await alice.call("POST", "/api/contacts", { firstName: "Rosa" })).json();
    const cases: [string, string, unknown, string][] = [
      ["POST", "/api/contacts", { firstName: "X", circle: "nonesuch" }, "circle"],
      ["PATCH", `/api/contacts/${rosa.id}`, { circle: "nonesuch" }, "circle"],
      [
        "POST",
        "/api/interactions",
        { contactIds: [rosa.id], kind: "call", direction: "outbound", occurredAt: "9999-12-31T00:00:00Z" },
        "occurredAt",
      ],
      [
        "POST",
        "/api/interactions",
        { contactIds: [rosa.id], kind: "call", direction: "outbound", occurredAt: "0001-01-01T00:00:00Z" },
        "occurredAt",
      ],
      ["POST", "/api/follow-ups", { contactId: rosa.id, dueOn: "9999-12-31", title: "Far" }, "dueOn"],
      ["POST", "/api/follow-ups", { contactId: rosa.id, dueOn: "1899-12-31", title: "Far" }, "dueOn"],
      ["POST", "/api/contacts", { firstName: "Y", birthday: { month: 1, day: 1, year: 9999 } }, "birthday.year"],
    ];
    for (const [method, url, body, path] of cases) {
      const res = await alice.call(method as "POST", url, body);
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    // A cadence override of ten years after the latest allowed touch still computes.
    await alice.call("POST", "/api/interactions", {
      ...{ contactIds: [rosa.id], kind: "call", direction: "mutual", occurredAt: "2200-12-31T23:59:59Z" },
    });
    const long = await alice.call("PATCH", `/api/contacts/${rosa.id}`, {
      cadenceOverride: { idealDays: 3650, maxDays: 3650 },
    });
    expect(long.statusCode).toBe(200);
    const contacts = (await alice.call("GET", "/api/contacts")).json();
    expect(contacts.items.map((c: { firstName: string }) => c.firstName)).toEqual(["Rosa"]);
    expect((await alice.call("GET", `/api/contacts/${rosa.id}`)).json().circle).toBe("network");
    const followUps = (await alice.call("GET", "/api/follow-ups")).json();
    expect(followUps.items).toEqual([]);
  });

  it("refuses removing a circle that contacts are in, until they are moved", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const rosa = (await alice.call("POST", "/api/contacts", { firstName: "Rosa", circle: "close" })).json();
    const settings = (await alice.call("GET", "/api/settings")).json();
    const { close: _close, ...withoutClose } = settings.circles;
    const refused = await alice.call("PATCH", "/api/settings", { circles: withoutClose });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe("circles.close");
    expect(Object.keys((await alice.call("GET", "/api/settings")).json().circles)).toContain("close");
    expect((await alice.call("GET", `/api/contacts/${rosa.id}`)).statusCode).toBe(200);

    await alice.call("PATCH", `/api/contacts/${rosa.id}`, { circle: "inner" });
    const removed = await alice.call("PATCH", "/api/settings", { circles: withoutClose });
    expect(removed.statusCode).toBe(200);
    expect(Object.keys(removed.json().circles)).not.toContain("close");
  });
});
