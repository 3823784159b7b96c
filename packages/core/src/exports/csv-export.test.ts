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
    interests: [],
    howWeMet: "",
    notes: 'Met at "Netstorming", Austin;\nLikes gardening.',
  },
  ...{ birthday: { month: 8, day: 2, year: null }, circle: "network", timeZone: null, muted: false },
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
    expect(row?.draft).toMatchObject({ ...expected, lastName: "-dash" });
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
    const rows = parseImportFile({ content: vcf }, null).rows;
    expect(rows).toHaveLength(2);
    expect(rows[0]?.draft).toMatchObject(expected);
    expect(rows[1]?.draft.birthday).toEqual({ month: 4, day: 15, year: 1975 });
  });
});
