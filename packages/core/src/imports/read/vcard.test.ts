import { describe, expect, it } from "vitest";
import { jpegOfSize, PNG_BASE64 } from "../../testing/photos.ts";
import { readSample } from "../../testing/samples.ts";
import { rowsFromVcards, unescapeValue } from "./vcard.ts";

const card = (...lines: string[]) => ["BEGIN:VCARD", "VERSION:3.0", ...lines, "END:VCARD"].join("\r\n");

describe("vCard photos, profiles, escapes and dates", () => {
  const [ana, leo, mia, chidi] = rowsFromVcards(readSample("contacts-photos-dates.vcf"), "US");

  it("unescapes \\; \\, \\n and \\\\ in every property (N, ORG, TITLE, NOTE), whatever ical.js left", () => {
    expect(ana?.draft).toMatchObject({
      firstName: "Ana",
      lastName: "O;Brien",
      companyName: "Brien, Hart & Co",
      title: "Head of R&D, Europe",
    });
    expect(ana?.draft.notes.split("\n\n")[0]).toBe("Two lines:\nfirst; second, and a backslash \\ here.");
    expect(leo?.draft.notes.split("\n\n")[0]).toBe("semi;colon and comma, kept");
    expect(unescapeValue("a\\;b\\,c\\nd\\\\e", "unknown")).toBe("a;b,c\nd\\e");
    expect(unescapeValue("a\\;b", "text")).toBe("a;b");
  });

  it("reads inline photos: 3.0 ENCODING=b folded, 4.0 data: URI, 2.1 base64 running on to a blank line", () => {
    expect(ana?.draft.photo).toMatchObject({ contentType: "image/jpeg" });
    expect(leo?.draft.photo).toEqual({ contentType: "image/png", data: PNG_BASE64 });
    expect(chidi?.draft.photo).toEqual({ contentType: "image/png", data: PNG_BASE64 });
    // The 2.1 card goes on after its photo.
    expect(chidi?.draft.emails).toEqual([{ address: "chidi@example.com" }]);
    expect([ana, leo, mia, chidi].flatMap((r) => r?.issues ?? [])).toEqual([]);
  });

  it("keeps a photo by web address as a link labelled photo, without fetching it", () => {
    expect(mia?.draft.photo).toBeNull();
    expect(mia?.draft.links).toEqual([{ url: "https://photos.example.com/mia.jpg", label: "photo" }]);
    expect(leo?.draft.links).toContainEqual({ url: "https://photos.example.com/leo.jpg", label: "photo" });
  });

  it("turns X-SOCIALPROFILE, IMPP and URL into labelled links; a handle with no web address into a note line", () => {
    expect(ana?.draft.links).toEqual([
      { url: "https://www.linkedin.com/in/ana-obrien", label: "LinkedIn" },
      { url: "https://ana.example.com", label: "HomePage" },
    ]);
    expect(ana?.draft.notes).toContain("Twitter: anaob");
    expect(ana?.draft.notes).toContain("Skype: ana.obrien");
    expect(leo?.draft.links).toContainEqual({ url: "https://hart.example.org", label: "work" });
    expect(leo?.draft.notes).toContain("XMPP: leo@example.org");
    const web = rowsFromVcards(card("FN:Jo", "IMPP;X-SERVICE-TYPE=Mastodon:https://mastodon.social/@jo"), null)[0];
    expect(web?.draft.links).toEqual([{ url: "https://mastodon.social/@jo", label: "Mastodon" }]);
  });

  it("makes ANNIVERSARY, X-ANNIVERSARY and Apple's labelled X-ABDATE dates, not notes", () => {
    expect(ana?.draft.dates).toEqual([
      { kind: "anniversary", month: 6, day: 14, year: 2012 },
      { kind: "custom", label: "name day", month: 7, day: 26 },
    ]);
    expect(leo?.draft.dates).toEqual([{ kind: "anniversary", month: 3, day: 10, year: 2009 }]);
    expect(mia?.draft.dates).toEqual([{ kind: "anniversary", month: 9, day: 19, year: 2015 }]);
    expect([ana, leo, mia].map((r) => r?.draft.notes ?? "").join()).not.toMatch(/anniversary/i);
    const labelled = rowsFromVcards(
      card("FN:Jo", "item1.X-ABDATE:2001-05-05", "item1.X-ABLabel:Wedding anniversary"),
      null,
    )[0];
    expect(labelled?.draft.dates).toEqual([
      { kind: "anniversary", label: "Wedding anniversary", month: 5, day: 5, year: 2001 },
    ]);
  });

  it("drops a photo over 512 KiB or one that is no image with a row warning, and keeps the row", () => {
    const big = jpegOfSize(512 * 1024 + 1);
    const [large, notImage] = rowsFromVcards(
      [
        card("FN:Big Photo", "EMAIL:big@example.com", `PHOTO;ENCODING=b;TYPE=JPEG:${big}`),
        card("FN:Odd Photo", "PHOTO;ENCODING=b;TYPE=JPEG:aGVsbG8gdGhlcmU="),
      ].join("\r\n"),
      null,
    );
    expect(large?.issues).toEqual([]);
    expect(large?.draft).toMatchObject({ firstName: "Big", photo: null, emails: [{ address: "big@example.com" }] });
    expect(large?.warnings).toEqual([{ line: 1, field: "PHOTO", message: "is larger than 512 KiB" }]);
    expect(notImage?.warnings).toEqual([
      { line: expect.any(Number), field: "PHOTO", message: "is not a JPEG, PNG, WebP or GIF image" },
    ]);
  });

  it("reads RFC 6715's INTEREST and HOBBY as interests in 4.0, 3.0 and 2.1, escaped commas kept, each once", () => {
    const v4 = [
      "BEGIN:VCARD",
      "VERSION:4.0",
      "FN:Rosa Calder",
      "INTEREST;INDEX=1;LEVEL=high:climate",
      "INTEREST:food\\, wine and travel",
      "HOBBY;LEVEL=medium:cycling,hiking 🥾",
      "HOBBY:Cyclíng",
      "INTEREST;VALUE=text:rock\\, paper",
      "END:VCARD",
    ].join("\r\n");
    const v21 = [
      "BEGIN:VCARD",
      "VERSION:2.1",
      "FN:Jo",
      "HOBBY;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:caf=C3=A9 culture",
    ];
    const [rosa, jo, ana] = rowsFromVcards(
      [v4, [...v21, "END:VCARD"].join("\r\n"), card("FN:Ana", "INTEREST:🎨 art", "X-HOBBY:not read")].join("\r\n"),
      null,
    );
    expect(rosa?.draft.interests).toEqual(["climate", "food, wine and travel", "cycling", "hiking 🥾", "rock, paper"]);
    expect(jo?.draft.interests).toEqual(["café culture"]);
    expect(ana?.draft.interests).toEqual(["🎨 art"]);
    expect([rosa, jo, ana].flatMap((r) => [...(r?.issues ?? []), ...(r?.warnings ?? [])])).toEqual([]);
  });
});
