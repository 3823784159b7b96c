import { parseInput } from "../../shared/validate.ts";
import type { ParsedRow } from "../plan/contact-draft.ts";
import { type ImportFormat, type ImportInput, importInputSchema } from "../schemas.ts";
import { type ColumnMapping, type CsvFormat, detectCsvFormat, guessMapping } from "./csv-mapping.ts";
import { rowOfCells } from "./csv-rows.ts";
import { readCsvHeader, streamCsvRows } from "./csv-table.ts";
import type { ResumePoint } from "./read-point.ts";
import { cardsFrom, cardsStart, draftOfCard } from "./vcard.ts";

/** A stored file as a job reads it: the format and mapping it was queued with. */
export interface StoredFile {
  content: string;
  format: Exclude<ImportFormat, "auto">;
  mapping: ColumnMapping;
}

/** An upload opened for reading: what it is, how its columns map, where its rows start, and its rows on demand. */
export interface ImportFile extends StoredFile {
  fileName: string;
  headers: string[];
  /** Where the first row starts, found without reading any row (the header, for CSV, is read). */
  start: ResumePoint;
  /**
   * The rows in file order, parsed as they are pulled: CSV is streamed, a vCard file is split into cards as it
   * goes. Pulling is synchronous: a long loop over them should `yieldToLoop()` now and then. A broken CSV file fails
   * when the reading reaches the break, naming the line.
   */
  rows(): Generator<ParsedRow>;
}

/** Rows read from a point, and where the reading goes on after the last row pulled. */
export interface RowReading {
  rows: Generator<ParsedRow>;
  next(): ResumePoint;
}

export const looksLikeVcard = (content: string) => /^\uFEFF?\s*BEGIN:VCARD/i.test(content);

/** Reads a file's rows from `from` (its start, or where a job stopped): nothing before it is parsed. */
export function readRows(file: StoredFile, from: ResumePoint, country: string | null): RowReading {
  // What every point of this reading carries on: the header, and the delimiter (absent: a comma).
  const carried = { headers: from.headers, ...(from.delimiter ? { delimiter: from.delimiter } : {}) };
  // Worked out when asked (once a chunk): a CSV offset is converted from the parser's bytes then.
  let after = (): ResumePoint => from;
  function* rows(): Generator<ParsedRow> {
    if (file.format === "vcard") {
      for (const card of cardsFrom(file.content, from)) {
        after = () => ({ ...card.next, ...carried });
        yield draftOfCard(card, country);
      }
      return;
    }
    for (const record of streamCsvRows(file.content, from, from.delimiter)) {
      after = () => ({ ...record.next(), ...carried });
      yield rowOfCells(from.headers, file.mapping, country, record);
    }
  }
  return { rows: rows(), next: () => after() };
}

/**
 * Opens any supported file, reading no row: the format is detected unless given; CSV columns are mapped (guessed,
 * then the user's) from the header, whose break (an unclosed quote) fails here naming the line.
 */
export function openImportFile(input: ImportInput, country: string | null): ImportFile {
  const data = parseInput(importInputSchema, input);
  const { content } = data;
  const fileName = data.fileName ?? "";
  const opened = (format: ImportFile["format"], mapping: ColumnMapping, start: ResumePoint): ImportFile => ({
    ...{ content, format, fileName, headers: start.headers, mapping, start },
    rows: () => readRows({ content, format, mapping }, start, country).rows,
  });
  if (data.format === "vcard" || (data.format === "auto" && looksLikeVcard(content))) {
    return opened("vcard", {}, { ...cardsStart(content), headers: [] });
  }
  const { headers, rowsFrom, delimiter } = readCsvHeader(content);
  const format: CsvFormat = data.format === "auto" ? detectCsvFormat(headers) : data.format;
  const start: ResumePoint = { ...rowsFrom, headers, ...(delimiter === "," ? {} : { delimiter }) };
  return opened(format, { ...guessMapping(headers, format), ...data.mapping }, start);
}
