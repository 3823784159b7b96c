import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import {
  commitImport,
  createContact,
  deleteContact,
  dismissDuplicate,
  listDuplicates,
  mergeContacts,
  undoDismissDuplicate,
  undoMerge,
} from "../index.ts";

describe.each(DIALECTS)("'not the same person' on %s", (dialect) => {
  const w = useTestWorld(dialect);

  const ada = (lastName = "Lovelace") => ({ firstName: "Ada", lastName, emails: [{ address: "ada@example.com" }] });
  const pairs = async () =>
    (await listDuplicates(w.deps, w.alice)).map((d) => [d.contactId, d.duplicateOfId].sort().join("+"));
  const pairOf = (x: { id: string }, y: { id: string }) => [x.id, y.id].sort().join("+");

  it("keeps a dismissed pair off the list in either order, through later contacts and imports, until undone", async () => {
    const a = await createContact(w.deps, w.alice, ada());
    const b = await createContact(w.deps, w.alice, ada("L."));
    expect(await pairs()).toEqual([pairOf(a, b)]);
    await dismissDuplicate(w.deps, w.alice, { contactIds: [b.id, a.id] });
    await dismissDuplicate(w.deps, w.alice, { contactIds: [a.id, b.id] }); // again: nothing new
    expect(await pairs()).toEqual([]);
    expect(await w.deps.store.duplicates.dismissedPairs(w.alice.accountId)).toHaveLength(1);

    await createContact(w.deps, w.alice, { firstName: "Grace", lastName: "Hopper" });
    await commitImport(w.deps, w.alice, { content: "Name,Email\nAda L.,ada@example.com\n" });
    expect(await pairs()).toEqual([]);
    const c = await createContact(w.deps, w.alice, ada("King"));
    // The third Ada is someone the member said nothing about: she is listed against the first.
    expect(await pairs()).toEqual([pairOf(a, c)]);

    await undoDismissDuplicate(w.deps, w.alice, { contactIds: [a.id, b.id] });
    expect(await pairs()).toEqual([pairOf(a, b), pairOf(a, c)].sort());
  });

  it("matches a contact to someone else when the first match was dismissed", async () => {
    const a = await createContact(w.deps, w.alice, ada());
    const b = await createContact(w.deps, w.alice, { firstName: "Ada", phones: [{ number: "+15125550101" }] });
    const c = await createContact(w.deps, w.alice, { ...ada("B."), phones: [{ number: "+15125550101" }] });
    expect(await pairs()).toEqual([pairOf(a, c)]);
    await dismissDuplicate(w.deps, w.alice, { contactIds: [c.id, a.id] });
    expect(await pairs()).toEqual([pairOf(b, c)]);
  });

  it("still merges a dismissed pair, and keeps every dismissal through a merge undone", async () => {
    const a = await createContact(w.deps, w.alice, ada());
    const b = await createContact(w.deps, w.alice, ada("L."));
    const c = await createContact(w.deps, w.alice, ada("B."));
    await dismissDuplicate(w.deps, w.alice, { contactIds: [a.id, b.id] });
    await dismissDuplicate(w.deps, w.alice, { contactIds: [b.id, c.id] });
    expect(await pairs()).toEqual([pairOf(a, c)]);

    const merge = await mergeContacts(w.deps, w.alice, { keepId: a.id, mergeId: b.id });
    expect(await w.deps.store.duplicates.dismissedPairs(w.alice.accountId)).toEqual([]);
    await undoMerge(w.deps, w.alice, merge.mergeId);
    const back = await w.deps.store.duplicates.dismissedPairs(w.alice.accountId);
    expect(back.map(([x, y]) => `${x}+${y}`).sort()).toEqual([pairOf(a, b), pairOf(b, c)].sort());
    expect(await pairs()).toEqual([pairOf(a, c)]);
  });

  it("lets a dismissal go with a deleted contact", async () => {
    const a = await createContact(w.deps, w.alice, ada());
    const b = await createContact(w.deps, w.alice, ada("L."));
    await dismissDuplicate(w.deps, w.alice, { contactIds: [a.id, b.id] });
    await deleteContact(w.deps, w.alice, b.id);
    expect(await w.deps.store.duplicates.dismissedPairs(w.alice.accountId)).toEqual([]);
  });

  it("refuses the same contact twice, another account's contact and a viewer, writing nothing", async () => {
    const a = await createContact(w.deps, w.alice, ada());
    const theirs = await createContact(w.deps, w.bob, ada());
    await expect(dismissDuplicate(w.deps, w.alice, { contactIds: [a.id, a.id] })).rejects.toMatchObject({
      code: "validation",
      issues: [{ path: "contactIds" }],
    });
    await expect(dismissDuplicate(w.deps, w.alice, { contactIds: [a.id] })).rejects.toMatchObject({
      code: "validation",
    });
    await expect(dismissDuplicate(w.deps, w.alice, { contactIds: [a.id, theirs.id] })).rejects.toMatchObject({
      code: "not_found",
      message: `contact ${theirs.id} was not found`,
    });
    await expect(undoDismissDuplicate(w.deps, w.alice, { contactIds: [theirs.id, a.id] })).rejects.toMatchObject({
      code: "not_found",
    });
    const b = await createContact(w.deps, w.alice, ada("L."));
    const viewer = { ...w.alice, role: "viewer" as const };
    await expect(dismissDuplicate(w.deps, viewer, { contactIds: [a.id, b.id] })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await w.deps.store.duplicates.dismissedPairs(w.alice.accountId)).toEqual([]);
    expect(await w.deps.store.duplicates.dismissedPairs(w.bob.accountId)).toEqual([]);
  });
});
