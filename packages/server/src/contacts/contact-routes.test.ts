import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { signUp, useTestServer } from "../testing/test-server.ts";

describe.each(DIALECTS)("the contact list's count on %s", (dialect) => {
  const s = useTestServer(dialect);

  it("is exact on the first page, with the filters and the search applied", async () => {
    const { call } = await signUp(s, "Ada", "ada@example.com");
    for (const firstName of ["Rosa", "Rolf", "Ana", "Bea", "Cy"]) {
      expect((await call("POST", "/api/contacts", { firstName, circle: "close" })).statusCode).toBe(201);
    }
    type Page = { items: unknown[]; nextCursor: string | null; total: number | null };
    const first = (await call("GET", "/api/contacts?limit=2")).json() as Page;
    expect(first).toMatchObject({ total: 5 });
    expect(first.items).toHaveLength(2);
    const next = (await call("GET", `/api/contacts?limit=2&cursor=${first.nextCursor}`)).json() as Page;
    expect(next.total).toBeNull();
    expect(((await call("GET", "/api/contacts?q=ro&limit=1")).json() as Page).total).toBe(2);
    expect(((await call("GET", "/api/contacts?circle=inner")).json() as Page).total).toBe(0);
  });
});

describe.each(DIALECTS)("the contact list's items on %s", (dialect) => {
  const s = useTestServer(dialect);

  it("are summaries, listed and searched alike; the whole contact is its own route's", async () => {
    const { call } = await signUp(s, "Ada", "ada@example.com");
    const acme = (await call("POST", "/api/companies", { name: "Acme Studio" })).json() as { id: string };
    const created = await call("POST", "/api/contacts", {
      firstName: "Rosa",
      lastName: "Diaz",
      companyId: acme.id,
      title: "Engineer",
      emails: [{ address: "rosa@example.com" }, { address: "rosa@home.example" }],
      phones: [{ number: "+1 555 0100" }],
      tags: ["Climbing"],
      notes: "Met at the gym",
    });
    const rosa = created.json() as { id: string; notes: string };
    await call("POST", "/api/contacts", { firstName: "Bea" });
    const summary = {
      id: rosa.id,
      firstName: "Rosa",
      lastName: "Diaz",
      displayName: "Rosa Diaz",
      companyId: acme.id,
      companyName: "Acme Studio",
      title: "Engineer",
      tags: ["Climbing"],
      email: "rosa@example.com",
      photoUpdatedAt: null,
      circle: "network",
      lastTouchAt: null,
      touchCount: 0,
      exchangeCount: 0,
      nextDueOn: expect.any(String),
      archivedAt: null,
    };
    const listed = (await call("GET", "/api/contacts")).json() as { items: Record<string, unknown>[] };
    expect(listed.items.find((c) => c.id === rosa.id)).toStrictEqual(summary);
    expect(listed.items.find((c) => c.firstName === "Bea")).toMatchObject({ companyName: null, email: null });
    const searched = (await call("GET", "/api/contacts?q=acme")).json() as { items: unknown[] };
    expect(searched.items).toStrictEqual([summary]);
    expect((await call("GET", `/api/contacts/${rosa.id}`)).json()).toMatchObject({
      phones: [{ number: "+1 555 0100" }],
      notes: "Met at the gym",
    });
  });
});
