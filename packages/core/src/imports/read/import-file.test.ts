import { describe, expect, it } from "vitest";
import { type SampleName, readSample as sample } from "../../testing/samples.ts";
import type { ParsedRow } from "../plan/contact-draft.ts";
import { openImportFile } from "./import-file.ts";
import { parseImportFile } from "./parse-import.ts";

const all = (rows: Iterable<ParsedRow>): ParsedRow[] => [...rows];

describe("streamed reading of an import file", () => {
  it.each([
    "linkedin-Connections.csv",
    "google-contacts.csv",
    "outlook-contacts.csv",
    "contacts-v21.vcf",
    "contacts-v3.vcf",
    "contacts-v4.vcf",
  ] satisfies SampleName[])(
    "%s: the same format, mapping, rows, lines and issues as reading it whole",
    async (name) => {
      const input = { content: sample(name), fileName: name };
      const whole = parseImportFile(input, "US");
      const file = openImportFile(input, "US");
      expect({ format: file.format, headers: file.headers, mapping: file.mapping }).toEqual({
        format: whole.format,
        headers: whole.headers,
        mapping: whole.mapping,
      });
      expect(all(file.rows())).toEqual(whole.rows);
    },
  );

  it("keeps line numbers across quoted newlines, CRLF and characters outside the BMP split between slices", async () => {
    const filler = "x".repeat(64 * 1024 - 16);
    const content = `Name,Notes\r\n"Ada","two\r\nlines"\r\nBo,${filler}😀😀\r\n\r\nCy,last\r\n`;
    const rows = all(openImportFile({ content }, null).rows());
    expect(rows.map((r) => [r.line, r.draft.firstName])).toEqual([
      [2, "Ada"],
      [4, "Bo"],
      [6, "Cy"],
    ]);
    expect(rows[0]?.draft.notes).toBe("two\r\nlines");
    expect(rows[1]?.draft.notes.endsWith("😀😀")).toBe(true);
    expect(rows[1]?.issues).toEqual([]);
  });

  it("parses as it reads: the first rows come before the parser has seen a break far into the file", async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `Person ${i},p${i}@example.com`);
    const content = ["Name,Email", ...rows, '"Broken,b@example.com', ""].join("\n");
    const file = openImportFile({ content }, null);
    const first = file.rows().next();
    expect(first.value).toMatchObject({ line: 2, draft: { firstName: "Person", lastName: "0" } });
    expect(() => all(file.rows())).toThrow(/^line 50002: Quote Not Closed/);
  });

  it("names the line of a break after quoted CRLFs as the file numbers it", () => {
    const content = 'Name,Notes\r\nAda,"one\r\ntwo\r\nthree"\r\nBo,x\r\n"Cy,broken\r\n';
    const file = openImportFile({ content }, null);
    expect(() => all(file.rows())).toThrow("line 6: Quote Not Closed: the parsing is finished with an opening quote");
    const invalid = openImportFile({ content: 'Name,Notes\r\nAda,"a\r\nb"\r\nBo,x"y\r\n' }, null);
    expect(() => all(invalid.rows())).toThrow(/^line 4: Invalid Opening Quote/);
  });

  it("names an empty file and a header that cannot be read", () => {
    expect(() => openImportFile({ content: "\n\n" }, null)).toThrow(/the file is empty/);
    expect(() => openImportFile({ content: '"Name,Email\n' }, null)).toThrow(/line 1/);
  });
});
