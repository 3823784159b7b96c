import { describe, expect, it } from "vitest";
import { type SampleName, readSample as sample } from "../../testing/samples.ts";
import { parseImportFile } from "./parse-import.ts";

const read = (name: SampleName, country: string | null = "US") => parseImportFile({ content: sample(name) }, country);

describe("import parsers, one per real export format", () => {
  it("LinkedIn Connections.csv: BOM, Notes preamble, quoted commas and quotes, connected-on dates", () => {
    const file = read("linkedin-Connections.csv");
    expect(file.format).toBe("linkedin");
    expect(file.rows).toHaveLength(6);
    const [rosa, tomas, cathy, anika, jose] = file.rows;
    expect(rosa?.line).toBe(5);
    expect(rosa?.draft).toMatchObject({
      firstName: "Rosa",
      lastName: "Calder",
      emails: [],
      links: [{ url: "https://www.linkedin.com/in/rosa-calder-coach", label: "LinkedIn" }],
      companyName: "Calder Career Coaching",
      title: "Job Search Coach",
      connectedOn: "2024-03-12",
    });
    expect(tomas?.draft).toMatchObject({
      emails: [{ address: "tomas@example.org" }],
      companyName: "Selby Speaking, LLC",
      title: "Speaker, Author",
      connectedOn: "2023-01-03",
    });
    expect(cathy?.draft.title).toBe('Career "Passion" Coach');
    expect(anika?.draft).toMatchObject({ firstName: "Anika", lastName: "", companyName: "" });
    expect(jose?.draft).toMatchObject({ firstName: "José", lastName: "Núñez", connectedOn: "2026-09-28" });
    expect(file.rows.every((r) => r.issues.length === 0)).toBe(true);
  });

  it("Google Contacts CSV: multi-line notes, ::: multi-values, labels as tags, birthday without a year", () => {
    const file = read("google-contacts.csv");
    expect(file.format).toBe("google");
    const [rosa, nana] = file.rows;
    expect(rosa?.draft).toMatchObject({
      firstName: "Rosa",
      lastName: "Calder",
      emails: [{ address: "rosa@example.com" }, { address: "rosa.home@example.net" }],
      phones: [{ number: "+15125550101" }],
      links: [{ url: "https://www.linkedin.com/in/rosa-calder-coach" }],
      companyName: "Calder Career Coaching",
      title: "Job Search Coach",
      tags: ["Coaches"],
      notes: "Met at the Netstorming event.\nLikes gardening.",
      birthday: { year: 1975, month: 4, day: 15 },
    });
    expect(nana?.line).toBe(5);
    expect(nana?.draft).toMatchObject({
      firstName: "Grandma",
      lastName: "Alvaro",
      emails: [{ address: "nana@example.com" }, { address: "nana.alvaro@example.org" }],
      phones: [{ number: "+18015550199" }],
      tags: ["Family"],
      notes: "Call on Sundays",
      birthday: { year: null, month: 8, day: 2 },
    });
  });

  it("Outlook CSV: US dates, 0/0/00 as no date, categories split on ;, Title is not the job title", () => {
    const file = read("outlook-contacts.csv");
    expect(file.format).toBe("outlook");
    expect(file.mapping).toMatchObject({ Title: "ignore", "Job Title": "title", "Mobile Phone": "phone" });
    const [cathy, cj] = file.rows;
    expect(cathy?.draft).toMatchObject({
      firstName: "Cathy",
      lastName: "Jaworski",
      emails: [{ address: "cathy@example.com" }],
      phones: [{ number: "+15125550142" }],
      companyName: "Passion Coaching",
      title: "Career Passion Coach",
      links: [{ url: "https://example.com/blog" }],
      birthday: { year: 1980, month: 4, day: 9 },
      notes: "Blog: Follow Up Fervently",
      tags: ["Coaches", "Austin"],
    });
    expect(cj?.draft).toMatchObject({ firstName: "CJ", phones: [{ number: "+15125550177" }], birthday: null });
    expect(cj?.draft.tags).toEqual(["Twitter friends"]);
    expect(cj?.issues).toEqual([]);
  });

  it("Google's legacy CSV: Given/Family Name, Organization 1, Group Membership, E-mail N - Value, by default", () => {
    const file = read("google-contacts-legacy.csv");
    expect(file.format).toBe("google");
    expect(file.mapping).toMatchObject({
      Name: "fullName",
      "Given Name": "firstName",
      "Family Name": "lastName",
      "Organization 1 - Name": "company",
      "Organization 1 - Title": "title",
      "Organization 1 - Yomi Name": "ignore",
      "Group Membership": "tags",
      "E-mail 1 - Type": "ignore",
      "E-mail 1 - Value": "email",
      "E-mail 2 - Value": "email",
      "Phone 1 - Value": "phone",
      "Website 1 - Value": "url",
      Birthday: "birthday",
      Notes: "notes",
    });
    const [sam, otherSam, okafor, zoe] = file.rows;
    expect(sam?.draft).toMatchObject({
      firstName: "Sam",
      lastName: "Lee",
      emails: [{ address: "sam.lee@example.com" }],
      phones: [{ number: "+14155550134" }],
      companyName: "Acme Ltd",
      title: "Engineer",
      tags: ["Friends"],
      birthday: { year: 1988, month: 2, day: 14 },
      links: [{ url: "https://www.linkedin.com/in/sam-lee-88", label: "LinkedIn" }],
    });
    expect(otherSam?.draft).toMatchObject({ firstName: "Sam", lastName: "Lee", title: "Designer", birthday: null });
    // "Name" holds only the family name; it does not become a first name beside "Family Name".
    expect(okafor?.draft).toMatchObject({ firstName: "", lastName: "Okafor", companyName: "Okafor & Sons" });
    expect(zoe?.draft.emails).toEqual([{ address: "zoë.müller@exämple.de" }, { address: "not-an-email" }]);
    expect(zoe?.draft.notes).toBe('Met in Berlin,\nat the "Kiez" meetup.');
  });

  it("Outlook's full header: every e-mail and the person's own phones, not the company's, assistant's or fax", () => {
    const file = read("outlook-contacts-full.csv");
    expect(file.format).toBe("outlook");
    expect(file.mapping).toMatchObject({
      "E-mail Address": "email",
      "E-mail 2 Address": "email",
      "Business Phone": "phone",
      "Mobile Phone": "phone",
      "Company Main Telephone": "ignore",
      "Assistant's Phone": "ignore",
      "Business Fax": "ignore",
      "TTY/TDD Phone": "ignore",
      "Company Yomi": "ignore",
      Company: "company",
      "Job Title": "title",
      Title: "ignore",
      "Personal Web Page": "url",
    });
    const [priya, haddad] = file.rows;
    expect(priya?.draft).toMatchObject({
      firstName: "Priya",
      lastName: "Raman",
      emails: [{ address: "priya.raman@example.com" }, { address: "PRaman@Example.org" }],
      phones: [{ number: "+15125550150" }, { number: "+15125550151" }],
      companyName: "Lumen Labs",
      title: "Head of Research",
      birthday: { year: 1983, month: 7, day: 21 },
      notes: "Prefers calls before 10.",
    });
    expect(haddad?.draft).toMatchObject({ firstName: "", lastName: "Haddad", phones: [{ number: "+33612345678" }] });
    expect(haddad?.issues).toEqual([]);
  });

  it("vCard 2.1: quoted-printable UTF-8 with a soft line break, bare type parameters", () => {
    const file = read("contacts-v21.vcf");
    expect(file.format).toBe("vcard");
    expect(file.rows).toHaveLength(1);
    expect(file.rows[0]?.draft).toMatchObject({
      firstName: "José",
      lastName: "Núñez",
      phones: [{ number: "+34600111222", label: "cell" }],
      emails: [{ address: "jose.nunez@example.com" }],
      notes: "Met at the robotics meetup.\nAsked about Acme's hiring.",
    });
  });

  it("vCard 2.1 from older phones: several bare types, a base64 photo with a blank line, QP address", () => {
    const content = [
      ...["BEGIN:VCARD", "VERSION:2.1", "N:Doe;John", "TEL;WORK;VOICE:+1 512 555 0100"],
      "ADR;HOME;ENCODING=QUOTED-PRINTABLE:;;1 Main St=0D=0AApt 2;Austin;TX;78701;USA",
      ...["PHOTO;ENCODING=BASE64;TYPE=JPEG:", " /9j/4AAQSkZJRgABAQAAAQABAAD", " 2wBDAAgGBgcGBQgHBwcJCQgKDBQN", ""],
      ...["EMAIL;PREF;INTERNET:john@example.com", "END:VCARD", ""],
    ].join("\r\n");
    const [john] = parseImportFile({ content }, "US").rows;
    expect(john?.issues).toEqual([]);
    expect(john?.draft).toMatchObject({
      firstName: "John",
      lastName: "Doe",
      phones: [{ number: "+15125550100", label: "work" }],
      emails: [{ address: "john@example.com" }],
    });
  });

  it("vCard 3.0 (iPhone): itemN groups with X-ABLabel, escapes, folded line, --0802 birthday, categories", () => {
    const [rosa, nana] = read("contacts-v3.vcf").rows;
    expect(rosa?.line).toBe(1);
    expect(rosa?.draft).toMatchObject({
      firstName: "Rosa",
      lastName: "Calder",
      companyName: "Calder Career Coaching",
      title: "Job Search Coach",
      emails: [
        { address: "rosa@example.com", label: "Other" },
        { address: "rosa.home@example.net", label: "home" },
      ],
      phones: [{ number: "+15125550101", label: "cell" }],
      links: [{ url: "https://www.linkedin.com/in/rosa-calder-coach", label: "LinkedIn" }],
      birthday: { year: 1975, month: 4, day: 15 },
      notes: "Met at the Netstorming event, Austin.\nLikes gardening; sends articles about habit-building.",
    });
    expect(nana?.line).toBe(20);
    expect(nana?.draft).toMatchObject({ birthday: { year: null, month: 8, day: 2 }, tags: ["Family", "Sunday calls"] });
  });

  it("vCard 4.0: PREF, tel: URI phone, escaped comma in ORG, compact dates, anniversary as a date", () => {
    const [tomas] = read("contacts-v4.vcf").rows;
    expect(tomas?.draft).toMatchObject({
      firstName: "Tomas",
      lastName: "Selby",
      emails: [
        { address: "tomas@example.org", label: "work" },
        { address: "tomas.home@example.org", label: "home" },
      ],
      phones: [{ number: "+15125550111", label: "cell" }],
      companyName: "Selby Speaking, LLC",
      birthday: { year: 1970, month: 1, day: 1 },
      links: [{ url: "https://example.org/tomas" }],
      dates: [{ kind: "anniversary", month: 3, day: 10, year: 2009 }],
      notes: 'Calls it "Follow Through DNA".',
    });
  });

  it("any other CSV: the mapping is guessed from headers and the user's mapping wins", () => {
    const content = "Full Name,Work Email,Employer,Remarks\nAda Lovelace,ada@example.com,Engines Ltd,math\n";
    const guessed = parseImportFile({ content }, null);
    expect(guessed.format).toBe("csv");
    expect(guessed.mapping).toEqual({
      "Full Name": "fullName",
      "Work Email": "email",
      Employer: "company",
      Remarks: "ignore",
    });
    const mapped = parseImportFile({ content, mapping: { Remarks: "notes" } }, null);
    expect(mapped.rows[0]?.draft).toMatchObject({
      firstName: "Ada",
      lastName: "Lovelace",
      emails: [{ address: "ada@example.com" }],
      companyName: "Engines Ltd",
      notes: "math",
    });
  });

  it("names the line, field and value of bad cells (dropped): an unreadable date, invalid UTF-8, a broken vCard", () => {
    const csv = "First Name,Birthday,Notes\nAda,31/31/1999,ok\nBob,,bad \uFFFD byte\n";
    const rows = parseImportFile({ content: csv }, null).rows;
    expect(rows[0]?.issues).toEqual([
      { line: 2, field: "Birthday", message: '"31/31/1999" dropped: is not a calendar date' },
    ]);
    expect(rows[1]?.issues).toEqual([
      { line: 3, field: "Notes", message: '"bad \uFFFD byte" dropped: it is not valid UTF-8' },
    ]);
    const broken = parseImportFile({ content: "BEGIN:VCARD\nVERSION:3.0\nthis is not a property\nEND:VCARD\n" }, null);
    expect(broken.rows[0]?.issues[0]).toMatchObject({ line: 1, field: "vcard" });
  });

  it("rejects CSV that cannot be split into fields, naming the line", () => {
    expect(() => parseImportFile({ content: 'First Name,Last Name\n"Ada,Lovelace\n' }, null)).toThrow(/line/);
  });
});
