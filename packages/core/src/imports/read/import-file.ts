import { parseInput } from "../../shared/validate.ts";
import type { ParsedRow } from "../plan/contact-draft.ts";
import { type ImportFormat, type ImportInput, importInputSchema } from "../schemas.ts";
import { type ColumnMapping, type CsvFormat, detectCsvFormat, guessMapping } from "./csv-mapping.ts";
import { rowOfCells } from "./csv-rows.ts";
import { countCsvRows, readCsvHeader, streamCsvRows } from "./csv-table.ts";
import { draftOfCard, splitCards } from "./vcard.ts";

/** An upload opened for reading: what it is, how its columns map, and its rows on demand. */
export interface ImportFile {
  format: Exclude<ImportFormat, "auto">;
  fileName: string;
  headers: string[];
  mapping: ColumnMapping;
  /**
   * The rows in file order, parsed as they are pulled: CSV is streamed, a vCard file is split into cards first.
   * Pulling is synchronous: a long loop over them should `pause()` now and then.
   */
  rows(): Generator<ParsedRow>;
  /** How many rows there are; reading them all through finds a broken file (it fails naming the line). */
  count(): Promise<number>;
}

export const looksLikeVcard = (content: string) => /^\uFEFF?\s*BEGIN:VCARD/i.test(content);

function vcardFile(content: string, fileName: string, country: string | null): ImportFile {
  const cards = splitCards(content);
  return {
    format: "vcard",
    fileName,
    headers: [],
    mapping: {},
    *rows() {
      for (const card of cards) yield draftOfCard(card, country);
    },
    count: async () => cards.length,
  };
}

/** Opens any supported file: the format is detected unless given; CSV columns are mapped (guessed, then the user's). */
export function openImportFile(input: ImportInput, country: string | null): ImportFile {
  const data = parseInput(importInputSchema, input);
  const fileName = data.fileName ?? "";
  if (data.format === "vcard" || (data.format === "auto" && looksLikeVcard(data.content))) {
    return vcardFile(data.content, fileName, country);
  }
  const header = readCsvHeader(data.content);
  const format: CsvFormat = data.format === "auto" ? detectCsvFormat(header.headers) : data.format;
  const mapping = { ...guessMapping(header.headers, format), ...data.mapping };
  return {
    format,
    fileName,
    headers: header.headers,
    mapping,
    *rows() {
      for (const record of streamCsvRows(header)) yield rowOfCells(header.headers, mapping, country, record);
    },
    count: () => countCsvRows(header),
  };
}
