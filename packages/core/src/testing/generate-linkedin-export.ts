/**
 * A LinkedIn "Connections.csv" of any size, the same for the same seed: the shapes that broke imports, at scale.
 * Many people share a handful of names at one company (each with their own profile), some emails are
 * internationalised (`zoë.50@example.com`, `kim.7@exämple.de`), some rows have only a last name, some URLs are
 * written in upper case or on a country subdomain, some profiles appear twice (the same person exported again,
 * sometimes with an email the first row lacked), a few rows have no name at all and some carry a bad email.
 * `expected` says what a correct import makes of it, computed while the file is written.
 *
 * Generated in the test that reads it (`imports/job/generated-linkedin.db.test.ts`), so no large file is committed.
 */

export interface GeneratedExport {
  content: string;
  expected: {
    rows: number;
    /** Distinct normal profile URLs among rows with a name: one contact each. */
    profiles: Set<string>;
    /** Lines of rows naming a profile an earlier row named (merged or skipped, never created). */
    repeatedLines: number[];
    /** Lines of rows with neither a first nor a last name (the only rows that may fail). */
    namelessLines: number[];
    /** Lines of rows with only a last name. */
    lastNameOnlyLines: number[];
    /** Internationalised addresses written in the file, each on a row that has a name. */
    internationalEmails: Set<string>;
    /** Lines of rows whose email is not an address (dropped with a warning; the row goes in). */
    badEmailLines: number[];
  };
}

/** mulberry32: a tiny seeded generator, enough to vary rows reproducibly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ["Sam", "Alex", "Maria", "Jon", "Priya", "Wei", "Fatima", "Lars", "Zoë", "José", "Aoife", "Chidi"];
const LAST = ["Lee", "Smith", "García", "Chen", "Okafor", "Müller", "Nguyen", "O'Brien", "Kowalski", "Haddad"];
/** The one company where names collide: few given and family names, many people. */
const BIG = { name: "Globex Corporation", first: ["Sam", "Maria", "Jon"], last: ["Lee", "Smith"] };
const COMPANIES = ["Initech, Inc.", "Acme Ltd", "Umbrella GmbH", "Stark Industries", "Wayne Enterprises", ""];
const POSITIONS = ["Engineer", "Recruiter", 'Head of "Growth"', "Designer, UX", "CTO", ""];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const PREAMBLE = [
  "\uFEFFNotes:",
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email."',
  "",
  "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
];

const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

const ascii = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-");

/** How a URL may be written in an export, all one profile: `https://www.linkedin.com/in/<slug>` normalised. */
function writtenUrl(slug: string, r: () => number): string {
  const way = r();
  if (way < 0.1) return `HTTPS://WWW.LINKEDIN.COM/IN/${slug.toUpperCase()}/`;
  if (way < 0.15) return `https://de.linkedin.com/in/${slug}?originalSubdomain=de`;
  if (way < 0.18) return `http://linkedin.com/in/${slug}/`;
  return `https://www.linkedin.com/in/${slug}`;
}

export function generateLinkedInExport(rows = 5000, seed = 19): GeneratedExport {
  const r = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const lines = [...PREAMBLE];
  const expected: GeneratedExport["expected"] = {
    rows,
    profiles: new Set(),
    repeatedLines: [],
    namelessLines: [],
    lastNameOnlyLines: [],
    internationalEmails: new Set(),
    badEmailLines: [],
  };
  const written: { first: string; last: string; slug: string; company: string; position: string }[] = [];
  for (let i = 0; i < rows; i++) {
    const line = lines.length + 1;
    const roll = r();
    let person: (typeof written)[number];
    if (roll < 0.05 && written.length > 0) {
      // The same profile again: the same person, exported twice.
      person = pick(written);
      expected.repeatedLines.push(line);
    } else {
      const big = roll < 0.45;
      let first = big ? pick(BIG.first) : pick(FIRST);
      const last = big ? pick(BIG.last) : pick(LAST);
      if (roll > 0.97) first = "";
      const slug = `${ascii(`${first || "x"}-${last}`)}-${i.toString(36)}`;
      person = { first, last, slug, company: big ? BIG.name : pick(COMPANIES), position: pick(POSITIONS) };
      if (roll > 0.995) person = { ...person, first: "", last: "" };
      // Only a named person is exported again (a nameless row fails, and is never anyone's first row).
      else written.push(person);
    }
    const named = person.first !== "" || person.last !== "";
    if (!named) expected.namelessLines.push(line);
    else expected.profiles.add(`https://www.linkedin.com/in/${person.slug}`);
    if (named && person.first === "") expected.lastNameOnlyLines.push(line);
    let email = "";
    const mail = r();
    if (mail < 0.04) {
      email = mail < 0.02 ? `zoë.${i}@example.com` : `kim.${i}@exämple.de`;
      if (named) expected.internationalEmails.add(email);
    } else if (mail < 0.06) {
      email = "not-an-email";
      if (named) expected.badEmailLines.push(line);
    } else if (mail < 0.4) email = `${ascii(person.first || person.last)}.${i}@example.com`;
    const on = `${1 + Math.floor(r() * 28)} ${pick(MONTHS)} ${2010 + Math.floor(r() * 16)}`;
    const cells = [person.first, person.last, writtenUrl(person.slug, r), email, person.company, person.position, on];
    lines.push(cells.map(cell).join(","));
  }
  return { content: `${lines.join("\r\n")}\r\n`, expected };
}
