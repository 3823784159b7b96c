import type { ContactPhoto } from "@kith/core";
import { createContact } from "@kith/core";
import { describe, expect, it } from "vitest";
import { DIALECTS, useTestWorld } from "../testing/index.ts";

const photo = (byte: number, updatedAt = "2026-11-02T09:00:00.000Z"): ContactPhoto => ({
  contentType: "image/png",
  bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, byte]),
  updatedAt,
});

describe.each(DIALECTS)("contact photos on %s", (dialect) => {
  const w = useTestWorld(dialect);

  it("keeps one photo per contact, replaced in place, scoped by account, marked on the contact", async () => {
    const repo = w.deps.store.photos;
    const ana = await createContact(w.deps, w.alice, { firstName: "Ana" });
    const leo = await createContact(w.deps, w.alice, { firstName: "Leo" });
    expect(await repo.put(w.alice.accountId, ana.id, photo(1))).toBe(true);
    expect(await repo.put(w.alice.accountId, ana.id, photo(2, "2026-11-03T09:00:00.000Z"))).toBe(true);
    expect(await repo.find(w.alice.accountId, ana.id)).toEqual(photo(2, "2026-11-03T09:00:00.000Z"));
    expect((await w.deps.store.contacts.findById(w.alice.accountId, ana.id))?.photoUpdatedAt).toBe(
      "2026-11-03T09:00:00.000Z",
    );

    // Another account can neither read, write nor remove it.
    expect(await repo.find(w.bob.accountId, ana.id)).toBeNull();
    expect(await repo.put(w.bob.accountId, ana.id, photo(3))).toBe(false);
    expect(await repo.remove(w.bob.accountId, ana.id)).toBe(false);
    expect((await repo.findMany(w.bob.accountId, [ana.id, leo.id])).size).toBe(0);
    expect(await repo.find(w.alice.accountId, ana.id)).toEqual(photo(2, "2026-11-03T09:00:00.000Z"));

    const many = await repo.findMany(w.alice.accountId, [ana.id, leo.id]);
    expect([...many.keys()]).toEqual([ana.id]);
    expect(await repo.remove(w.alice.accountId, ana.id)).toBe(true);
    expect(await repo.find(w.alice.accountId, ana.id)).toBeNull();
    expect((await w.deps.store.contacts.findById(w.alice.accountId, ana.id))?.photoUpdatedAt).toBeNull();
  });

  it("goes with its contact, and a contact update never clears the mark", async () => {
    const ana = await createContact(w.deps, w.alice, { firstName: "Ana" });
    await w.deps.store.photos.put(w.alice.accountId, ana.id, photo(1));
    // A contact read before the photo was set, written back: the photo's mark stays.
    await w.deps.store.contacts.update(w.alice.accountId, { ...ana, title: "CTO" });
    expect((await w.deps.store.contacts.findById(w.alice.accountId, ana.id))?.photoUpdatedAt).not.toBeNull();
    await w.deps.store.contacts.hardDelete(w.alice.accountId, ana.id);
    expect(await w.deps.store.photos.find(w.alice.accountId, ana.id)).toBeNull();
  });
});
