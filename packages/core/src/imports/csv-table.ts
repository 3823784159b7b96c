import { parse } from "csv-parse/sync";
import { DomainError } from "../shared/errors.ts";

export interface CsvTable {
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

/**
 * LinkedIn puts a "Notes:" preamble before its header; the header is the first line that names at least two
 * known columns. Returns the 0-based index of that line.
 */
function headerLineIndex(lines: readonly string[]): number {
  const known = /^(first name|last name|name|e-?mail|email address|company|url|phone|given name|family name)$/i;
  for (let i = 0; i < Math.min(lines.length, 20); i++) {
    const cells = (lines[i] ?? "").split(",").map((c) => c.replace(/^"|"$/g, "").trim());
    if (cells.filter((c) => known.test(c)).length >= 2) return i;
  }
  return 0;
}

/** Parses CSV text (BOM, CRLF, quoted commas, quotes and newlines) into a header and rows with their line numbers. */
export function readCsvTable(text: string): CsvTable {
  const body = text.replace(/^\uFEFF/, "");
  const start = headerLineIndex(body.split(/\r?\n/, 20));
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      from_line: start + 1,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    const e = error as { message: string; lines?: number };
    throw new DomainError("validation", `line ${e.lines ?? "?"}: ${e.message}`, [
      { path: `line ${e.lines ?? "?"}`, message: e.message },
    ]);
  }
  const [header, ...rest] = records;
  if (!header) throw new DomainError("validation", "the file is empty", [{ path: "file", message: "is empty" }]);
  let nextLine = header.info.lines + 1;
  const rows = rest.map(({ record, info }) => {
    const line = nextLine;
    nextLine = info.lines + 1;
    return { line, cells: record };
  });
  return { headers: header.record.map((h) => h.trim()), rows };
}
