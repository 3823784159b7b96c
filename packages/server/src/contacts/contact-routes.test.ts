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
