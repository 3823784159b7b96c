import { JPEG_BASE64, PNG_BASE64 } from "@kith/core/testing/photos";
import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { validateBackup } from "../exports/restore-validate.ts";
import {
  createContact,
  deleteContact,
  exportBackup,
  getContact,
  getContactPhoto,
  getToday,
  mergeContacts,
  removeContactPhoto,
  restoreBackup,
  setContactPhoto,
  undoMerge,
  updateContact,
} from "../index.ts";

const png = { contentType: "image/png", data: PNG_BASE64 };
const jpeg = { contentType: "image/jpeg", data: JPEG_BASE64 };
const bytesOf = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

describe.each(DIALECTS)("contact dates and photos on %s", (dialect) => {
  const w = useTestWorld(dialect);

  it("keeps anniversaries and custom dates, and refuses a date that does not exist naming it", async () => {
    const ana = await createContact(w.deps, w.alice, {
      firstName: "Ana",
      dates: [{ kind: "anniversary", month: 11, day: 9, year: 2016 }],
    });
    expect(ana.dates).toEqual([{ kind: "anniversary", month: 11, day: 9, year: 2016 }]);
    const changed = await updateContact(w.deps, w.alice, ana.id, {
      dates: [{ kind: "custom", label: "name day", month: 7, day: 26 }],
    });
    expect((await getContact(w.deps, w.alice, changed.id)).dates).toEqual([
      { kind: "custom", label: "name day", month: 7, day: 26 },
    ]);
    await expect(
      updateContact(w.deps, w.alice, ana.id, { dates: [{ kind: "custom", label: "x", month: 2, day: 30 }] }),
    ).rejects.toMatchObject({ code: "validation", issues: [{ path: "dates.0.day" }] });
    expect((await getContact(w.deps, w.alice, ana.id)).dates).toHaveLength(1);
  });

  it("puts an anniversary on Today as an occasion on its day, and a custom date under its label", async () => {
    const ana = await createContact(w.deps, w.alice, {
      firstName: "Ana",
      dates: [{ kind: "anniversary", month: 11, day: 9, year: 2016 }],
    });
    await createContact(w.deps, w.alice, {
      firstName: "Leo",
      dates: [{ kind: "custom", label: "name day", month: 11, day: 12 }],
    });
    expect((await getToday(w.deps, w.alice)).items).toEqual([]);
    w.clock.set("2026-11-09T09:00:00.000Z");
    const today = await getToday(w.deps, w.alice);
    const item = today.items.find((i) => i.contactId === ana.id);
    expect(item).toMatchObject({
      reasonKind: "occasion",
      sentence: "Ana's anniversary is today (10 years)",
      templateSlot: "anniversary",
    });
    expect(today.items.map((i) => i.sentence)).toContain("Leo's name day is on Thursday");
    w.clock.set("2026-11-10T09:00:00.000Z");
    expect((await getToday(w.deps, w.alice)).items.map((i) => i.contactId)).not.toContain(ana.id);
  });

  it("a merge keeps the survivor's photo, else takes the other's, unions dates, and undo puts both back", async () => {
    const kept = await createContact(w.deps, w.alice, {
      firstName: "Rosa",
      dates: [{ kind: "anniversary", month: 5, day: 1 }],
    });
    const other = await createContact(w.deps, w.alice, {
      firstName: "Rosa",
      lastName: "C",
      dates: [
        { kind: "anniversary", month: 5, day: 1 },
        { kind: "custom", label: "started Acme", month: 3, day: 3, year: 2020 },
      ],
    });
    await setContactPhoto(w.deps, w.alice, other.id, png);
    const merged = await mergeContacts(w.deps, w.alice, { keepId: kept.id, mergeId: other.id });
    expect(merged.contact.dates).toEqual([
      { kind: "anniversary", month: 5, day: 1 },
      { kind: "custom", label: "started Acme", month: 3, day: 3, year: 2020 },
    ]);
    expect(merged.contact.photoUpdatedAt).not.toBeNull();
    expect((await getContactPhoto(w.deps, w.alice, kept.id)).bytes).toEqual(bytesOf(PNG_BASE64));

    const [keptBack, otherBack] = await undoMerge(w.deps, w.alice, merged.mergeId);
    expect(keptBack?.photoUpdatedAt).toBeNull();
    expect(keptBack?.dates).toEqual([{ kind: "anniversary", month: 5, day: 1 }]);
    await expect(getContactPhoto(w.deps, w.alice, kept.id)).rejects.toMatchObject({ code: "not_found" });
    expect(otherBack?.photoUpdatedAt).not.toBeNull();
    expect((await getContactPhoto(w.deps, w.alice, other.id)).bytes).toEqual(bytesOf(PNG_BASE64));

    // Both with a photo: the survivor keeps its own; undo gives the other its own back.
    await setContactPhoto(w.deps, w.alice, kept.id, jpeg);
    const again = await mergeContacts(w.deps, w.alice, { keepId: kept.id, mergeId: other.id });
    expect((await getContactPhoto(w.deps, w.alice, kept.id)).contentType).toBe("image/jpeg");
    await undoMerge(w.deps, w.alice, again.mergeId);
    expect((await getContactPhoto(w.deps, w.alice, kept.id)).contentType).toBe("image/jpeg");
    expect((await getContactPhoto(w.deps, w.alice, other.id)).contentType).toBe("image/png");
  });

  it("a photo is the account's own: another account neither reads nor sets it; a hard delete takes it", async () => {
    const ana = await createContact(w.deps, w.alice, { firstName: "Ana" });
    await setContactPhoto(w.deps, w.alice, ana.id, png);
    await expect(getContactPhoto(w.deps, w.bob, ana.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(setContactPhoto(w.deps, w.bob, ana.id, jpeg)).rejects.toMatchObject({ code: "not_found" });
    await expect(removeContactPhoto(w.deps, w.bob, ana.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await getContactPhoto(w.deps, w.alice, ana.id)).contentType).toBe("image/png");
    await deleteContact(w.deps, w.alice, ana.id);
    await expect(getContactPhoto(w.deps, w.alice, ana.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("backup → restore → backup is identical with dates and photos, and the restored photo is the same bytes", async () => {
    const ana = await createContact(w.deps, w.alice, {
      firstName: "Ana",
      dates: [
        { kind: "anniversary", label: "wedding anniversary", month: 6, day: 14, year: 2012 },
        { kind: "custom", label: "name day", month: 7, day: 26 },
      ],
    });
    await setContactPhoto(w.deps, w.alice, ana.id, png);
    await createContact(w.deps, w.alice, { firstName: "Leo" });
    const first = JSON.stringify(await exportBackup(w.deps, w.alice));
    const backup = JSON.parse(first);
    const anaInBackup = backup.contacts.find((c: { firstName: string }) => c.firstName === "Ana");
    expect(anaInBackup.photo).toEqual({ contentType: "image/png", data: PNG_BASE64, updatedAt: expect.any(String) });
    expect(anaInBackup.dates).toHaveLength(2);

    await restoreBackup(w.deps, w.bob, backup);
    expect(JSON.stringify(await exportBackup(w.deps, w.bob))).toBe(first);

    // A backup from before photos and dates still restores; a photo that is no image names its field.
    const { dates: _d, photo: _p, ...older } = anaInBackup;
    const bad = { ...anaInBackup, photo: { ...anaInBackup.photo, data: btoa("not an image") } };
    await expect(validateBackup({ ...backup, contacts: [older] })).resolves.toMatchObject({
      contacts: [{ dates: [], photo: null }],
    });
    await expect(validateBackup({ ...backup, contacts: [bad] })).rejects.toMatchObject({
      message: /^contacts\.0\.photo\.data/,
    });
  });
});
