import { describe, expect, it } from "vitest";
import type { Contact } from "../contacts/schemas.ts";
import { parseImportFile } from "../imports/read/parse-import.ts";
import { contactsToCsv, neutralizeCell } from "./csv-export.ts";
import { contactsToVcard } from "./vcard-export.ts";

const contact = (over: Partial<Contact>): Contact => ({
  ...{ id: "c1", firstName: "Rosa", lastName: "Calder", displayName: "Rosa Calder", companyId: "co1" },
  ...{ emails: [{ address: "rosa@example.com", label: "work" }], phones: [{ number: "+15125550101", label: "cell" }] },
  ...{ links: [{ url: "https://www.linkedin.com/in/rosa", label: "linkedin" }], title: "Coach, Job Search" },
  ...{
    tags: ["Family", "Sunday calls"],
    interests: ["climate", "hiking 🥾", "food & wine"],
    howWeMet: 'At "Netstorming", Austin;\nthen coffee',
    notes: 'Met at "Netstorming", Austin;\nLikes gardening.',
  },
  ...{ birthday: { month: 8, day: 2, year: null }, circle: "network", timeZone: null, muted: false },
  ...{ dates: [], photoUpdatedAt: null },
  ...{ cadenceOverride: null, lastTouchAt: null, touchCount: 0, nextDueOn: null, dueReason: null },
  ...{ exchangeCount: 0, movedOnAutomatically: false, moveOnUndoneAt: null, cadenceFromOn: null },
  ...{ snoozedUntilOn: null, movedOnAt: null, moveOnNote: null, circleBeforeMoveOn: null, archivedAt: null },
  ...{ createdAt: "2026-11-02T09:00:00.000Z", updatedAt: "2026-11-02T09:00:00.000Z" },
  ...over,
});
const companies = new Map([["co1", "Calder Coaching, LLC"]]);
const expected = {
  firstName: "Rosa",
  lastName: "Calder",
  emails: [{ address: "rosa@example.com" }],
  phones: [{ number: "+15125550101" }],
  links: [{ url: "https://www.linkedin.com/in/rosa" }],
  companyName: "Calder Coaching, LLC",
  title: "Coach, Job Search",
  tags: ["Family", "Sunday calls"],
  interests: ["climate", "hiking 🥾", "food & wine"],
  birthday: { month: 8, day: 2, year: null },
  notes: 'Met at "Netstorming", Austin;\nLikes gardening.',
};

describe("contact exports", () => {
  it("neutralises cells a spreadsheet would run: = + - @, tab and carriage return", () => {
    for (const cell of ["=HYPERLINK(1)", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
      expect(neutralizeCell(cell)).toBe(`'${cell}`);
    expect(neutralizeCell("Rosa")).toBe("Rosa");
    const csv = contactsToCsv([contact({ firstName: "=cmd|' /C calc'!A0", title: "@boss" })], companies);
    expect(csv.split("\r\n")[1]).toMatch(/^'=cmd\|' \/C calc'!A0,Calder,.*,'@boss,/);
  });

  it("writes CSV that Kith reads back with every field, phone signs and formulas restored", () => {
    const csv = contactsToCsv([contact({ lastName: "-dash" })], companies);
    const [row] = parseImportFile({ content: csv }, null).rows;
    expect(row?.issues).toEqual([]);
    expect(row?.draft).toMatchObject({
      ...expected,
      lastName: "-dash",
      howWeMet: 'At "Netstorming", Austin;\nthen coffee',
    });
    expect(csv.split("\r\n")[0]).toContain(",Tags,Interests,How We Met,Birthday,");
  });

  it("writes vCard 4.0 that Kith reads back, year-less birthday and escaped commas included", () => {
    const vcf = contactsToVcard(
      [contact({}), contact({ id: "c2", birthday: { month: 4, day: 15, year: 1975 } })],
      companies,
    );
    expect(vcf).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n/);
    expect(vcf).toContain("BDAY:--0802\r\n");
    expect(vcf).toContain("TEL;TYPE=cell:tel:+15125550101\r\n");
    expect(vcf).toContain("ORG:Calder Coaching\\, LLC\r\n");
    // RFC 6715: one INTEREST each, escaped as text. How you met has no vCard property: the backup keeps it.
    expect(vcf).toContain("INTEREST:climate\r\nINTEREST:hiking 🥾\r\nINTEREST:food & wine\r\n");
    const rows = parseImportFile({ content: vcf }, null).rows;
    expect(rows).toHaveLength(2);
    expect(rows[0]?.draft).toMatchObject(expected);
    expect(rows[1]?.draft.birthday).toEqual({ month: 4, day: 15, year: 1975 });
  });

  it("leaves a phone column's phone numbers as numbers, and neutralises anything else there or elsewhere", () => {
    expect(neutralizeCell("+1 555 0100", "phone")).toBe("+1 555 0100");
    expect(neutralizeCell("+49 (30) 1234-5678", "phone")).toBe("+49 (30) 1234-5678");
    expect(neutralizeCell("+1 555 0100")).toBe("'+1 555 0100");
    for (const cell of ["+1+SUM(A1)", "=1+1", "-2+3", "+12", "@A1", "+1 555 0100 x(A1)"]) {
      expect(neutralizeCell(cell, "phone")).toBe(`'${cell}`);
    }
    const phones = [{ number: "+1 555 0100", label: "cell" }, { number: "+44 20 7946 0000" }];
    const rosa = contact({ phones, firstName: "+Rosa" });
    for (const format of ["kith", "google", "outlook"] as const) {
      const csv = contactsToCsv([rosa], companies, format);
      expect(csv, format).toContain(",+1 555 0100");
      expect(csv, format).toContain("'+Rosa,");
      expect(csv, format).not.toContain("'+1 555");
    }
  });

  it("writes Google Contacts' columns, several values in numbered columns, that Kith reads back", () => {
    const many = contact({
      emails: [
        { address: "rosa@example.com", label: "work" },
        { address: "r@home.example", label: "home" },
      ],
    });
    const csv = contactsToCsv([many, contact({ id: "c2", firstName: "Ben", emails: [] })], companies, "google");
    const [header, first, second] = csv.split("\r\n");
    expect(header?.split(",")).toEqual([
      ...["First Name", "Middle Name", "Last Name", "Organization Name", "Organization Title", "Birthday"],
      ...["Notes", "Labels", "E-mail 1 - Label", "E-mail 1 - Value", "E-mail 2 - Label", "E-mail 2 - Value"],
      ...["Phone 1 - Label", "Phone 1 - Value", "Website 1 - Label", "Website 1 - Value"],
    ]);
    expect(first).toContain(
      ",* myContacts ::: Family ::: Sunday calls,Work,rosa@example.com,Home,r@home.example,Cell,+15125550101,",
    );
    expect(second).toMatch(/^Ben,,Calder,/);
    const [row] = parseImportFile({ content: csv }, null).rows;
    expect(row?.draft).toMatchObject({
      ...{ firstName: "Rosa", lastName: "Calder", companyName: "Calder Coaching, LLC", title: "Coach, Job Search" },
      emails: [{ address: "rosa@example.com" }, { address: "r@home.example" }],
      phones: [{ number: "+15125550101" }],
    });
  });

  it("writes Outlook's columns with a byte order mark, phones in Outlook's slots, that Kith reads back", () => {
    const phones = [
      { number: "+1 555 0100", label: "work" },
      { number: "+1 555 0101", label: "mobile" },
      { number: "+1 555 0102" },
    ];
    const csv = contactsToCsv([contact({ phones, birthday: { month: 4, day: 15, year: 1975 } })], companies, "outlook");
    expect(csv.startsWith("\uFEFFFirst Name,Middle Name,Last Name,E-mail Address,")).toBe(true);
    const [header, line] = csv.slice(1).split("\r\n");
    const cells = Object.fromEntries(
      header!.split(",").map((h, i) => [h, line!.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)[i]]),
    );
    expect(cells).toMatchObject({
      ...{ "E-mail Address": "rosa@example.com", "Business Phone": "+1 555 0100", "Mobile Phone": "+1 555 0101" },
      ...{ "Home Phone": "+1 555 0102", "Job Title": '"Coach, Job Search"', Birthday: "4/15/1975" },
      ...{ Company: '"Calder Coaching, LLC"', Categories: "Family;Sunday calls" },
      Hobby: "climate;hiking 🥾;food & wine",
    });
    const [row] = parseImportFile({ content: csv }, null).rows;
    expect(row?.draft).toMatchObject({ firstName: "Rosa", lastName: "Calder", title: "Coach, Job Search" });
    expect(row?.draft.interests).toEqual(["climate", "hiking 🥾", "food & wine"]);
    expect(row?.draft.phones).toHaveLength(3);
  });
});
