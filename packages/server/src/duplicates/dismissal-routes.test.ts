import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { addMember, signUp, useTestServer } from "../testing/test-server.ts";

describe.each(DIALECTS)("'not the same person' routes on %s", (dialect) => {
  const s = useTestServer(dialect);

  async function aliceWithTwoAdas() {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const ada = (lastName: string) =>
      alice.call("POST", "/api/contacts", { firstName: "Ada", lastName, emails: [{ address: "ada@example.com" }] });
    const a = (await ada("Lovelace")).json() as { id: string };
    const b = (await ada("King")).json() as { id: string };
    const listed = async () => ((await alice.call("GET", "/api/duplicates")).json() as { items: unknown[] }).items;
    return { alice, a, b, listed };
  }

  it("dismisses a pair for good, through another contact, until it is undone", async () => {
    const { alice, a, b, listed } = await aliceWithTwoAdas();
    expect(await listed()).toMatchObject([{ contactId: b.id, duplicateOfId: a.id, by: "email" }]);
    const dismissed = await alice.call("POST", "/api/duplicates/dismissals", { contactIds: [b.id, a.id] });
    expect(dismissed.statusCode).toBe(204);
    expect(await listed()).toEqual([]);
    await alice.call("POST", "/api/contacts", { firstName: "Grace", lastName: "Hopper" });
    expect(await listed()).toEqual([]);
    const undone = await alice.call("POST", "/api/duplicates/dismissals/undo", { contactIds: [a.id, b.id] });
    expect(undone.statusCode).toBe(204);
    expect(await listed()).toMatchObject([{ contactId: b.id, duplicateOfId: a.id }]);
  });

  it("answers 404 for another account's contact, 403 to a viewer, 400 naming contactIds for one contact twice", async () => {
    const { alice, a, b, listed } = await aliceWithTwoAdas();
    const bob = await signUp(s, "Bob", "bob@example.com");
    const theirs = (await bob.call("POST", "/api/contacts", { firstName: "Ada" })).json() as { id: string };
    const missing = await alice.call("POST", "/api/duplicates/dismissals", { contactIds: [a.id, theirs.id] });
    expect(missing.statusCode).toBe(404);
    const nowhere = await alice.call("POST", "/api/duplicates/dismissals", { contactIds: [a.id, "no-such-contact"] });
    expect(missing.json().detail).toBe(nowhere.json().detail.replace("no-such-contact", theirs.id));

    const twice = await alice.call("POST", "/api/duplicates/dismissals", { contactIds: [a.id, a.id] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors).toMatchObject([{ path: "contactIds" }]);

    const coach = await signUp(s, "Coach", "coach@example.com");
    const account = (await alice.call("GET", "/api/account")).json() as { id: string };
    await addMember(alice.call, coach.call, "coach@example.com", "viewer");
    const asViewer = { "x-kith-account": account.id };
    const body = { contactIds: [a.id, b.id] };
    expect((await coach.call("POST", "/api/duplicates/dismissals", body, asViewer)).statusCode).toBe(403);
    expect((await coach.call("POST", "/api/duplicates/dismissals/undo", body, asViewer)).statusCode).toBe(403);
    expect(await listed()).toHaveLength(1);
  });
});
