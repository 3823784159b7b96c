import { parseInput } from "../../shared/validate.ts";
import type { ParsedRow } from "../plan/contact-draft.ts";
import { type ImportFormat, type ImportInput, importInputSchema } from "../schemas.ts";
import { type ColumnMapping, type CsvFormat, detectCsvFormat, guessMapping } from "./csv-mapping.ts";
import { rowsFromTable } from "./csv-rows.ts";
import { readCsvTable } from "./csv-table.ts";
import { looksLikeVcard } from "./import-file.ts";
import { rowsFromVcards } from "./vcard.ts";

export interface ParsedFile {
  format: Exclude<ImportFormat, "auto">;
  fileName: string;
  headers: string[];
  mapping: ColumnMapping;
  rows: ParsedRow[];
}

/**
 * Reads a whole file into contact drafts at once (tests and small files); the services stream it through
 * `openImportFile`, which reads the same rows.
 */
export function parseImportFile(input: ImportInput, country: string | null): ParsedFile {
  const data = parseInput(importInputSchema, input);
  const fileName = data.fileName ?? "";
  if (data.format === "vcard" || (data.format === "auto" && looksLikeVcard(data.content))) {
    return { format: "vcard", fileName, headers: [], mapping: {}, rows: rowsFromVcards(data.content, country) };
  }
  const table = readCsvTable(data.content);
  const format: CsvFormat = data.format === "auto" ? detectCsvFormat(table.headers) : data.format;
  const mapping = { ...guessMapping(table.headers, format), ...data.mapping };
  return { format, fileName, headers: table.headers, mapping, rows: rowsFromTable(table, mapping, country) };
}
