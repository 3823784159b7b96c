import { describe, expect, it } from "vitest";
import { type SampleName, readSample as sample } from "../../testing/samples.ts";
import type { ParsedRow } from "../plan/contact-draft.ts";
import { type ImportFile, openImportFile, readRows } from "./import-file.ts";
import { parseImportFile } from "./parse-import.ts";
import type { ResumePoint } from "./read-point.ts";

const all = (rows: Iterable<ParsedRow>): ParsedRow[] => [...rows];

/** The point after the first `k` rows, as a job records it with a chunk. */
function pointAfter(file: ImportFile, k: number): ResumePoint {
  const reading = readRows(file, file.start, "US");
  for (let i = 0; i < k; i++) reading.rows.next();
  return reading.next();
}

/** The text with everything before `offset` made unreadable (an unclosed quote, no line breaks), same length. */
const spoiled = (content: string, offset: number) =>
  offset === 0 ? content : `"${"x".repeat(offset - 1)}${content.slice(offset)}`;

/** Quoted CRLFs, blank lines, a BOM and a character outside the BMP across the parser's 64 KB slices. */
const TRICKY = `\uFEFFName,Notes\r\n"Ada","two\r\nlines"\r\n\r\nBo,${"x".repeat(64 * 1024 - 20)}😀😀\r\nCy,"é\r\n\r\nç"\r\nDi,last`;

describe("reading an import file from a point", () => {
  it.each([
    "linkedin-Connections.csv",
    "google-contacts.csv",
    "outlook-contacts.csv",
    "contacts-v21.vcf",
    "contacts-v3.vcf",
    "contacts-v4.vcf",
  ] satisfies SampleName[])(
    "%s: from the point after any row, the rest of the rows with the file's own lines, nothing before parsed",
    (name) => {
      const input = { content: sample(name), fileName: name };
      const whole = parseImportFile(input, "US").rows;
      const file = openImportFile(input, "US");
      for (let k = 0; k <= whole.length; k++) {
        const from = pointAfter(file, k);
        expect(all(readRows(file, from, "US").rows)).toEqual(whole.slice(k));
        // What comes before the point is never read: the same rows from a text whose start cannot be parsed.
        const content = spoiled(file.content, from.offset);
        expect(all(readRows({ ...file, content }, from, "US").rows)).toEqual(whole.slice(k));
      }
    },
  );

  it("keeps lines and text across quoted CRLFs, blank lines and slices when resumed after any row", () => {
    const file = openImportFile({ content: TRICKY }, null);
    const whole = all(file.rows());
    expect(whole.map((r) => [r.line, r.draft.firstName])).toEqual([
      [2, "Ada"],
      [5, "Bo"],
      [6, "Cy"],
      [9, "Di"],
    ]);
    for (let k = 0; k <= whole.length; k++) {
      const from = pointAfter(file, k);
      const content = spoiled(TRICKY, from.offset);
      expect(all(readRows({ ...file, content }, from, null).rows)).toEqual(whole.slice(k));
    }
    expect(pointAfter(file, whole.length)).toMatchObject({ offset: TRICKY.length, line: 10 });
  });

  it("opens a 30k-row file without parsing a row: a break on its first row is found only by reading", () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `Person ${i},p${i}@example.com`);
    const content = ["Name,Email", '"Broken,x"y', ...rows, ""].join("\n");
    const file = openImportFile({ content }, null);
    expect(file.start).toEqual({ offset: "Name,Email\n".length, line: 2, headers: ["Name", "Email"] });
    expect(() => file.rows().next()).toThrow(/^line 2: /);
  });

  it("finds the header after LinkedIn's preamble and a BOM, and names the line of a header that cannot be read", () => {
    const file = openImportFile({ content: sample("linkedin-Connections.csv") }, null);
    expect(file.start.line).toBe(5);
    expect(file.start.headers).toContain("Connected On");
    expect(() => openImportFile({ content: 'Name,Notes\r\n"one\r\ntwo",x\r\n' }, null)).not.toThrow();
    const quoted = openImportFile({ content: '"Full name\r\n(legal)",Email\r\nAda,a@example.com\r\n' }, null);
    expect(quoted.start).toMatchObject({ line: 3, headers: ["Full name\r\n(legal)", "Email"] });
    expect(all(quoted.rows()).map((r) => r.line)).toEqual([3]);
    expect(() => openImportFile({ content: "\n\n" }, null)).toThrow(/the file is empty/);
    expect(() => openImportFile({ content: '\n\n"Name,Email\nAda,a\n' }, null)).toThrow(/^line 3: Quote Not Closed/);
  });

  it("finds a tab or semicolon delimiter on the header line (after blank lines) and keeps it in every resume point", () => {
    for (const [content, delimiter] of [
      ["\r\n\r\nName\tEmail\r\nAda, Countess\tada@example.com\r\nBo\tbo@example.com\r\n", "\t"],
      ['Name;Email;"Notes, long"\nAda;ada@example.com;x,y\nBo;bo@example.com;\n', ";"],
    ] as const) {
      const file = openImportFile({ content }, null);
      expect(file.start.delimiter).toBe(delimiter);
      const whole = all(file.rows());
      // A comma is text in a tab-separated file.
      const name = delimiter === "\t" ? "Ada, Countess" : "Ada";
      expect(whole.map((r) => [`${r.draft.firstName} ${r.draft.lastName}`.trim(), r.draft.emails[0]?.address])).toEqual(
        [
          [name, "ada@example.com"],
          ["Bo", "bo@example.com"],
        ],
      );
      expect(pointAfter(file, 1).delimiter).toBe(delimiter);
      expect(all(readRows(file, pointAfter(file, 1), null).rows)).toEqual(whole.slice(1));
    }
    expect(openImportFile({ content: "Name,Email\nAda,a@example.com\n" }, null).start.delimiter).toBeUndefined();
  });

  it("starts the rows right after a header that spans several lines or follows blank lines (no row passed over)", () => {
    for (const content of [
      'Email,"Full name\r\n(legal,\r\nas on the passport)"\r\na@example.com,Ada\r\nb@example.com,Bo\r\nc@example.com,Cy\r\n',
      "\n\n\nName,Email\nAda,a@example.com\nBo,b@example.com\nCy,c@example.com\n",
    ]) {
      const file = openImportFile({ content }, null);
      expect(all(file.rows()).map((r) => r.line)).toEqual(parseImportFile({ content }, null).rows.map((r) => r.line));
      expect(all(file.rows())).toHaveLength(3);
    }
  });
});
