import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import {
  type Actor,
  commitImport,
  createCompany,
  createContact,
  exportContacts,
  getContactPhoto,
  listWholeContacts,
  previewImport,
  setContactPhoto,
} from "../index.ts";
import { jpegOfSize, PNG_BASE64 } from "../testing/photos.ts";
import { readSample } from "../testing/samples.ts";

describe.each(DIALECTS)("vCard photos and dates through import and export on %s", (dialect) => {
  const w = useTestWorld(dialect);
  const contacts = async (actor: Actor) => (await listWholeContacts(w.deps, actor, {}, { limit: 200 })).items;

  it("imports a file's photos, dates and profiles in the rows' own transaction, and the preview names them", async () => {
    const content = readSample("contacts-photos-dates.vcf");
    const preview = await previewImport(w.deps, w.alice, { content });
    expect(preview.rows.map((r) => r.draft.photo?.contentType ?? null)).toEqual([
      "image/jpeg",
      "image/png",
      null,
      "image/png",
    ]);
    const job = await commitImport(w.deps, w.alice, { content });
    expect(job).toMatchObject({ format: "vcard", created: 4, failed: 0 });
    const byName = new Map((await contacts(w.alice)).map((c) => [c.firstName, c]));
    const leo = byName.get("Leo");
    expect(leo).toMatchObject({
      photoUpdatedAt: expect.any(String),
      dates: [{ kind: "anniversary", month: 3, day: 10, year: 2009 }],
    });
    const photo = await getContactPhoto(w.deps, w.alice, leo?.id ?? "");
    expect(photo.contentType).toBe("image/png");
    expect(btoa(String.fromCharCode(...photo.bytes))).toBe(PNG_BASE64);
    expect(byName.get("Mia")?.photoUpdatedAt).toBeNull();
    expect(byName.get("Ana")?.links).toContainEqual({
      url: "https://www.linkedin.com/in/ana-obrien",
      label: "LinkedIn",
    });
  });

  it("a photo over the limit is dropped with the reason on the row, and the contact is created", async () => {
    const content = [
      "BEGIN:VCARD",
      "VERSION:3.0",
      "FN:Big Photo",
      `PHOTO;ENCODING=b;TYPE=JPEG:${jpegOfSize(600 * 1024)}`,
      "END:VCARD",
    ].join("\r\n");
    const job = await commitImport(w.deps, w.alice, { content });
    expect(job).toMatchObject({ created: 1, failed: 0 });
    expect(job.rows[0]).toMatchObject({ reason: "new contact", warnings: ["PHOTO dropped: is larger than 512 KiB"] });
    expect((await contacts(w.alice))[0]).toMatchObject({ displayName: "Big Photo", photoUpdatedAt: null });
  });

  it("a re-import gives a photo to a contact that had none, and never replaces one it has", async () => {
    const plain = ["BEGIN:VCARD", "VERSION:4.0", "FN:Leo Hart", "EMAIL:leo@example.org", "END:VCARD"].join("\r\n");
    const withPhoto = plain.replace("END:VCARD", `PHOTO:data:image/png;base64,${PNG_BASE64}\r\nEND:VCARD`);
    await commitImport(w.deps, w.alice, { content: plain });
    const merged = await commitImport(w.deps, w.alice, { content: withPhoto });
    expect(merged).toMatchObject({ merged: 1 });
    expect(merged.rows[0]?.reason).toMatch(/adds photo$/);
    const [leo] = await contacts(w.alice);
    expect((await getContactPhoto(w.deps, w.alice, leo?.id ?? "")).contentType).toBe("image/png");

    await setContactPhoto(w.deps, w.alice, leo?.id ?? "", { contentType: "image/jpeg", data: jpegOfSize(100) });
    const again = await commitImport(w.deps, w.alice, { content: withPhoto });
    expect(again).toMatchObject({ skipped: 1 });
    expect((await getContactPhoto(w.deps, w.alice, leo?.id ?? "")).contentType).toBe("image/jpeg");
  });

  it("import(export(x)) keeps photos, anniversaries, custom dates and links", async () => {
    const acme = await createCompany(w.deps, w.alice, { name: "Acme, Inc" });
    const ana = await createContact(w.deps, w.alice, {
      ...{ firstName: "Ana", lastName: "O'Brien", companyId: acme.id, title: "R&D; EU" },
      notes: "Line one\nLine two; with, punctuation \\ and a backslash",
      birthday: { month: 8, day: 2, year: null },
      dates: [
        { kind: "anniversary", month: 6, day: 14, year: 2012 },
        { kind: "anniversary", label: "Wedding anniversary", month: 6, day: 15, year: 2001 },
        { kind: "anniversary", label: "Wedding", month: 9, day: 1 },
        { kind: "custom", label: "name day", month: 7, day: 26 },
      ],
      links: [
        { url: "https://www.linkedin.com/in/ana-obrien", label: "LinkedIn" },
        { url: "https://ana.example.com" },
        { url: "https://blog.example.com", label: "blog" },
      ],
    });
    await setContactPhoto(w.deps, w.alice, ana.id, { contentType: "image/png", data: PNG_BASE64 });
    await createContact(w.deps, w.alice, { firstName: "Leo" });

    const file = await exportContacts(w.deps, w.alice, "vcard");
    expect(file.body).toContain("\r\nANNIVERSARY:20120614\r\n");
    expect(file.body).toContain("X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/ana-obrien");
    expect(file.body).toMatch(/\r\nPHOTO:data:image\/png;base64,iVBOR/);
    const job = await commitImport(w.deps, w.bob, { content: file.body });
    expect(job).toMatchObject({ created: 2, failed: 0 });

    const strip = ({
      firstName,
      lastName,
      title,
      notes,
      birthday,
      dates,
      links,
      emails,
      phones,
      tags,
    }: typeof ana) => ({ firstName, lastName, title, notes, birthday, dates, links, emails, phones, tags });
    const bobs = await contacts(w.bob);
    const alices = await contacts(w.alice);
    expect(bobs.map(strip)).toEqual(alices.map(strip));
    const bobAna = bobs.find((c) => c.firstName === "Ana");
    const photo = await getContactPhoto(w.deps, w.bob, bobAna?.id ?? "");
    expect(photo).toMatchObject({ contentType: "image/png" });
    expect(btoa(String.fromCharCode(...photo.bytes))).toBe(PNG_BASE64);
    expect(bobs.find((c) => c.firstName === "Leo")?.photoUpdatedAt).toBeNull();
  });
});
