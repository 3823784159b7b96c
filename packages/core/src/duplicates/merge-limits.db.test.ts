import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { createContact, exportBackup, getContact, mergeContacts, restoreBackup } from "../index.ts";

/** A merge stores only a contact the API would store, so the account's backup restores. */
describe.each(DIALECTS)("merge limits on %s", (dialect) => {
  const w = useTestWorld(dialect);
  const emails = (prefix: string) => Array.from({ length: 15 }, (_, i) => ({ address: `${prefix}${i}@example.com` }));

  it("refuses a merge whose union passes a contact's limits, naming the field, and changes nothing", async () => {
    const a = await createContact(w.deps, w.alice, { firstName: "Ana", emails: emails("a") });
    const b = await createContact(w.deps, w.alice, { firstName: "Ana", emails: emails("b") });
    await expect(mergeContacts(w.deps, w.alice, { keepId: a.id, mergeId: b.id })).rejects.toMatchObject({
      code: "validation",
      issues: [{ path: "emails", message: expect.stringMatching(/remove some from one of them first/) }],
    });
    expect((await getContact(w.deps, w.alice, a.id)).emails).toHaveLength(15);
    expect((await getContact(w.deps, w.alice, b.id)).emails).toHaveLength(15);
  });

  it("keeps a merge within the limits, and its backup restores", async () => {
    const a = await createContact(w.deps, w.alice, { firstName: "Ana", emails: emails("a").slice(0, 10) });
    const b = await createContact(w.deps, w.alice, { firstName: "Ana", emails: emails("b").slice(0, 10) });
    const merged = await mergeContacts(w.deps, w.alice, { keepId: a.id, mergeId: b.id });
    expect(merged.contact.emails).toHaveLength(20);
    const backup = await exportBackup(w.deps, w.alice);
    await expect(restoreBackup(w.deps, w.bob, backup)).resolves.toMatchObject({ contacts: 1 });
  });
});
