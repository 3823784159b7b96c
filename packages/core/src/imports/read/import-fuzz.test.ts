import * as fc from "fast-check";
import { describe, it } from "vitest";
import { DomainError } from "../../shared/errors.ts";
import { openImportFile } from "./import-file.ts";

/**
 * The standing import fuzzer (docs/RELIABILITY.md): generated CSV files (LinkedIn, Google, Outlook and unknown
 * headers; quotes, separators, line breaks and control characters inside cells; preambles; broken quoting) and
 * vCard files (2.1, 3.0, 4.0; parameters, escapes, folded lines, quoted-printable, photos, missing ends) are opened
 * and read row by row. A file may be refused whole, or stop at a broken line, only with a DomainError naming the
 * line; anything else it says is per row. Never a TypeError, a hang or a row without its line.
 * `KITH_FUZZ_SCALE` multiplies the runs; `KITH_FUZZ_SEED` picks the seed (fixed by default).
 */
const SCALE = Number(process.env.KITH_FUZZ_SCALE ?? 1);
const SEED = process.env.KITH_FUZZ_SEED === "random" ? Date.now() : Number(process.env.KITH_FUZZ_SEED ?? 20261206);
const CSV_RUNS = 30_000 * SCALE;
const VCARD_RUNS = 45_000 * SCALE;

const HEADERS = [
  "First Name",
  "Last Name",
  "URL",
  "Email Address",
  "Company",
  "Position",
  "Connected On",
  "Given Name",
  "Family Name",
  "Name",
  "E-mail 1 - Value",
  "E-mail Address",
  "Phone 1 - Value",
  "Mobile Phone",
  "Organization 1 - Name",
  "Organization 1 - Title",
  "Group Membership",
  "Birthday",
  "Notes",
  "Job Title",
  "Tags",
  "",
  "?",
];

const piece = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('"', '""', ",", ";", "\t", "\r", "\n", "\r\n", "\uFEFF", "=", "+", "-", "@"),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "ana@example.com",
      "zoë.50@exämple.com",
      "not-an-email",
      "https://www.linkedin.com/in/ana-b",
      "HTTPS://LinkedIn.com/in/Ana%20B/?x=1",
      "+1 (555) 010-0000",
      "12 Jan 2020",
      "2020-02-30",
      "--05-17",
      "1988-02-29",
      "Acme, Inc.",
      "محمد",
      "🙂",
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
);
const cell = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(""));
const quoted = (c: string) => `"${c.replaceAll('"', '""')}"`;

const csvFile = fc
  .record({
    headers: fc.array(fc.oneof(fc.constantFrom(...HEADERS), cell), { minLength: 1, maxLength: 8 }),
    rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 12 }),
    separator: fc.constantFrom(",", ",", ";", "\t"),
    newline: fc.constantFrom("\n", "\r\n", "\r"),
    quoteAll: fc.boolean(),
    preamble: fc.constantFrom("", 'Notes:\n"When exporting your connection data, you may notice..."\n\n', "\uFEFF"),
    breakAt: fc.option(fc.nat(200)),
  })
  .map(({ headers, rows, separator, newline, quoteAll, preamble, breakAt }) => {
    const line = (cells: string[]) =>
      cells.map((c) => (quoteAll || /[",;\t\r\n]/.test(c) ? quoted(c) : c)).join(separator);
    const text = preamble + [headers, ...rows].map(line).join(newline) + newline;
    // Sometimes cut the file anywhere, or open a quote that never closes.
    return breakAt === null ? text : `${text.slice(0, breakAt)}${breakAt % 2 ? '"' : ""}`;
  })
  .filter((text) => text.length > 0);

const vcardProperty = fc
  .record({
    group: fc.constantFrom("", "", "item1."),
    name: fc.constantFrom(
      "FN",
      "N",
      "EMAIL",
      "TEL",
      "ORG",
      "TITLE",
      "BDAY",
      "NOTE",
      "URL",
      "PHOTO",
      "X-SOCIALPROFILE",
      "IMPP",
      "ANNIVERSARY",
      "X-ANNIVERSARY",
      "X-ABDATE",
      "X-ABLabel",
      "CATEGORIES",
      "ADR",
      "X-UNKNOWN",
      "BEGIN",
      "END",
    ),
    params: fc.array(
      fc.constantFrom(
        "TYPE=work",
        "TYPE=INTERNET,pref",
        "ENCODING=QUOTED-PRINTABLE",
        "CHARSET=UTF-8",
        "ENCODING=b",
        "ENCODING=BASE64",
        "VALUE=uri",
        "type=linkedin",
        'LABEL="a;b"',
        "X=",
      ),
      { maxLength: 3 },
    ),
    value: fc.oneof(
      cell,
      fc.constantFrom(
        "Doe;Jane;;;",
        "Jane\\, the \\;best\\nline",
        "=C3=A9l=C3=A8ve=\r\n =3D",
        "data:image/png;base64,iVBORw0KGgo=",
        "/9j/4AAQSkZJRgABAQ",
        "1988-02-29",
        "--0517",
        "VCARD",
        "http://example.com/p.jpg",
      ),
    ),
    fold: fc.boolean(),
  })
  .map(({ group, name, params, value, fold }) => {
    const line = `${group}${name}${params.map((p) => `;${p}`).join("")}:${value}`;
    return fold && line.length > 10 ? `${line.slice(0, 10)}\r\n ${line.slice(10)}` : line;
  });

const vcardFile = fc
  .array(
    fc.record({
      version: fc.constantFrom("2.1", "3.0", "4.0", ""),
      properties: fc.array(vcardProperty, { maxLength: 10 }),
      closed: fc.boolean(),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((cards) =>
    cards
      .map(({ version, properties, closed }) =>
        [
          "BEGIN:VCARD",
          ...(version ? [`VERSION:${version}`] : []),
          ...properties,
          ...(closed ? ["END:VCARD"] : []),
        ].join("\r\n"),
      )
      .join("\r\n"),
  );

/** Opens and reads the whole file as a job would; a refusal must be a DomainError naming a line or the file. */
function readAll(content: string, format: "auto" | "vcard" | "csv"): void {
  let rows = 0;
  let lastLine = 0;
  const fail = (why: string) => {
    throw new Error(why);
  };
  try {
    const file = openImportFile({ content, format }, null);
    for (const row of file.rows()) {
      rows += 1;
      if (!Number.isInteger(row.line) || row.line < 1) fail(`row ${rows} has line ${row.line}`);
      if (row.line < lastLine) fail(`row ${rows} goes back from line ${lastLine} to ${row.line}`);
      lastLine = row.line;
      if (typeof row.draft.firstName !== "string" || typeof row.draft.lastName !== "string") fail("a name is not text");
      for (const issue of row.issues)
        if (issue.line !== row.line) fail(`an issue of line ${row.line} names ${issue.line}`);
      if (rows > 10_000) fail("more rows than the file could hold");
    }
  } catch (error) {
    if (error instanceof DomainError && error.message.length > 0) return;
    throw error;
  }
}

describe("import files under fuzzing", () => {
  it(`CSV: ${CSV_RUNS} generated files are read row by row or refused with the line`, { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(csvFile, fc.constantFrom("auto", "csv") as fc.Arbitrary<"auto" | "csv">, (content, format) => {
        readAll(content, format);
      }),
      { numRuns: CSV_RUNS, seed: SEED },
    );
  });

  it(`vCard: ${VCARD_RUNS} generated files are read card by card or refused with the line`, {
    timeout: 600_000,
  }, () => {
    fc.assert(
      fc.property(vcardFile, fc.constantFrom("auto", "vcard") as fc.Arbitrary<"auto" | "vcard">, (content, format) => {
        readAll(content, format);
      }),
      { numRuns: VCARD_RUNS, seed: SEED },
    );
  });
});
