import { describe, expect, it } from "vitest";
import { cleanDraft, warningText } from "./clean-draft.ts";
import { emptyDraft } from "./contact-draft.ts";

describe("a bad field drops the field, not the row", () => {
  it("drops each value the contact schema refuses, with a warning that shows it, and keeps the rest", () => {
    const draft = {
      ...emptyDraft(),
      firstName: "Zoë",
      emails: [{ address: "zoë.50@example.com" }, { address: "not-an-email" }, { address: "kim@exämple.com" }],
      phones: [{ number: "+1 415 555 0134" }, { number: "call me" }],
      links: [{ url: "https://example.com" }, { url: "javascript:alert(1)" }],
      tags: ["Friends", "x".repeat(41)],
      birthday: { month: 2, day: 30, year: 1990 },
      title: "T".repeat(250),
    };
    const { draft: clean, warnings } = cleanDraft({ line: 7, draft, issues: [] });
    expect(clean.emails).toEqual([{ address: "zoë.50@example.com" }, { address: "kim@exämple.com" }]);
    expect(clean.phones).toEqual([{ number: "+1 415 555 0134" }]);
    expect(clean.links).toEqual([{ url: "https://example.com" }]);
    expect(clean.tags).toEqual(["Friends"]);
    expect(clean.birthday).toBeNull();
    expect(clean.title).toHaveLength(200);
    expect(warnings.map(warningText)).toEqual([
      `tags "${"x".repeat(41)}" dropped: a tag is at most 40 characters`,
      'birthday "1990-2-30" dropped: not a calendar date',
      "title cut to 200 characters (it had 250)",
      'email "not-an-email" dropped: not an email address',
      'phone "call me" dropped: not a phone number',
      'link "javascript:alert(1)" dropped: not a web address',
    ]);
    expect(warnings.every((w) => w.line === 7)).toBe(true);
  });

  it("keeps the parser's own warnings and a row that is already clean as it is", () => {
    const issue = { line: 2, field: "Birthday", message: '"31/31/99" dropped: is not a calendar date' };
    const draft = { ...emptyDraft(), lastName: "Okafor", emails: [{ address: "chidi@example.com" }] };
    expect(cleanDraft({ line: 2, draft, issues: [issue] })).toEqual({ draft, warnings: [issue] });
  });

  it("drops an interest over 40 characters and past the 50th, and cuts how-we-met to 2000, naming line and field", () => {
    const many = Array.from({ length: 51 }, (_, i) => `topic ${i + 1}`);
    const long = `${"🚴".repeat(15)} cycling across the Alps`;
    const draft = { ...emptyDraft(), firstName: "Zoë", interests: ["climate", long, ...many.slice(1)] };
    const row = { line: 12, draft: { ...draft, howWeMet: `At the Lisbon meetup. ${"x".repeat(2000)}` }, issues: [] };
    const { draft: clean, warnings } = cleanDraft(row);
    expect(clean.interests).toEqual(["climate", ...many.slice(1, 50)]);
    expect(clean.howWeMet).toHaveLength(2000);
    expect(clean.howWeMet.startsWith("At the Lisbon meetup.")).toBe(true);
    expect(warnings).toEqual([
      { line: 12, field: "interests", message: `"${long}" dropped: an interest is at most 40 characters` },
      { line: 12, field: "interests", message: '"topic 51" dropped: a contact keeps 50 interests' },
      { line: 12, field: "howWeMet", message: "cut to 2000 characters (it had 2022)" },
    ]);
  });
});
