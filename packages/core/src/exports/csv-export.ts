import type { Contact } from "../contacts/schemas.ts";

/** A cell a spreadsheet would run as a formula: `= + - @`, or a tab or carriage return that hides one. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A phone number as people write it: an optional leading `+`, then digits with spaces, dots, dashes, slashes or
 * brackets, at least five digits. A spreadsheet reading it as a formula finds no function and no reference in it,
 * so it runs nothing; an apostrophe would only spoil the number for the address book that imports it.
 */
const PHONE = /^\+?\(?\d[\d\s().\-/]*$/;
const isPhoneShaped = (value: string) => PHONE.test(value) && (value.match(/\d/g)?.length ?? 0) >= 5;

/** What a column holds: any text, or phone numbers (left as they are when they look like one). */
export type CellKind = "text" | "phone";

/**
 * Spreadsheets execute cells that start like formulas (CSV injection). Such cells get a leading apostrophe, which
 * spreadsheets show as text; Kith's own importer removes it again. A phone column's phone number (`+1 555 0100`)
 * stays as it is.
 */
export function neutralizeCell(value: string, kind: CellKind = "text"): string {
  if (!FORMULA_START.test(value)) return value;
  if (kind === "phone" && isPhoneShaped(value)) return value;
  return `'${value}`;
}

const quote = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** RFC 4180 CSV (CRLF, quoted where needed) of a header and rows, every formula-like cell neutralised. */
export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header.map(quote).join(","), ...rows.map((row) => row.map((v) => quote(neutralizeCell(v))).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

/** Kith's own columns; Kith's importer reads them back field for field. */
export const CSV_EXPORT_HEADERS = [
  "First Name",
  "Last Name",
  "E-mail",
  "Phone",
  "Website",
  "Company",
  "Title",
  "Tags",
  "Interests",
  "How We Met",
  "Birthday",
  "Notes",
] as const;

export const CSV_EXPORT_FORMATS = ["kith", "google", "outlook"] as const;
export type CsvExportFormat = (typeof CSV_EXPORT_FORMATS)[number];

const pad = (n: number) => String(n).padStart(2, "0");

export function birthdayText(b: Contact["birthday"]): string {
  if (!b) return "";
  return b.year != null ? `${b.year}-${pad(b.month)}-${pad(b.day)}` : `--${pad(b.month)}-${pad(b.day)}`;
}

interface Column {
  header: string;
  kind?: CellKind;
  value: (c: Contact, company: string) => string;
}

const col = (header: string, value: Column["value"], kind: CellKind = "text"): Column => ({ header, kind, value });

/** Every phone of a Kith row is a phone: the cell counts as a phone when each of its numbers looks like one. */
const KITH_COLUMNS: Column[] = [
  col("First Name", (c) => c.firstName),
  col("Last Name", (c) => c.lastName),
  col("E-mail", (c) => c.emails.map((e) => e.address).join(" ::: ")),
  col("Phone", (c) => c.phones.map((p) => p.number).join(" ::: "), "phone"),
  col("Website", (c) => c.links.map((l) => l.url).join(" ::: ")),
  col("Company", (_c, company) => company),
  col("Title", (c) => c.title),
  col("Tags", (c) => c.tags.join(" ::: ")),
  col("Interests", (c) => c.interests.join(" ::: ")),
  col("How We Met", (c) => c.howWeMet),
  col("Birthday", (c) => birthdayText(c.birthday)),
  col("Notes", (c) => c.notes),
];

const label = (l: string | undefined) => (l ? l.charAt(0).toUpperCase() + l.slice(1) : "");

/** `n` numbered groups of columns, e.g. "E-mail 1 - Label", "E-mail 1 - Value", "E-mail 2 - Label" … */
function numbered<T>(
  n: number,
  name: string,
  list: (c: Contact) => T[],
  cells: (item: T) => [string, string],
  kind: CellKind = "text",
) {
  return Array.from({ length: n }, (_, i) => [
    col(`${name} ${i + 1} - Label`, (c) => {
      const item = list(c)[i];
      return item === undefined ? "" : cells(item)[0];
    }),
    col(
      `${name} ${i + 1} - Value`,
      (c) => {
        const item = list(c)[i];
        return item === undefined ? "" : cells(item)[1];
      },
      kind,
    ),
  ]).flat();
}

/**
 * Google Contacts' own export columns (Google's "Google CSV"), which its import maps by name: the groups are
 * Google's labels (`* myContacts` marks them as contacts), several values in numbered columns.
 */
function googleColumns(contacts: readonly Contact[]): Column[] {
  const most = (f: (c: Contact) => unknown[]) => Math.max(1, ...contacts.map((c) => f(c).length));
  return [
    col("First Name", (c) => c.firstName),
    col("Middle Name", () => ""),
    col("Last Name", (c) => c.lastName),
    col("Organization Name", (_c, company) => company),
    col("Organization Title", (c) => c.title),
    col("Birthday", (c) => birthdayText(c.birthday)),
    col("Notes", (c) => c.notes),
    col("Labels", (c) => ["* myContacts", ...c.tags].join(" ::: ")),
    ...numbered(
      most((c) => c.emails),
      "E-mail",
      (c) => c.emails,
      (e) => [label(e.label), e.address],
    ),
    ...numbered(
      most((c) => c.phones),
      "Phone",
      (c) => c.phones,
      (p) => [label(p.label), p.number],
      "phone",
    ),
    ...numbered(
      most((c) => c.links),
      "Website",
      (c) => c.links,
      (l) => [label(l.label), l.url],
    ),
  ];
}

/** Outlook's fixed phone columns, and the labels that go to each; a phone with another label goes to the first free one. */
const OUTLOOK_PHONES: [string, RegExp][] = [
  ["Mobile Phone", /^(mobile|cell|iphone)/i],
  ["Business Phone", /^(work|business|office)/i],
  ["Home Phone", /^home/i],
  ["Other Phone", /^$/],
  ["Business Phone 2", /^$/],
  ["Home Phone 2", /^$/],
];

function outlookPhones(c: Contact): Map<string, string> {
  const out = new Map<string, string>();
  const rest: string[] = [];
  for (const p of c.phones) {
    const slot = OUTLOOK_PHONES.find(([name, re]) => !out.has(name) && p.label && re.test(p.label));
    if (slot) out.set(slot[0], p.number);
    else rest.push(p.number);
  }
  for (const number of rest) {
    const free = OUTLOOK_PHONES.find(([name]) => !out.has(name));
    if (free) out.set(free[0], number);
  }
  return out;
}

/** Outlook writes a birthday as month/day/year; it has no way to say "no year", so a year-less one is left out. */
const outlookBirthday = (b: Contact["birthday"]) => (b && b.year != null ? `${b.month}/${b.day}/${b.year}` : "");

/** Outlook's export columns (Outlook on the web and Outlook for Windows map them by name). */
const OUTLOOK_COLUMNS: Column[] = [
  col("First Name", (c) => c.firstName),
  col("Middle Name", () => ""),
  col("Last Name", (c) => c.lastName),
  col("E-mail Address", (c) => c.emails[0]?.address ?? ""),
  col("E-mail 2 Address", (c) => c.emails[1]?.address ?? ""),
  col("E-mail 3 Address", (c) => c.emails[2]?.address ?? ""),
  ...OUTLOOK_PHONES.map(([name]) => col(name, (c) => outlookPhones(c).get(name) ?? "", "phone")),
  col("Company", (_c, company) => company),
  col("Job Title", (c) => c.title),
  col("Web Page", (c) => c.links[0]?.url ?? ""),
  col("Birthday", (c) => outlookBirthday(c.birthday)),
  col("Notes", (c) => c.notes),
  col("Categories", (c) => c.tags.join(";")),
  // Outlook's own "Hobby" field (Details), which Kith reads back as interests.
  col("Hobby", (c) => c.interests.join(";")),
];

function columnsOf(format: CsvExportFormat, contacts: readonly Contact[]): Column[] {
  if (format === "google") return googleColumns(contacts);
  if (format === "outlook") return OUTLOOK_COLUMNS;
  return KITH_COLUMNS;
}

/**
 * A phone column's cell stays as it is when all of it is phone numbers (Kith's joins several with ` ::: `): a cell
 * that starts like a formula is read whole, so one number followed by anything else is neutralised.
 */
function safeCell(value: string, column: Column): string {
  if (column.kind === "phone" && value.split(" ::: ").every(isPhoneShaped)) return value;
  return neutralizeCell(value);
}

/**
 * RFC 4180 CSV (CRLF, quoted where needed) in Kith's columns (which Kith reads back), Google Contacts' or
 * Outlook's; formula-like cells neutralised, phone numbers left as numbers. Outlook's starts with a byte order
 * mark, without which Excel and Outlook for Windows read UTF-8 as their legacy code page.
 */
export function contactsToCsv(
  contacts: readonly Contact[],
  companyNames: ReadonlyMap<string, string>,
  format: CsvExportFormat = "kith",
): string {
  const columns = columnsOf(format, contacts);
  const lines = [columns.map((c) => quote(c.header)).join(",")];
  for (const c of contacts) {
    const company = c.companyId ? (companyNames.get(c.companyId) ?? "") : "";
    lines.push(columns.map((column) => quote(safeCell(column.value(c, company), column))).join(","));
  }
  return `${format === "outlook" ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`;
}
