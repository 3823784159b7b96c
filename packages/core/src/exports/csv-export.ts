import type { Contact } from "../contacts/schemas.ts";

/** A cell a spreadsheet would run as a formula: `= + - @`, or a tab or carriage return that hides one. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Spreadsheets execute cells that start like formulas (CSV injection). Such cells get a leading apostrophe, which
 * spreadsheets show as text; Kith's own importer removes it again.
 */
export const neutralizeCell = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

const quote = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export const CSV_EXPORT_HEADERS = [
  "First Name",
  "Last Name",
  "E-mail",
  "Phone",
  "Website",
  "Company",
  "Title",
  "Tags",
  "Birthday",
  "Notes",
] as const;

const pad = (n: number) => String(n).padStart(2, "0");

export function birthdayText(b: Contact["birthday"]): string {
  if (!b) return "";
  return b.year != null ? `${b.year}-${pad(b.month)}-${pad(b.day)}` : `--${pad(b.month)}-${pad(b.day)}`;
}

function cellsOf(c: Contact, companyName: string): string[] {
  return [
    c.firstName,
    c.lastName,
    c.emails.map((e) => e.address).join(" ::: "),
    c.phones.map((p) => p.number).join(" ::: "),
    c.links.map((l) => l.url).join(" ::: "),
    companyName,
    c.title,
    c.tags.join(" ::: "),
    birthdayText(c.birthday),
    c.notes,
  ];
}

/** RFC 4180 CSV (CRLF, quoted where needed) that Kith and spreadsheets read back; formula-like cells neutralised. */
export function contactsToCsv(contacts: readonly Contact[], companyNames: ReadonlyMap<string, string>): string {
  const lines = [CSV_EXPORT_HEADERS.join(",")];
  for (const c of contacts) {
    const company = c.companyId ? (companyNames.get(c.companyId) ?? "") : "";
    lines.push(
      cellsOf(c, company)
        .map((v) => quote(neutralizeCell(v)))
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
