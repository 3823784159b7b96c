import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { signUp, useTestServer } from "../testing/test-server.ts";

describe.each(DIALECTS)("duplicate and merge routes on %s", (dialect) => {
  const s = useTestServer(dialect);

  it("lists a duplicate, merges it, and undoes the merge", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const a = (
      await alice.call("POST", "/api/contacts", { firstName: "Rosa", emails: [{ address: "r@example.com" }] })
    ).json();
    const b = (
      await alice.call("POST", "/api/contacts", { firstName: "R.", emails: [{ address: "R@example.com" }] })
    ).json();
    const dups = (await alice.call("GET", "/api/duplicates")).json();
    expect(dups.items).toMatchObject([{ contactId: b.id, duplicateOfId: a.id, by: "email" }]);
    const merged = await alice.call("POST", "/api/merges", { keepId: a.id, mergeId: b.id });
    expect(merged.statusCode).toBe(200);
    expect((await alice.call("GET", `/api/contacts/${b.id}`)).statusCode).toBe(404);
    const undone = await alice.call("POST", `/api/merges/${merged.json().mergeId}/undo`);
    expect(undone.json().items.map((c: { id: string }) => c.id)).toEqual([a.id, b.id]);
    expect((await alice.call("GET", `/api/contacts/${b.id}`)).json()).toMatchObject({ firstName: "R." });
  });

  it("lists a similar name at the same company as a possible duplicate", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const acme = (await alice.call("POST", "/api/companies", { name: "ACME" })).json();
    const acmeInc = (await alice.call("POST", "/api/companies", { name: "Acme Inc" })).json();
    const jonathan = (
      await alice.call("POST", "/api/contacts", { firstName: "Jonathan", lastName: "Smith", companyId: acme.id })
    ).json();
    const jon = (
      await alice.call("POST", "/api/contacts", { firstName: "Jon", lastName: "Smith", companyId: acmeInc.id })
    ).json();
    const dups = (await alice.call("GET", "/api/duplicates")).json();
    expect(dups.items).toEqual([
      {
        contactId: jon.id,
        displayName: "Jon Smith",
        duplicateOfId: jonathan.id,
        duplicateOfName: "Jonathan Smith",
        by: "similar-name",
      },
    ]);
  });
});
